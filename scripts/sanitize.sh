#!/usr/bin/env bash
# The engine and the app's non-widget code under the sanitizers, each build in its own folder (gcc,
# RelWithDebInfo):
#   asan  build-asan, -fsanitize=address,undefined: every core test, the fuzz corpora (the app's
#         parsers' included), and the tests of the gallery, the Hub downloads and the settings
#         (tests/app/gallery, tests/app/hub, test_settings; they drive widgets too, which are built
#         instrumented as well)
#   tsan  build-tsan, -fsanitize=thread: every app test that starts or drives a thread (the worker,
#         the queue, the gallery's scans and thumbnails, the Hub's hashing, the catalogue, the
#         token counter, the windows that own them): the tests that name one of the classes in
#         `threaded` below
# and prints, per build, which tests passed and which failed. The executables link
# fuzz/sanitizer_dlopen.c and their sanitizer runtime statically, which lets the tokenizer's
# deep-bound sentencepiece module load (ASan and TSan otherwise end the process). The module is
# instrumented too but linked without a runtime of its own (-static-lib* on a shared object links
# none; a second, shared runtime would end the process): the executables export theirs
# (-rdynamic). So the sentencepiece module does load under ASan, and the tokenizer's tests run it
# in-process (test_clip_tokenizer, test_prompt_words, the pipeline tests, fuzz.prompt).
# Usage: scripts/sanitize.sh [asan] [tsan]   (both by default)
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD
builds=("$@")
[ ${#builds[@]} -eq 0 ] && builds=(asan tsan)

# handle_sigbus=0: the engine owns SIGBUS (a mapped weights file truncated under a run becomes an
# error, any other bus error still kills: test_mapped_file_guard); ASan's own handler would abort instead.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1:strict_string_checks=1:handle_sigbus=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
# Debian's Qt, GLib and libtorch are not built with TSan: their accesses are ignored and what their
# unseen synchronisation still leaves is suppressed in scripts/tsan.supp (third-party frames only).
# die_after_fork=0: gallery_test_saving starts itself as a child (QProcess) to kill it mid-write, and
# TSan otherwise ends a forked child of a threaded process before it reaches exec.
export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=0:second_deadlock_stack=1:ignore_noninstrumented_modules=1:die_after_fork=0:suppressions=$root/scripts/tsan.supp}
export QT_QPA_PLATFORM=offscreen

configure() {  # DIR FLAGS STATIC_RUNTIMES APP
  local dir=$1 flags="$2 -fno-omit-frame-pointer"
  mkdir -p "$dir"
  gcc -c -O1 -fPIC fuzz/sanitizer_dlopen.c -o "$dir/sanitizer_dlopen.o" || return 1
  cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_FLAGS="$flags" \
    -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="$flags $3 -rdynamic $root/$dir/sanitizer_dlopen.o" \
    -DCMAKE_MODULE_LINKER_FLAGS="$flags $3" -DBKSDM_BUILD_APP="$4" >/dev/null
}

# Runs the tests matching REGEX in DIR; prints the summary and the failures.
run_tests() {  # NAME DIR REGEX
  local log=$2/sanitize-tests.log
  ctest --test-dir "$2" -R "$3" -j2 --timeout 1800 --output-on-failure >"$log" 2>&1
  local status=$?
  echo "== $1: $(grep -E 'tests passed' "$log" || echo 'no tests ran')"
  sed -n '/The following tests FAILED/,$p' "$log"
  grep -hE 'ERROR: AddressSanitizer|runtime error:|WARNING: ThreadSanitizer' "$log" | sort | uniq -c | head -20
  return $status
}

# The ctest names of the app tests in SOURCES: tests/app/test_X.cpp is app_test_X,
# tests/app/DIR/test_X.cpp is DIR_test_X.
app_test_names() {  # SOURCES...
  local source dir
  for source in "$@"; do
    dir=$(basename "$(dirname "$source")")
    echo "${dir}_$(basename "$source" .cpp)"
  done
}

asan() {
  configure build-asan "-fsanitize=address,undefined -fno-sanitize-recover=undefined" \
    "-static-libasan -static-libubsan" ON || return 1
  local core_targets app_targets
  core_targets=$(find tests/core -name 'test_*.cpp' -exec basename {} .cpp \; | sort)
  app_targets=$(app_test_names tests/app/gallery/test_*.cpp tests/app/hub/test_*.cpp tests/app/test_settings.cpp)
  nice -n 10 ninja -C build-asan bksdm fuzzers $core_targets $app_targets >build-asan/build.log 2>&1 ||
    { tail -30 build-asan/build.log; return 1; }
  # Core tests (GoogleTest's Suite.Case) and the fuzz corpora (fuzz.TARGET) have a dot in their
  # names; the app's tests have none.
  run_tests "asan+ubsan (core tests, fuzz corpora, gallery, hub, settings)" build-asan \
    "\\.|^($(echo $app_targets | tr ' ' '|'))\$"
}

# The classes that start threads or hand work to them (QThread, QtConcurrent, the thread pool).
threaded='QThread|QtConcurrent|QThreadPool|runInPool|std::thread|worker_on_thread|InferenceWorker|Studio|Gallery\b|gallery::Gallery|ThumbnailCache|ModelCatalog|TokenCounter|MainWindow|ModelDownload|BlobDownload|ModelManager|AttentionPanel|DetailPanel|CompareView|PreferencesDialog|GeneratedImage'

tsan() {
  local sources targets=()
  mapfile -t sources < <(grep -lE "$threaded" $(find tests/app -name 'test_*.cpp' | sort))
  if [ ${#sources[@]} -eq 0 ]; then
    echo "== tsan: no app tests with threads"
    return 0
  fi
  mapfile -t targets < <(app_test_names "${sources[@]}")
  configure build-tsan "-fsanitize=thread" -static-libtsan ON || return 1
  nice -n 10 ninja -C build-tsan bksdm_spm "${targets[@]}" >build-tsan/build.log 2>&1 || { tail -30 build-tsan/build.log; return 1; }
  run_tests "tsan (${targets[*]})" build-tsan "^($(IFS='|'; echo "${targets[*]}"))\$"
}

status=0
for build in "${builds[@]}"; do
  "$build" || status=1
done
exit $status
