//! `type`: the type object (`PyType`), its flags, its slot function pointers and its version tag
//! (docs/vm.md, "Types and slots").

use std::cell::{Cell, RefCell};
use std::ptr::{self, NonNull};

use crate::error::PyResult;
use crate::object::{Object, ObjectRef, PyObject};

/// Frees a dead object of this type: drops its payload and releases its memory.
pub type DeallocFn = unsafe fn(NonNull<PyObject>);
/// Calls the visitor on every reference the object holds (the cycle collector's view of it).
pub type TraverseFn = fn(ObjectRef<'_>, &mut dyn FnMut(ObjectRef<'_>));
pub type UnaryFn = fn(ObjectRef<'_>) -> PyResult<Object>;
pub type BinaryFn = fn(ObjectRef<'_>, ObjectRef<'_>) -> PyResult<Object>;
pub type TernaryFn = fn(ObjectRef<'_>, ObjectRef<'_>, Option<ObjectRef<'_>>) -> PyResult<Object>;
pub type InquiryFn = fn(ObjectRef<'_>) -> PyResult<bool>;
pub type LenFn = fn(ObjectRef<'_>) -> PyResult<usize>;
pub type HashFn = fn(ObjectRef<'_>) -> PyResult<isize>;
pub type RichCompareFn = fn(ObjectRef<'_>, ObjectRef<'_>, CompareOp) -> PyResult<Object>;
pub type SeqItemFn = fn(ObjectRef<'_>, isize) -> PyResult<Object>;
pub type SeqAssItemFn = fn(ObjectRef<'_>, isize, Option<ObjectRef<'_>>) -> PyResult<()>;
pub type ContainsFn = fn(ObjectRef<'_>, ObjectRef<'_>) -> PyResult<bool>;
pub type AssSubscriptFn = fn(ObjectRef<'_>, ObjectRef<'_>, Option<ObjectRef<'_>>) -> PyResult<()>;
pub type GetAttrFn = fn(ObjectRef<'_>, ObjectRef<'_>) -> PyResult<Object>;
pub type SetAttrFn = fn(ObjectRef<'_>, ObjectRef<'_>, Option<ObjectRef<'_>>) -> PyResult<()>;
/// Vector call: the callable, borrowed positional arguments then keyword values, and the tuple of
/// keyword names (whose values are the last `len(kwnames)` arguments).
pub type CallFn = fn(ObjectRef<'_>, &[Object], Option<ObjectRef<'_>>) -> PyResult<Object>;
pub type IterNextFn = fn(ObjectRef<'_>) -> PyResult<Option<Object>>;
pub type DescrGetFn =
    fn(ObjectRef<'_>, Option<ObjectRef<'_>>, Option<ObjectRef<'_>>) -> PyResult<Object>;
pub type DescrSetFn = fn(ObjectRef<'_>, ObjectRef<'_>, Option<ObjectRef<'_>>) -> PyResult<()>;
pub type InitFn = fn(ObjectRef<'_>, &[Object], Option<ObjectRef<'_>>) -> PyResult<()>;
pub type NewFn = fn(&PyType, &[Object], Option<ObjectRef<'_>>) -> PyResult<Object>;
/// `tp_finalize`: runs once before the object is freed (`__del__`, a generator's close); prints
/// what it raises (it may resurrect the object).
pub type FinalizeFn = fn(ObjectRef<'_>);
/// `tp_clear`: drops the references the object holds, to break a garbage cycle.
pub type ClearFn = fn(ObjectRef<'_>);

/// The six rich comparisons, in CPython's order (`Py_LT` .. `Py_GE`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompareOp {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
}

impl CompareOp {
    /// The operation with its operands swapped (`a < b` is `b > a`).
    pub fn swapped(self) -> CompareOp {
        match self {
            CompareOp::Lt => CompareOp::Gt,
            CompareOp::Le => CompareOp::Ge,
            CompareOp::Eq => CompareOp::Eq,
            CompareOp::Ne => CompareOp::Ne,
            CompareOp::Gt => CompareOp::Lt,
            CompareOp::Ge => CompareOp::Le,
        }
    }

    pub fn symbol(self) -> &'static str {
        match self {
            CompareOp::Lt => "<",
            CompareOp::Le => "<=",
            CompareOp::Eq => "==",
            CompareOp::Ne => "!=",
            CompareOp::Gt => ">",
            CompareOp::Ge => ">=",
        }
    }

    /// Applies the operation to an ordering.
    pub fn matches(self, ord: std::cmp::Ordering) -> bool {
        use std::cmp::Ordering::*;
        match self {
            CompareOp::Lt => ord == Less,
            CompareOp::Le => ord != Greater,
            CompareOp::Eq => ord == Equal,
            CompareOp::Ne => ord != Equal,
            CompareOp::Gt => ord == Greater,
            CompareOp::Ge => ord != Less,
        }
    }
}

/// `tp_flags`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TypeFlags(pub u64);

impl TypeFlags {
    /// Allocated at run time (a `class` statement); refcounted, instances hold a reference.
    pub const HEAPTYPE: TypeFlags = TypeFlags(1 << 9);
    /// May be subclassed.
    pub const BASETYPE: TypeFlags = TypeFlags(1 << 10);
    /// Instances are containers: allocated with a `GcHead`, deallocated through the trashcan.
    pub const HAVE_GC: TypeFlags = TypeFlags(1 << 14);
    /// Attributes of the type cannot be set or deleted; its version tag never changes.
    pub const IMMUTABLETYPE: TypeFlags = TypeFlags(1 << 8);
    pub const LONG_SUBCLASS: TypeFlags = TypeFlags(1 << 24);
    pub const LIST_SUBCLASS: TypeFlags = TypeFlags(1 << 25);
    pub const TUPLE_SUBCLASS: TypeFlags = TypeFlags(1 << 26);
    pub const BYTES_SUBCLASS: TypeFlags = TypeFlags(1 << 27);
    pub const UNICODE_SUBCLASS: TypeFlags = TypeFlags(1 << 28);
    pub const DICT_SUBCLASS: TypeFlags = TypeFlags(1 << 29);
    pub const BASE_EXC_SUBCLASS: TypeFlags = TypeFlags(1 << 30);
    pub const TYPE_SUBCLASS: TypeFlags = TypeFlags(1 << 31);

    pub const fn union(self, other: TypeFlags) -> TypeFlags {
        TypeFlags(self.0 | other.0)
    }

    pub const fn contains(self, other: TypeFlags) -> bool {
        self.0 & other.0 == other.0
    }
}

/// A slot: a function pointer that may be absent. Interior-mutable so that a heap type's slot can
/// follow an assignment to its dunder, but only the crate can write one, and only for heap types:
/// static types are shared between threads and never written (docs/vm.md, "Immortality").
pub struct Slot<F>(Cell<Option<F>>);

impl<F: Copy> Slot<F> {
    pub const fn empty() -> Slot<F> {
        Slot(Cell::new(None))
    }

    #[inline]
    pub fn get(&self) -> Option<F> {
        self.0.get()
    }

    /// Replaces the slot. Only for heap types, under the GIL.
    #[allow(dead_code)]
    pub(crate) fn set(&self, f: Option<F>) {
        self.0.set(f)
    }
}

/// Fills a slot in a static type definition.
pub const fn slot<F: Copy>(f: F) -> Slot<F> {
    Slot(Cell::new(Some(f)))
}

macro_rules! define_slots {
    ($($(#[$doc:meta])* $name:ident: $ty:ty,)*) => {
        /// Every operation a type implements natively, CPython's `tp_*`, `nb_*`, `sq_*`, `mp_*`.
        pub struct Slots {
            $($(#[$doc])* pub $name: Slot<$ty>,)*
        }

        impl Slots {
            pub const fn empty() -> Slots {
                Slots { $($name: Slot::empty(),)* }
            }

            /// A copy of `base`'s slots: what a new heap type inherits.
            pub fn inherit(base: &Slots) -> Slots {
                Slots { $($name: Slot(Cell::new(base.$name.get())),)* }
            }
        }
    };
}

define_slots! {
    repr: UnaryFn,
    str: UnaryFn,
    hash: HashFn,
    richcompare: RichCompareFn,
    getattr: GetAttrFn,
    setattr: SetAttrFn,
    call: CallFn,
    iter: UnaryFn,
    iternext: IterNextFn,
    descr_get: DescrGetFn,
    descr_set: DescrSetFn,
    init: InitFn,
    new: NewFn,
    finalize: FinalizeFn,
    clear: ClearFn,
    // Number protocol: binary slots take both operands in source order; either may be "ours".
    nb_add: BinaryFn,
    nb_subtract: BinaryFn,
    nb_multiply: BinaryFn,
    nb_remainder: BinaryFn,
    nb_divmod: BinaryFn,
    nb_power: TernaryFn,
    nb_negative: UnaryFn,
    nb_positive: UnaryFn,
    nb_absolute: UnaryFn,
    nb_bool: InquiryFn,
    nb_invert: UnaryFn,
    nb_lshift: BinaryFn,
    nb_rshift: BinaryFn,
    nb_and: BinaryFn,
    nb_xor: BinaryFn,
    nb_or: BinaryFn,
    nb_int: UnaryFn,
    nb_float: UnaryFn,
    nb_floor_divide: BinaryFn,
    nb_true_divide: BinaryFn,
    nb_index: UnaryFn,
    // Sequence protocol.
    sq_length: LenFn,
    sq_concat: BinaryFn,
    sq_repeat: fn(ObjectRef<'_>, isize) -> PyResult<Object>,
    sq_item: SeqItemFn,
    sq_ass_item: SeqAssItemFn,
    sq_contains: ContainsFn,
    // Mapping protocol.
    mp_length: LenFn,
    mp_subscript: BinaryFn,
    mp_ass_subscript: AssSubscriptFn,
}

/// A type object. Starts with an object header, so a `&PyType` is also an object.
#[repr(C)]
pub struct PyType {
    pub ob_base: PyObject,
    /// `__name__`: static text for builtin types; for heap types it points into `names`.
    pub(crate) name: Cell<&'static str>,
    /// A heap type's names, the current one last. An assignment to `__name__` appends and never
    /// frees the earlier texts before the type dies, so a `&str` borrowed from `name()` stays
    /// valid as long as the type it was borrowed from (docs/vm.md, "Types and slots").
    pub(crate) names: RefCell<Vec<Box<str>>>,
    /// Size of an instance's fixed payload (CPython's `tp_basicsize` less the header).
    pub basicsize: usize,
    /// Size of each item of a variable-size instance (tuple items, str code units), else 0.
    pub itemsize: usize,
    pub flags: TypeFlags,
    /// The base type; a heap type owns a reference to it. Changes only when `__bases__` is
    /// assigned (the new base owned before the old one is released).
    pub(crate) base: Cell<*const PyType>,
    /// The method resolution order as a tuple, for heap types; static builtin types have single
    /// inheritance and walk `base`.
    pub(crate) mro: Cell<Option<Object>>,
    /// `__bases__` as a tuple, for heap types (static types derive from `base` alone).
    pub(crate) bases: Cell<Option<Object>>,
    /// `__qualname__` (a str), for heap types; static types use `name`.
    pub(crate) qualname: Cell<Option<Object>>,
    /// How many `__slots__` values an instance holds (the class's and its bases').
    pub(crate) nslots: Cell<usize>,
    /// CPython's `Py_TPFLAGS_IS_ABSTRACT`: set by assigning a non-empty `__abstractmethods__`
    /// (heap types only); `object.__new__` then refuses to make instances.
    pub(crate) is_abstract: Cell<bool>,
    /// CPython's `Py_TPFLAGS_SEQUENCE`/`MAPPING` bits (1 << 5, 1 << 6) as `_abc` sets them on a
    /// class (`__abc_tpflags__`, `register`); `match` reads them along the MRO.
    pub(crate) collection_flags: Cell<u8>,
    /// The type's `__dict__` for heap types. Static builtin types keep theirs per interpreter, as
    /// CPython does, so the immortal static is never written.
    pub(crate) dict: Cell<Option<Object>>,
    /// Tag naming the current state of this type's attributes; 0 means "unassigned" and disables
    /// caching (docs/vm.md, "Version tags").
    pub(crate) version_tag: Cell<u32>,
    /// The heap types deriving directly from this heap type (borrowed: each removes itself when
    /// it is freed), so that a change here can drop their version tags too. Always empty for
    /// static types, which never change.
    pub(crate) subclasses: RefCell<Vec<NonNull<PyType>>>,
    /// The keys shared by the instance dicts of a Python class (PEP 412; `types/instance.rs`,
    /// docs/vm.md "Shared-key instance attributes"): interned strs, append-only, so an index
    /// names the same key for the type's whole life. Always empty for static types.
    pub(crate) shared_keys: RefCell<Vec<Object>>,
    /// One bit per shared key (`instance_values::key_bit` of its address): a name whose bit is
    /// clear is certainly not a shared key.
    pub(crate) shared_keys_bloom: Cell<u64>,
    pub dealloc: DeallocFn,
    pub traverse: Option<TraverseFn>,
    pub slots: Slots,
}

/// An immortal, immutable static type.
#[repr(transparent)]
pub struct StaticType(pub PyType);

// SAFETY: a static type is immortal and immutable: its refcount, slots, dict and version tag are
// never written after it is built, so sharing it between threads reads only (docs/vm.md,
// "Immortality").
unsafe impl Sync for StaticType {}

/// Version tags of static builtin types are fixed here; heap types will draw theirs from a counter
/// starting above this range.
pub const FIRST_HEAP_VERSION_TAG: u32 = 1 << 16;

/// Marks a static type's cache tag (`PyType::cache_tag`): heap tags are `u32`s, so the two
/// ranges never meet.
pub const STATIC_CACHE_TAG: u64 = 1 << 63;

impl PyType {
    /// The skeleton of a static builtin type; definitions fill `slots` with struct-update syntax.
    #[allow(clippy::too_many_arguments)]
    pub const fn new_static(
        name: &'static str,
        base: Option<&'static PyType>,
        basicsize: usize,
        itemsize: usize,
        flags: TypeFlags,
        version_tag: u32,
        dealloc: DeallocFn,
        traverse: Option<TraverseFn>,
        slots: Slots,
    ) -> PyType {
        PyType {
            ob_base: PyObject::new_immortal(&crate::types::typeobject::TYPE_TYPE.0),
            name: Cell::new(name),
            names: RefCell::new(Vec::new()),
            basicsize,
            itemsize,
            flags: flags.union(TypeFlags::IMMUTABLETYPE),
            base: Cell::new(match base {
                Some(b) => b as *const PyType,
                None => ptr::null(),
            }),
            mro: Cell::new(None),
            bases: Cell::new(None),
            qualname: Cell::new(None),
            nslots: Cell::new(0),
            is_abstract: Cell::new(false),
            collection_flags: Cell::new(0),
            dict: Cell::new(None),
            version_tag: Cell::new(version_tag),
            subclasses: RefCell::new(Vec::new()),
            shared_keys: RefCell::new(Vec::new()),
            shared_keys_bloom: Cell::new(0),
            dealloc,
            traverse,
            slots,
        }
    }

    /// The current version tag (0: none assigned; see `heaptype::ensure_version_tag`).
    #[inline]
    pub fn version_tag(&self) -> u32 {
        self.version_tag.get()
    }

    /// What caches (the method cache, inline caches) compare to know a type's attributes are
    /// the ones they saw: a heap type's version tag (0: none, matches nothing), a static type's
    /// own address with the top bit set. Static types are never freed, so their addresses are
    /// unique for the life of the process, whatever numbers their definitions carry
    /// (docs/vm.md, "Version tags and the method cache").
    #[inline]
    pub fn cache_tag(&self) -> u64 {
        if self.has_flag(TypeFlags::HEAPTYPE) {
            self.version_tag.get() as u64
        } else {
            self as *const PyType as usize as u64 | STATIC_CACHE_TAG
        }
    }

    /// `__name__`.
    #[inline]
    pub fn name(&self) -> &str {
        self.name.get()
    }

    /// Gives a heap type a new `__name__` (the old text stays allocated until the type dies).
    pub(crate) fn set_heap_name(&self, name: &str) {
        debug_assert!(self.has_flag(TypeFlags::HEAPTYPE));
        let owned: Box<str> = name.into();
        // SAFETY: the text lives in `names` until the type is freed and a `Box<str>`'s buffer
        // never moves, so the `'static` is only ever observed through `name()`, whose result
        // is bounded by a borrow of the type (docs/vm.md, "Types and slots").
        let text: &'static str = unsafe { &*(&*owned as *const str) };
        self.names.borrow_mut().push(owned);
        self.name.set(text);
    }

    pub fn base(&self) -> Option<&PyType> {
        // SAFETY: a type keeps its base alive: static bases are immortal, a heap type owns a
        // reference to its base (docs/vm.md, "Types and slots").
        unsafe { self.base.get().as_ref() }
    }

    #[inline]
    pub fn is_gc(&self) -> bool {
        self.flags.contains(TypeFlags::HAVE_GC)
    }

    #[inline]
    pub fn has_flag(&self, f: TypeFlags) -> bool {
        self.flags.contains(f)
    }

    /// `issubclass(self, other)`: along the MRO tuple of a heap type, else the base chain.
    #[inline]
    pub fn is_subtype(&self, other: &PyType) -> bool {
        if ptr::eq(self, other) {
            return true;
        }
        let mro = self.mro.take();
        if let Some(m) = &mro {
            let target = other as *const PyType as *const PyObject;
            let found = crate::types::tuple::tuple_items(m.as_ref())
                .is_some_and(|items| items.iter().any(|t| t.raw().as_ptr() as *const _ == target));
            self.mro.set(mro);
            // ExceptionGroup's second base, when the MRO was built from base chains.
            return found
                || (ptr::eq(other, &crate::types::exceptions::EXCEPTION.0)
                    && self.is_subtype(&crate::types::exception_group::EXCEPTION_GROUP.0));
        }
        let mut t = self;
        loop {
            if ptr::eq(t, other) {
                return true;
            }
            match t.base() {
                Some(b) => t = b,
                // ExceptionGroup's second base (no multiple inheritance yet).
                None => {
                    return ptr::eq(other, &crate::types::exceptions::EXCEPTION.0)
                        && self.is_subtype(&crate::types::exception_group::EXCEPTION_GROUP.0);
                }
            }
        }
    }

    /// The type as an object reference.
    pub fn as_object(&self) -> ObjectRef<'_> {
        // SAFETY: a type starts with its object header and is alive while borrowed.
        unsafe { ObjectRef::from_raw(NonNull::from(&self.ob_base)) }
    }

    /// The MRO tuple of a heap type (a new reference), `None` for static types, which walk `base`.
    pub fn mro_tuple(&self) -> Option<Object> {
        let m = self.mro.take();
        let out = m.clone();
        self.mro.set(m);
        out
    }

    /// Finds the first type along the base chain that fills a slot.
    pub fn lookup_slot<F: Copy>(&self, get: impl Fn(&Slots) -> &Slot<F>) -> Option<F> {
        let mut t = Some(self);
        while let Some(ty) = t {
            if let Some(f) = get(&ty.slots).get() {
                return Some(f);
            }
            t = ty.base();
        }
        None
    }

    /// Drops the version tag after a change to this type's attributes, so every cache keyed on it
    /// misses. Immutable (static) types never change.
    pub fn modified(&self) {
        debug_assert!(!self.has_flag(TypeFlags::IMMUTABLETYPE));
        if self.has_flag(TypeFlags::IMMUTABLETYPE) {
            return;
        }
        // Every heap subclass, transitively, inherits what changed: drop their tags too. An
        // explicit stack, since a chain of subclasses may be long.
        let mut pending: Vec<NonNull<PyType>> = vec![NonNull::from(self)];
        while let Some(t) = pending.pop() {
            // SAFETY: `self` is borrowed; a subclass in the list is alive, since it removes
            // itself from its base's list when it is freed (docs/vm.md, "Version tags").
            let t = unsafe { t.as_ref() };
            t.version_tag.set(0);
            pending.extend(t.subclasses.borrow().iter().copied());
        }
    }

    pub(crate) fn incref_if_heap(&self) {
        if self.has_flag(TypeFlags::HEAPTYPE) {
            self.ob_base.incref();
        }
    }
}

/// Drops an instance's reference to its type if the type is a heap type, freeing the type at zero.
/// Takes a raw pointer so that no `&PyType` is live while the type may be freed.
///
/// # Safety
/// `ty` points to a live type and the caller owns one reference to it if it is a heap type.
pub(crate) unsafe fn decref_type_if_heap(ty: *const PyType) {
    // SAFETY: `ty` is live per the contract; the header borrow ends before the deallocation.
    let zero = unsafe { (*ty).has_flag(TypeFlags::HEAPTYPE) && (*ty).ob_base.decref_is_zero() };
    if zero {
        // SAFETY: that was the last reference to a heap type (docs/vm.md, "Deallocation").
        unsafe { crate::object::dealloc::dealloc(NonNull::new_unchecked(ty as *mut PyObject)) }
    }
}

/// Static types are never freed.
///
/// # Safety
/// Never called: immortal objects never reach refcount zero.
pub unsafe fn dealloc_immortal(_obj: NonNull<PyObject>) {
    unreachable!("an immortal object was deallocated")
}

fn type_repr(o: ObjectRef<'_>) -> PyResult<Object> {
    let ty = as_type(o).expect("type_repr on a type");
    if ty.has_flag(TypeFlags::HEAPTYPE) {
        // `<class 'module.qualname'>`, the module omitted for builtins.
        let d = crate::types::typelookup::type_dict(ty);
        let d = crate::types::dict::as_dict(d.as_ref()).expect("dict");
        let text = |k: &str| {
            d.get_str(k).ok().flatten().and_then(|v| crate::types::str::str_to_string(v.as_ref()))
        };
        let q = ty.qualname.take();
        ty.qualname.set(q.clone());
        let qual = q
            .and_then(|q| crate::types::str::str_to_string(q.as_ref()))
            .unwrap_or_else(|| ty.name().to_string());
        return Ok(crate::types::str::new_str(&match text("__module__") {
            Some(m) if m != "builtins" => format!("<class '{m}.{qual}'>"),
            _ => format!("<class '{qual}'>"),
        }));
    }
    Ok(crate::types::str::new_str(&format!("<class '{}'>", ty.name())))
}

/// The object as a type, if it is one.
pub fn as_type(o: ObjectRef<'_>) -> Option<&PyType> {
    if o.type_().has_flag(TypeFlags::TYPE_SUBCLASS) {
        // SAFETY: an object whose type is `type` or a subclass is laid out as a `PyType`.
        Some(unsafe { o.raw().cast::<PyType>().as_ref() })
    } else {
        None
    }
}

pub static TYPE_TYPE: StaticType = StaticType(PyType::new_static(
    "type",
    Some(&crate::types::object::OBJECT_TYPE.0),
    std::mem::size_of::<PyType>() - crate::object::HEADER_SIZE,
    0,
    TypeFlags::BASETYPE.union(TypeFlags::TYPE_SUBCLASS).union(TypeFlags::HAVE_GC),
    2,
    crate::types::heaptype::heap_type_dealloc,
    Some(crate::types::heaptype::type_traverse),
    Slots {
        repr: slot(type_repr as UnaryFn),
        clear: slot(crate::types::heaptype::type_gc_clear as ClearFn),
        call: slot(crate::eval::typecall::type_call as CallFn),
        getattr: slot(crate::types::instance::type_getattr as crate::types::typeobject::GetAttrFn),
        nb_or: slot(crate::types::union::union_or as BinaryFn),
        ..crate::types::object::object_slots()
    },
));
