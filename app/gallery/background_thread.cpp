#include "app/gallery/background_thread.h"

#include <sys/resource.h>
#include <unistd.h>

namespace bksdm::gallery {

void lowerThreadPriority(int niceness) {
  thread_local bool lowered = false;
  if (lowered) return;
  // On Linux a thread id in PRIO_PROCESS sets that thread's niceness alone.
  ::setpriority(PRIO_PROCESS, id_t(::gettid()), niceness);
  lowered = true;
}

}  // namespace bksdm::gallery
