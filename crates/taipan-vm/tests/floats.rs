//! Floats: repr, floor division and modulo signs, mixed int/float arithmetic and exact
//! comparison, errors. Expected values come from the oracle (commands in comments).

mod common;

use common::{int, outcome};
use taipan_vm::object::Object;
use taipan_vm::ops::{self, BinOp};
use taipan_vm::types::float::new_float;
use taipan_vm::types::typeobject::CompareOp;

fn f(v: f64) -> Object {
    new_float(v)
}

#[test]
fn float_arithmetic_matches_oracle() {
    let _gil = taipan_vm::gil::hold();
    // cpython3.14 -c 'print(repr(7.5 // -2), repr(-7.5 % 2), repr(divmod(-7.5, 2)),
    //   repr(0.1+0.2), repr(1e16), repr(-0.0), repr(2.0**-1074))'
    // -> -4.0 0.5 (-4.0, 0.5) 0.30000000000000004 1e+16 -0.0 5e-324
    let cases: Vec<(Object, Object, BinOp, &str)> = vec![
        (f(7.5), int("-2"), BinOp::FloorDiv, "-4.0"),
        (f(-7.5), int("2"), BinOp::Mod, "0.5"),
        (f(-7.5), int("2"), BinOp::DivMod, "(-4.0, 0.5)"),
        (f(7.5), int("-2"), BinOp::DivMod, "(-4.0, -0.5)"),
        (f(0.1), f(0.2), BinOp::Add, "0.30000000000000004"),
        (f(2.0), int("-1074"), BinOp::Pow, "5e-324"),
        // cpython3.14 -c 'print(1/3, 2**0.5, 10**22/1.0, 0/-5)'
        (int("1"), int("3"), BinOp::TrueDiv, "0.3333333333333333"),
        (int("2"), f(0.5), BinOp::Pow, "1.4142135623730951"),
        (int("10000000000000000000000"), f(1.0), BinOp::TrueDiv, "1e+22"),
        (int("0"), int("-5"), BinOp::TrueDiv, "-0.0"),
        // Errors: cpython3.14 -c '1.0/0' etc.
        (f(1.0), int("0"), BinOp::TrueDiv, "!ZeroDivisionError: division by zero"),
        (f(1.0), f(0.0), BinOp::FloorDiv, "!ZeroDivisionError: division by zero"),
        (f(1.0), f(0.0), BinOp::Mod, "!ZeroDivisionError: division by zero"),
        (f(0.0), int("-1"), BinOp::Pow, "!ZeroDivisionError: zero to a negative power"),
        (f(10.0), int("400"), BinOp::Pow, "!OverflowError: (34, 'Numerical result out of range')"),
        (
            int(&format!("1{}", "0".repeat(400))),
            f(0.5),
            BinOp::Add,
            "!OverflowError: int too large to convert to float",
        ),
        (int("2"), int("-1"), BinOp::Pow, "0.5"),
    ];
    for (a, b, op, e) in cases {
        assert_eq!(outcome(ops::binary_op(a.as_ref(), b.as_ref(), op)), e, "{a:?} {op:?} {b:?}");
    }
}

#[test]
fn exact_int_float_comparison() {
    let _gil = taipan_vm::gil::hold();
    // cpython3.14 -c 'print(1 == 1.0, 2**53+1 == float(2**53+1), 2**53+1 > float(2**53),
    //   (10**400) > 1e308)' -> True False True True
    let cmp =
        |a: &Object, b: &Object, op| ops::rich_compare_bool(a.as_ref(), b.as_ref(), op).unwrap();
    assert!(cmp(&int("1"), &f(1.0), CompareOp::Eq));
    let big = int("9007199254740993"); // 2**53 + 1
    assert!(!cmp(&big, &f(9007199254740993.0), CompareOp::Eq));
    assert!(cmp(&big, &f(9007199254740992.0), CompareOp::Gt));
    assert!(cmp(&f(9007199254740992.0), &big, CompareOp::Lt));
    assert!(cmp(&int(&format!("1{}", "0".repeat(400))), &f(1e308), CompareOp::Gt));
    assert!(cmp(&int(&format!("1{}", "0".repeat(400))), &f(f64::INFINITY), CompareOp::Lt));
    assert!(cmp(&f(2.5), &int("2"), CompareOp::Gt));
    assert!(cmp(&f(-2.5), &int("-2"), CompareOp::Lt));
    let nan = f(f64::NAN);
    assert!(!cmp(&nan, &nan.clone(), CompareOp::Lt));
    // Identity implies equality in containers' comparisons (PyObject_RichCompareBool).
    assert!(cmp(&nan, &nan, CompareOp::Eq));
    assert!(
        !ops::is_true(
            ops::rich_compare(nan.as_ref(), nan.as_ref(), CompareOp::Eq).unwrap().as_ref()
        )
        .unwrap()
    );
}

#[test]
fn float_repr_and_conversions() {
    let _gil = taipan_vm::gil::hold();
    for (v, e) in [
        (1e16, "1e+16"),
        (-0.0, "-0.0"),
        (0.1, "0.1"),
        (1.5e-7, "1.5e-07"),
        (f64::INFINITY, "inf"),
        (f64::NAN, "nan"),
    ] {
        assert_eq!(common::repr(f(v).as_ref()), e);
    }
    // cpython3.14: int(float("nan")) / int(float("inf")) errors
    let to_int = |v: f64| {
        let o = f(v);
        let slot = o.type_().slots.nb_int.get().unwrap();
        outcome(slot(o.as_ref()))
    };
    assert_eq!(to_int(f64::NAN), "!ValueError: cannot convert float NaN to integer");
    assert_eq!(to_int(f64::INFINITY), "!OverflowError: cannot convert float infinity to integer");
    assert_eq!(to_int(-1e20), "-100000000000000000000");
    assert_eq!(to_int(2.0f64.powi(70)), "1180591620717411303424");
}

#[test]
fn free_list_reuses_dead_floats() {
    let _gil = taipan_vm::gil::hold();
    let a = f(1.25);
    let id = a.id();
    drop(a);
    let b = f(2.5);
    assert_eq!(b.id(), id, "the dead float's memory is reused");
    assert_eq!(b.refcnt(), Some(1));
    assert_eq!(common::repr(b.as_ref()), "2.5");
    // Churn well past the list's capacity: values stay right and nothing is shared.
    let many: Vec<Object> = (0..1000).map(|k| f(k as f64)).collect();
    drop(many);
    let again: Vec<Object> = (0..1000).map(|k| f(k as f64 + 0.5)).collect();
    for (k, o) in again.iter().enumerate() {
        assert_eq!(common::repr(o.as_ref()), format!("{}.5", k));
        assert_eq!(o.refcnt(), Some(1));
    }
    // Arithmetic results come from the list too.
    let x = ops::binary_op(again[3].as_ref(), again[4].as_ref(), BinOp::Add).unwrap();
    assert_eq!(common::repr(x.as_ref()), "8.0");
}
