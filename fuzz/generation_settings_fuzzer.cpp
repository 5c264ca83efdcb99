// The settings the gallery reads from any PNG's settings chunk (GenerationSettings::fromJson) and
// from an A1111 `parameters` text (metadataFromParameters). A JSON object is read as settings,
// which must survive being written and read again as the gallery's index does (to JSON text and
// back): otherwise the index would change what an image says. Settings equal to themselves differ
// in no field. Any other input is read as parameters text. Nothing may throw but bksdm::Error.
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdlib>

#include "app/gallery/generation_settings.h"
#include "app/gallery/image_file.h"
#include "core/io/error.h"
#include "fuzz/fuzz_support.h"

namespace {

using bksdm::gallery::GenerationSettings;

GenerationSettings throughText(const GenerationSettings& settings) {
  const QByteArray text = QJsonDocument(settings.toJson()).toJson(QJsonDocument::Compact);
  return GenerationSettings::fromJson(QJsonDocument::fromJson(text).object());
}

void checkSettings(const QJsonObject& json) {
  const GenerationSettings settings = GenerationSettings::fromJson(json);
  const GenerationSettings again = throughText(settings);
  if (!(again == settings)) std::abort();
  if (!bksdm::gallery::differingFields({settings, again}).isEmpty()) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const QByteArray input(reinterpret_cast<const char*>(data), qsizetype(size));
  const QJsonDocument document = QJsonDocument::fromJson(input);
  if (document.isObject()) {
    checkSettings(document.object());
    return 0;
  }
  try {
    (void)bksdm::gallery::metadataFromParameters(QString::fromUtf8(input));
  } catch (const bksdm::Error&) {
  }
  return 0;
}
