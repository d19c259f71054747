//! Int arithmetic at the tagged/i64/big boundaries against the oracle's results in
//! `data/int_ops.txt` (made by `data/gen_oracle.py`; see its header for the command).

mod common;

use common::{int, outcome};
use taipan_vm::ops::{self, BinOp, UnaryOp};
use taipan_vm::types::typeobject::CompareOp;

#[test]
fn int_ops_match_oracle() {
    let _gil = taipan_vm::gil::hold();
    let data = include_str!("data/int_ops.txt");
    let mut failures = Vec::new();
    let mut count = 0;
    for line in data.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        let (a_txt, op, b_txt, expected) = (f[0], f[1], f[2], f[3]);
        let a = int(a_txt);
        let a_rc = a.refcnt();
        let got = if b_txt.is_empty() {
            match op {
                "-" => outcome(ops::unary_op(a.as_ref(), UnaryOp::Neg)),
                "~" => outcome(ops::unary_op(a.as_ref(), UnaryOp::Invert)),
                "abs" => outcome(ops::unary_op(a.as_ref(), UnaryOp::Abs)),
                "str" => outcome(ops::str_(a.as_ref())),
                _ => panic!("unknown unary op {op}"),
            }
        } else {
            let b = int(b_txt);
            let b_rc = b.refcnt();
            let (x, y) = (a.as_ref(), b.as_ref());
            let r = match op {
                "+" => outcome(ops::binary_op(x, y, BinOp::Add)),
                "-" => outcome(ops::binary_op(x, y, BinOp::Sub)),
                "*" => outcome(ops::binary_op(x, y, BinOp::Mul)),
                "//" => outcome(ops::binary_op(x, y, BinOp::FloorDiv)),
                "%" => outcome(ops::binary_op(x, y, BinOp::Mod)),
                "&" => outcome(ops::binary_op(x, y, BinOp::And)),
                "|" => outcome(ops::binary_op(x, y, BinOp::Or)),
                "^" => outcome(ops::binary_op(x, y, BinOp::Xor)),
                "/" => outcome(ops::binary_op(x, y, BinOp::TrueDiv)),
                "<<" => outcome(ops::binary_op(x, y, BinOp::LShift)),
                ">>" => outcome(ops::binary_op(x, y, BinOp::RShift)),
                "**" => outcome(ops::binary_op(x, y, BinOp::Pow)),
                "divmod" => outcome(ops::binary_op(x, y, BinOp::DivMod)),
                "<" => outcome(ops::rich_compare(x, y, CompareOp::Lt)),
                "==" => outcome(ops::rich_compare(x, y, CompareOp::Eq)),
                _ => panic!("unknown op {op}"),
            };
            assert_eq!(b.refcnt(), b_rc, "refcount of right operand changed by {line}");
            r
        };
        assert_eq!(a.refcnt(), a_rc, "refcount of left operand changed by {line}");
        count += 1;
        if got != expected {
            failures.push(format!("{a_txt} {op} {b_txt}: got {got}, oracle {expected}"));
        }
    }
    assert!(count > 3000);
    assert!(failures.is_empty(), "{} mismatches:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn tagged_range_boundaries() {
    let _gil = taipan_vm::gil::hold();
    use taipan_vm::object::{Object, SMALL_INT_MAX, SMALL_INT_MIN};
    // 2**62 - 1 is the largest tagged int, -2**62 the smallest; one step further is a heap int.
    assert!(Object::try_small_int(SMALL_INT_MAX).is_some());
    assert!(Object::try_small_int(SMALL_INT_MIN).is_some());
    assert!(Object::try_small_int(SMALL_INT_MAX + 1).is_none());
    assert!(Object::try_small_int(SMALL_INT_MIN - 1).is_none());
    let max = int(&SMALL_INT_MAX.to_string());
    assert!(max.as_ref().is_small_int());
    assert_eq!(max.refcnt(), None);
    let one = int("1");
    let sum = ops::binary_op(max.as_ref(), one.as_ref(), BinOp::Add).unwrap();
    assert!(!sum.as_ref().is_small_int());
    assert_eq!(sum.refcnt(), Some(1));
    assert_eq!(common::repr(sum.as_ref()), "4611686018427387904");
    // Back into range: the result is normalised to the tagged form.
    let back = ops::binary_op(sum.as_ref(), one.as_ref(), BinOp::Sub).unwrap();
    assert!(back.as_ref().is_small_int());
    assert!(back.is(&max));
    // The same value computed twice is the same object (`is`) when tagged.
    assert_eq!(int("12345").id(), int("12345").id());
}

#[test]
fn int_repr_digit_limit() {
    let _gil = taipan_vm::gil::hold();
    // Oracle: `str(10**4300)` raises, `len(str(10**4299))` is 4300.
    let ok = int(&format!("1{}", "0".repeat(4299)));
    assert_eq!(common::repr(ok.as_ref()).len(), 4300);
    let big = int(&format!("1{}", "0".repeat(4300)));
    assert_eq!(
        outcome(ops::repr(big.as_ref())),
        "!ValueError: Exceeds the limit (4300 digits) for integer string conversion; use \
         sys.set_int_max_str_digits() to increase the limit"
    );
}

#[test]
fn true_division_and_float_conversion_match_oracle() {
    let _gil = taipan_vm::gil::hold();
    // data/truediv.txt: "<a>\t<b>\t<repr(a / b)>\t<repr(float(a))>" from data/gen_oracle.py.
    let data = include_str!("data/truediv.txt");
    let mut failures = Vec::new();
    for line in data.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        let (a, b) = (int(f[0]), int(f[1]));
        let q = outcome(ops::binary_op(a.as_ref(), b.as_ref(), BinOp::TrueDiv));
        if q != f[2] {
            failures.push(format!("{} / {}: got {q}, oracle {}", f[0], f[1], f[2]));
        }
        let slot = a.type_().slots.nb_float.get().expect("int has nb_float");
        let fl = outcome(slot(a.as_ref()));
        if fl != f[3] {
            failures.push(format!("float({}): got {fl}, oracle {}", f[0], f[3]));
        }
    }
    assert!(failures.is_empty(), "{} mismatches:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn three_argument_pow_matches_oracle() {
    let _gil = taipan_vm::gil::hold();
    // cpython3.14 -c 'print(pow(a, b, m))' for each row.
    let rows = [
        ("2", "-1", "7", "4"),
        ("2", "10", "1000", "24"),
        ("3", "200", "1000000007", "136318165"),
        ("-3", "3", "7", "1"),
        ("3", "3", "-7", "-1"),
        (
            "1180591620717411303424",
            "36893488147419103233",
            "100000000000000000039",
            "82566182558571194136",
        ),
        ("5", "0", "1", "0"),
        ("0", "0", "5", "1"),
        ("2", "3", "0", "!ValueError: pow() 3rd argument cannot be 0"),
        ("2", "-1", "4", "!ValueError: base is not invertible for the given modulus"),
        ("7", "-3", "-11", "-5"),
    ];
    for (a, b, m, want) in rows {
        let (a, b, m) = (int(a), int(b), int(m));
        let got = outcome(ops::power(a.as_ref(), b.as_ref(), Some(m.as_ref())));
        assert_eq!(got, want, "pow({a:?}, {b:?}, {m:?})");
    }
}
