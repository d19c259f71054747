//! Native callables: `builtin_function_or_method` (a Rust function, optionally bound to `self`)
//! and `method_descriptor` (a Rust method stored in a type's dict, bound on attribute access).
//! They use the vector-call signature: a borrowed slice of arguments plus an optional tuple of
//! keyword names, so an ordinary call builds no tuple or dict.

use crate::error::{PyErr, PyResult};
use crate::object::alloc::{dealloc_payload, new_object};
use crate::object::{Object, ObjectRef, PyPayload};
use crate::types::str::new_str;
use crate::types::typeobject::{
    CallFn, DescrGetFn, PyType, Slots, StaticType, TypeFlags, UnaryFn, slot,
};

/// A native function: `self` (for methods), the positional arguments then the keyword values,
/// and the keyword names (a tuple, whose values are the last `len(kwnames)` arguments).
pub type NativeFn = fn(Option<ObjectRef<'_>>, &[Object], Option<ObjectRef<'_>>) -> PyResult<Object>;

pub struct BuiltinFunction {
    name: &'static str,
    func: NativeFn,
    /// The bound object for a method, `None` for a plain function.
    bound: Option<Object>,
    /// A callable run instead of `func`, with `bound` first (a class method wrapping a callable
    /// object, bound to its class).
    target: Option<Object>,
    /// For the built-ins that read their caller's frame (`globals`, `exec`, ...): what `CALL`
    /// runs instead of `func`, with the frame (`builtins/framefns.rs`).
    frame_fn: Option<crate::builtins::framefns::FrameFn>,
    /// `__module__` of a plain function a native module defines (its name, set when the
    /// module is made; CPython's `m_self`'s name).
    module: std::cell::OnceCell<Object>,
}

impl BuiltinFunction {
    /// The frame-reading implementation `CALL` runs, for the built-ins that have one.
    #[inline]
    pub fn frame_fn(&self) -> Option<crate::builtins::framefns::FrameFn> {
        self.frame_fn
    }
}

// SAFETY: builtin functions are made only by `new_builtin_function`/`bind` with this payload.
unsafe impl PyPayload for BuiltinFunction {
    fn type_object() -> &'static PyType {
        &BUILTIN_FUNCTION_TYPE.0
    }
}

pub struct MethodDescriptor {
    name: &'static str,
    func: NativeFn,
    owner: &'static PyType,
}

// SAFETY: method descriptors are made only by `new_method_descriptor` with this payload.
unsafe impl PyPayload for MethodDescriptor {
    fn type_object() -> &'static PyType {
        &METHOD_DESCRIPTOR_TYPE.0
    }
}

/// A plain native function (such as `len`).
pub fn new_builtin_function(name: &'static str, func: NativeFn) -> Object {
    new_object(
        &BUILTIN_FUNCTION_TYPE.0,
        BuiltinFunction {
            name,
            func,
            bound: None,
            target: None,
            frame_fn: None,
            module: Default::default(),
        },
    )
}

/// A built-in that reads its caller's frame: `CALL` from Python code runs `frame_fn` with the
/// frame, a call from native code runs `func`.
pub(crate) fn new_frame_builtin(
    name: &'static str,
    func: NativeFn,
    frame_fn: crate::builtins::framefns::FrameFn,
) -> Object {
    new_object(
        &BUILTIN_FUNCTION_TYPE.0,
        BuiltinFunction {
            name,
            func,
            bound: None,
            target: None,
            frame_fn: Some(frame_fn),
            module: Default::default(),
        },
    )
}

/// A built-in function that runs `target` (a native module's function written in Python):
/// like every built-in function it does not bind as a method when stored on a class, and its
/// `__module__` is the target's.
pub fn new_builtin_forwarder(name: &'static str, target: Object) -> Object {
    new_object(
        &BUILTIN_FUNCTION_TYPE.0,
        BuiltinFunction {
            name,
            func: not_implemented_method,
            bound: None,
            target: Some(target),
            frame_fn: None,
            module: Default::default(),
        },
    )
}

/// Records `module` (a native module just made) as the `__module__` of the plain built-in
/// functions in its dict that have none yet, as CPython's module functions report theirs.
pub fn claim_module_functions(module: ObjectRef<'_>) {
    let Some(d) =
        crate::types::module::module_dict(module).and_then(|d| crate::types::dict::as_dict(d))
    else {
        return;
    };
    let Ok(name) = crate::attr::getattr(module, crate::types::str::intern("__name__").as_ref())
    else {
        return;
    };
    for (_, v) in d.items() {
        if let Some(f) = v.payload::<BuiltinFunction>()
            && std::ptr::eq(v.type_(), &BUILTIN_FUNCTION_TYPE.0)
            && f.bound.is_none()
            && f.target.is_none()
        {
            let _ = f.module.set(name.clone());
        }
    }
}

/// A native function bound to `self_` (called with it as its first argument).
pub fn new_bound_builtin(name: &'static str, func: NativeFn, self_: Object) -> Object {
    new_object(
        &BUILTIN_FUNCTION_TYPE.0,
        BuiltinFunction {
            name,
            func,
            bound: Some(self_),
            target: None,
            frame_fn: None,
            module: Default::default(),
        },
    )
}

/// A method descriptor for a method Taipan does not implement yet: calling it raises
/// NotImplementedError (it exists so that the type's attribute surface is CPython's).
pub fn not_implemented_method(
    _: Option<ObjectRef<'_>>,
    _: &[Object],
    _: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Err(PyErr::new(
        &crate::types::exceptions::NOT_IMPLEMENTED_ERROR,
        "this built-in method is not implemented by Taipan yet",
    ))
}

/// Whether `o` (a method, class method or builtin function, or a `staticmethod` around one) is
/// a placeholder made with [`not_implemented_method`].
pub fn is_stub(o: ObjectRef<'_>) -> bool {
    let stub = not_implemented_method as NativeFn;
    if let Some(d) = o.payload::<MethodDescriptor>() {
        return std::ptr::fn_addr_eq(d.func, stub);
    }
    if let Some(d) = o.payload::<ClassMethodDescriptor>() {
        return matches!(d.imp, ClassMethodImpl::Native(f) if std::ptr::fn_addr_eq(f, stub));
    }
    if let Some(b) = o.payload::<BuiltinFunction>() {
        return b.target.is_none() && std::ptr::fn_addr_eq(b.func, stub);
    }
    if let Some(w) = o.payload::<crate::types::descriptors::WrapperPayload>() {
        return is_stub(w.func().as_ref());
    }
    false
}

/// The native function and owner of a method descriptor.
pub fn method_descriptor_parts(
    o: ObjectRef<'_>,
) -> Option<(&'static str, NativeFn, &'static PyType)> {
    o.payload::<MethodDescriptor>().map(|d| (d.name, d.func, d.owner))
}

/// What a class method descriptor runs.
pub enum ClassMethodImpl {
    /// A native function called with the class as `self`.
    Native(NativeFn),
    /// A callable called with the class first.
    Callable(Object),
}

pub struct ClassMethodDescriptor {
    name: &'static str,
    owner: &'static PyType,
    imp: ClassMethodImpl,
}

// SAFETY: class method descriptors are made only by `new_classmethod_descriptor`.
unsafe impl PyPayload for ClassMethodDescriptor {
    fn type_object() -> &'static PyType {
        &CLASSMETHOD_DESCRIPTOR_TYPE.0
    }
}

/// A native class method of `owner` (`dict.fromkeys`, `int.from_bytes`).
pub fn new_classmethod_descriptor(
    owner: &'static PyType,
    name: &'static str,
    imp: ClassMethodImpl,
) -> Object {
    new_object(&CLASSMETHOD_DESCRIPTOR_TYPE.0, ClassMethodDescriptor { name, owner, imp })
}

/// Binds a class method to `cls`: a `builtin_function_or_method` whose `__self__` is the class.
fn bind_classmethod(d: &ClassMethodDescriptor, cls: ObjectRef<'_>) -> Object {
    let (func, target) = match &d.imp {
        ClassMethodImpl::Native(f) => (*f, None),
        ClassMethodImpl::Callable(c) => (not_implemented_method as NativeFn, Some(c.clone())),
    };
    new_object(
        &BUILTIN_FUNCTION_TYPE.0,
        BuiltinFunction {
            name: d.name,
            func,
            bound: Some(cls.to_owned()),
            target,
            frame_fn: None,
            module: Default::default(),
        },
    )
}

fn check_class(d: &ClassMethodDescriptor, cls: ObjectRef<'_>) -> PyResult<()> {
    match crate::types::typeobject::as_type(cls) {
        Some(t) if t.is_subtype(d.owner) => Ok(()),
        Some(t) => Err(PyErr::type_error(format!(
            "descriptor '{}' requires a subtype of '{}' but received '{}'",
            d.name,
            d.owner.name(),
            t.name()
        ))),
        None => Err(PyErr::type_error(format!(
            "descriptor '{}' for type '{}' needs a type, not a '{}' as arg 2",
            d.name,
            d.owner.name(),
            cls.type_().name()
        ))),
    }
}

fn classmethod_descr_get(
    o: ObjectRef<'_>,
    instance: Option<ObjectRef<'_>>,
    owner: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let d = o.payload::<ClassMethodDescriptor>().expect("classmethod descriptor");
    let cls = match (owner, instance) {
        (Some(c), _) => c.to_owned(),
        (None, Some(i)) => i.type_().as_object().to_owned(),
        (None, None) => {
            return Err(PyErr::type_error(format!(
                "descriptor '{}' for type '{}' needs either an object or a type",
                d.name,
                d.owner.name()
            )));
        }
    };
    check_class(d, cls.as_ref())?;
    Ok(bind_classmethod(d, cls.as_ref()))
}

/// Calling the descriptor itself: the class comes first.
fn classmethod_descr_call(
    o: ObjectRef<'_>,
    args: &[Object],
    kwnames: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let d = o.payload::<ClassMethodDescriptor>().expect("classmethod descriptor");
    let Some((first, rest)) = args.split_first() else {
        return Err(PyErr::type_error(format!(
            "descriptor '{}' of '{}' object needs an argument",
            d.name,
            d.owner.name()
        )));
    };
    check_class(d, first.as_ref())?;
    match &d.imp {
        ClassMethodImpl::Native(f) => f(Some(first.as_ref()), rest, kwnames),
        ClassMethodImpl::Callable(c) => crate::ops::call(c.as_ref(), args, kwnames),
    }
}

fn classmethod_descr_repr(o: ObjectRef<'_>) -> PyResult<Object> {
    let d = o.payload::<ClassMethodDescriptor>().expect("classmethod descriptor");
    Ok(new_str(&format!("<method '{}' of '{}' objects>", d.name, d.owner.name())))
}

fn classmethod_descr_getattr(o: ObjectRef<'_>, name: ObjectRef<'_>) -> PyResult<Object> {
    let d = o.payload::<ClassMethodDescriptor>().expect("classmethod descriptor");
    match crate::types::str::Str::new(name).and_then(|s| s.as_str()) {
        Some("__name__") => Ok(new_str(d.name)),
        Some("__qualname__") => Ok(new_str(&format!("{}.{}", d.owner.name(), d.name))),
        Some("__objclass__") => Ok(d.owner.as_object().to_owned()),
        Some("__doc__" | "__text_signature__") => Ok(crate::types::singletons::none()),
        _ => crate::attr::generic_getattr(o, name),
    }
}

fn classmethod_descr_traverse(o: ObjectRef<'_>, visit: &mut dyn FnMut(ObjectRef<'_>)) {
    let d = o.payload::<ClassMethodDescriptor>().expect("classmethod descriptor");
    if let ClassMethodImpl::Callable(c) = &d.imp {
        visit(c.as_ref());
    }
}

/// # Safety
/// Called only by the deallocation path on a dead class method descriptor.
unsafe fn classmethod_descr_dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: class method descriptors carry a `ClassMethodDescriptor`.
    unsafe { dealloc_payload::<ClassMethodDescriptor>(obj) }
}

pub static CLASSMETHOD_DESCRIPTOR_TYPE: StaticType = StaticType(PyType::new_static(
    "classmethod_descriptor",
    Some(&crate::types::object::OBJECT_TYPE.0),
    std::mem::size_of::<ClassMethodDescriptor>(),
    0,
    TypeFlags::HAVE_GC,
    305,
    classmethod_descr_dealloc,
    Some(classmethod_descr_traverse),
    Slots {
        repr: slot(classmethod_descr_repr as UnaryFn),
        call: slot(classmethod_descr_call as CallFn),
        descr_get: slot(classmethod_descr_get as DescrGetFn),
        getattr: slot(classmethod_descr_getattr as crate::types::typeobject::GetAttrFn),
        ..crate::types::object::object_slots()
    },
));

/// A native method of the static type `owner`, to be stored in its dict.
pub fn new_method_descriptor(owner: &'static PyType, name: &'static str, func: NativeFn) -> Object {
    new_object(&METHOD_DESCRIPTOR_TYPE.0, MethodDescriptor { name, func, owner })
}

/// Whether `o` is an unbound builtin function wrapping exactly `f` (a built-in not replaced by
/// the program, such as `builtins.__import__`).
pub fn is_native(o: ObjectRef<'_>, f: NativeFn) -> bool {
    o.payload::<BuiltinFunction>()
        .is_some_and(|b| b.bound.is_none() && std::ptr::fn_addr_eq(b.func, f))
}

fn function_repr(o: ObjectRef<'_>) -> PyResult<Object> {
    let f = o.payload::<BuiltinFunction>().expect("builtin function");
    Ok(new_str(&match &f.bound {
        None => format!("<built-in function {}>", f.name),
        Some(b) if crate::types::module::module_dict(b.as_ref()).is_some() => {
            format!("<built-in function {}>", f.name)
        }
        Some(b) => {
            format!("<built-in method {} of {} object at {:#x}>", f.name, b.type_().name(), b.id())
        }
    }))
}

fn function_call(
    o: ObjectRef<'_>,
    args: &[Object],
    kwnames: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let f = o.payload::<BuiltinFunction>().expect("builtin function");
    if let Some(t) = &f.target {
        let mut all = Vec::with_capacity(args.len() + 1);
        all.extend(f.bound.clone());
        all.extend_from_slice(args);
        return crate::ops::call(t.as_ref(), &all, kwnames);
    }
    (f.func)(f.bound.as_ref().map(Object::as_ref), args, kwnames)
}

/// `__module__` of a builtin function: `builtins` for a plain one, the module's name for a
/// function bound to its module (native modules bind their functions, as CPython's `m_self`),
/// `None` for a method.
fn builtin_module_name(f: &BuiltinFunction) -> Object {
    if let Some(m) = f.module.get() {
        return m.clone();
    }
    match &f.bound {
        None if f.target.is_some() => crate::attr::getattr(
            f.target.as_ref().expect("target").as_ref(),
            crate::types::str::intern("__module__").as_ref(),
        )
        .unwrap_or_else(|_| crate::types::singletons::none()),
        None => new_str("builtins"),
        Some(b) if crate::types::module::module_dict(b.as_ref()).is_some() => {
            crate::attr::getattr(b.as_ref(), crate::types::str::intern("__name__").as_ref())
                .unwrap_or_else(|_| crate::types::singletons::none())
        }
        Some(_) => crate::types::singletons::none(),
    }
}

/// `builtin_function_or_method.__reduce__()`: the name of a function (pickled by reference),
/// `(getattr, (self, name))` for a method.
pub(crate) fn builtin_reduce(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    crate::builtins::args::Args::new(args, kw).count("__reduce__", 0, 0)?;
    let o = s.expect("self");
    let f = o.payload::<BuiltinFunction>().ok_or_else(|| PyErr::type_error("bad self"))?;
    match &f.bound {
        Some(b) if crate::types::module::module_dict(b.as_ref()).is_none() => {
            let getattr = crate::attr::getattr(
                crate::builtins::builtins_module().as_ref(),
                crate::types::str::intern("getattr").as_ref(),
            )?;
            Ok(crate::types::tuple::new_tuple(vec![
                getattr,
                crate::types::tuple::new_tuple(vec![b.clone(), new_str(f.name)]),
            ]))
        }
        _ => Ok(new_str(f.name)),
    }
}

/// `__name__`, `__qualname__` and `__self__` of a builtin function or method.
fn function_getattr(o: ObjectRef<'_>, name: ObjectRef<'_>) -> PyResult<Object> {
    let f = o.payload::<BuiltinFunction>().expect("builtin function");
    match crate::types::str::Str::new(name).and_then(|s| s.as_str()) {
        Some("__name__") => Ok(new_str(f.name)),
        Some("__qualname__") => Ok(new_str(&match &f.bound {
            Some(b) => match crate::types::typeobject::as_type(b.as_ref()) {
                Some(t) => format!("{}.{}", t.name(), f.name),
                None if crate::types::module::module_dict(b.as_ref()).is_some() => {
                    f.name.to_string()
                }
                None => format!("{}.{}", b.type_().name(), f.name),
            },
            _ => f.name.to_string(),
        })),
        Some("__self__") => {
            Ok(f.bound.clone().unwrap_or_else(|| crate::builtins::builtins_module()))
        }
        Some("__module__") => Ok(builtin_module_name(f)),
        Some("__doc__" | "__text_signature__") => Ok(crate::types::singletons::none()),
        _ => crate::attr::generic_getattr(o, name),
    }
}

fn descriptor_getattr(o: ObjectRef<'_>, name: ObjectRef<'_>) -> PyResult<Object> {
    let d = o.payload::<MethodDescriptor>().expect("method descriptor");
    match crate::types::str::Str::new(name).and_then(|s| s.as_str()) {
        Some("__name__") => Ok(new_str(d.name)),
        Some("__qualname__") => Ok(new_str(&format!("{}.{}", d.owner.name(), d.name))),
        Some("__objclass__") => Ok(d.owner.as_object().to_owned()),
        Some("__doc__" | "__text_signature__") => Ok(crate::types::singletons::none()),
        _ => crate::attr::generic_getattr(o, name),
    }
}

fn function_traverse(o: ObjectRef<'_>, visit: &mut dyn FnMut(ObjectRef<'_>)) {
    let f = o.payload::<BuiltinFunction>().expect("builtin function");
    if let Some(b) = &f.bound {
        visit(b.as_ref());
    }
    if let Some(t) = &f.target {
        visit(t.as_ref());
    }
}

fn descriptor_repr(o: ObjectRef<'_>) -> PyResult<Object> {
    let d = o.payload::<MethodDescriptor>().expect("method descriptor");
    Ok(new_str(&format!("<method '{}' of '{}' objects>", d.name, d.owner.name())))
}

fn check_self(d: &MethodDescriptor, obj: ObjectRef<'_>) -> PyResult<()> {
    if obj.type_().is_subtype(d.owner) {
        Ok(())
    } else {
        Err(PyErr::type_error(format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            d.name,
            d.owner.name(),
            obj.type_().name()
        )))
    }
}

/// Attribute access binds the method to the instance; through the class it stays unbound.
fn descriptor_get(
    o: ObjectRef<'_>,
    instance: Option<ObjectRef<'_>>,
    _owner: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let d = o.payload::<MethodDescriptor>().expect("method descriptor");
    let Some(inst) = instance else { return Ok(o.to_owned()) };
    check_self(d, inst)?;
    Ok(new_object(
        &BUILTIN_FUNCTION_TYPE.0,
        BuiltinFunction {
            name: d.name,
            func: d.func,
            bound: Some(inst.to_owned()),
            target: None,
            frame_fn: None,
            module: Default::default(),
        },
    ))
}

/// `CALL`'s direct route to native code, skipping the generic call slot: a method descriptor
/// called with its `self` as the first argument (the method form of `LOAD_ATTR`: `s.split()`,
/// `d.get(k)`), a built-in function with neither a frame-reading form nor a wrapped target
/// (`len`, a bound native method), or a built-in type's constructor (`int(s)`). `None` when `callable` is neither; the caller then takes
/// the general path, which behaves the same for these (`ops::call`'s recursion guard included).
#[inline]
pub(crate) fn call_native(
    callable: ObjectRef<'_>,
    args: &[Object],
    kwnames: Option<ObjectRef<'_>>,
) -> Option<PyResult<Object>> {
    if callable.is_small_int() {
        return None;
    }
    let ty = callable.type_();
    if std::ptr::eq(ty, &METHOD_DESCRIPTOR_TYPE.0) {
        // SAFETY: docs/vm.md, "Object layout": an object of type `method_descriptor` (which
        // cannot be subclassed) is made only by `new_method_descriptor`, with this payload.
        let d = unsafe { callable.payload_unchecked::<MethodDescriptor>() };
        let (first, rest) = args.split_first()?;
        if !std::ptr::eq(first.type_(), d.owner)
            && let Err(e) = check_self(d, first.as_ref())
        {
            return Some(Err(e));
        }
        return Some(guarded(|| (d.func)(Some(first.as_ref()), rest, kwnames)));
    }
    if std::ptr::eq(ty, &BUILTIN_FUNCTION_TYPE.0) {
        // SAFETY: as above: `builtin_function_or_method` objects carry a `BuiltinFunction`.
        let f = unsafe { callable.payload_unchecked::<BuiltinFunction>() };
        if f.target.is_some() || f.frame_fn.is_some() {
            return None;
        }
        return Some(guarded(|| (f.func)(f.bound.as_ref().map(Object::as_ref), args, kwnames)));
    }
    if std::ptr::eq(ty, &crate::types::typeobject::TYPE_TYPE.0) {
        return crate::eval::typecall::call_builtin_type(callable, args, kwnames);
    }
    None
}

/// Runs a native call under the recursion guard `ops::call` takes for every callable.
#[inline(always)]
pub(crate) fn guarded(call: impl FnOnce() -> PyResult<Object>) -> PyResult<Object> {
    let _guard = crate::ops::RecursionGuard::enter(" while calling a Python object")?;
    call()
}

/// Calling the unbound descriptor: the first argument is `self`.
fn descriptor_call(
    o: ObjectRef<'_>,
    args: &[Object],
    kwnames: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let d = o.payload::<MethodDescriptor>().expect("method descriptor");
    let Some((first, rest)) = args.split_first() else {
        return Err(PyErr::type_error(format!(
            "unbound method {}.{}() needs an argument",
            // The type's own name, without its module (`collections.deque` -> `deque`).
            d.owner.name().rsplit('.').next().unwrap_or_default(),
            d.name
        )));
    };
    check_self(d, first.as_ref())?;
    (d.func)(Some(first.as_ref()), rest, kwnames)
}

/// Deallocates a builtin function.
///
/// # Safety
/// Called only by the deallocation path on a dead builtin function.
unsafe fn function_dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: builtin functions carry a `BuiltinFunction`.
    unsafe { dealloc_payload::<BuiltinFunction>(obj) }
}

/// Deallocates a method descriptor.
///
/// # Safety
/// Called only by the deallocation path on a dead method descriptor.
unsafe fn descriptor_dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: method descriptors carry a `MethodDescriptor`.
    unsafe { dealloc_payload::<MethodDescriptor>(obj) }
}

pub static BUILTIN_FUNCTION_TYPE: StaticType = StaticType(PyType::new_static(
    "builtin_function_or_method",
    Some(&crate::types::object::OBJECT_TYPE.0),
    std::mem::size_of::<BuiltinFunction>(),
    0,
    TypeFlags::HAVE_GC,
    40,
    function_dealloc,
    Some(function_traverse),
    Slots {
        repr: slot(function_repr as UnaryFn),
        call: slot(function_call as CallFn),
        getattr: slot(function_getattr as crate::types::typeobject::GetAttrFn),
        ..crate::types::object::object_slots()
    },
));

pub static METHOD_DESCRIPTOR_TYPE: StaticType = StaticType(PyType::new_static(
    "method_descriptor",
    Some(&crate::types::object::OBJECT_TYPE.0),
    std::mem::size_of::<MethodDescriptor>(),
    0,
    TypeFlags(0),
    41,
    descriptor_dealloc,
    None,
    Slots {
        repr: slot(descriptor_repr as UnaryFn),
        call: slot(descriptor_call as CallFn),
        descr_get: slot(descriptor_get as DescrGetFn),
        getattr: slot(descriptor_getattr as crate::types::typeobject::GetAttrFn),
        ..crate::types::object::object_slots()
    },
));
