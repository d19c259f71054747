//! set and frozenset: iteration order and repr match CPython's table layout through additions,
//! deletions, resizes, copies and the set algebra. Expected values from the oracle, with
//! PYTHONHASHSEED=0 for the str cases (commands in comments, `r()` printing repr or the error).

mod common;

use common::{outcome, repr};
use taipan_vm::hash::{HashSecret, set_secret};
use taipan_vm::object::Object;
use taipan_vm::ops::{self, BinOp};
use taipan_vm::types::list::new_list;
use taipan_vm::types::set::{as_set, new_frozenset, new_set};
use taipan_vm::types::str::new_str;
use taipan_vm::types::typeobject::CompareOp;

fn i(v: i64) -> Object {
    Object::try_small_int(v).unwrap()
}

fn ints(vs: &[i64]) -> Vec<Object> {
    vs.iter().map(|&v| i(v)).collect()
}

fn strs(vs: &[&str]) -> Vec<Object> {
    vs.iter().map(|s| new_str(s)).collect()
}

fn seed0() {
    assert!(set_secret(HashSecret::from_seed(0)));
}

#[test]
fn display_order_and_repr() {
    let _gil = taipan_vm::gil::hold();
    seed0();
    // A constant set display compiles to BUILD_SET 0; LOAD_CONST frozenset(...); SET_UPDATE, so its
    // order is the frozenset's merged into an empty set:
    // {5, 1, 33, 17, 9, 2} -> {1, 33, 2, 17, 5, 9}, while set((5, 1, 33, 17, 9, 2)) and
    // frozenset(...) add one by one -> {1, 33, 2, 5, 9, 17}.
    let display = |items: Vec<Object>| {
        let empty = new_set(vec![]).unwrap();
        let constant = new_frozenset(items).unwrap();
        repr(ops::binary_op(empty.as_ref(), constant.as_ref(), BinOp::Or).unwrap().as_ref())
    };
    assert_eq!(display(ints(&[5, 1, 33, 17, 9, 2])), "{1, 33, 2, 17, 5, 9}");
    assert_eq!(
        repr(new_set(ints(&[5, 1, 33, 17, 9, 2])).unwrap().as_ref()),
        "{1, 33, 2, 5, 9, 17}"
    );
    assert_eq!(
        repr(new_frozenset(ints(&[5, 1, 33, 17, 9, 2])).unwrap().as_ref()),
        "frozenset({1, 33, 2, 5, 9, 17})"
    );
    // {"b", "a", "c", "dd"} -> {'c', 'a', 'b', 'dd'}
    assert_eq!(display(strs(&["b", "a", "c", "dd"])), "{'c', 'a', 'b', 'dd'}");
    assert_eq!(repr(new_set(vec![]).unwrap().as_ref()), "set()");
    assert_eq!(repr(new_frozenset(vec![]).unwrap().as_ref()), "frozenset()");
    assert_eq!(repr(new_frozenset(ints(&[3, 1])).unwrap().as_ref()), "frozenset({1, 3})");
    // list({"x%d" % i for i in range(12)})
    let names: Vec<String> = (0..12).map(|k| format!("x{k}")).collect();
    let s = new_set(names.iter().map(|n| new_str(n)).collect()).unwrap();
    assert_eq!(
        repr(s.as_ref()),
        "{'x0', 'x10', 'x11', 'x4', 'x8', 'x6', 'x1', 'x3', 'x9', 'x7', 'x2', 'x5'}"
    );
    // {frozenset({1})}
    let inner = new_frozenset(ints(&[1])).unwrap();
    assert_eq!(repr(new_set(vec![inner]).unwrap().as_ref()), "{frozenset({1})}");
}

#[test]
fn deletion_dummies_and_growth() {
    let _gil = taipan_vm::gil::hold();
    // s = set(range(20)); [s.discard(i) for i in range(0,20,3)]; s.add(100); s.add(3)
    // -> {1, 2, 4, 5, 7, 8, 10, 11, 13, 14, 16, 17, 3, 19, 100}
    let s = new_set((0..20).map(i).collect()).unwrap();
    let p = as_set(s.as_ref()).unwrap();
    for k in (0..20).step_by(3) {
        assert!(p.discard(i(k).as_ref()).unwrap());
    }
    p.add(i(100)).unwrap();
    p.add(i(3)).unwrap();
    assert_eq!(repr(s.as_ref()), "{1, 2, 4, 5, 7, 8, 10, 11, 13, 14, 16, 17, 3, 19, 100}");
    // x = {1,2,3}; x.pop(), x.pop(), x -> 1 2 {3}
    let x = new_set(ints(&[1, 2, 3])).unwrap();
    let xp = as_set(x.as_ref()).unwrap();
    assert_eq!(repr(xp.pop().unwrap().as_ref()), "1");
    assert_eq!(repr(xp.pop().unwrap().as_ref()), "2");
    assert_eq!(repr(x.as_ref()), "{3}");
    // set().pop() / {1}.remove(2)
    let e = new_set(vec![]).unwrap();
    assert_eq!(outcome(as_set(e.as_ref()).unwrap().pop()), "!KeyError: 'pop from an empty set'");
    let one = new_set(ints(&[1])).unwrap();
    let r = as_set(one.as_ref()).unwrap().remove(i(2).as_ref()).map(|_| i(0));
    assert_eq!(outcome(r), "!KeyError: 2");
    // [] in {1} / {1}.add([])
    let l = new_list(vec![]);
    let msg = "!TypeError: cannot use 'list' as a set element (unhashable type: 'list')";
    assert_eq!(outcome(ops::contains(one.as_ref(), l.as_ref()).map(|_| i(0))), msg);
    assert_eq!(outcome(as_set(one.as_ref()).unwrap().add(l.clone()).map(|_| i(0))), msg);
}

#[test]
fn set_algebra() {
    let _gil = taipan_vm::gil::hold();
    seed0();
    // a = {1,2,3,4,5,9,17,33}; b = {4,5,6,33,65}
    let a = new_set(ints(&[1, 2, 3, 4, 5, 9, 17, 33])).unwrap();
    let b = new_set(ints(&[4, 5, 6, 33, 65])).unwrap();
    let op = |x: &Object, y: &Object, o| outcome(ops::binary_op(x.as_ref(), y.as_ref(), o));
    assert_eq!(op(&a, &b, BinOp::Or), "{1, 2, 3, 4, 5, 33, 65, 6, 9, 17}");
    assert_eq!(op(&a, &b, BinOp::And), "{33, 4, 5}");
    assert_eq!(op(&a, &b, BinOp::Sub), "{1, 2, 3, 9, 17}");
    assert_eq!(op(&a, &b, BinOp::Xor), "{65, 1, 2, 3, 6, 9, 17}");
    assert_eq!(op(&b, &a, BinOp::Sub), "{65, 6}");
    let fa = new_frozenset(ints(&[1, 2, 3, 4, 5, 9, 17, 33])).unwrap();
    let fb = new_frozenset(ints(&[4, 5, 6, 33, 65])).unwrap();
    assert_eq!(op(&fa, &b, BinOp::Or), "frozenset({1, 2, 3, 4, 5, 33, 65, 6, 9, 17})");
    assert_eq!(op(&a, &fb, BinOp::Or), "{1, 2, 3, 4, 5, 33, 65, 6, 9, 17}");
    // set(range(100)) - {1, 2, 3, 50} (the copy-then-discard path): list(s)[:12]
    let big = new_set((0..100).map(i).collect()).unwrap();
    let d =
        ops::binary_op(big.as_ref(), new_set(ints(&[1, 2, 3, 50])).unwrap().as_ref(), BinOp::Sub)
            .unwrap();
    let first: Vec<String> =
        as_set(d.as_ref()).unwrap().to_vec().iter().take(12).map(|o| repr(o.as_ref())).collect();
    assert_eq!(first.join(", "), "0, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14");
    // set(range(40)) - set(range(0, 40, 2)): list(s)[:10] (purges dummies)
    let evens = new_set((0..40).step_by(2).map(i).collect()).unwrap();
    let d = ops::binary_op(
        new_set((0..40).map(i).collect()).unwrap().as_ref(),
        evens.as_ref(),
        BinOp::Sub,
    )
    .unwrap();
    let first: Vec<String> =
        as_set(d.as_ref()).unwrap().to_vec().iter().take(10).map(|o| repr(o.as_ref())).collect();
    assert_eq!(first.join(", "), "1, 3, 5, 7, 9, 11, 13, 15, 17, 19");
    // list({"b", "a", "c", "dd"} ^ {"a", "zz", "q"}) -> ['zz', 'q', 'b', 'c', 'dd']
    let x = new_set(strs(&["b", "a", "c", "dd"])).unwrap();
    let y = new_set(strs(&["a", "zz", "q"])).unwrap();
    assert_eq!(op(&x, &y, BinOp::Xor), "{'zz', 'q', 'b', 'c', 'dd'}");
    // big = set(range(0, 300, 7)); big - set(range(0, 50))
    let big = new_set((0..300).step_by(7).map(i).collect()).unwrap();
    let low = new_set((0..50).map(i).collect()).unwrap();
    assert_eq!(
        op(&big, &low, BinOp::Sub),
        "{259, 133, 266, 140, 273, 147, 280, 154, 287, 161, 294, 168, 175, 182, 56, 189, 63, 196, \
         70, 203, 77, 210, 84, 217, 91, 224, 98, 231, 105, 238, 112, 245, 119, 252, 126}"
    );
    assert_eq!(
        op(&a, &new_list(vec![i(1)]), BinOp::Or),
        "!TypeError: unsupported operand type(s) for |: 'set' and 'list'"
    );
}

#[test]
fn comparisons_and_hashes() {
    let _gil = taipan_vm::gil::hold();
    seed0();
    let cmp = |x: &Object, y: &Object, o| outcome(ops::rich_compare(x.as_ref(), y.as_ref(), o));
    let a = new_set(ints(&[1, 2, 3, 4, 5, 9, 17, 33])).unwrap();
    let b = new_set(ints(&[4, 5, 6, 33, 65])).unwrap();
    assert_eq!(cmp(&a, &b, CompareOp::Lt), "False");
    assert_eq!(
        cmp(&new_set(ints(&[1])).unwrap(), &new_set(ints(&[1, 2])).unwrap(), CompareOp::Lt),
        "True"
    );
    assert_eq!(
        cmp(
            &new_set(ints(&[1, 2])).unwrap(),
            &new_frozenset(ints(&[2, 1])).unwrap(),
            CompareOp::Eq
        ),
        "True"
    );
    assert_eq!(
        cmp(&new_set(ints(&[1])).unwrap(), &new_set(ints(&[1])).unwrap(), CompareOp::Le),
        "True"
    );
    assert_eq!(
        cmp(&new_set(ints(&[1])).unwrap(), &new_list(vec![i(1)]), CompareOp::Lt),
        "!TypeError: '<' not supported between instances of 'set' and 'list'"
    );
    // hash(frozenset()), hash(frozenset({1,2,3})), hash(frozenset({"a","b"}))
    let h = |o: Object| ops::hash(o.as_ref()).unwrap();
    assert_eq!(h(new_frozenset(vec![]).unwrap()), 133146708735736);
    assert_eq!(h(new_frozenset(ints(&[1, 2, 3])).unwrap()), -272375401224217160);
    assert_eq!(h(new_frozenset(strs(&["a", "b"])).unwrap()), 1679668661828516449);
    assert_eq!(
        outcome(ops::hash(new_set(vec![]).unwrap().as_ref()).map(|_| i(0))),
        "!TypeError: unhashable type: 'set'"
    );
}

#[test]
fn set_iteration() {
    let _gil = taipan_vm::gil::hold();
    // type(iter(set())).__name__ -> set_iterator; x = {1}; it = iter(x); x.add(2); next(it)
    //   -> RuntimeError: Set changed size during iteration
    let x = new_set(ints(&[1])).unwrap();
    let it = ops::iter(x.as_ref()).unwrap();
    assert_eq!(it.type_().name(), "set_iterator");
    as_set(x.as_ref()).unwrap().add(i(2)).unwrap();
    let r = ops::next(it.as_ref()).map(|o| o.unwrap_or_else(|| i(0)));
    assert_eq!(outcome(r), "!RuntimeError: Set changed size during iteration");
    let y = new_set(ints(&[5, 1, 33])).unwrap();
    let it = ops::iter(y.as_ref()).unwrap();
    let mut seen = Vec::new();
    while let Some(v) = ops::next(it.as_ref()).unwrap() {
        seen.push(repr(v.as_ref()));
    }
    // list({5, 1, 33}) -> [1, 5, 33]
    assert_eq!(seen.join(" "), "1 5 33");
}
