//! Shared-key instance attributes (PEP 412, as CPython 3.14's inline values): a Python class
//! owns the keys (`PyType::shared_keys`), each instance holds only its values by key index plus
//! their insertion order, and a real `__dict__` is made only when asked for (`materialize`). The
//! lookup-by-index API the eval loop's inline caches use (`attr_index`, `attr_value_at`,
//! `attr_store_at`, `attr_absent`). Invariants: docs/vm.md, "Shared-key instance attributes".

use crate::object::{Object, ObjectRef};
use crate::types::dict::{as_dict, new_dict};
use crate::types::instance::{InstancePayload, instance_payload};
use crate::types::str::Str;
use crate::types::typeobject::PyType;

/// Most keys a class's shared-key table holds (CPython's `SHARED_KEYS_MAX_SIZE`); an instance
/// adding more gets a real dict.
const SHARED_KEYS_MAX: usize = 30;

/// A values-mode instance's attributes (CPython's `PyDictValues`).
#[derive(Default)]
pub(crate) struct Values {
    /// By shared-key index; `None` where the instance lacks that attribute.
    pub(crate) vals: Vec<Option<Object>>,
    /// The indexes of the present attributes in insertion order: `order[..count]`.
    order: [u8; SHARED_KEYS_MAX],
    count: u8,
}

impl Values {
    pub(crate) fn with_capacity(n: usize) -> Values {
        Values { vals: Vec::with_capacity(n), ..Values::default() }
    }

    #[inline]
    fn get(&self, i: usize) -> Option<Object> {
        self.vals.get(i)?.clone()
    }

    /// Sets the attribute at index `i` (below `SHARED_KEYS_MAX`), returning the old value.
    #[inline]
    fn set(&mut self, i: usize, v: Object) -> Option<Object> {
        if let Some(slot @ Some(_)) = self.vals.get_mut(i) {
            return slot.replace(v);
        }
        if i >= self.vals.len() {
            self.vals.resize(i + 1, None);
        }
        self.order[self.count as usize] = i as u8;
        self.count += 1;
        self.vals[i] = Some(v);
        None
    }

    /// Removes the attribute at index `i`, returning it (`None` when absent).
    pub(crate) fn remove(&mut self, i: usize) -> Option<Object> {
        let old = self.vals.get_mut(i)?.take()?;
        let n = self.count as usize;
        if let Some(at) = self.order[..n].iter().position(|&x| x as usize == i) {
            self.order.copy_within(at + 1..n, at);
            self.count -= 1;
        }
        Some(old)
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// Takes every value out, in insertion order, with its key index.
    fn take_ordered(&mut self) -> Vec<(usize, Object)> {
        let mut vals = std::mem::take(&mut self.vals);
        let out = self.order[..self.count as usize]
            .iter()
            .filter_map(|&i| Some((i as usize, vals.get_mut(i as usize)?.take()?)))
            .collect();
        self.count = 0;
        out
    }
}

/// Marks an inline-cache index as a values index (`attr_index`), not a dict entry index.
pub(crate) const VALUES_IX: usize = 1 << 31;

impl InstancePayload {
    /// Runs `f` on the values array. `f` must not run Python code, nor drop an `Object` (removed
    /// values are returned and dropped by the caller after the borrow ends).
    #[inline]
    pub(crate) fn with_values<R>(&self, f: impl FnOnce(&mut Values) -> R) -> R {
        // SAFETY: the `&mut` lives only inside `f`, and no `f` in this module calls a slot or
        // drops a value, so nothing can reach this array while it is borrowed (docs/vm.md,
        // "Interior mutability").
        f(unsafe { &mut *self.values.get() })
    }

    /// Whether the attributes are in `values` (no `__dict__` made yet).
    #[inline]
    pub(crate) fn in_values_mode(&self) -> bool {
        self.dict.borrow().is_none()
    }
}

/// Where `name` is in a type's shared keys.
pub(crate) enum KeyAt {
    At(usize),
    Absent,
    /// `name` is not an exact str: only a real dict can say.
    Unsupported,
}

/// Finds `name` in `ty`'s shared keys without running Python code. The keys are interned strs,
/// so an interned name matches by identity alone.
#[inline]
pub(crate) fn shared_key_index(ty: &PyType, name: ObjectRef<'_>) -> KeyAt {
    let Some(s) =
        Str::new(name).filter(|_| std::ptr::eq(name.type_(), &crate::types::str::STR_TYPE.0))
    else {
        return KeyAt::Unsupported;
    };
    // The keys are interned: an interned name that is one of them is that very object.
    if ty.shared_keys_bloom.get() & key_bit(name) == 0 && s.is_interned() {
        return KeyAt::Absent;
    }
    shared_key_scan(ty, name, s)
}

/// The bit of `shared_keys_bloom` for the key object `k` (by address).
#[inline]
pub(crate) fn key_bit(k: ObjectRef<'_>) -> u64 {
    let a = k.raw().as_ptr() as usize;
    1 << ((a >> 4) ^ (a >> 10)) % 64
}

#[inline(never)]
fn shared_key_scan(ty: &PyType, name: ObjectRef<'_>, s: Str<'_>) -> KeyAt {
    let keys = ty.shared_keys.borrow();
    if let Some(i) = keys.iter().position(|k| k.as_ref().is(name)) {
        return KeyAt::At(i);
    }
    if s.is_interned() {
        return KeyAt::Absent;
    }
    match keys.iter().position(|k| Str::new(k.as_ref()).is_some_and(|k| k.content_eq(s))) {
        Some(i) => KeyAt::At(i),
        None => KeyAt::Absent,
    }
}

/// The instance payload of `o` if its class gives instances a `__dict__` kept in the payload.
#[inline]
pub(crate) fn dict_payload(o: ObjectRef<'_>) -> Option<&InstancePayload> {
    instance_payload(o).filter(|_| o.type_().has_flag(crate::types::classnew::HAS_DICT))
}

/// Moves the instance's values into a real `__dict__` (if not done yet) and returns it.
pub(crate) fn materialize(ty: &PyType, p: &InstancePayload) -> Object {
    if let Some(d) = p.dict.borrow().as_ref() {
        return d.clone();
    }
    let values = p.with_values(Values::take_ordered);
    let d = new_dict();
    {
        let dp = as_dict(d.as_ref()).expect("dict");
        let keys = ty.shared_keys.borrow();
        for (i, v) in values {
            // Exact, distinct str keys: no Python code runs and nothing can fail.
            let _ = dp.set_item(keys[i].clone(), v);
        }
    }
    *p.dict.borrow_mut() = Some(d.clone());
    d
}

/// What a values-mode instance holds for `name`.
pub(crate) enum ValueLookup {
    Found(Object),
    Absent,
    /// The instance has (or needs) a real dict: look there.
    UseDict,
}

pub(crate) fn values_get(ty: &PyType, p: &InstancePayload, name: ObjectRef<'_>) -> ValueLookup {
    if !p.in_values_mode() {
        return ValueLookup::UseDict;
    }
    match shared_key_index(ty, name) {
        KeyAt::At(i) => match p.with_values(|v| v.get(i)) {
            Some(v) => ValueLookup::Found(v),
            None => ValueLookup::Absent,
        },
        KeyAt::Absent => ValueLookup::Absent,
        KeyAt::Unsupported => ValueLookup::UseDict,
    }
}

/// Stores `name = v` in a values-mode instance: `Ok(old value)` (to drop), or `Err(v)` back when
/// the instance needs a real dict for it (a non-str name, or the shared table is full).
pub(crate) fn values_set(
    ty: &PyType,
    p: &InstancePayload,
    name: ObjectRef<'_>,
    v: Object,
) -> Result<Option<Object>, Object> {
    if !p.in_values_mode() {
        return Err(v);
    }
    match shared_key_index(ty, name) {
        KeyAt::At(i) => Ok(p.with_values(|vals| vals.set(i, v))),
        KeyAt::Absent => {
            let mut keys = ty.shared_keys.borrow_mut();
            if keys.len() >= SHARED_KEYS_MAX {
                return Err(v);
            }
            let i = keys.len();
            let key = crate::types::str::intern_object(name.to_owned());
            ty.shared_keys_bloom.set(ty.shared_keys_bloom.get() | key_bit(key.as_ref()));
            keys.push(key);
            drop(keys);
            Ok(p.with_values(|vals| vals.set(i, v)))
        }
        KeyAt::Unsupported => Err(v),
    }
}

/// For inline caches: where the attribute `name` of `o` is stored, without running Python code:
/// a values index (with `VALUES_IX` set) or the entry index in its `__dict__`. `None` when the
/// object has no such attribute or it cannot tell.
pub(crate) fn attr_index(o: ObjectRef<'_>, name: ObjectRef<'_>) -> Option<usize> {
    let p = dict_payload(o)?;
    if p.in_values_mode() {
        return match shared_key_index(o.type_(), name) {
            KeyAt::At(i) if p.with_values(|v| v.vals.get(i).is_some_and(Option::is_some)) => {
                Some(i | VALUES_IX)
            }
            _ => None,
        };
    }
    let d = p.dict.borrow();
    as_dict(d.as_ref()?.as_ref())?.str_key_index(name)?
}

/// For inline caches: whether `o` certainly has no instance attribute `name` (no `__dict__`
/// storage, or it lacks the name), found without running Python code.
#[inline(always)]
pub(crate) fn attr_absent(o: ObjectRef<'_>, name: ObjectRef<'_>) -> bool {
    let Some(p) = instance_payload(o) else { return true };
    if !o.type_().has_flag(crate::types::classnew::HAS_DICT) {
        return true;
    }
    if p.in_values_mode() {
        return match shared_key_index(o.type_(), name) {
            KeyAt::At(i) => p.with_values(|v| v.vals.get(i).is_none_or(Option::is_none)),
            KeyAt::Absent => true,
            KeyAt::Unsupported => false,
        };
    }
    let d = p.dict.borrow();
    match d.as_ref().and_then(|d| as_dict(d.as_ref())) {
        Some(dp) => matches!(dp.str_key_index(name), Some(None)),
        None => true,
    }
}

/// For inline caches: the attribute at `ix` (from `attr_index` for an object of the same type
/// version) if still there. A values index needs no key check: the type's shared keys are
/// append-only, so index `ix` names the same key for every instance of the type.
#[inline(always)]
pub(crate) fn attr_value_at(o: ObjectRef<'_>, ix: usize, name: ObjectRef<'_>) -> Option<Object> {
    let p = instance_payload(o)?;
    if ix & VALUES_IX != 0 {
        if !p.in_values_mode() {
            return None;
        }
        return p.with_values(|v| v.get(ix & !VALUES_IX));
    }
    let d = p.dict.borrow();
    as_dict(d.as_ref()?.as_ref())?.value_at_if_key(ix, name)
}

/// For inline caches: stores `value` as the attribute at `ix` (as `attr_value_at`); at a values
/// index the instance lacks, this adds the attribute (what `__init__` does).
/// `Ok(old value)` to drop, or `Err(value)` back when the cache does not apply.
#[inline(always)]
pub(crate) fn attr_store_at(
    o: ObjectRef<'_>,
    ix: usize,
    name: ObjectRef<'_>,
    value: Object,
) -> Result<Option<Object>, Object> {
    let Some(p) = instance_payload(o) else { return Err(value) };
    if ix & VALUES_IX != 0 {
        if !p.in_values_mode() {
            return Err(value);
        }
        return Ok(p.with_values(|v| v.set(ix & !VALUES_IX, value)));
    }
    let d = p.dict.borrow();
    match d.as_ref().and_then(|d| as_dict(d.as_ref())) {
        Some(dp) => dp.replace_at_if_key(ix, name, value),
        None => Err(value),
    }
}
