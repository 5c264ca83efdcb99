#pragma once
#include <QImage>
#include <QList>
#include <QString>
#include <QStringList>

#include "app/attention/attention_subject.h"
#include "app/attention/image_attention.h"

namespace bksdm {

// A batch's raw maps in one safetensors file, float32: `attention` [N,slots,h,w] (77 slots per chunk
// of the prompt) and, when the run kept them, `attention_steps` [steps,N,slots,h,w]; the metadata
// `tokens` lists the slots' pieces (JSON).
// The file appears whole or not at all; failures are bksdm::Error naming the file.
void writeAttentionMaps(const QString& path, const QList<ImageAttention>& images);

// One image's maps as the gallery keeps them beside the image: float16, and only the token slots
// up to the last chunk's end token (the padding after it is left out), `attention` [slots,h,w] and,
// when the run kept them, `attention_steps` [steps,slots,h,w]; for an edited prompt also
// `text_attention` [texts,slots,h,w] and `text_attention_steps` [steps,texts,slots,h,w]. The
// metadata, as JSON: `tokens` lists all slots' pieces, `words` the prompt's words (text, pieces,
// positions, cut, text_index), `texts` the edited prompt's texts (text, steps).
// readImageAttention gives back what was written, the padding's maps as zeros.
void writeImageAttention(const QString& path, const ImageAttention& attention);
ImageAttention readImageAttention(const QString& path);

// One PNG per subject that has a map, `<folder>/<prefix><fileStem>.png`, overlaid as the panel shows
// it (attentionOverlay). Returns the paths written.
QStringList writeAttentionOverlays(const QString& folder, const QString& prefix, const QImage& image,
                                   const ImageAttention& attention, const QList<AttentionSubject>& subjects,
                                   const MapView& view, double opacity);

}  // namespace bksdm
