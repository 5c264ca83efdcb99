#pragma once
// Inside app/attention only: a subject's map as a tensor, which ui/ never sees.
#include <ATen/core/Tensor.h>

#include "app/attention/attention_subject.h"
#include "app/attention/image_attention.h"

namespace bksdm {

// The subject's map [h,w] at `step` (core's word_map of ImageAttention::mapsAt, of the subject's
// text); undefined where its text was not yet in force.
at::Tensor subjectMap(const ImageAttention& attention, const AttentionSubject& subject, int step);

}  // namespace bksdm
