//! Struct sequences (`sys.version_info`, `sys.flags`, `sys.float_info`, ...): tuple subclasses
//! whose items are also reachable by name, with `n_fields`, `n_sequence_fields`,
//! `n_unnamed_fields`, `__match_args__` and a `module.name(field=value, ...)` repr. Fields
//! beyond the sequence part are attributes only, as CPython's hidden fields.

use crate::error::{PyErr, PyResult};
use crate::object::{Object, ObjectRef};
use crate::ops;
use crate::types::dict::{as_dict, new_dict};
use crate::types::function::new_method_descriptor;
use crate::types::int::new_int_i64;
use crate::types::str::{Str, new_str};
use crate::types::tuple::{TUPLE_TYPE, new_tuple, tuple_items};

/// `repr(seq)`: `module.name(field=value, ...)` over the sequence fields.
fn structseq_repr(
    this: Option<ObjectRef<'_>>,
    _args: &[Object],
    _kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let Some(this) = this else {
        return Err(PyErr::type_error("__repr__ needs an argument"));
    };
    let ty = this.type_().as_object().to_owned();
    let text = |name: &str| -> PyResult<String> {
        let v = crate::attr::getattr(ty.as_ref(), new_str(name).as_ref())?;
        Ok(Str::new(v.as_ref()).map(|s| s.to_string_lossy()).unwrap_or_default())
    };
    let head = format!("{}.{}", text("__module__")?, text("__qualname__")?);
    let names = crate::attr::getattr(ty.as_ref(), new_str("__match_args__").as_ref())?;
    let names = tuple_items(names.as_ref()).map(|n| n.to_vec()).unwrap_or_default();
    let items = tuple_items(this).map(|n| n.to_vec()).unwrap_or_default();
    let mut out = head;
    out.push('(');
    for (i, (n, v)) in names.iter().zip(items.iter()).enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&Str::new(n.as_ref()).map(|s| s.to_string_lossy()).unwrap_or_default());
        out.push('=');
        let r = ops::repr(v.as_ref())?;
        out.push_str(&Str::new(r.as_ref()).map(|s| s.to_string_lossy()).unwrap_or_default());
    }
    out.push(')');
    Ok(new_str(&out))
}

/// Makes the struct-sequence type `module.name` with the visible `fields` and returns its one
/// instance holding `values` (one per field), plus the `hidden` attribute-only fields.
pub fn make_struct_seq(
    module: &str,
    name: &str,
    fields: &[&str],
    values: Vec<Object>,
    hidden: &[(&str, Object)],
) -> PyResult<Object> {
    let ns = new_dict();
    let d = as_dict(ns.as_ref()).expect("dict");
    d.set_str("__module__", new_str(module))?;
    d.set_str("__qualname__", new_str(name))?;
    d.set_str("__match_args__", new_tuple(fields.iter().map(|f| new_str(f)).collect()))?;
    let total = fields.len() + hidden.len();
    d.set_str("n_fields", new_int_i64(total as i64))?;
    d.set_str("n_sequence_fields", new_int_i64(fields.len() as i64))?;
    d.set_str("n_unnamed_fields", new_int_i64(0))?;
    d.set_str("__repr__", new_method_descriptor(&TUPLE_TYPE.0, "__repr__", structseq_repr))?;
    let property = crate::types::descriptors::PROPERTY_TYPE.0.as_object().to_owned();
    for (i, f) in fields.iter().enumerate() {
        let getter =
            crate::modules::operator::itemgetter_new(None, &[new_int_i64(i as i64)], None)?;
        d.set_str(f, ops::call(property.as_ref(), &[getter], None)?)?;
    }
    let cls = crate::types::instance::new_class(
        name,
        &[TUPLE_TYPE.0.as_object().to_owned()],
        ns.as_ref(),
    )?;
    let inst = ops::call(cls.as_ref(), &[new_tuple(values)], None)?;
    for (n, v) in hidden {
        crate::attr::setattr(inst.as_ref(), new_str(n).as_ref(), Some(v.as_ref()))?;
    }
    Ok(inst)
}
