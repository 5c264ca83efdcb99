#pragma once
#include <QElapsedTimer>
#include <QWidget>

#include "app/generation_job.h"

class QLabel;
class QProgressBar;

namespace bksdm {

// The current run: a bar of its steps with step, elapsed time and the time left.
class ProgressPanel : public QWidget {
  Q_OBJECT

 public:
  explicit ProgressPanel(QWidget* parent = nullptr);

  void start(const GenerationJob& job);
  void step(const StepProgress& progress);
  void finish(const GenerationOutcome& outcome);

  QProgressBar* bar() const { return bar_; }
  QString text() const;

 private:
  QProgressBar* bar_;
  QLabel* label_;
  QElapsedTimer clock_;
  int total_ = 0;
};

}  // namespace bksdm
