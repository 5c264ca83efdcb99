#include "ui/progress_panel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>

namespace bksdm {
namespace {

QString seconds(double value) { return ProgressPanel::tr("%1 s").arg(value, 0, 'f', value < 10 ? 1 : 0); }

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
}

QString ProgressPanel::text() const { return label_->text(); }

void ProgressPanel::start(const GenerationJob& job) {
  clock_.start();
  total_ = job.params.steps;
  bar_->setRange(0, std::max(1, total_));
  bar_->setValue(0);
  label_->setText(tr("Encoding the prompt\u2026"));
}

void ProgressPanel::step(const StepProgress& progress) {
  total_ = progress.total;
  const int done = progress.step + 1;
  bar_->setRange(0, total_);
  bar_->setValue(done);
  const double elapsed = clock_.elapsed() / 1000.0;
  const double left = elapsed / done * (total_ - done);
  label_->setText(tr("Step %1 / %2 \u00b7 %3 elapsed \u00b7 %4 left").arg(done).arg(total_).arg(seconds(elapsed), seconds(left)));
}

void ProgressPanel::finish(const GenerationOutcome& outcome) {
  switch (outcome.status) {
    case GenerationOutcome::Status::Finished:
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
