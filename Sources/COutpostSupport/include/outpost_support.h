#ifndef OUTPOST_SUPPORT_H
#define OUTPOST_SUPPORT_H

/// Tells the processor that the caller is in a spin-wait loop: on x86 the PAUSE instruction,
/// on ARM the YIELD hint. The loop then issues far fewer instructions, which leaves more of a
/// shared core to the thread it is waiting for, and it costs no system call (unlike
/// sched_yield, which under load hands the processor to other programs for a whole time slice).
static inline void outpost_spin_pause(void) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__) || defined(__arm__)
    __asm__ __volatile__("yield");
#endif
}

/// Asks the processor to start loading the cache line holding `address` for reading, so a
/// later load of it does not wait on memory. Only a hint: it never faults.
static inline void outpost_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif
