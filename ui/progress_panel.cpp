#include "ui/progress_panel.h"

#include <algorithm>

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>

namespace bksdm {
namespace {

constexpr int kTickMs = 100;

QString seconds(double value) { return ProgressPanel::tr("%1 s").arg(value, 0, 'f', value < 10 ? 1 : 0); }

double pixels(const GenerationParams& params) { return double(params.width) * params.height * params.numImages; }

}  // namespace

ProgressPanel::ProgressPanel(QWidget* parent)
    : QWidget(parent), bar_(new QProgressBar(this)), label_(new QLabel(this)) {
  bar_->setRange(0, 1);
  bar_->setValue(0);
  bar_->setTextVisible(false);
  bar_->setMaximumHeight(10);
  label_->setMinimumWidth(label_->fontMetrics().horizontalAdvance(QStringLiteral("Step 000 / 000 \u00b7 000.0 s elapsed \u00b7 000.0 s left")));
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(bar_, 1);
  layout->addWidget(label_);
  label_->setText(tr("Idle"));
  ticker_.setInterval(kTickMs);
  connect(&ticker_, &QTimer::timeout, this, &ProgressPanel::refresh);
}

QString ProgressPanel::text() const { return label_->text(); }

void ProgressPanel::start(const GenerationJob& job) {
  clock_.start();
  running_ = true;
  stage_ = JobStage::EncodingPrompt;
  params_ = job.params;
  calls_ = std::max(1, stepsThatRun(job.params));
  callsDone_ = 0;
  denoisingStarted_ = lastCallEnded_ = decodingStarted_ = 0;
  bar_->setRange(0, calls_);
  bar_->setValue(0);
  ticker_.start();
  refresh();
}

void ProgressPanel::enterStage(JobStage stage) {
  if (!running_) return;
  stage_ = stage;
  const double now = clock_.elapsed() / 1000.0;
  if (stage == JobStage::Denoising) denoisingStarted_ = lastCallEnded_ = now;
  if (stage == JobStage::Decoding) decodingStarted_ = now;
  refresh();
}

void ProgressPanel::step(const StepProgress& progress) {
  if (!running_) return;
  calls_ = std::max(1, progress.total);
  callsDone_ = progress.step + 1;
  lastCallEnded_ = clock_.elapsed() / 1000.0;
  bar_->setRange(0, calls_);
  bar_->setValue(callsDone_);
  refresh();
}

int ProgressPanel::userStep(int call) const {
  const int userSteps = std::max(1, stepsThatRun(params_));
  const int extraCalls = std::max(0, calls_ - userSteps);  // PNDM's second call at the first timestep
  return std::clamp(call - extraCalls, 1, userSteps);
}

double ProgressPanel::expectedDecodeSeconds() const { return decodeSecondsPerPixel_ * pixels(params_); }

std::optional<double> ProgressPanel::secondsLeft(double elapsed) const {
  if (stage_ == JobStage::Decoding) {
    if (decodeSecondsPerPixel_ <= 0) return std::nullopt;
    const double left = expectedDecodeSeconds() - (elapsed - decodingStarted_);
    return left > 0 ? std::optional<double>(left) : std::nullopt;
  }
  if (stage_ != JobStage::Denoising || callsDone_ == 0) return std::nullopt;
  const double perCall = (lastCallEnded_ - denoisingStarted_) / callsDone_;
  const double inCurrentCall = std::min(perCall, elapsed - lastCallEnded_);
  // Before any decode was timed, one U-Net call is the guess: on a CPU a 512 px decode costs about that.
  const double decode = decodeSecondsPerPixel_ > 0 ? expectedDecodeSeconds() : perCall;
  return perCall * (calls_ - callsDone_) - inCurrentCall + decode;
}

void ProgressPanel::refresh() {
  if (!running_) return;
  const double elapsed = clock_.elapsed() / 1000.0;
  QString stage;
  switch (stage_) {
    case JobStage::EncodingPrompt: stage = tr("Encoding the prompt\u2026"); break;
    case JobStage::Denoising:
      stage = tr("Step %1 / %2").arg(userStep(std::min(callsDone_ + 1, calls_))).arg(std::max(1, stepsThatRun(params_)));
      break;
    case JobStage::Decoding: stage = tr("Decoding the image\u2026"); break;
  }
  QString text = tr("%1 \u00b7 %2 elapsed").arg(stage, seconds(elapsed));
  if (const std::optional<double> left = secondsLeft(elapsed)) text = tr("%1 \u00b7 %2 left").arg(text, seconds(*left));
  label_->setText(text);
}

void ProgressPanel::finish(const GenerationOutcome& outcome) {
  running_ = false;
  ticker_.stop();
  switch (outcome.status) {
    case GenerationOutcome::Status::Finished:
      if (outcome.decodeSeconds > 0 && pixels(outcome.params) > 0)
        decodeSecondsPerPixel_ = outcome.decodeSeconds / pixels(outcome.params);
      bar_->setValue(bar_->maximum());
      label_->setText(tr("Done in %1").arg(seconds(outcome.seconds)));
      break;
    case GenerationOutcome::Status::Cancelled:
      label_->setText(tr("Cancelled"));
      break;
    case GenerationOutcome::Status::Failed:
      label_->setText(tr("Failed"));
      break;
  }
}

}  // namespace bksdm
