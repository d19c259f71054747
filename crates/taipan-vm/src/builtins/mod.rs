//! The `builtins` and `sys` modules: the built-in functions, constructors for the built-in
//! types, and the methods of the built-in types that programs use most.
//!
//! - [`args`]: splitting vector-call arguments into positional and keyword ones.
//! - [`functions`]: `print`, `len`, `isinstance`, `sorted`, `min`, ... and `__build_class__`.
//! - [`constructors`]: `int(...)`, `str(...)`, `list(...)`, ... registered as type calls.
//! - [`methods`]: `list.append`, `dict.get`, `str.join`, ... registered in the types' dicts.
//! - [`sys`]: the `sys` module and its standard streams.

pub mod args;
pub mod bytesmethods;
pub mod codecs;
pub mod constructors;
pub mod framefns;
pub mod functions;
pub mod gcmod;
pub mod inputfn;
pub mod mathmod;
pub mod methods;
pub mod nummethods;
pub mod strcase;
pub mod strformat;
pub mod strmethods;
pub mod strsearch;
pub mod structseq;
pub mod sys;
pub mod weakrefmod;

use std::cell::RefCell;

use crate::object::Object;
use crate::types::dict::as_dict;
use crate::types::module::{module_dict, new_module};

thread_local! {
    static BUILTINS: RefCell<Option<Object>> = const { RefCell::new(None) };
    static SYS: RefCell<Option<Object>> = const { RefCell::new(None) };
}

/// The `builtins` module of this thread's interpreter, made on first use.
pub fn builtins_module() -> Object {
    if let Some(m) = BUILTINS.with(|b| b.borrow().clone()) {
        return m;
    }
    methods::register_all();
    constructors::register_all();
    weakrefmod::register_constructor();
    let m = new_module("builtins");
    let d = as_dict(module_dict(m.as_ref()).expect("dict")).expect("dict");
    functions::fill(d);
    framefns::fill(d);
    constructors::fill(d);
    BUILTINS.with(|b| *b.borrow_mut() = Some(m.clone()));
    // The built-in types' dicts, in CPython's shape, once every method is registered.
    crate::types::surface::complete();
    m
}

/// The `builtins` module's dict.
pub fn builtins_dict() -> Object {
    module_dict(builtins_module().as_ref()).expect("dict").to_owned()
}

/// The `sys` module, made on first use.
pub fn sys_module() -> Object {
    if let Some(m) = SYS.with(|b| b.borrow().clone()) {
        return m;
    }
    let m = sys::make_sys();
    SYS.with(|b| *b.borrow_mut() = Some(m.clone()));
    m
}

/// A built-in module by name, made as `import` makes it (see `import::registry`).
pub fn builtin_module(name: &str) -> Option<Object> {
    crate::import::registry::create_builtin(name).ok()
}
