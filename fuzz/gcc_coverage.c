/* Coverage for libFuzzer from gcc's instrumentation. Clang cannot compile libtorch 1.13's headers as
 * C++20 against libstdc++ 12 (a constexpr std::vector<c10::IValue> of an incomplete type), so the
 * fuzz build uses gcc, whose -fsanitize-coverage offers trace-pc and trace-cmp but not the counters
 * libFuzzer reads. Here every block's call to __sanitizer_cov_trace_pc bumps an 8-bit counter chosen
 * by its address, in a table libFuzzer is given as an inline-counter module (the way AFL counts);
 * libFuzzer's own trace-pc stub is weakened in its copy of the runtime so that this one is used.
 * trace-cmp's integer callbacks are libFuzzer's; it has none for floats, which get none. This file
 * itself is built without instrumentation. */
#include <stdint.h>

enum { kCounters = 1 << 20 };
static uint8_t counters[kCounters];

void __sanitizer_cov_8bit_counters_init(uint8_t* start, uint8_t* stop);

__attribute__((constructor)) static void register_counters(void) {
  __sanitizer_cov_8bit_counters_init(counters, counters + kCounters);
}

void __sanitizer_cov_trace_pc(void) {
  const uintptr_t pc = (uintptr_t)__builtin_return_address(0);
  counters[(pc ^ (pc >> 20)) & (kCounters - 1)]++;
}

void __sanitizer_cov_trace_cmpf(float a, float b) { (void)a, (void)b; }
void __sanitizer_cov_trace_cmpd(double a, double b) { (void)a, (void)b; }
