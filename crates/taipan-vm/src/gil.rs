//! The global interpreter lock (docs/vm.md, "Threads and the GIL"): the one lock a thread holds
//! while it touches Python objects or interpreter state, how a waiting thread asks the running
//! one to hand it over (the drop request the eval breaker polls), releasing it around blocking
//! waits ([`allow_threads`]), and the process-wide cells interpreter state lives in
//! ([`GilCell`], [`GilLazy`]), whose sharing between threads the GIL makes sound.

use std::cell::{Cell, LazyCell, RefCell};
use std::ops::Deref;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::Duration;

/// Interpreter-wide state: one value for the whole process, read and written only by the thread
/// holding the GIL. Has the API of a `thread_local!` key (`with`, and `Cell`/`RefCell` methods
/// through `Deref`), so state moved here from a `thread_local!` keeps its call sites.
pub struct GilCell<T>(T);

// SAFETY: docs/vm.md, "Threads and the GIL": a `GilCell` is only accessed by the thread that
// holds the GIL (every thread running Python code holds it; code running without it is inside
// `allow_threads`, whose closure is `Send` and so holds no objects, and touches no interpreter
// state), so no two threads ever access the value at once, and the GIL's mutex orders the
// accesses of successive holders (release/acquire).
unsafe impl<T> Sync for GilCell<T> {}

impl<T> GilCell<T> {
    pub const fn new(v: T) -> Self {
        GilCell(v)
    }

    /// Runs `f` on the value (the `thread_local!` key API).
    #[inline(always)]
    pub fn with<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        f(&self.0)
    }

    /// As `with` (the `thread_local!` key API; the interpreter's state is never torn down).
    #[inline]
    pub fn try_with<R>(&self, f: impl FnOnce(&T) -> R) -> Result<R, std::convert::Infallible> {
        Ok(f(&self.0))
    }
}

impl<T> Deref for GilCell<T> {
    type Target = T;
    #[inline(always)]
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> GilCell<RefCell<T>> {
    #[inline]
    pub fn with_borrow<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        f(&self.0.borrow())
    }

    #[inline]
    pub fn with_borrow_mut<R>(&self, f: impl FnOnce(&mut T) -> R) -> R {
        f(&mut self.0.borrow_mut())
    }

    pub fn set(&self, v: T) {
        *self.0.borrow_mut() = v;
    }
}

/// Interpreter-wide state made on first use (a `thread_local!` with a non-`const` initialiser
/// moved to the interpreter), under the same rule as [`GilCell`].
pub struct GilLazy<T>(LazyCell<T>);

// SAFETY: as for `GilCell`: only the GIL holder initialises or touches the value.
unsafe impl<T> Sync for GilLazy<T> {}

impl<T> GilLazy<T> {
    pub const fn new(f: fn() -> T) -> Self {
        GilLazy(LazyCell::new(f))
    }

    #[inline]
    pub fn with<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        f(&self.0)
    }

    /// As `with` (the `thread_local!` key API; the interpreter's state is never torn down).
    #[inline]
    pub fn try_with<R>(&self, f: impl FnOnce(&T) -> R) -> Result<R, std::convert::Infallible> {
        Ok(f(&self.0))
    }
}

impl<T> Deref for GilLazy<T> {
    type Target = T;
    #[inline]
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> GilLazy<RefCell<T>> {
    #[inline]
    pub fn with_borrow<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        f(&self.0.borrow())
    }

    #[inline]
    pub fn with_borrow_mut<R>(&self, f: impl FnOnce(&mut T) -> R) -> R {
        f(&mut self.0.borrow_mut())
    }
}

// ---------------------------------------------------------------------------------------------
// The lock.

struct State {
    /// Some thread holds the GIL.
    locked: bool,
    /// How many times the GIL changed hands (a waiter asks for a drop only if this did not move
    /// during its whole wait; a yielding holder waits for it to move).
    switches: u64,
    /// Threads waiting in `acquire`.
    waiters: usize,
}

static STATE: Mutex<State> = Mutex::new(State { locked: false, switches: 0, waiters: 0 });
/// Signalled when the GIL is released.
static RELEASED: Condvar = Condvar::new();
/// Signalled when a thread takes the GIL.
static TAKEN: Condvar = Condvar::new();

/// Set by a thread that waited a whole switch interval for the GIL: the holder's eval breaker
/// sees it (one relaxed load) and calls [`yield_gil`].
pub static DROP_REQUEST: AtomicBool = AtomicBool::new(false);

/// `sys.getswitchinterval()`, in nanoseconds.
static INTERVAL_NS: AtomicU64 = AtomicU64::new(5_000_000);

thread_local! {
    /// This thread holds the GIL.
    static HELD: Cell<bool> = const { Cell::new(false) };
}

fn state() -> MutexGuard<'static, State> {
    STATE.lock().unwrap_or_else(|e| e.into_inner())
}

/// Whether the calling thread holds the GIL.
#[inline]
pub fn held() -> bool {
    HELD.with(Cell::get)
}

/// `sys.setswitchinterval(seconds)` (already checked positive and finite).
pub fn set_switch_interval(seconds: f64) {
    let ns = (seconds * 1e9).clamp(1_000.0, 1e18) as u64;
    INTERVAL_NS.store(ns, Ordering::Relaxed);
}

/// `sys.getswitchinterval()`.
pub fn switch_interval() -> f64 {
    INTERVAL_NS.load(Ordering::Relaxed) as f64 / 1e9
}

/// Takes the GIL, waiting for the holder to release it; after each switch interval without a
/// hand-over, asks the holder to drop it.
pub fn acquire() {
    debug_assert!(!held(), "the GIL is not re-entrant");
    let mut s = state();
    while s.locked {
        let seen = s.switches;
        s.waiters += 1;
        let interval = Duration::from_nanos(INTERVAL_NS.load(Ordering::Relaxed));
        let (g, res) = RELEASED.wait_timeout(s, interval).unwrap_or_else(|e| e.into_inner());
        s = g;
        s.waiters -= 1;
        if res.timed_out() && s.locked && s.switches == seen {
            DROP_REQUEST.store(true, Ordering::Relaxed);
        }
    }
    s.locked = true;
    s.switches = s.switches.wrapping_add(1);
    DROP_REQUEST.store(false, Ordering::Relaxed);
    drop(s);
    TAKEN.notify_all();
    HELD.with(|h| h.set(true));
}

/// Releases the GIL held by this thread.
pub fn release() {
    debug_assert!(held(), "releasing a GIL this thread does not hold");
    HELD.with(|h| h.set(false));
    let mut s = state();
    s.locked = false;
    drop(s);
    RELEASED.notify_one();
}

/// Hands the GIL to a waiting thread (a drop was requested) and takes it back after: the
/// holder waits until another thread has actually taken it, so a busy thread cannot take it
/// straight back.
#[cold]
pub fn yield_gil() {
    if !held() {
        return;
    }
    HELD.with(|h| h.set(false));
    let mut s = state();
    let seen = s.switches;
    s.locked = false;
    RELEASED.notify_one();
    while s.switches == seen && s.waiters > 0 {
        s = TAKEN.wait(s).unwrap_or_else(|e| e.into_inner());
    }
    drop(s);
    acquire();
}

/// Makes the calling thread hold the GIL for the rest of its life (or until it releases it), if
/// it does not already: what a thread that starts running Python code does first.
pub fn attach() {
    if !held() {
        acquire();
    }
}

/// Holds the GIL until dropped (taken by [`hold`]).
pub struct GilGuard {
    taken: bool,
}

impl Drop for GilGuard {
    fn drop(&mut self) {
        if self.taken {
            release();
        }
    }
}

/// Holds the GIL until the guard is dropped (a no-op guard if this thread holds it already).
pub fn hold() -> GilGuard {
    let taken = !held();
    if taken {
        acquire();
    }
    GilGuard { taken }
}

/// Runs `f` with the GIL released, so other threads run Python code meanwhile: for a blocking
/// wait (sleeping, a lock, I/O, a child process). `f` must not touch Python objects or
/// interpreter state; it is `Send`, so it cannot hold an `Object` (which is not). `errno` as
/// `f` left it is kept (taking the GIL back does not clobber it), so a system call's error can
/// be read after the call.
pub fn allow_threads<R>(f: impl FnOnce() -> R + Send) -> R {
    if !held() {
        return f();
    }
    release();
    /// Takes the GIL back, also when `f` unwinds.
    struct Reacquire;
    impl Drop for Reacquire {
        fn drop(&mut self) {
            acquire();
        }
    }
    let back = Reacquire;
    let r = f();
    let errno = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
    drop(back);
    // SAFETY: `__errno_location` returns this thread's errno slot, valid for the thread's life.
    unsafe { *libc::__errno_location() = errno };
    r
}

/// Moves a value to another thread that will only touch it with the GIL held (the arguments
/// of a thread being started).
pub struct SendUnderGil<T>(T);

// SAFETY: docs/vm.md, "Threads and the GIL": the value is made by a thread holding the GIL and
// opened (`into_inner`) only by a thread holding it, so it is never touched concurrently.
unsafe impl<T> Send for SendUnderGil<T> {}

impl<T> SendUnderGil<T> {
    pub fn new(v: T) -> Self {
        SendUnderGil(v)
    }

    /// The value; the caller holds the GIL.
    pub fn into_inner(self) -> T {
        debug_assert!(held());
        self.0
    }
}

/// Per-thread state that can hold objects (the handled exception, the current context, the
/// asyncgen hooks), for a `thread_local!`: if the thread ends without the GIL (a thread of an
/// embedding program or a test that released it), the objects still there are leaked instead
/// of released, since releasing them would touch the heap without the GIL. Threads started by
/// `_thread` empty these slots before they let the GIL go.
pub struct PerThread<T: Default>(RefCell<T>);

impl<T: Default> PerThread<T> {
    pub const fn new(v: T) -> Self {
        PerThread(RefCell::new(v))
    }
}

impl<T: Default> Deref for PerThread<T> {
    type Target = RefCell<T>;
    #[inline(always)]
    fn deref(&self) -> &RefCell<T> {
        &self.0
    }
}

impl<T: Default> Drop for PerThread<T> {
    fn drop(&mut self) {
        if !HELD.try_with(Cell::get).unwrap_or(false) {
            std::mem::forget(std::mem::take(self.0.get_mut()));
        }
    }
}
