#!/usr/bin/env bash
# Runs every test (core GoogleTest, app QtTest offscreen) of the build in build/, then builds the
# Debian package from it, installs it and runs the installed programs (scripts/package.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=offscreen
ctest --test-dir build --output-on-failure -j2
scripts/package.sh build
