//! Methods of the built-in types (`list.append`, `dict.get`, `str.join`, ...), registered as
//! method descriptors in the types' per-interpreter dicts.

use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::eval::helpers::iterate;
use crate::object::{Object, ObjectRef};
use crate::ops;
use crate::types::bool::py_bool;
use crate::types::dict::{DICT_TYPE, as_dict, new_dict};
use crate::types::exceptions::{BASE_EXCEPTION, ExcPayload};
use crate::types::function::{NativeFn, new_method_descriptor};
use crate::types::int::new_int_i64;
use crate::types::list::{LIST_TYPE, as_list, new_list};
use crate::types::object::OBJECT_TYPE;
use crate::types::set::{FROZENSET_TYPE, SET_TYPE, as_set, new_set};
use crate::types::singletons::{is_none, none};
use crate::types::str::{STR_TYPE, Str, intern, new_str};
use crate::types::tuple::{TUPLE_TYPE, new_tuple, tuple_items};
use crate::types::typelookup::register_static_attr;
use crate::types::typeobject::{CompareOp, PyType};

fn reg(ty: &'static PyType, name: &'static str, f: NativeFn) {
    let _ = register_static_attr(ty, name, new_method_descriptor(ty, name, f));
}

pub(crate) fn register_all() {
    let list: &[(&'static str, NativeFn)] = &[
        ("append", list_append),
        ("extend", list_extend),
        ("pop", list_pop),
        ("insert", list_insert),
        ("remove", list_remove),
        ("index", seq_index),
        ("count", seq_count),
        ("sort", list_sort),
        ("reverse", list_reverse),
        ("copy", list_copy),
        ("clear", list_clear),
    ];
    for (n, f) in list {
        reg(&LIST_TYPE.0, n, *f);
    }
    reg(&crate::types::range::RANGE_TYPE.0, "index", range_index);
    reg(&crate::types::range::RANGE_TYPE.0, "count", range_count);
    reg(&TUPLE_TYPE.0, "index", seq_index);
    reg(&TUPLE_TYPE.0, "count", seq_count);
    let dict: &[(&'static str, NativeFn)] = &[
        ("get", dict_get),
        ("keys", dict_keys),
        ("values", dict_values),
        ("items", dict_items),
        ("pop", dict_pop),
        ("popitem", dict_popitem),
        ("setdefault", dict_setdefault),
        ("update", dict_update),
        ("copy", dict_copy),
        ("clear", dict_clear),
    ];
    for (n, f) in dict {
        reg(&DICT_TYPE.0, n, *f);
    }
    let set: &[(&'static str, NativeFn)] = &[
        ("add", set_add),
        ("remove", set_remove),
        ("discard", set_discard),
        ("pop", set_pop),
        ("clear", set_clear),
        ("update", set_update),
        ("copy", set_copy),
    ];
    for (n, f) in set {
        reg(&SET_TYPE.0, n, *f);
    }
    for (n, f) in [
        ("union", set_union as NativeFn),
        ("intersection", set_intersection),
        ("difference", set_difference),
        ("issubset", set_issubset),
    ] {
        reg(&SET_TYPE.0, n, f);
        reg(&FROZENSET_TYPE.0, n, f);
    }
    let str_methods: &[(&'static str, NativeFn)] = &[("join", str_join)];
    for (n, f) in str_methods {
        reg(&STR_TYPE.0, n, *f);
    }
    crate::types::generator::register_methods();
    crate::types::template::register();
    crate::types::exception_group::register();
    crate::types::dictview::register_methods();
    crate::types::code::register_methods();
    crate::types::traceback_obj::register_methods();
    crate::types::iter::register_methods();
    crate::builtins::strcase::register();
    crate::builtins::strsearch::register();
    crate::builtins::strsearch::register_translate();
    crate::builtins::strformat::register();
    crate::builtins::nummethods::register();
    crate::types::complex::register();
    crate::builtins::bytesmethods::register();
    crate::types::bytearray::register();
    crate::types::memoryview::register();
    crate::builtins::codecs::register();
    reg(&OBJECT_TYPE.0, "__init__", object_init);
    let object_methods: &[(&'static str, NativeFn)] = &[
        ("__repr__", object_repr),
        ("__str__", object_str),
        ("__eq__", object_eq),
        ("__ne__", object_ne),
        ("__hash__", object_hash),
        ("__setattr__", object_setattr),
        ("__getattribute__", object_getattribute),
        ("__delattr__", object_delattr),
        ("__new__", object_new_method),
        ("__format__", object_format),
        ("__init_subclass__", object_init_subclass),
    ];
    for (n, f) in object_methods {
        reg(&OBJECT_TYPE.0, n, *f);
    }
    crate::types::classnew::register();
    reg(&BASE_EXCEPTION.0, "__init__", exception_init);
    reg(&BASE_EXCEPTION.0, "with_traceback", exception_with_traceback);
    reg(&BASE_EXCEPTION.0, "add_note", exception_add_note);
}

fn this<'a>(s: Option<ObjectRef<'a>>) -> ObjectRef<'a> {
    s.expect("method called with self")
}

fn list_append(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("list.append")?;
    a.count("list.append", 1, 1)?;
    as_list(this(s)).expect("list").append(args[0].clone());
    Ok(none())
}

fn list_extend(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("list.extend")?;
    a.count("list.extend", 1, 1)?;
    let items = iterate(args[0].as_ref())?;
    as_list(this(s)).expect("list").extend(items);
    Ok(none())
}

fn norm_index(i: isize, len: usize) -> isize {
    if i < 0 { i + len as isize } else { i }
}

fn list_pop(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("pop")?;
    a.count("pop", 0, 1)?;
    let l = as_list(this(s)).expect("list");
    if l.is_empty() {
        return Err(PyErr::index_error("pop from empty list"));
    }
    let i = match args.first() {
        None => l.len() as isize - 1,
        Some(i) => norm_index(index_arg(i)?, l.len()),
    };
    if i < 0 || i as usize >= l.len() {
        return Err(PyErr::index_error("pop index out of range"));
    }
    Ok(l.remove(i as usize).expect("item"))
}

fn index_arg(o: &Object) -> PyResult<isize> {
    ops::index_value(o.as_ref())?.ok_or_else(|| {
        PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            o.type_().name()
        ))
    })
}

fn list_insert(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("insert")?;
    a.count("insert", 2, 2)?;
    let l = as_list(this(s)).expect("list");
    let i = norm_index(index_arg(&args[0])?, l.len()).clamp(0, l.len() as isize);
    l.insert(i as usize, args[1].clone());
    Ok(none())
}

fn find_in(seq: ObjectRef<'_>, v: ObjectRef<'_>) -> PyResult<Option<usize>> {
    let items = iterate(seq)?;
    for (i, x) in items.iter().enumerate() {
        if x.as_ref().is(v) || ops::rich_compare_bool(x.as_ref(), v, CompareOp::Eq)? {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

fn list_remove(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.count("list.remove", 1, 1)?;
    let me = this(s);
    match find_in(me, args[0].as_ref())? {
        Some(i) => {
            let old = as_list(me).expect("list").remove(i);
            drop(old);
            Ok(none())
        }
        None => Err(PyErr::value_error("list.remove(x): x not in list")),
    }
}

fn seq_index(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.count("index", 1, 3)?;
    let me = this(s);
    let items = iterate(me)?;
    let len = items.len();
    let start =
        args.get(1).map(index_arg).transpose()?.map_or(0, |i| norm_index(i, len).max(0) as usize);
    let stop = args
        .get(2)
        .map(index_arg)
        .transpose()?
        .map_or(len, |i| norm_index(i, len).clamp(0, len as isize) as usize);
    for (i, x) in items.iter().enumerate().take(stop).skip(start) {
        if x.as_ref().is(args[0].as_ref())
            || ops::rich_compare_bool(x.as_ref(), args[0].as_ref(), CompareOp::Eq)?
        {
            return Ok(new_int_i64(i as i64));
        }
    }
    Err(PyErr::value_error(if as_list(me).is_some() {
        "list.index(x): x not in list"
    } else {
        "tuple.index(x): x not in tuple"
    }))
}

fn seq_count(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.count("count", 1, 1)?;
    let mut n = 0;
    for x in iterate(this(s))? {
        if x.as_ref().is(args[0].as_ref())
            || ops::rich_compare_bool(x.as_ref(), args[0].as_ref(), CompareOp::Eq)?
        {
            n += 1;
        }
    }
    Ok(new_int_i64(n))
}

fn list_sort(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let mut a = Args::new(args, kw);
    let key = a.take_kw("key").filter(|k| !is_none(k.as_ref())).cloned();
    let reverse = match a.take_kw("reverse") {
        Some(r) => ops::is_true(r.as_ref())?,
        None => false,
    };
    a.no_kw("sort")?;
    if !a.pos.is_empty() {
        return Err(PyErr::type_error("sort() takes no positional arguments"));
    }
    let l = as_list(this(s)).expect("list");
    let items = l.to_vec();
    l.clear();
    let sorted = crate::builtins::sort::sort_objects(items.clone(), key.as_ref(), reverse);
    match sorted {
        Ok(v) => {
            let was_modified = !l.is_empty();
            l.clear();
            l.extend(v);
            if was_modified {
                return Err(PyErr::value_error("list modified during sort"));
            }
            Ok(none())
        }
        Err(e) => {
            l.clear();
            l.extend(items);
            Err(e)
        }
    }
}

fn list_reverse(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    crate::builtins::args::Args::new(args, kw).check_method("list", "reverse", 0, 0)?;
    let l = as_list(this(s)).expect("list");
    let mut items = l.to_vec();
    items.reverse();
    l.clear();
    l.extend(items);
    Ok(none())
}

fn list_copy(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    crate::builtins::args::Args::new(args, kw).check_method("list", "copy", 0, 0)?;
    Ok(new_list(as_list(this(s)).expect("list").to_vec()))
}

fn list_clear(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    crate::builtins::args::Args::new(args, kw).check_method("list", "clear", 0, 0)?;
    as_list(this(s)).expect("list").clear();
    Ok(none())
}

fn dict_get(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("get")?;
    a.count("get", 1, 2)?;
    let d = as_dict(this(s)).expect("dict");
    Ok(d.get_item(args[0].as_ref())?.unwrap_or_else(|| args.get(1).cloned().unwrap_or_else(none)))
}

fn dict_keys(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    crate::builtins::args::Args::new(args, kw).check_method("dict", "keys", 0, 0)?;
    use crate::types::dictview::{DICT_KEYS_TYPE, new_view};
    Ok(new_view(&DICT_KEYS_TYPE, this(s).to_owned()))
}

fn dict_values(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    crate::builtins::args::Args::new(args, kw).check_method("dict", "values", 0, 0)?;
    use crate::types::dictview::{DICT_VALUES_TYPE, new_view};
    Ok(new_view(&DICT_VALUES_TYPE, this(s).to_owned()))
}

fn dict_items(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    crate::builtins::args::Args::new(args, kw).check_method("dict", "items", 0, 0)?;
    use crate::types::dictview::{DICT_ITEMS_TYPE, new_view};
    Ok(new_view(&DICT_ITEMS_TYPE, this(s).to_owned()))
}

fn dict_pop(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.count("pop", 1, 2)?;
    let d = as_dict(this(s)).expect("dict");
    // An empty dict answers without hashing the key, as CPython's does.
    if d.is_empty() {
        return args.get(1).cloned().ok_or_else(|| PyErr::key_error(args[0].clone()));
    }
    match d.del_item(args[0].as_ref())? {
        Some(v) => Ok(v),
        None => args.get(1).cloned().ok_or_else(|| PyErr::key_error(args[0].clone())),
    }
}

fn dict_popitem(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    crate::builtins::args::Args::new(args, kw).check_method("dict", "popitem", 0, 0)?;
    match as_dict(this(s)).expect("dict").pop_item() {
        Some((k, v)) => Ok(new_tuple(vec![k, v])),
        None => Err(PyErr::key_error(new_str("popitem(): dictionary is empty"))),
    }
}

fn dict_setdefault(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.count("setdefault", 1, 2)?;
    let d = as_dict(this(s)).expect("dict");
    // The key is hashed once (CPython's `dict.setdefault` calls `__hash__` once).
    let hash = crate::types::dict::dict_key_hash(args[0].as_ref())?;
    if let Some(v) = d.get_item_with_hash(args[0].as_ref(), hash)? {
        return Ok(v);
    }
    let v = args.get(1).cloned().unwrap_or_else(none);
    d.set_item_with_hash(args[0].clone(), hash, v.clone())?;
    Ok(v)
}

fn dict_update(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    let me = this(s);
    if a.pos.len() > 1 {
        return Err(PyErr::type_error(format!(
            "update expected at most 1 argument, got {}",
            a.pos.len()
        )));
    }
    if let Some(src) = a.pos.first() {
        crate::builtins::constructors::dict_merge_from(me, src.as_ref())?;
    }
    for (k, v) in &a.kw {
        as_dict(me).expect("dict").set_str(k, (*v).clone())?;
    }
    Ok(none())
}

fn dict_copy(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    crate::builtins::args::Args::new(args, kw).check_method("dict", "copy", 0, 0)?;
    let d = new_dict();
    for (k, v) in as_dict(this(s)).expect("dict").items() {
        as_dict(d.as_ref()).expect("dict").set_item(k, v)?;
    }
    Ok(d)
}

fn dict_clear(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    crate::builtins::args::Args::new(args, kw).check_method("dict", "clear", 0, 0)?;
    as_dict(this(s)).expect("dict").clear();
    Ok(none())
}

fn set_add(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(args, kw).count("set.add", 1, 1)?;
    as_set(this(s)).expect("set").add(args[0].clone())?;
    Ok(none())
}

fn set_remove(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(args, kw).count("set.remove", 1, 1)?;
    as_set(this(s)).expect("set").remove(args[0].as_ref())?;
    Ok(none())
}

fn set_discard(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(args, kw).count("set.discard", 1, 1)?;
    as_set(this(s)).expect("set").discard_key(args[0].as_ref())?;
    Ok(none())
}

fn set_pop(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    crate::builtins::args::Args::new(args, kw).check_method("set", "pop", 0, 0)?;
    as_set(this(s)).expect("set").pop()
}

fn set_clear(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    crate::builtins::args::Args::new(args, kw).check_method("set", "clear", 0, 0)?;
    as_set(this(s)).expect("set").clear();
    Ok(none())
}

fn set_update(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    _: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let me = as_set(this(s)).expect("set");
    for a in args {
        me.update_from(a.as_ref())?;
    }
    Ok(none())
}

fn set_copy(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    crate::builtins::args::Args::new(args, kw).check_method("set", "copy", 0, 0)?;
    new_set(as_set(this(s)).expect("set").to_vec())
}

fn same_kind(me: ObjectRef<'_>, items: Vec<Object>) -> PyResult<Object> {
    if std::ptr::eq(me.type_(), &FROZENSET_TYPE.0) {
        crate::types::set::new_frozenset(items)
    } else {
        new_set(items)
    }
}

fn set_union(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    _: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let me = this(s);
    let mut items = as_set(me).expect("set").to_vec();
    for a in args {
        items.extend(iterate(a.as_ref())?);
    }
    same_kind(me, items)
}

fn set_intersection(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    _: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let me = this(s);
    let mut items = as_set(me).expect("set").to_vec();
    for a in args {
        let other = new_set(iterate(a.as_ref())?)?;
        let o = as_set(other.as_ref()).expect("set");
        let mut keep = Vec::new();
        for x in items {
            if o.contains(x.as_ref())? {
                keep.push(x);
            }
        }
        items = keep;
    }
    same_kind(me, items)
}

fn set_difference(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    _: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let me = this(s);
    let mut items = as_set(me).expect("set").to_vec();
    for a in args {
        let other = new_set(iterate(a.as_ref())?)?;
        let o = as_set(other.as_ref()).expect("set");
        let mut keep = Vec::new();
        for x in items {
            if !o.contains(x.as_ref())? {
                keep.push(x);
            }
        }
        items = keep;
    }
    same_kind(me, items)
}

fn set_issubset(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(args, kw).count("issubset", 1, 1)?;
    let other = new_set(iterate(args[0].as_ref())?)?;
    let o = as_set(other.as_ref()).expect("set");
    for x in as_set(this(s)).expect("set").to_vec() {
        if !o.contains(x.as_ref())? {
            return Ok(py_bool(false));
        }
    }
    Ok(py_bool(true))
}

fn str_join(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(args, kw).count("str.join", 1, 1)?;
    let sep = Str::new(this(s)).expect("str");
    let items = match tuple_items(args[0].as_ref()) {
        Some(t) => std::borrow::Cow::Borrowed(t),
        None => std::borrow::Cow::Owned(iterate(args[0].as_ref()).map_err(|e| {
            let o = args[0].as_ref();
            if e.matches(&crate::types::exceptions::TYPE_ERROR)
                && o.type_().slots.iter.get().is_none()
                && o.type_().slots.sq_item.get().is_none()
            {
                PyErr::type_error("can only join an iterable")
            } else {
                e
            }
        })?),
    };
    for (i, item) in items.iter().enumerate() {
        if Str::new(item.as_ref()).is_none() {
            return Err(PyErr::type_error(format!(
                "sequence item {i}: expected str instance, {} found",
                item.type_().name()
            )));
        }
    }
    if let [one] = &items[..]
        && crate::types::str_build::is_exact_str(one.as_ref())
    {
        return Ok(one.clone());
    }
    crate::types::str_build::join_objects(Some(sep), &items)
}

/// `object.__init__(self, *args)`: extra arguments are an error when the class overrides
/// `__init__` or does not override `__new__` (CPython's `object_init`; a static base such as
/// `float` overrides `__new__` too).
fn object_init(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    _: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    if !args.is_empty()
        && let Some(me) = s
    {
        let ty = me.type_();
        // Whether the first definition of `n` on the MRO is not `object`'s own.
        let heap_defines = |n: &str| -> PyResult<bool> {
            Ok(crate::types::typelookup::lookup_with_owner(ty, intern(n).as_ref())?.is_some_and(
                |(_, o)| {
                    crate::types::typeobject::as_type(o.as_ref())
                        .is_some_and(|t| !std::ptr::eq(t, &crate::types::object::OBJECT_TYPE.0))
                },
            ))
        };
        if heap_defines("__init__")? {
            return Err(PyErr::type_error(
                "object.__init__() takes exactly one argument (the instance to initialize)",
            ));
        }
        if !heap_defines("__new__")? {
            return Err(PyErr::type_error(format!(
                "{}.__init__() takes exactly one argument (the instance to initialize)",
                ty.name()
            )));
        }
    }
    Ok(none())
}

/// `BaseException.__init__(*args)`: sets `args`.
fn exception_init(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    let me = this(s);
    if let Some(p) = me.payload::<ExcPayload>() {
        a.no_kw_at_all(me.type_().name())?;
        p.set_args(new_tuple(a.pos.to_vec()));
    }
    Ok(none())
}

fn exception_with_traceback(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.check_method("BaseException", "with_traceback", 1, 1)?;
    let me = this(s);
    crate::types::traceback_obj::set_traceback(me, Some(a.pos[0].as_ref()))?;
    Ok(me.to_owned())
}

fn exception_add_note(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(args, kw).count("add_note", 1, 1)?;
    let me = this(s);
    if me.payload::<ExcPayload>().is_none() {
        return Err(PyErr::type_error("add_note on a non-exception"));
    }
    if Str::new(args[0].as_ref()).is_none() {
        return Err(PyErr::type_error(format!(
            "add_note() argument must be str, not {}",
            args[0].type_().name()
        )));
    }
    let d = crate::types::instance::instance_dict(me).expect("exception dict");
    let d = as_dict(d.as_ref()).expect("dict");
    let notes = match d.get_str("__notes__")? {
        Some(n) => n,
        None => {
            let n = new_list(Vec::new());
            d.set_str("__notes__", n.clone())?;
            n
        }
    };
    let Some(l) = as_list(notes.as_ref()) else {
        return Err(PyErr::type_error("Cannot add note: __notes__ is not a list"));
    };
    l.append(args[0].clone());
    Ok(none())
}

fn object_repr(
    s: Option<ObjectRef<'_>>,
    _: &[Object],
    _: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    crate::types::object::object_repr(this(s))
}

fn object_str(
    s: Option<ObjectRef<'_>>,
    _: &[Object],
    _: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    ops::repr(this(s))
}

fn object_eq(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(args, kw).count("__eq__", 1, 1)?;
    crate::types::object::object_richcompare(this(s), args[0].as_ref(), CompareOp::Eq)
}

fn object_ne(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(args, kw).count("__ne__", 1, 1)?;
    let me = this(s);
    // `self.__eq__(other)` through the type's own slot, without the reflected fallback.
    let eq = match me.type_().slots.richcompare.get() {
        Some(f) => f(me, args[0].as_ref(), CompareOp::Eq)?,
        None => crate::types::singletons::not_implemented(),
    };
    if crate::types::singletons::is_not_implemented(eq.as_ref()) {
        return Ok(eq);
    }
    Ok(py_bool(!ops::is_true(eq.as_ref())?))
}

fn object_hash(
    s: Option<ObjectRef<'_>>,
    _: &[Object],
    _: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Ok(new_int_i64(crate::types::object::object_hash(this(s))? as i64))
}

fn object_setattr(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(args, kw).count("__setattr__", 2, 2)?;
    crate::types::instance::generic_setattr(this(s), args[0].as_ref(), Some(args[1].as_ref()))?;
    Ok(none())
}

fn object_delattr(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(args, kw).count("__delattr__", 1, 1)?;
    crate::types::instance::generic_setattr(this(s), args[0].as_ref(), None)?;
    Ok(none())
}

fn object_getattribute(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(args, kw).count("__getattribute__", 1, 1)?;
    crate::types::instance::generic_getattribute(this(s), args[0].as_ref())
}

/// `object.__new__(cls)`: a bare instance of a Python class.
fn object_new_method(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    _: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    // Reached unbound through the type: the class is the first argument.
    let cls = match (s, args.first()) {
        (Some(c), _) if crate::types::typeobject::as_type(c).is_some() => c.to_owned(),
        (_, Some(c)) => c.clone(),
        _ => return Err(PyErr::type_error("object.__new__(): not enough arguments")),
    };
    let Some(t) = crate::types::typeobject::as_type(cls.as_ref()) else {
        return Err(PyErr::type_error(format!(
            "object.__new__(X): X is not a type object ({})",
            cls.type_().name()
        )));
    };
    if let Some(inst) = crate::types::typeattrs::object_new_instance(t)? {
        return Ok(inst);
    }
    if std::ptr::eq(t, &OBJECT_TYPE.0) {
        return crate::types::instance::new_plain_object();
    }
    Err(PyErr::type_error(format!("object.__new__({0}) is not safe, use {0}.__new__()", t.name())))
}

fn object_format(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(args, kw).count("__format__", 1, 1)?;
    let me = this(s);
    if Str::new(args[0].as_ref()).is_some_and(|s| !s.is_empty()) {
        return Err(PyErr::type_error(format!(
            "unsupported format string passed to {}.__format__",
            me.type_().name()
        )));
    }
    ops::str_(me)
}

fn object_init_subclass(
    _: Option<ObjectRef<'_>>,
    _: &[Object],
    _: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Ok(none())
}

fn range_index(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(args, kw).count("index", 1, 1)?;
    crate::types::range::range_index_count(this(s), args[0].as_ref(), false)
}

fn range_count(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(args, kw).count("count", 1, 1)?;
    crate::types::range::range_index_count(this(s), args[0].as_ref(), true)
}
