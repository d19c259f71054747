//! `sys.settrace` and `sys.setprofile`: each thread's trace and profile hooks, the events the
//! eval loop's tracing instance reports to them (CPython 3.14's legacy tracing, which CPython
//! builds on PEP 669 instrumentation), the per-code table of the instructions that start a line,
//! and the frame objects handed to the hooks (one per running frame, so that `frame is
//! other_frame` and `f_trace` mean what they mean in CPython). docs/vm.md, "Tracing".

use std::cell::Cell;
use std::collections::BTreeMap;
use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};

use taipan_bytecode::opcodes::*;

use crate::error::{PyErr, PyResult};
use crate::frame::FrameStack;
use crate::gil::PerThread;
use crate::interned;
use crate::object::{Object, ObjectRef};
use crate::types::code::{CodePayload, as_code};
use crate::types::singletons::{is_none, none};
use crate::types::traceback_obj as tb;

/// Threads with a trace or profile hook. While it is not zero, `eval::run` runs its tracing
/// instance (`run_frames::<true>`); the other instance only compares it with zero at frame
/// switches.
static HOOKED: AtomicUsize = AtomicUsize::new(0);

/// Whether some thread has a trace or profile hook.
#[inline(always)]
pub fn on() -> bool {
    HOOKED.load(Ordering::Relaxed) != 0
}

#[derive(Default)]
struct Hooks {
    trace: Option<Object>,
    profile: Option<Object>,
    /// The `sys.monitoring` namespace while a tool has events set (`trace_monitor.rs`).
    monitor: Option<Object>,
    /// The events some tool asked for (globally or for some code object).
    monitor_events: u32,
}

impl Hooks {
    fn any(&self) -> bool {
        self.trace.is_some() || self.profile.is_some() || self.monitor.is_some()
    }
}

/// A running frame whose frame object was handed out while tracing (or got an `f_trace`).
struct Traced {
    /// The frame's position: its activation, index there and `base` (`LiveFrame::key`).
    key: (usize, usize, usize),
    /// The address of the frame's code object (a frame at the same position running other
    /// code is another frame).
    code: usize,
    frame: Object,
}

/// Which instructions report a `'line'` event, per code unit (CPython's `initialize_lines`).
struct Lines {
    /// The line of the instruction starting at each unit (-1: none).
    line: Box<[i32]>,
    /// The instruction starts a line, or is a jump target or exception handler with a line.
    marked: Box<[bool]>,
    /// Code Taipan runs in Python for what CPython does in C (`<frozen _thread>`, ...):
    /// reports no events.
    hidden: bool,
}

thread_local! {
    static HOOKS: PerThread<Hooks> = const { PerThread::new(Hooks { trace: None, profile: None, monitor: None, monitor_events: 0 }) };
    /// A hook is running: no event is reported meanwhile (CPython's `tstate->tracing`).
    static BUSY: Cell<bool> = const { Cell::new(false) };
    static FRAMES: PerThread<Vec<Traced>> = const { PerThread::new(Vec::new()) };
    /// Built-in functions called with a profile hook set, whose `'c_return'` is reported at
    /// the next instruction of their caller (`(frame key, callable)`).
    static PENDING_C: PerThread<Vec<((usize, usize, usize), Object)>> =
        const { PerThread::new(Vec::new()) };
    /// Line tables of the code objects met while tracing (keyed by address; the code object
    /// is kept alive with its table). Emptied when the last hook goes.
    static LINES: PerThread<BTreeMap<usize, (Object, Rc<Lines>)>> =
        const { PerThread::new(BTreeMap::new()) };
}

/// `sys.gettrace()`.
pub fn get_trace() -> Option<Object> {
    HOOKS.with(|h| h.borrow().trace.clone())
}

/// `sys.getprofile()`.
pub fn get_profile() -> Option<Object> {
    HOOKS.with(|h| h.borrow().profile.clone())
}

/// `sys.settrace(f)` (`None`: remove).
pub fn set_trace(f: Option<Object>) {
    set_hook(f, |h| &mut h.trace);
}

/// `sys.setprofile(f)` (`None`: remove).
pub fn set_profile(f: Option<Object>) {
    set_hook(f, |h| &mut h.profile);
}

/// `sys.monitoring`'s namespace once a tool has events set (`None`: none has).
pub fn set_monitor(ns: Option<Object>, events: u32) {
    HOOKS.with(|h| h.borrow_mut().monitor_events = events);
    set_hook(ns, |h| &mut h.monitor);
}

fn set_hook(f: Option<Object>, field: fn(&mut Hooks) -> &mut Option<Object>) {
    let f = f.filter(|f| !is_none(f.as_ref()));
    let (old, had, has) = HOOKS.with(|h| {
        let mut h = h.borrow_mut();
        let had = h.any();
        let old = std::mem::replace(field(&mut h), f);
        (old, had, h.any())
    });
    if has && !had {
        HOOKED.fetch_add(1, Ordering::Relaxed);
    } else if had && !has {
        HOOKED.fetch_sub(1, Ordering::Relaxed);
        let pending = PENDING_C.with(|p| std::mem::take(&mut *p.borrow_mut()));
        let lines = LINES.with(|l| std::mem::take(&mut *l.borrow_mut()));
        let frames = FRAMES.with(|f| std::mem::take(&mut *f.borrow_mut()));
        drop((pending, lines, frames));
    }
    // Released after the borrow: a hook's deallocation may run Python code.
    drop(old);
}

/// Empties this thread's hooks and tables before it ends (with the GIL held).
pub fn clear_thread() {
    set_trace(None);
    set_profile(None);
    set_monitor(None, 0);
    let frames = FRAMES.with(|f| std::mem::take(&mut *f.borrow_mut()));
    drop(frames);
}

fn hooks() -> (Option<Object>, Option<Object>) {
    HOOKS.with(|h| {
        let h = h.borrow();
        (h.trace.clone(), h.profile.clone())
    })
}

fn monitor() -> Option<Object> {
    HOOKS.with(|h| h.borrow().monitor.clone())
}

/// Whether some tool asked for `event`.
fn monitoring(event: u32) -> bool {
    HOOKS.with(|h| h.borrow().monitor_events & event != 0)
}

/// Reports a `sys.monitoring` event (`trace_monitor::fire`) with events off meanwhile.
fn monitor_event(event: u32, code: &Object, at: usize, args: Vec<Object>) -> PyResult<()> {
    if !monitoring(event) {
        return Ok(());
    }
    let Some(ns) = monitor() else { return Ok(()) };
    let was = BUSY.with(|b| b.replace(true));
    let r = crate::trace_monitor::fire(&ns, event, code, at, args);
    BUSY.with(|b| b.set(was));
    r
}

/// The frame object registered for a running frame, if one was handed out.
pub(crate) fn registered(key: (usize, usize, usize), code: ObjectRef<'_>) -> Option<Object> {
    let code = code.raw().as_ptr() as usize;
    FRAMES.with(|f| {
        f.borrow().iter().rev().find(|t| t.key == key && t.code == code).map(|t| t.frame.clone())
    })
}

/// Records `frame` as the frame object of the running frame `key` (while a hook is set, or
/// when it is given an `f_trace`), so that later events and `sys._getframe` hand out the same
/// object.
pub(crate) fn register(key: (usize, usize, usize), code: ObjectRef<'_>, frame: &Object) {
    let code = code.raw().as_ptr() as usize;
    let stale = FRAMES.with(|f| {
        let mut f = f.borrow_mut();
        if f.iter().any(|t| t.key == key && t.code == code) {
            return Vec::new();
        }
        // Frames that finished without a hook watching leave entries behind: drop those
        // whose frame is gone once the table grows.
        let stale = if f.len() >= 64 {
            let (keep, stale): (Vec<Traced>, Vec<Traced>) =
                std::mem::take(&mut *f).into_iter().partition(|t| {
                    tb::running_frame(t.frame.as_ref()).is_some_and(|r| {
                        crate::frame::read_lasti(r.info.at, &r.info.code).is_some()
                    })
                });
            *f = keep;
            stale
        } else {
            Vec::new()
        };
        f.push(Traced { key, code, frame: frame.clone() });
        stale
    });
    drop(stale);
}

fn unregister(key: (usize, usize, usize)) {
    let gone = FRAMES.with(|f| {
        let mut f = f.borrow_mut();
        let i = f.iter().rposition(|t| t.key == key)?;
        Some(f.remove(i))
    });
    drop(gone);
}

fn frame_key(stack: &FrameStack, fi: usize) -> (usize, usize, usize) {
    (stack as *const FrameStack as usize, fi, stack.frames[fi].base)
}

/// The frame object of frame `fi` of `stack` (the running activation's top frame).
fn frame_object(stack: &FrameStack, fi: usize) -> Object {
    let key = frame_key(stack, fi);
    if let Some(f) = registered(key, stack.frames[fi].code.as_ref()) {
        return f;
    }
    let chain = crate::frame::frames_of_thread(usize::MAX);
    let i = chain.iter().position(|f| f.at.key() == key).unwrap_or(0);
    tb::new_running_frame(Rc::new(chain), i)
}

fn hidden_file(name: &str) -> bool {
    // CPython's own frozen modules run in Python there too (their frames are reported);
    // Taipan's Python parts of C modules are frozen under the module's name.
    match name.strip_prefix("<frozen ").and_then(|n| n.strip_suffix('>')) {
        Some(m) => {
            !(crate::import::path::FROZEN_STDLIB.contains(&m)
                || m.starts_with("importlib._bootstrap"))
        }
        None => false,
    }
}

fn compute_lines(c: &CodePayload) -> Lines {
    let n = c.units.len().saturating_sub(1);
    let units = &c.units[..n];
    let mut line = vec![-1i32; n + 1];
    let mut marked = vec![false; n + 1];
    let len_at = |i: usize| {
        let op = units[i].op;
        if op == EXTENDED_ARG { 1 } else { 1 + taipan_bytecode::opcode::cache_entries(op) }
    };
    let mut first = n;
    let mut current = -1;
    let mut i = 0;
    while i < n {
        let op = units[i].op;
        let l = c.position(i).line.unwrap_or(-1);
        line[i] = l;
        if first == n && op == RESUME {
            first = i;
        }
        if i >= first && !matches!(op, END_ASYNC_FOR | END_FOR | END_SEND | RESUME | POP_ITER) {
            marked[i] = l != current && l >= 0;
            current = l;
        }
        i += len_at(i);
    }
    // Jump targets start a line event of their own (those of `FOR_ITER` and `SEND` are past
    // the `END_FOR`/`END_SEND` they skip).
    let mut i = first;
    while let Some((op, arg, next)) = crate::trace_jump::decode(units, i) {
        i = next;
        let Some(mut target) = crate::trace_jump::jump_target(op, arg, next) else { continue };
        if matches!(op, FOR_ITER | SEND) {
            target += 1;
        }
        if target < n && line[target] >= 0 && units[target].op != POP_ITER {
            marked[target] = true;
        }
    }
    for e in taipan_bytecode::exception_table::decode(&c.code.exceptiontable) {
        let t = e.target as usize;
        if t < n && line[t] >= 0 && units[t].op != END_ASYNC_FOR {
            marked[t] = true;
        }
    }
    let hidden = hidden_file(&c.code.filename.to_string_lossy());
    Lines { line: line.into(), marked: marked.into(), hidden }
}

fn lines_of(code: ObjectRef<'_>) -> Rc<Lines> {
    let key = code.raw().as_ptr() as usize;
    if let Some(l) = LINES.with(|l| l.borrow().get(&key).map(|(_, l)| l.clone())) {
        return l;
    }
    let lines = Rc::new(compute_lines(as_code(code).expect("code")));
    LINES.with(|l| l.borrow_mut().insert(key, (code.to_owned(), lines.clone())));
    lines
}

/// No event is being reported for a frame (what `frame.f_lineno = n` checks).
pub(crate) const EVENT_NONE: u8 = 0;
/// A `'call'` event.
pub(crate) const EVENT_CALL: u8 = 1;
/// A `'line'` event: the only one from which `f_lineno` may be set.
pub(crate) const EVENT_LINE: u8 = 2;
/// Any other event.
pub(crate) const EVENT_OTHER: u8 = 3;

/// Runs a hook with events switched off meanwhile.
fn call_hook(hook: &Object, frame: &Object, event: Object, arg: Object) -> PyResult<Object> {
    let kind = if event.as_ref().is(interned!("line").as_ref()) {
        EVENT_LINE
    } else if event.as_ref().is(interned!("call").as_ref()) {
        EVENT_CALL
    } else {
        EVENT_OTHER
    };
    let was = BUSY.with(|b| b.replace(true));
    let outer = tb::set_event(frame.as_ref(), kind);
    let r = crate::ops::call(hook.as_ref(), &[frame.clone(), event, arg], None);
    tb::set_event(frame.as_ref(), outer);
    BUSY.with(|b| b.set(was));
    r
}

/// Reports a local trace event to `frame.f_trace` (CPython's `trace_trampoline`): a result
/// other than None replaces it; an exception removes the trace hook and `f_trace`.
fn local_event(frame: &Object, event: Object, arg: Object) -> PyResult<()> {
    let Some(f) = tb::frame_trace(frame.as_ref()) else { return Ok(()) };
    trampoline(&f, frame, event, arg)
}

fn trampoline(hook: &Object, frame: &Object, event: Object, arg: Object) -> PyResult<()> {
    match call_hook(hook, frame, event, arg) {
        Ok(r) => {
            if !is_none(r.as_ref()) {
                tb::set_frame_trace(frame.as_ref(), Some(r));
            }
            Ok(())
        }
        Err(e) => {
            set_trace(None);
            tb::set_frame_trace(frame.as_ref(), None);
            Err(e)
        }
    }
}

/// Reports a profile event; an exception removes the profile hook.
fn profile_event(hook: &Object, frame: &Object, event: Object, arg: Object) -> PyResult<()> {
    match call_hook(hook, frame, event, arg) {
        Ok(_) => Ok(()),
        Err(e) => {
            set_profile(None);
            Err(e)
        }
    }
}

/// What the loop shows the hooks of the instruction about to run.
pub(crate) enum Seen {
    Nothing,
    /// `RETURN_VALUE`/`YIELD_VALUE`: the value returned or yielded.
    Value(Object),
    /// A call: the callable and `self_or_null`.
    Call(Object, Option<Object>),
}

/// What the hooks need of the instruction `op arg` from its frame's value stack `values`
/// (bottom first), read before any hook runs.
pub(crate) fn seen(op: u8, arg: u8, values: &[Option<Object>]) -> Seen {
    let n = values.len();
    let at = |depth: usize| if depth <= n { values[n - depth].clone() } else { None };
    match op {
        RETURN_VALUE | YIELD_VALUE => at(1).map_or(Seen::Nothing, Seen::Value),
        CALL => match at(arg as usize + 2) {
            Some(c) => Seen::Call(c, at(arg as usize + 1)),
            None => Seen::Nothing,
        },
        CALL_KW => match at(arg as usize + 3) {
            Some(c) => Seen::Call(c, at(arg as usize + 2)),
            None => Seen::Nothing,
        },
        CALL_FUNCTION_EX => match at(4) {
            Some(c) => Seen::Call(c, None),
            None => Seen::Nothing,
        },
        _ => Seen::Nothing,
    }
}

/// The built-in function a profile hook is told about for a call of `callable` (CPython
/// reports C functions and method descriptors bound to their `self`), if it is one.
fn c_function(callable: &Object, self_: Option<&Object>) -> Option<Object> {
    use crate::types::function::{BUILTIN_FUNCTION_TYPE, METHOD_DESCRIPTOR_TYPE};
    let ty = callable.type_();
    if std::ptr::eq(ty, &BUILTIN_FUNCTION_TYPE.0) {
        return Some(callable.clone());
    }
    if std::ptr::eq(ty, &METHOD_DESCRIPTOR_TYPE.0) {
        let s = self_?;
        let get = ty.slots.descr_get.get()?;
        return get(callable.as_ref(), Some(s.as_ref()), Some(s.type_().as_object())).ok();
    }
    None
}

/// The events of the instruction at `at` of frame `fi` (the top frame of `stack`), about to
/// run in the loop's tracing instance: `'call'` at `RESUME`, `'line'`, `'opcode'`,
/// `'return'` at `RETURN_VALUE`/`YIELD_VALUE`, and the profile's `'c_call'`/`'c_return'`.
/// Records `at` as the frame's `lasti` (so `f_lineno` is right). `Some(ip)`: a hook set
/// `f_lineno`, the frame continues at `ip`.
pub(crate) fn instruction(
    stack: &mut FrameStack,
    fi: usize,
    at: usize,
    seen: Seen,
) -> PyResult<Option<usize>> {
    let prev = std::mem::replace(&mut stack.frames[fi].lasti, at);
    if BUSY.with(Cell::get) {
        return Ok(None);
    }
    let (trace, profile) = hooks();
    let monitoring = HOOKS.with(|h| h.borrow().monitor.is_some());
    if trace.is_none() && profile.is_none() && !monitoring {
        return Ok(None);
    }
    let code_obj = stack.frames[fi].code.clone();
    let code = as_code(code_obj.as_ref()).expect("code");
    let lines = lines_of(code_obj.as_ref());
    if lines.hidden {
        return Ok(None);
    }
    let key = frame_key(stack, fi);
    let op = code.units[at].op;
    if let Some(p) = &profile {
        let done = PENDING_C.with(|c| {
            let mut c = c.borrow_mut();
            let i = c.iter().rposition(|(k, _)| *k == key)?;
            Some(c.remove(i).1)
        });
        if let Some(callable) = done {
            profile_event(p, &frame_object(stack, fi), interned!("c_return"), callable)?;
        }
    }
    if op == RESUME {
        if let Some(t) = &trace {
            let frame = frame_object(stack, fi);
            trampoline(t, &frame, interned!("call"), none())?;
        }
        if let Some(p) = &profile {
            profile_event(p, &frame_object(stack, fi), interned!("call"), none())?;
        }
        if monitoring {
            use crate::trace_monitor::{PY_RESUME, PY_START, offset};
            let event = if code.units[at].arg == 0 { PY_START } else { PY_RESUME };
            monitor_event(event, &code_obj, at, vec![offset(at)])?;
        }
        return Ok(None);
    }
    if monitoring && prev < lines.line.len() && at < lines.line.len() {
        use crate::trace_monitor::{INSTRUCTION, JUMP, LINE, offset};
        if !matches!(op, END_FOR) {
            monitor_event(INSTRUCTION, &code_obj, at, vec![offset(at)])?;
        }
        let prev_op = code.units[skip_prefix(code, prev)].op;
        if at < prev && prev_op == JUMP_BACKWARD {
            monitor_event(JUMP, &code_obj, prev, vec![offset(prev), offset(at)])?;
        }
        let same = lines.line[prev] == lines.line[at];
        if lines.marked[at] && (!same || prev_op == RESUME) {
            let line = crate::types::int::new_int_i64(lines.line[at] as i64);
            monitor_event(LINE, &code_obj, at, vec![line])?;
        }
    }
    if trace.is_some()
        && let Some(frame) = registered(key, code_obj.as_ref())
        && tb::frame_trace(frame.as_ref()).is_some()
    {
        let (lines_on, opcodes_on) = tb::frame_trace_flags(frame.as_ref());
        if lines_on && prev < lines.line.len() && at < lines.line.len() {
            let prev_op = code.units[skip_prefix(code, prev)].op;
            let same = lines.line[prev] == lines.line[at];
            let fire = (lines.marked[at] && (!same || prev_op == RESUME))
                || (at < prev && prev_op == JUMP_BACKWARD && same && lines.line[at] >= 0);
            if fire {
                local_event(&frame, interned!("line"), none())?;
                if let Some(t) = tb::take_jump(frame.as_ref()) {
                    stack.frames[fi].lasti = t;
                    return Ok(Some(t));
                }
            }
        }
        if opcodes_on && !matches!(op, END_FOR) && tb::frame_trace(frame.as_ref()).is_some() {
            local_event(&frame, interned!("opcode"), none())?;
        }
    }
    match seen {
        Seen::Value(v) => {
            if trace.is_some()
                && let Some(frame) = registered(key, code_obj.as_ref())
            {
                local_event(&frame, interned!("return"), v.clone())?;
            }
            if let Some(p) = &profile {
                profile_event(p, &frame_object(stack, fi), interned!("return"), v.clone())?;
            }
            if monitoring {
                use crate::trace_monitor::{PY_RETURN, PY_YIELD, offset};
                let event = if op == RETURN_VALUE { PY_RETURN } else { PY_YIELD };
                monitor_event(event, &code_obj, at, vec![offset(at), v])?;
            }
            if op == RETURN_VALUE {
                unregister(key);
            }
        }
        Seen::Call(callable, self_) => {
            if let Some(p) = &profile
                && let Some(f) = c_function(&callable, self_.as_ref())
            {
                profile_event(p, &frame_object(stack, fi), interned!("c_call"), f.clone())?;
                PENDING_C.with(|c| c.borrow_mut().push((key, f)));
            }
        }
        Seen::Nothing => {}
    }
    Ok(None)
}

/// The instruction an `EXTENDED_ARG` prefix at `i` belongs to.
fn skip_prefix(code: &CodePayload, mut i: usize) -> usize {
    while code.units[i].op == EXTENDED_ARG && i + 1 < code.units.len() {
        i += 1;
    }
    i
}

/// `generator.throw()`/`close()` resumed the generator frame on `stack` with an exception:
/// `'call'` to the trace and profile hooks, as at a resumption. A hook's own exception
/// replaces `err`.
pub(crate) fn throw(stack: &mut FrameStack, err: &mut PyErr) {
    let fi = stack.frames.len() - 1;
    if BUSY.with(Cell::get) || lines_of(stack.frames[fi].code.as_ref()).hidden {
        return;
    }
    let (trace, profile) = hooks();
    let frame = frame_object(stack, fi);
    let r = match &trace {
        Some(t) => trampoline(t, &frame, interned!("call"), none()),
        None => Ok(()),
    };
    let r = r.and_then(|()| match &profile {
        Some(p) => profile_event(p, &frame, interned!("call"), none()),
        None => Ok(()),
    });
    let code_obj = stack.frames[fi].code.clone();
    let at = stack.frames[fi].lasti;
    let r = r.and_then(|()| {
        let args = vec![crate::trace_monitor::offset(at), err.instance().to_owned()];
        monitor_event(crate::trace_monitor::PY_THROW, &code_obj, at, args)
    });
    if let Err(e) = r {
        *err = e;
    }
}

/// An exception reached frame `fi` (raised there or passed up from a callee):
/// `'c_exception'` for the built-in it was calling and, unless it is a re-raise, the local
/// `'exception'` event. A hook's own exception replaces `err`.
pub(crate) fn exception(stack: &mut FrameStack, fi: usize, err: PyErr, reraise: bool) -> PyErr {
    if BUSY.with(Cell::get) {
        return err;
    }
    let (trace, profile) = hooks();
    let key = frame_key(stack, fi);
    let code_obj = stack.frames[fi].code.clone();
    if lines_of(code_obj.as_ref()).hidden {
        return err;
    }
    let pending = PENDING_C.with(|c| {
        let mut c = c.borrow_mut();
        let i = c.iter().rposition(|(k, _)| *k == key)?;
        Some(c.remove(i).1)
    });
    if let (Some(p), Some(callable)) = (&profile, pending)
        && let Err(e) =
            profile_event(p, &frame_object(stack, fi), interned!("c_exception"), callable)
    {
        return e;
    }
    if reraise {
        return err;
    }
    if trace.is_some()
        && let Some(frame) = registered(key, code_obj.as_ref())
    {
        let exc = err.instance();
        let info = crate::types::tuple::new_tuple(vec![
            exc.type_().as_object().to_owned(),
            exc.to_owned(),
            tb::traceback_of(exc),
        ]);
        if let Err(e) = local_event(&frame, interned!("exception"), info) {
            return e;
        }
    }
    let at = stack.frames[fi].lasti;
    let args = vec![crate::trace_monitor::offset(at), err.instance().to_owned()];
    match monitor_event(crate::trace_monitor::RAISE, &code_obj, at, args) {
        Ok(()) => err,
        Err(e) => e,
    }
}

/// Frame `fi` is left by an exception: `'return'` with None to its local trace and the
/// profile hook. A hook's own exception replaces `err`.
pub(crate) fn unwind(stack: &mut FrameStack, fi: usize, err: PyErr) -> PyErr {
    let key = frame_key(stack, fi);
    let code_obj = stack.frames[fi].code.clone();
    let mut err = err;
    if !BUSY.with(Cell::get) && !lines_of(code_obj.as_ref()).hidden {
        let (trace, profile) = hooks();
        let frame = registered(key, code_obj.as_ref());
        if trace.is_some()
            && let Some(f) = &frame
            && let Err(e) = local_event(f, interned!("return"), none())
        {
            err = e;
        }
        if let Some(p) = &profile
            && let Err(e) = profile_event(
                p,
                &frame.unwrap_or_else(|| frame_object(stack, fi)),
                interned!("return"),
                none(),
            )
        {
            err = e;
        }
        let at = stack.frames[fi].lasti;
        let args = vec![crate::trace_monitor::offset(at), err.instance().to_owned()];
        if let Err(e) = monitor_event(crate::trace_monitor::PY_UNWIND, &code_obj, at, args) {
            err = e;
        }
    }
    unregister(key);
    err
}

/// `frame.f_lineno = v`: the instruction to continue at, checked as CPython's
/// `frame_setlineno` checks it. Only a `'line'` event of the frame's own trace may jump, and
/// only between places where the value stack is empty.
pub(crate) fn set_lineno(
    frame: ObjectRef<'_>,
    code: &Object,
    event: u8,
    v: ObjectRef<'_>,
) -> PyResult<usize> {
    let Some(line) = crate::ops::index_value(v)?.map(|l| l as i64) else {
        return Err(PyErr::value_error("lineno must be an integer"));
    };
    match event {
        EVENT_LINE => {}
        EVENT_NONE => {
            return Err(PyErr::value_error("f_lineno can only be set in a trace function"));
        }
        EVENT_CALL => {
            return Err(PyErr::value_error(
                "can't jump from the 'call' trace event of a new frame",
            ));
        }
        _ => return Err(PyErr::value_error("can only jump from a 'line' trace event")),
    }
    let c = as_code(code.as_ref()).expect("code");
    let first_line = c.code.firstlineno as i64;
    if line < first_line {
        return Err(PyErr::value_error(format!("line {line} comes before the current code block")));
    }
    let lines = lines_of(code.as_ref());
    // The first line at or after `line` that has code.
    let target_line = lines.line.iter().copied().filter(|&l| l as i64 >= line).min();
    let Some(target_line) = target_line else {
        return Err(PyErr::value_error(format!("line {line} comes after the current code block")));
    };
    let depths = crate::trace_jump::stack_depths(c);
    let current = tb::running_frame(frame)
        .and_then(|r| crate::frame::read_lasti(r.info.at, &r.info.code))
        .and_then(|i| depths.get(i).copied().flatten());
    if current != Some(0) {
        return Err(PyErr::value_error(
            "Taipan can only jump from a line where the value stack is empty",
        ));
    }
    let target = (0..lines.line.len()).find(|&i| {
        lines.line[i] == target_line && lines.marked[i] && depths.get(i) == Some(&Some(0))
    });
    match target {
        Some(t) => Ok(t),
        None => Err(PyErr::value_error(format!(
            "line {line} is inside a block Taipan cannot jump into or out of"
        ))),
    }
}
