#pragma once
#include <QImage>
#include <QList>
#include <QString>

#include "app/attention/image_attention.h"

namespace bksdm {

// The model a BK-SDM model was compressed from, by its repo id or folder name, as the BK-SDM model
// cards say: BK-SDM-v2-* from stabilityai/stable-diffusion-2-1-base, the other BK-SDM models
// (-2M included) from CompVis/stable-diffusion-v1-4. Empty for any other model.
QString teacherRepo(const QString& modelId);

// One word of both runs' prompts, its two maps drawn over their images and how alike they are.
struct WordAgreement {
  QString word;
  QImage overlayA, overlayB;
  double pearson = 0;  // core's map_pearson of the two maps
  double iou = 0;      // core's map_iou of their top 20 %
};

// The words the two runs' prompts share, paired by their text (two models may read a prompt with
// different tokenizers), in A's order; the maps of the whole run. A word without a map in either
// run is left out.
QList<WordAgreement> wordAgreements(const QImage& imageA, const ImageAttention& a, const QImage& imageB,
                                    const ImageAttention& b);

}  // namespace bksdm
