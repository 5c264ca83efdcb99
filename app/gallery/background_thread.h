#pragma once

namespace bksdm::gallery {

// Background work (thumbnails, folder scans) runs at a lower CPU priority, a Linux niceness, so
// that the UI thread and inference get the CPU first and thumbnails come before scans. Applies
// once per thread and for the thread's life: call it only on threads of the gallery's own pools.
void lowerThreadPriority(int niceness);

inline constexpr int kThumbnailNiceness = 10;
inline constexpr int kScanNiceness = 15;

}  // namespace bksdm::gallery
