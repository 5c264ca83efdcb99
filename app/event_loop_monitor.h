#pragma once
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace bksdm {

// Measures how long the thread's event loop goes without running a timer: a tick every few
// milliseconds, and the longest gap between ticks beyond that interval is the longest stall.
class EventLoopMonitor : public QObject {
  Q_OBJECT

 public:
  explicit EventLoopMonitor(int intervalMs = 5, QObject* parent = nullptr);

  void start();  // also resets
  void stop();
  double longestStallMs() const { return longestStallMs_; }

 private:
  void tick();

  QTimer timer_;
  QElapsedTimer clock_;
  qint64 lastTickNs_ = 0;
  double longestStallMs_ = 0;
};

}  // namespace bksdm
