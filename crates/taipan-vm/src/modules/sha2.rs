//! The `_sha2` module (`sha224`, `sha256`, `sha384`, `sha512`), what `hashlib` and
//! `random.seed(str)` use without OpenSSL. The hash objects are Python (`py/sha2.py`); the
//! digests come from the `sha2` crate through `_digest(bits, data)`.

use ::sha2::Digest;

use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::object::{Object, ObjectRef};
use crate::types::bytes::{bytes_data, new_bytes};
use crate::types::dict::as_dict;
use crate::types::function::new_builtin_function;
use crate::types::module::{module_dict, new_module};

const SOURCE: &str = include_str!("py/sha2.py");

fn digest(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("_digest")?;
    a.count("_digest", 2, 2)?;
    let bits = crate::modules::posix::int_arg(a.pos[0].as_ref())?;
    let data =
        bytes_data(a.pos[1].as_ref()).ok_or_else(|| PyErr::type_error("_digest() needs bytes"))?;
    let out: Vec<u8> = match bits {
        224 => ::sha2::Sha224::digest(data).to_vec(),
        256 => ::sha2::Sha256::digest(data).to_vec(),
        384 => ::sha2::Sha384::digest(data).to_vec(),
        512 => ::sha2::Sha512::digest(data).to_vec(),
        _ => return Err(PyErr::value_error("unknown digest size")),
    };
    Ok(new_bytes(&out))
}

/// Makes the `_sha2` module.
pub fn make_module() -> PyResult<Object> {
    let m = new_module("_sha2");
    let d = as_dict(module_dict(m.as_ref()).expect("dict")).expect("dict");
    d.set_str("_digest", new_builtin_function("_digest", digest))?;
    let code = crate::import::path::compile_bytes(SOURCE.as_bytes(), "<frozen _sha2>")?;
    crate::import::path::exec_code_in_module(m.as_ref(), code)?;
    Ok(m)
}
