//! The `unicodedata` module: the Unicode Character Database (16.0.0) and the `UCD` type whose one
//! instance, `ucd_3_2_0`, answers the same questions from Unicode 3.2.0 (for `idna` and
//! `stringprep`). The data and the normalization algorithm are `taipan_common::unicodedata`; the
//! names are `taipan_common::unicode_names` (the tables `\N{...}` uses too).
//!
//! The module functions are bound to the module and the `UCD` methods to their instance, as
//! CPython's: a function reads the old database exactly when its `self` is a `UCD` object.

use taipan_common::unicode_names;
use taipan_common::unicodedata::{self as ucd, Form, Version};

use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::object::alloc::{dealloc_payload, new_object};
use crate::object::{Object, ObjectRef, PyPayload};
use crate::types::bytes::bytes_data;
use crate::types::float::new_float;
use crate::types::function::{NativeFn, new_bound_builtin, new_method_descriptor};
use crate::types::int::new_int_i64;
use crate::types::module::{module_dict, new_module};
use crate::types::str::{Str, new_str, new_str_from_code_points};
use crate::types::typeobject::{PyType, Slots, StaticType, TypeFlags};

/// A `unicodedata.UCD` object: a database version.
pub struct UcdPayload {
    version: Version,
}

// SAFETY: UCD objects are made only by `make_module` with this payload and type.
unsafe impl PyPayload for UcdPayload {
    fn type_object() -> &'static PyType {
        &UCD_TYPE.0
    }
}

unsafe fn ucd_dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: called once by the allocator for a UCD object, whose payload is a UcdPayload.
    unsafe { dealloc_payload::<UcdPayload>(obj) }
}

pub static UCD_TYPE: StaticType = StaticType(PyType::new_static(
    "unicodedata.UCD",
    Some(&crate::types::object::OBJECT_TYPE.0),
    std::mem::size_of::<UcdPayload>(),
    0,
    TypeFlags(0),
    1301,
    ucd_dealloc,
    None,
    Slots {
        getattr: crate::types::typeobject::slot(ucd_getattr as crate::types::typeobject::GetAttrFn),
        ..crate::types::object::object_slots()
    },
));

/// The database `self` selects: the old one for a `UCD` object, else the current one.
fn version(s: Option<ObjectRef<'_>>) -> Version {
    s.and_then(|s| s.payload::<UcdPayload>()).map_or(Version::Current, |p| p.version)
}

/// The code point of a one-character str argument, with CPython's messages.
fn one_char(fname: &str, o: &Object) -> PyResult<u32> {
    let Some(s) = Str::new(o.as_ref()) else {
        return Err(PyErr::type_error(format!(
            "{fname}() argument must be a unicode character, not {}",
            o.type_().name()
        )));
    };
    if s.len() != 1 {
        return Err(PyErr::type_error(format!(
            "{fname}(): argument must be a unicode character, not a string of length {}",
            s.len()
        )));
    }
    Ok(s.char_at(0))
}

/// The one character argument of `fname(chr, /)`.
fn single<'a>(fname: &str, args: &'a [Object], kw: Option<ObjectRef<'a>>) -> PyResult<u32> {
    let a = Args::new(args, kw);
    let full = format!("unicodedata.{fname}");
    a.no_kw_at_all(&full)?;
    a.count(&full, 1, 1)?;
    one_char(fname, &a.pos[0])
}

/// The `(chr, default)` arguments of `fname(chr, default=<none>, /)`.
fn with_default<'a>(
    fname: &str,
    args: &'a [Object],
    kw: Option<ObjectRef<'a>>,
) -> PyResult<(u32, Option<&'a Object>)> {
    let a = Args::new(args, kw);
    a.no_kw_at_all(fname)?;
    a.count(fname, 1, 2)?;
    Ok((one_char(fname, &a.pos[0])?, a.pos.get(1)))
}

fn or_default(v: Option<Object>, default: Option<&Object>, msg: &str) -> PyResult<Object> {
    match (v, default) {
        (Some(v), _) => Ok(v),
        (None, Some(d)) => Ok(d.clone()),
        (None, None) => Err(PyErr::value_error(msg)),
    }
}

fn decimal_fn(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let (c, d) = with_default("decimal", args, kw)?;
    let v = ucd::decimal(c, version(s)).map(|v| new_int_i64(v as i64));
    or_default(v, d, "not a decimal")
}

fn digit_fn(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let (c, d) = with_default("digit", args, kw)?;
    or_default(ucd::digit(c).map(|v| new_int_i64(v as i64)), d, "not a digit")
}

fn numeric_fn(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let (c, d) = with_default("numeric", args, kw)?;
    or_default(ucd::numeric(c, version(s)).map(new_float), d, "not a numeric character")
}

fn name_fn(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let (c, d) = with_default("name", args, kw)?;
    let v = if ucd::has_name_in(c, version(s)) { unicode_names::name(c) } else { None };
    or_default(v.map(|n| new_str(&n)), d, "no such name")
}

fn category_fn(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let c = single("category", args, kw)?;
    Ok(new_str(ucd::props(c, version(s)).category))
}

fn bidirectional_fn(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let c = single("bidirectional", args, kw)?;
    Ok(new_str(ucd::props(c, version(s)).bidirectional))
}

fn combining_fn(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let c = single("combining", args, kw)?;
    Ok(new_int_i64(ucd::props(c, version(s)).combining as i64))
}

fn mirrored_fn(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let c = single("mirrored", args, kw)?;
    Ok(new_int_i64(ucd::props(c, version(s)).mirrored as i64))
}

fn east_asian_width_fn(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let c = single("east_asian_width", args, kw)?;
    Ok(new_str(ucd::props(c, version(s)).east_asian_width))
}

fn decomposition_fn(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let c = single("decomposition", args, kw)?;
    Ok(new_str(&ucd::decomposition(c, version(s))))
}

/// The `(form, unistr)` arguments of `normalize`/`is_normalized`.
fn form_and_str<'a>(
    fname: &str,
    args: &'a [Object],
    kw: Option<ObjectRef<'a>>,
) -> PyResult<(Form, Str<'a>)> {
    let a = Args::new(args, kw);
    a.no_kw_at_all(fname)?;
    a.count(fname, 2, 2)?;
    let form = Str::new(a.pos[0].as_ref()).ok_or_else(|| {
        PyErr::type_error(format!(
            "{fname}() argument 1 must be str, not {}",
            a.pos[0].type_().name()
        ))
    })?;
    let text = Str::new(a.pos[1].as_ref()).ok_or_else(|| {
        PyErr::type_error(format!(
            "{fname}() argument 2 must be str, not {}",
            a.pos[1].type_().name()
        ))
    })?;
    let form = form
        .as_str()
        .and_then(Form::parse)
        .ok_or_else(|| PyErr::value_error("invalid normalization form"))?;
    Ok((form, text))
}

fn normalize_fn(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let (form, text) = form_and_str("normalize", args, kw)?;
    let input: Vec<u32> = text.data().iter().collect();
    // ASCII text is in every normal form.
    if text.is_ascii() {
        return Ok(new_str_from_code_points(&input));
    }
    let out = ucd::normalize(form, &input, version(s));
    Ok(new_str_from_code_points(&out))
}

fn is_normalized_fn(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let (form, text) = form_and_str("is_normalized", args, kw)?;
    if text.is_ascii() {
        return Ok(crate::types::bool::py_bool(true));
    }
    let input: Vec<u32> = text.data().iter().collect();
    let out = ucd::normalize(form, &input, version(s));
    Ok(crate::types::bool::py_bool(out == input))
}

/// The longest name `lookup` accepts, as CPython's limit.
const NAME_MAXLEN: usize = 256;

fn lookup_fn(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("unicodedata.lookup")?;
    a.count("unicodedata.lookup", 1, 1)?;
    let arg = &a.pos[0];
    let name: String = if let Some(st) = Str::new(arg.as_ref()) {
        st.data().iter().map(|c| char::from_u32(c).unwrap_or('\u{fffd}')).collect()
    } else if let Some(b) = bytes_data(arg.as_ref()) {
        b.iter().map(|&c| c as char).collect()
    } else {
        return Err(PyErr::type_error(format!(
            "a bytes-like object is required, not '{}'",
            arg.type_().name()
        )));
    };
    if name.len() > NAME_MAXLEN {
        return Err(PyErr::key_error(new_str("name too long")));
    }
    let v = version(s);
    let undefined = || PyErr::key_error(new_str(&format!("undefined character name '{name}'")));
    if let Some(cp) = unicode_names::lookup(&name) {
        // The old database knows no aliases (a name, unlike an alias, is what `name` gives back).
        if v == Version::Current
            || unicode_names::name(cp).is_some_and(|n| n.eq_ignore_ascii_case(&name))
        {
            return Ok(new_str_from_code_points(&[cp]));
        }
        return Err(undefined());
    }
    if v == Version::Current
        && let Some(seq) = ucd::named_sequence(&name)
    {
        return Ok(new_str_from_code_points(seq));
    }
    Err(undefined())
}

const FUNCTIONS: [(&str, NativeFn); 13] = [
    ("decimal", decimal_fn),
    ("digit", digit_fn),
    ("numeric", numeric_fn),
    ("category", category_fn),
    ("bidirectional", bidirectional_fn),
    ("combining", combining_fn),
    ("mirrored", mirrored_fn),
    ("east_asian_width", east_asian_width_fn),
    ("decomposition", decomposition_fn),
    ("name", name_fn),
    ("lookup", lookup_fn),
    ("normalize", normalize_fn),
    ("is_normalized", is_normalized_fn),
];

fn ucd_getattr(o: ObjectRef<'_>, name: ObjectRef<'_>) -> PyResult<Object> {
    if Str::new(name).and_then(Str::as_str) == Some("unidata_version") {
        return Ok(new_str(ucd::unidata_version(version(Some(o)))));
    }
    crate::attr::generic_getattr(o, name)
}

fn register() {
    use crate::types::typelookup::register_static_attr;
    let t = &UCD_TYPE.0;
    for (name, f) in FUNCTIONS {
        let _ = register_static_attr(t, name, new_method_descriptor(t, name, f));
    }
    crate::modules::sre_pattern::register_attrs(t, &["unidata_version"], &[]);
    crate::eval::typecall::register_constructor(t, |_, _, _| {
        Err(PyErr::type_error("cannot create 'unicodedata.UCD' instances"))
    });
}

pub fn make_module() -> PyResult<Object> {
    thread_local! { static REGISTERED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) }; }
    if !REGISTERED.with(|r| r.replace(true)) {
        register();
    }
    let m = new_module("unicodedata");
    let d = crate::types::dict::as_dict(module_dict(m.as_ref()).expect("dict")).expect("dict");
    for (name, f) in FUNCTIONS {
        d.set_str(name, new_bound_builtin(name, f, m.clone()))?;
    }
    d.set_str("UCD", UCD_TYPE.0.as_object().to_owned())?;
    d.set_str("ucd_3_2_0", new_object(&UCD_TYPE.0, UcdPayload { version: Version::V3_2 }))?;
    d.set_str("unidata_version", new_str(ucd::unidata_version(Version::Current)))?;
    d.set_str(
        "__doc__",
        new_str("The Unicode Character Database (version 16.0.0): character properties, names and normalization."),
    )?;
    Ok(m)
}
