#!/bin/sh
# A real screenshot of BK-SDM Studio after a run: the app under Xvfb loads a model (by default the
# tiny fixture model, whose weights are random, so the "image" is coloured noise), generates once,
# grabs its window from the X server and quits. Settings go to a throw-away folder.
#   scripts/screenshot.sh [OUTPUT.png]   (default docs/screenshot.png)
# Environment: BKSDM_BUILD_DIR (default build-app), BKSDM_SCREENSHOT_MODEL, BKSDM_SCREENSHOT_ARGS.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BKSDM_BUILD_DIR:-$root/build-app}
output=${1:-$root/docs/screenshot.png}
model=${BKSDM_SCREENSHOT_MODEL:-$root/tests/fixtures/models/bk-sdm-v2-tiny-mini}
case $output in /*) ;; *) output=$PWD/$output ;; esac

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$(dirname "$output")"

# shellcheck disable=SC2086  # BKSDM_SCREENSHOT_ARGS is a list of options
XDG_CONFIG_HOME=$scratch/config HF_HUB_CACHE=$scratch/hub QT_QPA_PLATFORM=xcb \
  xvfb-run -a -s "-screen 0 1280x800x24" \
  "$build/bin/bksdm-studio" --model "$model" \
    --prompt "a lighthouse on a rocky cliff at dawn, soft light, oil painting" \
    --negative-prompt "blurry, low quality" \
    --steps 25 --seed 1234 --size 256x256 --report-stalls \
    ${BKSDM_SCREENSHOT_ARGS:-} --screenshot "$output"
echo "wrote $output"
