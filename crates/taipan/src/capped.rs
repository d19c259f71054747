//! The global allocator of the `taipan` binary: mimalloc, refusing any single request larger
//! than the machine's memory (RAM plus swap). mimalloc reserves address space without
//! committing it, so a request for terabytes would otherwise succeed and the program would then
//! exhaust memory page by page while filling it; refused, it becomes Python's `MemoryError`
//! (every size-computed allocation in the VM goes through `try_reserve`), as CPython's `malloc`
//! refuses it under Linux's overcommit heuristic.

use std::alloc::{GlobalAlloc, Layout};
use std::sync::atomic::{AtomicUsize, Ordering};

pub struct Capped;

/// The largest request granted; `usize::MAX` until [`init`] has read the machine's memory.
static LIMIT: AtomicUsize = AtomicUsize::new(usize::MAX);

/// Reads the machine's memory (`MemTotal` + `SwapTotal` of `/proc/meminfo`) and sets the limit.
pub fn init() {
    let Ok(text) = std::fs::read_to_string("/proc/meminfo") else { return };
    let kib = |key: &str| -> Option<usize> {
        let line = text.lines().find(|l| l.starts_with(key))?;
        line[key.len()..].trim().trim_end_matches("kB").trim().parse().ok()
    };
    if let Some(total) = kib("MemTotal:") {
        let bytes = (total + kib("SwapTotal:").unwrap_or(0)).saturating_mul(1024);
        LIMIT.store(bytes, Ordering::Relaxed);
    }
}

// mimalloc's unaligned entry points (linked through the `mimalloc` crate's `libmimalloc-sys`).
// The `mimalloc` crate always calls the `_aligned` variants, which take a longer path; every
// mimalloc block is at least 8-aligned (its size classes are multiples of the word size), so a
// request aligned to 8 or less can use the plain calls.
unsafe extern "C" {
    fn mi_malloc(size: usize) -> *mut core::ffi::c_void;
    fn mi_zalloc(size: usize) -> *mut core::ffi::c_void;
    fn mi_realloc(p: *mut core::ffi::c_void, newsize: usize) -> *mut core::ffi::c_void;
}

/// The largest alignment every mimalloc block has.
const PLAIN_ALIGN: usize = 8;

#[inline]
fn too_big(size: usize) -> bool {
    size > LIMIT.load(Ordering::Relaxed)
}

// SAFETY: forwards to mimalloc with the same layouts, or returns null (allowed: an allocation
// failure) for a request over the limit; a null from `realloc` leaves the old block untouched.
unsafe impl GlobalAlloc for Capped {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if too_big(layout.size()) {
            return std::ptr::null_mut();
        }
        if layout.align() <= PLAIN_ALIGN {
            // SAFETY: a plain allocation of a non-zero size; its block is 8-aligned.
            return unsafe { mi_malloc(layout.size()).cast() };
        }
        // SAFETY: the caller's contract for `alloc` is passed on unchanged.
        unsafe { mimalloc::MiMalloc.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if too_big(layout.size()) {
            return std::ptr::null_mut();
        }
        if layout.align() <= PLAIN_ALIGN {
            // SAFETY: as in `alloc`.
            return unsafe { mi_zalloc(layout.size()).cast() };
        }
        // SAFETY: as for `alloc`.
        unsafe { mimalloc::MiMalloc.alloc_zeroed(layout) }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from this allocator (so from mimalloc) with `layout`.
        unsafe { mimalloc::MiMalloc.dealloc(ptr, layout) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if too_big(new_size) {
            return std::ptr::null_mut();
        }
        if layout.align() <= PLAIN_ALIGN {
            // SAFETY: `ptr` came from mimalloc; the moved or grown block is 8-aligned again.
            return unsafe { mi_realloc(ptr.cast(), new_size).cast() };
        }
        // SAFETY: `ptr` came from mimalloc with `layout`; the caller's contract is passed on.
        unsafe { mimalloc::MiMalloc.realloc(ptr, layout, new_size) }
    }
}
