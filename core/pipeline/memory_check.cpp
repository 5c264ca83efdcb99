#include "core/pipeline/memory_check.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <vector>

#include "core/io/error.h"

namespace bksdm {

std::string not_enough_memory(const GenerationRequest& request, const MemoryPlace& place, bool tiles_help) {
  std::vector<std::string> changes = {"choose a smaller size or fewer images"};
  if (place.gpu && !place.half_precision) changes.push_back("compute in fp16");
  if (tiles_help && !request.tiled_decode) changes.push_back("decode in tiles");
  std::string advice = changes.front();
  for (size_t i = 1; i < changes.size(); ++i) advice += (i + 1 == changes.size() ? ", or " : ", ") + changes[i];
  return std::string("not enough ") + (place.gpu ? "GPU memory" : "memory") + " for " +
         std::to_string(request.num_images) + " image(s) of " + std::to_string(request.width) + "x" +
         std::to_string(request.height) + ": " + advice;
}

double decode_bytes(const GenerationRequest& request, const AutoencoderKLConfig& vae, bool tiled, bool half_precision) {
  const double element = half_precision ? 2 : 4;
  const double width = tiled ? std::min<double>(request.width, vae.sample_size) : request.width;
  const double height = tiled ? std::min<double>(request.height, vae.sample_size) : request.height;
  const double images = tiled ? 3.0 * 4 * request.width * request.height : 0;
  return request.num_images * (2.0 * element * double(vae.block_out_channels.front()) * width * height + images);
}

void check_decode_memory(const GenerationRequest& request, const AutoencoderKLConfig& vae, const MemoryPlace& place) {
  if (place.available_bytes == 0) return;
  const double available = double(place.available_bytes);
  const double needed = decode_bytes(request, vae, request.tiled_decode, place.half_precision);
  if (needed <= available) return;
  const bool tiles_fit = decode_bytes(request, vae, true, place.half_precision) <= available;
  const double gib = double(1 << 30);
  char amounts[96];
  std::snprintf(amounts, sizeof amounts, " (decoding alone needs over %.1f GiB; %.1f GiB are %s)", needed / gib,
                available / gib, place.gpu ? "on the GPU" : "free");
  throw Error(not_enough_memory(request, place, tiles_fit) + amounts);
}

uint64_t available_system_memory() {
  std::ifstream meminfo("/proc/meminfo");
  std::string key;
  uint64_t kib = 0;
  while (meminfo >> key >> kib) {
    if (key == "MemAvailable:") return kib * 1024;
    meminfo.ignore(64, '\n');
  }
  return 0;
}

}  // namespace bksdm
