//! Making classes, CPython's `type_new`: the metaclass calculation, the layout base ("best base")
//! and instance lay-out conflicts, the C3 method resolution order (or a metaclass's `mro()`),
//! `__slots__`, the namespace's special names (`__qualname__`, `__classcell__`, `__new__` made a
//! static method, `__init_subclass__`/`__class_getitem__` made class methods), then
//! `__set_name__` and the parent's `__init_subclass__`.

use crate::error::{PyErr, PyResult};
use crate::object::{Object, ObjectRef};
use crate::types::descriptors::{CLASSMETHOD_TYPE, STATICMETHOD_TYPE, new_classmethod};
use crate::types::dict::{as_dict, new_dict};
use crate::types::exceptions::RUNTIME_ERROR;
use crate::types::heaptype::{InstanceLayout, new_heap_type_full};
use crate::types::object::OBJECT_TYPE;
use crate::types::str::{Str, intern, new_str};
use crate::types::tuple::{new_tuple, tuple_items};
use crate::types::typelookup::{lookup_with_owner, type_lookup};
use crate::types::typeobject::{PyType, TYPE_TYPE, TypeFlags, as_type};

/// Type flag: instances have a `__dict__` (a class without `__slots__`, or listing `__dict__`).
pub const HAS_DICT: TypeFlags = TypeFlags(1 << 41);
/// Type flag: the class itself declares nonempty `__slots__` (its instances have a wider layout
/// than its base's, so it is a "solid base" for the lay-out conflict check).
pub const OWN_SLOTS: TypeFlags = TypeFlags(1 << 42);

fn text(o: ObjectRef<'_>) -> String {
    Str::new(o).map(|s| s.to_string_lossy()).unwrap_or_default()
}

/// The MRO of a type as a list of type objects: a heap type's tuple, or a static type's base
/// chain.
pub fn mro_of(ty: &PyType) -> Vec<Object> {
    if let Some(m) = ty.mro_tuple() {
        return tuple_items(m.as_ref()).unwrap_or(&[]).to_vec();
    }
    let mut out = Vec::new();
    let mut t = Some(ty);
    while let Some(x) = t {
        // ExceptionGroup's second base (`types/exception_group.rs`).
        if std::ptr::eq(x, &crate::types::exceptions::BASE_EXCEPTION.0)
            && ty.is_subtype(&crate::types::exception_group::EXCEPTION_GROUP.0)
        {
            out.push(crate::types::exceptions::EXCEPTION.0.as_object().to_owned());
        }
        out.push(x.as_object().to_owned());
        t = x.base();
    }
    out
}

/// `__bases__`: a heap type's tuple, else `(base,)` or `()` for `object`.
pub fn bases_of(ty: &PyType) -> Object {
    let b = ty.bases.take();
    let out = b.clone();
    ty.bases.set(b);
    match out {
        Some(t) => t,
        None => new_tuple(ty.base().map(|b| b.as_object().to_owned()).into_iter().collect()),
    }
}

fn same(a: ObjectRef<'_>, b: ObjectRef<'_>) -> bool {
    a.is(b)
}

/// C3 linearisation of `cls` with `bases` (CPython's `mro_implementation`).
pub fn c3_mro(cls: ObjectRef<'_>, bases: &[Object]) -> PyResult<Vec<Object>> {
    if let [b] = bases {
        let bt = as_type(b.as_ref()).ok_or_else(|| PyErr::type_error("bases must be types"))?;
        let mut out = vec![cls.to_owned()];
        out.extend(mro_of(bt));
        return Ok(out);
    }
    for (i, b) in bases.iter().enumerate() {
        if bases[..i].iter().any(|o| same(o.as_ref(), b.as_ref())) {
            let name = as_type(b.as_ref()).map_or_else(|| text(b.as_ref()), |t| t.name().into());
            return Err(PyErr::type_error(format!("duplicate base class {name}")));
        }
    }
    let mut seqs: Vec<Vec<Object>> = Vec::with_capacity(bases.len() + 1);
    for b in bases {
        let bt = as_type(b.as_ref()).ok_or_else(|| PyErr::type_error("bases must be types"))?;
        seqs.push(mro_of(bt));
    }
    seqs.push(bases.to_vec());
    let mut heads = vec![0usize; seqs.len()];
    let mut out = vec![cls.to_owned()];
    loop {
        let mut pending = false;
        let mut chosen: Option<Object> = None;
        'cands: for (i, s) in seqs.iter().enumerate() {
            if heads[i] >= s.len() {
                continue;
            }
            pending = true;
            let cand = &s[heads[i]];
            for (j, t) in seqs.iter().enumerate() {
                if t[(heads[j] + 1).min(t.len())..].iter().any(|x| same(x.as_ref(), cand.as_ref()))
                {
                    continue 'cands;
                }
            }
            chosen = Some(cand.clone());
            break;
        }
        if !pending {
            return Ok(out);
        }
        let Some(c) = chosen else {
            // CPython lists the distinct heads left, in order.
            let mut names: Vec<Object> = Vec::new();
            for (i, s) in seqs.iter().enumerate() {
                if heads[i] < s.len()
                    && !names.iter().any(|n| same(n.as_ref(), s[heads[i]].as_ref()))
                {
                    names.push(s[heads[i]].clone());
                }
            }
            let names: Vec<String> = names
                .iter()
                .map(|n| as_type(n.as_ref()).map_or_else(|| "?".into(), |t| t.name().to_string()))
                .collect();
            return Err(PyErr::type_error(format!(
                "Cannot create a consistent method resolution order (MRO) for bases {}",
                names.join(", ")
            )));
        };
        for (i, s) in seqs.iter().enumerate() {
            if heads[i] < s.len() && same(s[heads[i]].as_ref(), c.as_ref()) {
                heads[i] += 1;
            }
        }
        out.push(c);
    }
}

/// Whether instances of `ty` are laid out differently from instances of its base.
fn shape_differs(ty: &PyType) -> bool {
    let Some(b) = ty.base() else { return false };
    if ty.has_flag(TypeFlags::HEAPTYPE) {
        return ty.has_flag(OWN_SLOTS);
    }
    ty.basicsize != b.basicsize
        || ty.itemsize != b.itemsize
        || ty.dealloc as usize != b.dealloc as usize
}

/// The most derived base that fixes the instance layout (CPython's `solid_base`).
fn solid_base(ty: &PyType) -> &PyType {
    let mut t = ty;
    loop {
        if shape_differs(t) {
            return t;
        }
        match t.base() {
            Some(b) => t = b,
            None => return t,
        }
    }
}

/// `solid_base` for the `__class__` assignment check.
pub fn solid_base_pub(ty: &PyType) -> &PyType {
    solid_base(ty)
}

/// The layout base among `bases` (CPython's `best_base`).
pub fn best_base(bases: &[Object]) -> PyResult<&PyType> {
    let mut base: Option<&PyType> = None;
    let mut winner: Option<&PyType> = None;
    for b in bases {
        let bt = as_type(b.as_ref()).ok_or_else(|| PyErr::type_error("bases must be types"))?;
        if !bt.has_flag(TypeFlags::BASETYPE) {
            return Err(PyErr::type_error(format!(
                "type '{}' is not an acceptable base type",
                bt.name()
            )));
        }
        let cand = solid_base(bt);
        match winner {
            None => {
                winner = Some(cand);
                base = Some(bt);
            }
            Some(w) if w.is_subtype(cand) => {}
            Some(w) if cand.is_subtype(w) => {
                winner = Some(cand);
                base = Some(bt);
            }
            Some(_) => {
                return Err(PyErr::type_error("multiple bases have instance lay-out conflict"));
            }
        }
    }
    Ok(base.unwrap_or(&OBJECT_TYPE.0))
}

/// The most derived metaclass of `meta` and the types of `bases` (CPython's
/// `_PyType_CalculateMetaclass`).
pub fn calculate_metaclass<'a>(meta: &'a PyType, bases: &'a [Object]) -> PyResult<&'a PyType> {
    let mut winner = meta;
    for b in bases {
        let t = b.type_();
        if winner.is_subtype(t) {
            continue;
        }
        if t.is_subtype(winner) {
            winner = t;
            continue;
        }
        return Err(PyErr::type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) \
             subclass of the metaclasses of all its bases",
        ));
    }
    Ok(winner)
}

/// Whether `ty`'s `__new__` is defined by a Python class (not `type.__new__`/`object.__new__`).
pub fn has_python_new(ty: &PyType) -> PyResult<Option<Object>> {
    static NEW_NAME: crate::gil::GilLazy<Object> = crate::gil::GilLazy::new(|| intern("__new__"));
    NEW_NAME.with(|n| crate::types::typelookup::lookup_python_attr(ty, n.as_ref()))
}

/// Reads `__slots__`: the names in order (not yet mangled), or `None` when absent.
fn slot_names(ns: &crate::types::dict::DictPayload) -> PyResult<Option<Vec<Object>>> {
    let Some(slots) = ns.get_str("__slots__")? else { return Ok(None) };
    let items = if Str::new(slots.as_ref()).is_some() {
        vec![slots]
    } else {
        crate::eval::helpers::iterate(slots.as_ref())?
    };
    for it in &items {
        let Some(s) = Str::new(it.as_ref()) else {
            return Err(PyErr::type_error(format!(
                "__slots__ items must be strings, not '{}'",
                it.type_().name()
            )));
        };
        let t = s.to_string_lossy();
        let mut chars = t.chars();
        let ok = chars.next().is_some_and(|c| c == '_' || c.is_alphabetic())
            && chars.all(|c| c == '_' || c.is_alphanumeric());
        if !ok {
            return Err(PyErr::type_error("__slots__ must be identifiers"));
        }
    }
    Ok(Some(items))
}

/// `_Py_Mangle` for a slot name in class `cls`.
fn mangle(cls: &str, name: &str) -> String {
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let stripped = cls.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_string();
    }
    format!("_{stripped}{name}")
}

/// Whether instances of `ty` have a `__dict__` (a module's is its namespace).
pub fn type_has_dict(ty: &PyType) -> bool {
    ty.has_flag(HAS_DICT)
        || ty.is_subtype(&crate::types::exceptions::BASE_EXCEPTION.0)
        || ty.is_subtype(&crate::types::module::MODULE_TYPE.0)
}

/// `type.__new__(meta, name, bases, ns, **kwds)`.
pub fn type_new(
    meta: &PyType,
    args: &[Object],
    kwnames: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let nkw = kwnames.and_then(tuple_items).map_or(0, <[Object]>::len);
    let pos = &args[..args.len() - nkw];
    if pos.len() != 3 {
        return Err(PyErr::type_error(format!(
            "type.__new__() takes exactly 3 arguments ({} given)",
            pos.len()
        )));
    }
    let Some(name) = Str::new(pos[0].as_ref()) else {
        return Err(PyErr::type_error(format!(
            "type.__new__() argument 1 must be str, not {}",
            pos[0].type_().name()
        )));
    };
    let name = name.to_string_lossy();
    let Some(bases) = tuple_items(pos[1].as_ref()) else {
        return Err(PyErr::type_error(format!(
            "type.__new__() argument 2 must be tuple, not {}",
            pos[1].type_().name()
        )));
    };
    let Some(ns) = as_dict(pos[2].as_ref()) else {
        return Err(PyErr::type_error(format!(
            "type.__new__() argument 3 must be dict, not {}",
            pos[2].type_().name()
        )));
    };
    for b in bases {
        if as_type(b.as_ref()).is_none()
            && crate::import::getattr_opt(b.as_ref(), "__mro_entries__")?.is_some()
        {
            return Err(PyErr::type_error(
                "type() doesn't support MRO entry resolution; use types.new_class()",
            ));
        }
    }
    let winner = calculate_metaclass(meta, bases)?;
    if !std::ptr::eq(winner, meta)
        && let Some(new) = has_python_new(winner)?
    {
        // The winning metaclass has its own `__new__`: let it make the class.
        let new = match new.payload::<crate::types::descriptors::WrapperPayload>() {
            Some(w) if std::ptr::eq(new.type_(), &STATICMETHOD_TYPE.0) => w.func().clone(),
            _ => new,
        };
        let mut all = Vec::with_capacity(args.len() + 1);
        all.push(winner.as_object().to_owned());
        all.extend_from_slice(args);
        return crate::ops::call(new.as_ref(), &all, kwnames);
    }
    let meta = winner;
    let bases_vec: Vec<Object> =
        if bases.is_empty() { vec![OBJECT_TYPE.0.as_object().to_owned()] } else { bases.to_vec() };
    let base = best_base(&bases_vec)?;

    // `__slots__`.
    let slots = slot_names(ns)?;
    let base_has_dict = type_has_dict(base);
    let mut add_dict = slots.is_none() && !base_has_dict;
    let mut own_slots: Vec<String> = Vec::new();
    let mut seen_weakref = false;
    if let Some(items) = &slots {
        for it in items {
            let t = text(it.as_ref());
            match t.as_str() {
                "__dict__" => {
                    if base_has_dict || add_dict {
                        return Err(PyErr::type_error(
                            "__dict__ slot disallowed: we already got one",
                        ));
                    }
                    add_dict = true;
                }
                "__weakref__" => {
                    if seen_weakref {
                        return Err(PyErr::type_error(
                            "__weakref__ slot disallowed: we already got one",
                        ));
                    }
                    seen_weakref = true;
                }
                _ => {
                    let m = mangle(&name, &t);
                    if ns.get_str(&m)?.is_some() {
                        return Err(PyErr::value_error(format!(
                            "'{m}' in __slots__ conflicts with class variable"
                        )));
                    }
                    own_slots.push(m);
                }
            }
        }
        own_slots.sort();
        own_slots.dedup();
        if !own_slots.is_empty() {
            let varsize = [
                &crate::types::int::INT_TYPE.0,
                &crate::types::tuple::TUPLE_TYPE.0,
                &crate::types::bytes::BYTES_TYPE.0,
            ];
            if let Some(v) = varsize.iter().find(|v| base.is_subtype(v)) {
                return Err(PyErr::type_error(format!(
                    "nonempty __slots__ not supported for subtype of '{}'",
                    v.name()
                )));
            }
        }
    }

    // Secondary bases may provide the instance dict and weak references (CPython's
    // `type_new_slots_impl`): `class C(SlotsOnly, Plain): __slots__ = ('x',)` has a `__dict__`.
    let secondary =
        || bases_vec.iter().filter_map(|b| as_type(b.as_ref())).filter(|t| !std::ptr::eq(*t, base));
    if slots.is_some() && !add_dict && !base_has_dict && secondary().any(type_has_dict) {
        add_dict = true;
    }
    let weak_from_secondary = secondary().any(crate::types::weakref::weakrefable);

    // The special names of the namespace.
    let qualname = match ns.get_str("__qualname__")? {
        Some(q) if Str::new(q.as_ref()).is_some() => Some(q),
        Some(q) => {
            return Err(PyErr::type_error(format!(
                "type __qualname__ must be a str, not {}",
                q.type_().name()
            )));
        }
        None => None,
    };
    let classcell = match ns.get_str("__classcell__")? {
        Some(c) if crate::types::cell::as_cell(c.as_ref()).is_some() => Some(c),
        Some(c) => {
            return Err(PyErr::type_error(format!(
                "__classcell__ must be a nonlocal cell, not {}",
                crate::ops::repr_string(c.type_().as_object())?
            )));
        }
        None => None,
    };

    // The instance layout.
    let layout = crate::types::instance::layout_for(base, add_dict, !own_slots.is_empty());
    let mut flags = layout.as_ref().map_or(TypeFlags(0), |l| l.flags);
    if add_dict || base.has_flag(HAS_DICT) {
        flags = flags.union(HAS_DICT);
    }
    if !own_slots.is_empty() {
        flags = flags.union(OWN_SLOTS);
    }
    // Instances accept weak references unless `__slots__` leaves `__weakref__` out and no base
    // provides it (CPython's `tp_weaklistoffset`).
    if slots.is_some()
        && !seen_weakref
        && !weak_from_secondary
        && !crate::types::weakref::weakrefable(base)
    {
        flags = flags.union(crate::types::weakref::NO_WEAKREF);
    }
    let layout = Some(match layout {
        Some(mut l) => {
            l.flags = flags;
            l
        }
        None => InstanceLayout {
            basicsize: base.basicsize,
            dealloc: base.dealloc,
            traverse: base.traverse,
            flags,
        },
    });
    let bases_tuple = new_tuple(bases_vec.clone());
    let ty_obj = new_heap_type_full(meta, &name, base, bases_tuple, layout)?;
    let ty = as_type(ty_obj.as_ref()).expect("type");
    ty.qualname.set(Some(qualname.unwrap_or_else(|| new_str(&name))));
    let first_slot = base.nslots.get();
    ty.nslots.set(first_slot + own_slots.len());

    // The dict: the namespace's items, adjusted.
    {
        let d = crate::types::typelookup::type_dict(ty);
        let td = as_dict(d.as_ref()).expect("dict");
        for (k, v) in ns.items() {
            let key = text(k.as_ref());
            let v = match key.as_str() {
                "__qualname__" | "__classcell__" => continue,
                "__new__" if crate::types::pyfunction::as_function(v.as_ref()).is_some() => {
                    crate::object::alloc::new_object(
                        &STATICMETHOD_TYPE.0,
                        crate::types::descriptors::WrapperPayload::new(v),
                    )
                }
                "__init_subclass__" | "__class_getitem__"
                    if crate::types::pyfunction::as_function(v.as_ref()).is_some() =>
                {
                    new_classmethod(v)
                }
                _ => v,
            };
            td.set_item(k, v)?;
        }
        if ns.get_str("__eq__")?.is_some() && ns.get_str("__hash__")?.is_none() {
            td.set_str("__hash__", crate::types::singletons::none())?;
        }
        if td.get_str("__module__")?.is_none() {
            // As CPython: `__name__` from the globals of the calling Python frame, if any.
            let caller = crate::frame::frames_of_thread(1).into_iter().next();
            if let Some(f) = caller
                && let Some(g) = crate::types::dict::as_dict(f.globals.as_ref())
                && let Some(name) = g.get_str("__name__")?
            {
                td.set_str("__module__", name)?;
            }
        }
        for (i, s) in own_slots.iter().enumerate() {
            let m = crate::types::member::new_member(ty_obj.clone(), new_str(s), first_slot + i);
            td.set_str(s, m)?;
        }
        // The `__dict__` and `__weakref__` getsets of a class that adds them to its instances.
        use crate::types::getset::{GetSetImpl, new_getset};
        use crate::types::instance::{dict_descr_get, dict_descr_set, weakref_descr_get};
        let is_meta = base.is_subtype(&TYPE_TYPE.0);
        if add_dict && !is_meta {
            let imp = GetSetImpl::Native(dict_descr_get, Some(dict_descr_set));
            td.set_str("__dict__", new_getset(ty, "__dict__", imp))?;
        }
        let varsize = [
            &crate::types::int::INT_TYPE.0,
            &crate::types::tuple::TUPLE_TYPE.0,
            &crate::types::bytes::BYTES_TYPE.0,
        ]
        .iter()
        .any(|v| base.is_subtype(v));
        let base_weakref = crate::types::weakref::weakrefable(base)
            && (base.has_flag(TypeFlags::HEAPTYPE) || base.is_gc());
        if seen_weakref || (slots.is_none() && !varsize && !is_meta && !base_weakref) {
            let imp = GetSetImpl::Native(weakref_descr_get, None);
            td.set_str("__weakref__", new_getset(ty, "__weakref__", imp))?;
        }
        if td.get_str("__doc__")?.is_none() {
            td.set_str("__doc__", crate::types::singletons::none())?;
        }
        if let Some(c) = ns.get_str("__classdictcell__")? {
            let _ = td.del_item(intern("__classdictcell__").as_ref());
            if let Some(cell) = crate::types::cell::as_cell(c.as_ref()) {
                drop(cell.set(Some(d.clone())));
            }
        }
    }

    let mro = mro_for(ty)?;
    ty.mro.set(Some(new_tuple(mro)));
    ty.modified();
    crate::types::instance::fixup_slots(ty);

    if let Some(c) = classcell {
        let cell = crate::types::cell::as_cell(c.as_ref()).expect("cell");
        drop(cell.set(Some(ty_obj.clone())));
    }
    init_subclass(ty_obj.as_ref(), args, nkw, kwnames)?;
    Ok(ty_obj)
}

/// The MRO of a heap type from its current `__bases__`: its metaclass's `mro()` when a Python
/// class overrides it (each item checked to be a class), else the C3 linearisation.
pub(crate) fn mro_for(ty: &PyType) -> PyResult<Vec<Object>> {
    let meta = ty.as_object().type_();
    let ty_obj = ty.as_object();
    if !std::ptr::eq(meta, &TYPE_TYPE.0)
        && let Some((_, owner)) = lookup_with_owner(meta, intern("mro").as_ref())?
        && as_type(owner.as_ref()).is_some_and(|o| o.has_flag(TypeFlags::HEAPTYPE))
    {
        let r = crate::types::instance::call_method(ty_obj, "mro", &[])?;
        let items = crate::eval::helpers::iterate(r.as_ref())?;
        for it in &items {
            if as_type(it.as_ref()).is_none() {
                return Err(PyErr::type_error(format!(
                    "mro() returned a non-class ('{}')",
                    it.type_().name()
                )));
            }
        }
        return Ok(items);
    }
    let bases = bases_of(ty);
    c3_mro(ty_obj, tuple_items(bases.as_ref()).unwrap_or(&[]))
}

/// `__set_name__` on the new class's attributes, then `super(cls, cls).__init_subclass__(**kw)`.
fn init_subclass(
    cls: ObjectRef<'_>,
    args: &[Object],
    nkw: usize,
    kwnames: Option<ObjectRef<'_>>,
) -> PyResult<()> {
    let ty = as_type(cls).expect("type");
    let d = crate::types::typelookup::type_dict(ty);
    for (k, v) in as_dict(d.as_ref()).expect("dict").items() {
        if let Some(f) = type_lookup(v.type_(), intern("__set_name__").as_ref())? {
            crate::types::instance::call_attr_pub(f, v.as_ref(), &[cls.to_owned(), k])?;
        }
    }
    let mro = mro_of(ty);
    let key = intern("__init_subclass__");
    for t in mro.iter().skip(1) {
        let Some(tt) = as_type(t.as_ref()) else { continue };
        let d = crate::types::typelookup::type_dict(tt);
        let Some(f) = as_dict(d.as_ref()).expect("dict").get_item(key.as_ref())? else {
            continue;
        };
        let bound = match f.type_().slots.descr_get.get() {
            Some(get) => get(f.as_ref(), None, Some(cls))?,
            None => f,
        };
        crate::ops::call(bound.as_ref(), &args[args.len() - nkw..], kwnames)?;
        return Ok(());
    }
    Ok(())
}

/// `object.__init_subclass__(cls)`: takes no arguments.
pub fn object_init_subclass(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let cls = args.first().and_then(|c| as_type(c.as_ref())).map_or("object", |t| t.name());
    if kw.and_then(tuple_items).is_some_and(|k| !k.is_empty()) {
        return Err(PyErr::type_error(format!(
            "{cls}.__init_subclass__() takes no keyword arguments"
        )));
    }
    if args.len() > 1 {
        return Err(PyErr::type_error(format!(
            "{cls}.__init_subclass__() takes no arguments ({} given)",
            args.len() - 1
        )));
    }
    Ok(crate::types::singletons::none())
}

fn type_new_builtin(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let Some(m) = args.first() else {
        return Err(PyErr::type_error("type.__new__(): not enough arguments"));
    };
    let Some(mt) = as_type(m.as_ref()) else {
        return Err(PyErr::type_error(format!(
            "type.__new__(X): X is not a type object ({})",
            m.type_().name()
        )));
    };
    if !mt.is_subtype(&TYPE_TYPE.0) {
        return Err(PyErr::type_error(format!(
            "type.__new__({0}): {0} is not a subtype of type",
            mt.name()
        )));
    }
    type_new(mt, &args[1..], kw)
}

fn type_init(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let nkw = kw.and_then(tuple_items).map_or(0, <[Object]>::len);
    let npos = args.len() - nkw;
    if npos == 1 && nkw > 0 {
        return Err(PyErr::type_error("type.__init__() takes no keyword arguments"));
    }
    if npos != 1 && npos != 3 {
        return Err(PyErr::type_error("type.__init__() takes 1 or 3 arguments"));
    }
    Ok(crate::types::singletons::none())
}

fn type_call_method(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let me = s.expect("self");
    crate::eval::typecall::type_call(me, args, kw)
}

fn type_prepare(
    _: Option<ObjectRef<'_>>,
    _: &[Object],
    _: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Ok(new_dict())
}

fn type_mro(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    crate::builtins::args::Args::new(args, kw).count("mro", 0, 0)?;
    let me = s.expect("self");
    let ty = as_type(me).expect("type");
    let bases = bases_of(ty);
    let items = tuple_items(bases.as_ref()).unwrap_or(&[]).to_vec();
    let v = if items.is_empty() { vec![me.to_owned()] } else { c3_mro(me, &items)? };
    Ok(crate::types::list::new_list(v))
}

/// Registers `type.__new__`, `__init__`, `__call__`, `__prepare__`, `mro`, the instance and
/// subclass checks, and `object.__init_subclass__` (a class method).
pub(crate) fn register() {
    use crate::types::function::{new_builtin_function, new_method_descriptor};
    use crate::types::typelookup::register_static_attr;
    let t = &TYPE_TYPE.0;
    let new = crate::object::alloc::new_object(
        &STATICMETHOD_TYPE.0,
        crate::types::descriptors::WrapperPayload::new(new_builtin_function(
            "__new__",
            type_new_builtin,
        )),
    );
    let _ = register_static_attr(t, "__new__", new);
    let _ = register_static_attr(t, "__init__", new_method_descriptor(t, "__init__", type_init));
    let _ =
        register_static_attr(t, "__call__", new_method_descriptor(t, "__call__", type_call_method));
    let _ = register_static_attr(t, "mro", new_method_descriptor(t, "mro", type_mro));
    let _ = register_static_attr(
        t,
        "__instancecheck__",
        new_method_descriptor(
            t,
            "__instancecheck__",
            crate::builtins::isinstance::type_instancecheck,
        ),
    );
    let _ = register_static_attr(
        t,
        "__subclasscheck__",
        new_method_descriptor(
            t,
            "__subclasscheck__",
            crate::builtins::isinstance::type_subclasscheck,
        ),
    );
    let prep = crate::object::alloc::new_object(
        &CLASSMETHOD_TYPE.0,
        crate::types::descriptors::WrapperPayload::new(new_builtin_function(
            "__prepare__",
            type_prepare,
        )),
    );
    let _ = register_static_attr(t, "__prepare__", prep);
    crate::types::member::register();
    let isc = new_classmethod(new_builtin_function("__init_subclass__", object_init_subclass));
    let _ = register_static_attr(&OBJECT_TYPE.0, "__init_subclass__", isc);
}

/// `__build_class__`'s steps around the metaclass call: `__mro_entries__`, the metaclass,
/// `__prepare__`, the body, `__orig_bases__`, the call, and the `__class__` cell check.
pub fn build_class(
    func: ObjectRef<'_>,
    name: Object,
    orig_bases: Vec<Object>,
    metaclass: Option<Object>,
    kw: &[(String, Object)],
) -> PyResult<Object> {
    // PEP 560: bases that are not classes may stand for others.
    let mut bases: Vec<Object> = Vec::with_capacity(orig_bases.len());
    let mut changed = false;
    let orig_tuple = new_tuple(orig_bases.clone());
    for b in &orig_bases {
        // Looked up on the base itself (CPython's `PyObject_GetOptionalAttr`): `typing`'s
        // `NamedTuple` and `TypedDict` are functions with an `__mro_entries__` attribute.
        if as_type(b.as_ref()).is_none()
            && let Some(f) = crate::import::getattr_opt(b.as_ref(), "__mro_entries__")?
        {
            let r = crate::ops::call(f.as_ref(), &[orig_tuple.clone()], None)?;
            let Some(items) = tuple_items(r.as_ref()) else {
                return Err(PyErr::type_error("__mro_entries__ must return a tuple"));
            };
            bases.extend_from_slice(items);
            changed = true;
        } else {
            bases.push(b.clone());
        }
    }
    let (meta, is_class) = match metaclass {
        Some(m) => {
            let is_class = as_type(m.as_ref()).is_some();
            (m, is_class)
        }
        None => match bases.first() {
            Some(b) => (b.type_().as_object().to_owned(), true),
            None => (TYPE_TYPE.0.as_object().to_owned(), true),
        },
    };
    let meta = if is_class {
        let mt = as_type(meta.as_ref()).expect("type");
        calculate_metaclass(mt, &bases)?.as_object().to_owned()
    } else {
        meta
    };
    let kwnames: Vec<Object> = kw.iter().map(|(k, _)| new_str(k)).collect();
    let kwvalues: Vec<Object> = kw.iter().map(|(_, v)| v.clone()).collect();
    let kwtuple = (!kwnames.is_empty()).then(|| new_tuple(kwnames));
    let bases_tuple = new_tuple(bases.clone());
    let ns = match crate::attr::getattr(meta.as_ref(), intern("__prepare__").as_ref()) {
        Ok(prep) => {
            let mut a = vec![name.clone(), bases_tuple.clone()];
            a.extend(kwvalues.iter().cloned());
            let ns = crate::ops::call(prep.as_ref(), &a, kwtuple.as_ref().map(|t| t.as_ref()))?;
            if ns.type_().slots.mp_subscript.get().is_none() {
                let mname = if is_class {
                    as_type(meta.as_ref()).expect("type").name().to_string()
                } else {
                    "<metaclass>".to_string()
                };
                return Err(PyErr::type_error(format!(
                    "{mname}.__prepare__() must return a mapping, not {}",
                    ns.type_().name()
                )));
            }
            ns
        }
        Err(e) if e.matches(&crate::types::exceptions::ATTRIBUTE_ERROR) => new_dict(),
        Err(e) => return Err(e),
    };
    let cell = crate::eval::run_class_body(func, ns.clone())?;
    if changed {
        crate::eval::helpers::mapping_set(
            ns.as_ref(),
            intern("__orig_bases__").as_ref(),
            Some(orig_tuple.as_ref()),
        )?;
    }
    let mut a = vec![name.clone(), bases_tuple, ns];
    a.extend(kwvalues);
    let cls = crate::ops::call(meta.as_ref(), &a, kwtuple.as_ref().map(|t| t.as_ref()))?;
    if as_type(cls.as_ref()).is_some()
        && let Some(c) = crate::types::cell::as_cell(cell.as_ref())
    {
        match c.get() {
            Some(v) if v.is(&cls) => {}
            Some(v) => {
                return Err(PyErr::type_error(format!(
                    "__class__ set to {} defining '{}' as {}",
                    crate::ops::repr_string(v.as_ref())?,
                    text(name.as_ref()),
                    crate::ops::repr_string(cls.as_ref())?
                )));
            }
            None => {
                return Err(PyErr::new(
                    &RUNTIME_ERROR,
                    format!(
                        "__class__ not set defining '{}' as {}. Was __classcell__ propagated to \
                         type.__new__?",
                        text(name.as_ref()),
                        crate::ops::repr_string(cls.as_ref())?
                    ),
                ));
            }
        }
    }
    Ok(cls)
}
