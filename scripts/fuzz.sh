#!/usr/bin/env bash
# A fuzzing campaign, not a CI step: builds the fuzz targets (libFuzzer, ASan, UBSan; see
# fuzz/CMakeLists.txt) in build-fuzz, the engine's and the app's non-widget parsers, runs each for
# SECONDS (default 120) at low priority, and prints per target what it reached: executions, the
# coverage features at the start and the end, the corpus and its largest input, the slowest input,
# and the findings. A crash, a timeout (an input that took longer than TIMEOUT seconds, default 5:
# how a superlinear parser or a blocking open shows) or running out of memory stops its target and
# leaves the input in build-fuzz/fuzz/artifacts/TARGET/ (add it to fuzz/corpus/TARGET once fixed);
# the script then exits 1. Inputs slower than SLOW seconds (default 1) are kept there as slow-unit-*
# and counted, without failing. New inputs found accumulate in build-fuzz/fuzz/work/TARGET for the
# next campaign.
# Usage: [TIMEOUT=5] [SLOW=1] scripts/fuzz.sh [SECONDS] [TARGET...]   (default: every fuzz_* built)
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-120}
shift || true
timeout=${TIMEOUT:-5}
slow=${SLOW:-1}
build=build-fuzz
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBKSDM_FUZZ=ON >/dev/null
nice -n 10 ninja -C "$build" fuzzers >/dev/null

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <(find "$build/bin" -maxdepth 1 -name 'fuzz_*' -type f -printf '%f\n' | sed 's/^fuzz_//' | sort)
fi

# The longest input each target mutates: the largest real file of its kind, whole, and past the
# engine's caps where a cap is the thing to reach (configs 1 MiB, A1111 text 1 MiB).
max_len() {
  case $1 in
    safetensors | tokenizer_files | gallery_index) echo $((4 << 20)) ;;  # a 3.2 MB text encoder, a 1.5 MB tokenizer
    png_text | file_read) echo $((2 << 20)) ;;
    model_config | model_build | taesd | generation_settings | hub_answers) echo $((1 << 20)) ;;
    prompt) echo $((256 << 10)) ;;
    *) echo $((64 << 10)) ;;  # model_folder: a description of a file tree
  esac
}

# "ft: N" of the first and the last status line, "corp: N/SIZE" of the last.
status_field() {  # LOG PATTERN first|last
  # None where the target stopped before its first status line (a seed crashed it).
  { grep -E '^#[0-9]+' "$1" | grep -oE "$2" || true; } | { if [ "$3" = first ]; then head -1; else tail -1; fi; } |
    sed 's/^[a-z]*: //'
}

printf '%-20s %11s %7s %15s %14s %9s %7s %6s %8s  %s\n' target executions exec/s 'features' corpus largest slowest slow findings artifact
failed=0
for target in "${targets[@]}"; do
  work=$build/fuzz/work/$target
  artifacts=$build/fuzz/artifacts/$target
  log=$build/fuzz/$target.log
  mkdir -p "$work" "$artifacts"
  nice -n 10 "$build/bin/fuzz_$target" -max_total_time="$seconds" -max_len="$(max_len "$target")" \
    -timeout="$timeout" -report_slow_units="$slow" -rss_limit_mb=4096 -print_final_stats=1 \
    -artifact_prefix="$artifacts/" "$work" "$build/fuzz/seeds/$target" "fuzz/corpus/$target" >"$log" 2>&1 || true
  executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  per_second=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
  slowest=$(sed -n 's/^stat::slowest_unit_time_sec: *//p' "$log")
  features="$(status_field "$log" 'ft: [0-9]+' first) → $(status_field "$log" 'ft: [0-9]+' last)"
  corpus=$(status_field "$log" 'corp: [0-9]+/[0-9]+[a-zA-Z]*' last)
  largest=$(find "$work" "$build/fuzz/seeds/$target" "fuzz/corpus/$target" -type f -printf '%s\n' | sort -n | tail -1)
  slow_units=$(find "$artifacts" -type f -name 'slow-unit-*' | wc -l)
  findings=$(find "$artifacts" -type f ! -name 'slow-unit-*' | sort)
  count=$(echo -n "$findings" | grep -c . || true)
  [ "$count" -gt 0 ] && failed=1
  printf '%-20s %11s %7s %15s %14s %9s %7s %6s %8s  %s\n' "$target" "${executions:-?}" "${per_second:-?}" "$features" \
    "${corpus:-?}" "$(numfmt --to=iec "${largest:-0}")" "${slowest:-?}s" "$slow_units" "$count" "$(echo "$findings" | head -1)"
done
exit $failed
