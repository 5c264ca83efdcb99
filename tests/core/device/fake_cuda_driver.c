/* A CUDA driver library as the driver API describes it, with two devices: an H200 and one whose
   memory query fails. For test_cuda_devices. */
#include <stddef.h>
#include <string.h>

int cuInit(unsigned flags) { return flags == 0 ? 0 : 1; }
int cuDeviceGetCount(int* count) { *count = 2; return 0; }
int cuDeviceGet(int* device, int ordinal) { *device = 100 + ordinal; return 0; }
int cuDeviceGetName(char* name, int length, int device) {
  strncpy(name, device == 100 ? "NVIDIA H200" : "Broken", (size_t)length);
  return 0;
}
int cuDeviceTotalMem_v2(size_t* bytes, int device) {
  *bytes = 150754820096u;
  return device == 100 ? 0 : 2;
}
int cuDeviceGetAttribute(int* value, int attribute, int device) {
  (void)device;
  *value = attribute == 75 ? 9 : 0;
  return attribute == 75 || attribute == 76 ? 0 : 1;
}
