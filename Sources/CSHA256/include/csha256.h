// SHA-256 compression with the x86 SHA extensions, for PresetKit's Hash room.
//
// `csha256_accelerated()` tells (once per call, from CPUID) whether this CPU can run
// `csha256_compress`; on other architectures it is always 0 and `csha256_compress` must not be called.
// The portable Swift implementation stays the fallback and the reference.
#ifndef CSHA256_H
#define CSHA256_H

#include <stddef.h>
#include <stdint.h>

/// 1 when the CPU has SHA-NI, SSSE3 and SSE4.1 (and this is an x86_64 build), else 0.
int csha256_accelerated(void);

/// Runs the SHA-256 compression function over `count` consecutive 64-byte blocks (no alignment needed),
/// updating the eight chaining words `state` (H0...H7) in place. Only valid when `csha256_accelerated()`.
void csha256_compress(uint32_t state[8], const uint8_t *blocks, size_t count);

#endif
