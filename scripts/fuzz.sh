#!/usr/bin/env bash
# A fuzzing campaign, not a CI step: builds the fuzz targets (libFuzzer, ASan, UBSan; see
# fuzz/CMakeLists.txt) in build-fuzz, runs each for SECONDS (default 120) at low priority, and prints per target the
# inputs executed and the crashes found. A crash stops its target; its input is left in
# build-fuzz/fuzz/artifacts/TARGET/ (add it to fuzz/corpus/TARGET once fixed). New inputs found
# accumulate in build-fuzz/fuzz/work/TARGET for the next campaign.
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]   (targets: see BKSDM_FUZZ_TARGETS in fuzz/CMakeLists.txt)
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-120}
shift || true
build=build-fuzz
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBKSDM_FUZZ=ON -DBKSDM_BUILD_APP=OFF >/dev/null
nice -n 10 ninja -C "$build" fuzzers >/dev/null

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(safetensors model_config tokenizer_files prompt png_text)
fi

# The longest input each target mutates: room for a real header, config or tokenizer, no more.
max_len() {
  case $1 in
    safetensors | tokenizer_files) echo 65536 ;;
    *) echo 16384 ;;
  esac
}

printf '%-16s %12s %10s %8s  %s\n' target executions exec/s crashes artifact
for target in "${targets[@]}"; do
  work=$build/fuzz/work/$target
  artifacts=$build/fuzz/artifacts/$target
  log=$build/fuzz/$target.log
  mkdir -p "$work" "$artifacts"
  nice -n 10 "$build/bin/fuzz_$target" -max_total_time="$seconds" -max_len="$(max_len "$target")" -timeout=10 \
    -rss_limit_mb=4096 -print_final_stats=1 -artifact_prefix="$artifacts/" \
    "$work" "$build/fuzz/seeds/$target" "fuzz/corpus/$target" >"$log" 2>&1 || true
  executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  per_second=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
  found=$(find "$artifacts" -type f | sort)
  printf '%-16s %12s %10s %8s  %s\n' "$target" "${executions:-?}" "${per_second:-?}" "$(echo -n "$found" | grep -c . || true)" \
    "$(echo "$found" | head -1)"
done
