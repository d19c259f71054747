//! Compiler constants become objects; identifier-like strings are interned. Oracle: two separately
//! compiled constants "abc_1" are the same object (`is` gives True), two "a b" are not.

mod common;

use dashu_int::IBig;
use taipan_bytecode::Const;
use taipan_common::PyStr;
use taipan_vm::convert::const_to_object;

#[test]
fn constants_to_objects() {
    let _gil = taipan_vm::gil::hold();
    let c = Const::Tuple(vec![
        Const::None,
        Const::Bool(true),
        Const::Int(IBig::from(1u8) << 70),
        Const::Float(1.5),
        Const::Str(PyStr::from_code_points([0x61, 0xd800])),
        Const::Bytes(b"x\x00".to_vec()),
        Const::Ellipsis,
        Const::Slice(Box::new([
            Const::Int(IBig::from(1)),
            Const::None,
            Const::Int(IBig::from(-1)),
        ])),
    ]);
    let o = const_to_object(&c).unwrap();
    assert_eq!(
        common::repr(o.as_ref()),
        "(None, True, 1180591620717411303424, 1.5, 'a\\ud800', b'x\\x00', Ellipsis, slice(1, None, -1))"
    );
    let a =
        const_to_object(&Const::Str(PyStr::from_code_points("abc_1".chars().map(|c| c as u32))))
            .unwrap();
    let b =
        const_to_object(&Const::Str(PyStr::from_code_points("abc_1".chars().map(|c| c as u32))))
            .unwrap();
    assert!(a.is(&b));
    let x = const_to_object(&Const::Str(PyStr::from_code_points("a b".chars().map(|c| c as u32))))
        .unwrap();
    let y = const_to_object(&Const::Str(PyStr::from_code_points("a b".chars().map(|c| c as u32))))
        .unwrap();
    assert!(!x.is(&y));
    assert_eq!(
        common::repr(const_to_object(&Const::StopIteration).unwrap().as_ref()),
        "<class 'StopIteration'>"
    );
    let z = const_to_object(&Const::Complex { re: -0.0, im: 1.5 }).unwrap();
    assert_eq!(common::repr(z.as_ref()), "(-0+1.5j)");
}
