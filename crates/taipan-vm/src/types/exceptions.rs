//! The built-in exception hierarchy the core types raise (`BaseException` and the subclasses
//! below), as static types whose instances carry their `args` tuple. The rest of the hierarchy,
//! tracebacks, causes and context come with the eval loop.

use std::cell::{Cell, RefCell};

use crate::error::PyResult;
use crate::object::alloc::{dealloc_payload, new_object};
use crate::object::{Object, ObjectRef, PyPayload};
use crate::ops;
use crate::types::tuple::tuple_items;
use crate::types::typeobject::{
    GetAttrFn, PyType, SetAttrFn, Slots, StaticType, TypeFlags, UnaryFn, slot,
};

pub struct ExcPayload {
    /// The `args` tuple (replaced by `BaseException.__init__` and `exc.args = ...`); read it with
    /// `args()`, which clones it out so no borrow spans a call.
    args: RefCell<Object>,
    /// One entry per frame the exception passed through, innermost first (`__traceback__`).
    pub traceback: RefCell<Vec<TracebackEntry>>,
    /// `__cause__` (set by `raise ... from ...`).
    pub cause: RefCell<Option<Object>>,
    /// `__context__`: the exception being handled when this one was raised.
    pub context: RefCell<Option<Object>>,
    /// `__suppress_context__`.
    pub suppress_context: Cell<bool>,
    /// The instance `__dict__` (attributes set on exceptions of Python classes), made lazily.
    pub dict: RefCell<Option<Object>>,
    /// For a `SyntaxError` made from a compile error: the located report CPython prints in
    /// place of the `Type: message` line (`  File ..., line N`, the source, the carets).
    pub report: RefCell<Option<String>>,
    /// Text the traceback appends to the message line ("Did you mean: 'x'?").
    pub hint: RefCell<Option<String>>,
    /// For exception groups: the tuple `(message, exceptions)` (`types/exception_group.rs`).
    pub group: RefCell<Option<Object>>,
    /// The `__traceback__` object last handed out (or assigned) and how many entries of
    /// `traceback` it covers, so that it stays the same object, and edits of its `tb_next`
    /// chain stay visible (`types/traceback_obj.rs`).
    pub tb_object: RefCell<Option<(Object, usize)>>,
}

impl ExcPayload {
    /// The `args` tuple.
    pub fn args(&self) -> Object {
        self.args.borrow().clone()
    }

    /// Replaces `args` (a tuple).
    pub fn set_args(&self, args: Object) {
        let old = self.args.replace(args);
        drop(old);
    }
}

/// One traceback entry: the code object of a frame and the index of the instruction (in code
/// units) that was running when the exception passed through it.
pub struct TracebackEntry {
    pub code: Object,
    pub lasti: u32,
    /// The frame's globals (`tb_frame.f_globals`).
    pub globals: Object,
    /// The frame's variables (`localsplus`), moved here when the exception left the frame, so
    /// that they live as long as the traceback (as CPython's frame objects keep them):
    /// `tb_frame.f_locals`, `tb_frame.clear()`. Shared with the traceback and frame objects made
    /// from this entry, which do not traverse it: only the owning exception reports these
    /// values to the collector (docs/vm.md, "Traceback frames keep their locals").
    pub locals: Option<FrameLocals>,
}

/// The variables of a frame that an exception left (see `TracebackEntry::locals`).
pub type FrameLocals = std::rc::Rc<RefCell<Vec<Option<Object>>>>;

impl TracebackEntry {
    /// An entry for a frame the exception is passing through (its locals not taken yet).
    pub fn new(code: Object, lasti: u32, globals: Object) -> TracebackEntry {
        TracebackEntry { code, lasti, globals, locals: None }
    }

    /// A copy for another exception (a split exception group, `with_traceback`): the locals are
    /// copied, not shared, so that each value is reported to the collector by one owner.
    pub fn copy(&self) -> TracebackEntry {
        TracebackEntry {
            code: self.code.clone(),
            lasti: self.lasti,
            globals: self.globals.clone(),
            locals: self
                .locals
                .as_ref()
                .map(|l| std::rc::Rc::new(RefCell::new(l.borrow().clone()))),
        }
    }
}

/// When `exc` leaves a frame running `code` with no handler: moves the frame's `n` variables
/// (`values[base..base + n]`) into the exception's newest traceback entry, if that entry is the
/// frame's. Everything from `base` on is gone from `values` afterwards.
pub fn keep_frame_locals(
    exc: ObjectRef<'_>,
    code: &Object,
    values: &mut Vec<Option<Object>>,
    base: usize,
    n: usize,
) {
    if n > 0
        && values.len() >= base + n
        && let Some(p) = exc.payload::<ExcPayload>()
        && let Some(last) = p.traceback.borrow_mut().last_mut()
        && last.locals.is_none()
        && last.code.as_ref().is(code.as_ref())
    {
        values.truncate(base + n);
        last.locals = Some(std::rc::Rc::new(RefCell::new(values.split_off(base))));
    }
    values.truncate(base);
}

// SAFETY: exception instances are built only by `new_exception`, with an `ExcPayload`.
unsafe impl PyPayload for ExcPayload {
    fn type_object() -> &'static PyType {
        &BASE_EXCEPTION.0
    }
}

/// A new instance of exception type `ty` with the given `args` tuple.
pub fn new_exception(ty: &PyType, args: Object) -> Object {
    debug_assert!(ty.has_flag(TypeFlags::BASE_EXC_SUBCLASS));
    new_object(
        ty,
        ExcPayload {
            args: RefCell::new(args),
            traceback: RefCell::new(Vec::new()),
            cause: RefCell::new(None),
            context: RefCell::new(None),
            suppress_context: Cell::new(false),
            dict: RefCell::new(None),
            report: RefCell::new(None),
            hint: RefCell::new(None),
            group: RefCell::new(None),
            tb_object: RefCell::new(None),
        },
    )
}

fn args_of(o: ObjectRef<'_>) -> Vec<Object> {
    let p = o.payload::<ExcPayload>().expect("an exception");
    tuple_items(p.args().as_ref()).expect("args is a tuple").to_vec()
}

/// `str(exc)`: empty for no arguments, `str(arg)` for one (`repr` for KeyError), else
/// `str(args)`.
pub fn exception_str(o: ObjectRef<'_>) -> String {
    if o.type_().is_subtype(&UNICODE_ERROR.0)
        && let Some(s) = unicode_error_str(o)
    {
        return s;
    }
    if o.type_().is_subtype(&OS_ERROR.0)
        && let Some(s) = os_error_str(o)
    {
        return s;
    }
    let args = args_of(o);
    let result = match &args[..] {
        [] => Ok(String::new()),
        [msg, details]
            if o.type_().is_subtype(&SYNTAX_ERROR.0) && tuple_items(details.as_ref()).is_some() =>
        {
            // SyntaxError's str: `msg (filename, line N)`.
            let d = tuple_items(details.as_ref()).unwrap_or(&[]);
            let m = ops::str_string(msg.as_ref()).unwrap_or_default();
            match (d.first(), d.get(1)) {
                (Some(f), Some(l)) => Ok(format!(
                    "{m} ({}, line {})",
                    ops::str_string(f.as_ref()).unwrap_or_default(),
                    ops::str_string(l.as_ref()).unwrap_or_default()
                )),
                _ => Ok(m),
            }
        }
        [one] if o.type_().is_subtype(&KEY_ERROR.0) => ops::repr_string(one.as_ref()),
        [one] => ops::str_string(one.as_ref()),
        _ => {
            let p = o.payload::<ExcPayload>().expect("an exception");
            ops::str_string(p.args().as_ref())
        }
    };
    result.unwrap_or_else(|_| "<exception str() failed>".to_string())
}

fn exception_str_slot(o: ObjectRef<'_>) -> PyResult<Object> {
    Ok(crate::types::str::new_str(&exception_str(o)))
}

fn exception_repr(o: ObjectRef<'_>) -> PyResult<Object> {
    let args = args_of(o);
    let mut out = String::from(o.type_().name());
    out.push('(');
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&ops::repr_string(a.as_ref())?);
    }
    out.push(')');
    Ok(crate::types::str::new_str(&out))
}

pub(crate) fn exception_traverse(o: ObjectRef<'_>, visit: &mut dyn FnMut(ObjectRef<'_>)) {
    let p = o.payload::<ExcPayload>().expect("an exception");
    visit(p.args.borrow().as_ref());
    for e in p.traceback.borrow().iter() {
        visit(e.code.as_ref());
        visit(e.globals.as_ref());
        if let Some(l) = &e.locals {
            for v in l.borrow().iter().flatten() {
                visit(v.as_ref());
            }
        }
    }
    if let Some((tb, _)) = p.tb_object.borrow().as_ref() {
        visit(tb.as_ref());
    }
    for o in [&p.cause, &p.context, &p.dict, &p.group] {
        if let Some(v) = o.borrow().as_ref() {
            visit(v.as_ref());
        }
    }
}

/// Deallocates an exception.
///
/// # Safety
/// Called only by the deallocation path on a dead exception.
pub(crate) unsafe fn exception_dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: exceptions carry an `ExcPayload`.
    unsafe { dealloc_payload::<ExcPayload>(obj) }
}

/// `clear` (the collector breaking a cycle): drops `__cause__`, `__context__`, the dict and the
/// traceback (whose entries keep the variables of the frames the exception left).
fn exception_gc_clear(o: ObjectRef<'_>) {
    let p = o.payload::<ExcPayload>().expect("an exception");
    for c in [&p.cause, &p.context, &p.dict] {
        let v = c.borrow_mut().take();
        drop(v);
    }
    let tb = p.traceback.take();
    drop(tb);
    let tbo = p.tb_object.take();
    drop(tbo);
}

pub(crate) const fn exception_slots() -> Slots {
    Slots {
        repr: slot(exception_repr as UnaryFn),
        clear: slot(exception_gc_clear as crate::types::typeobject::ClearFn),
        str: slot(exception_str_slot as UnaryFn),
        getattr: slot(crate::types::instance::exception_getattr as GetAttrFn),
        setattr: slot(crate::types::instance::instance_setattr as SetAttrFn),
        ..crate::types::object::object_slots()
    }
}

macro_rules! exception_type {
    ($static:ident, $name:literal, $base:expr, $tag:literal) => {
        pub static $static: StaticType = StaticType(PyType::new_static(
            $name,
            Some($base),
            std::mem::size_of::<ExcPayload>(),
            0,
            TypeFlags::BASETYPE.union(TypeFlags::HAVE_GC).union(TypeFlags::BASE_EXC_SUBCLASS),
            $tag,
            exception_dealloc,
            Some(exception_traverse),
            exception_slots(),
        ));
    };
}

exception_type!(BASE_EXCEPTION, "BaseException", &crate::types::object::OBJECT_TYPE.0, 100);
exception_type!(EXCEPTION, "Exception", &BASE_EXCEPTION.0, 101);
exception_type!(ARITHMETIC_ERROR, "ArithmeticError", &EXCEPTION.0, 102);
exception_type!(OVERFLOW_ERROR, "OverflowError", &ARITHMETIC_ERROR.0, 103);
exception_type!(ZERO_DIVISION_ERROR, "ZeroDivisionError", &ARITHMETIC_ERROR.0, 104);
exception_type!(LOOKUP_ERROR, "LookupError", &EXCEPTION.0, 105);
exception_type!(INDEX_ERROR, "IndexError", &LOOKUP_ERROR.0, 106);
exception_type!(KEY_ERROR, "KeyError", &LOOKUP_ERROR.0, 107);
exception_type!(RUNTIME_ERROR, "RuntimeError", &EXCEPTION.0, 108);
exception_type!(RECURSION_ERROR, "RecursionError", &RUNTIME_ERROR.0, 109);
exception_type!(TYPE_ERROR, "TypeError", &EXCEPTION.0, 110);
exception_type!(VALUE_ERROR, "ValueError", &EXCEPTION.0, 111);
exception_type!(ATTRIBUTE_ERROR, "AttributeError", &EXCEPTION.0, 112);
exception_type!(MEMORY_ERROR, "MemoryError", &EXCEPTION.0, 113);
exception_type!(STOP_ITERATION, "StopIteration", &EXCEPTION.0, 114);
exception_type!(NAME_ERROR, "NameError", &EXCEPTION.0, 115);
exception_type!(UNBOUND_LOCAL_ERROR, "UnboundLocalError", &NAME_ERROR.0, 116);
exception_type!(ASSERTION_ERROR, "AssertionError", &EXCEPTION.0, 117);
exception_type!(NOT_IMPLEMENTED_ERROR, "NotImplementedError", &RUNTIME_ERROR.0, 118);
exception_type!(IMPORT_ERROR, "ImportError", &EXCEPTION.0, 119);
exception_type!(MODULE_NOT_FOUND_ERROR, "ModuleNotFoundError", &IMPORT_ERROR.0, 120);
exception_type!(SYSTEM_EXIT, "SystemExit", &BASE_EXCEPTION.0, 121);
exception_type!(KEYBOARD_INTERRUPT, "KeyboardInterrupt", &BASE_EXCEPTION.0, 122);
exception_type!(GENERATOR_EXIT, "GeneratorExit", &BASE_EXCEPTION.0, 123);
exception_type!(OS_ERROR, "OSError", &EXCEPTION.0, 124);
exception_type!(UNICODE_ERROR, "UnicodeError", &VALUE_ERROR.0, 125);
exception_type!(EOF_ERROR, "EOFError", &EXCEPTION.0, 126);
exception_type!(SYNTAX_ERROR, "SyntaxError", &EXCEPTION.0, 127);
exception_type!(FLOATING_POINT_ERROR, "FloatingPointError", &ARITHMETIC_ERROR.0, 128);
exception_type!(STOP_ASYNC_ITERATION, "StopAsyncIteration", &EXCEPTION.0, 129);
exception_type!(BUFFER_ERROR, "BufferError", &EXCEPTION.0, 130);
exception_type!(WARNING, "Warning", &EXCEPTION.0, 131);
exception_type!(USER_WARNING, "UserWarning", &WARNING.0, 132);
exception_type!(DEPRECATION_WARNING, "DeprecationWarning", &WARNING.0, 133);
exception_type!(RUNTIME_WARNING, "RuntimeWarning", &WARNING.0, 134);
exception_type!(PYTHON_FINALIZATION_ERROR, "PythonFinalizationError", &RUNTIME_ERROR.0, 135);
exception_type!(SYSTEM_ERROR, "SystemError", &EXCEPTION.0, 136);
exception_type!(FILE_NOT_FOUND_ERROR, "FileNotFoundError", &OS_ERROR.0, 137);
exception_type!(FILE_EXISTS_ERROR, "FileExistsError", &OS_ERROR.0, 138);
exception_type!(PERMISSION_ERROR, "PermissionError", &OS_ERROR.0, 139);
exception_type!(IS_A_DIRECTORY_ERROR, "IsADirectoryError", &OS_ERROR.0, 140);
exception_type!(NOT_A_DIRECTORY_ERROR, "NotADirectoryError", &OS_ERROR.0, 141);
exception_type!(TIMEOUT_ERROR, "TimeoutError", &OS_ERROR.0, 142);
exception_type!(CONNECTION_ERROR, "ConnectionError", &OS_ERROR.0, 143);
exception_type!(BROKEN_PIPE_ERROR, "BrokenPipeError", &CONNECTION_ERROR.0, 144);
exception_type!(CONNECTION_RESET_ERROR, "ConnectionResetError", &CONNECTION_ERROR.0, 145);
exception_type!(CONNECTION_REFUSED_ERROR, "ConnectionRefusedError", &CONNECTION_ERROR.0, 146);
exception_type!(CONNECTION_ABORTED_ERROR, "ConnectionAbortedError", &CONNECTION_ERROR.0, 147);
exception_type!(INTERRUPTED_ERROR, "InterruptedError", &OS_ERROR.0, 148);
exception_type!(PROCESS_LOOKUP_ERROR, "ProcessLookupError", &OS_ERROR.0, 149);
exception_type!(CHILD_PROCESS_ERROR, "ChildProcessError", &OS_ERROR.0, 150);
exception_type!(BLOCKING_IO_ERROR, "BlockingIOError", &OS_ERROR.0, 151);
exception_type!(UNICODE_DECODE_ERROR, "UnicodeDecodeError", &UNICODE_ERROR.0, 152);
exception_type!(UNICODE_ENCODE_ERROR, "UnicodeEncodeError", &UNICODE_ERROR.0, 153);
exception_type!(UNICODE_TRANSLATE_ERROR, "UnicodeTranslateError", &UNICODE_ERROR.0, 154);
exception_type!(INDENTATION_ERROR, "IndentationError", &SYNTAX_ERROR.0, 155);
exception_type!(TAB_ERROR, "TabError", &INDENTATION_ERROR.0, 156);
exception_type!(REFERENCE_ERROR, "ReferenceError", &EXCEPTION.0, 157);
exception_type!(SYNTAX_WARNING, "SyntaxWarning", &WARNING.0, 158);
exception_type!(FUTURE_WARNING, "FutureWarning", &WARNING.0, 159);
exception_type!(IMPORT_WARNING, "ImportWarning", &WARNING.0, 160);
exception_type!(PENDING_DEPRECATION_WARNING, "PendingDeprecationWarning", &WARNING.0, 161);
exception_type!(UNICODE_WARNING, "UnicodeWarning", &WARNING.0, 162);
exception_type!(BYTES_WARNING, "BytesWarning", &WARNING.0, 163);
exception_type!(RESOURCE_WARNING, "ResourceWarning", &WARNING.0, 164);
exception_type!(ENCODING_WARNING, "EncodingWarning", &WARNING.0, 165);

/// Every static exception type, for the `builtins` module.
pub static ALL_EXCEPTION_TYPES: [&StaticType; 68] = [
    &BASE_EXCEPTION,
    &EXCEPTION,
    &ARITHMETIC_ERROR,
    &OVERFLOW_ERROR,
    &ZERO_DIVISION_ERROR,
    &LOOKUP_ERROR,
    &INDEX_ERROR,
    &KEY_ERROR,
    &RUNTIME_ERROR,
    &RECURSION_ERROR,
    &TYPE_ERROR,
    &VALUE_ERROR,
    &ATTRIBUTE_ERROR,
    &MEMORY_ERROR,
    &STOP_ITERATION,
    &NAME_ERROR,
    &UNBOUND_LOCAL_ERROR,
    &ASSERTION_ERROR,
    &NOT_IMPLEMENTED_ERROR,
    &IMPORT_ERROR,
    &MODULE_NOT_FOUND_ERROR,
    &SYSTEM_EXIT,
    &KEYBOARD_INTERRUPT,
    &GENERATOR_EXIT,
    &OS_ERROR,
    &UNICODE_ERROR,
    &EOF_ERROR,
    &SYNTAX_ERROR,
    &FLOATING_POINT_ERROR,
    &STOP_ASYNC_ITERATION,
    &BUFFER_ERROR,
    &WARNING,
    &USER_WARNING,
    &DEPRECATION_WARNING,
    &RUNTIME_WARNING,
    &PYTHON_FINALIZATION_ERROR,
    &SYSTEM_ERROR,
    &FILE_NOT_FOUND_ERROR,
    &FILE_EXISTS_ERROR,
    &PERMISSION_ERROR,
    &IS_A_DIRECTORY_ERROR,
    &NOT_A_DIRECTORY_ERROR,
    &TIMEOUT_ERROR,
    &CONNECTION_ERROR,
    &BROKEN_PIPE_ERROR,
    &CONNECTION_RESET_ERROR,
    &CONNECTION_REFUSED_ERROR,
    &CONNECTION_ABORTED_ERROR,
    &INTERRUPTED_ERROR,
    &PROCESS_LOOKUP_ERROR,
    &CHILD_PROCESS_ERROR,
    &BLOCKING_IO_ERROR,
    &UNICODE_DECODE_ERROR,
    &UNICODE_ENCODE_ERROR,
    &UNICODE_TRANSLATE_ERROR,
    &INDENTATION_ERROR,
    &TAB_ERROR,
    &REFERENCE_ERROR,
    &SYNTAX_WARNING,
    &FUTURE_WARNING,
    &IMPORT_WARNING,
    &PENDING_DEPRECATION_WARNING,
    &UNICODE_WARNING,
    &BYTES_WARNING,
    &RESOURCE_WARNING,
    &ENCODING_WARNING,
    &crate::types::exception_group::BASE_EXCEPTION_GROUP,
    &crate::types::exception_group::EXCEPTION_GROUP,
];

/// `OSError(errno, strerror, ...)` picks the subclass for the errno, as CPython does.
pub fn os_error_subclass<'a>(ty: &'a PyType, args: &[Object]) -> &'a PyType {
    if !std::ptr::eq(ty, &OS_ERROR.0) || args.len() < 2 {
        return ty;
    }
    let Some(errno) = args[0].small_int() else { return ty };
    match errno {
        1 | 13 => &PERMISSION_ERROR.0,
        2 => &FILE_NOT_FOUND_ERROR.0,
        3 => &PROCESS_LOOKUP_ERROR.0,
        4 => &INTERRUPTED_ERROR.0,
        10 => &CHILD_PROCESS_ERROR.0,
        11 | 114 | 115 => &BLOCKING_IO_ERROR.0,
        17 => &FILE_EXISTS_ERROR.0,
        20 => &NOT_A_DIRECTORY_ERROR.0,
        21 => &IS_A_DIRECTORY_ERROR.0,
        32 | 108 => &BROKEN_PIPE_ERROR.0,
        103 => &CONNECTION_ABORTED_ERROR.0,
        104 => &CONNECTION_RESET_ERROR.0,
        110 => &TIMEOUT_ERROR.0,
        111 => &CONNECTION_REFUSED_ERROR.0,
        _ => ty,
    }
}

/// Sets `errno`, `strerror`, `filename` (and `filename2`) of an OSError made with 2 to 5
/// arguments; its `args` keep only `(errno, strerror)`.
pub fn init_os_error(inst: ObjectRef<'_>, args: &[Object]) {
    if !inst.type_().is_subtype(&OS_ERROR.0) {
        return;
    }
    let Some(p) = inst.payload::<ExcPayload>() else { return };
    let none = crate::types::singletons::none;
    let (errno, strerror, filename, filename2) = match args {
        [e, s] => (e.clone(), s.clone(), none(), none()),
        [e, s, f] | [e, s, f, _] => (e.clone(), s.clone(), f.clone(), none()),
        [e, s, f, _, f2] => (e.clone(), s.clone(), f.clone(), f2.clone()),
        _ => (none(), none(), none(), none()),
    };
    if args.len() >= 3 && args.len() <= 5 {
        p.set_args(crate::types::tuple::new_tuple(vec![errno.clone(), strerror.clone()]));
    }
    let d = p.dict.borrow_mut().get_or_insert_with(crate::types::dict::new_dict).clone();
    if let Some(d) = crate::types::dict::as_dict(d.as_ref()) {
        let _ = d.set_str("errno", errno);
        let _ = d.set_str("strerror", strerror);
        let _ = d.set_str("filename", filename);
        let _ = d.set_str("filename2", filename2);
    }
}

/// `str(oserror)`: `[Errno N] strerror` and the file names, when made with an errno.
pub fn os_error_str(o: ObjectRef<'_>) -> Option<String> {
    let p = o.payload::<ExcPayload>()?;
    let d = p.dict.borrow().clone()?;
    let d = crate::types::dict::as_dict(d.as_ref())?;
    let errno = d.get_str("errno").ok()??;
    let strerror = d.get_str("strerror").ok()??;
    if crate::types::singletons::is_none(errno.as_ref()) {
        return None;
    }
    let f = d
        .get_str("filename")
        .ok()
        .flatten()
        .filter(|f| !crate::types::singletons::is_none(f.as_ref()));
    let f2 = d
        .get_str("filename2")
        .ok()
        .flatten()
        .filter(|f| !crate::types::singletons::is_none(f.as_ref()));
    let e = ops::str_string(errno.as_ref()).ok()?;
    let s = ops::str_string(strerror.as_ref()).ok()?;
    Some(match (f, f2) {
        (Some(f), Some(f2)) => format!(
            "[Errno {e}] {s}: {} -> {}",
            ops::repr_string(f.as_ref()).ok()?,
            ops::repr_string(f2.as_ref()).ok()?
        ),
        (Some(f), None) => format!("[Errno {e}] {s}: {}", ops::repr_string(f.as_ref()).ok()?),
        _ => format!("[Errno {e}] {s}"),
    })
}

/// A SyntaxError's field from its arguments `(msg, (filename, lineno, offset, text[,
/// end_lineno, end_offset]))`: `msg` is the first argument, the others come from the details
/// tuple of a two-argument SyntaxError; otherwise None.
pub fn syntax_error_field(args: &Object, name: &str) -> Object {
    let none = crate::types::singletons::none;
    let items = tuple_items(args.as_ref()).unwrap_or(&[]);
    if name == "msg" {
        return items.first().cloned().unwrap_or_else(none);
    }
    let details = match items {
        [_, d] => tuple_items(d.as_ref()).unwrap_or(&[]),
        _ => &[],
    };
    let i = match name {
        "filename" => 0,
        "lineno" => 1,
        "offset" => 2,
        "text" => 3,
        "end_lineno" => 4,
        "end_offset" => 5,
        _ => return none(),
    };
    details.get(i).cloned().unwrap_or_else(none)
}

/// The fields of a UnicodeError made from Python with CPython's arguments:
/// `(encoding, object, start, end, reason)` for encode and decode errors, `(object, start,
/// end, reason)` for translate errors. A decode error's object is kept as bytes.
pub fn unicode_error_field(o: ObjectRef<'_>, args: &Object, name: &str) -> Option<Object> {
    let items = tuple_items(args.as_ref())?;
    let ty = o.type_();
    let names: &[&str] = if ty.is_subtype(&UNICODE_TRANSLATE_ERROR.0) {
        &["object", "start", "end", "reason"]
    } else if ty.is_subtype(&UNICODE_ENCODE_ERROR.0) || ty.is_subtype(&UNICODE_DECODE_ERROR.0) {
        &["encoding", "object", "start", "end", "reason"]
    } else {
        return None;
    };
    if items.len() != names.len() {
        return None;
    }
    let v = items[names.iter().position(|n| *n == name)?].clone();
    if name == "object"
        && ty.is_subtype(&UNICODE_DECODE_ERROR.0)
        && let Some(b) = crate::types::bytearray::bytearray_data(v.as_ref())
    {
        return Some(crate::types::bytes::new_bytes(&b));
    }
    Some(v)
}

/// `str()` of a UnicodeError made from Python with its five (four) arguments, read from its
/// current attributes as CPython does; `None` for other shapes.
fn unicode_error_str(o: ObjectRef<'_>) -> Option<String> {
    let ty = o.type_();
    let p = o.payload::<ExcPayload>()?;
    let n = tuple_items(p.args().as_ref())?.len();
    let translate = ty.is_subtype(&UNICODE_TRANSLATE_ERROR.0);
    let encode = ty.is_subtype(&UNICODE_ENCODE_ERROR.0);
    let decode = ty.is_subtype(&UNICODE_DECODE_ERROR.0);
    if !(translate && n == 4 || (encode || decode) && n == 5) {
        return None;
    }
    let get = |name: &str| crate::attr::getattr(o, crate::types::str::intern(name).as_ref()).ok();
    let text = |v: Object| ops::str_string(v.as_ref()).ok();
    let reason = text(get("reason")?)?;
    let start = get("start")?.small_int()?;
    let end = get("end")?.small_int()?;
    let object = get("object")?;
    let one_char = |cp: u32| {
        if cp < 0x100 {
            format!("'\\x{cp:02x}'")
        } else if cp < 0x10000 {
            format!("'\\u{cp:04x}'")
        } else {
            format!("'\\U{cp:08x}'")
        }
    };
    if decode {
        let enc = text(get("encoding")?)?;
        let data = crate::types::bytes::bytes_data(object.as_ref())?;
        return Some(if end == start + 1 && (start as usize) < data.len() && start >= 0 {
            format!(
                "'{enc}' codec can't decode byte 0x{:02x} in position {start}: {reason}",
                data[start as usize]
            )
        } else {
            format!("'{enc}' codec can't decode bytes in position {start}-{}: {reason}", end - 1)
        });
    }
    let s = crate::types::str::Str::new(object.as_ref())?;
    let single = end == start + 1 && start >= 0 && (start as usize) < s.len();
    let what = if single {
        format!("character {} in position {start}", one_char(s.char_at(start as usize)))
    } else {
        format!("characters in position {start}-{}", end - 1)
    };
    Some(if translate {
        format!("can't translate {what}: {reason}")
    } else {
        format!("'{}' codec can't encode {what}: {reason}", text(get("encoding")?)?)
    })
}
