//! The attribute protocol's lookups and CPython's error messages. Oracle (cpython3.14 -c):
//! `(1).foo`, `(1).foo = 2`, `int.foo`, `int.foo = 1`, `del int.foo`, `[].x`,
//! `class A: pass` then `A.zz` / `del A.zz`, `getattr(1, 5)`, `del (1).bit_length`.

mod common;

use common::outcome;
use taipan_vm::attr::{getattr, setattr};
use taipan_vm::object::Object;
use taipan_vm::types::heaptype::new_heap_type;
use taipan_vm::types::int::INT_TYPE;
use taipan_vm::types::list::new_list;
use taipan_vm::types::singletons::none;
use taipan_vm::types::str::{intern, new_str};
use taipan_vm::types::typelookup::register_static_attr;
use taipan_vm::types::typeobject::as_type;

fn small(v: i64) -> Object {
    Object::try_small_int(v).unwrap()
}

fn unit(r: taipan_vm::PyResult<()>) -> taipan_vm::PyResult<Object> {
    r.map(|_| none())
}

#[test]
fn missing_attributes_and_immutable_types() {
    let _gil = taipan_vm::gil::hold();
    let one = small(1);
    let foo = new_str("foo");
    assert_eq!(
        outcome(getattr(one.as_ref(), foo.as_ref())),
        "!AttributeError: 'int' object has no attribute 'foo'"
    );
    assert_eq!(
        outcome(unit(setattr(one.as_ref(), foo.as_ref(), Some(small(2).as_ref())))),
        "!AttributeError: 'int' object has no attribute 'foo' and no __dict__ for setting new \
         attributes"
    );
    let int_obj = INT_TYPE.0.as_object();
    assert_eq!(
        outcome(getattr(int_obj, foo.as_ref())),
        "!AttributeError: type object 'int' has no attribute 'foo'"
    );
    assert_eq!(
        outcome(unit(setattr(int_obj, foo.as_ref(), Some(small(1).as_ref())))),
        "!TypeError: cannot set 'foo' attribute of immutable type 'int'"
    );
    assert_eq!(
        outcome(unit(setattr(int_obj, foo.as_ref(), None))),
        "!TypeError: cannot set 'foo' attribute of immutable type 'int'"
    );
    assert_eq!(
        outcome(getattr(new_list(vec![]).as_ref(), new_str("x").as_ref())),
        "!AttributeError: 'list' object has no attribute 'x'"
    );
    assert_eq!(
        outcome(getattr(one.as_ref(), small(5).as_ref())),
        "!TypeError: attribute name must be string, not 'int'"
    );
}

#[test]
fn type_attributes_through_instances_and_classes() {
    let _gil = taipan_vm::gil::hold();
    let a = new_heap_type("A", &INT_TYPE.0).unwrap();
    let zz = new_str("zz");
    assert_eq!(
        outcome(getattr(a.as_ref(), zz.as_ref())),
        "!AttributeError: type object 'A' has no attribute 'zz'"
    );
    assert_eq!(
        outcome(unit(setattr(a.as_ref(), zz.as_ref(), None))),
        "!AttributeError: type object 'A' has no attribute 'zz'"
    );
    let x = intern("x");
    setattr(a.as_ref(), x.as_ref(), Some(small(1).as_ref())).unwrap();
    assert_eq!(outcome(getattr(a.as_ref(), x.as_ref())), "1");
    // An instance sees its class's attribute.
    let inst = taipan_vm::object::alloc::new_object(
        as_type(a.as_ref()).unwrap(),
        taipan_vm::types::int::IntPayload { value: 3.into() },
    );
    assert_eq!(outcome(getattr(inst.as_ref(), x.as_ref())), "1");
    // Deleting it makes it disappear from class and instance (the cache follows).
    setattr(a.as_ref(), x.as_ref(), None).unwrap();
    assert_eq!(
        outcome(getattr(inst.as_ref(), x.as_ref())),
        "!AttributeError: 'A' object has no attribute 'x'"
    );
    // Builtin types' registered attributes are found on instances of every subclass.
    register_static_attr(&INT_TYPE.0, "attr_for_test", small(7)).unwrap();
    let name = intern("attr_for_test");
    assert_eq!(outcome(getattr(inst.as_ref(), name.as_ref())), "7");
    assert_eq!(outcome(getattr(small(5).as_ref(), name.as_ref())), "7");
    assert_eq!(
        outcome(unit(setattr(small(5).as_ref(), name.as_ref(), None))),
        "!AttributeError: 'int' object attribute 'attr_for_test' is read-only"
    );
}
