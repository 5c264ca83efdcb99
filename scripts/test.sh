#!/usr/bin/env bash
# Runs every test (core GoogleTest, app QtTest offscreen) of the build in build/.
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=offscreen
ctest --test-dir build --output-on-failure -j2
