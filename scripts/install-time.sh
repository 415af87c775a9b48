#!/usr/bin/env bash
# Times the first install of the `tsc-validate` pre-commit hook, as a
# committee's repository gets it (docs/performance.md, "Install time").
#
# Usage: ./scripts/install-time.sh REV [REV...]
#   TOGETHER=1 ./scripts/install-time.sh REV1 REV2   # install them at once,
#                                                   # under the same load
#
# For each REV (a commit of this repository): a new committee repository
# whose .pre-commit-config.yaml pins this repository at REV, then
# `pre-commit install-hooks` with a fresh PRE_COMMIT_HOME and a fresh, empty
# CARGO_HOME, so the crates are downloaded as on a first install. pre-commit
# runs `cargo install --bins --root ENV --path .` in its clone. Every rustc
# runs under GNU time through a RUSTC_WRAPPER, so cpu.log holds each
# crate's CPU ("package crate kind user sys wall").
#
# Prints one markdown row per REV: wall, CPU (user + sys), the load average
# before and after, and the sizes of the clone's target/, PRE_COMMIT_HOME
# and CARGO_HOME. Work goes to ${TSC_INSTALL_TIME_DIR:-/tmp/tsc-install-time}/REV.
# Needs pre-commit on PATH (or in target/pytools, as scripts/test.sh puts it)
# and GNU time.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="${TSC_INSTALL_TIME_DIR:-/tmp/tsc-install-time}"
PATH="$PATH:$repo/target/pytools/bin"
command -v pre-commit >/dev/null || { echo "install-time.sh: pre-commit not found" >&2; exit 2; }
[ $# -gt 0 ] || { echo "usage: $0 REV [REV...]" >&2; exit 2; }
mkdir -p "$work"

cat >"$work/rustc-cpu.sh" <<'EOF'
#!/bin/sh
rustc="$1"; shift; name=""; kind=""; prev=""
for a in "$@"; do
  case "$prev" in --crate-name) name="$a";; --crate-type) kind="$kind$a,";; esac
  prev="$a"
done
[ -z "$name" ] && exec "$rustc" "$@"
exec /usr/bin/time -a -o "$RUSTC_CPU_LOG" -f "${CARGO_PKG_NAME:-?} $name $kind %U %S %e" "$rustc" "$@"
EOF
chmod +x "$work/rustc-cpu.sh"

one() {
  local rev d
  rev="$(git -C "$repo" rev-parse "$1")"
  d="$work/${rev:0:7}"
  rm -rf "$d"
  mkdir -p "$d/cargo-home" "$d/pch" "$d/committee"
  git -C "$d/committee" init -q .
  printf 'repos:\n  - repo: %s\n    rev: %s\n    hooks:\n      - id: tsc-validate\n' \
    "$repo" "$rev" >"$d/committee/.pre-commit-config.yaml"
  git -C "$d/committee" add .pre-commit-config.yaml
  git -C "$d/committee" -c user.name=t -c user.email=t@localhost commit -qm config
  local load_before
  load_before="$(cut -d' ' -f1 /proc/loadavg)"
  (cd "$d/committee" &&
    RUSTC_WRAPPER="$work/rustc-cpu.sh" RUSTC_CPU_LOG="$d/cpu.log" \
      CARGO_HOME="$d/cargo-home" PRE_COMMIT_HOME="$d/pch" \
      /usr/bin/time -o "$d/time" -f '%e %U %S' nice -n 10 pre-commit install-hooks >"$d/log" 2>&1)
  local wall user sys
  read -r wall user sys <"$d/time"
  printf '| %s | %d min %d s | %.1f s | %s → %s | %s MB | %s MB | %s MB |\n' \
    "${rev:0:7}" "$((${wall%.*} / 60))" "$((${wall%.*} % 60))" "$(awk "BEGIN { print $user + $sys }")" \
    "$load_before" "$(cut -d' ' -f1 /proc/loadavg)" \
    "$(du -sm "$d"/pch/repo*/target | cut -f1)" "$(du -sm "$d/pch" | cut -f1)" \
    "$(du -sm "$d/cargo-home" | cut -f1)" >"$d/row"
}

echo "| tsc at | wall | CPU (user + sys) | load | target/ left | PRE_COMMIT_HOME | CARGO_HOME |"
echo "|---|---:|---:|---:|---:|---:|---:|"
if [ -n "${TOGETHER:-}" ]; then
  for rev in "$@"; do one "$rev" & done
  wait
else
  for rev in "$@"; do one "$rev"; done
fi
for rev in "$@"; do
  rev="$(git -C "$repo" rev-parse "$rev")"
  cat "$work/${rev:0:7}/row"
done
