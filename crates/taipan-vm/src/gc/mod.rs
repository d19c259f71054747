//! The cycle collector: tracking of container objects in three generations, the automatic
//! trigger, and the collection itself (CPython's algorithm: subtract the references containers
//! hold to each other from copies of the refcounts; what keeps a positive count is referenced from
//! outside and alive, with everything it reaches; the rest is cyclic garbage). Garbage is handled
//! per PEP 442: weak references to it are cleared and their callbacks run, then finalisers
//! (`__del__`) run once, then objects a finaliser resurrected are kept, and the rest have their
//! references cleared (`clear` slot), which frees them through the ordinary refcounting path.
//!
//! The finaliser path of a refcount reaching zero ([`before_free`]) lives here too, since it shares
//! the `FINALIZED` flag. The rules are in docs/vm.md, "The cycle collector".

pub mod collect;
pub mod finalize;

use std::cell::Cell;
use std::ptr::{self, NonNull};

use crate::object::alloc::{gc_head, object_of_gc};
use crate::object::{GcHead, Object, ObjectRef, PyObject};
use crate::types::typeobject::TypeFlags;

pub use collect::{collect, collect_if_pending};

/// `__del__` (the `finalize` slot) has run on this object: it never runs again (PEP 442).
pub(crate) const FINALIZED: usize = 1;
/// The object is in the set being collected (during a collection only).
pub(crate) const COLLECTING: usize = 2;
/// Weak references to the object exist (they are listed in `types::weakref`'s table).
pub(crate) const WEAKREFS: usize = 4;
pub(crate) const FLAGS: usize = 7;

/// Number of generations; the permanent generation of `gc.freeze()` comes after them.
pub const NUM_GENERATIONS: usize = 3;
pub(crate) const PERMANENT: usize = 3;

/// One collector state per interpreter (thread; docs/vm.md, "Threads and the GIL").
pub(crate) struct State {
    /// Container allocations minus deallocations since the last young collection.
    pub(crate) count: Cell<usize>,
    /// Collections of the next younger generation since this one was last collected.
    pub(crate) gen_count: [Cell<usize>; NUM_GENERATIONS],
    pub(crate) threshold: [Cell<usize>; NUM_GENERATIONS],
    pub(crate) enabled: Cell<bool>,
    /// A collection is running: no other may start (finalisers may call `gc.collect()`).
    pub(crate) collecting: Cell<bool>,
    /// The allocation count passed the threshold: the eval loop collects at its next check.
    pub(crate) pending: Cell<bool>,
    /// Objects that survived a full collection (CPython's `long_lived_total`) and those
    /// promoted to the oldest generation since (`long_lived_pending`).
    pub(crate) long_lived_total: Cell<usize>,
    pub(crate) long_lived_pending: Cell<usize>,
    /// Per generation: collections, objects collected, uncollectable objects.
    pub(crate) stats: [[Cell<usize>; 3]; NUM_GENERATIONS],
    /// `gc.set_debug` flags.
    pub(crate) debug: Cell<u32>,
}

impl State {
    const fn new() -> State {
        State {
            count: Cell::new(0),
            gen_count: [Cell::new(0), Cell::new(0), Cell::new(0)],
            threshold: [Cell::new(2000), Cell::new(10), Cell::new(10)],
            enabled: Cell::new(true),
            collecting: Cell::new(false),
            pending: Cell::new(false),
            long_lived_total: Cell::new(0),
            long_lived_pending: Cell::new(0),
            stats: [
                [Cell::new(0), Cell::new(0), Cell::new(0)],
                [Cell::new(0), Cell::new(0), Cell::new(0)],
                [Cell::new(0), Cell::new(0), Cell::new(0)],
            ],
            debug: Cell::new(0),
        }
    }
}

/// The list heads (sentinels) of the generations and of the permanent generation, circular doubly
/// linked lists through the objects' `GcHead`s, next to the state so that tracking touches one
/// thread-local. Thread-local storage does not move, so the sentinels' addresses are stable for
/// the thread's life; they are made circular on first use.
struct Collector {
    lists: [GcHead; 4],
    state: State,
}

static GC: crate::gil::GilCell<Collector> = crate::gil::GilCell::new(Collector {
    lists: [GcHead::new(), GcHead::new(), GcHead::new(), GcHead::new()],
    state: State::new(),
});

/// Runs `f` on this interpreter's collector state.
pub(crate) fn with_state<R>(f: impl FnOnce(&State) -> R) -> R {
    GC.with(|g| f(&g.state))
}

/// The sentinel of list `i` (a generation, or `PERMANENT`).
pub(crate) fn list_head(i: usize) -> NonNull<GcHead> {
    GC.with(|g| {
        let s = &g.lists[i];
        if s.next.get().is_null() {
            let p = s as *const GcHead as *mut GcHead;
            s.next.set(p);
            s.prev.set(p as usize);
        }
        NonNull::from(s)
    })
}

#[inline]
pub(crate) fn prev_of(h: &GcHead) -> *mut GcHead {
    (h.prev.get() & !FLAGS) as *mut GcHead
}

#[inline]
pub(crate) fn flags_of(h: &GcHead) -> usize {
    h.prev.get() & FLAGS
}

/// Links `node` at the end of the list whose sentinel is `list`, keeping its flag bits.
///
/// # Safety
/// `list` is a sentinel (or a local list head made circular) and `node` a container's head that
/// is in no list.
pub(crate) unsafe fn link_tail(list: NonNull<GcHead>, node: NonNull<GcHead>) {
    // SAFETY: per the contract both are live heads; the list is circular, so its `prev` is its
    // last node (the sentinel itself when empty) (docs/vm.md, "The cycle collector").
    unsafe {
        let l = list.as_ref();
        let n = node.as_ref();
        let last = prev_of(l);
        n.next.set(list.as_ptr());
        n.prev.set(last as usize | flags_of(n));
        (*last).next.set(node.as_ptr());
        l.prev.set(node.as_ptr() as usize | flags_of(l));
    }
}

/// Removes `node` from its list; its `next` becomes null (untracked), its flags stay.
///
/// # Safety
/// `node` is in a circular list with valid links.
pub(crate) unsafe fn unlink(node: NonNull<GcHead>) {
    // SAFETY: the neighbours of a linked node are live heads (tracked containers unlink themselves
    // before they are freed) (docs/vm.md, "The cycle collector").
    unsafe {
        let n = node.as_ref();
        let prev = prev_of(n);
        let next = n.next.get();
        (*prev).next.set(next);
        (*next).prev.set(prev as usize | flags_of(&*next));
        n.next.set(ptr::null_mut());
        n.prev.set(flags_of(n));
    }
}

/// Moves every node of list `from` to the end of list `to` (both sentinels), in order.
///
/// # Safety
/// Both are list heads with valid links.
pub(crate) unsafe fn splice(from: NonNull<GcHead>, to: NonNull<GcHead>) {
    // SAFETY: as for `link_tail` and `unlink`.
    unsafe {
        let f = from.as_ref();
        let first = f.next.get();
        if first == from.as_ptr() {
            return;
        }
        let last = prev_of(f);
        let t = to.as_ref();
        let tlast = prev_of(t);
        (*tlast).next.set(first);
        (*first).prev.set(tlast as usize | flags_of(&*first));
        (*last).next.set(to.as_ptr());
        t.prev.set(last as usize | flags_of(t));
        f.next.set(from.as_ptr());
        f.prev.set(from.as_ptr() as usize);
    }
}

/// The heads of list `i`'s nodes, in order.
pub(crate) fn list_nodes(list: NonNull<GcHead>) -> Vec<NonNull<GcHead>> {
    let mut out = Vec::new();
    // SAFETY: the list's links are valid; we only read them.
    unsafe {
        let mut p = list.as_ref().next.get();
        while p != list.as_ptr() {
            let n = NonNull::new_unchecked(p);
            out.push(n);
            p = n.as_ref().next.get();
        }
    }
    out
}

/// Starts tracking a freshly allocated container (called by `alloc_object`): it joins the
/// youngest generation, and passing the threshold schedules a collection.
///
/// # Safety
/// `obj` is a container whose head is in no list.
#[inline]
pub(crate) unsafe fn track_new(obj: NonNull<PyObject>) {
    GC.with(|g| {
        let young = &g.lists[0];
        if young.next.get().is_null() {
            let p = young as *const GcHead as *mut GcHead;
            young.next.set(p);
            young.prev.set(p as usize);
        }
        // SAFETY: per the contract; the sentinel is circular.
        unsafe { link_tail(NonNull::from(young), gc_head(obj)) };
        let s = &g.state;
        let c = s.count.get() + 1;
        s.count.set(c);
        if c > s.threshold[0].get() && s.threshold[0].get() != 0 && s.enabled.get() {
            s.pending.set(true);
        }
    });
}

/// Stops tracking a container that is being freed (or that holds nothing collectable).
///
/// # Safety
/// `obj` is a live or dying container.
#[inline]
pub(crate) unsafe fn untrack(obj: NonNull<PyObject>) {
    // SAFETY: a container carries a head; a non-null `next` means it is in a list.
    unsafe {
        let h = gc_head(obj);
        if !h.as_ref().next.get().is_null() {
            unlink(h);
            with_state(|s| s.count.set(s.count.get().saturating_sub(1)));
        }
    }
}

/// The deallocation path's untrack: unlinks a dying container if it is tracked and returns its
/// flag bits (one read of the head for both).
///
/// # Safety
/// `obj` is a mortal container whose refcount just reached zero.
#[inline]
pub(crate) unsafe fn untrack_dying(obj: NonNull<PyObject>) -> usize {
    // SAFETY: a container carries a head; a non-null `next` means it is in a list.
    unsafe {
        let h = gc_head(obj);
        let head = h.as_ref();
        if !head.next.get().is_null() {
            unlink(h);
            GC.with(|g| g.state.count.set(g.state.count.get().saturating_sub(1)));
        }
        head.prev.get() & FLAGS
    }
}

/// Tracks again an object that was untracked (a resurrected object), in the youngest generation.
pub(crate) fn retrack(o: ObjectRef<'_>) {
    if let Some(h) = o.header()
        && !h.is_immortal()
        && o.type_().is_gc()
    {
        // SAFETY: a mortal container; linked only if it is in no list.
        unsafe {
            let head = gc_head(o.raw());
            if head.as_ref().next.get().is_null() {
                link_tail(list_head(0), head);
            }
        }
    }
}

/// Whether the allocation count asked for a collection (the eval breaker's test).
#[inline]
pub fn pending() -> bool {
    GC.with(|g| g.state.pending.get())
}

/// `gc.is_tracked(o)`.
pub fn is_tracked(o: ObjectRef<'_>) -> bool {
    match o.header() {
        Some(h) if !h.is_immortal() && o.type_().is_gc() => {
            // SAFETY: a mortal container carries a head.
            unsafe { !gc_head(o.raw()).as_ref().next.get().is_null() }
        }
        _ => false,
    }
}

/// Untracks a new tuple that holds nothing the collector could find in a cycle (CPython 3.14
/// does this when the tuple is made): `gc.is_tracked((1, 2))` is false.
pub(crate) fn maybe_untrack_tuple(t: ObjectRef<'_>, items: &[Object]) {
    if items.iter().all(|i| !is_tracked(i.as_ref())) {
        // SAFETY: `t` is a live tuple, a container.
        unsafe { untrack(t.raw()) };
    }
}

/// The head's flags of a mortal container, or 0.
pub(crate) fn object_flags(o: ObjectRef<'_>) -> usize {
    match o.header() {
        Some(h) if !h.is_immortal() && o.type_().is_gc() => {
            // SAFETY: a mortal container carries a head.
            unsafe { flags_of(gc_head(o.raw()).as_ref()) }
        }
        _ => 0,
    }
}

/// Sets or clears flag bits of a mortal container (never of an immortal static).
pub(crate) fn set_object_flag(o: ObjectRef<'_>, flag: usize, on: bool) {
    if let Some(h) = o.header()
        && !h.is_immortal()
        && o.type_().is_gc()
    {
        // SAFETY: a mortal container carries a head; only its flag bits change.
        unsafe {
            let head = gc_head(o.raw());
            let p = head.as_ref().prev.get();
            head.as_ref().prev.set(if on { p | flag } else { p & !flag });
        }
    }
}

/// `gc.is_finalized(o)`.
pub fn is_finalized(o: ObjectRef<'_>) -> bool {
    object_flags(o) & FINALIZED != 0
}

/// Visits what `o` owns: its type's `traverse`, plus its heap type (an instance of a heap type
/// owns a reference to it, as CPython's `subtype_traverse` visits `Py_TYPE(self)`).
pub fn traverse_object(o: ObjectRef<'_>, visit: &mut dyn FnMut(ObjectRef<'_>)) {
    let ty = o.type_();
    if let Some(t) = ty.traverse {
        t(o, visit);
    }
    if ty.has_flag(TypeFlags::HEAPTYPE) {
        visit(ty.as_object());
    }
}

/// What happens on the deallocation path of a container before its type's `dealloc`: its
/// finaliser (`__del__`, a generator's close) runs once, then weak references to it are cleared and
/// their callbacks run. Returns `true` if the finaliser resurrected the object, which must then not
/// be freed.
///
/// # Safety
/// `obj` is a container whose refcount just reached zero and that is already untracked.
pub(crate) unsafe fn before_free(obj: NonNull<PyObject>) -> bool {
    // SAFETY: the object is dead but whole: its header and payload are still valid.
    let o = unsafe { ObjectRef::from_raw(obj) };
    let header = o.header().expect("a heap object");
    let ty = o.type_();
    if let Some(fin) = ty.slots.finalize.get()
        && object_flags(o) & FINALIZED == 0
    {
        set_object_flag(o, FINALIZED, true);
        // Resurrect for the length of the call: the finaliser sees a live object.
        header.set_refcnt(1);
        fin(o);
        if !header.decref_is_zero() {
            // The finaliser stored a reference somewhere: the object lives on.
            retrack(o);
            return true;
        }
    }
    if object_flags(o) & WEAKREFS != 0 {
        crate::types::weakref::clear_weakrefs(o);
    }
    false
}

/// Prints an exception a finaliser or callback raised and nobody can catch, as CPython's
/// `PyErr_FormatUnraisable` does: `"{msg} {repr(obj)}:"` (or `"{msg}:"`) and the traceback.
pub fn write_unraisable(err: crate::error::PyErr, msg: &str, obj: Option<ObjectRef<'_>>) {
    // A program's own `sys.unraisablehook` gets the report's parts (CPython's
    // `UnraisableHookArgs`); an error in that hook is reported the default way.
    if let Some(hook) = crate::import::sys_attr("unraisablehook")
        && crate::import::sys_attr("__unraisablehook__").is_none_or(|d| !d.is(&hook))
    {
        let err_msg = match obj.map(crate::ops::repr_string) {
            Some(Ok(r)) => format!("{msg} {r}"),
            Some(Err(_)) => format!("{msg} <object repr() failed>"),
            None => msg.to_string(),
        };
        if let Err(e) = call_unraisablehook(hook.as_ref(), &err, &err_msg) {
            let r = crate::ops::repr_string(hook.as_ref())
                .unwrap_or_else(|_| "<object repr() failed>".into());
            let body = crate::traceback::format_exception_plain(e.instance());
            crate::builtins::sys::write_stderr(&format!(
                "Exception ignored in sys.unraisablehook: {r}\n{body}"
            ));
        }
        return;
    }
    write_unraisable_default(err, msg, obj);
}

/// The report `sys.__unraisablehook__` writes.
fn write_unraisable_default(err: crate::error::PyErr, msg: &str, obj: Option<ObjectRef<'_>>) {
    let head = match obj {
        Some(o) => match crate::ops::repr_string(o) {
            Ok(r) => format!("{msg} {r}:\n"),
            Err(_) => format!("{msg} <object repr() failed>:\n"),
        },
        None => format!("{msg}:\n"),
    };
    let body = crate::traceback::format_exception_plain(err.instance());
    crate::builtins::sys::write_stderr(&format!("{head}{body}"));
}

/// Calls `hook` with an object holding `exc_type`, `exc_value`, `exc_traceback`, `err_msg` and
/// `object` (None: the message names the object), as CPython's `UnraisableHookArgs`.
fn call_unraisablehook(
    hook: ObjectRef<'_>,
    err: &crate::error::PyErr,
    err_msg: &str,
) -> crate::error::PyResult<()> {
    use crate::types::str::new_str;
    let types = crate::import::import_module("types", None)?;
    let namespace = crate::attr::getattr(
        types.as_ref(),
        crate::types::str::intern("SimpleNamespace").as_ref(),
    )?;
    let exc = err.instance().to_owned();
    let tb = crate::import::getattr_opt(exc.as_ref(), "__traceback__")?
        .unwrap_or_else(crate::types::singletons::none);
    let values = vec![
        exc.type_().as_object().to_owned(),
        exc,
        tb,
        new_str(err_msg),
        crate::types::singletons::none(),
    ];
    let names = ["exc_type", "exc_value", "exc_traceback", "err_msg", "object"];
    let kwnames = crate::types::tuple::new_tuple(names.iter().map(|n| new_str(n)).collect());
    let args = crate::ops::call(namespace.as_ref(), &values, Some(kwnames.as_ref()))?;
    crate::ops::call(hook, &[args], None)?;
    Ok(())
}

/// Every object tracked in the generations (not the permanent one), oldest generation last.
pub fn tracked_objects(generation: Option<usize>) -> Vec<Object> {
    let gens: Vec<usize> = match generation {
        Some(g) => vec![g],
        None => (0..NUM_GENERATIONS).collect(),
    };
    let mut out = Vec::new();
    for g in gens {
        for h in list_nodes(list_head(g)) {
            // SAFETY: a tracked head belongs to a live container.
            out.push(unsafe { ObjectRef::from_raw(object_of_gc(h)) }.to_owned());
        }
    }
    out
}

/// Whether any tracked object has a finaliser that has not run, or weak references to it: what
/// decides if tearing the program down at exit can print anything.
pub fn anything_to_finalize() -> bool {
    (0..=PERMANENT).any(|g| {
        let list = list_head(g);
        // SAFETY: the list's links are valid and its nodes live containers; we only read.
        unsafe {
            let mut p = list.as_ref().next.get();
            while p != list.as_ptr() {
                let h = &*p;
                let flags = h.prev.get() & FLAGS;
                if flags & WEAKREFS != 0 {
                    return true;
                }
                if flags & FINALIZED == 0 {
                    let o = object_of_gc(NonNull::new_unchecked(p));
                    if o.as_ref().ob_type().slots.finalize.get().is_some() {
                        return true;
                    }
                }
                p = h.next.get();
            }
        }
        false
    })
}

/// `gc.freeze()`: every tracked object moves to the permanent generation, which is never
/// collected.
pub fn freeze() {
    for g in 0..NUM_GENERATIONS {
        // SAFETY: sentinels with valid links.
        unsafe { splice(list_head(g), list_head(PERMANENT)) };
    }
    with_state(|s| s.count.set(0));
}

/// `gc.unfreeze()`: the permanent generation goes back to the oldest one.
pub fn unfreeze() {
    // SAFETY: sentinels with valid links.
    unsafe { splice(list_head(PERMANENT), list_head(NUM_GENERATIONS - 1)) };
}

/// `gc.get_freeze_count()`.
pub fn freeze_count() -> usize {
    list_nodes(list_head(PERMANENT)).len()
}

/// Owned references to the objects of `nodes`.
pub(crate) fn owned(nodes: &[NonNull<GcHead>]) -> Vec<Object> {
    nodes
        .iter()
        // SAFETY: tracked heads belong to live containers.
        .map(|h| unsafe { ObjectRef::from_raw(object_of_gc(*h)) }.to_owned())
        .collect()
}
