//! The `sys` module: `argv`, `exit`, `maxsize`, `version_info`, recursion limit, hooks. The
//! standard streams (`sys.stdin`, `sys.stdout`, `sys.stderr`) are real `_io` objects, made by
//! `modules::io::stdio`; the functions here write the interpreter's own text to them (and let
//! tests and the embedding REPL capture what goes to standard output).

use std::cell::RefCell;

use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::object::{Object, ObjectRef};
use crate::ops;
use crate::types::dict::as_dict;
use crate::types::exceptions::SYSTEM_EXIT;
use crate::types::function::new_builtin_function;
use crate::types::int::new_int_i64;
use crate::types::list::new_list;
use crate::types::module::{module_dict, new_module};
use crate::types::singletons::none;
use crate::types::str::new_str;
use crate::types::tuple::new_tuple;
use crate::types::typeobject::TypeFlags;

thread_local! {
    /// While set, what this thread's code writes to standard output is collected here instead
    /// (tests, the embedding REPL). Per thread, not per interpreter: tests that run in parallel
    /// threads on the one interpreter each collect their own output.
    static CAPTURE: RefCell<Option<Vec<u8>>> = const { RefCell::new(None) };
}
static ARGV: crate::gil::GilCell<RefCell<Vec<String>>> =
    crate::gil::GilCell::new(RefCell::new(Vec::new()));
/// `sys.warnoptions`: `PYTHONWARNINGS` entries, then `-W` options.
static WARNOPTIONS: crate::gil::GilCell<RefCell<Vec<String>>> =
    crate::gil::GilCell::new(RefCell::new(Vec::new()));
/// `sys.path[0]`: the script's directory, `''` for `-c` and standard input.
static PATH0: crate::gil::GilCell<RefCell<Option<String>>> =
    crate::gil::GilCell::new(RefCell::new(None));

/// Whether `set_path0` was called.
pub fn path0_is_set() -> bool {
    PATH0.with(|p| p.borrow().is_some())
}

/// Sets the first entry of `sys.path` (before `sys` is first imported).
pub fn set_path0(first: Option<String>) {
    PATH0.with(|p| *p.borrow_mut() = first);
}

/// Records a module in `sys.modules`.
pub fn register_module(name: &str, module: Object) {
    let sys = crate::builtins::sys_module();
    if let Some(d) = module_dict(sys.as_ref()).and_then(as_dict)
        && let Ok(Some(mods)) = d.get_str("modules")
        && let Some(md) = as_dict(mods.as_ref())
    {
        let _ = md.set_str(name, module);
    }
}

/// Sets `sys.argv` (before `sys` is first imported).
pub fn set_argv(argv: Vec<String>) {
    ARGV.with(|a| *a.borrow_mut() = argv);
}

/// Sets `sys.warnoptions` (before `sys` is first imported).
pub fn set_warnoptions(opts: Vec<String>) {
    WARNOPTIONS.with(|a| *a.borrow_mut() = opts);
}

/// Whether warning options were given (the program then starts by importing `warnings`).
pub fn has_warnoptions() -> bool {
    WARNOPTIONS.with(|a| !a.borrow().is_empty())
}

/// Starts collecting this thread's standard output instead of writing it.
pub fn start_capture() {
    CAPTURE.with(|c| *c.borrow_mut() = Some(Vec::new()));
}

/// Stops collecting and returns what was written since `start_capture`.
pub fn take_capture() -> String {
    let v = CAPTURE.with(|c| c.borrow_mut().take()).unwrap_or_default();
    String::from_utf8_lossy(&v).into_owned()
}

/// While this thread captures its output (`start_capture`), appends `s` and returns true.
pub(crate) fn capture(s: &str) -> bool {
    CAPTURE.with(|c| match c.borrow_mut().as_mut() {
        Some(buf) => {
            buf.extend_from_slice(s.as_bytes());
            true
        }
        None => false,
    })
}

/// Whether this thread captures its output.
pub(crate) fn capturing() -> bool {
    CAPTURE.with(|c| c.borrow().is_some())
}

/// Text the interpreter writes to standard output: captured, or written to `sys.stdout`.
pub fn write_stdout(s: &str) {
    if !capture(s) {
        crate::modules::io::stdio::write_stdout_text(s);
    }
}

/// Flushes `sys.stdout` (errors ignored).
pub fn flush_stdout() {
    crate::modules::io::stdio::flush_stdout();
}

/// Text the interpreter writes to standard error (tracebacks, warnings, prompts): to
/// `sys.stderr`, flushed.
pub fn write_stderr(s: &str) {
    crate::modules::io::stdio::write_stderr_text(s);
}

fn exit(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("exit")?;
    a.count("exit", 0, 1)?;
    let args = new_tuple(a.pos.to_vec());
    Err(PyErr::from_instance(crate::types::exceptions::new_exception(&SYSTEM_EXIT.0, args)))
}

/// `sys._clear_type_descriptors(cls)` (3.14, for `dataclasses`): removes the `__dict__` and
/// `__weakref__` descriptors from a class's own namespace.
fn clear_type_descriptors(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("_clear_type_descriptors")?;
    a.count("_clear_type_descriptors", 1, 1)?;
    let t = args[0].as_ref();
    let Some(ty) = crate::types::typeobject::as_type(t) else {
        return Err(PyErr::type_error(format!(
            "_clear_type_descriptors() argument must be type, not {}",
            t.type_().name()
        )));
    };
    if !ty.has_flag(crate::types::typeobject::TypeFlags::HEAPTYPE) {
        return Ok(none());
    }
    let d = crate::types::typelookup::type_dict(ty);
    for name in ["__dict__", "__weakref__"] {
        let has = crate::types::dict::as_dict(d.as_ref())
            .map(|d| d.get_str(name))
            .transpose()?
            .flatten()
            .is_some();
        if has {
            crate::types::heaptype::del_type_attr(t, name)?;
        }
    }
    Ok(none())
}

/// `sys.intern(s)`: the one interned str equal to `s` (an exact str).
fn intern(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    crate::builtins::args::Args::new(args, kw).no_kw_at_all("intern")?;
    let [s] = args else {
        return Err(PyErr::type_error(format!(
            "sys.intern() takes exactly one argument ({} given)",
            args.len()
        )));
    };
    if !std::ptr::eq(s.type_(), &crate::types::str::STR_TYPE.0) {
        if s.type_().has_flag(crate::types::typeobject::TypeFlags::UNICODE_SUBCLASS) {
            return Err(PyErr::type_error(format!("can't intern {}", s.type_().name())));
        }
        return Err(PyErr::type_error(format!(
            "intern() argument must be str, not {}",
            s.type_().name()
        )));
    }
    Ok(crate::types::str::intern_object(s.clone()))
}

/// `sys.is_finalizing()`: whether the interpreter is shutting down (never while Python code
/// runs in Taipan, which does not run code during finalisation).
fn is_finalizing(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    crate::builtins::args::Args::new(args, kw).check_method("sys", "is_finalizing", 0, 0)?;
    Ok(crate::types::bool::py_bool(false))
}

fn getrecursionlimit(
    _: Option<ObjectRef<'_>>,
    _: &[Object],
    _: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Ok(new_int_i64(crate::eval::recursion_limit() as i64))
}

/// `sys.gettrace()` / `sys.getprofile()`: this thread's hook, or None.
fn get_hook<const PROFILE: bool>(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let name = if PROFILE { "getprofile" } else { "gettrace" };
    crate::builtins::args::Args::new(args, kw).check_method("sys", name, 0, 0)?;
    let hook = if PROFILE { crate::trace::get_profile() } else { crate::trace::get_trace() };
    Ok(hook.unwrap_or_else(none))
}

/// `sys.settrace(f)` / `sys.setprofile(f)` (`None`: remove), also `sys._settraceallthreads` /
/// `sys._setprofileallthreads`: this thread's hook; threads started later get theirs through
/// `threading`'s hooks, threads already running keep theirs (docs/vm.md, "Tracing").
fn set_hook<const PROFILE: bool>(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let name = if PROFILE { "setprofile" } else { "settrace" };
    let a = crate::builtins::args::Args::new(args, kw);
    a.no_kw_at_all(name)?;
    a.count(name, 1, 1)?;
    let f = Some(args[0].clone()).filter(|f| !crate::types::singletons::is_none(f.as_ref()));
    if PROFILE {
        crate::trace::set_profile(f)
    } else {
        crate::trace::set_trace(f)
    }
    Ok(none())
}

/// [`set_hook`] as a frame-reading built-in (see where `sys` registers it).
fn set_hook_in_frame<const PROFILE: bool>(
    _: Option<&crate::builtins::framefns::FrameCtx<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    set_hook::<PROFILE>(None, args, kw)
}

fn setrecursionlimit(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("setrecursionlimit")?;
    a.count("setrecursionlimit", 1, 1)?;
    match ops::index_value(args[0].as_ref())? {
        Some(n) if n >= 1 => {
            crate::eval::set_recursion_limit(n as usize);
            Ok(none())
        }
        Some(_) => Err(PyErr::value_error("recursion limit must be greater or equal than 1")),
        None => Err(PyErr::type_error("'float' object cannot be interpreted as an integer")),
    }
}

fn exception(_: Option<ObjectRef<'_>>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Ok(crate::eval::current_exception().unwrap_or_else(none))
}

fn get_int_max_str_digits(
    _: Option<ObjectRef<'_>>,
    _: &[Object],
    _: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Ok(new_int_i64(crate::types::int::max_str_digits() as i64))
}

fn set_int_max_str_digits(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let mut a = Args::new(args, kw);
    let maxdigits = a.take_kw("maxdigits").cloned();
    a.no_kw("set_int_max_str_digits")?;
    let v = a.pos.first().cloned().or(maxdigits).ok_or_else(|| {
        PyErr::type_error("set_int_max_str_digits() missing required argument 'maxdigits' (pos 1)")
    })?;
    let n = ops::index_value(v.as_ref())?.ok_or_else(|| {
        PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            v.type_().name()
        ))
    })?;
    if n != 0 && n < 640 {
        return Err(PyErr::value_error("maxdigits must be >= 640 or 0 for unlimited"));
    }
    crate::types::int::set_max_str_digits(n as usize);
    Ok(none())
}

fn frame_depth(fname: &str, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<usize> {
    let mut a = crate::builtins::args::Args::new(args, kw);
    let depth_kw = a.take_kw("depth").cloned();
    a.no_kw(fname)?;
    a.count(fname, 0, 1)?;
    match a.pos.first().cloned().or(depth_kw) {
        None => Ok(0),
        Some(d) => {
            let n = crate::ops::index_value(d.as_ref())?.ok_or_else(|| {
                PyErr::type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    d.type_().name()
                ))
            })?;
            Ok(n.max(0) as usize)
        }
    }
}

/// `sys._getframe(depth=0)`: the frame `depth` calls out from the caller's.
fn getframe(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let depth = frame_depth("_getframe", args, kw)?;
    let chain = crate::frame::frames_of_thread(usize::MAX);
    if depth >= chain.len() {
        return Err(PyErr::value_error("call stack is not deep enough"));
    }
    Ok(crate::types::traceback_obj::new_running_frame(std::rc::Rc::new(chain), depth))
}

/// `sys._getframemodulename(depth=0)`: the `__name__` of that frame's module, or None.
fn getframemodulename(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let depth = frame_depth("_getframemodulename", args, kw)?;
    let chain = crate::frame::frames_of_thread(depth + 1);
    let Some(f) = chain.get(depth) else { return Ok(none()) };
    if let Some(func) = &f.func
        && let Ok(m) = crate::attr::getattr(func.as_ref(), new_str("__module__").as_ref())
    {
        return Ok(m);
    }
    Ok(as_dict(f.globals.as_ref())
        .and_then(|d| d.get_str("__name__").ok().flatten())
        .unwrap_or_else(none))
}

/// `sys._jit.is_available()` / `is_enabled()` / `is_active()`: Taipan has no JIT, so all are
/// `False`.
fn jit_false(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("is_enabled")?;
    a.count("is_enabled", 0, 0)?;
    Ok(crate::types::bool::py_bool(false))
}

/// The `sys._jit` namespace module.
fn make_jit_module() -> Object {
    let m = new_module("sys._jit");
    let d = as_dict(module_dict(m.as_ref()).expect("dict")).expect("dict");
    for n in ["is_available", "is_enabled", "is_active"] {
        let _ = d.set_str(n, new_builtin_function(n, jit_false));
    }
    m
}

fn getdefaultencoding(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("getdefaultencoding")?;
    a.count("getdefaultencoding", 0, 0)?;
    Ok(new_str("utf-8"))
}

/// `sys.audit(event, *args)`: no audit hooks are ever installed, so there is nothing to call;
/// only the event name is checked.
fn audit(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("audit")?;
    match a.pos.first() {
        None => Err(PyErr::type_error("audit() missing 1 required positional argument: 'event'")),
        Some(e) if crate::types::str::Str::new(e.as_ref()).is_none() => Err(PyErr::type_error(
            format!("expected str for argument 'event', not {}", e.type_().name()),
        )),
        Some(_) => Ok(none()),
    }
}

/// `sys.addaudithook(hook)`: accepted and never called (nothing raises audit events).
fn addaudithook(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.count("addaudithook", 1, 1)?;
    Ok(none())
}

/// `sys.displayhook(value)` (also `sys.__displayhook__`): for a value that is not None, its
/// repr on standard output and the value in `builtins._` (cleared first, as CPython does, so
/// the repr cannot see the old one).
fn displayhook(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("displayhook")?;
    a.count("displayhook", 1, 1)?;
    let v = a.pos[0].clone();
    if crate::types::singletons::is_none(v.as_ref()) {
        return Ok(none());
    }
    let b = crate::builtins::builtins_dict();
    let bd = as_dict(b.as_ref()).expect("dict");
    bd.set_str("_", none())?;
    let text = ops::repr(v.as_ref())?;
    let out = crate::modules::io::stdio::sys_stream("stdout")?;
    if crate::types::singletons::is_none(out.as_ref()) {
        return Err(PyErr::new(&crate::types::exceptions::RUNTIME_ERROR, "lost sys.stdout"));
    }
    if !(capturing() && is_original_stdout(out.as_ref()) && {
        let t = crate::types::str::Str::new(text.as_ref()).map(|s| s.to_string_lossy());
        capture(&format!("{}\n", t.unwrap_or_default()))
    }) {
        use crate::modules::io::stdio::write_obj;
        match write_obj(out.as_ref(), &text) {
            Err(e) if e.matches(&crate::types::exceptions::UNICODE_ENCODE_ERROR) => {
                display_unencodable(out.as_ref(), &text)?
            }
            r => r?,
        }
        write_obj(out.as_ref(), &new_str("\n"))?;
    }
    bd.set_str("_", v)?;
    Ok(none())
}

/// A repr the stream's encoding cannot write: encoded with `backslashreplace`, written to the
/// stream's `buffer` if it has one, else decoded back and written as text (CPython's
/// `sys_displayhook_unencodable`).
fn display_unencodable(out: ObjectRef<'_>, text: &Object) -> PyResult<()> {
    use crate::modules::io::call_meth;
    let enc = crate::modules::io::get_attr(out, "encoding")?;
    let bytes = call_meth(text.as_ref(), "encode", &[enc.clone(), new_str("backslashreplace")])?;
    match crate::import::getattr_opt(out, "buffer")? {
        Some(b) => call_meth(b.as_ref(), "write", &[bytes]).map(drop),
        None => {
            let t = call_meth(bytes.as_ref(), "decode", &[enc, new_str("strict")])?;
            crate::modules::io::stdio::write_obj(out, &t)
        }
    }
}

/// Whether `o` is the standard output `sys` started with (`sys.__stdout__`).
pub(crate) fn is_original_stdout(o: ObjectRef<'_>) -> bool {
    crate::modules::io::stdio::sys_stream_opt("__stdout__")
        .ok()
        .flatten()
        .is_some_and(|s| s.as_ref().is(o))
}

/// `INTRINSIC_PRINT` (an expression statement compiled in "single" mode): calls
/// `sys.displayhook`.
pub(crate) fn call_displayhook(v: Object) -> PyResult<()> {
    let Some(hook) = crate::import::sys_attr("displayhook") else {
        return Err(PyErr::new(&crate::types::exceptions::RUNTIME_ERROR, "lost sys.displayhook"));
    };
    ops::call(hook.as_ref(), &[v], None).map(drop)
}

/// `sys.excepthook(type, value, traceback)`: prints the exception's traceback to stderr, as
/// an uncaught exception is reported.
fn excepthook(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("excepthook")?;
    a.count("excepthook", 3, 3)?;
    let v = &a.pos[1];
    if v.type_().is_subtype(&crate::types::exceptions::BASE_EXCEPTION.0) {
        write_stderr(&crate::traceback::format_exception(v.as_ref()));
    } else {
        let t = ops::str_string(a.pos[0].as_ref()).unwrap_or_default();
        write_stderr(&format!(
            "TypeError: print_exception(): Exception expected for value, {t} found\n"
        ));
    }
    Ok(none())
}

/// `sys.unraisablehook(unraisable)` (also `sys.__unraisablehook__`): writes the report of an
/// exception that could not be raised (`exc_value`, `err_msg`, `object`) to stderr.
fn unraisablehook(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("unraisablehook")?;
    a.count("unraisablehook", 1, 1)?;
    let get = |name: &str| -> PyResult<Option<Object>> {
        Ok(crate::import::getattr_opt(a.pos[0].as_ref(), name)?
            .filter(|v| !crate::types::singletons::is_none(v.as_ref())))
    };
    let msg = match get("err_msg")? {
        Some(m) => ops::str_string(m.as_ref())?,
        None => "Exception ignored in".to_string(),
    };
    let head = match get("object")? {
        Some(o) => format!("{msg}: {}\n", ops::repr_string(o.as_ref())?),
        None => format!("{msg}:\n"),
    };
    let body = match get("exc_value")? {
        Some(v) if v.type_().is_subtype(&crate::types::exceptions::BASE_EXCEPTION.0) => {
            crate::traceback::format_exception_plain(v.as_ref())
        }
        Some(v) => format!("{}\n", ops::str_string(v.as_ref())?),
        None => String::new(),
    };
    write_stderr(&format!("{head}{body}"));
    Ok(none())
}

/// `sys.getfilesystemencoding()`: file names are UTF-8 (the `posix` module's encoding).
fn getfilesystemencoding(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("getfilesystemencoding")?;
    a.count("getfilesystemencoding", 0, 0)?;
    Ok(new_str("utf-8"))
}

/// `sys.getfilesystemencodeerrors()`: undecodable bytes of file names round-trip through
/// lone surrogates.
fn getfilesystemencodeerrors(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("getfilesystemencodeerrors")?;
    a.count("getfilesystemencodeerrors", 0, 0)?;
    Ok(new_str("surrogateescape"))
}

/// `sys.getsizeof(o[, default])`: `o.__sizeof__()`, plus the collector's header for containers.
fn getsizeof(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let mut a = Args::new(args, kw);
    let default = a.take_kw("default").cloned();
    a.no_kw("getsizeof")?;
    a.count("getsizeof", 1, 2)?;
    let default = a.pos.get(1).cloned().or(default);
    let o = a.pos[0].as_ref();
    let r = match crate::types::instance::call_method(o, "__sizeof__", &[]) {
        Ok(r) => r,
        Err(e) => {
            return match default {
                Some(d) if e.matches(&crate::types::exceptions::TYPE_ERROR) => Ok(d),
                _ => Err(e),
            };
        }
    };
    let Some(n) = crate::ops::index_value(r.as_ref())? else {
        return Err(PyErr::type_error("an integer is required"));
    };
    if n < 0 {
        return Err(PyErr::value_error("__sizeof__() should return >= 0"));
    }
    let gc = if o.type_().flags.contains(TypeFlags::HAVE_GC) { 16 } else { 0 };
    Ok(new_int_i64(n as i64 + gc))
}

fn exc_info(_: Option<ObjectRef<'_>>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Ok(match crate::eval::current_exception() {
        Some(e) => {
            let tb = crate::types::traceback_obj::traceback_of(e.as_ref());
            new_tuple(vec![e.type_().as_object().to_owned(), e, tb])
        }
        None => new_tuple(vec![none(), none(), none()]),
    })
}

pub(crate) fn make_sys() -> Object {
    let m = new_module("sys");
    let d = as_dict(module_dict(m.as_ref()).expect("dict")).expect("dict");
    let argv = ARGV.with(|a| a.borrow().iter().map(|s| new_str(s)).collect());
    let _ = d.set_str("argv", new_list(argv));
    let warnoptions = WARNOPTIONS.with(|a| a.borrow().iter().map(|s| new_str(s)).collect());
    let _ = d.set_str("warnoptions", new_list(warnoptions));
    let xoptions = crate::types::dict::new_dict();
    if let Some(xd) = as_dict(xoptions.as_ref()) {
        for (name, value) in &crate::config::get().xoptions {
            let v = match value {
                Some(v) => new_str(v),
                None => crate::types::bool::py_bool(true),
            };
            let _ = xd.set_str(name, v);
        }
    }
    let _ = d.set_str("_xoptions", xoptions);
    let orig_argv = crate::config::get().orig_argv.iter().map(|s| new_str(s)).collect();
    let _ = d.set_str("orig_argv", new_list(orig_argv));
    let _ = d.set_str("maxsize", new_int_i64(isize::MAX as i64));
    // In the shape `platform` parses ("VERSION (BUILD) [COMPILER]"): `platform.python_version()`,
    // `python_build()` and `python_compiler()` read it.
    let version = concat!("3.14.0 (main) [Taipan ", env!("CARGO_PKG_VERSION"), " (Rust)]");
    let _ = d.set_str("version", new_str(version));
    // 3.14.0 final, as `sys.version_info` says: (major << 24) | (minor << 16) | (micro << 8) |
    // (release level 0xF << 4) | serial.
    let _ = d.set_str("hexversion", new_int_i64(0x030E_00F0));
    let _ = d.set_str("platform", new_str("linux"));
    let _ = d.set_str("abiflags", new_str(""));
    let _ = d.set_str("float_repr_style", new_str("short"));
    // The installation prefixes: the folder holding the stdlib's `Lib`.
    let prefix = crate::import::path::stdlib_dir()
        .and_then(|l| l.parent().map(|p| p.to_string_lossy().into_owned()))
        .unwrap_or_default();
    for name in ["prefix", "base_prefix", "exec_prefix", "base_exec_prefix"] {
        let _ = d.set_str(name, new_str(&prefix));
    }
    let _ = d.set_str("platlibdir", new_str("lib"));
    let _ = d.set_str("pycache_prefix", none());
    let _ = d.set_str("dont_write_bytecode", crate::types::bool::py_bool(true));
    let exe = std::env::current_exe().map(|p| p.to_string_lossy().into_owned()).unwrap_or_default();
    let _ = d.set_str("executable", new_str(&exe));
    let _ = d.set_str("_base_executable", new_str(&exe));
    let _ = d.set_str("byteorder", new_str("little"));
    crate::modules::io::stdio::install(d);
    let _ = d.set_str("maxunicode", new_int_i64(0x10FFFF));
    let _ = d.set_str(
        "copyright",
        new_str(
            "Copyright (c) 2001 Python Software Foundation.\nAll Rights Reserved.\n\n\
             Copyright (c) 2000 BeOpen.com.\nAll Rights Reserved.\n\n\
             Copyright (c) 1995-2001 Corporation for National Research Initiatives.\n\
             All Rights Reserved.\n\n\
             Copyright (c) 1991-1995 Stichting Mathematisch Centrum, Amsterdam.\n\
             All Rights Reserved.",
        ),
    );
    let fns: &[(&'static str, crate::types::function::NativeFn)] = &[
        ("excepthook", excepthook),
        ("displayhook", displayhook),
        ("unraisablehook", unraisablehook),
        ("audit", audit),
        ("addaudithook", addaudithook),
        ("getdefaultencoding", getdefaultencoding),
        ("getfilesystemencoding", getfilesystemencoding),
        ("getfilesystemencodeerrors", getfilesystemencodeerrors),
        ("getsizeof", getsizeof),
        ("_getframe", getframe),
        ("_getframemodulename", getframemodulename),
        ("get_asyncgen_hooks", crate::types::asyncgen::sys_get_asyncgen_hooks),
        ("set_asyncgen_hooks", crate::types::asyncgen::sys_set_asyncgen_hooks),
        ("get_int_max_str_digits", get_int_max_str_digits),
        ("set_int_max_str_digits", set_int_max_str_digits),
        ("exc_info", exc_info),
        ("exit", exit),
        ("getrecursionlimit", getrecursionlimit),
        ("gettrace", get_hook::<false>),
        ("getprofile", get_hook::<true>),
        ("is_finalizing", is_finalizing),
        ("setrecursionlimit", setrecursionlimit),
        ("exception", exception),
        ("setswitchinterval", crate::modules::thread::sys_setswitchinterval),
        ("getswitchinterval", crate::modules::thread::sys_getswitchinterval),
        ("intern", intern),
        ("_clear_type_descriptors", clear_type_descriptors),
        ("breakpointhook", crate::builtins::sys_hooks::breakpointhook),
        ("getrefcount", crate::builtins::sys_hooks::getrefcount),
    ];
    for &(n, f) in fns {
        let _ = d.set_str(n, new_builtin_function(n, f));
    }
    // The hook setters are marked as frame-reading built-ins: the loop makes a frame switch
    // after calling one, so that the frame that set a hook reports events from its next
    // instruction on (docs/vm.md, "Tracing").
    let hook_setters: [(
        &'static str,
        crate::types::function::NativeFn,
        crate::builtins::framefns::FrameFn,
    ); 4] = [
        ("settrace", set_hook::<false>, set_hook_in_frame::<false>),
        ("setprofile", set_hook::<true>, set_hook_in_frame::<true>),
        ("_settraceallthreads", set_hook::<false>, set_hook_in_frame::<false>),
        ("_setprofileallthreads", set_hook::<true>, set_hook_in_frame::<true>),
    ];
    for (n, native, framed) in hook_setters {
        let _ = d.set_str(n, crate::types::function::new_frame_builtin(n, native, framed));
    }
    // The originals are the same objects (`sys.__displayhook__ is sys.displayhook`).
    for (orig, name) in [
        ("__displayhook__", "displayhook"),
        ("__excepthook__", "excepthook"),
        ("__unraisablehook__", "unraisablehook"),
        ("__breakpointhook__", "breakpointhook"),
    ] {
        if let Ok(Some(f)) = d.get_str(name) {
            let _ = d.set_str(orig, f);
        }
    }
    set_struct_seqs(d);
    let _ = d.set_str("_jit", make_jit_module());
    let path0 = PATH0.with(|p| p.borrow().clone());
    let path = crate::import::path::initial_sys_path(path0);
    let _ = d.set_str("path", new_list(path.iter().map(|p| new_str(p)).collect()));
    let _ = d.set_str("meta_path", new_list(Vec::new()));
    let _ = d.set_str("path_hooks", new_list(Vec::new()));
    let _ = d.set_str("path_importer_cache", crate::types::dict::new_dict());
    let names = crate::import::registry::builtin_module_names();
    let _ =
        d.set_str("builtin_module_names", new_tuple(names.iter().map(|n| new_str(n)).collect()));
    let stdlib_names = crate::builtins::stdlib_names::STDLIB_MODULE_NAMES
        .iter()
        .map(|n| new_str(n))
        .collect::<Vec<_>>();
    if let Ok(fs) = crate::types::set::new_frozenset(stdlib_names) {
        let _ = d.set_str("stdlib_module_names", fs);
    }
    let modules = crate::types::dict::new_dict();
    let _ = as_dict(modules.as_ref()).expect("dict").set_str("sys", m.clone());
    let _ = d.set_str("modules", modules);
    m
}

/// `sys.version_info`, `sys.flags`, `sys.float_info`, `sys.int_info`, `sys.hash_info` and
/// `sys.thread_info`, as struct sequences.
fn set_struct_seqs(d: &crate::types::dict::DictPayload) {
    use crate::builtins::structseq::make_struct_seq;
    use crate::types::bool::py_bool as bool_obj;
    use crate::types::float::new_float;
    let int = |v: i64| new_int_i64(v);
    let seqs: Vec<(&str, &[&str], Vec<Object>, Vec<(&str, Object)>)> = vec![
        (
            "version_info",
            &["major", "minor", "micro", "releaselevel", "serial"],
            vec![int(3), int(14), int(0), new_str("final"), int(0)],
            vec![],
        ),
        (
            "flags",
            &[
                "debug",
                "inspect",
                "interactive",
                "optimize",
                "dont_write_bytecode",
                "no_user_site",
                "no_site",
                "ignore_environment",
                "verbose",
                "bytes_warning",
                "quiet",
                "hash_randomization",
                "isolated",
                "dev_mode",
                "utf8_mode",
                "warn_default_encoding",
                "safe_path",
                "int_max_str_digits",
            ],
            {
                let c = crate::config::get();
                let b = |v: bool| int(i64::from(v));
                let hash_seed_zero = !c.ignore_environment
                    && std::env::var("PYTHONHASHSEED").is_ok_and(|v| v.trim() == "0");
                vec![
                    int(i64::from(c.debug)),
                    b(c.inspect),
                    b(c.interactive),
                    int(i64::from(c.optimize)),
                    b(c.dont_write_bytecode),
                    b(c.no_user_site),
                    b(c.no_site),
                    b(c.ignore_environment),
                    int(i64::from(c.verbose)),
                    int(i64::from(c.bytes_warning)),
                    b(c.quiet),
                    b(!hash_seed_zero),
                    b(c.isolated),
                    bool_obj(c.dev_mode),
                    b(crate::config::utf8_mode()),
                    int(0),
                    bool_obj(c.safe_path),
                    int(4300),
                ]
            },
            vec![
                ("gil", int(1)),
                ("thread_inherit_context", int(0)),
                ("context_aware_warnings", int(0)),
            ],
        ),
        (
            "float_info",
            &[
                "max",
                "max_exp",
                "max_10_exp",
                "min",
                "min_exp",
                "min_10_exp",
                "dig",
                "mant_dig",
                "epsilon",
                "radix",
                "rounds",
            ],
            vec![
                new_float(f64::MAX),
                int(f64::MAX_EXP as i64),
                int(f64::MAX_10_EXP as i64),
                new_float(f64::MIN_POSITIVE),
                int(f64::MIN_EXP as i64),
                int(f64::MIN_10_EXP as i64),
                int(f64::DIGITS as i64),
                int(f64::MANTISSA_DIGITS as i64),
                new_float(f64::EPSILON),
                int(2),
                int(1),
            ],
            vec![],
        ),
        (
            "int_info",
            &[
                "bits_per_digit",
                "sizeof_digit",
                "default_max_str_digits",
                "str_digits_check_threshold",
            ],
            vec![int(30), int(4), int(4300), int(640)],
            vec![],
        ),
        (
            "hash_info",
            &[
                "width",
                "modulus",
                "inf",
                "nan",
                "imag",
                "algorithm",
                "hash_bits",
                "seed_bits",
                "cutoff",
            ],
            vec![
                int(64),
                int((1i64 << 61) - 1),
                int(314159),
                int(0),
                int(1000003),
                new_str("siphash13"),
                int(64),
                int(128),
                int(0),
            ],
            vec![],
        ),
        (
            "thread_info",
            &["name", "lock", "version"],
            vec![new_str("pthread"), new_str("semaphore"), none()],
            vec![],
        ),
    ];
    for (name, fields, values, hidden) in seqs {
        if let Ok(v) = make_struct_seq("sys", name, fields, values, &hidden) {
            let _ = d.set_str(name, v);
        }
    }
}
