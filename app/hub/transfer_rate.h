#pragma once
#include <QtGlobal>
#include <deque>
#include <optional>

namespace bksdm {

// Download speed over the last few seconds, and the time left at that speed.
class TransferRate {
 public:
  // `bytes`: all bytes received by `milliseconds` (on any steady clock; resumed bytes that were
  // already on disk are not received).
  void record(qint64 milliseconds, qint64 bytes);
  double bytesPerSecond() const;
  // Seconds to receive `remainingBytes` more; nullopt until the speed is known.
  std::optional<qint64> secondsLeft(qint64 remainingBytes) const;

 private:
  struct Sample {
    qint64 milliseconds;
    qint64 bytes;
  };
  std::deque<Sample> samples_;
};

}  // namespace bksdm
