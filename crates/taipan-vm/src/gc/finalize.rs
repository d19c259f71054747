//! Finalisers run by the deallocation path and the collector: the `finalize` slot of classes
//! defining `__del__`.

use crate::object::ObjectRef;
use crate::types::str::intern;

/// `finalize` slot of a class with `__del__`: calls it, printing what it raises as CPython's
/// "Exception ignored while calling deallocator" report. The exception being handled around the
/// call is kept.
pub(crate) fn slot_del(o: ObjectRef<'_>) {
    let Ok(Some(del)) =
        crate::types::typelookup::type_lookup(o.type_(), intern("__del__").as_ref())
    else {
        return;
    };
    let saved = crate::eval::current_exception();
    let result = match del.type_().slots.descr_get.get() {
        Some(get) => get(del.as_ref(), Some(o), Some(o.type_().as_object()))
            .and_then(|bound| crate::ops::call(bound.as_ref(), &[], None)),
        None => crate::ops::call(del.as_ref(), &[o.to_owned()], None),
    };
    drop(crate::eval::set_current_exception(saved));
    if let Err(e) = result {
        super::write_unraisable(
            e,
            "Exception ignored while calling deallocator",
            Some(del.as_ref()),
        );
    }
}
