//! `traceback` and `frame` objects, made on demand from an exception's recorded entries
//! (`ExcPayload::traceback`): `exc.__traceback__`, the third value given to `__exit__`, and
//! `sys.exc_info()[2]`. A frame object here is a snapshot (code and line), not a live frame.

use std::rc::Rc;

use crate::error::PyResult;
use crate::object::alloc::{dealloc_payload, new_object};
use crate::object::{Object, ObjectRef, PyPayload};
use crate::types::code::as_code;
use crate::types::exceptions::{ExcPayload, FrameLocals, TracebackEntry};
use crate::types::int::new_int_i64;
use crate::types::singletons::none;
use crate::types::str::{Str, new_str};
use crate::types::typeobject::{GetAttrFn, PyType, Slots, StaticType, TypeFlags, UnaryFn, slot};

pub struct TracebackPayload {
    /// `(code, lasti, globals, locals)` innermost first, as recorded while unwinding.
    entries: Rc<Vec<TbEntry>>,
    /// This object's entry; `tb_next` is the one before it (one frame deeper).
    index: usize,
    /// `tb_next` once made or assigned (`None`: not made yet), so that the chain from a
    /// traceback object is made of the same objects each time and edits to it last.
    next: std::cell::RefCell<Option<Option<Object>>>,
}

// SAFETY: traceback objects are built only by `traceback_of`/`tb_next` with this payload.
unsafe impl PyPayload for TracebackPayload {
    fn type_object() -> &'static PyType {
        &TRACEBACK_TYPE.0
    }
}

/// One frame of a traceback object: code, instruction, globals, and the locals the exception
/// keeps (shared with the exception's entry, not traversed here).
type TbEntry = (Object, u32, Object, Option<FrameLocals>);

fn new_tb(entries: &Rc<Vec<TbEntry>>, index: usize, next: Option<Option<Object>>) -> Object {
    new_object(
        &TRACEBACK_TYPE.0,
        TracebackPayload { entries: entries.clone(), index, next: std::cell::RefCell::new(next) },
    )
}

/// `exc.__traceback__`: the outermost entry, or `None` if the exception was never raised. The
/// object is kept by the exception: asked again, it is the same one; when the exception has
/// passed through more frames since, new objects for those lead to it (as CPython prepends).
pub fn traceback_of(exc: ObjectRef<'_>) -> Object {
    let Some(p) = exc.payload::<ExcPayload>() else { return none() };
    let entries: Vec<TbEntry> = p
        .traceback
        .borrow()
        .iter()
        .map(|e| (e.code.clone(), e.lasti, e.globals.clone(), e.locals.clone()))
        .collect();
    let n = entries.len();
    let cached = p.tb_object.borrow().clone();
    let (start, mut below) = match cached {
        Some((head, covered)) if covered == n => return head,
        Some((head, covered)) if covered < n => (covered, Some(head)),
        _ => (0, None),
    };
    if n == 0 {
        return none();
    }
    let entries = Rc::new(entries);
    let mut head = none();
    for i in start..n {
        // The first new object leads to the kept head; the innermost of a fresh chain makes
        // its `tb_next` on demand.
        let next = match below.take() {
            Some(b) => Some(Some(b)),
            None if i == start => None,
            None => unreachable!("set below"),
        };
        head = new_tb(&entries, i, next);
        below = Some(head.clone());
    }
    let old = p.tb_object.replace(Some((head.clone(), n)));
    drop(old);
    head
}

/// `exc.__traceback__ = tb` and `exc.with_traceback(tb)`: the exception's entries become those
/// of `tb` and the frames it leads to (`None`: none). The kept locals are copied, not shared
/// (see `TracebackEntry::copy`).
pub fn set_traceback(exc: ObjectRef<'_>, tb: Option<ObjectRef<'_>>) -> PyResult<()> {
    let msg = "__traceback__ must be a traceback or None";
    let Some(tb) = tb else {
        return Err(crate::error::PyErr::type_error("__traceback__ may not be deleted"));
    };
    let entries: Vec<TracebackEntry> = if crate::types::singletons::is_none(tb) {
        Vec::new()
    } else {
        let Some(t) = tb.payload::<TracebackPayload>() else {
            return Err(crate::error::PyErr::type_error(msg));
        };
        t.entries[..=t.index]
            .iter()
            .map(|(code, lasti, globals, locals)| {
                TracebackEntry {
                    code: code.clone(),
                    lasti: *lasti,
                    globals: globals.clone(),
                    locals: locals.clone(),
                }
                .copy()
            })
            .collect()
    };
    let Some(p) = exc.payload::<ExcPayload>() else { return Ok(()) };
    let n = entries.len();
    let old = p.traceback.replace(entries);
    drop(old);
    let kept = (n > 0).then(|| (tb.to_owned(), n));
    let old = p.tb_object.replace(kept);
    drop(old);
    Ok(())
}

fn line_of(code: &Object, lasti: u32) -> Object {
    let c = as_code(code.as_ref()).expect("code");
    c.position(lasti as usize).line.map_or_else(none, |l| new_int_i64(l as i64))
}

fn tb_getattr(o: ObjectRef<'_>, name: ObjectRef<'_>) -> PyResult<Object> {
    let p = o.payload::<TracebackPayload>().expect("traceback");
    let (code, lasti, globals, locals) = &p.entries[p.index];
    match Str::new(name).and_then(|s| s.as_str()) {
        Some("tb_lineno") => Ok(line_of(code, *lasti)),
        Some("tb_lasti") => Ok(new_int_i64(*lasti as i64 * 2)),
        Some("tb_next") => Ok(tb_next(p).unwrap_or_else(none)),
        Some("tb_frame") => {
            Ok(new_frame_object(code.clone(), *lasti, Some(globals.clone()), locals.clone()))
        }
        _ => crate::attr::generic_getattr(o, name),
    }
}

/// `tb.tb_next`, made on first use.
fn tb_next(p: &TracebackPayload) -> Option<Object> {
    if let Some(n) = p.next.borrow().as_ref() {
        return n.clone();
    }
    let n = (p.index > 0).then(|| new_tb(&p.entries, p.index - 1, None));
    *p.next.borrow_mut() = Some(n.clone());
    n
}

/// `tb.tb_next = value` (a traceback or None, never making a loop); the other attributes are
/// read-only, as in CPython.
fn tb_setattr(o: ObjectRef<'_>, name: ObjectRef<'_>, v: Option<ObjectRef<'_>>) -> PyResult<()> {
    use crate::error::PyErr;
    let p = o.payload::<TracebackPayload>().expect("traceback");
    match Str::new(name).and_then(|s| s.as_str()) {
        Some("tb_next") => {
            let Some(v) = v else {
                return Err(PyErr::type_error("can't delete tb_next attribute"));
            };
            let new = if crate::types::singletons::is_none(v) {
                None
            } else {
                if v.payload::<TracebackPayload>().is_none() {
                    return Err(PyErr::type_error(format!(
                        "expected traceback object, got '{}'",
                        v.type_().name()
                    )));
                }
                let mut cur = Some(v.to_owned());
                while let Some(c) = cur {
                    if c.as_ref().is(o) {
                        return Err(PyErr::value_error("traceback loop detected"));
                    }
                    cur = tb_next(c.payload::<TracebackPayload>().expect("traceback"));
                }
                Some(v.to_owned())
            };
            let old = p.next.replace(Some(new));
            drop(old);
            Ok(())
        }
        Some(n @ ("tb_lineno" | "tb_lasti")) => Err(PyErr::new(
            &crate::types::exceptions::ATTRIBUTE_ERROR,
            format!("attribute '{n}' of 'traceback' objects is not writable"),
        )),
        Some("tb_frame") => {
            Err(PyErr::new(&crate::types::exceptions::ATTRIBUTE_ERROR, "readonly attribute"))
        }
        _ => Err(PyErr::new(
            &crate::types::exceptions::ATTRIBUTE_ERROR,
            format!(
                "'traceback' object has no attribute '{}' and no __dict__ for setting new \
                 attributes",
                Str::new(name).map(|s| s.to_string_lossy()).unwrap_or_default()
            ),
        )),
    }
}

fn tb_traverse(o: ObjectRef<'_>, visit: &mut dyn FnMut(ObjectRef<'_>)) {
    let p = o.payload::<TracebackPayload>().expect("traceback");
    if let Some(Some(n)) = p.next.borrow().as_ref() {
        visit(n.as_ref());
    }
}

fn tb_repr(o: ObjectRef<'_>) -> PyResult<Object> {
    Ok(new_str(&format!("<traceback object at {:#x}>", o.id())))
}

/// # Safety
/// Called only by the deallocation path on a dead traceback object.
unsafe fn tb_dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: traceback objects carry a `TracebackPayload`.
    unsafe { dealloc_payload::<TracebackPayload>(obj) }
}

pub static TRACEBACK_TYPE: StaticType = StaticType(PyType::new_static(
    "traceback",
    Some(&crate::types::object::OBJECT_TYPE.0),
    std::mem::size_of::<TracebackPayload>(),
    0,
    TypeFlags::HAVE_GC,
    228,
    tb_dealloc,
    Some(tb_traverse),
    Slots {
        repr: slot(tb_repr as UnaryFn),
        getattr: slot(tb_getattr as GetAttrFn),
        setattr: slot(tb_setattr as crate::types::typeobject::SetAttrFn),
        ..crate::types::object::object_slots()
    },
));

/// A frame object: the code and the instruction it was at, and for frames taken from the
/// running stack (`sys._getframe`) what `f_globals`, `f_locals` and `f_back` need.
pub struct FramePayload {
    code: Object,
    lasti: u32,
    /// The globals of a snapshot (a running frame reads its own).
    globals: Option<Object>,
    /// For the frame of a traceback entry: the variables its exception kept (not traversed:
    /// the exception reports them to the collector).
    locals: Option<FrameLocals>,
    /// A generator's, coroutine's or async generator's frame (`gi_frame`): `clear()` refuses
    /// while it is suspended.
    generator: bool,
    running: Option<RunningFrame>,
    /// `f_trace`, `f_trace_lines`, `f_trace_opcodes` and a pending `f_lineno` jump
    /// (`trace.rs`).
    hooks: FrameHooks,
}

/// What a frame object holds for the trace hooks (docs/vm.md, "Tracing").
pub struct FrameHooks {
    trace: std::cell::RefCell<Option<Object>>,
    lines: std::cell::Cell<bool>,
    opcodes: std::cell::Cell<bool>,
    /// The event being reported to a hook for this frame (`trace::EVENT_*`): `f_lineno` may
    /// only be set from a `'line'` event.
    event: std::cell::Cell<u8>,
    /// The instruction `f_lineno = n` chose, taken by the loop after the event.
    jump_to: std::cell::Cell<Option<usize>>,
}

impl Default for FrameHooks {
    fn default() -> Self {
        FrameHooks {
            trace: std::cell::RefCell::new(None),
            lines: std::cell::Cell::new(true),
            opcodes: std::cell::Cell::new(false),
            event: std::cell::Cell::new(0),
            jump_to: std::cell::Cell::new(None),
        }
    }
}

/// `frame.f_trace`, if set.
pub(crate) fn frame_trace(o: ObjectRef<'_>) -> Option<Object> {
    o.payload::<FramePayload>().and_then(|p| p.hooks.trace.borrow().clone())
}

/// Sets (or clears) `frame.f_trace`.
pub(crate) fn set_frame_trace(o: ObjectRef<'_>, v: Option<Object>) {
    if let Some(p) = o.payload::<FramePayload>() {
        let old = p.hooks.trace.replace(v);
        drop(old);
    }
}

/// `(f_trace_lines, f_trace_opcodes)`.
pub(crate) fn frame_trace_flags(o: ObjectRef<'_>) -> (bool, bool) {
    o.payload::<FramePayload>()
        .map_or((true, false), |p| (p.hooks.lines.get(), p.hooks.opcodes.get()))
}

/// Records the event being reported for this frame (`trace::EVENT_*`), returning the previous.
pub(crate) fn set_event(o: ObjectRef<'_>, event: u8) -> u8 {
    o.payload::<FramePayload>().map_or(0, |p| p.hooks.event.replace(event))
}

/// The instruction a hook's `f_lineno = n` asked to continue at.
pub(crate) fn take_jump(o: ObjectRef<'_>) -> Option<usize> {
    o.payload::<FramePayload>().and_then(|p| p.hooks.jump_to.take())
}

/// What a frame object of the running stack knows of its frame.
pub struct RunningFrame {
    pub info: crate::frame::FrameInfo,
    /// The frames further out (`f_back`) as they were when this object was made.
    chain: Rc<Vec<crate::frame::FrameInfo>>,
    index: usize,
    /// The frame's variables as last seen (used once the frame is gone).
    pub fast: std::cell::RefCell<Vec<Option<Object>>>,
    /// Names stored through `f_locals` that are not the frame's variables (PEP 667).
    pub extra: Object,
}

// SAFETY: frame objects are built only here, with a `FramePayload`.
unsafe impl PyPayload for FramePayload {
    fn type_object() -> &'static PyType {
        &FRAME_TYPE.0
    }
}

/// A frame object for `gi_frame`/`cr_frame`/`ag_frame`: a snapshot of the code and position.
pub fn new_frame_snapshot(code: Object, lasti: u32, globals: Option<Object>) -> Object {
    let p = FramePayload {
        code,
        lasti,
        globals,
        locals: None,
        generator: true,
        running: None,
        hooks: FrameHooks::default(),
    };
    crate::object::alloc::new_object(&FRAME_TYPE.0, p)
}

fn new_frame_object(
    code: Object,
    lasti: u32,
    globals: Option<Object>,
    locals: Option<FrameLocals>,
) -> Object {
    let p = FramePayload {
        code,
        lasti,
        globals,
        locals,
        generator: false,
        running: None,
        hooks: FrameHooks::default(),
    };
    crate::object::alloc::new_object(&FRAME_TYPE.0, p)
}

/// `f_locals` of a frame an exception left: its variables by name (cells read through, hidden
/// comprehension variables and unbound names left out), or the globals for module-level code.
fn kept_locals(p: &FramePayload) -> PyResult<Object> {
    use taipan_bytecode::code::{CO_FAST_CELL, CO_FAST_FREE, CO_FAST_HIDDEN};
    let c = as_code(p.code.as_ref()).expect("code");
    let d = crate::types::dict::new_dict();
    let Some(locals) = &p.locals else {
        if c.flags() & taipan_bytecode::code::CO_NEWLOCALS == 0
            && let Some(g) = &p.globals
        {
            return Ok(g.clone());
        }
        return Ok(d);
    };
    let values = locals.borrow().clone();
    let dd = crate::types::dict::as_dict(d.as_ref()).expect("dict");
    for (i, v) in values.into_iter().enumerate() {
        let kind = c.code.localspluskinds.get(i).copied().unwrap_or(0);
        let (Some(v), Some(name)) = (v, c.localsplusnames.get(i)) else { continue };
        if kind & CO_FAST_HIDDEN != 0 {
            continue;
        }
        let v = if kind & (CO_FAST_CELL | CO_FAST_FREE) != 0
            && let Some(cell) = v.payload::<crate::types::cell::CellPayload>()
        {
            match cell.get() {
                Some(inner) => inner,
                None => continue,
            }
        } else {
            v
        };
        dd.set_item(name.clone(), v)?;
    }
    Ok(d)
}

/// The frame object of entry `index` of `chain` (innermost first: `sys._getframe(index)`).
/// While a trace or profile hook is set (or once the frame has an `f_trace`), a running frame
/// has one frame object, registered in `trace.rs`.
pub fn new_running_frame(chain: Rc<Vec<crate::frame::FrameInfo>>, index: usize) -> Object {
    let info = chain[index].clone();
    if let Some(f) = crate::trace::registered(info.at.key(), info.code.as_ref()) {
        return f;
    }
    let key = info.at.key();
    let f = make_running_frame(chain, index, info);
    if crate::trace::on() {
        let code = f.payload::<FramePayload>().expect("frame").code.clone();
        crate::trace::register(key, code.as_ref(), &f);
    }
    f
}

fn make_running_frame(
    chain: Rc<Vec<crate::frame::FrameInfo>>,
    index: usize,
    info: crate::frame::FrameInfo,
) -> Object {
    let n = as_code(info.code.as_ref()).map_or(0, |c| c.nlocalsplus);
    let fast = crate::frame::read_fast(info.at, &info.code, n).unwrap_or_default();
    crate::object::alloc::new_object(
        &FRAME_TYPE.0,
        FramePayload {
            code: info.code.clone(),
            lasti: info.lasti as u32,
            globals: None,
            locals: None,
            generator: false,
            running: Some(RunningFrame {
                info,
                chain,
                index,
                fast: std::cell::RefCell::new(fast),
                extra: crate::types::dict::new_dict(),
            }),
            hooks: FrameHooks::default(),
        },
    )
}

/// The running-stack part of a frame object, if it has one.
pub fn running_frame(o: ObjectRef<'_>) -> Option<&RunningFrame> {
    o.payload::<FramePayload>().and_then(|p| p.running.as_ref())
}

fn frame_getattr(o: ObjectRef<'_>, name: ObjectRef<'_>) -> PyResult<Object> {
    let p = o.payload::<FramePayload>().expect("frame");
    let r = p.running.as_ref();
    // A frame still running is where it is now, not where it was when this object was made.
    let lasti = match r {
        Some(r) => crate::frame::read_lasti(r.info.at, &r.info.code).map_or(p.lasti, |l| l as u32),
        None => p.lasti,
    };
    match Str::new(name).and_then(|s| s.as_str()) {
        Some("f_code") => Ok(p.code.clone()),
        Some("f_lineno") => Ok(line_of(&p.code, lasti)),
        Some("f_lasti") => Ok(new_int_i64(lasti as i64 * 2)),
        Some("f_globals") if r.is_some() => Ok(r.expect("running").info.globals.clone()),
        Some("f_globals") if p.globals.is_some() => Ok(p.globals.clone().expect("globals")),
        Some("f_builtins") if r.is_some() => Ok(r.expect("running").info.builtins.clone()),
        // A snapshot's builtins: its globals' `__builtins__` (a module's dict, or a dict).
        Some("f_builtins") => {
            let from_globals = p
                .globals
                .as_ref()
                .and_then(|g| crate::types::dict::as_dict(g.as_ref()))
                .and_then(|d| d.get_str("__builtins__").ok().flatten())
                .map(|b| match crate::types::module::module_dict(b.as_ref()) {
                    Some(d) => d.to_owned(),
                    None => b,
                });
            Ok(from_globals.unwrap_or_else(crate::builtins::builtins_dict))
        }
        Some("f_locals") if r.is_some() => {
            let r = r.expect("running");
            match &r.info.locals {
                Some(l) => Ok(l.clone()),
                None => crate::builtins::framefns::frame_locals_proxy(o),
            }
        }
        Some("f_locals") => kept_locals(p),
        Some("f_back") => Ok(match r {
            Some(r) if r.index + 1 < r.chain.len() => {
                new_running_frame(r.chain.clone(), r.index + 1)
            }
            _ => none(),
        }),
        Some("f_trace") => Ok(p.hooks.trace.borrow().clone().unwrap_or_else(none)),
        Some("f_trace_lines") => Ok(crate::types::bool::py_bool(p.hooks.lines.get())),
        Some("f_trace_opcodes") => Ok(crate::types::bool::py_bool(p.hooks.opcodes.get())),
        _ => crate::attr::generic_getattr(o, name),
    }
}

/// `f_trace`, `f_trace_lines`, `f_trace_opcodes` and `f_lineno` (from a `'line'` event) are
/// writable; the rest is read-only, as in CPython.
fn frame_setattr(o: ObjectRef<'_>, name: ObjectRef<'_>, v: Option<ObjectRef<'_>>) -> PyResult<()> {
    use crate::error::PyErr;
    use crate::types::exceptions::ATTRIBUTE_ERROR;
    let p = o.payload::<FramePayload>().expect("frame");
    let attr = Str::new(name).map(|s| s.to_string_lossy()).unwrap_or_default();
    let flag = |cell: &std::cell::Cell<bool>| match v {
        None => Err(PyErr::type_error("can't delete numeric/char attribute")),
        Some(v) if std::ptr::eq(v.type_(), &crate::types::bool::BOOL_TYPE.0) => {
            cell.set(crate::ops::is_true(v)?);
            Ok(())
        }
        Some(_) => Err(PyErr::type_error("attribute value type must be bool")),
    };
    match attr.as_str() {
        "f_trace" => {
            let new = v.filter(|v| !crate::types::singletons::is_none(*v)).map(|v| v.to_owned());
            let set = new.is_some();
            let old = p.hooks.trace.replace(new);
            drop(old);
            // The loop finds a frame's `f_trace` through its registered frame object.
            if set && let Some(r) = &p.running {
                crate::trace::register(r.info.at.key(), p.code.as_ref(), &o.to_owned());
            }
            Ok(())
        }
        "f_trace_lines" => flag(&p.hooks.lines),
        "f_trace_opcodes" => flag(&p.hooks.opcodes),
        "f_lineno" => match v {
            None => Err(PyErr::new(
                &ATTRIBUTE_ERROR,
                "attribute 'f_lineno' of 'frame' objects cannot be deleted",
            )),
            Some(v) => crate::trace::set_lineno(o, &p.code, p.hooks.event.get(), v)
                .map(|to| p.hooks.jump_to.set(Some(to))),
        },
        "f_back" | "f_code" | "f_locals" | "f_globals" | "f_builtins" | "f_lasti"
        | "f_generator" => Err(PyErr::new(
            &ATTRIBUTE_ERROR,
            format!("attribute '{attr}' of 'frame' objects is not writable"),
        )),
        _ => Err(PyErr::new(
            &ATTRIBUTE_ERROR,
            format!(
                "'frame' object has no attribute '{attr}' and no __dict__ for setting new attributes"
            ),
        )),
    }
}

/// `frame.clear()`: drops the variables of a frame that has finished; a frame still running
/// (or a suspended generator's) raises RuntimeError, as in CPython.
fn frame_clear(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let (o, rest) = crate::builtins::args::split_self(s, args, "frame", "clear")?;
    crate::builtins::args::Args::new(rest, kw).check_method("frame", "clear", 0, 0)?;
    let Some(p) = o.payload::<FramePayload>() else {
        return Err(crate::error::PyErr::type_error(format!(
            "descriptor 'clear' for 'frame' objects doesn't apply to a '{}' object",
            o.type_().name()
        )));
    };
    let executing = |msg: &str| {
        Err(crate::error::PyErr::new(&crate::types::exceptions::RUNTIME_ERROR, msg.to_string()))
    };
    let old = if let Some(r) = &p.running {
        if crate::frame::read_lasti(r.info.at, &r.info.code).is_some() {
            return executing("cannot clear an executing frame");
        }
        std::mem::take(&mut *r.fast.borrow_mut())
    } else if let Some(l) = &p.locals {
        // The exception kept the variables when the frame finished.
        std::mem::take(&mut *l.borrow_mut())
    } else if crate::frame::frames_of_thread(usize::MAX).iter().any(|f| f.code.is(&p.code)) {
        return executing("cannot clear an executing frame");
    } else if p.generator {
        return executing("cannot clear a suspended frame");
    } else {
        Vec::new()
    };
    // Dropped after the borrow ends: a finaliser may read this frame again.
    drop(old);
    Ok(none())
}

/// Registers `frame.clear`.
pub(crate) fn register_methods() {
    use crate::types::function::new_method_descriptor;
    let _ = crate::types::typelookup::register_static_attr(
        &FRAME_TYPE.0,
        "clear",
        new_method_descriptor(&FRAME_TYPE.0, "clear", frame_clear),
    );
}

fn frame_repr(o: ObjectRef<'_>) -> PyResult<Object> {
    let p = o.payload::<FramePayload>().expect("frame");
    let c = as_code(p.code.as_ref()).expect("code");
    Ok(new_str(&format!(
        "<frame at {:#x}, file '{}', line {}, code {}>",
        o.id(),
        c.code.filename.to_string_lossy(),
        c.position(p.lasti as usize).line.unwrap_or(0),
        c.code.name.to_string_lossy()
    )))
}

/// # Safety
/// Called only by the deallocation path on a dead frame object.
unsafe fn frame_dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: frame objects carry a `FramePayload`.
    unsafe { dealloc_payload::<FramePayload>(obj) }
}

pub static FRAME_TYPE: StaticType = StaticType(PyType::new_static(
    "frame",
    Some(&crate::types::object::OBJECT_TYPE.0),
    std::mem::size_of::<FramePayload>(),
    0,
    TypeFlags(0),
    229,
    frame_dealloc,
    None,
    Slots {
        repr: slot(frame_repr as UnaryFn),
        getattr: slot(frame_getattr as GetAttrFn),
        setattr: slot(frame_setattr as crate::types::typeobject::SetAttrFn),
        ..crate::types::object::object_slots()
    },
));
