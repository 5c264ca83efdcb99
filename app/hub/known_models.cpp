#include "app/hub/known_models.h"

#include <QCoreApplication>
#include <QLocale>

namespace bksdm {
namespace {

constexpr const char* kContext = "bksdm::KnownModels";

// Parameters of the components the BK-SDM U-Nets share with their teachers.
constexpr qint64 kClipVitL14 = 123'060'480;      // SD 1.x text encoder
constexpr qint64 kOpenClipVitH14 = 340'387'840;  // SD 2.x text encoder
constexpr qint64 kVae = 83'653'863;
// TAESD's encoder and decoder: 1,222,532 + 1,222,531 (64-channel blocks of three 3x3 convolutions).
constexpr qint64 kTaesd = 2'445'063;

KnownModel model(const char* repoId, const char* name, const char* summary, qint64 textEncoder, qint64 unet) {
  return {QString::fromLatin1(repoId), QString::fromLatin1(name), summary, textEncoder, unet, kVae};
}

}  // namespace

QString KnownModel::summaryText() const { return QCoreApplication::translate(kContext, summary); }

qint64 KnownModel::downloadBytes(int bytesPerParameter) const {
  return (textEncoderParameters + unetParameters + vaeParameters) * bytesPerParameter;
}

QString KnownModel::sizeBreakdown(int bytesPerParameter) const {
  if (isVae())
    return QCoreApplication::translate("bksdm::KnownModels", "VAE %1").arg(formatBytes(vaeParameters * bytesPerParameter, 2));
  // A literal context: lupdate cannot read kContext, and would leave the string out.
  return QCoreApplication::translate("bksdm::KnownModels", "text encoder %1, U-Net %2, VAE %3")
      .arg(formatBytes(textEncoderParameters * bytesPerParameter, 2),
           formatBytes(unetParameters * bytesPerParameter, 2), formatBytes(vaeParameters * bytesPerParameter, 2));
}

const QList<KnownModel>& knownModels() {
  static const QList<KnownModel> models = {
      model("nota-ai/bk-sdm-v2-tiny", "BK-SDM-v2-Tiny",
            QT_TRANSLATE_NOOP("bksdm::KnownModels",
                              "SD 2.1-base compressed: fewest U-Net blocks and no mid-block. The fastest."),
            kOpenClipVitH14, 326'825'604),
      model("nota-ai/bk-sdm-v2-small", "BK-SDM-v2-Small",
            QT_TRANSLATE_NOOP("bksdm::KnownModels", "SD 2.1-base compressed: fewer U-Net blocks and no mid-block."),
            kOpenClipVitH14, 485'787'524),
      model("nota-ai/bk-sdm-v2-base", "BK-SDM-v2-Base",
            QT_TRANSLATE_NOOP("bksdm::KnownModels", "SD 2.1-base compressed: one block fewer in each U-Net stage."),
            kOpenClipVitH14, 583'480'964),
      model("nota-ai/bk-sdm-tiny", "BK-SDM-Tiny",
            QT_TRANSLATE_NOOP("bksdm::KnownModels",
                              "SD v1.4 compressed: fewest U-Net blocks and no mid-block; distilled on 0.22M "
                              "LAION pairs."),
            kClipVitL14, 323'384'964),
      model("nota-ai/bk-sdm-small", "BK-SDM-Small",
            QT_TRANSLATE_NOOP("bksdm::KnownModels",
                              "SD v1.4 compressed: fewer U-Net blocks and no mid-block; distilled on 0.22M LAION "
                              "pairs."),
            kClipVitL14, 482'346'884),
      model("nota-ai/bk-sdm-base", "BK-SDM-Base",
            QT_TRANSLATE_NOOP("bksdm::KnownModels",
                              "SD v1.4 compressed: one block fewer in each U-Net stage; distilled on 0.22M LAION "
                              "pairs."),
            kClipVitL14, 579'384'964),
      model("nota-ai/bk-sdm-tiny-2m", "BK-SDM-Tiny-2M",
            QT_TRANSLATE_NOOP("bksdm::KnownModels", "BK-SDM-Tiny distilled on ten times the data (2.3M LAION pairs)."),
            kClipVitL14, 323'384'964),
      model("nota-ai/bk-sdm-small-2m", "BK-SDM-Small-2M",
            QT_TRANSLATE_NOOP("bksdm::KnownModels", "BK-SDM-Small distilled on ten times the data (2.3M LAION pairs)."),
            kClipVitL14, 482'346'884),
      model("nota-ai/bk-sdm-base-2m", "BK-SDM-Base-2M",
            QT_TRANSLATE_NOOP("bksdm::KnownModels", "BK-SDM-Base distilled on ten times the data (2.3M LAION pairs)."),
            kClipVitL14, 579'384'964),
      model("stabilityai/stable-diffusion-2-1-base", "Stable Diffusion 2.1-base",
            QT_TRANSLATE_NOOP("bksdm::KnownModels", "The teacher of BK-SDM-v2: the full SD 2.1 U-Net, 512 px."),
            kOpenClipVitH14, 865'910'724),
      model("CompVis/stable-diffusion-v1-4", "Stable Diffusion v1.4",
            QT_TRANSLATE_NOOP("bksdm::KnownModels", "The teacher of BK-SDM: the full SD v1.4 U-Net, 512 px."),
            kClipVitL14, 859'520'964),
  };
  return models;
}

const QList<KnownModel>& knownVaes() {
  static const QList<KnownModel> vaes = {
      {QStringLiteral("stabilityai/sd-vae-ft-mse"), QStringLiteral("SD VAE ft-MSE"),
       QT_TRANSLATE_NOOP("bksdm::KnownModels",
                         "SD's VAE decoder fine-tuned on LAION images: smoother faces and details. Choose it in "
                         "Preferences as the VAE."),
       0, 0, kVae},
      {QStringLiteral("madebyollin/taesd"), QStringLiteral("TAESD"),
       QT_TRANSLATE_NOOP("bksdm::KnownModels", "The tiny autoencoder the TAESD live previews decode with."), 0, 0, kTaesd},
  };
  return vaes;
}

const KnownModel* findKnownModel(const QString& repoId) {
  for (const QList<KnownModel>* list : {&knownModels(), &knownVaes()})
    for (const KnownModel& known : *list)
      if (known.repoId.compare(repoId, Qt::CaseInsensitive) == 0) return &known;
  return nullptr;
}

const KnownModel& defaultModel() { return knownModels().front(); }

QString formatBytes(qint64 bytes, int gigabyteDecimals) {
  const int decimals = bytes >= 1'000'000'000 ? gigabyteDecimals : 0;
  return QLocale().formattedDataSize(bytes, decimals, QLocale::DataSizeSIFormat);
}

}  // namespace bksdm
