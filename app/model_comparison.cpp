#include "app/model_comparison.h"

#include <QFileInfo>

#include "app/attention/attention_render.h"
#include "app/attention/attention_subject.h"
#include "app/attention/subject_map.h"
#include "core/pipeline/attention_similarity.h"

namespace bksdm {
namespace {

constexpr double kOverlayOpacity = 0.6;

// The subjects with a map, by the word's text; the first of a word that appears twice.
QList<AttentionSubject> mappedWords(const ImageAttention& attention) {
  QList<AttentionSubject> words;
  QStringList seen;
  for (const AttentionSubject& subject : wordSubjects(attention)) {
    if (!subject.hasMap() || seen.contains(subject.label)) continue;
    seen << subject.label;
    words << subject;
  }
  return words;
}

}  // namespace

QString teacherRepo(const QString& modelId) {
  const QString name = QFileInfo(modelId).fileName().toLower();
  if (!name.startsWith(QLatin1String("bk-sdm"))) return {};
  return name.startsWith(QLatin1String("bk-sdm-v2")) ? QStringLiteral("stabilityai/stable-diffusion-2-1-base")
                                                      : QStringLiteral("CompVis/stable-diffusion-v1-4");
}

QList<WordAgreement> wordAgreements(const QImage& imageA, const ImageAttention& a, const QImage& imageB,
                                    const ImageAttention& b) {
  const QList<AttentionSubject> wordsB = mappedWords(b);
  QList<WordAgreement> agreements;
  for (const AttentionSubject& wordA : mappedWords(a)) {
    const auto wordB = std::find_if(wordsB.begin(), wordsB.end(), [&](const AttentionSubject& w) { return w.label == wordA.label; });
    if (wordB == wordsB.end()) continue;
    const at::Tensor mapA = subjectMap(a, wordA, 0), mapB = subjectMap(b, *wordB, 0);
    if (!mapA.defined() || !mapB.defined()) continue;
    agreements << WordAgreement{wordA.label, attentionOverlay(imageA, a, wordA, 0, kOverlayOpacity),
                                attentionOverlay(imageB, b, *wordB, 0, kOverlayOpacity), map_pearson(mapA, mapB),
                                map_iou(mapA, mapB)};
  }
  return agreements;
}

}  // namespace bksdm
