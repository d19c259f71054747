//! Helpers shared by the taipan-vm integration tests.
#![allow(dead_code)]

use std::str::FromStr;

use dashu_int::IBig;
use taipan_vm::error::PyErr;
use taipan_vm::object::{Object, ObjectRef};
use taipan_vm::ops;
use taipan_vm::types::int::new_int;

/// An int object from decimal text.
pub fn int(dec: &str) -> Object {
    new_int(IBig::from_str(dec).expect("decimal int"))
}

pub fn repr(o: ObjectRef<'_>) -> String {
    ops::repr_string(o).expect("repr")
}

/// The oracle files' form of an outcome: `repr(value)` or `!Name: message`.
pub fn outcome(r: Result<Object, PyErr>) -> String {
    match r {
        Ok(o) => repr(o.as_ref()),
        Err(e) => format!("!{}: {}", e.exc_type().name(), e.message()),
    }
}

/// Runs `f` on a thread with a 2 MiB stack (the default size for spawned threads).
pub fn on_small_stack<F: FnOnce() + Send + 'static>(f: F) {
    let h = std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(move || {
            let _gil = taipan_vm::gil::hold();
            f()
        })
        .expect("spawn");
    taipan_vm::gil::allow_threads(move || h.join()).expect("thread panicked");
}
