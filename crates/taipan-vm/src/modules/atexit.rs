//! The `atexit` module: functions registered to run when the interpreter exits, last
//! registered first, after the main program (and its traceback, if it failed) and before
//! finalisation. An exception a callback raises (`SystemExit` too) is printed as CPython's
//! "Exception ignored in atexit callback" report and the next callback runs. The entry points
//! (`run.rs`) call [`run_exitfuncs`].

use std::cell::RefCell;

use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::object::{Object, ObjectRef};
use crate::types::dict::as_dict;
use crate::types::function::{NativeFn, new_builtin_function};
use crate::types::int::new_int_i64;
use crate::types::module::{module_dict, new_module};
use crate::types::singletons::none;
use crate::types::str::new_str;
use crate::types::typeobject::CompareOp;

type S<'a> = Option<ObjectRef<'a>>;

/// One registration: the function, its arguments (keyword values last) and keyword names.
struct Callback {
    func: Object,
    args: Vec<Object>,
    kwnames: Option<Object>,
}

static CALLBACKS: crate::gil::GilCell<RefCell<Vec<Callback>>> =
    crate::gil::GilCell::new(RefCell::new(Vec::new()));

fn register(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    let Some(func) = a.pos.first() else {
        return Err(PyErr::type_error("register() takes at least 1 argument (0 given)"));
    };
    if func.type_().slots.call.get().is_none() {
        return Err(PyErr::type_error("the first argument must be callable"));
    }
    let cb = Callback {
        func: func.clone(),
        args: args[1..].to_vec(),
        kwnames: kw.filter(|_| !a.kw.is_empty()).map(|k| k.to_owned()),
    };
    CALLBACKS.with(|c| c.borrow_mut().push(cb));
    Ok(func.clone())
}

fn unregister(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("unregister")?;
    if a.pos.len() != 1 {
        return Err(PyErr::type_error(format!(
            "atexit.unregister() takes exactly one argument ({} given)",
            a.pos.len()
        )));
    }
    let func = &a.pos[0];
    // Compare outside the borrow: `==` may run Python code (which may register or unregister).
    let funcs: Vec<Object> =
        CALLBACKS.with(|c| c.borrow().iter().map(|cb| cb.func.clone()).collect());
    let mut drop_idx = Vec::new();
    for (i, f) in funcs.iter().enumerate() {
        if crate::ops::rich_compare_bool(f.as_ref(), func.as_ref(), CompareOp::Eq)? {
            drop_idx.push(i);
        }
    }
    CALLBACKS.with(|c| {
        let mut c = c.borrow_mut();
        for &i in drop_idx.iter().rev() {
            if i < c.len() && funcs.get(i).is_some_and(|f| f.is(&c[i].func)) {
                c.remove(i);
            }
        }
    });
    Ok(none())
}

/// Runs the registered callbacks, last first, and forgets them; a failing one is reported.
pub fn run_exitfuncs() {
    loop {
        let Some(cb) = CALLBACKS.with(|c| c.borrow_mut().pop()) else { break };
        let r =
            crate::ops::call(cb.func.as_ref(), &cb.args, cb.kwnames.as_ref().map(|k| k.as_ref()));
        if let Err(e) = r {
            crate::gc::write_unraisable(
                e,
                "Exception ignored in atexit callback",
                Some(cb.func.as_ref()),
            );
        }
    }
}

fn run_exitfuncs_fn(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    Args::new(args, kw).count("_run_exitfuncs", 0, 0)?;
    run_exitfuncs();
    Ok(none())
}

fn clear(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    Args::new(args, kw).count("_clear", 0, 0)?;
    let old = CALLBACKS.with(|c| std::mem::take(&mut *c.borrow_mut()));
    drop(old);
    Ok(none())
}

fn ncallbacks(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    Args::new(args, kw).count("_ncallbacks", 0, 0)?;
    Ok(new_int_i64(CALLBACKS.with(|c| c.borrow().len()) as i64))
}

/// Makes the `atexit` module.
pub fn make_module() -> PyResult<Object> {
    let m = new_module("atexit");
    let d = as_dict(module_dict(m.as_ref()).expect("dict")).expect("dict");
    d.set_str(
        "__doc__",
        new_str("allow programmer to define multiple exit functions to be executed\nupon normal program termination.\n\nTwo public functions, register and unregister, are defined.\n"),
    )?;
    let fns: [(&'static str, NativeFn); 5] = [
        ("register", register),
        ("unregister", unregister),
        ("_run_exitfuncs", run_exitfuncs_fn),
        ("_clear", clear),
        ("_ncallbacks", ncallbacks),
    ];
    for (name, f) in fns {
        d.set_str(name, new_builtin_function(name, f))?;
    }
    Ok(m)
}
