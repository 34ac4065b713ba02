#ifndef FLOWC_CPREFETCH_H
#define FLOWC_CPREFETCH_H

/// Asks the CPU to start loading the cache line at `address` for reading, without waiting for
/// it; a hint only (an invalid address is harmless).
static inline void flowc_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif
