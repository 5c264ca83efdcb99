#pragma once
#include <QList>
#include <QString>

namespace bksdm {

// A model the model manager offers by name: the systems of the BK-SDM model cards and their
// teachers. Parameter counts are those of the repos' configs (counted by building each component),
// so sizes are those of the fp32 safetensors, within the few kilobytes of headers and configs.
struct KnownModel {
  QString repoId;
  QString name;         // "BK-SDM-v2-Tiny"
  const char* summary;  // one line after the model card, untranslated (see summaryText())
  qint64 textEncoderParameters;
  qint64 unetParameters;
  qint64 vaeParameters;

  // A VAE of its own (no text encoder or U-Net), for LoadOptions::vae or the TAESD previews.
  bool isVae() const { return unetParameters == 0; }
  QString summaryText() const;
  // The weights' download size at `bytesPerParameter` (4: fp32, 2: the fp16 variant).
  qint64 downloadBytes(int bytesPerParameter = 4) const;
  // "text encoder 1.36 GB, U-Net 1.31 GB, VAE 335 MB"; a VAE's: "VAE 335 MB"
  QString sizeBreakdown(int bytesPerParameter = 4) const;
};

// The default model first.
const QList<KnownModel>& knownModels();
// The VAEs offered beside them: madebyollin/taesd (the TAESD previews) and stabilityai/sd-vae-ft-mse.
const QList<KnownModel>& knownVaes();
const KnownModel* findKnownModel(const QString& repoId);  // a model or a VAE
// nota-ai/bk-sdm-v2-tiny
const KnownModel& defaultModel();

// Bytes as people read download sizes: "3.0 GB", "335 MB" (SI units, as the Hub shows them).
QString formatBytes(qint64 bytes, int gigabyteDecimals = 1);

}  // namespace bksdm
