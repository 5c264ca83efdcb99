#include "bksdm_spm.h"

#include <sentencepiece_processor.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

struct bksdm_spm {
  sentencepiece::SentencePieceProcessor processor;
};

namespace {

void write_error(const std::string& message, char* error, size_t capacity) {
  if (error == nullptr || capacity == 0) return;
  const size_t length = std::min(message.size(), capacity - 1);
  std::memcpy(error, message.data(), length);
  error[length] = '\0';
}

}  // namespace

#define BKSDM_SPM_EXPORT extern "C" __attribute__((visibility("default")))

BKSDM_SPM_EXPORT int bksdm_spm_abi_version(void) { return BKSDM_SPM_ABI_VERSION; }

BKSDM_SPM_EXPORT bksdm_spm* bksdm_spm_create(const char* model_proto, size_t model_proto_size, char* error,
                                             size_t error_capacity) {
  try {
    auto spm = std::make_unique<bksdm_spm>();
    const auto status = spm->processor.LoadFromSerializedProto(std::string_view(model_proto, model_proto_size));
    if (!status.ok()) {
      write_error(status.ToString(), error, error_capacity);
      return nullptr;
    }
    return spm.release();
  } catch (const std::exception& failure) {
    write_error(failure.what(), error, error_capacity);
    return nullptr;
  }
}

BKSDM_SPM_EXPORT int bksdm_spm_encode(const bksdm_spm* spm, const char* text, size_t text_size, int* ids,
                                      int capacity) {
  try {
    std::vector<int> encoded;
    if (!spm->processor.Encode(std::string_view(text, text_size), &encoded).ok()) return -1;
    std::copy_n(encoded.begin(), std::min<size_t>(encoded.size(), std::max(capacity, 0)), ids);
    return static_cast<int>(encoded.size());
  } catch (...) {
    return -1;
  }
}

BKSDM_SPM_EXPORT void bksdm_spm_destroy(bksdm_spm* spm) { delete spm; }
