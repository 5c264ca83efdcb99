#pragma once
#include <functional>
#include <string>
#include <vector>

#include <QString>

#include "app/devices.h"
#include "app/engine_options.h"
#include "app/model_catalog.h"

namespace bksdm {

// How many tokens a run's encoding gives a prompt, before any cut: in A1111's language its count (75
// for each full chunk), as plain text CLIP's tokens; with the embeddings of a folder (empty: none)
// counting one token per vector; callable from any thread.
using CountTokensFunction = std::function<int(const std::string& prompt, bool plainText, const std::string& embeddings)>;

// What the worker reports about the model it holds.
struct LoadedModel {
  QString location;  // what it was opened from: its id in the descriptions of its runs
  ModelEntry entry;
  int defaultSize = 512;
  QString defaultScheduler;
  int textEncoderLayers = 12;  // the largest CLIP skip
  EngineOptions engine;  // as in effect: threads resolved; vae the VAE folder in place of the model's
  GpuInfo gpu;           // the GPU it runs on, when on CUDA
  double seconds = 0;    // load time
  CountTokensFunction countTokens;
};

struct LoadOutcome {
  QString location;
  bool ok = false;
  LoadedModel model;
  QString error;  // what is wrong with the folder, when !ok
};

}  // namespace bksdm
