//! The `_json` module, the accelerator `json` imports: `scanstring`, `encode_basestring`,
//! `encode_basestring_ascii` and the `Scanner` (`make_scanner`) and `Encoder` (`make_encoder`)
//! types, with the C module's arguments and errors. Python (`py/json.py`) run in a private
//! namespace; the module receives only CPython's names. Also the shared maker for modules built
//! that way (`module_from_python`).

use crate::error::PyResult;
use crate::object::Object;
use crate::types::dict::as_dict;
use crate::types::module::{module_dict, new_module};
use crate::types::str::new_str;

const SOURCE: &str = include_str!("py/json.py");

const NAMES: &[(&str, &str)] = &[
    ("encode_basestring", "encode_basestring"),
    ("encode_basestring_ascii", "encode_basestring_ascii"),
    ("make_encoder", "Encoder"),
    ("make_scanner", "Scanner"),
    ("scanstring", "scanstring"),
];

/// Runs `source` in a private module named `name` and makes the module `name` holding, for
/// each `(public, inner)` of `names`, the private `inner` as `public` (functions as built-in
/// functions, see `cmath::forwarder`).
pub(crate) fn module_from_python(
    name: &str,
    source: &str,
    names: &[(&'static str, &str)],
    doc: Option<&str>,
) -> PyResult<Object> {
    let m = new_module(name);
    let d = as_dict(module_dict(m.as_ref()).expect("dict")).expect("dict");
    if let Some(doc) = doc {
        d.set_str("__doc__", new_str(doc))?;
    }
    let private = new_module(name);
    let code = crate::import::path::compile_bytes(source.as_bytes(), &format!("<frozen {name}>"))?;
    crate::import::path::exec_code_in_module(private.as_ref(), code)?;
    let pd = as_dict(module_dict(private.as_ref()).expect("dict")).expect("dict");
    for (public, inner) in names {
        if let Some(v) = pd.get_str(inner)? {
            d.set_str(public, super::cmath::forwarder(public, v))?;
        }
    }
    Ok(m)
}

/// Makes the `_json` module.
pub fn make_module() -> PyResult<Object> {
    module_from_python("_json", SOURCE, NAMES, Some("json speedups\n"))
}
