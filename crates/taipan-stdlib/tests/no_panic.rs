//! Arbitrary input never panics the `_random`, `_struct` and `binascii` cores: every outcome is
//! a value or a `PyError`.

use dashu_int::IBig;
use proptest::prelude::*;
use taipan_stdlib::binascii;
use taipan_stdlib::random::Mt19937;
use taipan_stdlib::struct_::{Format, PackArg};

fn format_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(
        prop::sample::select(b"@=<>! 0123456789xcbB?hHiIlLqQnNefdspPz\0\x80".to_vec()),
        0..12,
    )
}

fn pack_arg() -> impl Strategy<Value = PackArg> {
    prop_oneof![
        any::<i128>().prop_map(|v| PackArg::Int(IBig::from(v))),
        any::<u64>().prop_map(|v| PackArg::Float(f64::from_bits(v))),
        prop::collection::vec(any::<u8>(), 0..4).prop_map(PackArg::Bytes),
        prop::collection::vec(any::<u8>(), 0..4).prop_map(PackArg::ByteArray),
        any::<bool>().prop_map(|truthy| PackArg::Other { truthy }),
    ]
}

proptest! {
    #[test]
    fn struct_never_panics(
        fmt in format_bytes(),
        args in prop::collection::vec(pack_arg(), 0..6),
        buf in prop::collection::vec(any::<u8>(), 0..64),
        offset in any::<i64>(),
    ) {
        if let Ok(f) = Format::parse(&fmt) {
            // A huge struct would really be allocated (as CPython would try to).
            if f.size < 1 << 20 {
                let _ = f.pack(&args);
            }
            let _ = f.unpack(&buf);
            let _ = f.unpack_from(&buf, offset);
            let _ = f.unpack_from(&buf, offset % 70);
            let _ = f.iter_unpack(&buf);
            let mut b = buf.clone();
            let _ = f.pack_into(&mut b, offset % 70, &args);
            let _ = f.pack_into(&mut b, offset, &args);
        }
        let _ = Format::parse_str(&String::from_utf8_lossy(&fmt));
    }

    #[test]
    fn binascii_never_panics(
        data in prop::collection::vec(any::<u8>(), 0..120),
        flags in any::<u8>(),
        per in any::<i64>(),
        sep in prop::collection::vec(0u32..0x400, 0..3),
    ) {
        let bit = |k: u8| flags & (1 << k) != 0;
        let _ = binascii::a2b_base64(&data, bit(0));
        let _ = binascii::b2a_base64(&data, bit(1));
        let _ = binascii::a2b_uu(&data);
        let _ = binascii::b2a_uu(&data, bit(2));
        let _ = binascii::a2b_qp(&data, bit(3));
        let _ = binascii::b2a_qp(&data, bit(4), bit(5), bit(6));
        let _ = binascii::unhexlify(&data);
        let _ = binascii::hexlify(&data, Some(&sep), &IBig::from(per % 9));
        let _ = binascii::hexlify(&data, None, &IBig::from(per));
        let _ = binascii::crc32(&data, &IBig::from(per));
        let _ = binascii::crc_hqx(&data, &IBig::from(per));
    }

    #[test]
    fn random_never_panics(seed in any::<i128>(), k in -5i64..3000, state in prop::collection::vec(any::<i64>(), 620..630)) {
        let mut mt = Mt19937::from_int(&IBig::from(seed));
        let _ = mt.getrandbits(&IBig::from(k));
        let _ = mt.randbytes(&IBig::from(k / 8));
        let _ = mt.randbelow(&IBig::from(k));
        let st: Vec<IBig> = state.iter().map(|&w| IBig::from(w)).collect();
        let _ = mt.setstate(&st);
        let _ = mt.random();
    }
}
