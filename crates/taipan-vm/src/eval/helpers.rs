//! The heavier opcode bodies, out of the dispatch loop: name lookups and their errors, method
//! loading, `super()`, unpacking, container merges, formatting, imports, `raise`.

use crate::error::{PyErr, PyResult};
use crate::object::{Object, ObjectRef};
use crate::ops::{self, BinOp};
use crate::types::code::CodePayload;
use crate::types::dict::{as_dict, new_dict};
use crate::types::exceptions::{self, ExcPayload, NAME_ERROR, UNBOUND_LOCAL_ERROR};
use crate::types::float::float_value;
use crate::types::function::METHOD_DESCRIPTOR_TYPE;
use crate::types::int::int_value;
use crate::types::list::{as_list, new_list};
use crate::types::pyfunction::{FUNCTION_TYPE, as_function};
use crate::types::singletons::{is_none, none};
use crate::types::str::{STR_TYPE, Str, intern, new_str};
use crate::types::tuple::{new_tuple, tuple_items};
use crate::types::typelookup::type_lookup;
use crate::types::typeobject::{PyType, TypeFlags, as_type};

fn text(o: ObjectRef<'_>) -> String {
    Str::new(o).map(|s| s.to_string_lossy()).unwrap_or_default()
}

pub(crate) fn unbound_local(code: &CodePayload, i: usize) -> PyErr {
    PyErr::new(
        &UNBOUND_LOCAL_ERROR,
        format!(
            "cannot access local variable '{}' where it is not associated with a value",
            text(code.localsplusnames[i].as_ref())
        ),
    )
}

pub(crate) fn unbound_deref(code: &CodePayload, i: usize) -> PyErr {
    let name = text(code.localsplusnames[i].as_ref());
    if code.code.localspluskinds[i] & taipan_bytecode::code::CO_FAST_FREE != 0 {
        PyErr::new(
            &NAME_ERROR,
            format!(
                "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
            ),
        )
    } else {
        PyErr::new(
            &UNBOUND_LOCAL_ERROR,
            format!(
                "cannot access local variable '{name}' where it is not associated with a value"
            ),
        )
    }
}

pub(crate) fn name_error(name: ObjectRef<'_>) -> PyErr {
    PyErr::new(&NAME_ERROR, format!("name '{}' is not defined", text(name)))
}

/// The dict payload of an exact dict (a subclass may override `__getitem__`/`__setitem__`).
fn exact_dict(m: ObjectRef<'_>) -> Option<&crate::types::dict::DictPayload> {
    if std::ptr::eq(m.type_(), &crate::types::dict::DICT_TYPE.0) { as_dict(m) } else { None }
}

/// `mapping[name]`, `None` when missing (dicts directly, other mappings via `__getitem__`).
pub(crate) fn mapping_get(m: ObjectRef<'_>, name: ObjectRef<'_>) -> PyResult<Option<Object>> {
    if let Some(d) = exact_dict(m) {
        return d.get_item(name);
    }
    match ops::getitem(m, name) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.matches(&exceptions::KEY_ERROR) => Ok(None),
        Err(e) => Err(e),
    }
}

/// `mapping[name] = v`, or `del mapping[name]` (KeyError if missing).
pub(crate) fn mapping_set(
    m: ObjectRef<'_>,
    name: ObjectRef<'_>,
    v: Option<ObjectRef<'_>>,
) -> PyResult<()> {
    if let Some(d) = exact_dict(m) {
        return match v {
            Some(v) => d.set_item(name.to_owned(), v.to_owned()),
            None => match d.del_item(name)? {
                Some(_) => Ok(()),
                None => Err(PyErr::key_error(name.to_owned())),
            },
        };
    }
    ops::setitem(m, name, v)
}

pub(crate) fn load_name(
    locals: Option<&Object>,
    globals: &Object,
    builtins: &Object,
    name: ObjectRef<'_>,
) -> PyResult<Object> {
    if let Some(l) = locals
        && let Some(v) = mapping_get(l.as_ref(), name)?
    {
        return Ok(v);
    }
    load_global(globals, builtins, name)
}

pub(crate) fn load_global(
    globals: &Object,
    builtins: &Object,
    name: ObjectRef<'_>,
) -> PyResult<Object> {
    // A dict subclass as globals (annotationlib's fake globals) is read through its
    // `__getitem__`, so its `__missing__` applies, as CPython does.
    if let Some(v) = mapping_get(globals.as_ref(), name)? {
        return Ok(v);
    }
    if let Some(v) = mapping_get(builtins.as_ref(), name)? {
        return Ok(v);
    }
    Err(name_error(name))
}

pub(crate) fn common_constant(i: u32, builtins: &Object) -> PyResult<Object> {
    Ok(match i {
        0 => exceptions::ASSERTION_ERROR.0.as_object().to_owned(),
        1 => exceptions::NOT_IMPLEMENTED_ERROR.0.as_object().to_owned(),
        2 => crate::types::tuple::TUPLE_TYPE.0.as_object().to_owned(),
        3 => load_global(builtins, builtins, intern("all").as_ref())?,
        _ => load_global(builtins, builtins, intern("any").as_ref())?,
    })
}

/// Whether an attribute found on a type is a plain method (bound by `descr_get` to `self`), so
/// that `LOAD_ATTR` may push it unbound with `self` instead of building a bound method.
fn is_method_like(attr: ObjectRef<'_>) -> bool {
    let t = attr.type_();
    std::ptr::eq(t, &FUNCTION_TYPE.0)
        || std::ptr::eq(t, &METHOD_DESCRIPTOR_TYPE.0)
        || std::ptr::eq(t, &crate::types::slotwrapper::WRAPPER_DESCRIPTOR_TYPE.0)
}

/// `LOAD_ATTR` with the method bit: `(method, Some(self))` or `(attribute, None)`.
#[inline(always)]
pub(crate) fn load_method(
    owner: Object,
    name: ObjectRef<'_>,
) -> PyResult<(Object, Option<Object>)> {
    let ty = owner.type_();
    let generic = match ty.slots.getattr.get() {
        None => as_type(owner.as_ref()).is_none(),
        Some(f) => {
            f as usize
                == crate::types::instance::instance_getattr as crate::types::typeobject::GetAttrFn
                    as usize
        }
    };
    if generic
        && let Some(attr) = type_lookup(ty, name)?
        && is_method_like(attr.as_ref())
        && !crate::types::instance::instance_dict_has(owner.as_ref(), name)?
    {
        return Ok((attr, Some(owner)));
    }
    let v = crate::attr::getattr(owner.as_ref(), name)?;
    Ok((v, None))
}

/// `LOAD_SUPER_ATTR`: `super(class, self).name`, looked up after `class` in `type(self)`'s
/// bases.
pub(crate) fn load_super_attr(
    sup: &Object,
    class: &Object,
    self_: Object,
    name: ObjectRef<'_>,
    method: bool,
) -> PyResult<(Object, Option<Object>)> {
    if !crate::builtins::framefns::is_builtin_super(sup.as_ref()) {
        // `super` was rebound: call it as written.
        let s = crate::ops::call(sup.as_ref(), &[class.clone(), self_], None)?;
        return Ok((crate::attr::getattr(s.as_ref(), name)?, None));
    }
    let Some(cls) = as_type(class.as_ref()) else {
        return Err(PyErr::type_error(format!(
            "super() argument 1 must be a type, not {}",
            class.type_().name()
        )));
    };
    let start = crate::types::superobj::supercheck(cls, self_.as_ref())?;
    let is_name_class = Str::new(name).and_then(|s| s.as_str()) == Some("__class__");
    if method && !is_name_class && !self_.as_ref().is(start.as_object()) {
        // Find the raw attribute to push it unbound with `self` when it is a plain method.
        let mro = crate::types::classnew::mro_of(start);
        if let Some(i) = mro.iter().position(|t| t.as_ref().is(cls.as_object())) {
            for t in &mro[i + 1..] {
                let Some(tt) = as_type(t.as_ref()) else { continue };
                let d = crate::types::typelookup::type_dict(tt);
                if let Some(res) = as_dict(d.as_ref()).expect("dict").get_item(name)? {
                    if is_method_like(res.as_ref()) {
                        return Ok((res, Some(self_)));
                    }
                    break;
                }
            }
        }
    }
    let s = crate::types::superobj::new_super(class.clone(), Some(self_))?;
    Ok((crate::attr::getattr(s.as_ref(), name)?, None))
}

/// `LOAD_SPECIAL`: `__enter__`/`__exit__` (and the async pair) looked up on the type.
pub(crate) fn load_special(owner: Object, which: u32) -> PyResult<(Object, Option<Object>)> {
    let name = ["__enter__", "__exit__", "__aenter__", "__aexit__"][which as usize & 3];
    let key = intern(name);
    let ty = owner.type_();
    match type_lookup(ty, key.as_ref())? {
        Some(attr) if is_method_like(attr.as_ref()) => Ok((attr, Some(owner))),
        Some(attr) => {
            let v = match attr.type_().slots.descr_get.get() {
                Some(get) => get(attr.as_ref(), Some(owner.as_ref()), Some(ty.as_object()))?,
                None => attr,
            };
            Ok((v, None))
        }
        None => {
            let sync = which & 3 < 2;
            let proto = if sync { "context manager" } else { "asynchronous context manager" };
            // CPython suggests the other statement when the type has both methods of the
            // other protocol.
            let (a, b) = if sync { ("__aenter__", "__aexit__") } else { ("__enter__", "__exit__") };
            let other = type_lookup(ty, intern(a).as_ref())?.is_some()
                && type_lookup(ty, intern(b).as_ref())?.is_some();
            let hint = match (other, sync) {
                (false, _) => "",
                (true, true) => {
                    " but it supports the asynchronous context manager protocol. \
                     Did you mean to use 'async with'?"
                }
                (true, false) => {
                    " but it supports the context manager protocol. Did you mean to use 'with'?"
                }
            };
            Err(PyErr::type_error(format!(
                "'{}' object does not support the {proto} protocol (missed {name} method){hint}",
                ty.name(),
            )))
        }
    }
}

/// A binary operator; in-place forms first try the list's in-place concatenation and name the
/// operator `+=` (etc.) in errors.
/// The in-place dunder for an operator (`__iadd__`, ...).
fn inplace_dunder(op: BinOp) -> Option<&'static str> {
    Some(match op {
        BinOp::Add => "__iadd__",
        BinOp::Sub => "__isub__",
        BinOp::Mul => "__imul__",
        BinOp::TrueDiv => "__itruediv__",
        BinOp::FloorDiv => "__ifloordiv__",
        BinOp::Mod => "__imod__",
        BinOp::Pow => "__ipow__",
        BinOp::LShift => "__ilshift__",
        BinOp::RShift => "__irshift__",
        BinOp::And => "__iand__",
        BinOp::Or => "__ior__",
        BinOp::Xor => "__ixor__",
        BinOp::DivMod => return None,
    })
}

pub(crate) fn binary_op(
    a: ObjectRef<'_>,
    b: ObjectRef<'_>,
    op: BinOp,
    inplace: bool,
) -> PyResult<Object> {
    // A Python class's in-place method comes first; NotImplemented falls back to the binary op.
    if inplace
        && a.type_().has_flag(TypeFlags::HEAPTYPE)
        && let Some(name) = inplace_dunder(op)
        && let Some(r) = crate::types::instance::call_dunder(a, name, &[b.to_owned()])?
        && !crate::types::singletons::is_not_implemented(r.as_ref())
    {
        return Ok(r);
    }
    binary_op_builtin(a, b, op, inplace)
}

/// `binary_op` without a Python class's in-place dunder: the built-in types' `__iadd__` & co.
pub(crate) fn binary_op_builtin(
    a: ObjectRef<'_>,
    b: ObjectRef<'_>,
    op: BinOp,
    inplace: bool,
) -> PyResult<Object> {
    if inplace
        && op == BinOp::Add
        && let Some(l) = as_list(a)
    {
        let items = iterate(b).map_err(|_| {
            PyErr::type_error(format!("'{}' object is not iterable", b.type_().name()))
        })?;
        l.extend(items);
        return Ok(a.to_owned());
    }
    if inplace
        && op == BinOp::Mul
        && let Some(l) = as_list(a)
        && let Some(n) = b.small_int()
    {
        let items = l.to_vec();
        let total = (items.len() as u128) * (n.max(0) as u128);
        if total > isize::MAX as u128 / 8 {
            return Err(PyErr::memory_error());
        }
        let mut out = Vec::new();
        out.try_reserve_exact(total as usize).map_err(|_| PyErr::memory_error())?;
        for _ in 0..n.max(0) {
            out.extend(items.iter().cloned());
        }
        l.clear();
        l.extend(out);
        return Ok(a.to_owned());
    }
    if inplace && (op == BinOp::Add || op == BinOp::Mul) && crate::types::bytearray::is_bytearray(a)
    {
        return crate::types::bytearray::inplace(a, b, op == BinOp::Add);
    }
    if inplace
        && (op == BinOp::Add || op == BinOp::Mul)
        && let Some(r) = crate::modules::collections_deque::inplace(a, b, op == BinOp::Add)?
    {
        return Ok(r);
    }
    if inplace
        && matches!(op, BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor)
        && let Some(r) = crate::types::set::inplace(a, b, op)?
    {
        return Ok(r);
    }
    // Exact dicts only: a subclass's `|` is its own (`Counter`, `OrderedDict`, `defaultdict`)
    // or dict's slot, which the generic path below reaches.
    if op == BinOp::Or
        && (inplace
            || (std::ptr::eq(a.type_(), &crate::types::dict::DICT_TYPE.0)
                && std::ptr::eq(b.type_(), &crate::types::dict::DICT_TYPE.0)))
        && let (Some(da), Some(db)) = (as_dict(a), as_dict(b))
    {
        // dict | dict (PEP 584); `|=` updates in place.
        if inplace {
            for (k, v) in db.items() {
                da.set_item(k, v)?;
            }
            return Ok(a.to_owned());
        }
        let out = new_dict();
        let d = as_dict(out.as_ref()).expect("dict");
        for (k, v) in da.items().into_iter().chain(db.items()) {
            d.set_item(k, v)?;
        }
        return Ok(out);
    }
    if op == BinOp::Or && inplace && as_dict(a).is_some() {
        crate::builtins::constructors::dict_merge_from(a, b)?;
        return Ok(a.to_owned());
    }
    if op == BinOp::Mod && std::ptr::eq(a.type_(), &STR_TYPE.0) {
        return crate::builtins::strmethods::percent_format(a, b);
    }
    if op == BinOp::Mod
        && (std::ptr::eq(a.type_(), &crate::types::bytes::BYTES_TYPE.0)
            || std::ptr::eq(a.type_(), &crate::types::bytearray::BYTEARRAY_TYPE.0))
    {
        return crate::builtins::strmethods::bytes_percent_format(a, b);
    }
    if op == BinOp::Pow {
        return ops::power(a, b, None).map_err(|e| inplace_msg(e, op, inplace));
    }
    ops::binary_op(a, b, op).map_err(|e| inplace_msg(e, op, inplace))
}

fn inplace_msg(e: PyErr, op: BinOp, inplace: bool) -> PyErr {
    if !inplace || !e.matches(&exceptions::TYPE_ERROR) {
        return e;
    }
    let msg = e.message();
    let sym = if op == BinOp::Pow { "** or pow()" } else { op.symbol() };
    let new_sym = if op == BinOp::Pow { "**=".to_string() } else { format!("{}=", op.symbol()) };
    let from = format!("unsupported operand type(s) for {sym}:");
    if msg.starts_with(&from) {
        return PyErr::type_error(msg.replacen(
            &from,
            &format!("unsupported operand type(s) for {new_sym}:"),
            1,
        ));
    }
    e
}

pub(crate) fn matmul(a: ObjectRef<'_>, b: ObjectRef<'_>, inplace: bool) -> PyResult<Object> {
    use crate::types::instance::call_dunder;
    use crate::types::singletons::is_not_implemented;
    if inplace
        && let Some(r) = call_dunder(a, "__imatmul__", &[b.to_owned()])?
        && !is_not_implemented(r.as_ref())
    {
        return Ok(r);
    }
    if let Some(r) = call_dunder(a, "__matmul__", &[b.to_owned()])?
        && !is_not_implemented(r.as_ref())
    {
        return Ok(r);
    }
    if !a.type_().as_object().is(b.type_().as_object())
        && let Some(r) = call_dunder(b, "__rmatmul__", &[a.to_owned()])?
        && !is_not_implemented(r.as_ref())
    {
        return Ok(r);
    }
    Err(PyErr::type_error(format!(
        "unsupported operand type(s) for @{}: '{}' and '{}'",
        if inplace { "=" } else { "" },
        a.type_().name(),
        b.type_().name()
    )))
}

/// `item in container`, falling back to iteration as CPython's `PySequence_Contains` does.
#[inline(always)]
pub(crate) fn contains(container: ObjectRef<'_>, item: ObjectRef<'_>) -> PyResult<bool> {
    if container.type_().slots.sq_contains.get().is_some() {
        return ops::contains(container, item);
    }
    if container.type_().slots.iter.get().is_some() {
        let it = ops::iter(container).map_err(|e| {
            if e.matches(&crate::types::exceptions::TYPE_ERROR) {
                PyErr::type_error(format!(
                    "argument of type '{}' is not a container or iterable",
                    container.type_().name()
                ))
            } else {
                e
            }
        })?;
        while let Some(v) = ops::next(it.as_ref())? {
            if v.as_ref().is(item)
                || ops::rich_compare_bool(
                    v.as_ref(),
                    item,
                    crate::types::typeobject::CompareOp::Eq,
                )?
            {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    ops::contains(container, item)
}

/// Every item of an iterable, as a vector.
/// Whether `o` (an instance of `base` or of a subclass) iterates with `base`'s own iterator:
/// a subclass that defines `__iter__` does not.
fn iterates_as(o: ObjectRef<'_>, base: &crate::types::typeobject::PyType) -> bool {
    let ty = o.type_();
    std::ptr::eq(ty, base)
        || ty.slots.iter.get().map(|f| f as usize) == base.slots.iter.get().map(|f| f as usize)
}

pub fn iterate(o: ObjectRef<'_>) -> PyResult<Vec<Object>> {
    // Tuples and lists are copied directly, unless a subclass iterates its own way.
    if let Some(items) = tuple_items(o)
        && iterates_as(o, &crate::types::tuple::TUPLE_TYPE.0)
    {
        return Ok(items.to_vec());
    }
    if let Some(l) = as_list(o)
        && iterates_as(o, &crate::types::list::LIST_TYPE.0)
    {
        return Ok(l.to_vec());
    }
    let mut out = Vec::new();
    // A range says how long it is: a list that cannot be made fails at once with MemoryError
    // (as CPython's length-hint preallocation does), instead of growing until memory runs out.
    if crate::types::range::as_range(o).is_some() {
        let n = crate::types::range::len(o)?;
        if n > isize::MAX as usize / std::mem::size_of::<Object>()
            || out.try_reserve_exact(n).is_err()
        {
            return Err(PyErr::memory_error());
        }
    }
    let it = ops::iter(o)?;
    while let Some(v) = ops::next(it.as_ref())? {
        // Growth that the allocator refuses is a MemoryError, never an abort.
        if out.len() == out.capacity() && out.try_reserve(1).is_err() {
            return Err(PyErr::memory_error());
        }
        out.push(v);
    }
    Ok(out)
}

pub(crate) fn list_extend(l: ObjectRef<'_>, v: ObjectRef<'_>) -> PyResult<()> {
    let items = match iterate(v) {
        Ok(items) => items,
        Err(e) if e.matches(&exceptions::TYPE_ERROR) && v.type_().slots.iter.get().is_none() => {
            return Err(PyErr::type_error(format!(
                "Value after * must be an iterable, not {}",
                v.type_().name()
            )));
        }
        Err(e) => return Err(e),
    };
    as_list(l).expect("list").extend(items);
    Ok(())
}

/// `DICT_UPDATE` / `DICT_MERGE` (`callable` set: `**` in a call, duplicates are errors).
pub(crate) fn dict_update(
    d: ObjectRef<'_>,
    v: ObjectRef<'_>,
    callable: Option<&Object>,
) -> PyResult<()> {
    let target = as_dict(d).expect("dict");
    let pairs: Vec<(Object, Object)> = if let Some(src) = as_dict(v) {
        src.items()
    } else {
        let keys = match crate::attr::getattr(v, intern("keys").as_ref()) {
            Ok(k) => k,
            Err(_) => {
                return Err(PyErr::type_error(match callable {
                    Some(c) => format!(
                        "{} argument after ** must be a mapping, not {}",
                        callable_name(c.as_ref()),
                        v.type_().name()
                    ),
                    None => format!("'{}' object is not a mapping", v.type_().name()),
                }));
            }
        };
        let keys = ops::call(keys.as_ref(), &[], None)?;
        let mut out = Vec::new();
        for k in iterate(keys.as_ref())? {
            let val = ops::getitem(v, k.as_ref())?;
            out.push((k, val));
        }
        out
    };
    for (k, val) in pairs {
        if let Some(c) = callable
            && target.contains(k.as_ref())?
        {
            return Err(PyErr::type_error(format!(
                "{} got multiple values for keyword argument '{}'",
                callable_name(c.as_ref()),
                text(k.as_ref())
            )));
        }
        target.set_item(k, val)?;
    }
    Ok(())
}

/// A value assigned to a slice of a list: any iterable, made a list first (the list type's own
/// slice assignment takes lists and tuples).
pub(crate) fn slice_value(
    container: ObjectRef<'_>,
    key: ObjectRef<'_>,
    v: Object,
) -> PyResult<Object> {
    if as_list(container).is_some()
        && crate::types::slice::as_slice(key).is_some()
        && tuple_items(v.as_ref()).is_none()
        && as_list(v.as_ref()).is_none()
    {
        let items = iterate(v.as_ref())
            .map_err(|_| PyErr::type_error("must assign iterable to extended slice"))?;
        return Ok(new_list(items));
    }
    Ok(v)
}

/// `dict.update(mapping)`.
pub(crate) fn dict_update_plain(d: ObjectRef<'_>, v: ObjectRef<'_>) -> PyResult<()> {
    dict_update(d, v, None)
}

/// `f()` as CPython names a callable in call errors (`qualname()`).
pub(crate) fn callable_name(c: ObjectRef<'_>) -> String {
    if let Some(f) = as_function(c) {
        // `module.qualname()`, as CPython's `_PyObject_FunctionStr`.
        let q = ops::str_string(f.qualname.borrow().as_ref()).unwrap_or_default();
        let m = f.module.borrow().clone();
        return match crate::types::str::str_to_string(m.as_ref()) {
            Some(m) if m != "builtins" => format!("{m}.{q}()"),
            _ => format!("{q}()"),
        };
    }
    if let Some(t) = as_type(c) {
        return format!("{}()", t.name());
    }
    match crate::attr::getattr(c, intern("__qualname__").as_ref()) {
        Ok(q) => format!("{}()", ops::str_string(q.as_ref()).unwrap_or_default()),
        Err(_) => format!("{} object", c.type_().name()),
    }
}

/// `UNPACK_SEQUENCE` (`after = None`) and `UNPACK_EX`: the items in order.
pub(crate) fn unpack(
    seq: ObjectRef<'_>,
    before: usize,
    after: Option<usize>,
) -> PyResult<Vec<Object>> {
    if seq.type_().slots.iter.get().is_none()
        && tuple_items(seq).is_none()
        && as_list(seq).is_none()
    {
        return Err(PyErr::type_error(format!(
            "cannot unpack non-iterable {} object",
            seq.type_().name()
        )));
    }
    let items = iterate(seq)?;
    match after {
        None => {
            if items.len() < before {
                return Err(PyErr::value_error(format!(
                    "not enough values to unpack (expected {before}, got {})",
                    items.len()
                )));
            }
            if items.len() > before {
                return Err(PyErr::value_error(
                    if tuple_items(seq).is_some() || as_list(seq).is_some() {
                        format!(
                            "too many values to unpack (expected {before}, got {})",
                            items.len()
                        )
                    } else {
                        format!("too many values to unpack (expected {before})")
                    },
                ));
            }
            Ok(items)
        }
        Some(after) => {
            if items.len() < before + after {
                return Err(PyErr::value_error(format!(
                    "not enough values to unpack (expected at least {}, got {})",
                    before + after,
                    items.len()
                )));
            }
            let mut items = items;
            let tail = items.split_off(items.len() - after);
            let mid = items.split_off(before);
            items.push(new_list(mid));
            items.extend(tail);
            Ok(items)
        }
    }
}

pub(crate) fn set_function_attribute(func: ObjectRef<'_>, which: u32, v: Object) {
    let f = as_function(func).expect("function");
    let old = match which {
        1 => f.defaults.replace(Some(v)),
        2 => f.kwdefaults.replace(Some(v)),
        4 => f.annotations.replace(Some(v)),
        8 => f.closure.replace(Some(v)),
        _ => f.annotate.replace(Some(v)),
    };
    drop(old);
}

/// `CALL_FUNCTION_EX`'s arguments as a vector call: positional values then keyword values, and
/// the keyword names.
pub(crate) fn ex_call_args(
    callable: ObjectRef<'_>,
    callargs: Object,
    kwargs: Option<Object>,
) -> PyResult<(Vec<Object>, Option<Object>)> {
    let mut args = match tuple_items(callargs.as_ref()) {
        Some(items) => items.to_vec(),
        None => match iterate(callargs.as_ref()) {
            Ok(v) => v,
            Err(_) => {
                return Err(PyErr::type_error(format!(
                    "{} argument after * must be an iterable, not {}",
                    callable_name(callable),
                    callargs.type_().name()
                )));
            }
        },
    };
    let Some(kw) = kwargs else { return Ok((args, None)) };
    let d = match as_dict(kw.as_ref()) {
        Some(d) => d,
        None => {
            let tmp = new_dict();
            let c = callable.to_owned();
            dict_update(tmp.as_ref(), kw.as_ref(), Some(&c))?;
            return ex_call_args(callable, new_tuple(args), Some(tmp));
        }
    };
    if d.is_empty() {
        return Ok((args, None));
    }
    let mut names = Vec::new();
    for (k, v) in d.items() {
        if Str::new(k.as_ref()).is_none() {
            return Err(PyErr::type_error("keywords must be strings"));
        }
        names.push(k);
        args.push(v);
    }
    Ok((args, Some(new_tuple(names))))
}

pub(crate) fn intrinsic_1(
    which: u32,
    v: Object,
    locals: Option<&Object>,
    code_flags: u32,
) -> PyResult<Object> {
    match which {
        1 => {
            // INTRINSIC_PRINT (interactive mode).
            crate::builtins::sys::call_displayhook(v)?;
            Ok(none())
        }
        2 => {
            let locals =
                locals.ok_or_else(|| PyErr::new(&exceptions::SYSTEM_ERROR, "no locals found"))?;
            import_star(v.as_ref(), locals)?;
            Ok(none())
        }
        3 => {
            // INTRINSIC_STOPITERATION_ERROR: a StopIteration escaping a generator becomes a
            // RuntimeError (PEP 479), and so does a StopAsyncIteration escaping an async
            // generator.
            let is_agen = code_flags & taipan_bytecode::code::CO_ASYNC_GENERATOR != 0;
            let msg = if v.type_().is_subtype(&exceptions::STOP_ITERATION.0) {
                if is_agen {
                    "async generator raised StopIteration"
                } else if code_flags & taipan_bytecode::code::CO_COROUTINE != 0 {
                    "coroutine raised StopIteration"
                } else {
                    "generator raised StopIteration"
                }
            } else if is_agen && v.type_().is_subtype(&exceptions::STOP_ASYNC_ITERATION.0) {
                "async generator raised StopAsyncIteration"
            } else {
                return Ok(v);
            };
            let e = PyErr::new(&exceptions::RUNTIME_ERROR, msg);
            let p = e.instance().payload::<ExcPayload>().expect("exception");
            let old = p.cause.replace(Some(v.clone()));
            drop(old);
            let old = p.context.replace(Some(v));
            drop(old);
            p.suppress_context.set(true);
            Ok(e.into_instance())
        }
        4 => Ok(crate::types::asyncgen::wrap_value(v)),
        5 => ops::unary_op(v.as_ref(), ops::UnaryOp::Pos),
        6 => Ok(new_tuple(iterate(v.as_ref())?)),
        7..=11 => crate::modules::typing::intrinsic_1(which, v).expect("PEP 695 intrinsic"),
        _ => Err(PyErr::new(
            &exceptions::NOT_IMPLEMENTED_ERROR,
            format!("intrinsic {which} is not supported by Taipan's VM yet"),
        )),
    }
}

/// `from m import *`: the names in `m.__all__`, else the public names of `m.__dict__`, each
/// read with `getattr` (CPython's `import_all_from`).
fn import_star(v: ObjectRef<'_>, locals: &Object) -> PyResult<()> {
    let (names, skip_private) = match crate::import::getattr_opt(v, "__all__")? {
        Some(all) => (all, false),
        None => {
            let Some(d) = crate::import::getattr_opt(v, "__dict__")? else {
                return Err(PyErr::new(
                    &exceptions::IMPORT_ERROR,
                    "from-import-* object has no __dict__ and no __all__",
                ));
            };
            let keys = match as_dict(d.as_ref()) {
                Some(dd) => dd.keys(),
                None => iterate(d.as_ref())?,
            };
            (crate::types::list::new_list(keys), true)
        }
    };
    for (i, name) in iterate(names.as_ref())?.into_iter().enumerate() {
        if Str::new(name.as_ref()).is_none() {
            let mname = crate::import::getattr_opt(v, "__name__")?
                .map(|n| text(n.as_ref()))
                .unwrap_or_default();
            let where_ = if skip_private { "__dict__" } else { "__all__" };
            return Err(PyErr::type_error(format!(
                "{} in {mname}.{where_} must be str, not {}",
                if skip_private { "Key" } else { "Item" },
                name.type_().name()
            )));
        }
        let _ = i;
        if skip_private && text(name.as_ref()).starts_with('_') {
            continue;
        }
        let val = crate::attr::getattr(v, name.as_ref())?;
        mapping_set(locals.as_ref(), name.as_ref(), Some(val.as_ref()))?;
    }
    Ok(())
}

pub(crate) fn intrinsic_2(which: u32, a: Object, b: Object) -> PyResult<Object> {
    if which == 1 {
        // INTRINSIC_PREP_RERAISE_STAR
        return crate::types::exception_group::prep_reraise_star(a.as_ref(), b.as_ref());
    }
    if let Some(r) = crate::modules::typing::intrinsic_2(which, a, b) {
        return r;
    }
    Err(PyErr::new(
        &exceptions::NOT_IMPLEMENTED_ERROR,
        format!("intrinsic2 {which} is not supported by Taipan's VM yet"),
    ))
}

pub(crate) fn format_error(e: taipan_common::format_spec::FormatError, ty: &PyType) -> PyErr {
    use taipan_common::format_spec::ErrorKind;
    let msg = e.message(ty.name());
    match e.kind() {
        ErrorKind::ValueError => PyErr::value_error(msg),
        ErrorKind::OverflowError => PyErr::overflow_error(msg),
        ErrorKind::MemoryError => PyErr::memory_error(),
    }
}

/// `format(v, spec)`.
pub fn format_value(v: ObjectRef<'_>, spec: Option<ObjectRef<'_>>) -> PyResult<Object> {
    if let Some(r) = crate::types::str_build::format_fast(v, spec) {
        return Ok(r);
    }
    let spec_text = spec.map(text).unwrap_or_default();
    let ty = v.type_();
    if spec_text.is_empty() && std::ptr::eq(ty, &STR_TYPE.0) {
        return Ok(v.to_owned());
    }
    // A Python class's own __format__ wins.
    if ty.has_flag(TypeFlags::HEAPTYPE)
        && let Some(f) = type_lookup(ty, intern("__format__").as_ref())?
        && as_function(f.as_ref()).is_some()
    {
        let r = crate::eval::call_python(f.as_ref(), Some(v), &[new_str(&spec_text)], None)?;
        if Str::new(r.as_ref()).is_none() {
            return Err(PyErr::type_error(format!(
                "__format__ must return a str, not {}",
                r.type_().name()
            )));
        }
        return Ok(r);
    }
    format_native(v, &spec_text)
}

/// The built-in types' `__format__` (`int.__format__(x, spec)`): formats `v` by its built-in
/// value, never calling a Python `__format__`.
pub fn format_builtin_value(v: ObjectRef<'_>, spec: ObjectRef<'_>) -> PyResult<Object> {
    format_native(v, &text(spec))
}

fn format_native(v: ObjectRef<'_>, spec_text: &str) -> PyResult<Object> {
    let spec_text = spec_text.to_string();
    let ty = v.type_();
    if let Some(s) = Str::new(v) {
        return taipan_common::format_spec::format_str(&s.to_string_lossy(), &spec_text)
            .map(|r| new_str(&r))
            .map_err(|e| format_error(e, ty));
    }
    if spec_text.is_empty() {
        return ops::str_(v);
    }
    if let Some(i) = int_value(v) {
        return taipan_common::format_number::format_int(
            &i.to_ibig(),
            &spec_text,
            crate::types::int::max_str_digits(),
        )
        .map(|r| new_str(&r))
        .map_err(|e| format_error(e, ty));
    }
    if let Some(f) = float_value(v) {
        return taipan_common::format_number::format_float(f, &spec_text)
            .map(|r| new_str(&r))
            .map_err(|e| format_error(e, ty));
    }
    if crate::types::complex::complex_value(v).is_some() {
        return crate::types::complex::format_complex_object(v, &spec_text);
    }
    Err(PyErr::type_error(format!("unsupported format string passed to {}.__format__", ty.name())))
}

/// `CONVERT_VALUE`: `!s`, `!r`, `!a`.
pub(crate) fn convert_value(v: ObjectRef<'_>, which: u32) -> PyResult<Object> {
    match which {
        1 => ops::str_(v),
        2 => ops::repr(v),
        _ => ops::ascii(v),
    }
}

/// `BUILD_STRING`: the concatenation of the pieces.
pub(crate) fn concat_strings(items: &[Object]) -> PyResult<Object> {
    crate::types::str_build::build_string(items)
}

/// Turns the operand of `raise` into the exception to raise: a class is instantiated, an
/// instance is used as is; `cause` becomes `__cause__`.
pub(crate) fn make_raise(exc: Object, cause: Option<Object>) -> PyResult<PyErr> {
    let inst = instantiate_exception(exc, "exceptions must derive from BaseException")?;
    if let Some(c) = cause {
        let p = inst.payload::<ExcPayload>().expect("exception");
        let c = if is_none(c.as_ref()) {
            None
        } else {
            Some(instantiate_exception(c, "exception causes must derive from BaseException")?)
        };
        let old = p.cause.replace(c);
        drop(old);
        p.suppress_context.set(true);
    }
    Ok(PyErr::from_instance(inst))
}

fn instantiate_exception(exc: Object, msg: &str) -> PyResult<Object> {
    if exc.payload::<ExcPayload>().is_some() {
        return Ok(exc);
    }
    if let Some(t) = as_type(exc.as_ref())
        && t.is_subtype(&exceptions::BASE_EXCEPTION.0)
    {
        let inst = ops::call(exc.as_ref(), &[], None)?;
        if inst.payload::<ExcPayload>().is_none() {
            return Err(PyErr::type_error(format!(
                "calling {} should have returned an instance of BaseException, not {}",
                ops::repr_string(exc.as_ref())?,
                inst.type_().name()
            )));
        }
        return Ok(inst);
    }
    Err(PyErr::type_error(msg))
}

/// `CHECK_EXC_MATCH`: `isinstance(exc, right)` for a class or tuple of classes deriving from
/// BaseException.
pub(crate) fn exception_matches(exc: ObjectRef<'_>, right: ObjectRef<'_>) -> PyResult<bool> {
    fn valid(c: ObjectRef<'_>) -> PyResult<&PyType> {
        match as_type(c) {
            Some(t) if t.is_subtype(&exceptions::BASE_EXCEPTION.0) => Ok(t),
            _ => Err(PyErr::type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            )),
        }
    }
    let ty = exc.type_();
    match tuple_items(right) {
        // Every class of the tuple is checked before any is matched, as CPython does.
        Some(items) => {
            for c in items {
                valid(c.as_ref())?;
            }
            Ok(items.iter().any(|c| as_type(c.as_ref()).is_some_and(|t| ty.is_subtype(t))))
        }
        None => Ok(ty.is_subtype(valid(right)?)),
    }
}

/// The eval breaker, checked on backward jumps and function entry: runs the cycle collector when
/// allocations asked for it, hands the GIL to a thread that asked for it (one relaxed load), and
/// runs the Python handlers of pending signals.
#[inline]
pub(crate) fn eval_breaker() -> PyResult<()> {
    if crate::gc::pending() {
        crate::gc::collect_if_pending();
    }
    if crate::gil::DROP_REQUEST.load(std::sync::atomic::Ordering::Relaxed) {
        crate::gil::yield_gil();
    }
    crate::modules::signal::check_signals()
}
