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
pub mod isinstance;
pub mod mathmod;
pub mod methods;
pub mod nummethods;
pub mod sort;
pub mod stdlib_names;
pub mod strcase;
pub mod strformat;
pub mod strmethods;
pub mod strsearch;
pub mod structseq;
pub mod sys;
pub mod sys_hooks;
pub mod weakrefmod;

use std::cell::RefCell;

use crate::object::Object;
use crate::types::dict::as_dict;
use crate::types::module::{module_dict, new_module};

static BUILTINS: crate::gil::GilCell<RefCell<Option<Object>>> =
    crate::gil::GilCell::new(RefCell::new(None));
static SYS: crate::gil::GilCell<RefCell<Option<Object>>> =
    crate::gil::GilCell::new(RefCell::new(None));

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
    crate::types::function::claim_module_functions(m.as_ref());
    SYS.with(|b| *b.borrow_mut() = Some(m.clone()));
    m
}

/// What CPython's `site` adds to `builtins` at start-up: `exit`/`quit` (`Quitter`), `help`
/// (`_Helper`), `copyright`, `credits` and `license` (`_Printer`), from the stdlib's
/// `_sitebuiltins`. Done for a program run as `__main__`; without the stdlib the native
/// `exit`/`quit` stay.
pub fn install_site_builtins() -> crate::error::PyResult<()> {
    use crate::types::str::new_str;
    let sb = crate::import::import_module("_sitebuiltins", None)?;
    let get = |n: &str| crate::attr::getattr(sb.as_ref(), crate::types::str::intern(n).as_ref());
    let (quitter, helper) = (get("Quitter")?, get("_Helper")?);
    let d = builtins_dict();
    let d = crate::types::dict::as_dict(d.as_ref()).expect("dict");
    let call = |f: &Object, args: Vec<Object>| crate::ops::call(f.as_ref(), &args, None);
    let eof = new_str("Ctrl-D (i.e. EOF)");
    d.set_str("quit", call(&quitter, vec![new_str("quit"), eof.clone()])?)?;
    d.set_str("exit", call(&quitter, vec![new_str("exit"), eof])?)?;
    // `_Printer(name, data, files, dirs)`, its fields set here: its `__init__` imports `os`
    // only to join the file names, too slow for every start-up without cached bytecode.
    let printer = get("_Printer")?;
    let new_printer =
        |name: &str, data: Object, files: Vec<String>| -> crate::error::PyResult<Object> {
            let o = crate::ops::call(
                crate::attr::getattr(
                    crate::types::object::OBJECT_TYPE.0.as_object(),
                    crate::types::str::intern("__new__").as_ref(),
                )?
                .as_ref(),
                &[printer.clone()],
                None,
            )?;
            let set = |k: &str, v: Object| {
                crate::attr::setattr(o.as_ref(), new_str(k).as_ref(), Some(v.as_ref()))
            };
            set("_Printer__name", new_str(name))?;
            set("_Printer__data", data)?;
            set("_Printer__lines", crate::types::singletons::none())?;
            set(
                "_Printer__filenames",
                crate::types::list::new_list(files.iter().map(|f| new_str(f)).collect()),
            )?;
            Ok(o)
        };
    let copyright = crate::import::sys_attr("copyright").unwrap_or_else(|| new_str(""));
    d.set_str("copyright", new_printer("copyright", copyright, vec![])?)?;
    let credits = new_str(
        "    Thanks to CWI, CNRI, BeOpen, Zope Corporation, the Python Software\n    \
         Foundation, and a cast of thousands for supporting Python\n    \
         development.  See www.python.org for more information.",
    );
    d.set_str("credits", new_printer("credits", credits, vec![])?)?;
    let here = crate::import::path::initial_sys_path(None)
        .into_iter()
        .find(|p| p.ends_with("/Lib"))
        .unwrap_or_default();
    let mut files = Vec::new();
    if !here.is_empty() {
        for dir in [format!("{here}/.."), here.clone(), ".".to_string()] {
            for f in ["LICENSE.txt", "LICENSE"] {
                files.push(format!("{dir}/{f}"));
            }
        }
    }
    let license = new_str("See https://www.python.org/psf/license/");
    d.set_str("license", new_printer("license", license, files)?)?;
    d.set_str("help", call(&helper, vec![])?)?;
    Ok(())
}

/// A built-in module by name, made as `import` makes it (see `import::registry`).
pub fn builtin_module(name: &str) -> Option<Object> {
    crate::import::registry::create_builtin(name).ok()
}
