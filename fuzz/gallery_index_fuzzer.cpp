// The gallery's index (app/gallery/gallery_index.h) from a damaged or hostile file: the input is
// the index file of the folder "/gallery". Reading must not throw; every entry read is filed under
// its own path, and writing the entries and reading them back gives the same entries.
#include <QString>

#include <cstdlib>

#include "app/gallery/gallery_index.h"
#include "fuzz/fuzz_support.h"

namespace {

const QString kFolder = QStringLiteral("/gallery");

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const bksdm::fuzz::ScratchDir dir("gallery-index");
  const QString input = QString::fromStdString(dir.write("index.json", bksdm::fuzz::as_text(data, size)).string());
  const bksdm::gallery::KnownEntries known = bksdm::gallery::readIndex(input, kFolder);
  for (auto it = known.cbegin(); it != known.cend(); ++it)
    if (it.key() != it->path) std::abort();
  const QString rewritten = QString::fromStdString((dir.path() / "rewritten.json").string());
  if (!bksdm::gallery::writeIndex(rewritten, kFolder, known.values())) std::abort();
  if (bksdm::gallery::readIndex(rewritten, kFolder) != known) std::abort();
  return 0;
}
