//! Heap types: creation from a base, inherited layout and slots, the instance -> type and
//! type -> base references, version tags, immutability of static types. Expected messages from
//! the oracle: `cpython3.14 -c 'class B(bool): pass'` and `-c 'int.x = 1'`; and
//! `class M(int): pass; print(type(M(5)+1), M(5)+1, repr(M(5)))` -> <class 'int'> 6 5.

mod common;

use common::{outcome, repr};
use dashu_int::IBig;
use taipan_vm::object::Object;
use taipan_vm::object::alloc::new_object;
use taipan_vm::ops::{self, BinOp};
use taipan_vm::types::bool::BOOL_TYPE;
use taipan_vm::types::heaptype::{ensure_version_tag, new_heap_type, set_type_attr};
use taipan_vm::types::int::{INT_TYPE, IntPayload};
use taipan_vm::types::list::{LIST_TYPE, ListPayload, as_list};
use taipan_vm::types::typeobject::{FIRST_HEAP_VERSION_TAG, as_type};

#[test]
fn subclass_of_int() {
    let _gil = taipan_vm::gil::hold();
    let m = new_heap_type("M", &INT_TYPE.0).unwrap();
    let ty = as_type(m.as_ref()).unwrap();
    assert_eq!(ty.name(), "M");
    assert!(ty.is_subtype(&INT_TYPE.0));
    assert_eq!(repr(m.as_ref()), "<class 'M'>");
    assert_eq!(m.refcnt(), Some(1));
    let five = new_object(ty, IntPayload { value: IBig::from(5) });
    // The instance owns a reference to its heap type.
    assert_eq!(m.refcnt(), Some(2));
    assert_eq!(five.type_().name(), "M");
    assert_eq!(repr(five.as_ref()), "5");
    let one = Object::try_small_int(1).unwrap();
    let six = ops::binary_op(five.as_ref(), one.as_ref(), BinOp::Add).unwrap();
    assert_eq!(six.type_().name(), "int");
    assert_eq!(repr(six.as_ref()), "6");
    drop(five);
    assert_eq!(m.refcnt(), Some(1));
    // The last reference to the type may be an instance's: dropping it frees both.
    let inst = new_object(ty, IntPayload { value: IBig::from(7) });
    drop(m);
    assert_eq!(repr(inst.as_ref()), "7");
    drop(inst);
}

#[test]
fn subclass_of_list_and_of_a_heap_type() {
    let _gil = taipan_vm::gil::hold();
    let l = new_heap_type("L", &LIST_TYPE.0).unwrap();
    let lt = as_type(l.as_ref()).unwrap();
    assert!(lt.is_gc());
    let ll = new_heap_type("LL", lt).unwrap();
    // A heap type owns a reference to its heap base, as its layout base and in `__bases__`.
    assert_eq!(l.refcnt(), Some(3));
    let llt = as_type(ll.as_ref()).unwrap();
    assert!(llt.is_subtype(&LIST_TYPE.0) && llt.is_subtype(lt));
    let x: Object = new_object(llt, ListPayload::default());
    as_list(x.as_ref()).unwrap().append(Object::try_small_int(1).unwrap());
    assert_eq!(repr(x.as_ref()), "[1]");
    drop(ll);
    drop(l);
    // The instance keeps the whole chain alive.
    assert_eq!(x.type_().base().unwrap().name(), "L");
    drop(x);
}

#[test]
fn refused_bases_and_immutable_types() {
    let _gil = taipan_vm::gil::hold();
    let r = new_heap_type("B", &BOOL_TYPE.0);
    assert_eq!(outcome(r), "!TypeError: type 'bool' is not an acceptable base type");
    let r = set_type_attr(INT_TYPE.0.as_object(), "x", Object::try_small_int(1).unwrap());
    assert_eq!(
        outcome(r.map(|_| taipan_vm::types::singletons::none())),
        "!TypeError: cannot set 'x' attribute of immutable type 'int'"
    );
}

#[test]
fn version_tags() {
    let _gil = taipan_vm::gil::hold();
    let a = new_heap_type("A", &INT_TYPE.0).unwrap();
    let b = new_heap_type("B", &INT_TYPE.0).unwrap();
    let (ta, tb) = (as_type(a.as_ref()).unwrap(), as_type(b.as_ref()).unwrap());
    let va = ta.version_tag();
    assert!(va >= FIRST_HEAP_VERSION_TAG);
    assert_ne!(va, tb.version_tag());
    // Static types have fixed tags below the heap range.
    assert!(INT_TYPE.0.version_tag() < FIRST_HEAP_VERSION_TAG);
    set_type_attr(a.as_ref(), "x", Object::try_small_int(1).unwrap()).unwrap();
    assert_eq!(ta.version_tag(), 0);
    let fresh = ensure_version_tag(ta);
    assert!(fresh != 0 && fresh != va);
    assert_eq!(ensure_version_tag(ta), fresh);
}

#[test]
fn type_lookup_cache_follows_version_tags() {
    let _gil = taipan_vm::gil::hold();
    use taipan_vm::types::str::{intern, new_str};
    use taipan_vm::types::typelookup::{register_static_attr, type_lookup};
    let small = |v: i64| Object::try_small_int(v).unwrap();
    // A static type's per-interpreter dict, seen through a subclass.
    register_static_attr(&INT_TYPE.0, "answer", small(42)).unwrap();
    let answer = intern("answer");
    let found = type_lookup(&BOOL_TYPE.0, answer.as_ref()).unwrap().unwrap();
    assert_eq!(found.small_int(), Some(42));

    let a = new_heap_type("A", &INT_TYPE.0).unwrap();
    let ta = as_type(a.as_ref()).unwrap();
    let b = new_heap_type("B", ta).unwrap();
    let tb = as_type(b.as_ref()).unwrap();
    let c = new_heap_type("C", tb).unwrap();
    let tc = as_type(c.as_ref()).unwrap();
    set_type_attr(a.as_ref(), "x", small(1)).unwrap();
    let x = intern("x");
    let y = intern("y");
    fn get(t: &taipan_vm::types::typeobject::PyType, n: &Object) -> Option<i64> {
        type_lookup(t, n.as_ref()).unwrap().and_then(|v| v.small_int())
    }
    assert_eq!(get(tc, &x), Some(1));
    assert_eq!(get(tc, &x), Some(1)); // now from the cache
    assert_eq!(get(tc, &y), None); // a cached miss
    assert_eq!(get(tc, &answer), Some(42)); // through A and B to int
    // Changing A drops the tags of B and C (transitively), so the cached answers go stale.
    let vc = tc.version_tag();
    set_type_attr(a.as_ref(), "x", small(2)).unwrap();
    set_type_attr(a.as_ref(), "y", small(3)).unwrap();
    assert_eq!(tc.version_tag(), 0);
    assert_eq!(get(tc, &x), Some(2));
    assert_eq!(get(tc, &y), Some(3));
    assert_ne!(tc.version_tag(), vc);
    // An attribute on the subclass shadows the base's.
    set_type_attr(b.as_ref(), "x", small(5)).unwrap();
    assert_eq!(get(tc, &x), Some(5));
    assert_eq!(get(ta, &x), Some(2));
    // A name that is not interned is looked up without the cache.
    let plain = new_str("x");
    assert_eq!(type_lookup(tc, plain.as_ref()).unwrap().unwrap().small_int(), Some(5));
    // A freed subclass leaves its base's list: modifying the base afterwards is safe.
    drop(c);
    set_type_attr(a.as_ref(), "z", small(0)).unwrap();
    assert_eq!(get(tb, &x), Some(5));
}
