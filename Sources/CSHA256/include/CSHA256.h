#ifndef FLOWC_CSHA256_H
#define FLOWC_CSHA256_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/// The 64 round constants of SHA-256 (FIPS 180-4, 4.2.2), for the portable code too.
const uint32_t *flowc_sha256_round_constants(void);

/// Whether this CPU has the x86 SHA extensions (and the SSSE3 and SSE4.1 they are used with).
bool flowc_sha256_hardware_available(void);

/// Runs the SHA-256 compression function over `count` 64-byte blocks into `state` (the eight
/// working words, host order) with the x86 SHA instructions. Call only when
/// `flowc_sha256_hardware_available()` is true.
void flowc_sha256_hardware_compress(uint32_t state[8], const uint8_t *blocks, size_t count);

#endif
