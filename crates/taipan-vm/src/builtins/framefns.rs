//! Built-ins that read the calling frame: `globals()`, `locals()`, `vars()`, `exec`, `eval`,
//! `compile` and zero-argument `super()`. The eval loop recognises these function objects at
//! `CALL` and passes them the caller's frame ([`FrameCtx`]); called from native code (say
//! through `map`) they have no frame and work only with explicit arguments.

use std::cell::RefCell;

use taipan_compiler::{CompileError, CompileOptions};
use taipan_parser::Mode;

use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::object::{Object, ObjectRef};
use crate::types::cell::as_cell;
use crate::types::code::{CodePayload, as_code};
use crate::types::dict::{DictPayload, as_dict, new_dict};
use crate::types::exceptions::{RUNTIME_ERROR, SYNTAX_ERROR};
use crate::types::function::new_builtin_function;
use crate::types::singletons::{is_none, none};
use crate::types::str::Str;

/// What a frame-reading built-in sees of its caller.
pub struct FrameCtx<'a> {
    pub globals: &'a Object,
    pub builtins: &'a Object,
    pub locals: Option<&'a Object>,
    pub code: &'a CodePayload,
    /// The caller's `localsplus` (locals, cells, free variables).
    pub fast: &'a [Option<Object>],
}

pub type FrameFn = fn(Option<&FrameCtx<'_>>, &[Object], Option<ObjectRef<'_>>) -> PyResult<Object>;

/// The frame-reading implementation behind a built-in function object, if it is one: a flag
/// of the function object itself (set when `fill` makes it), or zero-argument `super()`.
#[inline]
pub fn frame_fn(callable: ObjectRef<'_>) -> Option<FrameFn> {
    if let Some(b) = callable.payload::<crate::types::function::BuiltinFunction>() {
        return b.frame_fn();
    }
    callable.is(crate::types::superobj::SUPER_TYPE.0.as_object()).then_some(super_ as FrameFn)
}

fn no_frame(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let _ = (args, kw);
    Err(PyErr::new(&RUNTIME_ERROR, "this built-in needs a calling Python frame"))
}

macro_rules! via_native {
    ($name:ident, $imp:ident) => {
        fn $name(
            _: Option<ObjectRef<'_>>,
            args: &[Object],
            kw: Option<ObjectRef<'_>>,
        ) -> PyResult<Object> {
            $imp(None, args, kw)
        }
    };
}

via_native!(exec_native, exec);
via_native!(eval_native, eval);
via_native!(compile_native, compile);
via_native!(vars_native, vars);
via_native!(super_native, super_);

fn dir_native(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    crate::types::typeattrs::dir_builtin(None, args, kw)
}

/// The caller's local names and values, as `locals()` gives them.
pub fn locals_of(ctx: &FrameCtx<'_>) -> PyResult<Object> {
    locals(Some(ctx), &[], None)
}

pub(crate) fn fill(d: &DictPayload) {
    let fns: [(&'static str, FrameFn, crate::types::function::NativeFn); 7] = [
        ("dir", crate::types::typeattrs::dir_builtin, dir_native),
        ("globals", globals, no_frame),
        ("locals", locals, no_frame),
        ("vars", vars, vars_native),
        ("exec", exec, exec_native),
        ("eval", eval, eval_native),
        ("compile", compile, compile_native),
    ];
    for (name, f, native) in fns {
        let obj = crate::types::function::new_frame_builtin(name, native, f);
        let _ = d.set_str(name, obj);
    }
    // `super` is a type (a static, so never freed); a call to it from Python code still gets the
    // caller's frame (`frame_fn` knows it by identity).
    let sup = &crate::types::superobj::SUPER_TYPE.0;
    crate::eval::typecall::register_constructor(sup, super_native);
    let _ = d.set_str("super", sup.as_object().to_owned());
}

/// Whether `o` is the built-in `super` (`LOAD_SUPER_ATTR` takes its fast path only then).
pub(crate) fn is_builtin_super(o: ObjectRef<'_>) -> bool {
    o.is(crate::types::superobj::SUPER_TYPE.0.as_object())
}

const FRAME_LOCALS_SOURCE: &str = include_str!("py/framelocals.py");

/// The `FrameLocalsProxy` class, made on first use.
static PROXY_CLASS: crate::gil::GilCell<RefCell<Option<Object>>> =
    crate::gil::GilCell::new(RefCell::new(None));

/// `frame.f_locals` of a function frame: a `FrameLocalsProxy` (PEP 667) over the frame.
pub fn frame_locals_proxy(frame: ObjectRef<'_>) -> PyResult<Object> {
    let cls = match PROXY_CLASS.with(|c| c.borrow().clone()) {
        Some(c) => c,
        None => {
            let m = crate::types::module::new_module("_framelocals");
            let d = as_dict(crate::types::module::module_dict(m.as_ref()).expect("dict"))
                .expect("dict");
            let fns: [(&'static str, crate::types::function::NativeFn); 4] = [
                ("_fast_items", fast_items),
                ("_fast_set", fast_set),
                ("_is_fast", is_fast),
                ("_extra", extra),
            ];
            for (name, f) in fns {
                d.set_str(name, new_builtin_function(name, f))?;
            }
            let code = crate::import::path::compile_bytes(
                FRAME_LOCALS_SOURCE.as_bytes(),
                "<frozen framelocals>",
            )?;
            crate::import::path::exec_code_in_module(m.as_ref(), code)?;
            let c = d.get_str("FrameLocalsProxy")?.expect("FrameLocalsProxy");
            PROXY_CLASS.with(|p| *p.borrow_mut() = Some(c.clone()));
            c
        }
    };
    crate::ops::call(cls.as_ref(), &[frame.to_owned()], None)
}

fn running_arg(args: &[Object]) -> PyResult<&crate::types::traceback_obj::RunningFrame> {
    args.first()
        .and_then(|f| crate::types::traceback_obj::running_frame(f.as_ref()))
        .ok_or_else(|| PyErr::type_error("expected a frame of the running stack"))
}

/// The frame's variables as now (read from the live frame while it runs).
fn current_fast(r: &crate::types::traceback_obj::RunningFrame) -> Vec<Option<Object>> {
    let n = as_code(r.info.code.as_ref()).map_or(0, |c| c.nlocalsplus);
    if let Some(v) = crate::frame::read_fast(r.info.at, &r.info.code, n) {
        *r.fast.borrow_mut() = v;
    }
    r.fast.borrow().clone()
}

/// `[(name, value)]` of the frame's bound variables, cells read through.
fn fast_items(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    _: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let r = running_arg(args)?;
    let code = as_code(r.info.code.as_ref()).expect("code");
    let fast = current_fast(r);
    let kinds = &code.code.localspluskinds;
    let mut out = Vec::new();
    for (i, name) in code.localsplusnames.iter().enumerate() {
        if kinds[i] & taipan_bytecode::code::CO_FAST_HIDDEN != 0 {
            continue;
        }
        let Some(v) = fast.get(i).cloned().flatten() else { continue };
        let cellish = kinds[i]
            & (taipan_bytecode::code::CO_FAST_CELL | taipan_bytecode::code::CO_FAST_FREE)
            != 0;
        let v = if cellish {
            match as_cell(v.as_ref()) {
                Some(c) => match c.get() {
                    Some(x) => x,
                    None => continue,
                },
                None => v,
            }
        } else {
            v
        };
        out.push(crate::types::tuple::new_tuple(vec![name.clone(), v]));
    }
    Ok(crate::types::list::new_list(out))
}

fn fast_index(r: &crate::types::traceback_obj::RunningFrame, name: ObjectRef<'_>) -> Option<usize> {
    let code = as_code(r.info.code.as_ref())?;
    let s = Str::new(name)?;
    let kinds = &code.code.localspluskinds;
    code.localsplusnames.iter().enumerate().position(|(i, n)| {
        kinds[i] & taipan_bytecode::code::CO_FAST_HIDDEN == 0
            && Str::new(n.as_ref()).is_some_and(|n| n.content_eq(s))
    })
}

fn is_fast(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    _: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let r = running_arg(args)?;
    let key = args.get(1).ok_or_else(|| PyErr::type_error("_is_fast needs a name"))?;
    Ok(crate::types::bool::py_bool(fast_index(r, key.as_ref()).is_some()))
}

fn fast_set(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    _: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let r = running_arg(args)?;
    let (Some(key), Some(value)) = (args.get(1), args.get(2)) else {
        return Err(PyErr::type_error("_fast_set needs a name and a value"));
    };
    let Some(i) = fast_index(r, key.as_ref()) else {
        return Ok(crate::types::bool::py_bool(false));
    };
    let fast = current_fast(r);
    // A cell variable is written in its cell.
    if let Some(Some(c)) = fast.get(i)
        && let Some(cell) = as_cell(c.as_ref())
    {
        cell.set(Some(value.clone()));
        return Ok(crate::types::bool::py_bool(true));
    }
    if !crate::frame::write_fast(r.info.at, &r.info.code, i, Some(value.clone()))
        && let Some(slot) = r.fast.borrow_mut().get_mut(i)
    {
        *slot = Some(value.clone());
    }
    if let Some(slot) = r.fast.borrow_mut().get_mut(i) {
        *slot = Some(value.clone());
    }
    Ok(crate::types::bool::py_bool(true))
}

fn extra(_: Option<ObjectRef<'_>>, args: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Ok(running_arg(args)?.extra.clone())
}

fn globals(ctx: Option<&FrameCtx<'_>>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Ok(ctx.expect("frame").globals.clone())
}

/// `locals()`: the mapping of a module or class body, or a snapshot of a function's variables
/// (PEP 667).
fn locals(ctx: Option<&FrameCtx<'_>>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let ctx = ctx.expect("frame");
    if let Some(l) = ctx.locals {
        return Ok(l.clone());
    }
    let d = new_dict();
    let dd = as_dict(d.as_ref()).expect("dict");
    let kinds = &ctx.code.code.localspluskinds;
    for (i, name) in ctx.code.localsplusnames.iter().enumerate() {
        if kinds[i] & taipan_bytecode::code::CO_FAST_HIDDEN != 0 {
            continue;
        }
        let Some(v) = ctx.fast.get(i).cloned().flatten() else { continue };
        let is_cell = kinds[i]
            & (taipan_bytecode::code::CO_FAST_CELL | taipan_bytecode::code::CO_FAST_FREE)
            != 0;
        let v = if is_cell {
            match as_cell(v.as_ref()).and_then(|c| c.get()) {
                Some(x) => x,
                None => continue,
            }
        } else {
            v
        };
        dd.set_item(name.clone(), v)?;
    }
    Ok(d)
}

fn vars(
    ctx: Option<&FrameCtx<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.count("vars", 0, 1)?;
    match args.first() {
        None => match ctx {
            Some(_) => locals(ctx, &[], None),
            None => Err(PyErr::new(&RUNTIME_ERROR, "vars() needs a calling frame")),
        },
        Some(o) => crate::attr::getattr(o.as_ref(), crate::types::str::intern("__dict__").as_ref())
            .map_err(|_| PyErr::type_error("vars() argument must have __dict__ attribute")),
    }
}

pub(crate) fn syntax_error(e: CompileError, filename: &str, source: &str) -> PyErr {
    use crate::types::exceptions as ex;
    use crate::types::int::new_int_i64;
    if let CompileError::Syntax(mut s) = e {
        if s.text.is_none() {
            s.text = s
                .lineno
                .and_then(|l| source.lines().nth((l as usize).wrapping_sub(1)))
                .map(|l| format!("{l}\n"));
        }
        let ty: &'static crate::types::typeobject::StaticType = match s.kind {
            taipan_parser::SyntaxErrorKind::IndentationError => &ex::INDENTATION_ERROR,
            taipan_parser::SyntaxErrorKind::TabError => &ex::TAB_ERROR,
            taipan_parser::SyntaxErrorKind::MemoryError => {
                return PyErr::new(&ex::MEMORY_ERROR, s.msg.clone());
            }
            taipan_parser::SyntaxErrorKind::SyntaxError => &ex::SYNTAX_ERROR,
        };
        let opt = |v: Option<i32>| {
            v.map_or_else(crate::types::singletons::none, |n| new_int_i64(n as i64))
        };
        let text = s
            .text
            .as_deref()
            .map_or_else(crate::types::singletons::none, crate::types::str::new_str);
        let details = crate::types::tuple::new_tuple(vec![
            crate::types::str::new_str(filename),
            opt(s.lineno),
            opt(s.offset),
            text.clone(),
            opt(s.end_lineno),
            opt(s.end_offset),
        ]);
        let args =
            crate::types::tuple::new_tuple(vec![crate::types::str::new_str(&s.msg), details]);
        let inst = ex::new_exception(&ty.0, args);
        let p = inst.payload::<ex::ExcPayload>().expect("exception");
        *p.report.borrow_mut() = Some(s.report(filename));
        if let Some(d) = crate::types::instance::instance_dict(inst.as_ref()) {
            let d = as_dict(d.as_ref()).expect("dict");
            let _ = d.set_str("msg", crate::types::str::new_str(&s.msg));
            let _ = d.set_str("filename", crate::types::str::new_str(filename));
            let _ = d.set_str("lineno", opt(s.lineno));
            let _ = d.set_str("offset", opt(s.offset));
            let _ = d.set_str("text", text);
            let _ = d.set_str("end_lineno", opt(s.end_lineno));
            let _ = d.set_str("end_offset", opt(s.end_offset));
        }
        return PyErr::from_instance(inst);
    }
    match e {
        CompileError::Syntax(s) => PyErr::new(
            &SYNTAX_ERROR,
            format!(
                "{} (<string>, line {})",
                s.msg,
                s.lineno.map_or_else(|| "?".to_string(), |l| l.to_string())
            ),
        ),
        CompileError::Recursion => {
            PyErr::recursion_error("maximum recursion depth exceeded during compilation")
        }
    }
}

fn compile_text(src: ObjectRef<'_>, filename: &str, mode: Mode) -> PyResult<Object> {
    compile_text_with(
        src,
        filename,
        CompileOptions { mode, optimize: crate::config::optimize(), ..CompileOptions::default() },
        true,
    )
}

/// The text of a `str` or bytes-like source argument.
fn source_text(src: ObjectRef<'_>) -> PyResult<String> {
    Ok(match Str::new(src) {
        Some(s) => s.to_string_lossy(),
        None => match crate::types::bytes::bytes_data(src) {
            Some(b) => String::from_utf8_lossy(b).into_owned(),
            None => {
                return Err(PyErr::type_error(
                    "compile() arg 1 must be a string, bytes or AST object",
                ));
            }
        },
    })
}

/// `strip`: drop leading spaces and tabs of an `eval` source, as `eval()`/`exec()` do (not
/// `compile()`).
fn compile_text_with(
    src: ObjectRef<'_>,
    filename: &str,
    opts: CompileOptions,
    strip: bool,
) -> PyResult<Object> {
    if as_code(src).is_some() {
        return Ok(src.to_owned());
    }
    let mode = opts.mode;
    let text = source_text(src)?;
    let text = if strip && mode == Mode::Eval {
        text.trim_start_matches([' ', '\t']).to_string()
    } else {
        text
    };
    let (code, warnings) =
        taipan_compiler::compile_source_with_warnings(text.as_bytes(), filename, &opts);
    let code = code.map_err(|e| syntax_error(e, filename, &text))?;
    for w in warnings {
        crate::modules::warnings::warn_explicit(
            &crate::types::exceptions::SYNTAX_WARNING,
            &w.msg,
            filename,
            w.lineno as i64,
        )?;
    }
    crate::types::code::new_code(std::sync::Arc::new(code))
}

fn run_in(
    ctx: Option<&FrameCtx<'_>>,
    name: &str,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
    mode: Mode,
) -> PyResult<Object> {
    let mut a = Args::new(args, kw);
    let g_kw = a.take_kw("globals");
    let l_kw = a.take_kw("locals");
    let closure = if mode == Mode::Exec { a.take_kw("closure") } else { None };
    a.no_kw(name)?;
    a.count(name, 1, 3)?;
    for (i, (kw_name, given)) in [("globals", g_kw), ("locals", l_kw)].into_iter().enumerate() {
        if given.is_some() && a.pos.len() > i + 1 {
            return Err(PyErr::type_error(format!(
                "argument for {name}() given by name ('{kw_name}') and position ({})",
                i + 2
            )));
        }
    }
    let args = a.pos;
    let g = args.get(1).or(g_kw).filter(|g| !is_none(g.as_ref())).cloned();
    let l = args.get(2).or(l_kw).filter(|l| !is_none(l.as_ref())).cloned();
    let closure = closure.filter(|c| !is_none(c.as_ref())).cloned();
    let (globals, locals) = match (g, ctx) {
        (Some(g), _) => {
            if as_dict(g.as_ref()).is_none() {
                return Err(PyErr::type_error(format!(
                    "{name}() globals must be a dict, not {}",
                    g.type_().name()
                )));
            }
            let l = l.unwrap_or_else(|| g.clone());
            (g, l)
        }
        (None, Some(c)) => {
            let l = match l {
                Some(l) => l,
                None => locals(Some(c), &[], None)?,
            };
            (c.globals.clone(), l)
        }
        (None, None) => {
            return Err(PyErr::new(&RUNTIME_ERROR, format!("{name}() needs globals here")));
        }
    };
    let gd = as_dict(globals.as_ref()).expect("dict");
    if gd.get_str("__builtins__")?.is_none() {
        gd.set_str("__builtins__", crate::builtins::builtins_module())?;
    }
    let src = args[0].as_ref();
    if as_code(src).is_none()
        && Str::new(src).is_none()
        && crate::types::bytes::bytes_data(src).is_none()
    {
        return Err(PyErr::type_error(format!(
            "{name}() arg 1 must be a string, bytes or code object"
        )));
    }
    if closure.is_some() && as_code(src).is_none() {
        return Err(PyErr::type_error("closure can only be used when source is a code object"));
    }
    let code = compile_text(src, "<string>", mode)?;
    let builtins = crate::builtins::builtins_dict();
    let nfree = as_code(code.as_ref()).map_or(0, |c| c.code.freevars().len());
    if nfree > 0 {
        if mode == Mode::Eval {
            return Err(PyErr::type_error(
                "code object passed to eval() may not contain free variables",
            ));
        }
        // A closure of exactly `nfree` cells: the code runs as the body of a function holding it
        // (its frame needs the cells, which only a function carries).
        let cells_ok = closure.as_ref().is_some_and(|c| {
            crate::types::tuple::tuple_items(c.as_ref()).is_some_and(|items| {
                items.len() == nfree
                    && items.iter().all(|i| crate::types::cell::as_cell(i.as_ref()).is_some())
            })
        });
        if !cells_ok {
            return Err(PyErr::type_error(format!(
                "code object requires a closure of exactly length {nfree}"
            )));
        }
        let f = crate::types::pyfunction::new_function(code, globals, builtins);
        let fp = crate::types::pyfunction::as_function(f.as_ref()).expect("function");
        *fp.closure.borrow_mut() = closure;
        return crate::ops::call(f.as_ref(), &[], None);
    }
    if closure.is_some() {
        return Err(PyErr::type_error("cannot use a closure with this code object"));
    }
    crate::eval::run_code(code, globals, Some(locals), builtins)
}

fn exec(
    ctx: Option<&FrameCtx<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    run_in(ctx, "exec", args, kw, Mode::Exec)?;
    Ok(none())
}

fn eval(
    ctx: Option<&FrameCtx<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    run_in(ctx, "eval", args, kw, Mode::Eval)
}

/// `compile()`'s `PyCF_*` flags (`ast.PyCF_ONLY_AST`, ...).
const PYCF_ONLY_AST: i64 = 0x400;
const PYCF_TYPE_COMMENTS: i64 = 0x1000;
const PYCF_OPTIMIZED_AST: i64 = 0x8000 | PYCF_ONLY_AST;

fn int_arg(v: Option<&Object>, default: i64) -> PyResult<i64> {
    match v {
        None => Ok(default),
        Some(v) => match crate::types::int::int_value(v.as_ref()) {
            Some(i) => i64::try_from(&*i.to_ibig())
                .map_err(|_| PyErr::overflow_error("Python int too large to convert to C int")),
            None => Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                v.type_().name()
            ))),
        },
    }
}

/// `compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1,
/// *, _feature_version=-1)`: source text or an `ast` tree to a code object, or (with
/// `PyCF_ONLY_AST`) to an `ast` tree.
fn compile(
    _: Option<&FrameCtx<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let mut a = Args::new(args, kw);
    let feature = a.take_kw("_feature_version").cloned();
    let v =
        a.bind("compile", &["source", "filename", "mode", "flags", "dont_inherit", "optimize"], 3)?;
    let source = v[0].expect("required");
    let filename = match v[1].map(|f| f.as_ref()) {
        Some(f) if Str::new(f).is_some() => Str::new(f).map(|s| s.to_string_lossy()).unwrap(),
        Some(f) if crate::types::bytes::bytes_data(f).is_some() => {
            String::from_utf8_lossy(crate::types::bytes::bytes_data(f).unwrap()).into_owned()
        }
        Some(f) => crate::ops::str_string(f)?,
        None => String::new(),
    };
    let flags = int_arg(v[3], 0)?;
    let optimize = int_arg(v[5], -1)?;
    let feature_version = int_arg(feature.as_ref(), -1)?;
    let only_ast = flags & PYCF_ONLY_AST != 0;
    let mode = match v[2].and_then(|m| Str::new(m.as_ref())).and_then(|s| s.as_str()) {
        Some("exec") => Mode::Exec,
        Some("eval") => Mode::Eval,
        Some("single") => Mode::Single,
        Some("func_type") if only_ast => Mode::FuncType,
        Some("func_type") => {
            return Err(PyErr::value_error(
                "compile() mode 'func_type' requires flag PyCF_ONLY_AST",
            ));
        }
        _ if only_ast => {
            return Err(PyErr::value_error(
                "compile() mode must be 'exec', 'eval', 'single' or 'func_type'",
            ));
        }
        _ => {
            return Err(PyErr::value_error("compile() mode must be 'exec', 'eval' or 'single'"));
        }
    };
    if !(-1..=2).contains(&optimize) {
        return Err(PyErr::value_error("compile(): invalid optimize value"));
    }
    let cflags = (flags as u32)
        & (taipan_compiler::compile::PYCF_MASK
            | taipan_compiler::compile::PYCF_ALLOW_TOP_LEVEL_AWAIT);
    // `-1`: the interpreter's level (`-O`).
    let optimize = if optimize < 0 { crate::config::optimize() } else { optimize as i32 };
    let opts = CompileOptions { mode, optimize, flags: cflags };
    if crate::modules::ast::is_ast_object(source.as_ref())? {
        if only_ast {
            // CPython checks the tree and hands back a new one (optimised if asked).
            let mut tree = crate::modules::ast::object_to_mod(source.as_ref(), mode)?;
            if flags & PYCF_OPTIMIZED_AST == PYCF_OPTIMIZED_AST {
                taipan_compiler::preprocess::preprocess(&mut tree, optimize.max(0) as i32)
                    .map_err(|e| syntax_error(e, &filename, ""))?;
            }
            return crate::modules::ast::mod_to_object(&tree);
        }
        let tree = crate::modules::ast::object_to_mod(source.as_ref(), mode)?;
        let (code, warnings) = taipan_compiler::compile_with_warnings(&tree, &filename, &opts);
        let code = code.map_err(|e| syntax_error(e, &filename, ""))?;
        for w in warnings {
            crate::modules::warnings::warn_explicit(
                &crate::types::exceptions::SYNTAX_WARNING,
                &w.msg,
                &filename,
                w.lineno as i64,
            )?;
        }
        return crate::types::code::new_code(std::sync::Arc::new(code));
    }
    if !only_ast {
        return compile_text_with(source.as_ref(), &filename, opts, false);
    }
    if as_code(source.as_ref()).is_some() {
        return Err(PyErr::type_error("compile() arg 1 must be a string, bytes or AST object"));
    }
    let popts = taipan_parser::ParseOptions {
        mode,
        type_comments: flags & PYCF_TYPE_COMMENTS != 0,
        feature_version: if feature_version < 0 { None } else { Some(feature_version as u8) },
    };
    // A str is already text (an encoding declaration in it is not acted on); bytes are decoded
    // as a source file is.
    let (parsed, parse_warnings, text) = match Str::new(source.as_ref()) {
        Some(s) => {
            let text = s.to_string_lossy();
            if text.contains('\0') {
                return Err(PyErr::new(
                    &SYNTAX_ERROR,
                    "source code string cannot contain null bytes",
                ));
            }
            let normal = taipan_parser::tokenizer::normalize_newlines(&text);
            let (parsed, warnings) = taipan_parser::parser::parse_with_warnings(&normal, &popts);
            (parsed, warnings, text)
        }
        None => {
            let Some(b) = crate::types::bytes::bytes_data(source.as_ref()) else {
                return Err(PyErr::type_error(
                    "compile() arg 1 must be a string, bytes or AST object",
                ));
            };
            if b.contains(&0) {
                return Err(PyErr::new(
                    &SYNTAX_ERROR,
                    "source code string cannot contain null bytes",
                ));
            }
            let (parsed, warnings) = taipan_parser::parse_bytes_with_warnings(b, &popts);
            (parsed, warnings, String::from_utf8_lossy(b).into_owned())
        }
    };
    for w in parse_warnings {
        crate::modules::warnings::warn_explicit(
            &crate::types::exceptions::SYNTAX_WARNING,
            &w.msg,
            &filename,
            w.lineno as i64,
        )?;
    }
    let mut tree = parsed.map_err(|e| syntax_error(e.into(), &filename, &text))?;
    if flags & PYCF_OPTIMIZED_AST == PYCF_OPTIMIZED_AST {
        taipan_compiler::preprocess::preprocess(&mut tree, optimize.max(0) as i32)
            .map_err(|e| syntax_error(e, &filename, &text))?;
    }
    crate::modules::ast::mod_to_object(&tree)
}

/// `super()` / `super(cls, obj)`.
fn super_(
    ctx: Option<&FrameCtx<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.count("super", 0, 2)?;
    let (cls, obj) = match args {
        [c, o] => (c.clone(), Some(o.clone())),
        [c] => (c.clone(), None),
        [] => {
            let ctx = ctx.ok_or_else(|| PyErr::new(&RUNTIME_ERROR, "super(): no arguments"))?;
            if ctx.code.code.argcount == 0 {
                return Err(PyErr::new(&RUNTIME_ERROR, "super(): no arguments"));
            }
            let names = &ctx.code.localsplusnames;
            let class_slot = names
                .iter()
                .position(|n| Str::new(n.as_ref()).and_then(|s| s.as_str()) == Some("__class__"))
                .ok_or_else(|| PyErr::new(&RUNTIME_ERROR, "super(): __class__ cell not found"))?;
            let cls = ctx.fast[class_slot]
                .as_ref()
                .and_then(|c| as_cell(c.as_ref()))
                .and_then(|c| c.get())
                .ok_or_else(|| PyErr::new(&RUNTIME_ERROR, "super(): empty __class__ cell"))?;
            if ctx.code.code.argcount == 0 {
                return Err(PyErr::new(&RUNTIME_ERROR, "super(): no arguments"));
            }
            let first = ctx.fast[0]
                .clone()
                .ok_or_else(|| PyErr::new(&RUNTIME_ERROR, "super(): arg[0] deleted"))?;
            let first = match as_cell(first.as_ref()) {
                Some(c)
                    if ctx.code.code.localspluskinds[0] & taipan_bytecode::code::CO_FAST_CELL
                        != 0 =>
                {
                    c.get().ok_or_else(|| PyErr::new(&RUNTIME_ERROR, "super(): arg[0] deleted"))?
                }
                _ => first,
            };
            (cls, Some(first))
        }
        _ => return Err(PyErr::type_error("super() takes 0 or 2 arguments")),
    };
    crate::types::superobj::new_super(cls, obj)
}
