//! The built-in exception hierarchy the core types raise (`BaseException` and the subclasses
//! below), as static types whose instances carry their `args` tuple. The rest of the hierarchy,
//! tracebacks, causes and context come with the eval loop.

use crate::error::PyResult;
use crate::object::alloc::{dealloc_payload, new_object};
use crate::object::{Object, ObjectRef, PyPayload};
use crate::ops;
use crate::types::tuple::tuple_items;
use crate::types::typeobject::{PyType, Slots, StaticType, TypeFlags, UnaryFn, slot};

pub struct ExcPayload {
    /// The `args` tuple.
    pub args: Object,
}

// SAFETY: exception instances are built only by `new_exception`, with an `ExcPayload`.
unsafe impl PyPayload for ExcPayload {
    fn type_object() -> &'static PyType {
        &BASE_EXCEPTION.0
    }
}

/// A new instance of exception type `ty` with the given `args` tuple.
pub fn new_exception(ty: &PyType, args: Object) -> Object {
    debug_assert!(ty.has_flag(TypeFlags::BASE_EXC_SUBCLASS));
    new_object(ty, ExcPayload { args })
}

fn args_of(o: ObjectRef<'_>) -> &[Object] {
    let p = o.payload::<ExcPayload>().expect("an exception");
    tuple_items(p.args.as_ref()).expect("args is a tuple")
}

/// `str(exc)`: empty for no arguments, `str(arg)` for one (`repr` for KeyError), else
/// `str(args)`.
pub fn exception_str(o: ObjectRef<'_>) -> String {
    let args = args_of(o);
    let result = match args {
        [] => Ok(String::new()),
        [one] if o.type_().is_subtype(&KEY_ERROR.0) => ops::repr_string(one.as_ref()),
        [one] => ops::str_string(one.as_ref()),
        _ => {
            let p = o.payload::<ExcPayload>().expect("an exception");
            ops::str_string(p.args.as_ref())
        }
    };
    result.unwrap_or_else(|_| "<exception str() failed>".to_string())
}

fn exception_str_slot(o: ObjectRef<'_>) -> PyResult<Object> {
    Ok(crate::types::str::new_str(&exception_str(o)))
}

fn exception_repr(o: ObjectRef<'_>) -> PyResult<Object> {
    let args = args_of(o);
    let mut out = String::from(o.type_().name());
    out.push('(');
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&ops::repr_string(a.as_ref())?);
    }
    out.push(')');
    Ok(crate::types::str::new_str(&out))
}

fn exception_traverse(o: ObjectRef<'_>, visit: &mut dyn FnMut(ObjectRef<'_>)) {
    visit(o.payload::<ExcPayload>().expect("an exception").args.as_ref());
}

/// Deallocates an exception.
///
/// # Safety
/// Called only by the deallocation path on a dead exception.
unsafe fn exception_dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: exceptions carry an `ExcPayload`.
    unsafe { dealloc_payload::<ExcPayload>(obj) }
}

const fn exception_slots() -> Slots {
    Slots {
        repr: slot(exception_repr as UnaryFn),
        str: slot(exception_str_slot as UnaryFn),
        ..crate::types::object::object_slots()
    }
}

macro_rules! exception_type {
    ($static:ident, $name:literal, $base:expr, $tag:literal) => {
        pub static $static: StaticType = StaticType(PyType::new_static(
            $name,
            Some($base),
            std::mem::size_of::<ExcPayload>(),
            0,
            TypeFlags::BASETYPE.union(TypeFlags::HAVE_GC).union(TypeFlags::BASE_EXC_SUBCLASS),
            $tag,
            exception_dealloc,
            Some(exception_traverse),
            exception_slots(),
        ));
    };
}

exception_type!(BASE_EXCEPTION, "BaseException", &crate::types::object::OBJECT_TYPE.0, 100);
exception_type!(EXCEPTION, "Exception", &BASE_EXCEPTION.0, 101);
exception_type!(ARITHMETIC_ERROR, "ArithmeticError", &EXCEPTION.0, 102);
exception_type!(OVERFLOW_ERROR, "OverflowError", &ARITHMETIC_ERROR.0, 103);
exception_type!(ZERO_DIVISION_ERROR, "ZeroDivisionError", &ARITHMETIC_ERROR.0, 104);
exception_type!(LOOKUP_ERROR, "LookupError", &EXCEPTION.0, 105);
exception_type!(INDEX_ERROR, "IndexError", &LOOKUP_ERROR.0, 106);
exception_type!(KEY_ERROR, "KeyError", &LOOKUP_ERROR.0, 107);
exception_type!(RUNTIME_ERROR, "RuntimeError", &EXCEPTION.0, 108);
exception_type!(RECURSION_ERROR, "RecursionError", &RUNTIME_ERROR.0, 109);
exception_type!(TYPE_ERROR, "TypeError", &EXCEPTION.0, 110);
exception_type!(VALUE_ERROR, "ValueError", &EXCEPTION.0, 111);
exception_type!(ATTRIBUTE_ERROR, "AttributeError", &EXCEPTION.0, 112);
exception_type!(MEMORY_ERROR, "MemoryError", &EXCEPTION.0, 113);
exception_type!(STOP_ITERATION, "StopIteration", &EXCEPTION.0, 114);
