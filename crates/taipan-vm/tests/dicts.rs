//! The compact dict: insertion order, deletion and reinsertion, growth, repr, equality, version
//! numbers, unhashable keys. Expected reprs come from the oracle (commands in comments).

mod common;

use common::{int, outcome, repr};
use taipan_vm::object::Object;
use taipan_vm::ops;
use taipan_vm::types::dict::{DictPayload, as_dict, new_dict};
use taipan_vm::types::float::new_float;
use taipan_vm::types::list::new_list;
use taipan_vm::types::singletons::none;
use taipan_vm::types::str::new_str;
use taipan_vm::types::tuple::new_tuple;
use taipan_vm::types::typeobject::CompareOp;

fn d(o: &Object) -> &DictPayload {
    as_dict(o.as_ref()).unwrap()
}

fn small(v: i64) -> Object {
    Object::try_small_int(v).unwrap()
}

#[test]
fn insertion_order_deletion_reinsertion() {
    let _gil = taipan_vm::gil::hold();
    // cpython3.14 -c 'd = {}
    // for k in ["x", 3, 2.5, (1,2), "y", None, 10**20]: d[k] = len(d)
    // print(repr(d)); del d["x"]; del d[2.5]; d["x"] = 99; d[2.5] = 98; d[3] = 97; print(repr(d))'
    let o = new_dict();
    let keys = vec![
        new_str("x"),
        small(3),
        new_float(2.5),
        new_tuple(vec![small(1), small(2)]),
        new_str("y"),
        none(),
        int("100000000000000000000"),
    ];
    for k in keys {
        let n = d(&o).len() as i64;
        d(&o).set_item(k, small(n)).unwrap();
    }
    assert_eq!(
        repr(o.as_ref()),
        "{'x': 0, 3: 1, 2.5: 2, (1, 2): 3, 'y': 4, None: 5, 100000000000000000000: 6}"
    );
    assert!(d(&o).del_item(new_str("x").as_ref()).unwrap().is_some());
    assert!(d(&o).del_item(new_float(2.5).as_ref()).unwrap().is_some());
    d(&o).set_item(new_str("x"), small(99)).unwrap();
    d(&o).set_item(new_float(2.5), small(98)).unwrap();
    d(&o).set_item(small(3), small(97)).unwrap();
    assert_eq!(
        repr(o.as_ref()),
        "{3: 97, (1, 2): 3, 'y': 4, None: 5, 100000000000000000000: 6, 'x': 99, 2.5: 98}"
    );
    assert_eq!(d(&o).len(), 7);
}

#[test]
fn growth_with_deletions() {
    let _gil = taipan_vm::gil::hold();
    // cpython3.14 -c 'd2 = {i: i*i for i in range(20)}
    // for i in range(0, 20, 3): del d2[i]
    // for i in range(0, 20, 6): d2[i] = -i
    // print(repr(d2), len(d2)); print(d2.popitem())'
    let o = new_dict();
    for i in 0..20 {
        d(&o).set_item(small(i), small(i * i)).unwrap();
    }
    for i in (0..20).step_by(3) {
        d(&o).del_item(small(i).as_ref()).unwrap().expect("present");
    }
    for i in (0..20).step_by(6) {
        d(&o).set_item(small(i), small(-i)).unwrap();
    }
    assert_eq!(
        repr(o.as_ref()),
        "{1: 1, 2: 4, 4: 16, 5: 25, 7: 49, 8: 64, 10: 100, 11: 121, 13: 169, 14: 196, 16: 256, \
         17: 289, 19: 361, 0: 0, 6: -6, 12: -12, 18: -18}"
    );
    assert_eq!(d(&o).len(), 17);
    let (k, v) = d(&o).pop_item().unwrap();
    assert_eq!((repr(k.as_ref()), repr(v.as_ref())), ("18".into(), "-18".into()));
    assert_eq!(d(&o).len(), 16);
    // Many keys: every one is found again, in order.
    let big = new_dict();
    for i in 0..10_000 {
        d(&big).set_item(new_str(&format!("k{i}")), small(i)).unwrap();
    }
    for i in (0..10_000).step_by(7) {
        let v = d(&big).get_item(new_str(&format!("k{i}")).as_ref()).unwrap().unwrap();
        assert_eq!(v.small_int(), Some(i));
    }
    let keys = d(&big).keys();
    assert_eq!(keys.len(), 10_000);
    // Past 2**15 slots the index table widens to 4-byte entries; delete half and reinsert.
    for i in 10_000..60_000 {
        d(&big).set_item(small(i), small(i)).unwrap();
    }
    for i in (0..60_000).step_by(2) {
        let k: Object = if i < 10_000 { new_str(&format!("k{i}")) } else { small(i) };
        d(&big).del_item(k.as_ref()).unwrap().expect("present");
    }
    assert_eq!(d(&big).len(), 30_000);
    for i in (1..60_000).step_by(2) {
        let k: Object = if i < 10_000 { new_str(&format!("k{i}")) } else { small(i) };
        assert_eq!(d(&big).get_item(k.as_ref()).unwrap().unwrap().small_int(), Some(i));
    }
    assert_eq!(repr(keys[9_999].as_ref()), "'k9999'");
}

#[test]
fn numeric_keys_unify_and_equality() {
    let _gil = taipan_vm::gil::hold();
    // cpython3.14 -c 'print({1: 1} == {1.0: 1}, {1: 1} == {1: 2})' -> True False
    let a = new_dict();
    d(&a).set_item(small(1), small(1)).unwrap();
    let b = new_dict();
    d(&b).set_item(new_float(1.0), small(1)).unwrap();
    assert!(ops::rich_compare_bool(a.as_ref(), b.as_ref(), CompareOp::Eq).unwrap());
    // 1.0 finds the int key 1, and overwriting keeps the original key object.
    d(&a).set_item(new_float(1.0), small(5)).unwrap();
    assert_eq!(repr(a.as_ref()), "{1: 5}");
    let c = new_dict();
    d(&c).set_item(small(1), small(2)).unwrap();
    assert!(!ops::rich_compare_bool(b.as_ref(), c.as_ref(), CompareOp::Eq).unwrap());
    assert_eq!(
        outcome(ops::rich_compare(a.as_ref(), c.as_ref(), CompareOp::Lt)),
        "!TypeError: '<' not supported between instances of 'dict' and 'dict'"
    );
}

#[test]
fn errors_and_versions() {
    let _gil = taipan_vm::gil::hold();
    let o = new_dict();
    // cpython3.14: d[[]] = 1 -> TypeError: cannot use 'list' as a dict key (unhashable type: 'list')
    let l = new_list(vec![]);
    assert_eq!(
        outcome(ops::setitem(o.as_ref(), l.as_ref(), Some(small(1).as_ref())).map(|_| none())),
        "!TypeError: cannot use 'list' as a dict key (unhashable type: 'list')"
    );
    // cpython3.14: {}[1] -> KeyError: 1 ; repr of the exception is KeyError(1)
    let err = ops::getitem(o.as_ref(), small(1).as_ref()).unwrap_err();
    assert_eq!(err.to_string(), "KeyError: 1");
    assert_eq!(repr(err.instance()), "KeyError(1)");
    let err = ops::setitem(o.as_ref(), new_str("k").as_ref(), None).unwrap_err();
    assert_eq!(err.to_string(), "KeyError: 'k'");
    // Every mutation changes the version; reads do not.
    let v0 = d(&o).version();
    d(&o).set_item(new_str("a"), small(1)).unwrap();
    let v1 = d(&o).version();
    assert_ne!(v0, v1);
    let _ = d(&o).get_item(new_str("a").as_ref()).unwrap();
    assert_eq!(d(&o).version(), v1);
    d(&o).set_item(new_str("a"), small(2)).unwrap();
    let v2 = d(&o).version();
    assert_ne!(v1, v2);
    d(&o).del_item(new_str("a").as_ref()).unwrap();
    assert_ne!(d(&o).version(), v2);
    // Versions are unique across dicts.
    assert_ne!(d(&new_dict()).version(), d(&new_dict()).version());
}

#[test]
fn self_containing_dict_repr() {
    let _gil = taipan_vm::gil::hold();
    // cpython3.14 -c 'd = {}; d[1] = d; print(repr(d))' -> {1: {...}}
    let o = new_dict();
    d(&o).set_item(small(1), o.clone()).unwrap();
    assert_eq!(repr(o.as_ref()), "{1: {...}}");
    d(&o).clear();
    assert_eq!(o.refcnt(), Some(1));
}

/// A small deterministic generator (xorshift) so the model test needs no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn random_operations_match_an_ordered_model() {
    let _gil = taipan_vm::gil::hold();
    // The model: insertion-ordered (key, value) pairs, which is what a Python dict is.
    let mut rng = Rng(0x7a1_9a4);
    let o = new_dict();
    let mut model: Vec<(i64, i64)> = Vec::new();
    for step in 0..20_000 {
        let k = (rng.next() % 300) as i64 - 150;
        // Keys mix tagged ints, floats equal to ints and strs, so all key kinds are exercised.
        let key = |k: i64| -> Object {
            match k.rem_euclid(3) {
                0 => small(k),
                1 => new_str(&format!("s{k}")),
                _ => small(k),
            }
        };
        match rng.next() % 4 {
            0 | 1 => {
                let v = step as i64;
                d(&o).set_item(key(k), small(v)).unwrap();
                match model.iter_mut().find(|(mk, _)| *mk == k) {
                    Some(entry) => entry.1 = v,
                    None => model.push((k, v)),
                }
            }
            2 => {
                let had = d(&o).del_item(key(k).as_ref()).unwrap().is_some();
                let pos = model.iter().position(|(mk, _)| *mk == k);
                assert_eq!(had, pos.is_some());
                if let Some(p) = pos {
                    model.remove(p);
                }
            }
            _ => {
                let probe = if k.rem_euclid(3) == 0 { new_float(k as f64) } else { key(k) };
                let got = d(&o).get_item(probe.as_ref()).unwrap().and_then(|v| v.small_int());
                let want = model.iter().find(|(mk, _)| *mk == k).map(|e| e.1);
                assert_eq!(got, want, "lookup of {k} at step {step}");
            }
        }
        assert_eq!(d(&o).len(), model.len());
    }
    let items = d(&o).items();
    assert_eq!(items.len(), model.len());
    for ((k, v), (mk, mv)) in items.iter().zip(&model) {
        let want_key = if mk.rem_euclid(3) == 1 { format!("'s{mk}'") } else { mk.to_string() };
        assert_eq!(repr(k.as_ref()), want_key);
        assert_eq!(v.small_int(), Some(*mv));
    }
}

#[test]
fn string_key_lookup_without_allocation() {
    let _gil = taipan_vm::gil::hold();
    let o = new_dict();
    for name in ["print", "len", "x\u{e9}", "range"] {
        d(&o).set_str(name, new_str(name)).unwrap();
    }
    for name in ["print", "len", "x\u{e9}", "range"] {
        let v = d(&o).get_str(name).unwrap().unwrap();
        assert_eq!(repr(v.as_ref()), format!("'{name}'"));
    }
    assert!(d(&o).get_str("missing").unwrap().is_none());
    // A non-str key that equals nothing textual does not confuse the fast path.
    d(&o).set_item(small(7), small(8)).unwrap();
    assert!(d(&o).get_str("7").unwrap().is_none());
    assert_eq!(d(&o).get_str("len").unwrap().unwrap().type_().name(), "str");
}
