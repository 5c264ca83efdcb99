#!/usr/bin/env bash
# Runs every test (core GoogleTest, app QtTest offscreen) of the build in build/, then builds the
# Debian package from it, installs it and runs the installed programs (scripts/package.sh).
# `scripts/test.sh --sanitizers` instead builds and runs the tests under ASan+UBSan and TSan
# (scripts/sanitize.sh; about an hour from scratch on two cores, so not part of CI).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--sanitizers" ]; then
  exec scripts/sanitize.sh
fi
export QT_QPA_PLATFORM=offscreen
ctest --test-dir build --output-on-failure -j2
scripts/package.sh build
