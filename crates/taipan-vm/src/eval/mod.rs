//! The eval loop: runs CPython 3.14 bytecode (docs/vm.md, "The eval loop").
//!
//! - [`run`](self::run): the dispatch loop over a [`FrameStack`]; Python-to-Python calls push a
//!   frame and continue in the same loop, `RETURN_VALUE` pops back to the caller.
//! - [`call`]: argument binding and frame set-up for Python functions.
//! - [`helpers`]: the heavier opcode bodies (imports, unpacking, formatting, class creation).
//! - This module: the per-thread state (recursion depth and limit, the exception being handled)
//!   and the entry points native code uses to run Python code.

pub mod call;
pub(crate) mod fastops;
pub mod helpers;
pub mod matching;
pub mod run;
pub(crate) mod specialize;
pub mod suggestions;
pub mod typecall;

use std::cell::Cell;

use crate::error::{PyErr, PyResult};
use crate::frame::{Frame, FrameStack};
use crate::object::{Object, ObjectRef};
use crate::types::exceptions::RECURSION_ERROR;

thread_local! {
    /// Python frames currently live on this thread (all activations).
    static DEPTH: Cell<usize> = const { Cell::new(0) };
    /// The exception being handled (`sys.exception()`), set by `PUSH_EXC_INFO`. Per thread; it
    /// holds an object, so a thread empties it (with the GIL held) before it ends.
    static EXC_INFO: crate::gil::PerThread<Option<Object>> = const { crate::gil::PerThread::new(None) };
}

/// `sys.getrecursionlimit()` (interpreter-wide).
static LIMIT: crate::gil::GilCell<Cell<usize>> = crate::gil::GilCell::new(Cell::new(1000));

pub fn recursion_limit() -> usize {
    LIMIT.with(Cell::get)
}

pub fn set_recursion_limit(n: usize) {
    LIMIT.with(|l| l.set(n))
}

/// Counts a new Python frame; RecursionError past the limit.
#[inline(always)]
pub(crate) fn enter_frame() -> PyResult<()> {
    let d = DEPTH.with(Cell::get);
    if d >= recursion_limit() {
        return Err(PyErr::new(&RECURSION_ERROR, "maximum recursion depth exceeded"));
    }
    DEPTH.with(|c| c.set(d + 1));
    Ok(())
}

/// How many Python frames are live on this thread (`_testinternalcapi.get_recursion_depth`).
pub(crate) fn python_depth() -> usize {
    DEPTH.with(Cell::get)
}

pub(crate) fn leave_frame() {
    DEPTH.with(|c| c.set(c.get().saturating_sub(1)));
}

/// The exception currently being handled, if any.
pub fn current_exception() -> Option<Object> {
    EXC_INFO.with(|e| e.borrow().clone())
}

/// Makes `caller` the handled exception again after a generator ran (or yielded); returns what
/// the generator left there when it differs from `caller` (its own `gi_exc_state`, to keep
/// while it is suspended). The usual case, nothing changed, writes nothing and drops no
/// reference while the slot is borrowed.
pub(crate) fn restore_exception(caller: Option<Object>) -> Option<Object> {
    let (changed, leftover) = EXC_INFO.with(|e| {
        let mut cur = e.borrow_mut();
        let same = match (&*cur, &caller) {
            (Some(a), Some(b)) => a.is(b),
            (None, None) => true,
            _ => false,
        };
        if same { (None, caller) } else { (std::mem::replace(&mut *cur, caller), None) }
    });
    drop(leftover);
    changed
}

/// Replaces the handled exception, returning the previous one.
pub(crate) fn set_current_exception(v: Option<Object>) -> Option<Object> {
    EXC_INFO.with(|e| e.replace(v))
}

/// Runs a module-level (or class-body, or `exec`) code object with `globals` and `locals`.
pub fn run_code(
    code: Object,
    globals: Object,
    locals: Option<Object>,
    builtins: Object,
) -> PyResult<Object> {
    let mut stack = FrameStack::take();
    enter_frame()?;
    let nlocalsplus = crate::types::code::as_code(code.as_ref()).expect("code").nlocalsplus;
    stack.values.resize_with(nlocalsplus, || None);
    stack.frames.push(Frame::owning(code, None, globals, builtins, locals, 0));
    let r = run::run(&mut stack);
    stack.give_back();
    r
}

/// Calls the Python function `func` from native code (a nested activation of the loop).
pub fn call_python(
    func: ObjectRef<'_>,
    self_: Option<ObjectRef<'_>>,
    args: &[Object],
    kwnames: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let mut stack = FrameStack::take();
    let r = match call::push_function_frame(
        &mut stack,
        func,
        self_.map(|s| s.to_owned()),
        args,
        kwnames,
    ) {
        Ok(()) => run::run(&mut stack),
        Err(e) => Err(e),
    };
    stack.give_back();
    r
}

/// Runs a class body: the function's code with `ns` as its locals mapping.
pub fn run_class_body(func: ObjectRef<'_>, ns: Object) -> PyResult<Object> {
    let mut stack = FrameStack::take();
    let r = match call::push_function_frame(&mut stack, func, None, &[], None) {
        Ok(()) => {
            stack.frames.last_mut().expect("frame").locals = Some(ns);
            run::run(&mut stack)
        }
        Err(e) => Err(e),
    };
    stack.give_back();
    r
}
