//! Conversion of the compiler's constants (`taipan_bytecode::Const`) into objects, as the eval
//! loop will load `co_consts`. Identifier-like string constants are interned, as CPython does.

use taipan_bytecode::Const;

use crate::error::{PyErr, PyResult};
use crate::object::Object;
use crate::types::bool::py_bool;
use crate::types::bytes::new_bytes;
use crate::types::dict::{as_dict, new_dict};
use crate::types::exceptions::STOP_ITERATION;
use crate::types::float::new_float;
use crate::types::int::new_int;
use crate::types::list::new_list;
use crate::types::singletons::{ELLIPSIS, none};
use crate::types::slice::new_slice;
use crate::types::str::{intern_object, new_str_from_pystr};
use crate::types::tuple::new_tuple;

/// Whether CPython interns a string constant: only `[A-Za-z0-9_]` characters.
fn is_name_like(s: &taipan_common::PyStr) -> bool {
    s.as_str().is_some_and(|t| t.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'))
}

fn unsupported(kind: &str) -> PyErr {
    PyErr::type_error(format!("{kind} constants are not supported by the VM yet"))
}

/// The object for a constant. Complex numbers, sets, frozensets and code objects are not built
/// yet: they give a TypeError.
pub fn const_to_object(c: &Const) -> PyResult<Object> {
    // Constants from a .pyc may nest arbitrarily deep.
    let _guard = crate::ops::RecursionGuard::enter(" while loading a constant")?;
    Ok(match c {
        Const::None => none(),
        Const::Ellipsis => ELLIPSIS.object(),
        Const::Bool(b) => py_bool(*b),
        Const::Int(v) => new_int(v.clone()),
        Const::Float(f) => new_float(*f),
        Const::Str(s) => {
            let o = new_str_from_pystr(s);
            if is_name_like(s) { intern_object(o) } else { o }
        }
        Const::Bytes(b) => new_bytes(b),
        Const::Tuple(items) => {
            new_tuple(items.iter().map(const_to_object).collect::<PyResult<_>>()?)
        }
        Const::List(items) => new_list(items.iter().map(const_to_object).collect::<PyResult<_>>()?),
        Const::Slice(parts) => {
            let [a, b, c] = &**parts;
            new_slice(const_to_object(a)?, const_to_object(b)?, const_to_object(c)?)
        }
        Const::Dict(pairs) => {
            let d = new_dict();
            for (k, v) in pairs {
                as_dict(d.as_ref())
                    .expect("dict")
                    .set_item(const_to_object(k)?, const_to_object(v)?)?;
            }
            d
        }
        Const::StopIteration => STOP_ITERATION.0.as_object().to_owned(),
        Const::Complex { re, im } => crate::types::complex::new_complex(*re, *im),
        Const::FrozenSet(_) => return Err(unsupported("frozenset")),
        Const::Set(_) => return Err(unsupported("set")),
        Const::Code(_) => return Err(unsupported("code")),
    })
}
