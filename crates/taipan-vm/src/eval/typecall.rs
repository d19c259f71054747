//! Calling a type: `type(x)`, `type(name, bases, ns)`, instantiating Python classes (`__new__`
//! is `object.__new__`, then `__init__`), exceptions, and the built-in constructors registered
//! by `builtins` (`int(...)`, `list(...)`, ...).

use std::cell::RefCell;

use taipan_compiler::fxhash::FastMap;

use crate::error::{PyErr, PyResult};
use crate::object::{Object, ObjectRef};
use crate::types::exceptions::{BASE_EXCEPTION, new_exception};
use crate::types::function::NativeFn;
use crate::types::pyfunction::as_function;
use crate::types::singletons::is_none;
use crate::types::str::{Str, intern};
use crate::types::tuple::{new_tuple, tuple_items};
use crate::types::typeobject::{PyType, TYPE_TYPE, TypeFlags, as_type};

/// Constructors of the built-in types, by type address.
static CONSTRUCTORS: crate::gil::GilLazy<RefCell<FastMap<usize, NativeFn>>> =
    crate::gil::GilLazy::new(|| RefCell::new(FastMap::default()));
/// For native types with their own payload that Python classes may derive from (`deque`,
/// `defaultdict`, `_random.Random`): makes an empty instance of such a class.
static SUBCLASS_NEW: crate::gil::GilLazy<RefCell<FastMap<usize, SubclassNew>>> =
    crate::gil::GilLazy::new(|| RefCell::new(FastMap::default()));

/// Makes a blank instance of `ty`, a Python subclass of the native type it was registered for
/// (its `init` slot fills it).
pub type SubclassNew = fn(&PyType) -> Object;

/// Lets Python classes derive from the native type `ty`: `f` makes their instances' payload.
pub fn register_subclass_new(ty: &'static PyType, f: SubclassNew) {
    SUBCLASS_NEW.with(|c| c.borrow_mut().insert(ty as *const PyType as usize, f));
}

fn subclass_new_of(ty: &PyType) -> Option<SubclassNew> {
    SUBCLASS_NEW.with(|c| c.borrow().get(&(ty as *const PyType as usize)).copied())
}

/// Registers the function called for `ty(...)`.
pub fn register_constructor(ty: &'static PyType, f: NativeFn) {
    CONSTRUCTORS.with(|c| c.borrow_mut().insert(ty as *const PyType as usize, f));
}

fn constructor_of(ty: &PyType) -> Option<NativeFn> {
    CONSTRUCTORS.with(|c| c.borrow().get(&(ty as *const PyType as usize)).copied())
}

/// The `call` slot of `type`: `type(x)`, else `cls.__new__(cls, ...)` then, if the result is an
/// instance of `cls`, its `__init__`.
pub fn type_call(
    callable: ObjectRef<'_>,
    args: &[Object],
    kwnames: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let ty = as_type(callable).expect("a type");
    let nkw = kwnames.and_then(tuple_items).map_or(0, <[Object]>::len);
    if std::ptr::eq(ty, &TYPE_TYPE.0) {
        match args.len() - nkw {
            1 if nkw == 0 => return Ok(args[0].type_().as_object().to_owned()),
            3 => {}
            _ => return Err(PyErr::type_error("type() takes 1 or 3 arguments")),
        }
    }
    // A built-in type's MRO holds only built-in types, whose dicts Python code cannot change:
    // no Python `__new__` or `__init__` to look for (`tuple(x)`, `list()`, `int(s)`).
    if !ty.has_flag(TypeFlags::HEAPTYPE) && !std::ptr::eq(ty, &TYPE_TYPE.0) {
        let inst = native_new(ty, callable, args, kwnames, false)?;
        return finish_builtin(ty, inst, args, kwnames);
    }
    let init = python_init_attr(ty)?;
    let python_new = crate::types::classnew::has_python_new(ty)?;
    let via_python_new = python_new.is_some();
    let inst = match python_new {
        Some(new) => {
            let new = match new.payload::<crate::types::descriptors::WrapperPayload>() {
                Some(w) => w.func().clone(),
                None => new,
            };
            let mut all = Vec::with_capacity(args.len() + 1);
            all.push(callable.to_owned());
            all.extend_from_slice(args);
            let inst = crate::ops::call(new.as_ref(), &all, kwnames)?;
            // Without a Python `__init__`, an exception's is BaseException.__init__: `args`
            // become the call's arguments, whatever `__new__` passed on.
            if init.is_none()
                && inst.type_().is_subtype(ty)
                && let Some(p) = inst.payload::<crate::types::exceptions::ExcPayload>()
            {
                let nkw = kwnames.and_then(tuple_items).map_or(0, <[Object]>::len);
                if nkw > 0 {
                    return Err(PyErr::type_error(format!(
                        "{}() takes no keyword arguments",
                        ty.name()
                    )));
                }
                p.set_args(new_tuple(args.to_vec()));
            }
            inst
        }
        None => native_new(ty, callable, args, kwnames, init.is_some())?,
    };
    if !inst.type_().is_subtype(ty) {
        return Ok(inst);
    }
    let init = if std::ptr::eq(inst.type_(), ty) { init } else { python_init_attr(inst.type_())? };
    if init.is_none()
        && via_python_new
        && let Some(p) = inst.payload::<crate::types::exceptions::ExcPayload>()
    {
        // `BaseException.__init__` after a Python `__new__`: the call's arguments become `args`.
        let nkw = kwnames.and_then(tuple_items).map_or(0, <[Object]>::len);
        if nkw > 0 {
            return Err(PyErr::type_error(format!(
                "{}() takes no keyword arguments",
                inst.type_().name()
            )));
        }
        p.set_args(new_tuple(args.to_vec()));
        return Ok(inst);
    }
    run_init(inst, init, args, kwnames)
}

/// After a built-in type `ty` made `inst`: an instance of a Python subclass of `ty` (a
/// constructor may return one) gets that class's `__init__`.
fn finish_builtin(
    ty: &PyType,
    inst: Object,
    args: &[Object],
    kwnames: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    if std::ptr::eq(inst.type_(), ty) || !inst.type_().is_subtype(ty) {
        return Ok(inst);
    }
    let init = python_init_attr(inst.type_())?;
    run_init(inst, init, args, kwnames)
}

/// `CALL` of a built-in type with a registered constructor (`int(s)`, `tuple(xs)`, `str(i)`),
/// whose metatype is `type`: the constructor directly, as `type_call` would reach it (no
/// Python `__new__`/`__init__` can be on a built-in type's MRO), without the generic call
/// slot. `None` for any other callable (Python classes, `type`, `super`, which reads its
/// caller's frame, types without a registered constructor).
pub(crate) fn call_builtin_type(
    callable: ObjectRef<'_>,
    args: &[Object],
    kwnames: Option<ObjectRef<'_>>,
) -> Option<PyResult<Object>> {
    let ty = as_type(callable)?;
    if ty.has_flag(TypeFlags::HEAPTYPE)
        || std::ptr::eq(ty, &TYPE_TYPE.0)
        || std::ptr::eq(ty, &crate::types::superobj::SUPER_TYPE.0)
    {
        return None;
    }
    let f = constructor_of(ty)?;
    Some(crate::types::function::guarded(|| {
        let inst = f(Some(callable), args, kwnames)?;
        finish_builtin(ty, inst, args, kwnames)
    }))
}

/// The `__init__` step of calling a type: runs `init` (if any) on the new instance `inst`.
fn run_init(
    inst: Object,
    init: Option<Object>,
    args: &[Object],
    kwnames: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    if let Some(f) = init {
        let r = match as_function(f.as_ref()) {
            Some(_) => crate::eval::call_python(f.as_ref(), Some(inst.as_ref()), args, kwnames)?,
            None => {
                let bound = match f.type_().slots.descr_get.get() {
                    Some(get) => {
                        get(f.as_ref(), Some(inst.as_ref()), Some(inst.type_().as_object()))?
                    }
                    None => f,
                };
                crate::ops::call(bound.as_ref(), args, kwnames)?
            }
        };
        if !is_none(r.as_ref()) {
            return Err(PyErr::type_error(format!(
                "__init__() should return None, not '{}'",
                r.type_().name()
            )));
        }
    }
    Ok(inst)
}

static INIT_NAME: crate::gil::GilLazy<Object> = crate::gil::GilLazy::new(|| intern("__init__"));

/// `__init__` of `ty` when a Python class along its MRO defines it (not a built-in's).
fn python_init_attr(ty: &PyType) -> PyResult<Option<Object>> {
    INIT_NAME.with(|n| crate::types::typelookup::lookup_python_attr(ty, n.as_ref()))
}

/// `object.__new__` and the built-in types' constructors, for `ty` or a Python subclass of one.
fn native_new(
    ty: &PyType,
    callable: ObjectRef<'_>,
    args: &[Object],
    kwnames: Option<ObjectRef<'_>>,
    has_user_init: bool,
) -> PyResult<Object> {
    let nkw = kwnames.and_then(tuple_items).map_or(0, <[Object]>::len);
    if ty.is_subtype(&TYPE_TYPE.0) {
        return crate::types::classnew::type_new(ty, args, kwnames);
    }
    // Built-in constructor.
    if !ty.has_flag(TypeFlags::HEAPTYPE)
        && let Some(f) = constructor_of(ty)
    {
        return f(Some(callable), args, kwnames);
    }
    let user_init = has_user_init.then_some(());
    let instance = if let Some(inst) = crate::types::typeattrs::object_new_instance(ty)? {
        if user_init.is_none() && !args.is_empty() {
            return Err(PyErr::type_error(format!("{}() takes no arguments", ty.name())));
        }
        inst
    } else if ty.is_subtype(&crate::types::exception_group::BASE_EXCEPTION_GROUP.0) {
        crate::types::exception_group::new_group(ty, args, nkw)?
    } else if ty.is_subtype(&BASE_EXCEPTION.0) {
        // The keyword-only attributes some exceptions take (CPython's `name=`, `obj=`, ...).
        let allowed: &[&str] = if ty.is_subtype(&crate::types::exceptions::IMPORT_ERROR.0) {
            &["name", "path", "name_from"]
        } else if ty.is_subtype(&crate::types::exceptions::NAME_ERROR.0) {
            &["name"]
        } else if ty.is_subtype(&crate::types::exceptions::ATTRIBUTE_ERROR.0) {
            &["name", "obj"]
        } else {
            &[]
        };
        let import_kw = !allowed.is_empty();
        if nkw > 0 && user_init.is_none() && !import_kw {
            return Err(PyErr::type_error(format!("{}() takes no keyword arguments", ty.name())));
        }
        let pos = &args[..args.len() - nkw];
        if import_kw && nkw > 0 && user_init.is_none() {
            // ImportError(msg, *, name=None, path=None, name_from=None).
            let names = kwnames.and_then(tuple_items).unwrap_or(&[]);
            let inst = new_exception(ty, new_tuple(pos.to_vec()));
            let d = crate::types::instance::instance_dict(inst.as_ref()).expect("exception dict");
            let d = crate::types::dict::as_dict(d.as_ref()).expect("dict");
            for (k, v) in names.iter().zip(&args[args.len() - nkw..]) {
                let kn = Str::new(k.as_ref()).map(|s| s.to_string_lossy()).unwrap_or_default();
                if !allowed.contains(&kn.as_str()) {
                    return Err(PyErr::type_error(format!(
                        "{}() got an unexpected keyword argument '{kn}'",
                        ty.name()
                    )));
                }
                d.set_str(&kn, v.clone())?;
            }
            return Ok(inst);
        }
        let ty = crate::types::exceptions::os_error_subclass(ty, pos);
        let inst = new_exception(ty, new_tuple(pos.to_vec()));
        crate::types::exceptions::init_os_error(inst.as_ref(), pos);
        inst
    } else if ty.has_flag(TypeFlags::HEAPTYPE)
        && let Some(f) = subclass_new_of(builtin_base(ty))
    {
        // A Python subclass of a native type with its own payload: a blank one, then the
        // native `__init__` unless the class has its own.
        let inst = f(ty);
        if user_init.is_none()
            && let Some(init) = builtin_base(ty).slots.init.get()
        {
            init(inst.as_ref(), args, kwnames)?;
        }
        inst
    } else if ty.has_flag(TypeFlags::HEAPTYPE) && ty.is_subtype(&crate::types::list::LIST_TYPE.0) {
        // A Python subclass of list: a list payload of the subclass's type.
        let inst = crate::object::alloc::new_object(ty, crate::types::list::ListPayload::default());
        if user_init.is_none() {
            let a = crate::builtins::args::Args::new(args, kwnames);
            a.no_kw_at_all("list")?;
            a.count("list", 0, 1)?;
            if let Some(src) = a.pos.first() {
                let items = crate::eval::helpers::iterate(src.as_ref())?;
                crate::types::list::as_list(inst.as_ref()).expect("list").extend(items);
            }
        }
        inst
    } else if ty.has_flag(TypeFlags::HEAPTYPE) && ty.is_subtype(&crate::types::dict::DICT_TYPE.0) {
        // A Python subclass of dict: a dict payload of the subclass's type.
        let inst = crate::object::alloc::new_object(ty, crate::types::dict::DictPayload::default());
        if user_init.is_none() {
            let a = crate::builtins::args::Args::new(args, kwnames);
            a.count("dict", 0, 1)?;
            if let Some(src) = a.pos.first() {
                crate::builtins::constructors::dict_merge_from(inst.as_ref(), src.as_ref())?;
            }
            let d = crate::types::dict::as_dict(inst.as_ref()).expect("dict");
            for (k, v) in &a.kw {
                d.set_str(k, (*v).clone())?;
            }
        }
        inst
    } else if ty.has_flag(TypeFlags::HEAPTYPE)
        && ty.is_subtype(&crate::modules::io::iobase::IOBASE.0)
    {
        // A Python subclass of an `_io` class: the built-in's blank state, initialised by its
        // `__init__` unless the class has its own.
        crate::modules::io::iobase::new_subclass_instance(ty, args, kwnames, user_init.is_some())?
    } else if ty.has_flag(TypeFlags::HEAPTYPE)
        && let Some((base, f)) = static_constructor(ty)
    {
        // A Python subclass of an immutable built-in: the built-in's value, then re-made with
        // the subclass as its type (built-ins whose constructor makes subclass instances
        // itself get the subclass).
        // Built-ins that take no keywords leave them to a subclass's own `__init__`.
        let (args, kwnames) = match kwnames {
            Some(k) if user_init.is_some() && keywords_left_to_init(base) => {
                let nkw = tuple_items(k).map_or(0, <[Object]>::len);
                (&args[..args.len().saturating_sub(nkw)], None)
            }
            _ => (args, kwnames),
        };
        if makes_subclass_instances(base) {
            f(Some(ty.as_object()), args, kwnames)?
        } else {
            let v = f(Some(base.as_object()), args, kwnames)?;
            retype(ty, v)?
        }
    } else if ty.has_flag(TypeFlags::HEAPTYPE) {
        return Err(PyErr::new(
            &crate::types::exceptions::NOT_IMPLEMENTED_ERROR,
            format!("subclassing '{}' is not supported by Taipan's VM yet", base_name(ty)),
        ));
    } else {
        return Err(PyErr::type_error(format!("cannot create '{}' instances", ty.name())));
    };
    Ok(instance)
}

/// `owner.__new__(cls, *args)` for a built-in `owner` (`cls` already checked to be a subtype):
/// a bare instance for `object`, an exception with `args` for exceptions, else the registered
/// constructor.
pub fn new_for(
    owner: &PyType,
    cls: ObjectRef<'_>,
    args: &[Object],
    kwnames: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let t = as_type(cls).expect("a type");
    let nkw = kwnames.and_then(tuple_items).map_or(0, <[Object]>::len);
    if std::ptr::eq(owner, &crate::types::object::OBJECT_TYPE.0) {
        if let Some(inst) = crate::types::typeattrs::object_new_instance(t)? {
            return Ok(inst);
        }
        if std::ptr::eq(t, owner) {
            return crate::types::instance::new_plain_object();
        }
        return Err(PyErr::type_error(format!(
            "object.__new__({}) is not safe, use {}.__new__()",
            t.name(),
            base_name(t)
        )));
    }
    if std::ptr::eq(owner, &TYPE_TYPE.0) {
        return crate::types::classnew::type_new(t, args, kwnames);
    }
    if owner.is_subtype(&crate::types::exception_group::BASE_EXCEPTION_GROUP.0) {
        return crate::types::exception_group::new_group(t, args, nkw);
    }
    if owner.is_subtype(&BASE_EXCEPTION.0) {
        let pos = &args[..args.len() - nkw];
        return Ok(new_exception(t, new_tuple(pos.to_vec())));
    }
    if t.has_flag(TypeFlags::HEAPTYPE)
        && let Some(f) = subclass_new_of(owner)
    {
        return Ok(f(t));
    }
    // `dict.__new__(cls)` / `list.__new__(cls)`: an empty one of the subclass (its `__init__`
    // fills it).
    if t.has_flag(TypeFlags::HEAPTYPE) && std::ptr::eq(owner, &crate::types::dict::DICT_TYPE.0) {
        return Ok(crate::object::alloc::new_object(t, crate::types::dict::DictPayload::default()));
    }
    if t.has_flag(TypeFlags::HEAPTYPE) && std::ptr::eq(owner, &crate::types::list::LIST_TYPE.0) {
        return Ok(crate::object::alloc::new_object(t, crate::types::list::ListPayload::default()));
    }
    match constructor_of(owner) {
        Some(f) if t.has_flag(TypeFlags::HEAPTYPE) && makes_subclass_instances(owner) => {
            f(Some(cls), args, kwnames)
        }
        Some(f) if t.has_flag(TypeFlags::HEAPTYPE) => {
            let v = f(Some(owner.as_object()), args, kwnames)?;
            retype(t, v)
        }
        Some(f) => f(Some(cls), args, kwnames),
        None => Err(PyErr::type_error(format!("cannot create '{}' instances", owner.name()))),
    }
}

/// Built-ins whose registered constructor, given a Python subclass as its type argument, makes
/// an instance of that subclass (a weak reference cannot be re-made from another one).
fn makes_subclass_instances(base: &PyType) -> bool {
    std::ptr::eq(base, &crate::types::weakref::REF_TYPE.0)
}

/// The first static type along `ty`'s bases with a registered constructor.
fn static_constructor(ty: &PyType) -> Option<(&PyType, NativeFn)> {
    let mut t = ty.base();
    while let Some(b) = t {
        if !b.has_flag(TypeFlags::HEAPTYPE) {
            return constructor_of(b).map(|f| (b, f));
        }
        t = b.base();
    }
    None
}

/// Built-in iterators whose constructor takes no keyword arguments, but ignores them when a
/// subclass defines its own `__init__` (which gets them), as CPython's `tp_new` checks `tp_init`.
fn keywords_left_to_init(base: &PyType) -> bool {
    use crate::modules::itertools as it;
    use crate::types::native_iter::{FILTER_TYPE, REVERSED_TYPE};
    [
        &FILTER_TYPE,
        &REVERSED_TYPE,
        &it::CHAIN_TYPE,
        &it::CYCLE_TYPE,
        &it::DROPWHILE_TYPE,
        &it::TAKEWHILE_TYPE,
        &it::FILTERFALSE_TYPE,
        &it::STARMAP_TYPE,
        &it::ISLICE_TYPE,
        &it::PAIRWISE_TYPE,
    ]
    .iter()
    .any(|t| std::ptr::eq(&t.0, base))
}

/// `v`, a value of a built-in type, re-made as an instance of `ty`, a Python subclass of that
/// built-in whose instances share its payload.
pub fn retype(ty: &PyType, v: Object) -> PyResult<Object> {
    use crate::object::alloc::new_object;
    use crate::types::descriptors::{PropertyPayload, WrapperPayload};
    // A subclass of a subclass of `str` re-makes a `str` too.
    if std::ptr::eq(v.type_(), ty) || !v.type_().is_subtype(builtin_base(ty)) {
        return Ok(v);
    }
    let unsupported = || {
        PyErr::new(
            &crate::types::exceptions::NOT_IMPLEMENTED_ERROR,
            format!("subclassing '{}' is not supported by Taipan's VM yet", base_name(ty)),
        )
    };
    if ty.has_flag(TypeFlags::LONG_SUBCLASS) {
        let value = match crate::types::int::int_value(v.as_ref()).ok_or_else(unsupported)? {
            crate::types::int::IntVal::Small(i) => dashu_int::IBig::from(i),
            crate::types::int::IntVal::Big(b) => b.clone(),
        };
        return Ok(new_object(ty, crate::types::int::IntPayload { value }));
    }
    if ty.is_subtype(&crate::types::float::FLOAT_TYPE.0) {
        let value = crate::types::float::float_value(v.as_ref()).ok_or_else(unsupported)?;
        return Ok(new_object(ty, crate::types::float::FloatPayload { value }));
    }
    if ty.has_flag(TypeFlags::BYTES_SUBCLASS) {
        let data = crate::types::bytes::bytes_data(v.as_ref()).ok_or_else(unsupported)?;
        return Ok(crate::types::bytes::bytes_of_type(ty, data));
    }
    if let Some((re, im)) = crate::types::complex::complex_value(v.as_ref()) {
        return Ok(new_object(ty, crate::types::complex::ComplexPayload { re, im }));
    }
    if let Some(out) = crate::types::set::retype_set(ty, v.as_ref())? {
        return Ok(out);
    }
    if let Some(out) = crate::types::native_iter::retype_native_iter(ty, v.as_ref()) {
        return Ok(out);
    }
    if ty.has_flag(TypeFlags::UNICODE_SUBCLASS) {
        return crate::types::str::str_of_type(ty, v.as_ref()).ok_or_else(unsupported);
    }
    if ty.has_flag(TypeFlags::TUPLE_SUBCLASS) {
        let items = tuple_items(v.as_ref()).ok_or_else(unsupported)?.to_vec();
        return Ok(crate::types::tuple::new_tuple_of_type(ty, items));
    }
    if let Some(w) = v.payload::<WrapperPayload>() {
        return Ok(new_object(ty, WrapperPayload::new(w.func().clone())));
    }
    if let Some(g) = v.payload::<crate::types::genericalias::GenericAliasPayload>() {
        return Ok(new_object(ty, g.duplicate()));
    }
    if let Some(p) = v.payload::<PropertyPayload>() {
        return Ok(new_object(ty, p.duplicate()));
    }
    Err(unsupported())
}

/// The built-in type a Python class's instances take their payload from: its nearest static
/// ancestor.
fn builtin_base(ty: &PyType) -> &PyType {
    let mut t = ty;
    while t.has_flag(TypeFlags::HEAPTYPE)
        && let Some(b) = t.base()
    {
        t = b;
    }
    t
}

fn base_name(ty: &PyType) -> String {
    builtin_base(ty).name().to_string()
}

/// `CALL` (no keywords) of a class whose cached `__init__` (`specialize::class_init_hit`) is a
/// Python function taking exactly the given positional arguments, the missing trailing ones
/// covered by its defaults (CPython's `CALL_ALLOC_AND_ENTER_INIT`): makes the instance, puts
/// `__init__` and the instance in the callable and `self_or_null` slots and pushes the
/// `__init__` frame over the arguments in place (`call::push_exact_args`), marked as an
/// `__init__` frame (its `RETURN_VALUE` gives the caller the instance). `Ok(false)` when the
/// case does not apply (the stack is then untouched).
#[inline(always)]
pub(crate) fn push_init_exact(
    stack: &mut crate::frame::FrameStack,
    nargs: usize,
    ic: &super::specialize::Ic,
) -> PyResult<bool> {
    use taipan_bytecode::code::{CO_VARARGS, CO_VARKEYWORDS};
    let len = stack.values.len();
    let c = len - nargs - 2;
    if stack.values[c + 1].is_some() {
        return Ok(false);
    }
    let Some(callable) = stack.values[c].as_ref() else { return Ok(false) };
    let Some(init) = super::specialize::class_init_hit(ic, callable.as_ref()) else {
        return Ok(false);
    };
    let Some(f) = as_function(init.as_ref()) else { return Ok(false) };
    let Some(code) = crate::types::code::as_code(f.code()) else { return Ok(false) };
    let co = &code.code;
    let argcount = co.argcount as usize;
    let given = nargs + 1;
    if co.flags & (CO_VARARGS | CO_VARKEYWORDS) != 0 || co.kwonlyargcount != 0 || argcount < given {
        return Ok(false);
    }
    if argcount > given {
        let defaults = f.defaults.borrow();
        let ndefaults =
            defaults.as_ref().and_then(|d| tuple_items(d.as_ref())).map_or(0, <[Object]>::len);
        if argcount - given > ndefaults {
            return Ok(false);
        }
    }
    let ty = as_type(callable.as_ref()).expect("a class (checked by the cache)");
    let Some(instance) = crate::types::typeattrs::object_new_instance(ty)? else {
        return Ok(false);
    };
    let class = stack.values[c].replace(init);
    stack.values[c + 1] = Some(instance.clone());
    drop(class);
    if !super::call::push_exact_args(stack, nargs)? {
        unreachable!("push_exact_args accepts what push_init_exact checked");
    }
    stack.init_frames.push((stack.frames.len() - 1, instance));
    stack.frames.last_mut().expect("the __init__ frame").is_init = true;
    Ok(true)
}
