#!/bin/sh
# The walkthrough's pictures of the Grid tab and of a teacher comparison, grabbed from the window
# by the app tests that make them (offscreen, with the tiny fixture models: random weights, so the
# images are coloured noise and the similarity figures mean nothing).
#   scripts/doc-screenshots.sh   (writes docs/walkthrough/grid.png and teacher-compare.png)
# Environment: BKSDM_BUILD_DIR (default build).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BKSDM_BUILD_DIR:-$root/build}
docs=$root/docs/walkthrough
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export BKSDM_DOCS_DIR="$docs" QT_QPA_PLATFORM=offscreen XDG_CONFIG_HOME=$scratch/config HF_HUB_CACHE=$scratch/hub
"$build/bin/app_test_grid" aGridFillsInInItsOrder
"$build/bin/app_test_model_compare" aTeacherComparisonForTheDocs
echo "wrote $docs/grid.png and $docs/teacher-compare.png"
