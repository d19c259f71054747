//! The embedding API: running Python inside a Rust program.
//!
//! ```no_run
//! use taipan_vm::embed::{Interpreter, FromPy};
//!
//! let interp = Interpreter::new().expect("interpreter");
//! interp.run("def add(a, b):\n    return a + b\n").expect("run");
//! let add = interp.get("add").expect("add");
//! let sum = interp.call(&add, (2i64, 40i64)).expect("call");
//! assert_eq!(i64::from_py(sum.as_ref()).unwrap(), 42);
//! ```
//!
//! - [`Interpreter`]: the interpreter of the current thread with a `__main__` namespace: run
//!   source ([`Interpreter::run`]), evaluate an expression ([`Interpreter::eval`]), read and set
//!   globals, import modules, call Python callables with Rust values converted ([`ToPy`],
//!   [`ToPyArgs`]) and convert results back ([`FromPy`]).
//! - [`new_function`] turns a Rust closure into a Python callable; [`Interpreter::add_function`]
//!   binds one in `__main__`; [`register_module`] makes a Rust-built module importable
//!   (`import name` calls the builder, as for the VM's own native modules).
//! - [`Repl`]: the line-by-line core of an interactive prompt (`>>>` / `...`), as CPython's REPL
//!   behaves: expressions print their repr (and set `_`), statements run, a block ends at an
//!   empty line, errors print a traceback.
//!
//! Objects never leave the thread that made them (docs/vm.md, "Threads and the GIL"): every OS
//! thread is its own interpreter, so an [`Interpreter`] is neither `Send` nor `Sync`, and two
//! `Interpreter`s made on one thread share `sys`, `builtins` and `sys.modules`.

use std::marker::PhantomData;
use std::sync::Arc;

use taipan_compiler::{CompileOptions, compile_source};
use taipan_parser::Mode;

use crate::error::{PyErr, PyResult};
use crate::object::alloc::{dealloc_payload, new_object};
use crate::object::{Object, ObjectRef, PyPayload};
use crate::types::dict::as_dict;
use crate::types::module::{module_dict, new_module};
use crate::types::str::{Str, new_str};
use crate::types::typeobject::{CallFn, PyType, Slots, StaticType, TypeFlags, UnaryFn, slot};

/// The interpreter of the current thread, with its own `__main__` module.
pub struct Interpreter {
    main: Object,
    globals: Object,
    /// Objects are confined to their thread.
    _not_send: PhantomData<*const ()>,
}

impl Interpreter {
    /// Sets up `builtins`, `sys` (with `sys.path` holding the standard library when it is
    /// found) and the import system, and a fresh `__main__` module registered in `sys.modules`.
    pub fn new() -> PyResult<Interpreter> {
        // The calling thread runs Python code from now on.
        crate::gil::attach();
        if !crate::builtins::sys::path0_is_set() {
            crate::builtins::sys::set_path0(None);
        }
        let builtins = crate::builtins::builtins_module();
        crate::import::bootstrap::ensure_installed()?;
        let main = new_module("__main__");
        let globals = module_dict(main.as_ref()).expect("dict").to_owned();
        as_dict(globals.as_ref()).expect("dict").set_str("__builtins__", builtins)?;
        crate::builtins::sys::register_module("__main__", main.clone());
        Ok(Interpreter { main, globals, _not_send: PhantomData })
    }

    /// The `__main__` module.
    pub fn main_module(&self) -> &Object {
        &self.main
    }

    /// The `__main__` namespace (a dict).
    pub fn globals(&self) -> &Object {
        &self.globals
    }

    fn compile(&self, source: &str, filename: &str, mode: Mode) -> PyResult<Object> {
        let opts = CompileOptions { mode, ..CompileOptions::default() };
        let code = compile_source(source.as_bytes(), filename, &opts)
            .map_err(|e| crate::builtins::framefns::syntax_error(e, filename, source))?;
        crate::traceback::register_source(filename, source);
        crate::types::code::new_code(Arc::new(code))
    }

    fn exec(&self, code: Object) -> PyResult<Object> {
        crate::eval::run_code(
            code,
            self.globals.clone(),
            Some(self.globals.clone()),
            crate::builtins::builtins_dict(),
        )
    }

    /// Runs module source in `__main__` (tracebacks name it `<embedded>`).
    pub fn run(&self, source: &str) -> PyResult<()> {
        self.run_named(source, "<embedded>")
    }

    /// Runs module source in `__main__`, naming it `filename` in tracebacks.
    pub fn run_named(&self, source: &str, filename: &str) -> PyResult<()> {
        let code = self.compile(source, filename, Mode::Exec)?;
        self.exec(code).map(|_| ())
    }

    /// Evaluates one expression in `__main__`.
    pub fn eval(&self, expr: &str) -> PyResult<Object> {
        let code = self.compile(expr.trim_start_matches([' ', '\t']), "<embedded>", Mode::Eval)?;
        self.exec(code)
    }

    /// A global of `__main__`.
    pub fn get(&self, name: &str) -> Option<Object> {
        as_dict(self.globals.as_ref())?.get_str(name).ok().flatten()
    }

    /// Sets a global of `__main__` to a converted Rust value.
    pub fn set<T: ToPy>(&self, name: &str, value: T) -> PyResult<()> {
        as_dict(self.globals.as_ref()).expect("dict").set_str(name, value.to_py())
    }

    /// `import name` (the module itself, not its top-level package).
    pub fn import(&self, name: &str) -> PyResult<Object> {
        crate::import::import_module(name, None)
    }

    /// Calls a Python callable with converted Rust arguments.
    pub fn call<A: ToPyArgs>(&self, callable: &Object, args: A) -> PyResult<Object> {
        crate::ops::call(callable.as_ref(), &args.to_py_args(), None)
    }

    /// Calls `obj.name(*args)`.
    pub fn call_method<A: ToPyArgs>(&self, obj: &Object, name: &str, args: A) -> PyResult<Object> {
        let m = crate::attr::getattr(obj.as_ref(), crate::types::str::intern(name).as_ref())?;
        crate::ops::call(m.as_ref(), &args.to_py_args(), None)
    }

    /// Binds a Rust closure in `__main__` as a Python function named `name`.
    pub fn add_function(
        &self,
        name: &str,
        f: impl Fn(&[Object]) -> PyResult<Object> + 'static,
    ) -> PyResult<()> {
        let func = new_function(name, move |args, kw| {
            if kw
                .is_some_and(|k| crate::types::tuple::tuple_items(k).is_some_and(|t| !t.is_empty()))
            {
                return Err(PyErr::type_error("this function takes no keyword arguments"));
            }
            f(args)
        });
        as_dict(self.globals.as_ref()).expect("dict").set_str(name, func)
    }

    /// The traceback CPython would print for an exception that escaped.
    pub fn format_exception(&self, e: &PyErr) -> String {
        crate::traceback::format_exception(e.instance())
    }
}

// ---- Rust closures as Python callables ---------------------------------------------------------

type RustFn = Box<dyn Fn(&[Object], Option<ObjectRef<'_>>) -> PyResult<Object>>;

/// The payload of a Rust closure exposed to Python.
pub struct RustFunction {
    name: String,
    func: RustFn,
}

// SAFETY: objects of `RUST_FUNCTION_TYPE` are made only by `new_function` with this payload.
unsafe impl PyPayload for RustFunction {
    fn type_object() -> &'static PyType {
        &RUST_FUNCTION_TYPE.0
    }
}

/// # Safety
/// Called only by the deallocation path on a dead Rust function.
unsafe fn rust_function_dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: these objects carry a `RustFunction`.
    unsafe { dealloc_payload::<RustFunction>(obj) }
}

fn rust_function_call(
    o: ObjectRef<'_>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let f = o.payload::<RustFunction>().expect("rust function");
    (f.func)(args, kw)
}

fn rust_function_repr(o: ObjectRef<'_>) -> PyResult<Object> {
    let f = o.payload::<RustFunction>().expect("rust function");
    Ok(new_str(&format!("<built-in function {}>", f.name)))
}

fn rust_function_getattr(o: ObjectRef<'_>, name: ObjectRef<'_>) -> PyResult<Object> {
    let f = o.payload::<RustFunction>().expect("rust function");
    match Str::new(name).and_then(|s| s.as_str()) {
        Some("__name__" | "__qualname__") => Ok(new_str(&f.name)),
        Some("__doc__") => Ok(crate::types::singletons::none()),
        _ => crate::attr::generic_getattr(o, name),
    }
}

/// The type of Rust closures exposed to Python (repr `<built-in function name>`).
pub static RUST_FUNCTION_TYPE: StaticType = StaticType(PyType::new_static(
    "rust_function",
    Some(&crate::types::object::OBJECT_TYPE.0),
    std::mem::size_of::<RustFunction>(),
    0,
    TypeFlags(0),
    1080,
    rust_function_dealloc,
    None,
    Slots {
        call: slot(rust_function_call as CallFn),
        repr: slot(rust_function_repr as UnaryFn),
        getattr: slot(rust_function_getattr as crate::types::typeobject::GetAttrFn),
        ..crate::types::object::object_slots()
    },
));

/// A Python callable running `f` (positional arguments then keyword values, and the keyword
/// names, as the VM's vector calls pass them).
pub fn new_function(
    name: &str,
    f: impl Fn(&[Object], Option<ObjectRef<'_>>) -> PyResult<Object> + 'static,
) -> Object {
    new_object(&RUST_FUNCTION_TYPE.0, RustFunction { name: name.to_string(), func: Box::new(f) })
}

// ---- Rust modules ---------------------------------------------------------------------------------

/// Fills a module being made by [`register_module`]'s builder.
pub struct ModuleBuilder {
    module: Object,
}

impl ModuleBuilder {
    /// Sets the attribute `name` to a converted Rust value.
    pub fn add<T: ToPy>(&self, name: &str, value: T) -> PyResult<()> {
        let d = module_dict(self.module.as_ref()).and_then(as_dict).expect("dict");
        d.set_str(name, value.to_py())
    }

    /// Adds a function running the Rust closure `f` on the positional arguments.
    pub fn add_function(
        &self,
        name: &str,
        f: impl Fn(&[Object]) -> PyResult<Object> + 'static,
    ) -> PyResult<()> {
        let fname = name.to_string();
        let func = new_function(name, move |args, kw| {
            if kw
                .is_some_and(|k| crate::types::tuple::tuple_items(k).is_some_and(|t| !t.is_empty()))
            {
                return Err(PyErr::type_error(format!("{fname}() takes no keyword arguments")));
            }
            f(args)
        });
        let d = module_dict(self.module.as_ref()).and_then(as_dict).expect("dict");
        d.set_str(name, func)
    }

    /// The module object.
    pub fn module(&self) -> &Object {
        &self.module
    }
}

/// Makes a native module named `name` importable in this thread's interpreter: each
/// `import name` that does not find it in `sys.modules` calls `build` on a fresh module.
pub fn register_module(name: &str, build: impl Fn(&ModuleBuilder) -> PyResult<()> + 'static) {
    let n = name.to_string();
    crate::import::registry::register_module(name, move || {
        let b = ModuleBuilder { module: new_module(&n) };
        build(&b)?;
        Ok(b.module)
    });
}

// ---- conversions ----------------------------------------------------------------------------------

/// A Rust value that becomes a Python object.
pub trait ToPy {
    fn to_py(self) -> Object;
}

impl ToPy for Object {
    fn to_py(self) -> Object {
        self
    }
}

impl ToPy for &Object {
    fn to_py(self) -> Object {
        self.clone()
    }
}

impl ToPy for () {
    fn to_py(self) -> Object {
        crate::types::singletons::none()
    }
}

impl ToPy for bool {
    fn to_py(self) -> Object {
        crate::types::bool::py_bool(self)
    }
}

impl ToPy for i64 {
    fn to_py(self) -> Object {
        crate::types::int::new_int_i64(self)
    }
}

impl ToPy for i32 {
    fn to_py(self) -> Object {
        crate::types::int::new_int_i64(i64::from(self))
    }
}

impl ToPy for usize {
    fn to_py(self) -> Object {
        crate::types::int::new_int(dashu_int::IBig::from(self))
    }
}

impl ToPy for f64 {
    fn to_py(self) -> Object {
        crate::types::float::new_float(self)
    }
}

impl ToPy for &str {
    fn to_py(self) -> Object {
        new_str(self)
    }
}

impl ToPy for String {
    fn to_py(self) -> Object {
        new_str(&self)
    }
}

impl<T: ToPy> ToPy for Option<T> {
    fn to_py(self) -> Object {
        match self {
            Some(v) => v.to_py(),
            None => crate::types::singletons::none(),
        }
    }
}

impl<T: ToPy> ToPy for Vec<T> {
    fn to_py(self) -> Object {
        crate::types::list::new_list(self.into_iter().map(ToPy::to_py).collect())
    }
}

/// Arguments for a call: a tuple of [`ToPy`] values (up to four) or a `Vec<Object>`.
pub trait ToPyArgs {
    fn to_py_args(self) -> Vec<Object>;
}

impl ToPyArgs for Vec<Object> {
    fn to_py_args(self) -> Vec<Object> {
        self
    }
}

impl ToPyArgs for () {
    fn to_py_args(self) -> Vec<Object> {
        Vec::new()
    }
}

impl<A: ToPy> ToPyArgs for (A,) {
    fn to_py_args(self) -> Vec<Object> {
        vec![self.0.to_py()]
    }
}

impl<A: ToPy, B: ToPy> ToPyArgs for (A, B) {
    fn to_py_args(self) -> Vec<Object> {
        vec![self.0.to_py(), self.1.to_py()]
    }
}

impl<A: ToPy, B: ToPy, C: ToPy> ToPyArgs for (A, B, C) {
    fn to_py_args(self) -> Vec<Object> {
        vec![self.0.to_py(), self.1.to_py(), self.2.to_py()]
    }
}

impl<A: ToPy, B: ToPy, C: ToPy, D: ToPy> ToPyArgs for (A, B, C, D) {
    fn to_py_args(self) -> Vec<Object> {
        vec![self.0.to_py(), self.1.to_py(), self.2.to_py(), self.3.to_py()]
    }
}

/// A Rust value read from a Python object (a TypeError when the object does not fit).
pub trait FromPy: Sized {
    fn from_py(o: ObjectRef<'_>) -> PyResult<Self>;
}

fn wrong_type(expected: &str, o: ObjectRef<'_>) -> PyErr {
    PyErr::type_error(format!("expected {expected}, got {}", o.type_().name()))
}

impl FromPy for Object {
    fn from_py(o: ObjectRef<'_>) -> PyResult<Self> {
        Ok(o.to_owned())
    }
}

impl FromPy for i64 {
    fn from_py(o: ObjectRef<'_>) -> PyResult<Self> {
        let v = crate::types::int::int_value(o).ok_or_else(|| wrong_type("int", o))?;
        v.to_ibig()
            .as_ref()
            .try_into()
            .map_err(|_| PyErr::overflow_error("Python int too large to convert to i64"))
    }
}

impl FromPy for f64 {
    fn from_py(o: ObjectRef<'_>) -> PyResult<Self> {
        if let Some(f) = crate::types::float::float_value(o) {
            return Ok(f);
        }
        let i = i64::from_py(o).map_err(|_| wrong_type("float", o))?;
        Ok(i as f64)
    }
}

impl FromPy for bool {
    fn from_py(o: ObjectRef<'_>) -> PyResult<Self> {
        crate::ops::is_true(o)
    }
}

impl FromPy for String {
    fn from_py(o: ObjectRef<'_>) -> PyResult<Self> {
        Str::new(o).map(|s| s.to_string_lossy()).ok_or_else(|| wrong_type("str", o))
    }
}

impl<T: FromPy> FromPy for Option<T> {
    fn from_py(o: ObjectRef<'_>) -> PyResult<Self> {
        if crate::types::singletons::is_none(o) { Ok(None) } else { T::from_py(o).map(Some) }
    }
}

impl<T: FromPy> FromPy for Vec<T> {
    fn from_py(o: ObjectRef<'_>) -> PyResult<Self> {
        crate::eval::helpers::iterate(o)?.iter().map(|v| T::from_py(v.as_ref())).collect()
    }
}

// ---- the REPL core --------------------------------------------------------------------------------

/// What the REPL wants after a line.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ReplOutput {
    /// The prompt for the next line: `">>> "` or `"... "`.
    pub prompt: &'static str,
    /// What the line printed on standard output (print() and the repr of an expression).
    pub stdout: String,
    /// A traceback or syntax error report.
    pub stderr: String,
}

/// A line-by-line interactive prompt over an [`Interpreter`], as CPython's REPL: an expression
/// statement prints its repr (not for None) and sets `builtins._`; a line that opens a block,
/// or input the parser finds incomplete, continues with `...` until an empty line.
pub struct Repl {
    interp: Interpreter,
    lines: Vec<String>,
}

impl Repl {
    pub fn new(interp: Interpreter) -> Repl {
        Repl { interp, lines: Vec::new() }
    }

    pub fn interpreter(&self) -> &Interpreter {
        &self.interp
    }

    /// The prompt before any input.
    pub fn prompt(&self) -> &'static str {
        if self.lines.is_empty() { ">>> " } else { "... " }
    }

    /// Feeds one line (without its newline).
    pub fn feed(&mut self, line: &str) -> ReplOutput {
        if self.lines.is_empty() && line.trim().is_empty() {
            return ReplOutput { prompt: ">>> ", ..ReplOutput::default() };
        }
        self.lines.push(line.to_string());
        let source = self.lines.join("\n") + "\n";
        if crate::interact::needs_more(&self.lines) {
            return ReplOutput { prompt: "... ", ..ReplOutput::default() };
        }
        self.lines.clear();
        let mut out = ReplOutput { prompt: ">>> ", ..ReplOutput::default() };
        crate::builtins::sys::start_capture();
        let r = self.run_source(&source);
        out.stdout = crate::builtins::sys::take_capture();
        if let Err(e) = r {
            out.stderr = match e.instance().payload::<crate::types::exceptions::ExcPayload>() {
                Some(p) if p.report.borrow().is_some() => {
                    p.report.borrow().clone().unwrap_or_default()
                }
                _ => crate::traceback::format_exception(e.instance()),
            };
        }
        out
    }

    fn run_source(&self, source: &str) -> PyResult<()> {
        // An expression: evaluate it and show its repr.
        let opts = CompileOptions { mode: Mode::Eval, ..CompileOptions::default() };
        if let Ok(code) = compile_source(source.trim().as_bytes(), "<stdin>", &opts) {
            crate::traceback::register_source("<stdin>", source);
            let v = self.interp.exec(crate::types::code::new_code(Arc::new(code))?)?;
            if !crate::types::singletons::is_none(v.as_ref()) {
                let r = crate::ops::repr_string(v.as_ref())?;
                crate::builtins::sys::write_stdout(&format!("{r}\n"));
                let b = crate::builtins::builtins_dict();
                as_dict(b.as_ref()).expect("dict").set_str("_", v)?;
            }
            return Ok(());
        }
        self.interp.run_named(source, "<stdin>")
    }
}
