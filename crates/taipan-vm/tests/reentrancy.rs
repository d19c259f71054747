//! Mutation from inside a comparison: a key's `==` (here a native test type's richcompare slot,
//! standing in for a Python `__eq__`) empties the container being searched. Lookups must restart
//! or stop cleanly, never read freed storage (run under AddressSanitizer too; see docs/vm.md,
//! "Interior mutability").

use std::cell::RefCell;
use std::ptr::NonNull;

use taipan_vm::object::alloc::{dealloc_payload, new_object};
use taipan_vm::object::{Object, ObjectRef, PyObject, PyPayload};
use taipan_vm::ops;
use taipan_vm::types::dict::{as_dict, new_dict};
use taipan_vm::types::list::{as_list, new_list};
use taipan_vm::types::singletons::not_implemented;
use taipan_vm::types::str::new_str;
use taipan_vm::types::typeobject::{
    CompareOp, HashFn, PyType, RichCompareFn, Slots, StaticType, TypeFlags, slot,
};
use taipan_vm::{PyResult, error::PyErr};

thread_local! {
    /// The container the next comparison empties.
    static VICTIM: RefCell<Option<Object>> = const { RefCell::new(None) };
}

struct Evil;

// SAFETY: `Evil` objects are made only by `evil()` with an `Evil` payload.
unsafe impl PyPayload for Evil {
    fn type_object() -> &'static PyType {
        &EVIL_TYPE.0
    }
}

/// # Safety
/// Called by the deallocation path on a dead `Evil`.
unsafe fn evil_dealloc(obj: NonNull<PyObject>) {
    // SAFETY: made by `new_object` with an `Evil` payload.
    unsafe { dealloc_payload::<Evil>(obj) }
}

fn evil_hash(_: ObjectRef<'_>) -> PyResult<isize> {
    Ok(42)
}

fn evil_compare(_: ObjectRef<'_>, _: ObjectRef<'_>, _: CompareOp) -> PyResult<Object> {
    if let Some(victim) = VICTIM.with(|v| v.borrow_mut().take()) {
        if let Some(d) = as_dict(victim.as_ref()) {
            d.clear();
        } else if let Some(l) = as_list(victim.as_ref()) {
            l.clear();
        } else if let Some(st) = taipan_vm::types::set::as_set(victim.as_ref()) {
            st.clear();
        } else {
            return Err(PyErr::type_error("bad victim"));
        }
    }
    Ok(not_implemented())
}

static EVIL_TYPE: StaticType = StaticType(PyType::new_static(
    "Evil",
    Some(&taipan_vm::types::object::OBJECT_TYPE.0),
    0,
    0,
    TypeFlags(0),
    9998,
    evil_dealloc,
    None,
    Slots {
        hash: slot(evil_hash as HashFn),
        richcompare: slot(evil_compare as RichCompareFn),
        ..taipan_vm::types::object::object_slots()
    },
));

fn evil() -> Object {
    new_object(&EVIL_TYPE.0, Evil)
}

#[test]
fn dict_cleared_during_key_comparison() {
    let _gil = taipan_vm::gil::hold();
    let d = new_dict();
    let dp = as_dict(d.as_ref()).unwrap();
    // Many colliding keys with values that are the only reference to big objects.
    for _ in 0..20 {
        dp.set_item(evil(), new_str(&"v".repeat(1000))).unwrap();
    }
    assert_eq!(dp.len(), 20);
    VICTIM.with(|v| *v.borrow_mut() = Some(d.clone()));
    // The probe compares with the first colliding key, which empties the dict: the lookup
    // restarts and finds nothing.
    let probe = evil();
    assert!(dp.get_item(probe.as_ref()).unwrap().is_none());
    assert_eq!(dp.len(), 0);
    // Insertion after the upheaval works and keeps order.
    dp.set_item(new_str("a"), new_str("b")).unwrap();
    assert_eq!(ops::repr_string(d.as_ref()).unwrap(), "{'a': 'b'}");
    assert_eq!(d.refcnt(), Some(1));
}

#[test]
fn list_cleared_during_contains_and_compare() {
    let _gil = taipan_vm::gil::hold();
    let l = new_list((0..50).map(|_| evil()).collect());
    VICTIM.with(|v| *v.borrow_mut() = Some(l.clone()));
    let probe = evil();
    assert!(!ops::contains(l.as_ref(), probe.as_ref()).unwrap());
    assert_eq!(ops::len(l.as_ref()).unwrap(), 0);
    let a = new_list((0..50).map(|_| evil()).collect());
    let b = new_list((0..50).map(|_| evil()).collect());
    VICTIM.with(|v| *v.borrow_mut() = Some(a.clone()));
    let r = ops::rich_compare_bool(a.as_ref(), b.as_ref(), CompareOp::Eq).unwrap();
    assert!(!r);
    assert_eq!(a.refcnt(), Some(1));
}

#[test]
fn set_cleared_during_element_comparison() {
    let _gil = taipan_vm::gil::hold();
    use taipan_vm::types::set::{as_set, new_set};
    let st = new_set((0..20).map(|_| evil()).collect()).unwrap();
    let sp = as_set(st.as_ref()).unwrap();
    assert_eq!(sp.len(), 20);
    VICTIM.with(|v| *v.borrow_mut() = Some(st.clone()));
    let probe = evil();
    assert!(!sp.contains(probe.as_ref()).unwrap());
    assert_eq!(sp.len(), 0);
    sp.add(new_str("after")).unwrap();
    assert_eq!(ops::repr_string(st.as_ref()).unwrap(), "{'after'}");
    assert_eq!(st.refcnt(), Some(1));
}
