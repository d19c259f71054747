//! `wrapper_descriptor` (a built-in type's slot exposed as a dunder in its dict: `int.__add__`)
//! and `method-wrapper` (one bound to an instance: `(1).__add__`). Calling either runs the owner
//! type's slot, found by the dunder's name, or the native function registered for the dunder.

use crate::error::{PyErr, PyResult};
use crate::object::alloc::{dealloc_payload, new_object};
use crate::object::{Object, ObjectRef, PyPayload};
use crate::types::bool::py_bool;
use crate::types::exceptions::{ATTRIBUTE_ERROR, NOT_IMPLEMENTED_ERROR, STOP_ITERATION};
use crate::types::function::NativeFn;
use crate::types::int::new_int_i64;
use crate::types::singletons::{is_none, none};
use crate::types::str::{Str, new_str};
use crate::types::tuple::tuple_items;
use crate::types::typeobject::{
    CallFn, CompareOp, DescrGetFn, GetAttrFn, PyType, Slots, StaticType, TypeFlags, UnaryFn,
    as_type, slot,
};

/// How a slot wrapper does its work.
pub enum WrapperImpl {
    /// Runs the owner's slot named by the dunder.
    Slot,
    /// A native function taking `self` first.
    Native(NativeFn),
    /// What a base type provides for the name, called with `self` (keeps an inherited behaviour
    /// while the dunder is listed on the subtype, as CPython lists it).
    Inherited(Object),
}

pub struct SlotWrapper {
    name: &'static str,
    owner: &'static PyType,
    imp: WrapperImpl,
}

// SAFETY: slot wrappers are made only by `new_slot_wrapper` with this payload.
unsafe impl PyPayload for SlotWrapper {
    fn type_object() -> &'static PyType {
        &WRAPPER_DESCRIPTOR_TYPE.0
    }
}

pub struct MethodWrapper {
    descr: Object,
    self_: Object,
}

// SAFETY: method-wrappers are made only by `wrapper_get` with this payload.
unsafe impl PyPayload for MethodWrapper {
    fn type_object() -> &'static PyType {
        &METHOD_WRAPPER_TYPE.0
    }
}

/// A slot wrapper for `owner.name`.
pub fn new_slot_wrapper(owner: &'static PyType, name: &'static str, imp: WrapperImpl) -> Object {
    new_object(&WRAPPER_DESCRIPTOR_TYPE.0, SlotWrapper { name, owner, imp })
}

fn wrapper(o: ObjectRef<'_>) -> &SlotWrapper {
    o.payload::<SlotWrapper>().expect("slot wrapper")
}

fn not_implemented(owner: &PyType, name: &str) -> PyErr {
    PyErr::new(
        &NOT_IMPLEMENTED_ERROR,
        format!("{}.{name} is not implemented by Taipan yet", owner.name()),
    )
}

fn expect_args(args: &[Object], n: usize) -> PyResult<()> {
    if args.len() == n {
        return Ok(());
    }
    Err(PyErr::type_error(format!(
        "expected {n} argument{}, got {}",
        if n == 1 { "" } else { "s" },
        args.len()
    )))
}

fn compare_op(name: &str) -> Option<CompareOp> {
    Some(match name {
        "__lt__" => CompareOp::Lt,
        "__le__" => CompareOp::Le,
        "__eq__" => CompareOp::Eq,
        "__ne__" => CompareOp::Ne,
        "__gt__" => CompareOp::Gt,
        "__ge__" => CompareOp::Ge,
        _ => return None,
    })
}

type BinGet = fn(&Slots) -> &crate::types::typeobject::Slot<crate::types::typeobject::BinaryFn>;

fn binary_slot(name: &str) -> Option<(BinGet, bool)> {
    let plain = name.strip_prefix("__r").filter(|_| !matches!(name, "__repr__" | "__rshift__"));
    let (base, reflected) = match plain {
        Some(rest) => (rest, true),
        None => (name.strip_prefix("__").unwrap_or(name), false),
    };
    let get: BinGet = match base {
        "add__" => |s| &s.nb_add,
        "sub__" => |s| &s.nb_subtract,
        "mul__" => |s| &s.nb_multiply,
        "mod__" => |s| &s.nb_remainder,
        "divmod__" => |s| &s.nb_divmod,
        "lshift__" => |s| &s.nb_lshift,
        "rshift__" => |s| &s.nb_rshift,
        "and__" => |s| &s.nb_and,
        "xor__" => |s| &s.nb_xor,
        "or__" => |s| &s.nb_or,
        "floordiv__" => |s| &s.nb_floor_divide,
        "truediv__" => |s| &s.nb_true_divide,
        _ => return None,
    };
    Some((get, reflected))
}

fn bin_op(name: &str) -> Option<crate::ops::BinOp> {
    use crate::ops::BinOp::*;
    let plain = name.strip_prefix("__r").filter(|_| !matches!(name, "__repr__" | "__rshift__"));
    Some(match plain.unwrap_or_else(|| name.strip_prefix("__").unwrap_or(name)) {
        "add__" => Add,
        "sub__" => Sub,
        "mul__" => Mul,
        "mod__" => Mod,
        "divmod__" => DivMod,
        "lshift__" => LShift,
        "rshift__" => RShift,
        "and__" => And,
        "xor__" => Xor,
        "or__" => Or,
        "floordiv__" => FloorDiv,
        "truediv__" => TrueDiv,
        _ => return None,
    })
}

fn unary_slot(name: &str) -> Option<fn(&Slots) -> Option<UnaryFn>> {
    Some(match name {
        "__repr__" => |s| s.repr.get(),
        "__str__" => |s| s.str.get(),
        "__iter__" => |s| s.iter.get(),
        "__neg__" => |s| s.nb_negative.get(),
        "__pos__" => |s| s.nb_positive.get(),
        "__abs__" => |s| s.nb_absolute.get(),
        "__invert__" => |s| s.nb_invert.get(),
        "__int__" => |s| s.nb_int.get(),
        "__float__" => |s| s.nb_float.get(),
        "__index__" => |s| s.nb_index.get(),
        _ => return None,
    })
}

/// Runs `owner`'s slot for the dunder `name` on `me` with the remaining arguments.
fn call_slot(
    owner: &'static PyType,
    name: &'static str,
    me: ObjectRef<'_>,
    args: &[Object],
    kwnames: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let s = &owner.slots;
    let nkw = kwnames.and_then(tuple_items).map_or(0, <[Object]>::len);
    match name {
        "__call__" => {
            return match s.call.get() {
                Some(f) => f(me, args, kwnames),
                None => Err(not_implemented(owner, name)),
            };
        }
        "__init__" => {
            return match s.init.get() {
                Some(f) => f(me, args, kwnames).map(|()| none()),
                None => Err(not_implemented(owner, name)),
            };
        }
        _ if nkw > 0 => {
            return Err(PyErr::type_error(format!("wrapper {name}() takes no keyword arguments")));
        }
        _ => {}
    }
    if let Some(get) = unary_slot(name) {
        expect_args(args, 0)?;
        return match get(s) {
            Some(f) => f(me),
            None => Err(not_implemented(owner, name)),
        };
    }
    if let Some(op) = compare_op(name) {
        expect_args(args, 1)?;
        return match s.richcompare.get() {
            Some(f) => f(me, args[0].as_ref(), op),
            None => Err(not_implemented(owner, name)),
        };
    }
    if let Some((get, reflected)) = binary_slot(name) {
        expect_args(args, 1)?;
        let other = args[0].as_ref();
        let (a, b) = if reflected { (other, me) } else { (me, other) };
        if let Some(f) = get(s).get() {
            return f(a, b);
        }
        // Sequences: `+` and `*` are concatenation and repetition.
        match name {
            "__add__" => {
                if let Some(f) = s.sq_concat.get() {
                    return f(me, other);
                }
            }
            "__mul__" | "__rmul__" => {
                if let Some(f) = s.sq_repeat.get() {
                    let n = crate::ops::index_value(other)?.ok_or_else(|| {
                        PyErr::type_error(format!(
                            "can't multiply sequence by non-int of type '{}'",
                            other.type_().name()
                        ))
                    })?;
                    return f(me, n);
                }
            }
            _ => {}
        }
        // No slot of its own (`dict | dict` is done by the operator itself).
        if let Some(op) = bin_op(name) {
            return crate::eval::helpers::binary_op_builtin(a, b, op, false);
        }
        return Err(not_implemented(owner, name));
    }
    match name {
        "__pow__" | "__rpow__" => {
            if args.is_empty() || args.len() > 2 {
                return Err(PyErr::type_error(format!(
                    "expected 1 or 2 arguments, got {}",
                    args.len()
                )));
            }
            let m = args.get(1).map(Object::as_ref).filter(|m| !is_none(*m));
            let f = s.nb_power.get().ok_or_else(|| not_implemented(owner, name))?;
            if name == "__pow__" { f(me, args[0].as_ref(), m) } else { f(args[0].as_ref(), me, m) }
        }
        "__hash__" => {
            expect_args(args, 0)?;
            let f = s.hash.get().ok_or_else(|| not_implemented(owner, name))?;
            Ok(new_int_i64(f(me)? as i64))
        }
        "__bool__" => {
            expect_args(args, 0)?;
            let f = s.nb_bool.get().ok_or_else(|| not_implemented(owner, name))?;
            Ok(py_bool(f(me)?))
        }
        "__len__" => {
            expect_args(args, 0)?;
            let f = s
                .sq_length
                .get()
                .or(s.mp_length.get())
                .ok_or_else(|| not_implemented(owner, name))?;
            Ok(new_int_i64(f(me)? as i64))
        }
        "__next__" => {
            expect_args(args, 0)?;
            let f = s.iternext.get().ok_or_else(|| not_implemented(owner, name))?;
            match f(me)? {
                Some(v) => Ok(v),
                None => Err(PyErr::from_instance(crate::types::exceptions::new_exception(
                    &STOP_ITERATION.0,
                    crate::types::tuple::new_tuple(Vec::new()),
                ))),
            }
        }
        "__contains__" => {
            expect_args(args, 1)?;
            let f = s.sq_contains.get().ok_or_else(|| not_implemented(owner, name))?;
            Ok(py_bool(f(me, args[0].as_ref())?))
        }
        "__getitem__" => {
            expect_args(args, 1)?;
            if let Some(f) = s.mp_subscript.get() {
                return f(me, args[0].as_ref());
            }
            if let Some(f) = s.sq_item.get() {
                let i = index_arg(args[0].as_ref())?;
                return f(me, i);
            }
            Err(not_implemented(owner, name))
        }
        "__setitem__" | "__delitem__" => {
            let set = name == "__setitem__";
            expect_args(args, if set { 2 } else { 1 })?;
            let v = if set { Some(args[1].as_ref()) } else { None };
            if let Some(f) = s.mp_ass_subscript.get() {
                return f(me, args[0].as_ref(), v).map(|()| none());
            }
            if let Some(f) = s.sq_ass_item.get() {
                let i = index_arg(args[0].as_ref())?;
                return f(me, i, v).map(|()| none());
            }
            Err(not_implemented(owner, name))
        }
        "__getattribute__" => {
            expect_args(args, 1)?;
            match s.getattr.get() {
                Some(f) => f(me, args[0].as_ref()),
                None if as_type(me).is_some() => crate::attr::type_getattr(me, args[0].as_ref()),
                None => crate::attr::generic_getattr(me, args[0].as_ref()),
            }
        }
        "__setattr__" | "__delattr__" => {
            let set = name == "__setattr__";
            expect_args(args, if set { 2 } else { 1 })?;
            let v = if set { Some(args[1].as_ref()) } else { None };
            match s.setattr.get() {
                Some(f) => f(me, args[0].as_ref(), v),
                None => crate::types::instance::generic_setattr(me, args[0].as_ref(), v),
            }
            .map(|()| none())
        }
        "__get__" => {
            if args.is_empty() || args.len() > 2 {
                return Err(PyErr::type_error(format!(
                    "expected 1 or 2 arguments, got {}",
                    args.len()
                )));
            }
            let inst = Some(args[0].as_ref()).filter(|i| !is_none(*i));
            let ty = args.get(1).map(Object::as_ref).filter(|t| !is_none(*t));
            if inst.is_none() && ty.is_none() {
                return Err(PyErr::type_error("__get__(None, None) is invalid"));
            }
            let f = s.descr_get.get().ok_or_else(|| not_implemented(owner, name))?;
            f(me, inst, ty)
        }
        "__set__" | "__delete__" => {
            let set = name == "__set__";
            expect_args(args, if set { 2 } else { 1 })?;
            let v = if set { Some(args[1].as_ref()) } else { None };
            let f = s.descr_set.get().ok_or_else(|| not_implemented(owner, name))?;
            f(me, args[0].as_ref(), v).map(|()| none())
        }
        _ => Err(not_implemented(owner, name)),
    }
}

fn index_arg(o: ObjectRef<'_>) -> PyResult<isize> {
    crate::ops::index_value(o)?.ok_or_else(|| {
        PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            o.type_().name()
        ))
    })
}

/// Calls the wrapper's work on `me` (already checked to be an instance of the owner).
fn invoke(
    w: &SlotWrapper,
    me: ObjectRef<'_>,
    args: &[Object],
    kwnames: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    match &w.imp {
        WrapperImpl::Slot => call_slot(w.owner, w.name, me, args, kwnames),
        WrapperImpl::Native(f) => f(Some(me), args, kwnames),
        WrapperImpl::Inherited(attr) => {
            let mut all = Vec::with_capacity(args.len() + 1);
            all.push(me.to_owned());
            all.extend_from_slice(args);
            crate::ops::call(attr.as_ref(), &all, kwnames)
        }
    }
}

fn check_self(w: &SlotWrapper, me: ObjectRef<'_>) -> PyResult<()> {
    if me.type_().is_subtype(w.owner) {
        return Ok(());
    }
    // `type.__call__(int, ...)`: types are instances of `type` even when static.
    if std::ptr::eq(w.owner, &crate::types::typeobject::TYPE_TYPE.0) && as_type(me).is_some() {
        return Ok(());
    }
    Err(PyErr::type_error(format!(
        "descriptor '{}' requires a '{}' object but received a '{}'",
        w.name,
        w.owner.name(),
        me.type_().name()
    )))
}

fn wrapper_call(
    o: ObjectRef<'_>,
    args: &[Object],
    kwnames: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let w = wrapper(o);
    let nkw = kwnames.and_then(tuple_items).map_or(0, <[Object]>::len);
    if args.len() <= nkw {
        return Err(PyErr::type_error(format!(
            "descriptor '{}' of '{}' object needs an argument",
            w.name,
            w.owner.name()
        )));
    }
    check_self(w, args[0].as_ref())?;
    invoke(w, args[0].as_ref(), &args[1..], kwnames)
}

fn wrapper_get(
    o: ObjectRef<'_>,
    inst: Option<ObjectRef<'_>>,
    _owner: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let Some(inst) = inst else { return Ok(o.to_owned()) };
    check_self(wrapper(o), inst)?;
    Ok(new_object(
        &METHOD_WRAPPER_TYPE.0,
        MethodWrapper { descr: o.to_owned(), self_: inst.to_owned() },
    ))
}

fn wrapper_repr(o: ObjectRef<'_>) -> PyResult<Object> {
    let w = wrapper(o);
    Ok(new_str(&format!("<slot wrapper '{}' of '{}' objects>", w.name, w.owner.name())))
}

fn str_attr(name: ObjectRef<'_>) -> Option<&str> {
    Str::new(name).and_then(|s| s.as_str())
}

fn wrapper_getattr(o: ObjectRef<'_>, name: ObjectRef<'_>) -> PyResult<Object> {
    let w = wrapper(o);
    match str_attr(name) {
        Some("__name__") => Ok(new_str(w.name)),
        Some("__qualname__") => Ok(new_str(&format!("{}.{}", w.owner.name(), w.name))),
        Some("__objclass__") => Ok(w.owner.as_object().to_owned()),
        Some("__doc__" | "__text_signature__") => Ok(none()),
        _ => crate::attr::generic_getattr(o, name),
    }
}

fn method_wrapper(o: ObjectRef<'_>) -> &MethodWrapper {
    o.payload::<MethodWrapper>().expect("method-wrapper")
}

fn method_wrapper_call(
    o: ObjectRef<'_>,
    args: &[Object],
    kwnames: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let m = method_wrapper(o);
    invoke(wrapper(m.descr.as_ref()), m.self_.as_ref(), args, kwnames)
}

fn method_wrapper_repr(o: ObjectRef<'_>) -> PyResult<Object> {
    let m = method_wrapper(o);
    let w = wrapper(m.descr.as_ref());
    Ok(new_str(&format!(
        "<method-wrapper '{}' of {} object at {:#x}>",
        w.name,
        m.self_.type_().name(),
        m.self_.id()
    )))
}

fn method_wrapper_getattr(o: ObjectRef<'_>, name: ObjectRef<'_>) -> PyResult<Object> {
    let m = method_wrapper(o);
    let w = wrapper(m.descr.as_ref());
    match str_attr(name) {
        Some("__name__") => Ok(new_str(w.name)),
        Some("__qualname__") => Ok(new_str(&format!("{}.{}", w.owner.name(), w.name))),
        Some("__objclass__") => Ok(w.owner.as_object().to_owned()),
        Some("__self__") => Ok(m.self_.clone()),
        Some("__doc__" | "__text_signature__") => Ok(none()),
        _ => crate::attr::generic_getattr(o, name),
    }
}

fn method_wrapper_richcompare(
    a: ObjectRef<'_>,
    b: ObjectRef<'_>,
    op: CompareOp,
) -> PyResult<Object> {
    let (Some(x), Some(y)) = (a.payload::<MethodWrapper>(), b.payload::<MethodWrapper>()) else {
        return Ok(crate::types::singletons::not_implemented());
    };
    let same = x.descr.is(&y.descr) && x.self_.is(&y.self_);
    match op {
        CompareOp::Eq => Ok(py_bool(same)),
        CompareOp::Ne => Ok(py_bool(!same)),
        _ => Ok(crate::types::singletons::not_implemented()),
    }
}

fn method_wrapper_hash(o: ObjectRef<'_>) -> PyResult<isize> {
    let m = method_wrapper(o);
    let h = crate::ops::hash(m.self_.as_ref())? ^ crate::hash::hash_pointer(m.descr.id());
    Ok(if h == -1 { -2 } else { h })
}

fn method_wrapper_traverse(o: ObjectRef<'_>, visit: &mut dyn FnMut(ObjectRef<'_>)) {
    let m = method_wrapper(o);
    visit(m.descr.as_ref());
    visit(m.self_.as_ref());
}

fn wrapper_traverse(o: ObjectRef<'_>, visit: &mut dyn FnMut(ObjectRef<'_>)) {
    if let WrapperImpl::Inherited(a) = &wrapper(o).imp {
        visit(a.as_ref());
    }
}

/// # Safety
/// Called only by the deallocation path on a dead slot wrapper.
unsafe fn wrapper_dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: slot wrappers carry a `SlotWrapper`.
    unsafe { dealloc_payload::<SlotWrapper>(obj) }
}

/// # Safety
/// Called only by the deallocation path on a dead method-wrapper.
unsafe fn method_wrapper_dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: method-wrappers carry a `MethodWrapper`.
    unsafe { dealloc_payload::<MethodWrapper>(obj) }
}

pub static WRAPPER_DESCRIPTOR_TYPE: StaticType = StaticType(PyType::new_static(
    "wrapper_descriptor",
    Some(&crate::types::object::OBJECT_TYPE.0),
    std::mem::size_of::<SlotWrapper>(),
    0,
    TypeFlags::HAVE_GC,
    300,
    wrapper_dealloc,
    Some(wrapper_traverse),
    Slots {
        repr: slot(wrapper_repr as UnaryFn),
        call: slot(wrapper_call as CallFn),
        descr_get: slot(wrapper_get as DescrGetFn),
        getattr: slot(wrapper_getattr as GetAttrFn),
        ..crate::types::object::object_slots()
    },
));

pub static METHOD_WRAPPER_TYPE: StaticType = StaticType(PyType::new_static(
    "method-wrapper",
    Some(&crate::types::object::OBJECT_TYPE.0),
    std::mem::size_of::<MethodWrapper>(),
    0,
    TypeFlags::HAVE_GC,
    301,
    method_wrapper_dealloc,
    Some(method_wrapper_traverse),
    Slots {
        repr: slot(method_wrapper_repr as UnaryFn),
        call: slot(method_wrapper_call as CallFn),
        getattr: slot(method_wrapper_getattr as GetAttrFn),
        richcompare: slot(method_wrapper_richcompare as crate::types::typeobject::RichCompareFn),
        hash: slot(method_wrapper_hash as crate::types::typeobject::HashFn),
        ..crate::types::object::object_slots()
    },
));

/// The AttributeError a getter raises for an attribute the object does not have.
pub(crate) fn no_attribute(o: ObjectRef<'_>, name: &str) -> PyErr {
    PyErr::new(&ATTRIBUTE_ERROR, format!("'{}' object has no attribute '{name}'", o.type_().name()))
}
