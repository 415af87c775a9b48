#!/usr/bin/env bash
# The whole test suite: installs what the tests need, then runs them.
# Usage: ./scripts/test.sh [extra cargo test arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

# Python tools the tests run: the pre-commit framework (tests/precommit.rs)
# and check-jsonschema (tests/schema.rs), in a virtualenv under target/.
# Installed once; later runs only check that they are there.
PYTOOLS="${CARGO_TARGET_DIR:-target}/pytools"
if ! "$PYTOOLS/bin/pre-commit" --version >/dev/null 2>&1 ||
   ! "$PYTOOLS/bin/check-jsonschema" --version >/dev/null 2>&1; then
  echo "installing pre-commit and check-jsonschema into $PYTOOLS" >&2
  python3 -m venv "$PYTOOLS"
  "$PYTOOLS/bin/pip" install --quiet --disable-pip-version-check \
    'pre-commit==4.7.0' 'check-jsonschema==0.39.0'
fi
TSC_PYTOOLS="$(cd "$PYTOOLS/bin" && pwd)"
export TSC_PYTOOLS

# strace, for the test that a broken record is opened exactly once
# (tests/spans.rs).
if ! command -v strace >/dev/null 2>&1; then
  echo "installing strace" >&2
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get install -y strace >/dev/null 2>&1 ||
    { $sudo_cmd apt-get update >/dev/null && $sudo_cmd apt-get install -y strace >/dev/null; }
fi

# Run every test target and the doc tests, keep cargo's output as it is,
# and end with one plain total line ("tests: N passed, N failed").
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
{ cargo test --all-targets "$@" && cargo test --doc; } 2>&1 | tee "$log" || status=$?
awk '/^test result:/ { p += $4; f += $6 } END { printf "tests: %d passed, %d failed\n", p, f }' "$log"
exit "$status"
