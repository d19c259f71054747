//! `dict_keys`, `dict_values`, `dict_items`: live views of a dict (`len`, iteration, `in`,
//! `repr`, set operations on keys and items, `isdisjoint`), and the reverse iterators of a dict
//! and its views (`reversed(d)`, `dict_reversekeyiterator`, ...).

use crate::error::PyResult;
use crate::object::alloc::{dealloc_payload, new_object};
use crate::object::{Object, ObjectRef, PyPayload};
use crate::ops;
use crate::types::dict::as_dict;
use crate::types::iter::{dict_items_iter, dict_keys_iter, dict_values_iter};
use crate::types::str::new_str;
use crate::types::tuple::{new_tuple, tuple_items};
use crate::types::typeobject::{
    BinaryFn, CompareOp, ContainsFn, LenFn, PyType, RichCompareFn, Slots, StaticType, TypeFlags,
    UnaryFn, slot,
};

pub struct DictViewPayload {
    pub dict: Object,
}

// SAFETY: views are built only by `new_view` with a `DictViewPayload`; all three view types
// derive from `DICT_VIEW_BASE`.
unsafe impl PyPayload for DictViewPayload {
    fn type_object() -> &'static PyType {
        &DICT_VIEW_BASE.0
    }
}

pub fn new_view(ty: &'static StaticType, dict: Object) -> Object {
    new_object(&ty.0, DictViewPayload { dict })
}

fn dict_of(o: ObjectRef<'_>) -> ObjectRef<'_> {
    o.payload::<DictViewPayload>().expect("dict view").dict.as_ref()
}

fn kind(o: ObjectRef<'_>) -> u8 {
    let t = o.type_();
    if t.is_subtype(&DICT_KEYS_TYPE.0) {
        0
    } else if t.is_subtype(&DICT_VALUES_TYPE.0) {
        1
    } else {
        2
    }
}

fn view_len(o: ObjectRef<'_>) -> PyResult<usize> {
    Ok(as_dict(dict_of(o)).expect("dict").len())
}

fn view_iter(o: ObjectRef<'_>) -> PyResult<Object> {
    let d = dict_of(o);
    match kind(o) {
        0 => dict_keys_iter(d),
        1 => dict_values_iter(d),
        _ => dict_items_iter(d),
    }
}

fn view_contains(o: ObjectRef<'_>, v: ObjectRef<'_>) -> PyResult<bool> {
    let d = as_dict(dict_of(o)).expect("dict");
    match kind(o) {
        0 => d.contains(v),
        1 => {
            for x in d.values() {
                if x.as_ref().is(v) || ops::rich_compare_bool(x.as_ref(), v, CompareOp::Eq)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => {
            let Some([k, val]) = tuple_items(v).and_then(|t| <&[Object; 2]>::try_from(t).ok())
            else {
                return Ok(false);
            };
            match d.get_item(k.as_ref())? {
                Some(x) => Ok(x.as_ref().is(val.as_ref())
                    || ops::rich_compare_bool(x.as_ref(), val.as_ref(), CompareOp::Eq)?),
                None => Ok(false),
            }
        }
    }
}

fn items_of(o: ObjectRef<'_>) -> PyResult<Vec<Object>> {
    let d = as_dict(dict_of(o)).expect("dict");
    Ok(match kind(o) {
        0 => d.keys(),
        1 => d.values(),
        _ => d.items().into_iter().map(|(k, v)| new_tuple(vec![k, v])).collect(),
    })
}

fn view_repr(o: ObjectRef<'_>) -> PyResult<Object> {
    let Some(_guard) = ops::ReprGuard::enter(o) else {
        return Ok(new_str("..."));
    };
    let mut out = format!("{}([", o.type_().name());
    for (i, x) in items_of(o)?.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&ops::repr_string(x.as_ref())?);
    }
    out.push_str("])");
    Ok(new_str(&out))
}

/// The operands of a set operation as sets (a view's items, or any iterable).
fn as_set(o: ObjectRef<'_>) -> PyResult<Object> {
    if o.payload::<DictViewPayload>().is_some() {
        return crate::types::set::new_set(items_of(o)?);
    }
    crate::types::set::new_set(crate::eval::helpers::iterate(o)?)
}

macro_rules! set_op {
    ($name:ident, $op:expr) => {
        fn $name(a: ObjectRef<'_>, b: ObjectRef<'_>) -> PyResult<Object> {
            let (x, y) = (as_set(a)?, as_set(b)?);
            ops::binary_op(x.as_ref(), y.as_ref(), $op)
        }
    };
}

set_op!(view_and, ops::BinOp::And);
set_op!(view_or, ops::BinOp::Or);
set_op!(view_sub, ops::BinOp::Sub);
set_op!(view_xor, ops::BinOp::Xor);

fn view_richcompare(a: ObjectRef<'_>, b: ObjectRef<'_>, op: CompareOp) -> PyResult<Object> {
    if kind(a) == 1
        || b.payload::<DictViewPayload>().is_none() && crate::types::set::as_set(b).is_none()
    {
        return crate::types::object::object_richcompare(a, b, op);
    }
    let (x, y) = (as_set(a)?, as_set(b)?);
    ops::rich_compare(x.as_ref(), y.as_ref(), op)
}

fn view_traverse(o: ObjectRef<'_>, visit: &mut dyn FnMut(ObjectRef<'_>)) {
    visit(dict_of(o));
}

/// # Safety
/// Called only by the deallocation path on a dead view.
unsafe fn view_dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: views carry a `DictViewPayload`.
    unsafe { dealloc_payload::<DictViewPayload>(obj) }
}

const fn view_slots(setlike: bool) -> Slots {
    let base = Slots {
        repr: slot(view_repr as UnaryFn),
        iter: slot(view_iter as UnaryFn),
        sq_length: slot(view_len as LenFn),
        sq_contains: slot(view_contains as ContainsFn),
        richcompare: slot(view_richcompare as RichCompareFn),
        ..crate::types::object::object_slots()
    };
    if setlike {
        Slots {
            nb_and: slot(view_and as BinaryFn),
            nb_or: slot(view_or as BinaryFn),
            nb_subtract: slot(view_sub as BinaryFn),
            nb_xor: slot(view_xor as BinaryFn),
            hash: crate::types::typeobject::Slot::empty(),
            ..base
        }
    } else {
        Slots { hash: crate::types::typeobject::Slot::empty(), ..base }
    }
}

macro_rules! view_type {
    ($static:ident, $name:literal, $base:expr, $tag:literal, $setlike:expr) => {
        pub static $static: StaticType = StaticType(PyType::new_static(
            $name,
            Some($base),
            std::mem::size_of::<DictViewPayload>(),
            0,
            TypeFlags::HAVE_GC,
            $tag,
            view_dealloc,
            Some(view_traverse),
            view_slots($setlike),
        ));
    };
}

view_type!(DICT_VIEW_BASE, "dict_view", &crate::types::object::OBJECT_TYPE.0, 223, false);
view_type!(DICT_KEYS_TYPE, "dict_keys", &DICT_VIEW_BASE.0, 224, true);
view_type!(DICT_VALUES_TYPE, "dict_values", &DICT_VIEW_BASE.0, 225, false);
view_type!(DICT_ITEMS_TYPE, "dict_items", &DICT_VIEW_BASE.0, 226, true);

/// What a reverse dict iterator yields.
#[derive(Clone, Copy)]
enum RevKind {
    Keys,
    Values,
    Items,
}

/// The state a reverse dict iterator shares with its `__reduce__`: the dict, its size when
/// iteration started, the entry position and how many entries are left.
struct RevState {
    dict: Object,
    expected: usize,
    pos: std::cell::Cell<usize>,
    left: std::cell::Cell<usize>,
}

impl RevState {
    /// The next item (moving `pos`/`left`), `None` at the end.
    fn step(&self, kind: RevKind) -> crate::error::PyResult<Option<Object>> {
        let d = as_dict(self.dict.as_ref()).expect("dict");
        if d.len() != self.expected {
            return Err(crate::error::PyErr::new(
                &crate::types::exceptions::RUNTIME_ERROR,
                "dictionary changed size during iteration",
            ));
        }
        if self.left.get() == 0 {
            return Ok(None);
        }
        let Some((at, k, v)) = d.prev_entry(self.pos.get()) else { return Ok(None) };
        self.pos.set(at);
        self.left.set(self.left.get() - 1);
        Ok(Some(match kind {
            RevKind::Keys => k,
            RevKind::Values => v,
            RevKind::Items => new_tuple(vec![k, v]),
        }))
    }
}

/// A reverse iterator over `dict`'s entries, raising CPython's RuntimeError when the dict
/// changes size while it runs.
fn reverse_iter(dict: Object, kind: RevKind) -> Object {
    let expected = as_dict(dict.as_ref()).expect("dict").len();
    let state = std::rc::Rc::new(RevState {
        dict,
        expected,
        pos: std::cell::Cell::new(usize::MAX),
        left: std::cell::Cell::new(expected),
    });
    let ty = match kind {
        RevKind::Keys => &crate::types::native_iter::DICT_REVERSEKEYITERATOR_TYPE,
        RevKind::Values => &crate::types::native_iter::DICT_REVERSEVALUEITERATOR_TYPE,
        RevKind::Items => &crate::types::native_iter::DICT_REVERSEITEMITERATOR_TYPE,
    };
    let st = state.clone();
    let it = crate::types::native_iter::new_native_iter(ty, Box::new(move || st.step(kind)));
    // `__reduce__`: `(iter, (remaining items,))`, read from a copy of the position.
    crate::types::native_iter::with_reduce(
        it,
        Box::new(move |s| {
            let live = s
                .payload::<crate::types::native_iter::NativeIterPayload>()
                .is_some_and(|p| p.is_live());
            let mut items = Vec::new();
            if live {
                let copy = RevState {
                    dict: state.dict.clone(),
                    expected: state.expected,
                    pos: state.pos.clone(),
                    left: state.left.clone(),
                };
                while let Some(v) = copy.step(kind)? {
                    items.push(v);
                }
            }
            Ok(crate::types::native_iter::reduce_tuple(
                crate::types::native_iter::builtin("iter")?,
                vec![crate::types::list::new_list(items)],
                None,
            ))
        }),
    )
}

/// `reversed(o)` for a dict (or subclass) or a dict view; `None` for anything else.
pub(crate) fn reversed_of(o: ObjectRef<'_>) -> Option<Object> {
    if as_dict(o).is_some() {
        return Some(reverse_iter(o.to_owned(), RevKind::Keys));
    }
    o.payload::<DictViewPayload>()?;
    let kind = match kind(o) {
        0 => RevKind::Keys,
        1 => RevKind::Values,
        _ => RevKind::Items,
    };
    Some(reverse_iter(dict_of(o).to_owned(), kind))
}

fn this<'a>(s: Option<ObjectRef<'a>>) -> ObjectRef<'a> {
    s.expect("method called with self")
}

/// `reversed(d)` / `dict.__reversed__`.
fn dict_reversed(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    crate::builtins::args::Args::new(args, kw).check_method("dict", "__reversed__", 0, 0)?;
    Ok(reverse_iter(this(s).to_owned(), RevKind::Keys))
}

/// `reversed(view)`.
fn view_reversed(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    crate::builtins::args::Args::new(args, kw).check_method(
        s.map_or("dict_keys", |o| o.type_().name()),
        "__reversed__",
        0,
        0,
    )?;
    let v = this(s);
    let kind = match kind(v) {
        0 => RevKind::Keys,
        1 => RevKind::Values,
        _ => RevKind::Items,
    };
    Ok(reverse_iter(dict_of(v).to_owned(), kind))
}

/// `view.isdisjoint(iterable)`: true when no item of `iterable` is in the view.
fn view_isdisjoint(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    crate::builtins::args::Args::new(args, kw).count("isdisjoint", 1, 1)?;
    let me = this(s);
    let other = args[0].as_ref();
    if me.is(other) {
        return Ok(crate::types::bool::py_bool(view_len(me)? == 0));
    }
    // Iterate over the smaller side when both sizes are known, as CPython does.
    let other_len = if other.payload::<DictViewPayload>().is_some()
        || crate::types::set::as_set(other).is_some()
        || crate::types::dict::as_dict(other).is_some()
    {
        Some(ops::len(other)?)
    } else {
        None
    };
    let (walk, probe) = match other_len {
        Some(n) if n > view_len(me)? => (me, other),
        _ => (other, me),
    };
    let it = ops::iter(walk)?;
    while let Some(x) = ops::next(it.as_ref())? {
        if ops::contains(probe, x.as_ref())? {
            return Ok(crate::types::bool::py_bool(false));
        }
    }
    Ok(crate::types::bool::py_bool(true))
}

/// `view.mapping`: a read-only proxy of the underlying dict.
fn view_mapping(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    _: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let v = s.or_else(|| args.first().map(|a| a.as_ref())).expect("view");
    Ok(crate::types::mappingproxy::new_mappingproxy(dict_of(v).to_owned()))
}

/// Registers `isdisjoint` and `__reversed__` on the views and `__reversed__` on dict.
pub(crate) fn register_methods() {
    use crate::types::function::{NativeFn, new_method_descriptor};
    use crate::types::typelookup::register_static_attr;
    let reg = |ty: &'static PyType, name: &'static str, f: NativeFn| {
        let _ = register_static_attr(ty, name, new_method_descriptor(ty, name, f));
    };
    reg(&crate::types::dict::DICT_TYPE.0, "__reversed__", dict_reversed);
    for ty in [&DICT_KEYS_TYPE, &DICT_VALUES_TYPE, &DICT_ITEMS_TYPE] {
        reg(&ty.0, "__reversed__", view_reversed);
    }
    for ty in [&DICT_KEYS_TYPE, &DICT_VALUES_TYPE, &DICT_ITEMS_TYPE] {
        let getter = crate::types::function::new_builtin_function("mapping", view_mapping);
        let _ =
            register_static_attr(&ty.0, "mapping", crate::types::descriptors::new_property(getter));
    }
    reg(&DICT_KEYS_TYPE.0, "isdisjoint", view_isdisjoint);
    reg(&DICT_ITEMS_TYPE.0, "isdisjoint", view_isdisjoint);
}
