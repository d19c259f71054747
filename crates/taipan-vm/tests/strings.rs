//! PEP 393 strings: kinds, O(1) indexing of 1/2/4-byte strings and lone surrogates, slicing,
//! comparison, repr, interning. Expected values come from the oracle (commands in comments).

mod common;

use common::{outcome, repr};
use taipan_vm::object::Object;
use taipan_vm::ops::{self, BinOp};
use taipan_vm::types::singletons::none;
use taipan_vm::types::slice::new_slice;
use taipan_vm::types::str::{Str, intern, new_str, new_str_from_code_points};
use taipan_vm::types::typeobject::CompareOp;

fn int(v: i64) -> Object {
    Object::try_small_int(v).unwrap()
}

/// The oracle's string: "a\xe9\u20ac\U0001f600\ud800z".
fn mixed() -> Object {
    new_str_from_code_points(&[0x61, 0xe9, 0x20ac, 0x1f600, 0xd800, 0x7a])
}

#[test]
fn kinds_are_the_narrowest() {
    let _gil = taipan_vm::gil::hold();
    assert_eq!(Str::new(new_str("abc").as_ref()).unwrap().kind(), 1);
    assert!(Str::new(new_str("abc").as_ref()).unwrap().is_ascii());
    assert_eq!(Str::new(new_str("h\u{e9}").as_ref()).unwrap().kind(), 1);
    assert!(!Str::new(new_str("h\u{e9}").as_ref()).unwrap().is_ascii());
    assert_eq!(Str::new(new_str("\u{20ac}").as_ref()).unwrap().kind(), 2);
    assert_eq!(Str::new(new_str_from_code_points(&[0xd800]).as_ref()).unwrap().kind(), 2);
    assert_eq!(Str::new(new_str("\u{1f600}").as_ref()).unwrap().kind(), 4);
}

#[test]
fn indexing_every_kind() {
    let _gil = taipan_vm::gil::hold();
    // cpython3.14 -c 's="a\xe9\u20ac\U0001f600\ud800z"; print([repr(c) for c in s], len(s))'
    let expected = ["'a'", "'é'", "'€'", "'😀'", "'\\ud800'", "'z'"];
    let s = mixed();
    assert_eq!(ops::len(s.as_ref()).unwrap(), 6);
    for (i, e) in expected.iter().enumerate() {
        assert_eq!(outcome(ops::getitem(s.as_ref(), int(i as i64).as_ref())), *e);
        let neg = i as i64 - 6;
        assert_eq!(outcome(ops::getitem(s.as_ref(), int(neg).as_ref())), *e);
    }
    assert_eq!(
        outcome(ops::getitem(s.as_ref(), int(6).as_ref())),
        "!IndexError: string index out of range"
    );
    assert_eq!(
        outcome(ops::getitem(s.as_ref(), int(-7).as_ref())),
        "!IndexError: string index out of range"
    );
    assert_eq!(
        outcome(ops::getitem(s.as_ref(), new_str("x").as_ref())),
        "!TypeError: string indices must be integers, not 'str'"
    );
    // Same for each kind alone.
    for text in ["hello", "h\u{e9}llo", "\u{20ac}uro", "\u{1f600}\u{1f601}"] {
        let o = new_str(text);
        for (i, c) in text.chars().enumerate() {
            let got = ops::getitem(o.as_ref(), int(i as i64).as_ref()).unwrap();
            assert_eq!(Str::new(got.as_ref()).unwrap().as_str().unwrap(), c.to_string());
        }
    }
}

#[test]
fn slicing() {
    let _gil = taipan_vm::gil::hold();
    // cpython3.14 -c 's="a\xe9\u20ac\U0001f600\ud800z"; print(repr(s[1:5]), repr(s[::-1]),
    //   repr(s[::2]), repr(s[-2:]), repr(s[10:]))'
    let s = mixed();
    let cases = [
        ((int(1), int(5), none()), "'é€😀\\ud800'"),
        ((none(), none(), int(-1)), "'z\\ud800😀€éa'"),
        ((none(), none(), int(2)), "'a€\\ud800'"),
        ((int(-2), none(), none()), "'\\ud800z'"),
        ((int(10), none(), none()), "''"),
    ];
    for ((a, b, c), e) in cases {
        let sl = new_slice(a, b, c);
        assert_eq!(outcome(ops::getitem(s.as_ref(), sl.as_ref())), e);
    }
    let zero = new_slice(none(), none(), int(0));
    assert_eq!(
        outcome(ops::getitem(s.as_ref(), zero.as_ref())),
        "!ValueError: slice step cannot be zero"
    );
    // A slice's result drops back to the narrowest kind.
    let sl = new_slice(int(4), none(), none());
    let tail = ops::getitem(new_str("\u{20ac}\u{1f600}xyz").as_ref(), sl.as_ref()).unwrap();
    assert_eq!(Str::new(tail.as_ref()).unwrap().kind(), 1);
}

#[test]
fn compare_concat_repeat_contains() {
    let _gil = taipan_vm::gil::hold();
    // cpython3.14 -c 'print(sorted(["b","a","\u20ac","\U0001f600","\xe9","ab"]))'
    let mut v: Vec<Object> =
        ["b", "a", "\u{20ac}", "\u{1f600}", "\u{e9}", "ab"].iter().map(|s| new_str(s)).collect();
    v.sort_by(|a, b| {
        if ops::rich_compare_bool(a.as_ref(), b.as_ref(), CompareOp::Lt).unwrap() {
            std::cmp::Ordering::Less
        } else if ops::rich_compare_bool(a.as_ref(), b.as_ref(), CompareOp::Eq).unwrap() {
            std::cmp::Ordering::Equal
        } else {
            std::cmp::Ordering::Greater
        }
    });
    let shown: Vec<String> = v.iter().map(|o| repr(o.as_ref())).collect();
    assert_eq!(shown.join(", "), "'a', 'ab', 'b', 'é', '€', '😀'");
    let ab = ops::binary_op(new_str("a").as_ref(), new_str("\u{20ac}").as_ref(), BinOp::Add);
    assert_eq!(outcome(ab), "'a€'");
    // cpython3.14 -c 'print(repr("\u20ac"*3))' -> '€€€'
    let rep = ops::binary_op(new_str("\u{20ac}").as_ref(), int(3).as_ref(), BinOp::Mul);
    assert_eq!(outcome(rep), "'€€€'");
    let rep = ops::binary_op(int(-1).as_ref(), new_str("a").as_ref(), BinOp::Mul);
    assert_eq!(outcome(rep), "''");
    assert_eq!(
        outcome(ops::binary_op(int(1).as_ref(), new_str("a").as_ref(), BinOp::Add)),
        "!TypeError: unsupported operand type(s) for +: 'int' and 'str'"
    );
    assert_eq!(
        outcome(ops::binary_op(new_str("a").as_ref(), int(1).as_ref(), BinOp::Add)),
        "!TypeError: can only concatenate str (not \"int\") to str"
    );
    assert!(ops::contains(mixed().as_ref(), new_str("\u{1f600}").as_ref()).unwrap());
    let sur = new_str_from_code_points(&[0xd800, 0x7a]);
    assert!(ops::contains(mixed().as_ref(), sur.as_ref()).unwrap());
    assert!(!ops::contains(mixed().as_ref(), new_str("za").as_ref()).unwrap());
    // Equal text of different construction is equal and hashes equal.
    let x = new_str("\u{20ac}uro");
    let y = new_str_from_code_points(&[0x20ac, 0x75, 0x72, 0x6f]);
    assert!(ops::rich_compare_bool(x.as_ref(), y.as_ref(), CompareOp::Eq).unwrap());
    assert_eq!(ops::hash(x.as_ref()).unwrap(), ops::hash(y.as_ref()).unwrap());
}

#[test]
fn repr_escapes() {
    let _gil = taipan_vm::gil::hold();
    // cpython3.14 -c 'print(repr("\x00\t\x7f\xff"))' -> '\x00\t\x7fÿ'
    assert_eq!(repr(new_str("\u{0}\t\u{7f}\u{ff}").as_ref()), "'\\x00\\t\\x7fÿ'");
    assert_eq!(repr(new_str("it's").as_ref()), "\"it's\"");
    assert_eq!(repr(new_str_from_code_points(&[0xdfff]).as_ref()), "'\\udfff'");
}

#[test]
fn interning_returns_one_object() {
    let _gil = taipan_vm::gil::hold();
    let a = intern("some_identifier");
    let b = intern(&String::from("some_identifier"));
    assert!(a.is(&b));
    assert!(Str::new(a.as_ref()).unwrap().is_interned());
    let c = new_str("some_identifier");
    assert!(!c.is(&a));
    assert!(taipan_vm::types::str::intern_object(c).is(&a));
}

#[test]
fn utf8_views() {
    let _gil = taipan_vm::gil::hold();
    let s = new_str("h\u{e9}llo \u{1f600}");
    assert_eq!(Str::new(s.as_ref()).unwrap().as_str(), Some("h\u{e9}llo \u{1f600}"));
    assert_eq!(Str::new(mixed().as_ref()).unwrap().as_str(), None);
    assert_eq!(
        Str::new(mixed().as_ref()).unwrap().to_string_lossy(),
        "a\u{e9}\u{20ac}\u{1f600}\u{fffd}z"
    );
}
