//! A debugging allocator (cargo feature `quarantine`): wraps mimalloc, fills new blocks with
//! 0xCB and freed ones with 0xDD, and holds freed blocks back in a FIFO of recent frees before
//! really releasing them, so that a read through a dangling pointer sees the poison (and a
//! pointer loaded from it faults) instead of whatever object reused the address.

use std::alloc::{GlobalAlloc, Layout};
use std::cell::UnsafeCell;
use std::sync::atomic::{AtomicBool, Ordering};

/// How many freed blocks are held back before the oldest is released.
const SLOTS: usize = 1 << 18;

pub struct Quarantine;

struct Ring {
    blocks: [(usize, usize, usize); SLOTS],
    next: usize,
}

struct Shared(UnsafeCell<Ring>);
// SAFETY: every access holds `LOCK` (a spin lock), so the ring is never touched concurrently.
unsafe impl Sync for Shared {}

static RING: Shared = Shared(UnsafeCell::new(Ring { blocks: [(0, 0, 0); SLOTS], next: 0 }));
static LOCK: AtomicBool = AtomicBool::new(false);

fn lock() {
    while LOCK.compare_exchange_weak(false, true, Ordering::Acquire, Ordering::Relaxed).is_err() {
        std::hint::spin_loop();
    }
}

fn unlock() {
    LOCK.store(false, Ordering::Release);
}

// SAFETY: forwards to mimalloc with the same layouts; a block is released exactly once, after
// leaving the ring.
unsafe impl GlobalAlloc for Quarantine {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as `GlobalAlloc::alloc`.
        let p = unsafe { mimalloc::MiMalloc.alloc(layout) };
        if !p.is_null() {
            // SAFETY: the block is `layout.size()` bytes long.
            unsafe { std::ptr::write_bytes(p, 0xCB, layout.size()) };
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller gives up the block; it is ours to poison.
        unsafe { std::ptr::write_bytes(ptr, 0xDD, layout.size()) };
        lock();
        // SAFETY: the lock is held.
        let old = unsafe {
            let r = &mut *RING.0.get();
            let i = r.next;
            r.next = (i + 1) % SLOTS;
            std::mem::replace(&mut r.blocks[i], (ptr as usize, layout.size(), layout.align()))
        };
        unlock();
        if old.0 != 0 {
            // SAFETY: the block left the ring; it was allocated with this layout.
            unsafe {
                mimalloc::MiMalloc
                    .dealloc(old.0 as *mut u8, Layout::from_size_align_unchecked(old.1, old.2))
            };
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as `GlobalAlloc::realloc`.
        unsafe {
            let new = self.alloc(Layout::from_size_align_unchecked(new_size, layout.align()));
            if !new.is_null() {
                std::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
                self.dealloc(ptr, layout);
            }
            new
        }
    }
}
