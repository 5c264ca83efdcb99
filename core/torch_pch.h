// Precompiled for every core translation unit: the torch headers cost ~10 s per file otherwise.
#pragma once
#include <ATen/ATen.h>
#include <torch/nn/module.h>
#include <torch/nn/modules/container/modulelist.h>
#include <nlohmann/json.hpp>
