#include "core/io/file_digest.h"

#include <openssl/evp.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <memory>

#include "core/io/error.h"
#include "core/io/file_read.h"

namespace bksdm {
namespace {

// Checkpoints are gigabytes: any size a disk holds.
constexpr FileLimit kHashedFile{~uint64_t(0), "a hashed file"};

struct Descriptor {
  int fd;
  ~Descriptor() { ::close(fd); }
};

// The sha256 of `file` from byte `offset` on; offset() gets the file's descriptor and size and says
// where to start.
template <class Offset>
std::string sha256_from(const std::filesystem::path& file, Offset&& offset) {
  uint64_t size = 0;
  const Descriptor descriptor{open_regular_file(file, kHashedFile, &size)};
  const int fd = descriptor.fd;
  const std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX*)> context(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  if (!context || EVP_DigestInit_ex(context.get(), EVP_sha256(), nullptr) != 1)
    throw Error(file.string() + ": cannot compute its sha256 (OpenSSL)");
  off_t position = off_t(offset(fd, size));
  std::array<unsigned char, 1 << 20> buffer;
  for (;;) {
    const ssize_t got = ::pread(fd, buffer.data(), buffer.size(), position);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) throw Error(file.string() + ": cannot read: " + std::strerror(errno));
    if (got == 0) break;
    EVP_DigestUpdate(context.get(), buffer.data(), size_t(got));
    position += got;
  }
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  EVP_DigestFinal_ex(context.get(), digest.data(), &length);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < length; ++i) hex += {kHex[digest[i] >> 4], kHex[digest[i] & 15]};
  return hex;
}

}  // namespace

std::string file_sha256(const std::filesystem::path& file) {
  return sha256_from(file, [](int, uint64_t) { return uint64_t(0); });
}

std::string safetensors_data_sha256(const std::filesystem::path& file) {
  return sha256_from(file, [&](int fd, uint64_t size) {
    unsigned char length[8] = {};
    if (::pread(fd, length, sizeof length, 0) != ssize_t(sizeof length))
      throw Error(file.string() + ": not a safetensors file (shorter than its header's length)");
    uint64_t header = 0;
    for (int i = 7; i >= 0; --i) header = header << 8 | length[i];
    if (header > size - 8) throw Error(file.string() + ": not a safetensors file (its header runs past the end)");
    return 8 + header;
  });
}

}  // namespace bksdm
