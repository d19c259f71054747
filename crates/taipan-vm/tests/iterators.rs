//! The container iterators against the oracle:
//! cpython3.14 -c 'print([type(iter(x)).__name__ for x in ([], (), "a", "\xe9", b"", {})])'
//! -> ['list_iterator', 'tuple_iterator', 'str_ascii_iterator', 'str_iterator',
//!     'bytes_iterator', 'dict_keyiterator']
//! cpython3.14 -c 'print(list("a\u20acb"), list(b"ab"), list({"x": 1, "y": 2}.items()))'
//! -> ['a', '€', 'b'] [97, 98] [('x', 1), ('y', 2)]

mod common;

use common::{outcome, repr};
use taipan_vm::object::Object;
use taipan_vm::ops;
use taipan_vm::types::bytes::new_bytes;
use taipan_vm::types::dict::{as_dict, new_dict};
use taipan_vm::types::iter::{dict_items_iter, dict_values_iter};
use taipan_vm::types::list::new_list;
use taipan_vm::types::str::new_str;
use taipan_vm::types::tuple::new_tuple;

fn i(v: i64) -> Object {
    Object::try_small_int(v).unwrap()
}

fn drain(it: Object) -> String {
    let mut out = Vec::new();
    while let Some(x) = ops::next(it.as_ref()).unwrap() {
        out.push(repr(x.as_ref()));
    }
    // Exhausted iterators stay exhausted.
    assert!(ops::next(it.as_ref()).unwrap().is_none());
    format!("[{}]", out.join(", "))
}

#[test]
fn iterator_types_and_items() {
    let _gil = taipan_vm::gil::hold();
    let cases: Vec<(Object, &str)> = vec![
        (new_list(vec![]), "list_iterator"),
        (new_tuple(vec![]), "tuple_iterator"),
        (new_str("a"), "str_ascii_iterator"),
        (new_str("\u{e9}"), "str_iterator"),
        (new_bytes(b""), "bytes_iterator"),
        (new_dict(), "dict_keyiterator"),
    ];
    for (o, name) in cases {
        assert_eq!(ops::iter(o.as_ref()).unwrap().type_().name(), name);
    }
    assert_eq!(drain(ops::iter(new_str("a\u{20ac}b").as_ref()).unwrap()), "['a', '€', 'b']");
    assert_eq!(drain(ops::iter(new_bytes(b"ab").as_ref()).unwrap()), "[97, 98]");
    let d = new_dict();
    as_dict(d.as_ref()).unwrap().set_item(new_str("x"), i(1)).unwrap();
    as_dict(d.as_ref()).unwrap().set_item(new_str("y"), i(2)).unwrap();
    assert_eq!(drain(dict_items_iter(d.as_ref()).unwrap()), "[('x', 1), ('y', 2)]");
    assert_eq!(drain(dict_values_iter(d.as_ref()).unwrap()), "[1, 2]");
    assert_eq!(drain(ops::iter(d.as_ref()).unwrap()), "['x', 'y']");
    let l = new_list(vec![i(1), new_tuple(vec![i(2)])]);
    assert_eq!(drain(ops::iter(l.as_ref()).unwrap()), "[1, (2,)]");
}

#[test]
fn iterator_errors_and_release() {
    let _gil = taipan_vm::gil::hold();
    // d = {1: 2}; it = iter(d); d[3] = 4; next(it)
    //   -> RuntimeError: dictionary changed size during iteration
    let d = new_dict();
    as_dict(d.as_ref()).unwrap().set_item(i(1), i(2)).unwrap();
    let it = ops::iter(d.as_ref()).unwrap();
    as_dict(d.as_ref()).unwrap().set_item(i(3), i(4)).unwrap();
    let r = ops::next(it.as_ref()).map(|x| x.unwrap_or_else(taipan_vm::types::singletons::none));
    assert_eq!(outcome(r), "!RuntimeError: dictionary changed size during iteration");
    assert_eq!(outcome(ops::iter(i(5).as_ref())), "!TypeError: 'int' object is not iterable");
    let l = new_list(vec![]);
    assert_eq!(
        outcome(ops::next(l.as_ref()).map(|x| x.unwrap())),
        "!TypeError: 'list' object is not an iterator"
    );
    // A live iterator holds its container; exhaustion releases it.
    let l = new_list(vec![i(1)]);
    let it = ops::iter(l.as_ref()).unwrap();
    assert_eq!(l.refcnt(), Some(2));
    assert!(ops::next(it.as_ref()).unwrap().is_some());
    assert!(ops::next(it.as_ref()).unwrap().is_none());
    assert_eq!(l.refcnt(), Some(1));
}
