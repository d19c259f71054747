//! The hot paths allocate nothing: arithmetic on tagged ints, comparisons, hashing a str whose hash
//! is cached, dict lookups by str and int key, float arithmetic once the free list is warm, and
//! indexing. Counted with an allocator that tallies this thread's allocations.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use taipan_vm::object::Object;
use taipan_vm::ops::{self, BinOp};
use taipan_vm::types::dict::{as_dict, new_dict};
use taipan_vm::types::float::new_float;
use taipan_vm::types::list::new_list;
use taipan_vm::types::str::new_str;
use taipan_vm::types::tuple::new_tuple;
use taipan_vm::types::typeobject::CompareOp;

struct Counting;

thread_local! {
    static ALLOCS: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: forwards every call to the system allocator unchanged; the counter is a const
// thread-local without a destructor, so bumping it never allocates or re-enters.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let _ = ALLOCS.try_with(|c| c.set(c.get() + 1));
        // SAFETY: same contract as ours.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as ours.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let _ = ALLOCS.try_with(|c| c.set(c.get() + 1));
        // SAFETY: same contract as ours.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocations_in(f: impl FnOnce()) -> usize {
    let before = ALLOCS.get();
    f();
    ALLOCS.get() - before
}

#[test]
fn hot_paths_do_not_allocate() {
    let _gil = taipan_vm::gil::hold();
    let a = Object::try_small_int(1_000_000).unwrap();
    let b = Object::try_small_int(-7).unwrap();
    let key = new_str("some_name");
    let d = new_dict();
    let dp = as_dict(d.as_ref()).unwrap();
    dp.set_item(key.clone(), a.clone()).unwrap();
    dp.set_item(b.clone(), a.clone()).unwrap();
    let l = new_list(vec![a.clone(), b.clone()]);
    let t = new_tuple(vec![a.clone(), b.clone()]);
    let x = new_float(1.5);
    let body = || {
        let s = ops::binary_op(a.as_ref(), b.as_ref(), BinOp::Add).unwrap();
        let s = ops::binary_op(s.as_ref(), b.as_ref(), BinOp::Mul).unwrap();
        let s = ops::binary_op(s.as_ref(), b.as_ref(), BinOp::FloorDiv).unwrap();
        let _ = ops::binary_op(s.as_ref(), b.as_ref(), BinOp::Mod).unwrap();
        let _ = ops::rich_compare_bool(a.as_ref(), b.as_ref(), CompareOp::Lt).unwrap();
        let _ = ops::hash(key.as_ref()).unwrap();
        let _ = dp.get_item(key.as_ref()).unwrap().unwrap();
        let _ = dp.get_item(b.as_ref()).unwrap().unwrap();
        let _ = dp.get_str("some_name").unwrap().unwrap();
        let _ = ops::getitem(l.as_ref(), Object::try_small_int(-1).unwrap().as_ref()).unwrap();
        let _ = ops::getitem(t.as_ref(), Object::try_small_int(1).unwrap().as_ref()).unwrap();
        let f = ops::binary_op(x.as_ref(), x.as_ref(), BinOp::Mul).unwrap();
        let _ = ops::binary_op(f.as_ref(), a.as_ref(), BinOp::Add).unwrap();
        let _ = ops::is_true(l.as_ref()).unwrap();
    };
    // Warm up once (hash caches, the float free list, thread-locals), then count.
    body();
    let n = allocations_in(|| {
        for _ in 0..1000 {
            body();
        }
    });
    assert_eq!(n, 0, "{n} allocations on the hot paths");
}
