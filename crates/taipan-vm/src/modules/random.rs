//! The `_random` module: `_random.Random`, CPython's Mersenne Twister generator, on the exact
//! core in `taipan_stdlib::random` (seeding, `random()`, `getrandbits`, `getstate`/`setstate`).
//! `random.Random` is a Python subclass of it (`typecall::register_subclass_new`).

use std::cell::RefCell;

use dashu_int::IBig;
use taipan_stdlib::error::{ErrorKind, PyError};
use taipan_stdlib::random::Mt19937;

use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::object::alloc::{dealloc_payload, new_object};
use crate::object::{Object, ObjectRef, PyPayload};
use crate::types::function::{NativeFn, new_bound_builtin, new_method_descriptor};
use crate::types::int::{int_value, new_int};
use crate::types::module::{module_dict, new_module};
use crate::types::singletons::{is_none, none};
use crate::types::tuple::{new_tuple, tuple_items};
use crate::types::typeobject::{InitFn, PyType, Slots, StaticType, TypeFlags};

pub struct RandomPayload {
    mt: RefCell<Mt19937>,
}

// SAFETY: `_random.Random` objects (and instances of its Python subclasses, made by
// `new_blank`) are built only with a `RandomPayload`.
unsafe impl PyPayload for RandomPayload {
    fn type_object() -> &'static PyType {
        &RANDOM_TYPE.0
    }
}

fn core_error(e: PyError) -> PyErr {
    match e.kind {
        ErrorKind::TypeError => PyErr::type_error(e.message),
        ErrorKind::OverflowError => PyErr::overflow_error(e.message),
        ErrorKind::MemoryError => PyErr::memory_error(),
        _ => PyErr::value_error(e.message),
    }
}

fn this(s: Option<ObjectRef<'_>>) -> &RandomPayload {
    s.and_then(|s| s.payload::<RandomPayload>()).expect("_random.Random")
}

fn new_blank(ty: &PyType) -> Object {
    new_object(ty, RandomPayload { mt: RefCell::new(Mt19937::default()) })
}

/// OS entropy for `seed(None)`: 624 words from `/dev/urandom`, else the time and process id.
fn entropy() -> Vec<u8> {
    use std::io::Read;
    let mut buf = vec![0u8; taipan_stdlib::random::N * 4];
    if let Ok(mut f) = std::fs::File::open("/dev/urandom")
        && f.read_exact(&mut buf).is_ok()
    {
        return buf;
    }
    let t = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let mut v = t.to_le_bytes().to_vec();
    v.extend_from_slice(&std::process::id().to_le_bytes());
    v
}

/// `seed(arg)` on the generator: entropy for None, the absolute value of an int, else the
/// object's hash.
fn seed_with(p: &RandomPayload, arg: Option<ObjectRef<'_>>) -> PyResult<()> {
    match arg {
        None => p.mt.borrow_mut().seed_entropy(&entropy()),
        Some(a) if is_none(a) => p.mt.borrow_mut().seed_entropy(&entropy()),
        Some(a) => match int_value(a) {
            Some(v) => {
                let v = v.to_ibig();
                p.mt.borrow_mut().seed_int(&v);
            }
            None => {
                let h = crate::ops::hash(a)?;
                p.mt.borrow_mut().seed_hash(h as i64);
            }
        },
    }
    Ok(())
}

/// `Random.__init__(x=None)` (also what `Random(x)` runs).
fn random_init(o: ObjectRef<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<()> {
    let a = Args::new(args, kw);
    if std::ptr::eq(o.type_(), &RANDOM_TYPE.0) && !a.kw.is_empty() {
        return Err(PyErr::type_error("Random() takes no keyword arguments"));
    }
    if a.pos.len() > 1 {
        return Err(PyErr::type_error(format!(
            "Random expected at most 1 argument, got {}",
            a.pos.len()
        )));
    }
    let p = o.payload::<RandomPayload>().expect("_random.Random");
    seed_with(p, a.pos.first().map(Object::as_ref))
}

fn random_ctor(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let r = new_blank(&RANDOM_TYPE.0);
    random_init(r.as_ref(), args, kw)?;
    Ok(r)
}

fn random_method(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    if !args.is_empty() || kw.is_some() {
        return Err(PyErr::type_error(format!(
            "Random.random() takes no arguments ({} given)",
            args.len()
        )));
    }
    let v = this(s).mt.borrow_mut().random();
    Ok(crate::types::float::new_float(v))
}

fn seed_method(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("seed")?;
    a.count("seed", 0, 1)?;
    seed_with(this(s), a.pos.first().map(Object::as_ref))?;
    Ok(none())
}

fn getstate_method(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(args, kw).count("getstate", 0, 0)?;
    let words = this(s).mt.borrow().getstate();
    Ok(new_tuple(words.into_iter().map(|w| new_int(IBig::from(w))).collect()))
}

fn setstate_method(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("setstate")?;
    a.count("setstate", 1, 1)?;
    let Some(items) = tuple_items(args[0].as_ref()) else {
        return Err(PyErr::type_error("state vector must be a tuple"));
    };
    let mut words = Vec::with_capacity(items.len());
    for it in items {
        match int_value(it.as_ref()) {
            Some(v) => words.push(v.to_ibig().into_owned()),
            None => return Err(PyErr::type_error("an integer is required")),
        }
    }
    this(s).mt.borrow_mut().setstate(&words).map_err(core_error)?;
    Ok(none())
}

fn getrandbits_method(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("getrandbits")?;
    a.count("getrandbits", 1, 1)?;
    let k = match int_value(args[0].as_ref()) {
        Some(v) => v.to_ibig().into_owned(),
        None => match crate::ops::index_via_slot(args[0].as_ref())? {
            Some(v) => int_value(v.as_ref()).expect("an int").to_ibig().into_owned(),
            None => {
                return Err(PyErr::type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    args[0].type_().name()
                )));
            }
        },
    };
    let v = this(s).mt.borrow_mut().getrandbits(&k).map_err(core_error)?;
    Ok(new_int(v))
}

/// # Safety
/// Called only by the deallocation path on a dead generator.
unsafe fn random_dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: generators carry a `RandomPayload` (vm.md, "Object layout").
    unsafe { dealloc_payload::<RandomPayload>(obj) }
}

pub static RANDOM_TYPE: StaticType = StaticType(PyType::new_static(
    "_random.Random",
    Some(&crate::types::object::OBJECT_TYPE.0),
    std::mem::size_of::<RandomPayload>(),
    0,
    TypeFlags::BASETYPE,
    1120,
    random_dealloc,
    None,
    Slots {
        init: crate::types::typeobject::slot(random_init as InitFn),
        ..crate::types::object::object_slots()
    },
));

fn register() {
    use crate::types::slotwrapper::{WrapperImpl, new_slot_wrapper};
    use crate::types::typelookup::register_static_attr;
    let t = &RANDOM_TYPE.0;
    let _ = register_static_attr(
        t,
        "__new__",
        new_bound_builtin(
            "__new__",
            crate::types::surface::tp_new_wrapper,
            t.as_object().to_owned(),
        ),
    );
    let _ = register_static_attr(t, "__init__", new_slot_wrapper(t, "__init__", WrapperImpl::Slot));
    for (name, f) in [
        ("random", random_method as NativeFn),
        ("seed", seed_method),
        ("getstate", getstate_method),
        ("setstate", setstate_method),
        ("getrandbits", getrandbits_method),
    ] {
        let _ = register_static_attr(t, name, new_method_descriptor(t, name, f));
    }
    crate::eval::typecall::register_constructor(t, random_ctor);
    crate::eval::typecall::register_subclass_new(t, new_blank);
}

/// Makes the `_random` module.
pub fn make_module() -> PyResult<Object> {
    static REGISTERED: crate::gil::GilCell<std::cell::Cell<bool>> =
        crate::gil::GilCell::new(std::cell::Cell::new(false));
    if !REGISTERED.with(|r| r.replace(true)) {
        register();
    }
    let m = new_module("_random");
    let d = crate::types::dict::as_dict(module_dict(m.as_ref()).expect("dict")).expect("dict");
    d.set_str("Random", RANDOM_TYPE.0.as_object().to_owned())?;
    Ok(m)
}
