#include "app/event_loop_monitor.h"

#include <algorithm>

namespace bksdm {

EventLoopMonitor::EventLoopMonitor(int intervalMs, QObject* parent) : QObject(parent) {
  timer_.setTimerType(Qt::PreciseTimer);
  timer_.setInterval(intervalMs);
  connect(&timer_, &QTimer::timeout, this, &EventLoopMonitor::tick);
}

void EventLoopMonitor::start() {
  longestStallMs_ = 0;
  clock_.start();
  lastTickNs_ = 0;
  timer_.start();
}

void EventLoopMonitor::stop() {
  if (!timer_.isActive()) return;
  tick();
  timer_.stop();
}

void EventLoopMonitor::tick() {
  if (!clock_.isValid()) return;
  const qint64 now = clock_.nsecsElapsed();
  const double gapMs = (now - lastTickNs_) / 1e6 - timer_.interval();
  longestStallMs_ = std::max(longestStallMs_, gapMs);
  lastTickNs_ = now;
}

}  // namespace bksdm
