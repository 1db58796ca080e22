//! Handing freed memory back to the operating system.
//!
//! Loading a deck parses megabytes of TOML on several threads, and building the search index allocates as
//! much again in passing. glibc keeps what that frees in its per-thread arenas, so a 10,000-item deck would
//! leave the interface about 8 MB larger than what it holds, for its whole life. The interface calls
//! [`release_free_memory`] once each of those is done.

/// Gives the heap's free pages back to the operating system (glibc on Linux; elsewhere nothing to do).
pub fn release_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim takes no pointers; it only returns free memory at the top of glibc's heaps and in its
    // arenas to the kernel, and glibc makes it safe to call while other threads allocate.
    unsafe {
        libc::malloc_trim(0);
    }
}
