//! Tables keyed by an object's address must never outlive the object: a dead object's address
//! is soon given to a new one (docs/vm.md, "Tables keyed by address"). These tests make many
//! objects of the sizes such tables hold and check none of them is mistaken for an entry.

use taipan_vm::builtins::framefns::frame_fn;
use taipan_vm::object::{Object, ObjectRef};
use taipan_vm::types::dict::as_dict;
use taipan_vm::types::function::new_builtin_function;
use taipan_vm::types::module::module_dict;

fn nothing(
    _: Option<ObjectRef<'_>>,
    _: &[Object],
    _: Option<ObjectRef<'_>>,
) -> taipan_vm::PyResult<Object> {
    Ok(taipan_vm::types::singletons::none())
}

/// The frame-reading built-ins are recognised by identity. A new built-in function object (the
/// size of the ones that table names) must never be taken for one of them, even after the
/// start-up work freed objects of that size (the `super` function object that `super` the type
/// replaced in `builtins` once was such a dead entry).
#[test]
fn new_builtin_functions_are_not_frame_functions() {
    let _gil = taipan_vm::gil::hold();
    let b = taipan_vm::builtins::builtins_module();
    let d = module_dict(b.as_ref()).expect("dict").to_owned();
    let d = as_dict(d.as_ref()).expect("dict");
    for name in ["dir", "vars", "locals", "globals", "eval", "exec", "compile", "super"] {
        let f = d.get_str(name).expect("lookup").expect("present");
        assert!(frame_fn(f.as_ref()).is_some(), "{name} reads its caller's frame");
        // Deleting it from `builtins` must not free the address the table knows.
        d.del_item(taipan_vm::types::str::intern(name).as_ref()).expect("del");
        drop(f);
    }
    let made: Vec<Object> = (0..200_000).map(|_| new_builtin_function("f", nothing)).collect();
    let wrong = made.iter().filter(|f| frame_fn(f.as_ref()).is_some()).count();
    assert_eq!(wrong, 0, "new function objects taken for frame-reading built-ins");
}
