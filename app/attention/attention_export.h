#pragma once
#include <QImage>
#include <QList>
#include <QString>
#include <QStringList>

#include "app/attention/attention_subject.h"
#include "app/attention/image_attention.h"

namespace bksdm {

// A batch's raw maps in one safetensors file, float32: `attention` [N,77,h,w] and, when the run kept
// them, `attention_steps` [steps,N,77,h,w]; the metadata `tokens` lists the 77 slots' pieces (JSON).
// The file appears whole or not at all; failures are bksdm::Error naming the file.
void writeAttentionMaps(const QString& path, const QList<ImageAttention>& images);

// One image's maps as the gallery keeps them beside the image: float16, and only the token slots
// from the start token to the end token (the padding after it is left out), `attention`
// [slots,h,w] and, when the run kept them, `attention_steps` [steps,slots,h,w]; the metadata
// `tokens` lists the 77 slots' pieces and `words` the prompt's words (text, pieces, positions,
// cut), as JSON. readImageAttention gives back what was written, the padding's maps as zeros.
void writeImageAttention(const QString& path, const ImageAttention& attention);
ImageAttention readImageAttention(const QString& path);

// One PNG per subject that has a map, `<folder>/<prefix><fileStem>.png`, overlaid as the panel shows
// it (attentionOverlay). Returns the paths written.
QStringList writeAttentionOverlays(const QString& folder, const QString& prefix, const QImage& image,
                                   const ImageAttention& attention, const QList<AttentionSubject>& subjects,
                                   int step, double opacity);

}  // namespace bksdm
