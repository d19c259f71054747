//! Frames: the per-call state of the eval loop, kept in a contiguous stack.
//!
//! One `FrameStack` holds every frame an eval-loop activation runs: `frames` are the records
//! (code, globals, builtins, function, instruction pointer) and `values` is one array where each
//! frame's `localsplus` (locals, cells, free variables) is followed by its value stack. The
//! topmost frame's value stack ends at `values.len()`; a callee's `localsplus` starts where its
//! caller's stack ended (after the call's arguments were taken off it). A Python-to-Python call
//! therefore pushes one record and extends one vector, and returning truncates it: no Rust
//! recursion and, once the vectors have grown, no allocation.
//!
//! A `None` slot is CPython's NULL: an unbound local, an empty `self_or_null`, or the marker
//! `PUSH_NULL` leaves.

use std::cell::Cell;
use std::ptr::NonNull;

use crate::object::{Object, ObjectRef};

pub struct Frame {
    /// The code being run (for a function frame, the function's `__code__` when the call was
    /// made).
    pub code: FrameRef,
    /// The function being run (`None` for module and class bodies run by `exec`-like entry).
    /// Never replaced while the record lives: a function frame's `code`, `globals` and
    /// `builtins` are borrowed from it.
    func: Option<Object>,
    pub globals: FrameRef,
    pub builtins: FrameRef,
    /// The locals mapping of module and class bodies (`LOAD_NAME`/`STORE_NAME`); `None` for
    /// optimised function frames, whose locals are the fast slots.
    pub locals: Option<Object>,
    /// Index of `localsplus[0]` in `FrameStack::values`.
    pub base: usize,
    /// Index (in code units) of the next instruction to run.
    pub ip: usize,
    /// Index of the instruction running (or last run): tracebacks and the exception table use it.
    pub lasti: usize,
    /// The record owns `code`, `globals` and `builtins` (module, class and `exec` frames);
    /// otherwise they are borrowed from `func` (docs/vm.md, "Function frames borrow").
    owns: bool,
    /// The frame runs the `__init__` of a `C(...)` call (its instance is in
    /// `FrameStack::init_frames`).
    pub is_init: bool,
}

/// A reference held by a frame record: owned or borrowed from the frame's function, as the
/// record's `owns` says. It reads as an `Object` (`Deref`) but is not `Clone`: `.clone()` on it
/// makes an owned `Object`.
pub struct FrameRef(std::mem::ManuallyDrop<Object>);

impl std::ops::Deref for FrameRef {
    type Target = Object;
    #[inline(always)]
    fn deref(&self) -> &Object {
        &self.0
    }
}

impl FrameRef {
    #[inline(always)]
    fn owned(o: Object) -> FrameRef {
        FrameRef(std::mem::ManuallyDrop::new(o))
    }

    /// A borrowed reference.
    /// SAFETY: the caller keeps `o` alive for as long as the `FrameRef` lives.
    #[inline(always)]
    unsafe fn borrowed(o: ObjectRef<'_>) -> FrameRef {
        // SAFETY: no count moves: the `Object` is never dropped (`ManuallyDrop`, and the
        // record's `Drop` only releases owned references), and the caller keeps it alive.
        FrameRef(std::mem::ManuallyDrop::new(unsafe { Object::from_raw(o.raw()) }))
    }
}

impl Drop for Frame {
    #[inline]
    fn drop(&mut self) {
        if self.owns {
            // SAFETY: the record owns one count of each (`Frame::owning`); they are released
            // once, here, and the fields are not used after.
            unsafe {
                std::mem::ManuallyDrop::drop(&mut self.code.0);
                std::mem::ManuallyDrop::drop(&mut self.globals.0);
                std::mem::ManuallyDrop::drop(&mut self.builtins.0);
            }
        }
    }
}

impl Frame {
    /// A frame that owns its code, globals and builtins (module and class bodies, `exec`).
    pub fn owning(
        code: Object,
        func: Option<Object>,
        globals: Object,
        builtins: Object,
        locals: Option<Object>,
        base: usize,
    ) -> Frame {
        Frame {
            code: FrameRef::owned(code),
            func,
            globals: FrameRef::owned(globals),
            builtins: FrameRef::owned(builtins),
            locals,
            base,
            ip: 0,
            lasti: 0,
            owns: true,
            is_init: false,
        }
    }

    /// The frame of a call of the Python function `func` (which must be one): the record owns
    /// the function only, and reads its code (`__code__` as of now), globals and builtins
    /// through it, saving three reference counts per call and per return.
    #[inline(always)]
    pub fn function(func: Object, base: usize) -> Frame {
        let f = crate::types::pyfunction::as_function(func.as_ref()).expect("a Python function");
        // SAFETY: docs/vm.md, "Function frames borrow": the record owns `func` and never
        // replaces it; a function's globals and builtins never change, and a code object
        // taken from `code()` lives as long as the function (a replaced one is retired).
        let (code, globals, builtins) = unsafe {
            (
                FrameRef::borrowed(f.code()),
                FrameRef::borrowed(f.globals.as_ref()),
                FrameRef::borrowed(f.builtins.as_ref()),
            )
        };
        Frame {
            code,
            func: Some(func),
            globals,
            builtins,
            locals: None,
            base,
            ip: 0,
            lasti: 0,
            owns: false,
            is_init: false,
        }
    }

    /// The function being run, if any.
    #[inline]
    pub fn func(&self) -> Option<&Object> {
        self.func.as_ref()
    }

    /// Visits the references the record owns (for the collector: a borrowed one is the
    /// function's, which the function reports).
    pub fn visit_owned(&self, visit: &mut dyn FnMut(ObjectRef<'_>)) {
        if self.owns {
            visit(self.code.as_ref());
            visit(self.globals.as_ref());
            visit(self.builtins.as_ref());
        }
        for o in [&self.func, &self.locals].into_iter().flatten() {
            visit(o.as_ref());
        }
    }
}

/// A generator's frame while it is not running: a frame stack of its own holding just that
/// frame (base 0), its `localsplus` and value stack. Resuming runs the loop on this very stack
/// and `YIELD_VALUE` leaves the frame on it, so a `next()` moves one pointer in and out.
pub struct SuspendedFrame {
    pub stack: Box<FrameStack>,
}

impl SuspendedFrame {
    /// The generator's frame record.
    pub fn frame(&self) -> &Frame {
        &self.stack.frames[0]
    }

    /// Its `localsplus` followed by its value stack.
    pub fn values(&self) -> &[Option<Object>] {
        &self.stack.values
    }
}

#[derive(Default)]
pub struct FrameStack {
    pub frames: Vec<Frame>,
    pub values: Vec<Option<Object>>,
    /// Set by `YIELD_VALUE`: the generator frame (the only one on this stack) suspended, and
    /// the activation returns the yielded value with the frame left in place.
    pub yielded: bool,
    /// An exception to raise in the bottom frame as soon as the loop starts (`generator.throw`).
    pub throw: Option<crate::error::PyErr>,
    /// The arguments of the `CALL` being made, reused from call to call.
    pub scratch: Vec<Object>,
    /// Frames running the `__init__` of a class called as `C(...)` (index in `frames`, and the
    /// new instance, which their `RETURN_VALUE` gives the caller instead of `None`).
    pub init_frames: Vec<(usize, Object)>,
    /// While this stack runs: the activation it runs inside of (the chain [`frames_of_thread`]
    /// walks; docs/vm.md, "Active activations").
    outer: Option<NonNull<FrameStack>>,
}

/// Stacks of finished activations, kept so a native-to-Python call reuses their capacity.
/// Boxed, so that taking one and giving it back moves a pointer, not the whole record.
/// Interpreter-wide (under the GIL), so a thread's ending frees nothing without the GIL.
static POOL: crate::gil::GilCell<std::cell::RefCell<Vec<Box<FrameStack>>>> =
    crate::gil::GilCell::new(std::cell::RefCell::new(Vec::new()));

thread_local! {
    /// The innermost activation of the loop running on this thread.
    static ACTIVE: Cell<Option<NonNull<FrameStack>>> = const { Cell::new(None) };
}

/// Marks an activation as running until dropped (the loop holds one for each `run`).
pub struct ActiveGuard {
    prev: Option<NonNull<FrameStack>>,
}

impl Drop for ActiveGuard {
    fn drop(&mut self) {
        ACTIVE.with(|a| a.set(self.prev));
    }
}

/// Makes `stack` the innermost running activation of this thread, until the guard is dropped.
#[inline]
pub fn activate(stack: &mut FrameStack) -> ActiveGuard {
    let prev = ACTIVE.with(|a| a.replace(Some(NonNull::from(&mut *stack))));
    stack.outer = prev;
    ActiveGuard { prev }
}

/// What native code may know of a running Python frame (a copy: it stays valid after the frame
/// is gone).
#[derive(Clone)]
pub struct FrameInfo {
    pub code: Object,
    pub func: Option<Object>,
    pub globals: Object,
    pub builtins: Object,
    pub locals: Option<Object>,
    /// The instruction running, as of the last call the frame made or the last error.
    pub lasti: usize,
    /// Where the frame lives while it runs (for [`read_fast`]/[`write_fast`]).
    pub at: LiveFrame,
}

/// The position of a running frame: its activation, its index there, its `base`, checked
/// against the activations still running before any access.
#[derive(Clone, Copy)]
pub struct LiveFrame {
    stack: NonNull<FrameStack>,
    index: usize,
    base: usize,
}

impl LiveFrame {
    /// The frame's position as plain numbers (activation address, index, base), for tables
    /// keyed by running frame (`trace.rs`).
    pub fn key(&self) -> (usize, usize, usize) {
        (self.stack.as_ptr() as usize, self.index, self.base)
    }
}

/// The activation `at` names, if it is still running and still has that frame running `code`.
fn live(at: LiveFrame, code: &Object) -> Option<NonNull<FrameStack>> {
    let mut cur = ACTIVE.with(Cell::get);
    while let Some(p) = cur {
        // SAFETY: docs/vm.md, "Active activations" (as in `frames_of_thread`).
        let stack = unsafe { p.as_ref() };
        if p == at.stack {
            let f = stack.frames.get(at.index)?;
            return (f.base == at.base && f.code.as_ref().is(code.as_ref())).then_some(p);
        }
        cur = stack.outer;
    }
    None
}

/// The instruction a running frame is at (as of its last call or error), or `None` once gone.
pub fn read_lasti(at: LiveFrame, code: &Object) -> Option<usize> {
    let p = live(at, code)?;
    // SAFETY: docs/vm.md, "Active activations".
    let stack = unsafe { p.as_ref() };
    stack.frames.get(at.index).map(|f| f.lasti)
}

/// A copy of a running frame's `localsplus` (`nlocalsplus` slots), or `None` once it is gone.
pub fn read_fast(at: LiveFrame, code: &Object, nlocalsplus: usize) -> Option<Vec<Option<Object>>> {
    let p = live(at, code)?;
    // SAFETY: docs/vm.md, "Active activations".
    let stack = unsafe { p.as_ref() };
    stack.values.get(at.base..at.base + nlocalsplus).map(<[Option<Object>]>::to_vec)
}

/// Stores `value` in slot `i` of a running frame's `localsplus`; false once the frame is gone.
pub fn write_fast(at: LiveFrame, code: &Object, i: usize, value: Option<Object>) -> bool {
    let Some(p) = live(at, code) else { return false };
    // SAFETY: docs/vm.md, "Active activations": the loop is inside a call and holds no
    // reference into `values`; the slot exists (it is below the frame's value stack).
    let old = unsafe {
        let values = &mut (*p.as_ptr()).values;
        match values.get_mut(at.base + i) {
            Some(slot) => std::mem::replace(slot, value),
            None => return false,
        }
    };
    drop(old);
    true
}

/// The Python frames running on this thread, innermost first, at most `max` of them.
pub fn frames_of_thread(max: usize) -> Vec<FrameInfo> {
    let mut out = Vec::new();
    let mut cur = ACTIVE.with(Cell::get);
    while let Some(p) = cur {
        if out.len() >= max {
            break;
        }
        // SAFETY: docs/vm.md, "Active activations": an activation in the chain is alive and
        // pinned (boxed) while its `run` is on the Rust stack, and native code reads it only
        // while the loop is inside a call, holding no reference into its vectors.
        let stack = unsafe { p.as_ref() };
        for (index, f) in stack.frames.iter().enumerate().rev() {
            if out.len() >= max {
                break;
            }
            out.push(FrameInfo {
                at: LiveFrame { stack: p, index, base: f.base },
                code: f.code.clone(),
                func: f.func().cloned(),
                globals: f.globals.clone(),
                builtins: f.builtins.clone(),
                locals: f.locals.clone(),
                lasti: f.lasti,
            });
        }
        cur = stack.outer;
    }
    out
}

impl FrameStack {
    /// Pushes a frame record (inlined: `Vec::push` of the large record is not).
    #[inline(always)]
    pub fn push_frame(&mut self, frame: Frame) {
        if self.frames.len() == self.frames.capacity() {
            self.frames.reserve(8);
        }
        let len = self.frames.len();
        // SAFETY: the capacity check above leaves room for one more record at `len`.
        unsafe {
            self.frames.as_mut_ptr().add(len).write(frame);
            self.frames.set_len(len + 1);
        }
    }

    /// Moves the top `values.len() - at` values (none of them NULL) onto the end of `out`.
    #[inline]
    pub fn move_values_to(&mut self, at: usize, out: &mut Vec<Object>) {
        let len = self.values.len();
        out.reserve(len - at);
        // The length drops first: should a slot be NULL (a VM bug), the panic leaks the
        // values not yet moved instead of dropping them twice.
        // SAFETY: slots `at..len` hold initialised values that the vector no longer owns once
        // its length is `at`; each is read exactly once.
        unsafe {
            self.values.set_len(at);
            let src = self.values.as_ptr();
            for i in at..len {
                out.push(src.add(i).read().expect("NULL argument"));
            }
        }
    }

    /// After the top frame was popped: the instance its `__init__` call made, if it was one.
    #[inline]
    pub fn take_init_instance(&mut self) -> Option<Object> {
        match self.init_frames.last() {
            Some((i, _)) if *i == self.frames.len() => self.init_frames.pop().map(|(_, o)| o),
            _ => None,
        }
    }

    /// An empty stack, reusing a pooled one if any.
    pub fn take() -> Box<FrameStack> {
        POOL.with(|p| p.borrow_mut().pop()).unwrap_or_default()
    }

    /// Returns an emptied stack to the pool.
    pub fn give_back(mut self: Box<Self>) {
        // Drop what is left outside the pool's borrow (deallocation may run Python code).
        self.values.clear();
        self.frames.clear();
        self.yielded = false;
        self.throw = None;
        self.scratch.clear();
        self.init_frames.clear();
        self.outer = None;
        let _ = POOL.try_with(|p| {
            let mut p = p.borrow_mut();
            if p.len() < 16 {
                p.push(self);
            }
        });
    }
}
