//! The `pyexpat` module (CPython's `Modules/pyexpat.c`, under `xml.parsers.expat`,
//! `xml.etree`, `xml.dom.minidom`, `xml.sax`, `plistlib`, `xmlrpc`): `ParserCreate`,
//! `ErrorString`, `ExpatError`, the `errors` and `model` submodules and the version facts, on
//! the system's Expat library loaded at run time (`ffi.rs`). The parser type is in
//! `parser.rs`, the callbacks into Python in `handlers.rs`.

mod ffi;
mod handlers;
mod parser;

use std::ffi::{CString, c_int};

use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::object::{Object, ObjectRef};
use crate::types::dict::{as_dict, new_dict};
use crate::types::function::{NativeFn, new_builtin_function};
use crate::types::int::new_int_i64;
use crate::types::module::{module_dict, new_module};
use crate::types::singletons::{is_none, none};
use crate::types::str::{Str, new_str};
use crate::types::tuple::new_tuple;

/// Expat's error codes, by number (`XML_ERROR_<name>`; 0 is "no error").
const ERROR_NAMES: &[&str] = &[
    "NONE",
    "NO_MEMORY",
    "SYNTAX",
    "NO_ELEMENTS",
    "INVALID_TOKEN",
    "UNCLOSED_TOKEN",
    "PARTIAL_CHAR",
    "TAG_MISMATCH",
    "DUPLICATE_ATTRIBUTE",
    "JUNK_AFTER_DOC_ELEMENT",
    "PARAM_ENTITY_REF",
    "UNDEFINED_ENTITY",
    "RECURSIVE_ENTITY_REF",
    "ASYNC_ENTITY",
    "BAD_CHAR_REF",
    "BINARY_ENTITY_REF",
    "ATTRIBUTE_EXTERNAL_ENTITY_REF",
    "MISPLACED_XML_PI",
    "UNKNOWN_ENCODING",
    "INCORRECT_ENCODING",
    "UNCLOSED_CDATA_SECTION",
    "EXTERNAL_ENTITY_HANDLING",
    "NOT_STANDALONE",
    "UNEXPECTED_STATE",
    "ENTITY_DECLARED_IN_PE",
    "FEATURE_REQUIRES_XML_DTD",
    "CANT_CHANGE_FEATURE_ONCE_PARSING",
    "UNBOUND_PREFIX",
    "UNDECLARING_PREFIX",
    "INCOMPLETE_PE",
    "XML_DECL",
    "TEXT_DECL",
    "PUBLICID",
    "SUSPENDED",
    "NOT_SUSPENDED",
    "ABORTED",
    "FINISHED",
    "SUSPEND_PE",
    "RESERVED_PREFIX_XML",
    "RESERVED_PREFIX_XMLNS",
    "RESERVED_NAMESPACE_URI",
    "INVALID_ARGUMENT",
    "NO_BUFFER",
    "AMPLIFICATION_LIMIT_BREACH",
    "NOT_STARTED",
];

/// `pyexpat.model`'s constants (`XML_Content_Type` and `XML_Content_Quant`).
const MODEL_CONSTANTS: &[(&str, i64)] = &[
    ("XML_CTYPE_EMPTY", 1),
    ("XML_CTYPE_ANY", 2),
    ("XML_CTYPE_MIXED", 3),
    ("XML_CTYPE_NAME", 4),
    ("XML_CTYPE_CHOICE", 5),
    ("XML_CTYPE_SEQ", 6),
    ("XML_CQUANT_NONE", 0),
    ("XML_CQUANT_OPT", 1),
    ("XML_CQUANT_REP", 2),
    ("XML_CQUANT_PLUS", 3),
];

/// The `ExpatError` class of the most recently made module (what `ParserCreate` gives its
/// parsers).
static ERROR_CLASS: crate::gil::GilCell<std::cell::RefCell<Option<Object>>> =
    crate::gil::GilCell::new(std::cell::RefCell::new(None));

fn error_class() -> Object {
    ERROR_CLASS.with_borrow(|c| c.clone()).expect("pyexpat initialised")
}

/// `ParserCreate(encoding=None, namespace_separator=None, intern=<new dict>)`.
fn parser_create(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let api = ffi::expat().map_err(|e| PyErr::new(&crate::types::exceptions::IMPORT_ERROR, e))?;
    let v = Args::new(args, kw).bind(
        "ParserCreate",
        &["encoding", "namespace_separator", "intern"],
        0,
    )?;
    let str_arg = |o: Option<&Object>, what: &str| -> PyResult<Option<CString>> {
        match o {
            None => Ok(None),
            Some(o) if is_none(o.as_ref()) => Ok(None),
            Some(o) => match Str::new(o.as_ref()) {
                Some(s) => CString::new(utf8(s)?)
                    .map(Some)
                    .map_err(|_| PyErr::value_error("embedded null character")),
                None => Err(PyErr::type_error(format!(
                    "ParserCreate() argument '{what}' must be str or None, not {}",
                    o.type_().name()
                ))),
            },
        }
    };
    let encoding = str_arg(v[0], "encoding")?;
    let separator = str_arg(v[1], "namespace_separator")?;
    if separator.as_ref().is_some_and(|s| s.as_bytes().len() > 1) {
        return Err(PyErr::value_error(
            "namespace_separator must be at most one character, omitted, or None",
        ));
    }
    let intern = match v[2] {
        None => Some(new_dict()),
        Some(o) if is_none(o.as_ref()) => None,
        Some(o) if as_dict(o.as_ref()).is_some() => Some(o.clone()),
        Some(_) => return Err(PyErr::type_error("intern must be a dictionary")),
    };
    let enc = encoding.as_ref().map_or(std::ptr::null(), |c| c.as_ptr());
    // SAFETY: the encoding name outlives the call (Expat copies it).
    let xp = unsafe {
        match &separator {
            Some(s) => (api.parser_create_ns)(enc, s.as_bytes().first().copied().unwrap_or(0) as _),
            None => (api.parser_create)(enc),
        }
    };
    if xp.is_null() {
        return Err(PyErr::new(
            &crate::types::exceptions::RUNTIME_ERROR,
            "XML_ParserCreate failed",
        ));
    }
    Ok(parser::new_parser(api, xp, intern, error_class(), None))
}

/// `ErrorString(code, /)`: Expat's message, or None for an unknown code.
fn error_string(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let api = ffi::expat().map_err(|e| PyErr::new(&crate::types::exceptions::IMPORT_ERROR, e))?;
    let a = Args::new(args, kw);
    a.no_kw_at_all("ErrorString")?;
    a.count("ErrorString", 1, 1)?;
    let code = super::handle::c_int(a.pos[0].as_ref())?;
    // SAFETY: XML_ErrorString returns a static string or null.
    Ok(unsafe { ffi::bytes((api.error_string)(code)) }
        .map_or_else(none, |b| new_str(&String::from_utf8_lossy(b))))
}

/// The UTF-8 text of a str (UnicodeEncodeError for lone surrogates, as `str.encode`).
fn utf8(s: Str<'_>) -> PyResult<String> {
    if let Some(t) = s.as_str() {
        return Ok(t.to_owned());
    }
    let enc = crate::attr::getattr(s.object(), new_str("encode").as_ref())?;
    crate::ops::call(enc.as_ref(), &[], None)?;
    Ok(s.to_string_lossy())
}

/// A C `float`/`double` argument: a float, an int, or CPython's TypeError.
fn real(v: ObjectRef<'_>) -> PyResult<f64> {
    if let Some(x) = crate::types::float::float_value(v) {
        return Ok(x);
    }
    if let Some(n) = crate::types::int::int_value(v) {
        return crate::types::int::int_to_f64(n);
    }
    Err(PyErr::type_error(format!("must be real number, not {}", v.type_().name())))
}

/// The namespace dict of module `m`.
fn dict_of(m: &Object) -> &crate::types::dict::DictPayload {
    as_dict(module_dict(m.as_ref()).expect("a module")).expect("a dict")
}

fn submodule(name: &str, doc: &str) -> PyResult<Object> {
    let m = new_module(name);
    dict_of(&m).set_str("__doc__", new_str(doc))?;
    Ok(m)
}

/// Makes the `pyexpat` module (ImportError when Expat cannot be loaded).
pub fn make_module() -> PyResult<Object> {
    let api = ffi::expat().map_err(|e| {
        PyErr::new(&crate::types::exceptions::IMPORT_ERROR, format!("pyexpat: {e}"))
    })?;
    parser::register(api);
    let m = new_module("pyexpat");
    let d = dict_of(&m);
    d.set_str("__doc__", new_str("Python wrapper for Expat parser."))?;

    // ExpatError, as `PyErr_NewException("xml.parsers.expat.ExpatError", ...)` makes it.
    let private = new_module("pyexpat");
    let code = crate::import::path::compile_bytes(
        b"class ExpatError(Exception):\n    pass\nExpatError.__module__ = 'xml.parsers.expat'\n",
        "<frozen pyexpat>",
    )?;
    crate::import::path::exec_code_in_module(private.as_ref(), code)?;
    let err = dict_of(&private).get_str("ExpatError")?.expect("ExpatError");
    ERROR_CLASS.with_borrow_mut(|c| *c = Some(err.clone()));
    d.set_str("ExpatError", err.clone())?;
    d.set_str("error", err)?;

    for (name, f) in [("ParserCreate", parser_create as NativeFn), ("ErrorString", error_string)] {
        d.set_str(name, new_builtin_function(name, f))?;
    }
    d.set_str("XMLParserType", parser::XMLPARSER_TYPE.0.as_object().to_owned())?;
    // SAFETY: both return static data owned by the library.
    let (version, info) = unsafe { ((api.expat_version)(), (api.expat_version_info)()) };
    // SAFETY: a static NUL-terminated string.
    let version = unsafe { ffi::bytes(version) }.unwrap_or_default();
    d.set_str("EXPAT_VERSION", new_str(&String::from_utf8_lossy(version)))?;
    d.set_str(
        "version_info",
        new_tuple(vec![
            new_int_i64(info.major as i64),
            new_int_i64(info.minor as i64),
            new_int_i64(info.micro as i64),
        ]),
    )?;
    d.set_str("native_encoding", new_str("UTF-8"))?;
    let mut features = Vec::new();
    // SAFETY: the feature list is a static array ended by a zero feature.
    unsafe {
        let mut f = (api.feature_list)();
        while !f.is_null() && (*f).feature != 0 {
            let name = ffi::bytes((*f).name).unwrap_or_default();
            features.push(new_tuple(vec![
                new_str(&String::from_utf8_lossy(name)),
                new_int_i64((*f).value as i64),
            ]));
            f = f.add(1);
        }
    }
    d.set_str("features", crate::types::list::new_list(features))?;
    for (n, v) in [
        ("XML_PARAM_ENTITY_PARSING_NEVER", 0),
        ("XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE", 1),
        ("XML_PARAM_ENTITY_PARSING_ALWAYS", 2),
    ] {
        d.set_str(n, new_int_i64(v))?;
    }

    let errors = submodule("pyexpat.errors", "Constants used to describe error conditions.")?;
    let ed = dict_of(&errors);
    let (codes, messages) = (new_dict(), new_dict());
    for (code, name) in ERROR_NAMES.iter().enumerate().skip(1) {
        // SAFETY: XML_ErrorString returns a static string or null.
        let Some(msg) = (unsafe { ffi::bytes((api.error_string)(code as c_int)) }) else {
            continue;
        };
        let msg = new_str(&String::from_utf8_lossy(msg));
        ed.set_str(&format!("XML_ERROR_{name}"), msg.clone())?;
        as_dict(codes.as_ref()).expect("dict").set_item(msg.clone(), new_int_i64(code as i64))?;
        as_dict(messages.as_ref()).expect("dict").set_item(new_int_i64(code as i64), msg)?;
    }
    ed.set_str("codes", codes)?;
    ed.set_str("messages", messages)?;
    let model =
        submodule("pyexpat.model", "Constants used to interpret content model information.")?;
    for (n, v) in MODEL_CONSTANTS {
        dict_of(&model).set_str(n, new_int_i64(*v))?;
    }
    let modules = crate::import::sys_modules();
    for (name, sub) in [("errors", errors), ("model", model)] {
        crate::ops::setitem(
            modules.as_ref(),
            new_str(&format!("pyexpat.{name}")).as_ref(),
            Some(sub.as_ref()),
        )?;
        d.set_str(name, sub)?;
    }
    Ok(m)
}
