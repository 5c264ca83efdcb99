/* The narrow C interface of the sentencepiece module (libbksdm_spm.so). Debian's libsentencepiece
 * carries its own protobuf and exports it; libtorch uses the system's, and one process linking both
 * crashes before main. The tokenizer therefore opens this module at run time, with its symbols kept
 * to itself, and talks to it through these plain C functions only. */
#pragma once
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Changes whenever a signature below does, so that a stale module is refused. */
#define BKSDM_SPM_ABI_VERSION 1

typedef struct bksdm_spm bksdm_spm;

int bksdm_spm_abi_version(void);

/* A sentencepiece processor loaded from a serialized ModelProto; NULL on failure, with the reason
 * written (NUL-terminated, cut to fit) into `error`. */
bksdm_spm* bksdm_spm_create(const char* model_proto, size_t model_proto_size, char* error, size_t error_capacity);

/* Encodes `text` (UTF-8) to piece ids. Writes at most `capacity` ids and returns how many the
 * encoding has (call again with more room when that is more), or -1 when sentencepiece fails. */
int bksdm_spm_encode(const bksdm_spm* spm, const char* text, size_t text_size, int* ids, int capacity);

void bksdm_spm_destroy(bksdm_spm* spm);

#ifdef __cplusplus
}
#endif
