//! Double-double arithmetic (an unevaluated sum `hi + lo` of two floats, ~106 bits), with an
//! `exp` and a `log` accurate to about 2**-100, and the final correctly rounded conversion
//! back to one float (subnormal results included). [`super::correct`] builds the correctly
//! rounded functions on it.

/// `hi + lo` with `|lo| <= ulp(hi) / 2`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct DD {
    pub hi: f64,
    pub lo: f64,
}

/// Exact `a + b` for `|a| >= |b|` (or `a == 0`).
fn quick_two_sum(a: f64, b: f64) -> DD {
    let s = a + b;
    DD { hi: s, lo: b - (s - a) }
}

/// Exact `a + b`.
pub(crate) fn two_sum(a: f64, b: f64) -> DD {
    let s = a + b;
    let bb = s - a;
    DD { hi: s, lo: (a - (s - bb)) + (b - bb) }
}

/// Exact `a * b` (barring underflow).
pub(crate) fn two_prod(a: f64, b: f64) -> DD {
    let p = a * b;
    DD { hi: p, lo: a.mul_add(b, -p) }
}

impl DD {
    pub const ONE: DD = DD { hi: 1.0, lo: 0.0 };

    pub const fn new(hi: f64, lo: f64) -> DD {
        DD { hi, lo }
    }

    pub const fn from(x: f64) -> DD {
        DD { hi: x, lo: 0.0 }
    }

    pub fn add(self, o: DD) -> DD {
        let s = two_sum(self.hi, o.hi);
        let t = two_sum(self.lo, o.lo);
        let s = quick_two_sum(s.hi, s.lo + t.hi);
        quick_two_sum(s.hi, s.lo + t.lo)
    }

    pub fn add_f(self, b: f64) -> DD {
        let s = two_sum(self.hi, b);
        quick_two_sum(s.hi, s.lo + self.lo)
    }

    pub fn neg(self) -> DD {
        DD { hi: -self.hi, lo: -self.lo }
    }

    pub fn sub(self, o: DD) -> DD {
        self.add(o.neg())
    }

    pub fn mul(self, o: DD) -> DD {
        let p = two_prod(self.hi, o.hi);
        quick_two_sum(p.hi, p.lo + (self.hi * o.lo + self.lo * o.hi))
    }

    pub fn mul_f(self, b: f64) -> DD {
        let p = two_prod(self.hi, b);
        quick_two_sum(p.hi, p.lo + self.lo * b)
    }

    /// Multiplication by a power of two (exact barring underflow/overflow).
    pub fn scale(self, k: i32) -> DD {
        DD { hi: super::libm::ldexp(self.hi, k), lo: super::libm::ldexp(self.lo, k) }
    }

    pub fn div(self, o: DD) -> DD {
        let q1 = self.hi / o.hi;
        let r = self.sub(o.mul_f(q1));
        let q2 = r.hi / o.hi;
        let r = r.sub(o.mul_f(q2));
        let q3 = r.hi / o.hi;
        quick_two_sum(q1, q2).add_f(q3)
    }

    pub fn sqrt(self) -> DD {
        if self.hi <= 0.0 {
            return DD::from(self.hi.sqrt());
        }
        let s = self.hi.sqrt();
        let e = self.sub(two_prod(s, s));
        quick_two_sum(s, e.hi / (2.0 * s))
    }

    /// The nearest float.
    pub fn to_f64(self) -> f64 {
        self.hi + self.lo
    }
}

/// ln 2 as a dd.
pub(crate) const LN2: DD =
    DD::new(f64::from_bits(0x3fe6_2e42_fefa_39ef), f64::from_bits(0x3c7a_bc9e_3b39_803f));
/// ln 2 in three pieces, the first two with 42 significant bits so that `k * piece` is exact.
const LN2_A: f64 = f64::from_bits(0x3fe6_2e42_fefa_3800);
const LN2_B: f64 = f64::from_bits(0x3d2e_f357_93c7_6800);
const LN2_C: f64 = f64::from_bits(0xba59_ff03_4254_2fc3);

/// `1/1!, 1/2!, ..., 1/11!` in dd.
fn inverse_factorials() -> &'static [DD; 11] {
    static TABLE: std::sync::OnceLock<[DD; 11]> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = [DD::ONE; 11];
        let mut fact = DD::ONE;
        for (i, slot) in t.iter_mut().enumerate() {
            fact = fact.mul_f((i + 1) as f64);
            *slot = DD::ONE.div(fact);
        }
        t
    })
}

/// `exp(a) == m * 2**k`, `m` in about [0.7, 1.5], for `|a| < 2**10` or so.
pub(crate) fn exp_dd(a: DD) -> (DD, i32) {
    let k = (a.hi / LN2.hi).round();
    // a - k ln2, exactly up to the last piece's rounding.
    let r = DD::from(a.hi - k * LN2_A).add_f(-k * LN2_B).add_f(-k * LN2_C).add_f(a.lo);
    let r = r.scale(-10);
    // expm1(r) by Taylor: r * (1/1! + r * (1/2! + r * (1/3! + ...))).
    let mut s = DD::from(0.0);
    for &c in inverse_factorials().iter().rev() {
        s = c.add(r.mul(s));
    }
    let mut s = s.mul(r);
    // exp(2r) - 1 = 2p + p**2, applied ten times.
    for _ in 0..10 {
        s = s.mul_f(2.0).add(s.mul(s));
    }
    (DD::ONE.add(s), k as i32)
}

/// Natural log of a positive finite dd whose `hi` is a normal float.
pub(crate) fn log_dd(a: DD) -> DD {
    // log(a) = e ln 2 + log(a / 2**e), a / 2**e in [0.75, 1.5) where nothing overflows.
    let (m, mut e) = super::frexp(a.hi);
    if m < 0.75 {
        e -= 1;
    }
    let a = a.scale(-e);
    let y0 = a.hi.ln();
    let (m, k) = exp_dd(DD::from(-y0));
    // d = a * exp(-y0) - 1, then log(1 + d) ~ d - d**2/2.
    let d = a.mul(m).scale(k).add_f(-1.0);
    LN2.mul_f(e as f64).add(DD::from(y0)).add(d.sub(d.mul(d).mul_f(0.5)))
}

/// `v * 2**k` correctly rounded to a float, subnormal and overflowing results included.
pub(crate) fn round_scaled(v: DD, k: i32) -> f64 {
    let v = quick_two_sum(v.hi, v.lo);
    if v.hi == 0.0 || !v.hi.is_finite() {
        return v.hi;
    }
    let (_, e) = super::frexp(v.hi);
    if e + k > -1021 {
        // Normal result (or overflow): v.hi is already v rounded to 53 bits.
        return super::libm::ldexp(v.hi, k);
    }
    // Subnormal: round v to a multiple of s = 2**(-1074 - k) by hand.
    let s = super::libm::ldexp(1.0, -1074 - k);
    let mut q = (v.hi / s).round_ties_even();
    let rem = (v.hi - q * s) + v.lo;
    if rem > 0.5 * s || (rem == 0.5 * s && q % 2.0 != 0.0) {
        q += 1.0;
    } else if rem < -0.5 * s || (rem == -0.5 * s && q % 2.0 != 0.0) {
        q -= 1.0;
    }
    super::libm::ldexp(q, -1074)
}
