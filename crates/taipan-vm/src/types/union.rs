//! `X | Y` between types, `None` and generic aliases: the `nb_or` slot of `type` and of
//! `types.GenericAlias`. The union object (`typing.Union`, which `types.UnionType` names) is a
//! class written in Python (`import/py/namespace.py`); this module keeps its factory, which the
//! import machinery's installation registers.

use std::cell::RefCell;

use crate::error::PyResult;
use crate::object::{Object, ObjectRef};
use crate::types::singletons::not_implemented;

static MAKE_UNION: crate::gil::GilCell<RefCell<Option<Object>>> =
    crate::gil::GilCell::new(RefCell::new(None));

/// Registers the Python function that builds a union from two operands.
pub fn set_factory(f: Object) {
    MAKE_UNION.with(|m| *m.borrow_mut() = Some(f));
}

/// `a | b` where `a` or `b` is a type or a generic alias: a union, or `NotImplemented` when an
/// operand cannot be part of one (or before the factory exists).
pub fn union_or(a: ObjectRef<'_>, b: ObjectRef<'_>) -> PyResult<Object> {
    let Some(f) = MAKE_UNION.with(|m| m.borrow().clone()) else {
        return Ok(not_implemented());
    };
    crate::ops::call(f.as_ref(), &[a.to_owned(), b.to_owned()], None)
}
