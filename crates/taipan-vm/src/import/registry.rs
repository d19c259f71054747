//! The built-in (native) modules: the ones compiled into the VM, found by name by
//! `BuiltinImporter`, and those an embedding program registers (`register_module`). Each
//! `create_builtin` makes a fresh module object, except `sys` and `builtins`, which exist once
//! per interpreter.

use std::cell::RefCell;
use std::rc::Rc;

use crate::error::PyResult;
use crate::object::Object;

/// Makes a native module (its attributes; the import system adds `__spec__` and friends).
pub type ModuleInit = fn() -> PyResult<Object>;

/// The modules built into the VM, sorted by name (`sys.builtin_module_names`).
const BUILTIN: &[(&str, ModuleInit)] = &[
    ("_abc", crate::modules::abc::make_module),
    ("_ast", crate::modules::ast::make_module),
    ("_bisect", crate::modules::bisect::make_module),
    ("_blake2", crate::modules::hashes::make_blake2),
    ("_bz2", crate::modules::bz2::make_module),
    ("_suggestions", crate::modules::suggestions::make_module),
    ("_codecs", crate::modules::codecs::make_module),
    ("_collections", crate::modules::collections::make_module),
    ("_contextvars", crate::modules::contextvars::make_module),
    ("_csv", crate::modules::csv::make_module),
    ("_datetime", crate::modules::datetime::make_module),
    ("_functools", crate::modules::functools::make_module),
    ("_heapq", crate::modules::heapq::make_module),
    ("_imp", || Ok(super::bootstrap::make_imp())),
    ("_io", crate::modules::io::make_module),
    ("_json", crate::modules::json::make_module),
    ("_lzma", crate::modules::lzma::make_module),
    ("_md5", crate::modules::hashes::make_md5),
    ("_opcode", crate::modules::opcode::make_module),
    ("_operator", crate::modules::operator::make_module),
    ("_posixsubprocess", crate::modules::posixsubprocess::make_module),
    ("_random", crate::modules::random::make_module),
    ("_sha1", crate::modules::hashes::make_sha1),
    ("_sha2", crate::modules::hashes::make_sha2),
    ("_sha3", crate::modules::hashes::make_sha3),
    ("_signal", crate::modules::signal::make_module),
    ("_socket", crate::modules::socket::make_module),
    ("_sqlite3", crate::modules::sqlite::make_module),
    ("_sre", crate::modules::sre::make_module),
    ("_string", crate::modules::string::make_module),
    ("_struct", crate::modules::struct_::make_module),
    ("_sysconfigdata__linux_x86_64-linux-gnu", crate::modules::sysconfigdata::make_module),
    ("_testinternalcapi", crate::modules::testinternalcapi::make_module),
    ("_testlimitedcapi", crate::modules::testlimitedcapi::make_module),
    ("_thread", crate::modules::thread::make_module),
    ("_tokenize", crate::modules::tokenize::make_module),
    ("_typing", crate::modules::typing::make_module),
    ("_warnings", crate::modules::warnings::make_module),
    ("_weakref", || Ok(crate::builtins::weakrefmod::make_weakref())),
    ("array", crate::modules::array::make_module),
    ("atexit", crate::modules::atexit::make_module),
    ("binascii", crate::modules::binascii::make_module),
    ("builtins", || Ok(crate::builtins::builtins_module())),
    ("cmath", crate::modules::cmath::make_module),
    ("errno", crate::modules::errno::make_module),
    ("faulthandler", crate::modules::faulthandler::make_module),
    ("fcntl", crate::modules::fcntl::make_module),
    ("gc", || Ok(crate::builtins::gcmod::make_gc())),
    ("grp", crate::modules::grp::make_module),
    ("itertools", crate::modules::itertools::make_module),
    ("marshal", crate::modules::marshal::make_module),
    ("math", || Ok(crate::builtins::mathmod::make_math())),
    ("posix", crate::modules::posix::make_module),
    ("pwd", crate::modules::pwd::make_module),
    ("pyexpat", crate::modules::pyexpat::make_module),
    ("resource", crate::modules::resource::make_module),
    ("select", crate::modules::select::make_module),
    ("sys", || Ok(crate::builtins::sys_module())),
    ("termios", crate::modules::termios::make_module),
    ("time", crate::modules::time::make_module),
    ("unicodedata", crate::modules::unicodedata::make_module),
    ("zlib", crate::modules::zlib::make_module),
];

type ExtraInit = Rc<dyn Fn() -> PyResult<Object>>;

/// Modules added by the embedding program, by name.
static EXTRA: crate::gil::GilCell<RefCell<Vec<(String, ExtraInit)>>> =
    crate::gil::GilCell::new(RefCell::new(Vec::new()));

/// Adds a native module named `name` to this interpreter: `import name` calls `init` to make it
/// (a later registration of the same name replaces the earlier one).
pub fn register_module(name: &str, init: impl Fn() -> PyResult<Object> + 'static) {
    EXTRA.with(|e| {
        let mut e = e.borrow_mut();
        e.retain(|(n, _)| n != name);
        e.push((name.to_string(), Rc::new(init)));
    });
}

fn extra(name: &str) -> Option<ExtraInit> {
    EXTRA.with(|e| e.borrow().iter().find(|(n, _)| n == name).map(|(_, f)| f.clone()))
}

/// Whether `name` is a built-in module.
pub fn is_builtin(name: &str) -> bool {
    extra(name).is_some() || BUILTIN.iter().any(|(n, _)| *n == name)
}

/// Makes the built-in module `name`.
pub fn create_builtin(name: &str) -> PyResult<Object> {
    let m = create_builtin_module(name)?;
    crate::types::function::claim_module_functions(m.as_ref());
    Ok(m)
}

fn create_builtin_module(name: &str) -> PyResult<Object> {
    if let Some(f) = extra(name) {
        return f();
    }
    match BUILTIN.iter().find(|(n, _)| *n == name) {
        Some((_, f)) => f(),
        None => Err(super::import_error(
            &crate::types::exceptions::IMPORT_ERROR,
            &format!("no built-in module named {name}"),
            Some(name),
            None,
        )),
    }
}

/// `sys.builtin_module_names`: every built-in module's name, sorted.
pub fn builtin_module_names() -> Vec<String> {
    let mut v: Vec<String> = BUILTIN.iter().map(|(n, _)| n.to_string()).collect();
    EXTRA.with(|e| v.extend(e.borrow().iter().map(|(n, _)| n.clone())));
    v.sort();
    v.dedup();
    v
}
