//! One collection of a generation (and every younger one): find the cyclic garbage by
//! subtracting internal references, then handle it per PEP 442 (weakrefs, finalisers,
//! resurrection, `clear`). Also the automatic trigger and `gc.callbacks`.

use std::cell::RefCell;
use std::ptr::NonNull;

use super::{
    COLLECTING, FINALIZED, FLAGS, NUM_GENERATIONS, WEAKREFS, link_tail, list_head, list_nodes,
    owned, set_object_flag, splice, traverse_object, with_state,
};
use crate::object::alloc::{gc_head, object_of_gc};
use crate::object::{GcHead, Object, ObjectRef};

/// The refcount copy lives above the flag bits of `prev` during a collection.
const REFS_SHIFT: u32 = 3;
const REFS_ONE: usize = 1 << REFS_SHIFT;

/// `gc.DEBUG_SAVEALL`: garbage goes to `gc.garbage` instead of being freed.
pub const DEBUG_SAVEALL: u32 = 32;

/// The `gc.callbacks` and `gc.garbage` lists, once the `gc` module exists.
static LISTS: crate::gil::GilCell<RefCell<Option<(Object, Object)>>> =
    crate::gil::GilCell::new(RefCell::new(None));

/// Registers the `gc` module's `callbacks` and `garbage` lists.
pub(crate) fn set_module_lists(callbacks: Object, garbage: Object) {
    LISTS.with(|l| *l.borrow_mut() = Some((callbacks, garbage)));
}

/// The head of `r` if it is a container in the set being collected.
#[inline]
fn collecting_head(r: ObjectRef<'_>) -> Option<NonNull<GcHead>> {
    let h = r.header()?;
    if h.is_immortal() || !r.type_().is_gc() {
        return None;
    }
    // SAFETY: a mortal container carries a head.
    let head = unsafe { gc_head(r.raw()) };
    // SAFETY: the head is live while `r` is.
    if unsafe { head.as_ref() }.prev.get() & COLLECTING != 0 { Some(head) } else { None }
}

fn obj_of(h: NonNull<GcHead>) -> ObjectRef<'static> {
    // SAFETY: heads in the collector's vectors belong to containers that stay alive for the
    // whole collection (tracked, or held by the collector's own references) (docs/vm.md, "The
    // cycle collector").
    unsafe { ObjectRef::from_raw(object_of_gc(h)) }
}

/// Stores `refcount - held` in each head and subtracts the references the set's members hold to
/// each other; returns with `COLLECTING` set on all of them. Breaks the heads' `prev` links: the
/// caller relinks them.
fn subtract_internal(nodes: &[NonNull<GcHead>], held: usize) {
    for &h in nodes {
        init_refs(h, held);
    }
    subtract_only(nodes);
}

/// Stores `refcount - held` and `COLLECTING` in the head, keeping the persistent flags.
#[inline]
fn init_refs(h: NonNull<GcHead>, held: usize) {
    let o = obj_of(h);
    let rc = o.refcnt().unwrap_or(0).saturating_sub(held);
    // SAFETY: the head is live (see `obj_of`).
    let head = unsafe { h.as_ref() };
    let keep = head.prev.get() & (FINALIZED | WEAKREFS);
    head.prev.set((rc << REFS_SHIFT) | COLLECTING | keep);
}

/// The nodes of list `list` with their refcount copies initialised, in one walk (the `prev`
/// links are overwritten; `next` links stay valid until the caller relinks).
fn nodes_with_refs(list: NonNull<GcHead>) -> Vec<NonNull<GcHead>> {
    let mut out = Vec::new();
    // SAFETY: the list's `next` links are valid; only `prev` is written.
    unsafe {
        let mut p = list.as_ref().next.get();
        while p != list.as_ptr() {
            let n = NonNull::new_unchecked(p);
            p = n.as_ref().next.get();
            init_refs(n, 0);
            out.push(n);
        }
    }
    out
}

/// Subtracts the references the members hold to each other from their refcount copies.
fn subtract_only(nodes: &[NonNull<GcHead>]) {
    for &h in nodes {
        traverse_object(obj_of(h), &mut |r| {
            if let Some(rh) = collecting_head(r) {
                // SAFETY: found live just above.
                let p = unsafe { rh.as_ref() }.prev.get();
                // A traverse visiting more than the object owns would drive this below zero;
                // stopping at zero keeps the object alive rather than freeing a live one.
                if p >> REFS_SHIFT > 0 {
                    // SAFETY: as above.
                    unsafe { rh.as_ref() }.prev.set(p - REFS_ONE);
                }
            }
        });
    }
}

/// Clears `COLLECTING` on every member with outside references and on everything they reach:
/// what keeps the flag is unreachable from outside.
fn mark_reachable(nodes: &[NonNull<GcHead>]) {
    let mut stack = Vec::new();
    for &h in nodes {
        // SAFETY: the head is live (see `obj_of`).
        let head = unsafe { h.as_ref() };
        let p = head.prev.get();
        if p & COLLECTING != 0 && p >> REFS_SHIFT > 0 {
            head.prev.set(p & !COLLECTING);
            stack.push(h);
        }
    }
    let mut found = Vec::new();
    while let Some(h) = stack.pop() {
        traverse_object(obj_of(h), &mut |r| {
            if let Some(rh) = collecting_head(r) {
                // SAFETY: found live just above.
                let head = unsafe { rh.as_ref() };
                head.prev.set(head.prev.get() & !COLLECTING);
                found.push(rh);
            }
        });
        stack.append(&mut found);
    }
}

/// Relinks every node: the ones still `COLLECTING` into `unreachable`, the others into `older`.
/// Clears the refcount copies, keeps the flags.
fn relink(
    nodes: &[NonNull<GcHead>],
    unreachable: NonNull<GcHead>,
    older: NonNull<GcHead>,
) -> usize {
    let mut survivors = 0;
    for &h in nodes {
        // SAFETY: the head is live (see `obj_of`) and, its links having been overwritten, in no
        // list; both targets are circular list heads.
        unsafe {
            let head = h.as_ref();
            head.prev.set(head.prev.get() & FLAGS);
            head.next.set(std::ptr::null_mut());
            if head.prev.get() & COLLECTING != 0 {
                link_tail(unreachable, h);
            } else {
                survivors += 1;
                link_tail(older, h);
            }
        }
    }
    survivors
}

/// Collects generation `generation` (0..=2) and the younger ones; returns the number of
/// unreachable objects found, as `gc.collect()` does. Does nothing (0) while another collection
/// is running.
pub fn collect(generation: usize) -> usize {
    let generation = generation.min(NUM_GENERATIONS - 1);
    if with_state(|s| s.collecting.replace(true)) {
        return 0;
    }
    if generation == NUM_GENERATIONS - 1 {
        crate::types::typelookup::clear_method_cache();
    }
    invoke_callbacks("start", generation, 0);
    let n = collect_generation(generation);
    invoke_callbacks("stop", generation, n);
    with_state(|s| s.collecting.set(false));
    n
}

/// The eval loop's check: runs the collection the allocation count asked for, choosing the
/// oldest generation whose count passed its threshold.
pub fn collect_if_pending() {
    let generation = with_state(|s| {
        if !s.pending.replace(false) || s.collecting.get() || !s.enabled.get() {
            return None;
        }
        let mut g = 0;
        for i in (1..NUM_GENERATIONS).rev() {
            let t = s.threshold[i].get();
            if t != 0 && s.gen_count[i].get() > t {
                // A full collection only once enough objects were promoted since the last one
                // (CPython's 25% rule), so that large heaps do not make collection quadratic.
                if i == NUM_GENERATIONS - 1
                    && s.long_lived_pending.get() < s.long_lived_total.get() / 4
                {
                    continue;
                }
                g = i;
                break;
            }
        }
        Some(g)
    });
    if let Some(g) = generation {
        collect(g);
    }
}

fn collect_generation(generation: usize) -> usize {
    for g in 0..generation {
        // SAFETY: sentinels with valid links.
        unsafe { splice(list_head(g), list_head(generation)) };
    }
    with_state(|s| {
        if generation + 1 < NUM_GENERATIONS {
            let c = &s.gen_count[generation + 1];
            c.set(c.get() + 1);
        }
        s.count.set(0);
        for g in 1..=generation {
            s.gen_count[g].set(0);
        }
        s.pending.set(false);
    });
    let young = list_head(generation);
    let older_index = (generation + 1).min(NUM_GENERATIONS - 1);
    let older = list_head(older_index);
    let nodes = nodes_with_refs(young);
    subtract_only(&nodes);
    mark_reachable(&nodes);
    // SAFETY: every node of `young` is in `nodes` and about to be relinked elsewhere.
    unsafe {
        let y = young.as_ref();
        y.next.set(young.as_ptr());
        y.prev.set(young.as_ptr() as usize);
    }
    let unreachable_box = Box::new(GcHead::new());
    let unreachable = NonNull::from(&*unreachable_box);
    // SAFETY: a fresh head, made circular.
    unsafe {
        unreachable.as_ref().next.set(unreachable.as_ptr());
        unreachable.as_ref().prev.set(unreachable.as_ptr() as usize);
    }
    let survivors = relink(&nodes, unreachable, older);
    with_state(|s| {
        if generation == NUM_GENERATIONS - 1 {
            s.long_lived_total.set(survivors);
            s.long_lived_pending.set(0);
        } else if older_index == NUM_GENERATIONS - 1 {
            s.long_lived_pending.set(s.long_lived_pending.get() + survivors);
        }
    });
    let garbage_nodes = list_nodes(unreachable);
    let collected = if garbage_nodes.is_empty() {
        0
    } else {
        handle_garbage(&garbage_nodes, unreachable, older)
    };
    // Whatever survived its clearing (a cycle no `clear` slot could break) joins the old objects.
    // SAFETY: both heads have valid links; the local head is emptied before it is dropped.
    unsafe { splice(unreachable, older) };
    drop(unreachable_box);
    with_state(|s| {
        let st = &s.stats[generation];
        st[0].set(st[0].get() + 1);
        st[1].set(st[1].get() + collected);
    });
    collected
}

/// PEP 442 on the unreachable set (linked in `unreachable`): weakref callbacks, finalisers,
/// resurrection, then clearing. Returns how many objects were found unreachable and not
/// resurrected.
fn handle_garbage(
    nodes: &[NonNull<GcHead>],
    unreachable: NonNull<GcHead>,
    older: NonNull<GcHead>,
) -> usize {
    // Our own references keep every member alive until the end, whatever Python code runs.
    let garbage: Vec<Object> = owned(nodes);
    // Weak references to garbage are cleared; the callbacks of those that are not garbage
    // themselves run now, before any finaliser.
    let mut callbacks: Vec<(Object, Object)> = Vec::new();
    for o in &garbage {
        if super::object_flags(o.as_ref()) & WEAKREFS != 0 {
            crate::types::weakref::clear_for_collector(o.as_ref(), &mut callbacks);
        }
    }
    for (wr, cb) in callbacks {
        if let Err(e) = crate::ops::call(cb.as_ref(), &[wr], None) {
            super::write_unraisable(
                e,
                "Exception ignored on calling weakref callback",
                Some(cb.as_ref()),
            );
        }
    }
    // Finalisers, once per object ever.
    let mut finalised = false;
    for o in &garbage {
        if let Some(fin) = o.type_().slots.finalize.get()
            && super::object_flags(o.as_ref()) & FINALIZED == 0
        {
            set_object_flag(o.as_ref(), FINALIZED, true);
            fin(o.as_ref());
            finalised = true;
        }
    }
    if finalised {
        // A finaliser may have stored a reference to a member somewhere reachable: recount
        // (less our own reference) and keep whatever is referenced from outside now, with all it
        // reaches.
        subtract_internal(nodes, 1);
        mark_reachable(nodes);
        for &h in nodes {
            // SAFETY: live (held by `garbage`); the links are rebuilt by `relink` just below.
            unsafe { h.as_ref().next.set(std::ptr::null_mut()) };
        }
        // SAFETY: the local head's members are all in `nodes` and get relinked.
        unsafe {
            unreachable.as_ref().next.set(unreachable.as_ptr());
            unreachable.as_ref().prev.set(unreachable.as_ptr() as usize);
        }
        relink(nodes, unreachable, older);
    }
    let mut still: Vec<&Object> =
        garbage.iter().filter(|o| super::object_flags(o.as_ref()) & COLLECTING != 0).collect();
    if finalised {
        // CPython frees an object whose finaliser broke its last cycle as soon as the finaliser
        // returns, and does not count it: leave out what only our own references keep alive.
        let dying = freed_by_refcount(&still);
        if !dying.is_empty() {
            still.retain(|o| !dying.contains(&o.id()));
        }
    }
    // An instance's attributes are part of it until its `__dict__` is asked for (shared-key
    // values, as CPython 3.14's inline values): a materialised dict counts, as in CPython.
    let count = still.len();
    for o in &still {
        set_object_flag(o.as_ref(), COLLECTING, false);
    }
    let save_all = with_state(|s| s.debug.get() & DEBUG_SAVEALL != 0);
    if save_all {
        if let Some(list) = LISTS.with(|l| l.borrow().as_ref().map(|(_, g)| g.clone()))
            && let Some(l) = crate::types::list::as_list(list.as_ref())
        {
            for o in &still {
                l.append((*o).clone());
            }
        }
    } else {
        for o in &still {
            if let Some(clear) = o.type_().slots.clear.get() {
                clear(o.as_ref());
            }
        }
    }
    drop(still);
    drop(garbage);
    count
}

/// The members of `set` that would be freed by refcounting alone once the collector's own
/// reference (one each) is dropped: nothing but other such members refers to them.
fn freed_by_refcount(set: &[&Object]) -> std::collections::HashSet<usize> {
    use std::collections::{HashMap, HashSet};
    let mut rc: HashMap<usize, usize> =
        set.iter().map(|o| (o.id(), o.refcnt().unwrap_or(1).saturating_sub(1))).collect();
    let by_id: HashMap<usize, ObjectRef<'_>> = set.iter().map(|o| (o.id(), o.as_ref())).collect();
    let mut dead = HashSet::new();
    let mut work: Vec<ObjectRef<'_>> =
        set.iter().filter(|o| rc[&o.id()] == 0).map(|o| o.as_ref()).collect();
    while let Some(o) = work.pop() {
        if !dead.insert(o.id()) {
            continue;
        }
        let mut freed = Vec::new();
        traverse_object(o, &mut |r| {
            if let Some(c) = rc.get_mut(&r.id())
                && *c > 0
            {
                *c -= 1;
                if *c == 0 {
                    freed.push(r.id());
                }
            }
        });
        work.extend(freed.into_iter().filter_map(|id| by_id.get(&id).copied()));
    }
    dead
}

/// Calls each of `gc.callbacks` with `(phase, info)`.
fn invoke_callbacks(phase: &str, generation: usize, collected: usize) {
    let Some(cbs) = LISTS.with(|l| l.borrow().as_ref().map(|(c, _)| c.clone())) else { return };
    let Some(list) = crate::types::list::as_list(cbs.as_ref()) else { return };
    if list.len() == 0 {
        return;
    }
    let info = crate::types::dict::new_dict();
    let d = crate::types::dict::as_dict(info.as_ref()).expect("dict");
    let _ = d.set_str("generation", crate::types::int::new_int_i64(generation as i64));
    let _ = d.set_str("collected", crate::types::int::new_int_i64(collected as i64));
    let _ = d.set_str("uncollectable", crate::types::int::new_int_i64(0));
    let phase = crate::types::str::new_str(phase);
    let mut i = 0;
    while let Some(cb) = list.get(i) {
        if let Err(e) = crate::ops::call(cb.as_ref(), &[phase.clone(), info.clone()], None) {
            super::write_unraisable(
                e,
                "Exception ignored while calling GC callback",
                Some(cb.as_ref()),
            );
        }
        i += 1;
    }
}
