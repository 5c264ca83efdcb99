#pragma once
// Inside app/attention only: a subject's map as a tensor, which ui/ never sees.
#include <ATen/core/Tensor.h>

#include "app/attention/attention_subject.h"
#include "app/attention/image_attention.h"

namespace bksdm {

// The subject's map [h,w] in `view` (core's word_map of viewMaps, of the subject's text); undefined
// where the view has none for it (its text not in force, or a layer's view of a text's word).
at::Tensor subjectMap(const ImageAttention& attention, const AttentionSubject& subject, const MapView& view);

}  // namespace bksdm
