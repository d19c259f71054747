//! `dict_keys`, `dict_values`, `dict_items`: live views of a dict (`len`, iteration, `in`,
//! `repr`, and set operations on keys and items).

use crate::error::PyResult;
use crate::object::alloc::{dealloc_payload, new_object};
use crate::object::{Object, ObjectRef, PyPayload};
use crate::ops;
use crate::types::dict::as_dict;
use crate::types::iter::{dict_items_iter, dict_keys_iter, dict_values_iter};
use crate::types::str::new_str;
use crate::types::tuple::{new_tuple, tuple_items};
use crate::types::typeobject::{
    BinaryFn, CompareOp, ContainsFn, LenFn, PyType, RichCompareFn, Slots, StaticType, TypeFlags,
    UnaryFn, slot,
};

pub struct DictViewPayload {
    pub dict: Object,
}

// SAFETY: views are built only by `new_view` with a `DictViewPayload`; all three view types
// derive from `DICT_VIEW_BASE`.
unsafe impl PyPayload for DictViewPayload {
    fn type_object() -> &'static PyType {
        &DICT_VIEW_BASE.0
    }
}

pub fn new_view(ty: &'static StaticType, dict: Object) -> Object {
    new_object(&ty.0, DictViewPayload { dict })
}

fn dict_of(o: ObjectRef<'_>) -> ObjectRef<'_> {
    o.payload::<DictViewPayload>().expect("dict view").dict.as_ref()
}

fn kind(o: ObjectRef<'_>) -> u8 {
    let t = o.type_();
    if t.is_subtype(&DICT_KEYS_TYPE.0) {
        0
    } else if t.is_subtype(&DICT_VALUES_TYPE.0) {
        1
    } else {
        2
    }
}

fn view_len(o: ObjectRef<'_>) -> PyResult<usize> {
    Ok(as_dict(dict_of(o)).expect("dict").len())
}

fn view_iter(o: ObjectRef<'_>) -> PyResult<Object> {
    let d = dict_of(o);
    match kind(o) {
        0 => dict_keys_iter(d),
        1 => dict_values_iter(d),
        _ => dict_items_iter(d),
    }
}

fn view_contains(o: ObjectRef<'_>, v: ObjectRef<'_>) -> PyResult<bool> {
    let d = as_dict(dict_of(o)).expect("dict");
    match kind(o) {
        0 => d.contains(v),
        1 => {
            for x in d.values() {
                if x.as_ref().is(v) || ops::rich_compare_bool(x.as_ref(), v, CompareOp::Eq)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => {
            let Some([k, val]) = tuple_items(v).and_then(|t| <&[Object; 2]>::try_from(t).ok())
            else {
                return Ok(false);
            };
            match d.get_item(k.as_ref())? {
                Some(x) => Ok(x.as_ref().is(val.as_ref())
                    || ops::rich_compare_bool(x.as_ref(), val.as_ref(), CompareOp::Eq)?),
                None => Ok(false),
            }
        }
    }
}

fn items_of(o: ObjectRef<'_>) -> PyResult<Vec<Object>> {
    let d = as_dict(dict_of(o)).expect("dict");
    Ok(match kind(o) {
        0 => d.keys(),
        1 => d.values(),
        _ => d.items().into_iter().map(|(k, v)| new_tuple(vec![k, v])).collect(),
    })
}

fn view_repr(o: ObjectRef<'_>) -> PyResult<Object> {
    let Some(_guard) = ops::ReprGuard::enter(o) else {
        return Ok(new_str("..."));
    };
    let mut out = format!("{}([", o.type_().name());
    for (i, x) in items_of(o)?.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&ops::repr_string(x.as_ref())?);
    }
    out.push_str("])");
    Ok(new_str(&out))
}

/// The operands of a set operation as sets (a view's items, or any iterable).
fn as_set(o: ObjectRef<'_>) -> PyResult<Object> {
    if o.payload::<DictViewPayload>().is_some() {
        return crate::types::set::new_set(items_of(o)?);
    }
    crate::types::set::new_set(crate::eval::helpers::iterate(o)?)
}

macro_rules! set_op {
    ($name:ident, $op:expr) => {
        fn $name(a: ObjectRef<'_>, b: ObjectRef<'_>) -> PyResult<Object> {
            let (x, y) = (as_set(a)?, as_set(b)?);
            ops::binary_op(x.as_ref(), y.as_ref(), $op)
        }
    };
}

set_op!(view_and, ops::BinOp::And);
set_op!(view_or, ops::BinOp::Or);
set_op!(view_sub, ops::BinOp::Sub);
set_op!(view_xor, ops::BinOp::Xor);

fn view_richcompare(a: ObjectRef<'_>, b: ObjectRef<'_>, op: CompareOp) -> PyResult<Object> {
    if kind(a) == 1
        || b.payload::<DictViewPayload>().is_none() && crate::types::set::as_set(b).is_none()
    {
        return crate::types::object::object_richcompare(a, b, op);
    }
    let (x, y) = (as_set(a)?, as_set(b)?);
    ops::rich_compare(x.as_ref(), y.as_ref(), op)
}

fn view_traverse(o: ObjectRef<'_>, visit: &mut dyn FnMut(ObjectRef<'_>)) {
    visit(dict_of(o));
}

/// # Safety
/// Called only by the deallocation path on a dead view.
unsafe fn view_dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: views carry a `DictViewPayload`.
    unsafe { dealloc_payload::<DictViewPayload>(obj) }
}

const fn view_slots(setlike: bool) -> Slots {
    let base = Slots {
        repr: slot(view_repr as UnaryFn),
        iter: slot(view_iter as UnaryFn),
        sq_length: slot(view_len as LenFn),
        sq_contains: slot(view_contains as ContainsFn),
        richcompare: slot(view_richcompare as RichCompareFn),
        ..crate::types::object::object_slots()
    };
    if setlike {
        Slots {
            nb_and: slot(view_and as BinaryFn),
            nb_or: slot(view_or as BinaryFn),
            nb_subtract: slot(view_sub as BinaryFn),
            nb_xor: slot(view_xor as BinaryFn),
            hash: crate::types::typeobject::Slot::empty(),
            ..base
        }
    } else {
        Slots { hash: crate::types::typeobject::Slot::empty(), ..base }
    }
}

macro_rules! view_type {
    ($static:ident, $name:literal, $base:expr, $tag:literal, $setlike:expr) => {
        pub static $static: StaticType = StaticType(PyType::new_static(
            $name,
            Some($base),
            std::mem::size_of::<DictViewPayload>(),
            0,
            TypeFlags::HAVE_GC,
            $tag,
            view_dealloc,
            Some(view_traverse),
            view_slots($setlike),
        ));
    };
}

view_type!(DICT_VIEW_BASE, "dict_view", &crate::types::object::OBJECT_TYPE.0, 223, false);
view_type!(DICT_KEYS_TYPE, "dict_keys", &DICT_VIEW_BASE.0, 224, true);
view_type!(DICT_VALUES_TYPE, "dict_values", &DICT_VIEW_BASE.0, 225, false);
view_type!(DICT_ITEMS_TYPE, "dict_items", &DICT_VIEW_BASE.0, 226, true);
