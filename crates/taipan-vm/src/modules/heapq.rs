//! The `_heapq` module: the binary-heap primitives over a list (min-heaps and, as 3.14 has
//! them, the `_max` variants). The order of `<` comparisons follows CPython's C code exactly,
//! since it is observable through `__lt__`, and a list resized by a comparison raises
//! `RuntimeError` as there.

use crate::error::{PyErr, PyResult};
use crate::object::{Object, ObjectRef};
use crate::ops::rich_compare_bool;
use crate::types::dict::as_dict;
use crate::types::function::new_builtin_function;
use crate::types::list::{ListPayload, as_list};
use crate::types::module::{module_dict, new_module};
use crate::types::singletons::none;
use crate::types::str::new_str;
use crate::types::typeobject::CompareOp;

/// Which way the heap is ordered.
#[derive(Clone, Copy)]
enum Order {
    Min,
    Max,
}

/// Whether `a` should sit above `b` in the heap (`a < b` for a min-heap, `b < a` for a max-heap).
fn above(order: Order, a: &Object, b: &Object) -> PyResult<bool> {
    match order {
        Order::Min => rich_compare_bool(a.as_ref(), b.as_ref(), CompareOp::Lt),
        Order::Max => rich_compare_bool(b.as_ref(), a.as_ref(), CompareOp::Lt),
    }
}

fn changed_size() -> PyErr {
    PyErr::new(&crate::types::exceptions::RUNTIME_ERROR, "list changed size during iteration")
}

fn out_of_range() -> PyErr {
    PyErr::index_error("list index out of range")
}

/// Moves the item at `pos` up towards `start` while it belongs above its parent.
fn sift_down(heap: &ListPayload, order: Order, start: usize, mut pos: usize) -> PyResult<()> {
    let size = heap.len();
    if pos >= size {
        return Err(out_of_range());
    }
    while pos > start {
        let parent_pos = (pos - 1) >> 1;
        let (Some(item), Some(parent)) = (heap.get(pos), heap.get(parent_pos)) else {
            return Err(out_of_range());
        };
        let up = above(order, &item, &parent)?;
        if heap.len() != size {
            return Err(changed_size());
        }
        if !up {
            break;
        }
        heap.swap(parent_pos, pos);
        pos = parent_pos;
    }
    Ok(())
}

/// Moves the item at `pos` down to a leaf along the path of preferred children, then back up to
/// its place (CPython's `siftup`).
fn sift_up(heap: &ListPayload, order: Order, mut pos: usize) -> PyResult<()> {
    let end = heap.len();
    let start = pos;
    if pos >= end {
        return Err(out_of_range());
    }
    let limit = end >> 1;
    while pos < limit {
        let mut child = 2 * pos + 1;
        if child + 1 < end {
            let (Some(a), Some(b)) = (heap.get(child), heap.get(child + 1)) else {
                return Err(out_of_range());
            };
            // The right child wins unless the left one belongs above it.
            let left_first = above(order, &a, &b)?;
            if !left_first {
                child += 1;
            }
            if heap.len() != end {
                return Err(changed_size());
            }
        }
        if !heap.swap(child, pos) {
            return Err(changed_size());
        }
        pos = child;
    }
    sift_down(heap, order, start, pos)
}

/// The list argument, or CPython's `TypeError`.
fn list_arg<'a>(o: &'a Object, fname: &str, which: &str) -> PyResult<&'a ListPayload> {
    as_list(o.as_ref()).ok_or_else(|| {
        PyErr::type_error(format!(
            "{fname}() argument{which} must be list, not {}",
            o.as_ref().type_().name()
        ))
    })
}

/// Checks a two-argument call and returns `(heap, item)`.
fn two_args<'a>(
    args: &'a [Object],
    kw: Option<ObjectRef<'a>>,
    fname: &str,
) -> PyResult<(&'a ListPayload, &'a Object)> {
    let a = crate::builtins::args::Args::new(args, kw);
    if !a.kw.is_empty() {
        a.no_kw_at_all(&format!("_heapq.{fname}"))?;
    }
    a.count(fname, 2, 2)?;
    Ok((list_arg(&a.pos[0], fname, " 1")?, &a.pos[1]))
}

/// Checks a one-argument call and returns the heap.
fn one_arg<'a>(
    args: &'a [Object],
    kw: Option<ObjectRef<'a>>,
    fname: &str,
) -> PyResult<&'a ListPayload> {
    let a = crate::builtins::args::Args::new(args, kw);
    let qual = format!("_heapq.{fname}");
    a.no_kw_at_all(&qual)?;
    a.count(&qual, 1, 1)?;
    list_arg(&a.pos[0], fname, "")
}

fn push(args: &[Object], kw: Option<ObjectRef<'_>>, fname: &str, order: Order) -> PyResult<Object> {
    let (heap, item) = two_args(args, kw, fname)?;
    heap.append(item.clone());
    sift_down(heap, order, 0, heap.len() - 1)?;
    Ok(none())
}

fn pop(args: &[Object], kw: Option<ObjectRef<'_>>, fname: &str, order: Order) -> PyResult<Object> {
    let heap = one_arg(args, kw, fname)?;
    let Some(last) = heap.pop() else {
        return Err(PyErr::index_error("index out of range"));
    };
    if heap.is_empty() {
        return Ok(last);
    }
    let Some(top) = heap.set(0, last) else {
        return Err(PyErr::index_error("index out of range"));
    };
    sift_up(heap, order, 0)?;
    Ok(top)
}

fn replace(
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
    fname: &str,
    order: Order,
) -> PyResult<Object> {
    let (heap, item) = two_args(args, kw, fname)?;
    let Some(top) = heap.set(0, item.clone()) else {
        return Err(PyErr::index_error("index out of range"));
    };
    sift_up(heap, order, 0)?;
    Ok(top)
}

fn push_pop(
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
    fname: &str,
    order: Order,
) -> PyResult<Object> {
    let (heap, item) = two_args(args, kw, fname)?;
    let Some(top) = heap.get(0) else {
        return Ok(item.clone());
    };
    if !above(order, &top, item)? {
        return Ok(item.clone());
    }
    let Some(top) = heap.set(0, item.clone()) else {
        return Err(PyErr::index_error("index out of range"));
    };
    sift_up(heap, order, 0)?;
    Ok(top)
}

/// The highest power of two not above `n` (0 for 0).
fn keep_top_bit(n: usize) -> usize {
    if n == 0 { 0 } else { 1 << (usize::BITS - 1 - n.leading_zeros()) }
}

fn heapify_impl(
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
    fname: &str,
    order: Order,
) -> PyResult<Object> {
    let heap = one_arg(args, kw, fname)?;
    let n = heap.len();
    if n > 2500 {
        // Big heaps: CPython's cache-friendly order, which sifts subtrees bottom-up row by row;
        // it is observable through `__lt__`, so it is kept.
        let m = n >> 1;
        let leftmost = keep_top_bit(m + 1) - 1;
        let mhalf = m >> 1;
        let run = |lo: usize, hi: usize| -> PyResult<()> {
            for i in (lo..hi).rev() {
                let mut j = i;
                loop {
                    sift_up(heap, order, j)?;
                    if j & 1 == 0 {
                        break;
                    }
                    j >>= 1;
                }
            }
            Ok(())
        };
        run(mhalf, leftmost)?;
        run(leftmost, m)?;
    } else {
        for i in (0..n >> 1).rev() {
            sift_up(heap, order, i)?;
        }
    }
    Ok(none())
}

macro_rules! entry {
    ($name:ident, $impl:ident, $py:literal, $order:expr) => {
        fn $name(
            _: Option<ObjectRef<'_>>,
            args: &[Object],
            kw: Option<ObjectRef<'_>>,
        ) -> PyResult<Object> {
            $impl(args, kw, $py, $order)
        }
    };
}

entry!(heappush, push, "heappush", Order::Min);
entry!(heappush_max, push, "heappush_max", Order::Max);
entry!(heappop, pop, "heappop", Order::Min);
entry!(heappop_max, pop, "heappop_max", Order::Max);
entry!(heapreplace, replace, "heapreplace", Order::Min);
entry!(heapreplace_max, replace, "heapreplace_max", Order::Max);
entry!(heappushpop, push_pop, "heappushpop", Order::Min);
entry!(heappushpop_max, push_pop, "heappushpop_max", Order::Max);
entry!(heapify, heapify_impl, "heapify", Order::Min);
entry!(heapify_max, heapify_impl, "heapify_max", Order::Max);

/// Makes the `_heapq` module.
pub fn make_module() -> PyResult<Object> {
    let m = new_module("_heapq");
    let d = as_dict(module_dict(m.as_ref()).expect("dict")).expect("dict");
    d.set_str(
        "__doc__",
        new_str(
            "Heap queues: lists kept so that heap[k] <= heap[2*k+1] and heap[k] <= heap[2*k+2].",
        ),
    )?;
    d.set_str("__about__", new_str("Heap queues: lists kept in heap order."))?;
    let fns: [(&'static str, crate::types::function::NativeFn); 10] = [
        ("heappush", heappush),
        ("heappush_max", heappush_max),
        ("heappop", heappop),
        ("heappop_max", heappop_max),
        ("heapreplace", heapreplace),
        ("heapreplace_max", heapreplace_max),
        ("heappushpop", heappushpop),
        ("heappushpop_max", heappushpop_max),
        ("heapify", heapify),
        ("heapify_max", heapify_max),
    ];
    for (name, f) in fns {
        d.set_str(name, new_builtin_function(name, f))?;
    }
    Ok(m)
}
