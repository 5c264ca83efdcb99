#pragma once
#include <optional>

#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>

#include "app/generation_job.h"

class QLabel;
class QProgressBar;

namespace bksdm {

// The current run: a bar of its steps and a line naming the stage (encoding the prompt, step k of
// the user's N, decoding), the elapsed time, ticking, and the time left including the decode.
class ProgressPanel : public QWidget {
  Q_OBJECT

 public:
  explicit ProgressPanel(QWidget* parent = nullptr);

  void start(const GenerationJob& job);
  void enterStage(JobStage stage);
  void step(const StepProgress& progress);
  void finish(const GenerationOutcome& outcome);

  QProgressBar* bar() const { return bar_; }
  QString text() const;
  // The decode's expected time for the current run, from the last runs' decodes; 0 when unknown.
  double expectedDecodeSeconds() const;

 private:
  void refresh();
  int userStep(int call) const;  // the user's step (1-based) that U-Net call `call` (1-based) belongs to
  std::optional<double> secondsLeft(double elapsed) const;

  QProgressBar* bar_;
  QLabel* label_;
  QTimer ticker_;
  QElapsedTimer clock_;
  bool running_ = false;
  JobStage stage_ = JobStage::EncodingPrompt;
  GenerationParams params_;
  int calls_ = 0;      // U-Net calls in the run: the user's steps, plus PNDM's extra one
  int callsDone_ = 0;
  double denoisingStarted_ = 0;  // seconds into the run
  double lastCallEnded_ = 0;
  double decodingStarted_ = 0;
  double decodeSecondsPerPixel_ = 0;  // from the last finished run; 0 before one
};

}  // namespace bksdm
