//! The cycle collector: cycles of lists, dicts and instances are found and freed, reachable ones
//! are kept, `gc.collect()` counts, deep structures are collected without overflowing a small
//! stack, finalisers run once and may resurrect. Expected outputs of the Python programs were
//! produced by the oracle (`/work/shared/tools/cpython3.14`).

use taipan_compiler::{CompileOptions, compile_source};
use taipan_vm::builtins::sys::{start_capture, take_capture};
use taipan_vm::gc;
use taipan_vm::types::dict::{as_dict, new_dict};
use taipan_vm::types::list::{as_list, new_list};
use taipan_vm::types::str::new_str;
use taipan_vm::types::tuple::new_tuple;

fn run(src: &str) -> String {
    let code =
        compile_source(src.as_bytes(), "<test>", &CompileOptions::default()).expect("compiles");
    start_capture();
    let r = taipan_vm::run::exec_code(code, &taipan_vm::run::new_globals());
    let out = take_capture();
    if let Err(e) = r {
        panic!("{}", taipan_vm::traceback::exception_summary(e.instance()));
    }
    out
}

/// These tests count what the collector frees, which is interpreter-wide: they run one at a
/// time, or one test's Python code hands the GIL to another test's thread at its switch interval
/// and each collects the other's garbage.
fn serial() -> std::sync::MutexGuard<'static, ()> {
    static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());
    SERIAL.lock().unwrap_or_else(|e| e.into_inner())
}

fn on_small_stack<F: FnOnce() + Send + 'static>(f: F) {
    let h = std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || {
            let _gil = taipan_vm::gil::hold();
            f()
        })
        .expect("thread");
    taipan_vm::gil::allow_threads(move || h.join()).expect("no panic");
}

#[test]
fn list_and_dict_cycles_are_freed() {
    let _serial = serial();
    let _gil = taipan_vm::gil::hold();
    gc::collect(2);
    let l = new_list(Vec::new());
    as_list(l.as_ref()).unwrap().append(l.clone());
    assert!(gc::is_tracked(l.as_ref()));
    drop(l);
    assert_eq!(gc::collect(2), 1);

    let d = new_dict();
    as_dict(d.as_ref()).unwrap().set_item(new_str("me"), d.clone()).unwrap();
    drop(d);
    assert_eq!(gc::collect(2), 1);

    // A ring of three lists through a tuple: all four are garbage.
    let a = new_list(Vec::new());
    let b = new_list(vec![a.clone()]);
    let t = new_tuple(vec![b.clone()]);
    as_list(a.as_ref()).unwrap().append(t.clone());
    drop((a, b, t));
    assert_eq!(gc::collect(2), 3);
    assert_eq!(gc::collect(2), 0);
}

#[test]
fn reachable_cycles_are_kept() {
    let _serial = serial();
    let _gil = taipan_vm::gil::hold();
    gc::collect(2);
    let l = new_list(Vec::new());
    as_list(l.as_ref()).unwrap().append(l.clone());
    let inner = new_list(vec![l.clone()]);
    as_list(l.as_ref()).unwrap().append(inner);
    assert_eq!(gc::collect(2), 0);
    assert_eq!(as_list(l.as_ref()).unwrap().len(), 2);
    assert_eq!(l.refcnt(), Some(3));
    as_list(l.as_ref()).unwrap().clear();
}

#[test]
fn tuples_of_atoms_are_untracked() {
    let _serial = serial();
    let _gil = taipan_vm::gil::hold();
    let t = new_tuple(vec![new_str("a"), new_str("b")]);
    assert!(!gc::is_tracked(t.as_ref()));
    let t2 = new_tuple(vec![new_list(Vec::new())]);
    assert!(gc::is_tracked(t2.as_ref()));
}

#[test]
fn deep_cyclic_chain_on_a_small_stack() {
    let _serial = serial();
    let _gil = taipan_vm::gil::hold();
    on_small_stack(|| {
        gc::collect(2);
        let head = new_list(Vec::new());
        let mut node = head.clone();
        for _ in 0..200_000 {
            let next = new_list(Vec::new());
            as_list(node.as_ref()).unwrap().append(next.clone());
            node = next;
        }
        as_list(node.as_ref()).unwrap().append(head.clone());
        drop(node);
        assert_eq!(gc::collect(2), 0);
        drop(head);
        assert_eq!(gc::collect(2), 200_001);
    });
}

#[test]
fn instances_finalisers_and_resurrection() {
    let _serial = serial();
    let _gil = taipan_vm::gil::hold();
    let out = run(r#"
import gc
gc.collect()
class D:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
a, b = D(1), D(2)
a.o, b.o = b, a
del a, b
print("collected", gc.collect())
saved = []
class R:
    def __del__(self):
        print("resurrect")
        saved.append(self)
r = R(); r.me = r
del r
print("collected", gc.collect())
print(len(saved), gc.is_finalized(saved[0]))
saved.clear()
print("collected", gc.collect())
"#);
    assert_eq!(out, "del 1\ndel 2\ncollected 2\nresurrect\ncollected 0\n1 True\ncollected 1\n");
}

#[test]
fn weakref_callbacks_before_finalisers() {
    let _serial = serial();
    let _gil = taipan_vm::gil::hold();
    let out = run(r#"
import gc, _weakref
gc.collect()
class D:
    def __del__(self): print("del")
d = D(); d.me = d
w = _weakref.ref(d, lambda r: print("callback", r() is None))
del d
print(gc.collect())
"#);
    assert_eq!(out, "callback True\ndel\n1\n");
}

#[test]
fn finaliser_mutating_the_graph_is_safe() {
    let _serial = serial();
    let _gil = taipan_vm::gil::hold();
    let out = run(r#"
import gc
gc.collect()
keep = []
class M:
    def __del__(self):
        # Mutates other garbage and makes new objects while the collector runs.
        self.peer.peer = None
        keep.append([self.peer])
        gc.collect()
x, y = M(), M()
x.peer, y.peer = y, x
del x, y
print(gc.collect(), len(keep))
keep.clear()
print(gc.collect())
"#);
    assert_eq!(out, "0 1\n0\n");
}
