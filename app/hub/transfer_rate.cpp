#include "app/hub/transfer_rate.h"

#include <cmath>

namespace bksdm {
namespace {

// Long enough to smooth out bursts, short enough to follow a changing connection.
constexpr qint64 kWindowMilliseconds = 5000;
constexpr qint64 kShortestSpanMilliseconds = 500;

}  // namespace

void TransferRate::record(qint64 milliseconds, qint64 bytes) {
  samples_.push_back({milliseconds, bytes});
  // Keep one sample at or before the window's start, so the span covers the whole window.
  while (samples_.size() > 2 && samples_[1].milliseconds <= milliseconds - kWindowMilliseconds) samples_.pop_front();
}

double TransferRate::bytesPerSecond() const {
  if (samples_.size() < 2) return 0;
  const qint64 span = samples_.back().milliseconds - samples_.front().milliseconds;
  if (span < kShortestSpanMilliseconds) return 0;
  return double(samples_.back().bytes - samples_.front().bytes) * 1000.0 / double(span);
}

std::optional<qint64> TransferRate::secondsLeft(qint64 remainingBytes) const {
  const double rate = bytesPerSecond();
  if (rate <= 0) return std::nullopt;
  return qint64(std::ceil(double(remainingBytes) / rate));
}

}  // namespace bksdm
