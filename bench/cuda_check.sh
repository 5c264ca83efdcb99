#!/usr/bin/env bash
# The engine on an NVIDIA GPU, in one run of a few minutes, on a Linux machine with a Python torch
# built with CUDA (and the CUDA toolkit its CMake config asks for):
#   1. builds core and `bksdm` against that torch's libtorch, in a build folder of its own, and
#      names the GPU, its driver and CUDA;
#   2. generates with every fixture model on the GPU in fp32 and fp16 and on the CPU in fp32 (same
#      seed, attention maps recorded) and checks the GPU against the CPU: relative L2 below 1e-4
#      in fp32 and below 1e-2 in fp16, for the image and the attention maps;
#   3. times BK-SDM-v2-Tiny (random weights from make-random-model) at 512x512, 25 PNDM steps with
#      guidance, with `bksdm bench`: fp16 and fp32; in fp16 also the blockwise attention instead of
#      torch's fused kernel, and channels-last. The GPU's peak memory of each (as the driver sees
#      it: the context and torch's cache included) is sampled with nvidia-smi.
#
#   bench/cuda_check.sh [--build DIR] [--out DIR] [--tests]
#
# --tests also builds the gtest executables and runs the model tests (needs a torch with the
# C++11 ABI, as Debian's gtest has it). Results land in --out (default: BUILD/cuda-check): the
# bench tables and JSON, the generated tensors, summary.txt. Exit status 1 when a check fails.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=$repo/build-cuda
out=
tests=OFF
while [[ $# -gt 0 ]]; do
  case $1 in
    --build) build=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --tests) tests=ON; shift ;;
    *) echo "usage: $0 [--build DIR] [--out DIR] [--tests]" >&2; exit 2 ;;
  esac
done
out=${out:-$build/cuda-check}
mkdir -p "$out"
summary=$out/summary.txt
: > "$summary"
say() { echo "$*" | tee -a "$summary"; }

# --- 1. The build -----------------------------------------------------------------------------
python3 - <<'EOF'
import sys, torch
if not torch.cuda.is_available():
    sys.exit(f"torch {torch.__version__} sees no CUDA device (built with CUDA {torch.version.cuda})")
print(f"torch {torch.__version__}, CUDA {torch.version.cuda}, {torch.cuda.get_device_name(0)}")
EOF
say "GPU: $(nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader 2>/dev/null || echo 'no nvidia-smi')"
torch_prefix=$(python3 -c 'import torch; print(torch.utils.cmake_prefix_path)')
cxx11_abi=$(python3 -c 'import torch; print(int(torch.compiled_with_cxx11_abi()))')
say "libtorch: $torch_prefix (C++11 ABI: $cxx11_abi)"
if [[ $tests == ON && $cxx11_abi == 0 ]]; then
  # TorchConfig compiles our code with _GLIBCXX_USE_CXX11_ABI=0; the system's gtest has the new ABI.
  say "--tests needs a torch with the C++11 ABI (torch >= 2.7 wheels, or a cxx11-abi libtorch): tests off"
  tests=OFF
fi
# --no-as-needed keeps libtorch_cuda linked although no symbol of ours names it: without it the
# CUDA backend never registers and `--device cuda` finds no device.
cmake -S "$repo" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH="$torch_prefix" \
  -DBKSDM_BUILD_APP=OFF -DBKSDM_BUILD_TESTS=$tests -DCMAKE_EXE_LINKER_FLAGS=-Wl,--no-as-needed
targets=(bksdm)
[[ $tests == ON ]] && targets+=(test_unet test_vae test_text_encoder)
ninja -C "$build" "${targets[@]}"
bksdm=$build/bin/bksdm
if [[ $tests == ON ]]; then
  for test in test_unet test_vae test_text_encoder; do "$build/bin/$test" --gtest_brief=1; done
  say "model tests: passed"
fi

# --- 2. The GPU against the CPU on the fixture models --------------------------------------------
compare=$(cat <<'EOF'
import json, struct, sys, torch
def tensor(path, name):  # a float32 tensor of a safetensors file, without the safetensors package
    with open(path, "rb") as file:
        size = struct.unpack("<Q", file.read(8))[0]
        header = json.loads(file.read(size))
        data = file.read()
    info = header[name]
    begin, end = info["data_offsets"]
    assert info["dtype"] == "F32", info["dtype"]
    return torch.frombuffer(bytearray(data[begin:end]), dtype=torch.float32).reshape(info["shape"])
name, actual, expected = sys.argv[1:4]
a, e = tensor(actual, name), tensor(expected, name)
print(f"{((a - e).norm() / e.norm()).item():.2e}")
EOF
)
below() { python3 -c "import sys; sys.exit(0 if float('$1') < float('$2') else 1)"; }
failed=0
for model in "$repo"/tests/fixtures/models/*/; do
  name=$(basename "$model")
  for variant in "cuda fp32" "cuda fp16" "cpu fp32"; do
    read -r device dtype <<< "$variant"
    "$bksdm" generate --model "$model" --prompt "a lighthouse at dusk, oil painting" --seed 1 --steps 10 \
      --device "$device" --dtype "$dtype" --attention-maps --quiet --save-tensors "$out/$name-$device-$dtype.safetensors"
  done
  line="$name:"
  for dtype in fp32 fp16; do
    limit=$([[ $dtype == fp32 ]] && echo 1e-4 || echo 1e-2)
    for what in image attention; do
      error=$(python3 -c "$compare" "$what" "$out/$name-cuda-$dtype.safetensors" "$out/$name-cpu-fp32.safetensors")
      verdict=ok
      below "$error" "$limit" || { verdict=FAILED; failed=1; }
      line+=" GPU $dtype $what $error [$verdict, < $limit];"
    done
  done
  say "$line"
done

# --- 3. Timings: BK-SDM-v2-Tiny, 512x512, 25 steps ---------------------------------------------
model=$out/bk-sdm-v2-tiny-random
rm -rf "$model"
"$bksdm" make-random-model --config "$repo/tests/model-configs/bk-sdm-v2-tiny" --out "$model" \
  --tokenizer-from "$repo/tests/fixtures/models/bk-sdm-v2-tiny-mini/tokenizer"
# Runs COMMAND with its output to FILE; prints the largest memory.used nvidia-smi saw meanwhile, in MiB.
peak_gpu_memory() {  # FILE COMMAND...
  local file=$1 samples=$out/memory-samples.txt
  shift
  nvidia-smi --query-gpu=memory.used --format=csv,noheader,nounits -lms 100 > "$samples" &
  local sampler=$!
  "$@" > "$file"
  kill "$sampler"
  wait "$sampler" 2>/dev/null || true
  sort -n "$samples" | tail -n1
}
for variant in "fp16 fused" "fp32 fused" "fp16 blockwise" "fp16 fused --channels-last"; do
  read -r dtype attention layout <<< "$variant"
  label=$dtype-$attention${layout:+-channels-last}
  peak=$(peak_gpu_memory "$out/bench-cuda-$label.txt" "$bksdm" bench --model "$model" --device cuda --dtype "$dtype" \
    --attention "$attention" $layout --size 512 --steps 25 --repeat 5 --only load,image,unet,vae \
    --json "$out/bench-cuda-$label.json")
  cat "$out/bench-cuda-$label.txt"
  say "bench $label: $out/bench-cuda-$label.txt; peak GPU memory (nvidia-smi) $peak MiB"
done
rm -rf "$model"
if [[ $failed == 0 ]]; then say "all checks passed"; else say "some checks FAILED"; fi
exit $failed
