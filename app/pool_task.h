#pragma once
// Work for a pool thread, handed over so that ThreadSanitizer sees the hand-over. QThreadPool orders
// a task's start after its queueing with locks inside Qt, and Debian's Qt is not instrumented: to TSan
// every argument of a QtConcurrent::run task then looks raced (docs/reliability.md). Here the task is
// built whole, released to TSan, and given to the pool by pointer (the pool does not copy it); its
// run() acquires before it reads anything. Without TSan the annotations are nothing.
#include <exception>
#include <functional>
#include <tuple>
#include <type_traits>
#include <utility>

#include <QFuture>
#include <QPromise>
#include <QRunnable>
#include <QThreadPool>

#if defined(__SANITIZE_THREAD__)
extern "C" void __tsan_acquire(void* address);
extern "C" void __tsan_release(void* address);
#endif

namespace bksdm {
namespace detail {

inline void handOver(void* task) {
#if defined(__SANITIZE_THREAD__)
  __tsan_release(task);
#else
  (void)task;
#endif
}

inline void takeOver(void* task) {
#if defined(__SANITIZE_THREAD__)
  __tsan_acquire(task);
#else
  (void)task;
#endif
}

template <typename Result, typename Work>
class PoolTask : public QRunnable {
 public:
  explicit PoolTask(Work work) : work_(std::move(work)) {}

  QFuture<Result> future() { return promise_.future(); }

  void run() override {
    takeOver(this);
    promise_.start();
    try {
      if constexpr (std::is_void_v<Result>) {
        work_();
      } else {
        promise_.addResult(work_());
      }
    } catch (...) {
      promise_.setException(std::current_exception());
    }
    promise_.finish();
  }

 private:
  Work work_;
  QPromise<Result> promise_;
};

}  // namespace detail

// As QtConcurrent::run(pool, function, args...): `function(args...)` on a thread of `pool`, the
// arguments copied (or moved) into the task first; its result, or its exception, in the future.
template <typename Function, typename... Args>
auto runInPool(QThreadPool* pool, Function function, Args... args) {
  using Result = std::invoke_result_t<Function&, Args&...>;
  auto work = [function = std::move(function), arguments = std::make_tuple(std::move(args)...)]() mutable {
    return std::apply(function, arguments);
  };
  auto* task = new detail::PoolTask<Result, decltype(work)>(std::move(work));
  QFuture<Result> future = task->future();
  detail::handOver(task);
  pool->start(task);
  return future;
}

// The same on the global pool.
template <typename Function, typename... Args>
auto runInPool(Function function, Args... args) {
  return runInPool(QThreadPool::globalInstance(), std::move(function), std::move(args)...);
}

}  // namespace bksdm
