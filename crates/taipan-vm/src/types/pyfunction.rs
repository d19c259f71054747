//! `function` (a Python function: code, globals, defaults, closure) and `method` (a function
//! bound to an instance), CPython's `Objects/funcobject.c` and `classobject.c`.
//!
//! Calling either from native code goes through their `call` slot, which runs a nested eval
//! loop; the eval loop itself recognises them and pushes a frame instead (no Rust recursion).

use std::cell::RefCell;

use crate::attr::generic_getattr;
use crate::error::{PyErr, PyResult};
use crate::object::alloc::{dealloc_payload, new_object};
use crate::object::{Object, ObjectRef, PyPayload};
use crate::types::code::as_code;
use crate::types::dict::{as_dict, new_dict};
use crate::types::exceptions::ATTRIBUTE_ERROR;
use crate::types::singletons::none;
use crate::types::str::{Str, new_str};
use crate::types::typeobject::{
    CallFn, DescrGetFn, GetAttrFn, HashFn, PyType, RichCompareFn, SetAttrFn, Slots, StaticType,
    TypeFlags, UnaryFn, slot,
};

pub struct FunctionPayload {
    /// `__code__`: read it with [`FunctionPayload::code`]. Assigning `__code__` replaces it and
    /// moves the old code object to `retired`, so that a reference taken from `code()` stays
    /// valid for as long as the function lives (docs/vm.md, "A function's `__code__`").
    code: std::cell::UnsafeCell<Object>,
    retired: RefCell<Vec<Object>>,
    pub globals: Object,
    pub builtins: Object,
    pub name: RefCell<Object>,
    pub qualname: RefCell<Object>,
    /// `__defaults__`: a tuple or absent.
    pub defaults: RefCell<Option<Object>>,
    /// `__kwdefaults__`: a dict or absent.
    pub kwdefaults: RefCell<Option<Object>>,
    /// `__closure__`: a tuple of cells or absent.
    pub closure: RefCell<Option<Object>>,
    pub annotations: RefCell<Option<Object>>,
    pub annotate: RefCell<Option<Object>>,
    /// `__type_params__` (PEP 695), `None` for the empty tuple.
    pub type_params: RefCell<Option<Object>>,
    pub doc: RefCell<Object>,
    pub module: RefCell<Object>,
    pub dict: RefCell<Option<Object>>,
}

// SAFETY: functions are built only by `new_function` with a `FunctionPayload`.
unsafe impl PyPayload for FunctionPayload {
    fn type_object() -> &'static PyType {
        &FUNCTION_TYPE.0
    }
}

impl FunctionPayload {
    /// `__code__`, valid while the function lives (a replaced code object is kept in `retired`).
    #[inline]
    pub fn code(&self) -> ObjectRef<'_> {
        // SAFETY: the cell is written only by `set_code`, which never runs while this shared
        // read is in progress (no Python code runs here); the pointer copied out stays valid for
        // `'_` because the object it names is owned either by the cell or by `retired` until
        // the function dies (docs/vm.md, "A function's `__code__`").
        unsafe { (*self.code.get()).as_ref() }
    }

    /// `f.__code__ = value`, with CPython's checks (a code object, as many free variables as
    /// the closure has cells).
    fn set_code(&self, value: Option<Object>) -> PyResult<()> {
        let Some(value) = value.filter(|v| as_code(v.as_ref()).is_some()) else {
            return Err(PyErr::type_error("__code__ must be set to a code object"));
        };
        let nfree = as_code(value.as_ref()).map_or(0, |c| c.code.nfreevars());
        let ncells = self
            .closure
            .borrow()
            .as_ref()
            .and_then(|c| crate::types::tuple::tuple_items(c.as_ref()).map(<[_]>::len))
            .unwrap_or(0);
        if nfree != ncells {
            return Err(PyErr::value_error(format!(
                "{}() requires a code object with {ncells} free vars, not {nfree}",
                crate::types::str::str_to_string(self.name.borrow().as_ref()).unwrap_or_default()
            )));
        }
        // SAFETY: no reference into the cell is held across this write (`code()` copies the
        // pointer out); the old object moves to `retired`, so pointers copied earlier stay valid.
        let old = unsafe { std::mem::replace(&mut *self.code.get(), value) };
        self.retired.borrow_mut().push(old);
        Ok(())
    }
}

/// `MAKE_FUNCTION`: a function for `code` in `globals`.
pub fn new_function(code: Object, globals: Object, builtins: Object) -> Object {
    let c = as_code(code.as_ref()).expect("a code object");
    let name = c.name.clone();
    let qualname = c.qualname.clone();
    let doc = if c.flags() & taipan_bytecode::code::CO_HAS_DOCSTRING != 0 {
        c.consts.first().cloned().unwrap_or_else(none)
    } else {
        none()
    };
    let module = as_dict(globals.as_ref())
        .and_then(|d| d.get_str("__name__").ok().flatten())
        .unwrap_or_else(none);
    new_object(
        &FUNCTION_TYPE.0,
        FunctionPayload {
            code: std::cell::UnsafeCell::new(code),
            retired: RefCell::new(Vec::new()),
            globals,
            builtins,
            name: RefCell::new(name),
            qualname: RefCell::new(qualname),
            defaults: RefCell::new(None),
            kwdefaults: RefCell::new(None),
            closure: RefCell::new(None),
            annotations: RefCell::new(None),
            annotate: RefCell::new(None),
            type_params: RefCell::new(None),
            doc: RefCell::new(doc),
            module: RefCell::new(module),
            dict: RefCell::new(None),
        },
    )
}

#[inline]
pub fn as_function(o: ObjectRef<'_>) -> Option<&FunctionPayload> {
    // `function` cannot be subclassed, so the exact type test is the subtype test (one
    // comparison on the call path instead of an MRO walk).
    if !o.is_small_int() && std::ptr::eq(o.type_(), &FUNCTION_TYPE.0) {
        // SAFETY: docs/vm.md, "Object layout": an object of type `function` is made only by
        // `new_function`, with a `FunctionPayload`.
        Some(unsafe { o.payload_unchecked::<FunctionPayload>() })
    } else {
        None
    }
}

fn function_repr(o: ObjectRef<'_>) -> PyResult<Object> {
    let f = as_function(o).expect("function");
    let q = crate::ops::str_string(f.qualname.borrow().as_ref())?;
    Ok(new_str(&format!("<function {q} at {:#x}>", o.id())))
}

fn function_call(
    o: ObjectRef<'_>,
    args: &[Object],
    kwnames: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    crate::eval::call_python(o, None, args, kwnames)
}

fn function_descr_get(
    f: ObjectRef<'_>,
    instance: Option<ObjectRef<'_>>,
    _owner: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    match instance {
        Some(i) if !crate::types::singletons::is_none(i) => {
            Ok(new_method(f.to_owned(), i.to_owned()))
        }
        _ => Ok(f.to_owned()),
    }
}

fn opt(v: &RefCell<Option<Object>>) -> Object {
    v.borrow().clone().unwrap_or_else(none)
}

fn function_getattr(o: ObjectRef<'_>, name: ObjectRef<'_>) -> PyResult<Object> {
    let f = as_function(o).expect("function");
    if let Some(s) = Str::new(name).and_then(|s| s.as_str()) {
        match s {
            "__name__" => return Ok(f.name.borrow().clone()),
            "__qualname__" => return Ok(f.qualname.borrow().clone()),
            "__code__" => return Ok(f.code().to_owned()),
            "__globals__" => return Ok(f.globals.clone()),
            "__builtins__" => return Ok(f.builtins.clone()),
            "__defaults__" => return Ok(opt(&f.defaults)),
            "__kwdefaults__" => return Ok(opt(&f.kwdefaults)),
            "__closure__" => return Ok(opt(&f.closure)),
            "__doc__" => return Ok(f.doc.borrow().clone()),
            "__module__" => return Ok(f.module.borrow().clone()),
            "__annotate__" => return Ok(opt(&f.annotate)),
            "__type_params__" => {
                return Ok(f
                    .type_params
                    .borrow()
                    .clone()
                    .unwrap_or_else(|| crate::types::tuple::new_tuple(Vec::new())));
            }
            "__annotations__" => {
                if let Some(a) = f.annotations.borrow().clone() {
                    return Ok(a);
                }
                let annotate = f.annotate.borrow().clone();
                let value = match annotate {
                    Some(fun) => {
                        crate::ops::call(fun.as_ref(), &[crate::types::int::new_int_i64(1)], None)?
                    }
                    None => new_dict(),
                };
                let old = f.annotations.replace(Some(value.clone()));
                drop(old);
                return Ok(value);
            }
            "__dict__" => {
                let d = f.dict.borrow_mut().get_or_insert_with(new_dict).clone();
                return Ok(d);
            }
            _ => {}
        }
    }
    let d = f.dict.borrow().clone();
    if let Some(d) = d
        && let Some(v) = as_dict(d.as_ref()).expect("dict").get_item(name)?
    {
        return Ok(v);
    }
    generic_getattr(o, name)
}

fn function_setattr(
    o: ObjectRef<'_>,
    name: ObjectRef<'_>,
    v: Option<ObjectRef<'_>>,
) -> PyResult<()> {
    let f = as_function(o).expect("function");
    if let Some(s) = Str::new(name).and_then(|s| s.as_str()) {
        let owned = v.map(|v| v.to_owned());
        let old = match s {
            "__name__" => Some(f.name.replace(owned.unwrap_or_else(none))),
            "__qualname__" => Some(f.qualname.replace(owned.unwrap_or_else(none))),
            "__doc__" => Some(f.doc.replace(owned.unwrap_or_else(none))),
            "__module__" => Some(f.module.replace(owned.unwrap_or_else(none))),
            "__code__" => {
                f.set_code(owned)?;
                return Ok(());
            }
            "__defaults__" => {
                f.defaults.replace(owned.filter(|v| !crate::types::singletons::is_none(v.as_ref())))
            }
            "__kwdefaults__" => f
                .kwdefaults
                .replace(owned.filter(|v| !crate::types::singletons::is_none(v.as_ref()))),
            "__annotations__" => {
                // A dict replaces the computed annotations and drops `__annotate__`; None or
                // `del` forgets both.
                let value = owned.filter(|v| !crate::types::singletons::is_none(v.as_ref()));
                if value.as_ref().is_some_and(|v| as_dict(v.as_ref()).is_none()) {
                    return Err(PyErr::type_error("__annotations__ must be set to a dict object"));
                }
                let old_annotate = f.annotate.replace(None);
                drop(old_annotate);
                f.annotations.replace(value)
            }
            "__type_params__" => match owned {
                Some(v) if crate::types::tuple::tuple_items(v.as_ref()).is_some() => {
                    f.type_params.replace(Some(v))
                }
                _ => {
                    return Err(PyErr::type_error("__type_params__ must be set to a tuple"));
                }
            },
            "__annotate__" => {
                let Some(value) = owned else {
                    return Err(PyErr::type_error("__annotate__ cannot be deleted"));
                };
                if crate::types::singletons::is_none(value.as_ref()) {
                    f.annotate.replace(None)
                } else {
                    if value.type_().slots.call.get().is_none() {
                        return Err(PyErr::type_error("__annotate__ must be callable or None"));
                    }
                    let old_annotations = f.annotations.replace(None);
                    drop(old_annotations);
                    f.annotate.replace(Some(value))
                }
            }
            _ => {
                let d = f.dict.borrow_mut().get_or_insert_with(new_dict).clone();
                let d = as_dict(d.as_ref()).expect("dict");
                return match owned {
                    Some(v) => d.set_item(name.to_owned(), v),
                    None => match d.del_item(name)? {
                        Some(_) => Ok(()),
                        None => Err(PyErr::new(
                            &ATTRIBUTE_ERROR,
                            format!("'function' object has no attribute '{s}'"),
                        )),
                    },
                };
            }
        };
        drop(old);
        return Ok(());
    }
    Err(PyErr::type_error("attribute name must be string"))
}

/// `clear` (the collector breaking a cycle): drops the defaults, closure, annotations and dict.
fn function_gc_clear(o: ObjectRef<'_>) {
    let f = as_function(o).expect("function");
    for c in [
        &f.defaults,
        &f.kwdefaults,
        &f.closure,
        &f.annotations,
        &f.annotate,
        &f.type_params,
        &f.dict,
    ] {
        let v = c.borrow_mut().take();
        drop(v);
    }
}

fn function_traverse(o: ObjectRef<'_>, visit: &mut dyn FnMut(ObjectRef<'_>)) {
    let f = as_function(o).expect("function");
    visit(f.code());
    for c in f.retired.borrow().iter() {
        visit(c.as_ref());
    }
    visit(f.globals.as_ref());
    visit(f.builtins.as_ref());
    for c in [
        &f.defaults,
        &f.kwdefaults,
        &f.closure,
        &f.annotations,
        &f.annotate,
        &f.type_params,
        &f.dict,
    ] {
        if let Some(v) = c.borrow().as_ref() {
            visit(v.as_ref());
        }
    }
}

/// # Safety
/// Called only by the deallocation path on a dead function.
unsafe fn function_dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: functions carry a `FunctionPayload`.
    unsafe { dealloc_payload::<FunctionPayload>(obj) }
}

pub static FUNCTION_TYPE: StaticType = StaticType(PyType::new_static(
    "function",
    Some(&crate::types::object::OBJECT_TYPE.0),
    std::mem::size_of::<FunctionPayload>(),
    0,
    TypeFlags::HAVE_GC,
    203,
    function_dealloc,
    Some(function_traverse),
    Slots {
        repr: slot(function_repr as UnaryFn),
        clear: slot(function_gc_clear as crate::types::typeobject::ClearFn),
        call: slot(function_call as CallFn),
        descr_get: slot(function_descr_get as DescrGetFn),
        getattr: slot(function_getattr as GetAttrFn),
        setattr: slot(function_setattr as SetAttrFn),
        ..crate::types::object::object_slots()
    },
));

/// A bound method: `func` with `self` as its first argument.
pub struct MethodPayload {
    pub func: Object,
    pub self_: Object,
}

// SAFETY: methods are built only by `new_method` with a `MethodPayload`.
unsafe impl PyPayload for MethodPayload {
    fn type_object() -> &'static PyType {
        &METHOD_TYPE.0
    }
}

pub fn new_method(func: Object, self_: Object) -> Object {
    new_object(&METHOD_TYPE.0, MethodPayload { func, self_ })
}

/// `types.MethodType(func, instance)`.
fn method_new(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    if kw.and_then(crate::types::tuple::tuple_items).is_some_and(|k| !k.is_empty()) {
        return Err(PyErr::type_error("method() takes no keyword arguments"));
    }
    let [func, inst] = args else {
        return Err(PyErr::type_error(format!("method expected 2 arguments, got {}", args.len())));
    };
    if func.type_().slots.call.get().is_none() {
        return Err(PyErr::type_error("first argument must be callable"));
    }
    if crate::types::singletons::is_none(inst.as_ref()) {
        return Err(PyErr::type_error("instance must not be None"));
    }
    Ok(new_method(func.clone(), inst.clone()))
}

/// `types.FunctionType(code, globals, name=None, argdefs=None, closure=None, kwdefaults=None)`:
/// a function whose builtins come from `globals['__builtins__']`, else the current ones.
fn function_new(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    use crate::types::tuple::tuple_items;
    let names = ["code", "globals", "name", "argdefs", "closure", "kwdefaults"];
    let a = crate::builtins::args::Args::new(args, kw).bind("function", &names, 2)?;
    let given = |i: usize| a[i].filter(|v| !crate::types::singletons::is_none(v.as_ref()));
    let code = a[0].expect("bound");
    let Some(c) = as_code(code.as_ref()) else {
        let t = code.type_().name();
        return Err(PyErr::type_error(format!("function() argument 'code' must be code, not {t}")));
    };
    let globals = a[1].expect("bound");
    let Some(g) = as_dict(globals.as_ref()) else {
        let t = globals.type_().name();
        return Err(PyErr::type_error(format!(
            "function() argument 'globals' must be dict, not {t}"
        )));
    };
    let name = given(2);
    if name.is_some_and(|n| !n.type_().is_subtype(&crate::types::str::STR_TYPE.0)) {
        return Err(PyErr::type_error("arg 3 (name) must be None or string"));
    }
    let defaults = given(3);
    if defaults.is_some_and(|d| tuple_items(d.as_ref()).is_none()) {
        return Err(PyErr::type_error("arg 4 (defaults) must be None or tuple"));
    }
    let nfree = c.code.nfreevars();
    let closure = given(4);
    let cells = closure.map(|t| tuple_items(t.as_ref()));
    if nfree > 0 && !matches!(cells, Some(Some(_))) {
        return Err(PyErr::type_error("arg 5 (closure) must be tuple"));
    }
    if matches!(cells, Some(None)) {
        return Err(PyErr::type_error("arg 5 (closure) must be None or tuple"));
    }
    let cells = cells.flatten().unwrap_or(&[]);
    if cells.len() != nfree {
        return Err(PyErr::value_error(format!(
            "{} requires closure of length {nfree}, not {}",
            c.code.name.to_string_lossy(),
            cells.len()
        )));
    }
    if let Some(bad) = cells.iter().find(|o| crate::types::cell::as_cell(o.as_ref()).is_none()) {
        let t = bad.type_().name();
        return Err(PyErr::type_error(format!("arg 5 (closure) expected cell, found {t}")));
    }
    let kwdefaults = given(5);
    if kwdefaults.is_some_and(|d| as_dict(d.as_ref()).is_none()) {
        return Err(PyErr::type_error("arg 6 (kwdefaults) must be None or dict"));
    }
    let builtins = match g.get_str("__builtins__")? {
        Some(b) => match crate::types::module::module_dict(b.as_ref()) {
            Some(d) => d.to_owned(),
            None => b,
        },
        None => crate::builtins::builtins_dict(),
    };
    let f = new_function(code.clone(), globals.clone(), builtins);
    let p = as_function(f.as_ref()).expect("a function");
    if let Some(n) = name {
        p.name.replace(n.clone());
    }
    p.defaults.replace(defaults.cloned());
    p.kwdefaults.replace(kwdefaults.cloned());
    p.closure.replace(closure.filter(|_| nfree > 0).cloned());
    Ok(f)
}

/// Registers the constructors of `method` and `function`.
pub(crate) fn register_method_constructor() {
    crate::eval::typecall::register_constructor(&METHOD_TYPE.0, method_new);
    crate::eval::typecall::register_constructor(&FUNCTION_TYPE.0, function_new);
}

#[inline]
pub fn as_method(o: ObjectRef<'_>) -> Option<&MethodPayload> {
    // `method` cannot be subclassed: the exact type test is the subtype test.
    if !o.is_small_int() && std::ptr::eq(o.type_(), &METHOD_TYPE.0) {
        // SAFETY: docs/vm.md, "Object layout": an object of type `method` is made only with a
        // `MethodPayload`.
        Some(unsafe { o.payload_unchecked::<MethodPayload>() })
    } else {
        None
    }
}

fn method_repr(o: ObjectRef<'_>) -> PyResult<Object> {
    let m = as_method(o).expect("method");
    let q =
        crate::attr::getattr(m.func.as_ref(), crate::types::str::intern("__qualname__").as_ref())
            .and_then(|q| crate::ops::str_string(q.as_ref()))
            .unwrap_or_else(|_| "?".into());
    Ok(new_str(&format!("<bound method {q} of {}>", crate::ops::repr_string(m.self_.as_ref())?)))
}

fn method_call(
    o: ObjectRef<'_>,
    args: &[Object],
    kwnames: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let m = as_method(o).expect("method");
    if as_function(m.func.as_ref()).is_some() {
        return crate::eval::call_python(m.func.as_ref(), Some(m.self_.as_ref()), args, kwnames);
    }
    let mut all = Vec::with_capacity(args.len() + 1);
    all.push(m.self_.clone());
    all.extend_from_slice(args);
    crate::ops::call(m.func.as_ref(), &all, kwnames)
}

fn method_getattr(o: ObjectRef<'_>, name: ObjectRef<'_>) -> PyResult<Object> {
    let m = as_method(o).expect("method");
    if let Some(s) = Str::new(name).and_then(|s| s.as_str()) {
        match s {
            "__self__" => return Ok(m.self_.clone()),
            "__func__" => return Ok(m.func.clone()),
            // `object.__class__` is found on the method's type before anything is forwarded
            // to the function (isinstance(bound_method, FunctionType) is False).
            "__class__" => return Ok(o.type_().as_object().to_owned()),
            _ => {}
        }
    }
    crate::attr::getattr(m.func.as_ref(), name)
}

fn method_richcompare(
    a: ObjectRef<'_>,
    b: ObjectRef<'_>,
    op: crate::types::typeobject::CompareOp,
) -> PyResult<Object> {
    use crate::types::typeobject::CompareOp;
    let (Some(x), Some(y)) = (as_method(a), as_method(b)) else {
        return Ok(crate::types::singletons::not_implemented());
    };
    let eq = x.func.is(&y.func) && x.self_.is(&y.self_);
    match op {
        CompareOp::Eq => Ok(crate::types::bool::py_bool(eq)),
        CompareOp::Ne => Ok(crate::types::bool::py_bool(!eq)),
        _ => Ok(crate::types::singletons::not_implemented()),
    }
}

fn method_hash(o: ObjectRef<'_>) -> PyResult<isize> {
    let m = as_method(o).expect("method");
    Ok((m.func.id() ^ m.self_.id()) as isize >> 4)
}

fn method_traverse(o: ObjectRef<'_>, visit: &mut dyn FnMut(ObjectRef<'_>)) {
    let m = as_method(o).expect("method");
    visit(m.func.as_ref());
    visit(m.self_.as_ref());
}

/// # Safety
/// Called only by the deallocation path on a dead method.
unsafe fn method_dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: methods carry a `MethodPayload`.
    unsafe { dealloc_payload::<MethodPayload>(obj) }
}

pub static METHOD_TYPE: StaticType = StaticType(PyType::new_static(
    "method",
    Some(&crate::types::object::OBJECT_TYPE.0),
    std::mem::size_of::<MethodPayload>(),
    0,
    TypeFlags::HAVE_GC,
    204,
    method_dealloc,
    Some(method_traverse),
    Slots {
        repr: slot(method_repr as UnaryFn),
        call: slot(method_call as CallFn),
        getattr: slot(method_getattr as GetAttrFn),
        richcompare: slot(method_richcompare as RichCompareFn),
        hash: slot(method_hash as HashFn),
        ..crate::types::object::object_slots()
    },
));
