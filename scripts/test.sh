#!/usr/bin/env bash
# The whole test suite: installs what the tests need, then runs them.
# Usage: ./scripts/test.sh [extra cargo test arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages the tests need, installed with apt-get (as root, or
# through sudo); the package lists are fetched once per run.
apt_updated=""
apt_install() {
  local run=()
  [ "$(id -u)" -eq 0 ] || run=(sudo)
  if [ -z "$apt_updated" ]; then
    "${run[@]}" apt-get update -qq >/dev/null
    apt_updated=1
  fi
  echo "installing $* with apt-get" >&2
  DEBIAN_FRONTEND=noninteractive "${run[@]}" apt-get install -y -qq "$@" >/dev/null
}

# Python tools the tests run: the pre-commit framework (tests/precommit.rs),
# check-jsonschema (tests/schema.rs) and PyYAML, a YAML 1.1 reader that
# must read what the write commands write (tests/regression.rs), in a
# virtualenv under target/. Installed once; later runs only check that
# they are there.
PYTOOLS="${CARGO_TARGET_DIR:-target}/pytools"
if ! "$PYTOOLS/bin/pre-commit" --version >/dev/null 2>&1 ||
   ! "$PYTOOLS/bin/check-jsonschema" --version >/dev/null 2>&1 ||
   ! "$PYTOOLS/bin/python3" -c 'import yaml' >/dev/null 2>&1; then
  echo "installing pre-commit, check-jsonschema and PyYAML into $PYTOOLS" >&2
  python3 -m venv "$PYTOOLS"
  "$PYTOOLS/bin/pip" install --quiet --disable-pip-version-check \
    'pre-commit==4.7.0' 'check-jsonschema==0.39.0' 'PyYAML==6.0.4'
fi
TSC_PYTOOLS="$(cd "$PYTOOLS/bin" && pwd)"

# cmark-gfm, GitHub's Markdown renderer, from Debian's packages: the tests
# render tsc's Markdown with it (tests/escaping.rs).
if ! command -v cmark-gfm >/dev/null 2>&1; then
  echo "installing cmark-gfm" >&2
  sudo_if_needed=""
  if [ "$(id -u)" != 0 ]; then sudo_if_needed="sudo"; fi
  $sudo_if_needed apt-get install -y -q cmark-gfm >/dev/null ||
    { $sudo_if_needed apt-get update -q >/dev/null && $sudo_if_needed apt-get install -y -q cmark-gfm >/dev/null; }
fi
export TSC_PYTOOLS

# man (tests/reports.rs renders the man pages with it); headless Chromium
# and poppler's pdfinfo/pdftotext (tests/print.rs prints the documents).
command -v man >/dev/null 2>&1 || apt_install man-db groff-base
if ! command -v chromium >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1; then
  apt_install chromium poppler-utils
fi

# Node tools: yaml-language-server, the editors' YAML server
# (tests/editor.rs), with npm into target/nodetools.
NODETOOLS="${CARGO_TARGET_DIR:-target}/nodetools"
if ! [ -x "$NODETOOLS/node_modules/.bin/yaml-language-server" ]; then
  if ! command -v npm >/dev/null 2>&1; then
    apt_install nodejs npm
  fi
  echo "installing yaml-language-server into $NODETOOLS" >&2
  mkdir -p "$NODETOOLS"
  npm install --prefix "$NODETOOLS" --no-audit --no-fund --silent 'yaml-language-server@1.25.0'
fi
TSC_NODETOOLS="$(cd "$NODETOOLS/node_modules/.bin" && pwd)"
export TSC_NODETOOLS

# LibreOffice Calc without its GUI, for the spreadsheet tests
# (tests/calc.rs): about 88 MB of packages, 272 MB on disk, 2 to 3 minutes
# on a machine that already has Chromium's dependencies. The recommended
# packages (dictionaries, python3-uno, apparmor) are not needed.
command -v soffice >/dev/null 2>&1 || apt_install --no-install-recommends libreoffice-calc-nogui

# strace, for the test that a broken record is opened exactly once
# (tests/spans.rs).
command -v strace >/dev/null 2>&1 || apt_install strace

# Run every test target and the doc tests, keep cargo's output as it is,
# and end with one plain total line ("tests: N passed, N failed").
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
{ cargo test --all-targets "$@" && cargo test --doc; } 2>&1 | tee "$log" || status=$?
awk '/^test result:/ { p += $4; f += $6 } END { printf "tests: %d passed, %d failed\n", p, f }' "$log"
exit "$status"
