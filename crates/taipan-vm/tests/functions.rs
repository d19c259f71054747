//! Native functions and method descriptors through the attribute and call protocols. Oracle
//! (cpython3.14 -c): `repr(len)`, `repr((5).bit_length)`, `repr(int.bit_length)`,
//! `int.bit_length("x")`, `int.bit_length()`, `(5)(1)`, `len()`, `(5).bit_length(1)`.

mod common;

use common::{outcome, repr};
use taipan_vm::PyResult;
use taipan_vm::attr::getattr;
use taipan_vm::error::PyErr;
use taipan_vm::object::{Object, ObjectRef};
use taipan_vm::ops;
use taipan_vm::types::function::{new_builtin_function, new_method_descriptor};
use taipan_vm::types::int::{INT_TYPE, IntVal, int_value, new_int_i64};
use taipan_vm::types::str::{intern, new_str};
use taipan_vm::types::typelookup::register_static_attr;

fn small(v: i64) -> Object {
    Object::try_small_int(v).unwrap()
}

/// A test version of `int.bit_length`.
fn bit_length(
    this: Option<ObjectRef<'_>>,
    args: &[Object],
    _kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    if !args.is_empty() {
        return Err(PyErr::type_error(format!(
            "int.bit_length() takes no arguments ({} given)",
            args.len()
        )));
    }
    match int_value(this.expect("bound")).expect("an int") {
        IntVal::Small(v) => Ok(new_int_i64(64 - v.unsigned_abs().leading_zeros() as i64)),
        IntVal::Big(_) => Err(PyErr::type_error("big ints not handled by this test function")),
    }
}

/// A test version of `len`.
fn len(_: Option<ObjectRef<'_>>, args: &[Object], _kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    match args {
        [one] => Ok(new_int_i64(ops::len(one.as_ref())? as i64)),
        _ => Err(PyErr::type_error(format!(
            "len() takes exactly one argument ({} given)",
            args.len()
        ))),
    }
}

#[test]
fn builtin_functions_and_methods() {
    let _gil = taipan_vm::gil::hold();
    let len_fn = new_builtin_function("len", len);
    assert_eq!(repr(len_fn.as_ref()), "<built-in function len>");
    assert_eq!(outcome(ops::call(len_fn.as_ref(), &[new_str("abc")], None)), "3");
    assert_eq!(
        outcome(ops::call(len_fn.as_ref(), &[], None)),
        "!TypeError: len() takes exactly one argument (0 given)"
    );
    assert_eq!(
        outcome(ops::call(small(5).as_ref(), &[small(1)], None)),
        "!TypeError: 'int' object is not callable"
    );

    register_static_attr(
        &INT_TYPE.0,
        "bit_length",
        new_method_descriptor(&INT_TYPE.0, "bit_length", bit_length),
    )
    .unwrap();
    let name = intern("bit_length");
    let unbound = getattr(INT_TYPE.0.as_object(), name.as_ref()).unwrap();
    assert_eq!(repr(unbound.as_ref()), "<method 'bit_length' of 'int' objects>");
    let bound = getattr(small(5).as_ref(), name.as_ref()).unwrap();
    assert!(repr(bound.as_ref()).starts_with("<built-in method bit_length of int object at 0x"));
    assert_eq!(outcome(ops::call(bound.as_ref(), &[], None)), "3");
    assert_eq!(
        outcome(ops::call(bound.as_ref(), &[small(1)], None)),
        "!TypeError: int.bit_length() takes no arguments (1 given)"
    );
    assert_eq!(outcome(ops::call(unbound.as_ref(), &[small(255)], None)), "8");
    assert_eq!(
        outcome(ops::call(unbound.as_ref(), &[new_str("x")], None)),
        "!TypeError: descriptor 'bit_length' for 'int' objects doesn't apply to a 'str' object"
    );
    assert_eq!(
        outcome(ops::call(unbound.as_ref(), &[], None)),
        "!TypeError: unbound method int.bit_length() needs an argument"
    );
    // Bound through a subclass instance (bool) too; the bound method holds its self.
    let t = taipan_vm::types::bool::py_bool(true);
    let m = getattr(t.as_ref(), name.as_ref()).unwrap();
    assert_eq!(outcome(ops::call(m.as_ref(), &[], None)), "1");
    let big = common::int("123456789012345678901234567890");
    let before = big.refcnt();
    let bm = getattr(big.as_ref(), name.as_ref()).unwrap();
    assert_eq!(big.refcnt().unwrap(), before.unwrap() + 1);
    drop(bm);
    assert_eq!(big.refcnt(), before);
}
