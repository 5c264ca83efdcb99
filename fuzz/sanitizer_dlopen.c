/* Linked into executables built with ASan or TSan (the fuzz targets, scripts/sanitize.sh), never
 * into a release build. Those runtimes end any process that calls dlopen with RTLD_DEEPBIND
 * (google/sanitizers#611: a deep-bound library calls libc's malloc rather than theirs, and memory
 * passed across breaks), but the tokenizer's sentencepiece module needs deep binding to keep its own
 * protobuf, and its C interface passes no allocation across. This dlopen, defined in the
 * executable, comes before the runtime's interceptor: deep-bound loads go straight to the dynamic
 * loader, the others through the interceptor as before. Needs the sanitizer runtime linked into
 * the executable (gcc's -static-libasan, -static-libtsan; clang's default), so that the loader's
 * dlopen is the next one after the executable's. */
#define _GNU_SOURCE
#include <dlfcn.h>

void* __interceptor_dlopen(const char* file, int mode) __attribute__((weak));

void* dlopen(const char* file, int mode) {
  static void* (*loader_dlopen)(const char*, int);
  if (!(mode & RTLD_DEEPBIND) && __interceptor_dlopen) return __interceptor_dlopen(file, mode);
  if (!loader_dlopen) loader_dlopen = (void* (*)(const char*, int))dlsym(RTLD_NEXT, "dlopen");
  return loader_dlopen(file, mode);
}

/* Inside the deep-bound module, operator new comes from libstdc++ and operator delete from ASan:
 * both end in ASan's heap, but it would report every such pair as "malloc vs operator delete". */
const char* __asan_default_options(void) { return "alloc_dealloc_mismatch=0"; }
