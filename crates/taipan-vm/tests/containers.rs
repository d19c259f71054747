//! Lists, tuples, bytes, bools, singletons and the abstract protocol's error messages. Expected
//! strings come from the oracle: `cpython3.14 -c` running the expression quoted next to each case
//! (repr of the value, or `!Name: message` for an exception).

mod common;

use common::{outcome, repr};
use taipan_vm::object::Object;
use taipan_vm::ops::{self, BinOp, UnaryOp};
use taipan_vm::types::bool::py_bool;
use taipan_vm::types::bytes::new_bytes;
use taipan_vm::types::exceptions::{KEY_ERROR, TYPE_ERROR, VALUE_ERROR};
use taipan_vm::types::float::new_float;
use taipan_vm::types::list::{as_list, new_list};
use taipan_vm::types::singletons::{ELLIPSIS, NOT_IMPLEMENTED, none};
use taipan_vm::types::slice::new_slice;
use taipan_vm::types::str::new_str;
use taipan_vm::types::tuple::new_tuple;
use taipan_vm::types::typeobject::CompareOp;
use taipan_vm::{PyErr, PyResult};

fn i(v: i64) -> Object {
    Object::try_small_int(v).unwrap()
}

/// `[1, "a", (2.5, None), [True, False]]`
fn sample() -> Object {
    new_list(vec![
        i(1),
        new_str("a"),
        new_tuple(vec![new_float(2.5), none()]),
        new_list(vec![py_bool(true), py_bool(false)]),
    ])
}

fn range_list(n: i64) -> Object {
    new_list((0..n).map(i).collect())
}

fn unit(r: PyResult<()>) -> PyResult<Object> {
    r.map(|_| none())
}

#[test]
fn list_repr_index_slice() {
    let _gil = taipan_vm::gil::hold();
    let l = sample();
    assert_eq!(repr(l.as_ref()), "[1, 'a', (2.5, None), [True, False]]");
    let get = |k: Object| outcome(ops::getitem(l.as_ref(), k.as_ref()));
    assert_eq!(get(new_slice(i(1), i(3), none())), "['a', (2.5, None)]"); // L[1:3]
    assert_eq!(get(new_slice(none(), none(), i(-2))), "[[True, False], 'a']"); // L[::-2]
    assert_eq!(get(i(-1)), "[True, False]");
    assert_eq!(get(i(4)), "!IndexError: list index out of range");
    assert_eq!(get(new_str("x")), "!TypeError: list indices must be integers or slices, not str");
    // [1][2**100] and [1]*(2**100)
    let huge = common::int("1267650600228229401496703205376");
    assert_eq!(
        outcome(ops::getitem(new_list(vec![i(1)]).as_ref(), huge.as_ref())),
        "!IndexError: cannot fit 'int' into an index-sized integer"
    );
    assert_eq!(
        outcome(ops::binary_op(new_list(vec![i(1)]).as_ref(), huge.as_ref(), BinOp::Mul)),
        "!OverflowError: cannot fit 'int' into an index-sized integer"
    );
}

#[test]
fn list_slice_assignment_and_deletion() {
    let _gil = taipan_vm::gil::hold();
    // l = list(range(10)); l[2:5] = ["x"]; l[::3] = [0,0,0]; del l[1]; del l[::2]; l
    //   -> ['x', 6, 0]
    let l = range_list(10);
    let o = l.as_ref();
    let x = new_list(vec![new_str("x")]);
    ops::setitem(o, new_slice(i(2), i(5), none()).as_ref(), Some(x.as_ref())).unwrap();
    let zeros = new_list(vec![i(0), i(0), i(0)]);
    ops::setitem(o, new_slice(none(), none(), i(3)).as_ref(), Some(zeros.as_ref())).unwrap();
    ops::setitem(o, i(1).as_ref(), None).unwrap();
    ops::setitem(o, new_slice(none(), none(), i(2)).as_ref(), None).unwrap();
    assert_eq!(repr(o), "['x', 6, 0]");
    // l = list(range(10)); l[::2] = [1]
    let l = range_list(10);
    let one = new_list(vec![i(1)]);
    let r = ops::setitem(l.as_ref(), new_slice(none(), none(), i(2)).as_ref(), Some(one.as_ref()));
    assert_eq!(
        outcome(unit(r)),
        "!ValueError: attempt to assign sequence of size 1 to extended slice of size 5"
    );
    // Item assignment and deletion out of range.
    let r = ops::setitem(l.as_ref(), i(10).as_ref(), Some(i(0).as_ref()));
    assert_eq!(outcome(unit(r)), "!IndexError: list assignment index out of range");
    let t = new_tuple(vec![i(1)]);
    let r = ops::setitem(t.as_ref(), i(0).as_ref(), Some(i(0).as_ref()));
    assert_eq!(outcome(unit(r)), "!TypeError: 'tuple' object does not support item assignment");
    let r = ops::setitem(t.as_ref(), i(0).as_ref(), None);
    assert_eq!(outcome(unit(r)), "!TypeError: 'tuple' object doesn't support item deletion");
}

#[test]
fn sequence_arithmetic_and_comparison() {
    let _gil = taipan_vm::gil::hold();
    let l12 = || new_list(vec![i(1), i(2)]);
    let bin = |a: Object, b: Object, op| outcome(ops::binary_op(a.as_ref(), b.as_ref(), op));
    assert_eq!(bin(l12(), new_list(vec![i(3)]), BinOp::Add), "[1, 2, 3]");
    assert_eq!(bin(l12(), i(2), BinOp::Mul), "[1, 2, 1, 2]");
    assert_eq!(bin(i(2), new_list(vec![i(0)]), BinOp::Mul), "[0, 0]");
    assert_eq!(
        bin(new_list(vec![i(1)]), new_tuple(vec![i(2)]), BinOp::Add),
        "!TypeError: can only concatenate list (not \"tuple\") to list"
    );
    assert_eq!(
        bin(new_list(vec![i(1)]), new_float(2.0), BinOp::Mul),
        "!TypeError: can't multiply sequence by non-int of type 'float'"
    );
    assert_eq!(bin(new_tuple(vec![i(1)]), i(3), BinOp::Mul), "(1, 1, 1)");
    assert_eq!(bin(new_tuple(vec![i(1), i(2)]), new_tuple(vec![i(3)]), BinOp::Add), "(1, 2, 3)");
    assert_eq!(
        bin(new_tuple(vec![i(1)]), new_list(vec![i(2)]), BinOp::Add),
        "!TypeError: can only concatenate tuple (not \"list\") to tuple"
    );
    let cmp = |a: Object, b: Object, op| outcome(ops::rich_compare(a.as_ref(), b.as_ref(), op));
    let l = |v: Vec<Object>| new_list(v);
    // [1,2,3] < [1,2,4], [1,2] < [1,2,0], [1, "a"] < [1, 2], [1,[2]] == [1,[2]]
    assert_eq!(cmp(l(vec![i(1), i(2), i(3)]), l(vec![i(1), i(2), i(4)]), CompareOp::Lt), "True");
    assert_eq!(cmp(l(vec![i(1), i(2)]), l(vec![i(1), i(2), i(0)]), CompareOp::Lt), "True");
    assert_eq!(
        cmp(l(vec![i(1), new_str("a")]), l(vec![i(1), i(2)]), CompareOp::Lt),
        "!TypeError: '<' not supported between instances of 'str' and 'int'"
    );
    assert_eq!(
        cmp(l(vec![i(1), l(vec![i(2)])]), l(vec![i(1), l(vec![i(2)])]), CompareOp::Eq),
        "True"
    );
    // ((1,2),) < ((1,3),) -> True ; (1,2,3)[1:] -> (2, 3) ; (1,2,3)[-2**70:2**70] -> (1, 2, 3)
    let t12 = new_tuple(vec![new_tuple(vec![i(1), i(2)])]);
    let t13 = new_tuple(vec![new_tuple(vec![i(1), i(3)])]);
    assert_eq!(cmp(t12, t13, CompareOp::Lt), "True");
    let t = new_tuple(vec![i(1), i(2), i(3)]);
    let s = new_slice(i(1), none(), none());
    assert_eq!(outcome(ops::getitem(t.as_ref(), s.as_ref())), "(2, 3)");
    let wide = new_slice(
        common::int("-1180591620717411303424"),
        common::int("1180591620717411303424"),
        none(),
    );
    assert_eq!(outcome(ops::getitem(t.as_ref(), wide.as_ref())), "(1, 2, 3)");
    // (1,2,3)[True] -> 2
    assert_eq!(outcome(ops::getitem(t.as_ref(), py_bool(true).as_ref())), "2");
    // 1 < None
    assert_eq!(
        cmp(i(1), none(), CompareOp::Lt),
        "!TypeError: '<' not supported between instances of 'int' and 'NoneType'"
    );
    assert_eq!(cmp(none(), none(), CompareOp::Eq), "True");
}

#[test]
fn bools_and_singletons() {
    let _gil = taipan_vm::gil::hold();
    let (t, f) = (py_bool(true), py_bool(false));
    let bin = |a: &Object, b: &Object, op| outcome(ops::binary_op(a.as_ref(), b.as_ref(), op));
    // True + True, True & False, True ^ 1, -True, ~True, True / 2
    assert_eq!(bin(&t, &t, BinOp::Add), "2");
    assert_eq!(bin(&t, &f, BinOp::And), "False");
    assert_eq!(bin(&t, &i(1), BinOp::Xor), "0");
    assert_eq!(outcome(ops::unary_op(t.as_ref(), UnaryOp::Neg)), "-1");
    assert_eq!(outcome(ops::unary_op(t.as_ref(), UnaryOp::Invert)), "-2");
    assert_eq!(bin(&t, &i(2), BinOp::TrueDiv), "0.5");
    assert_eq!(repr(none().as_ref()), "None");
    assert_eq!(repr(ELLIPSIS.as_ref()), "Ellipsis");
    assert_eq!(repr(NOT_IMPLEMENTED.as_ref()), "NotImplemented");
    assert!(!ops::is_true(none().as_ref()).unwrap());
    assert!(!ops::is_true(new_list(vec![]).as_ref()).unwrap());
    assert!(ops::is_true(new_str("x").as_ref()).unwrap());
    assert!(!ops::is_true(new_float(0.0).as_ref()).unwrap());
}

#[test]
fn protocol_error_messages() {
    let _gil = taipan_vm::gil::hold();
    let un = |a: Object, op| outcome(ops::unary_op(a.as_ref(), op));
    assert_eq!(un(new_str("a"), UnaryOp::Neg), "!TypeError: bad operand type for unary -: 'str'");
    assert_eq!(
        un(new_float(1.5), UnaryOp::Invert),
        "!TypeError: bad operand type for unary ~: 'float'"
    );
    assert_eq!(un(new_str("x"), UnaryOp::Abs), "!TypeError: bad operand type for abs(): 'str'");
    assert_eq!(
        outcome(ops::len(i(5).as_ref()).map(|n| i(n as i64))),
        "!TypeError: object of type 'int' has no len()"
    );
    assert_eq!(
        outcome(ops::getitem(i(5).as_ref(), i(0).as_ref())),
        "!TypeError: 'int' object is not subscriptable"
    );
    assert_eq!(
        outcome(ops::contains(i(5).as_ref(), i(1).as_ref()).map(py_bool)),
        "!TypeError: argument of type 'int' is not a container or iterable"
    );
}

#[test]
fn exceptions_as_values() {
    let _gil = taipan_vm::gil::hold();
    // repr(ValueError("bad", 2)), str(ValueError("bad", 2)), repr(TypeError()), str(KeyError("k"))
    let args = new_tuple(vec![new_str("bad"), i(2)]);
    let e = PyErr::from_instance(taipan_vm::types::exceptions::new_exception(&VALUE_ERROR.0, args));
    assert_eq!(repr(e.instance()), "ValueError('bad', 2)");
    assert_eq!(e.message(), "('bad', 2)");
    let e = PyErr::from_instance(taipan_vm::types::exceptions::new_exception(
        &TYPE_ERROR.0,
        taipan_vm::types::tuple::empty_tuple(),
    ));
    assert_eq!(repr(e.instance()), "TypeError()");
    assert_eq!(e.to_string(), "TypeError");
    let e = PyErr::with_arg(&KEY_ERROR, new_str("k"));
    assert_eq!(e.message(), "'k'");
    assert!(e.matches(&taipan_vm::types::exceptions::LOOKUP_ERROR));
    assert!(!e.matches(&VALUE_ERROR));
}

#[test]
fn bytes_operations() {
    let _gil = taipan_vm::gil::hold();
    let b = |s: &[u8]| new_bytes(s);
    let bin = |a: Object, c: Object, op| outcome(ops::binary_op(a.as_ref(), c.as_ref(), op));
    // b"ab\x00\xff" + b"c", b"abc"[1], b"abc"[::-1], b"x"*3
    assert_eq!(bin(b(b"ab\x00\xff"), b(b"c"), BinOp::Add), "b'ab\\x00\\xffc'");
    assert_eq!(outcome(ops::getitem(b(b"abc").as_ref(), i(1).as_ref())), "98");
    let rev = new_slice(none(), none(), i(-1));
    assert_eq!(outcome(ops::getitem(b(b"abc").as_ref(), rev.as_ref())), "b'cba'");
    assert_eq!(bin(b(b"x"), i(3), BinOp::Mul), "b'xxx'");
    // 98 in b"abc", b"bc" in b"abc", 300 in b"a", b"a" < b"b", b"abc"[5]
    assert!(ops::contains(b(b"abc").as_ref(), i(98).as_ref()).unwrap());
    assert!(ops::contains(b(b"abc").as_ref(), b(b"bc").as_ref()).unwrap());
    assert_eq!(
        outcome(ops::contains(b(b"a").as_ref(), i(300).as_ref()).map(py_bool)),
        "!ValueError: byte must be in range(0, 256)"
    );
    assert!(ops::rich_compare_bool(b(b"a").as_ref(), b(b"b").as_ref(), CompareOp::Lt).unwrap());
    assert_eq!(
        outcome(ops::getitem(b(b"abc").as_ref(), i(5).as_ref())),
        "!IndexError: index out of range"
    );
    // repr(slice(1, None, -1))
    assert_eq!(repr(new_slice(i(1), none(), i(-1)).as_ref()), "slice(1, None, -1)");
}

#[test]
fn list_methods_keep_counts() {
    let _gil = taipan_vm::gil::hold();
    let item = new_str("payload item");
    let l = new_list(vec![]);
    let p = as_list(l.as_ref()).unwrap();
    for _ in 0..100 {
        p.append(item.clone());
    }
    assert_eq!(item.refcnt(), Some(101));
    p.insert(0, item.clone());
    drop(p.pop());
    drop(p.remove(0));
    assert_eq!(item.refcnt(), Some(100));
    p.clear();
    assert_eq!(item.refcnt(), Some(1));
}
