#pragma once
#include <ATen/ATen.h>

namespace bksdm {

// AUTOMATIC1111's variation seed: each image's noise [4,h,w] moved from the seed's noise toward
// the subseed's by `strength` (0: the seed's, 1: the subseed's), along A1111's slerp. That slerp
// normalises over dim 1 of [4,h,w], the latent height: for each channel and column, the seed's and
// the subseed's columns are interpolated on their great circle. Where the two are nearly parallel
// (mean cosine above 0.9995) A1111 returns seed·strength + subseed·(1 − strength), weights crossed
// as A1111 has them. `seed_noise` and `subseed_noise` are [N,4,h,w].
at::Tensor variation_noise(const at::Tensor& seed_noise, const at::Tensor& subseed_noise, double strength);

}  // namespace bksdm
