//! `_struct`'s core: [`format`](mod@format) parses formats; this file packs values into bytes
//! and unpacks them (`pack`, `pack_into`, `unpack`, `unpack_from`, `iter_unpack`) with CPython's
//! range checks and `struct.error` messages; [`floats`] holds the `e`/`f` encodings.

pub mod floats;
pub mod format;

pub use format::{Format, Item, Mode, calcsize};

use crate::error::{ErrorKind, PyError, PyResult};
use dashu_int::{
    IBig, UBig,
    ops::{BitTest, UnsignedAbs},
};

/// A value handed to `pack`, as the glue classifies the Python object: ints (and `bool`, an int
/// subclass) as `Int`, floats as `Float`, `bytes` as `Bytes`, `bytearray` as `ByteArray` (`s`
/// and `p` take both, `c` only `bytes`), anything else as `Other` with its truth value (for `?`).
#[derive(Clone, Debug, PartialEq)]
pub enum PackArg {
    Int(IBig),
    Float(f64),
    Bytes(Vec<u8>),
    ByteArray(Vec<u8>),
    Other { truthy: bool },
}

/// A value produced by `unpack`.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Int(IBig),
    Float(f64),
    Bytes(Vec<u8>),
    Bool(bool),
}

fn struct_error(msg: impl Into<String>) -> PyError {
    PyError::new(ErrorKind::StructError, msg)
}

/// Inclusive range of an integer code of the given byte size.
fn int_range(code: u8, size: usize) -> (i128, i128) {
    let bits = size as u32 * 8;
    if code.is_ascii_uppercase() {
        (0, (1i128 << bits) - 1)
    } else {
        (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)
    }
}

/// An int argument as a float, correctly rounded; `None` when it overflows a float.
pub fn int_to_f64(v: &IBig) -> Option<f64> {
    let mag: UBig = v.clone().unsigned_abs();
    let bits = mag.bit_len();
    let f = if bits <= 64 {
        u64::try_from(&mag).ok()? as f64
    } else if bits > 1024 {
        return None;
    } else {
        let shift = bits - 64;
        let mut top = u64::try_from(&(&mag >> shift)).ok()?;
        if mag.trailing_zeros().is_some_and(|tz| tz < shift) {
            top |= 1;
        }
        top as f64 * f64::powi(2.0, shift as i32)
    };
    if f.is_infinite() {
        return None;
    }
    Some(if *v < IBig::ZERO { -f } else { f })
}

impl Format {
    fn put(&self, dst: &mut [u8], bytes: &[u8]) {
        if self.mode.little_endian() {
            dst.copy_from_slice(bytes);
        } else {
            for (d, s) in dst.iter_mut().zip(bytes.iter().rev()) {
                *d = *s;
            }
        }
    }

    fn get<const K: usize>(&self, src: &[u8]) -> [u8; K] {
        let mut out = [0u8; K];
        out.copy_from_slice(&src[..K]);
        if !self.mode.little_endian() {
            out.reverse();
        }
        out
    }

    fn pack_one(&self, code: u8, size: usize, arg: &PackArg, dst: &mut [u8]) -> PyResult<()> {
        match code {
            b'?' => {
                let truth = match arg {
                    PackArg::Int(v) => *v != IBig::ZERO,
                    PackArg::Float(f) => *f != 0.0,
                    PackArg::Bytes(b) | PackArg::ByteArray(b) => !b.is_empty(),
                    PackArg::Other { truthy } => *truthy,
                };
                dst[0] = truth as u8;
            }
            b'c' => match arg {
                PackArg::Bytes(b) if b.len() == 1 => dst[0] = b[0],
                _ => return Err(struct_error("char format requires a bytes object of length 1")),
            },
            b'e' | b'f' | b'd' => {
                let x = match arg {
                    PackArg::Float(f) => *f,
                    PackArg::Int(v) => int_to_f64(v)
                        .ok_or_else(|| struct_error("required argument is not a float"))?,
                    _ => return Err(struct_error("required argument is not a float")),
                };
                let too_large = |_| {
                    if matches!(arg, PackArg::Int(_)) {
                        struct_error("int too large to convert")
                    } else {
                        PyError::new(
                            ErrorKind::OverflowError,
                            format!("float too large to pack with {} format", code as char),
                        )
                    }
                };
                match code {
                    b'e' => self.put(dst, &floats::pack_half(x).map_err(too_large)?.to_le_bytes()),
                    b'f' => {
                        self.put(dst, &floats::pack_single(x).map_err(too_large)?.to_le_bytes())
                    }
                    _ => self.put(dst, &x.to_bits().to_le_bytes()),
                }
            }
            b'P' => {
                let PackArg::Int(v) = arg else {
                    return Err(struct_error("required argument is not an integer"));
                };
                let word = if *v < IBig::ZERO {
                    i64::try_from(v).map(|w| w as u64)
                } else {
                    u64::try_from(v)
                }
                .map_err(|_| struct_error("int too large to convert"))?;
                self.put(dst, &word.to_le_bytes());
            }
            _ => {
                let PackArg::Int(v) = arg else {
                    return Err(struct_error("required argument is not an integer"));
                };
                let (lo, hi) = int_range(code, size);
                let n =
                    i128::try_from(v).ok().filter(|n| (lo..=hi).contains(n)).ok_or_else(|| {
                        struct_error(format!(
                            "'{}' format requires {lo} <= number <= {hi}",
                            code as char
                        ))
                    })?;
                self.put(dst, &n.to_le_bytes()[..size]);
            }
        }
        Ok(())
    }

    fn pack_all(&self, args: &[PackArg], out: &mut [u8]) -> PyResult<()> {
        let mut args = args.iter();
        for item in &self.items {
            match item.code {
                b's' | b'p' => {
                    let Some(PackArg::Bytes(b) | PackArg::ByteArray(b)) = args.next() else {
                        return Err(struct_error(format!(
                            "argument for '{}' must be a bytes object",
                            item.code as char
                        )));
                    };
                    let dst = &mut out[item.offset..item.offset + item.count];
                    if item.code == b's' {
                        let n = b.len().min(item.count);
                        dst[..n].copy_from_slice(&b[..n]);
                    } else if item.count > 0 {
                        let n = b.len().min(item.count - 1);
                        dst[1..1 + n].copy_from_slice(&b[..n]);
                        dst[0] = n.min(255) as u8;
                    }
                }
                code => {
                    for k in 0..item.count {
                        let start = item.offset + k * item.size;
                        let arg = args.next().expect("argument count checked");
                        self.pack_one(code, item.size, arg, &mut out[start..start + item.size])?;
                    }
                }
            }
        }
        Ok(())
    }

    fn check_count(&self, what: &str, got: usize) -> PyResult<()> {
        if got != self.nargs {
            return Err(struct_error(format!(
                "{what} expected {} items for packing (got {got})",
                self.nargs
            )));
        }
        Ok(())
    }

    /// `pack(*args)`.
    pub fn pack(&self, args: &[PackArg]) -> PyResult<Vec<u8>> {
        self.check_count("pack", args.len())?;
        let mut out = Vec::new();
        out.try_reserve_exact(self.size).map_err(|_| PyError::new(ErrorKind::MemoryError, ""))?;
        out.resize(self.size, 0);
        self.pack_all(args, &mut out)?;
        Ok(out)
    }

    /// `pack_into(buffer, offset, *args)`: a negative offset counts from the end.
    pub fn pack_into(&self, buf: &mut [u8], offset: i64, args: &[PackArg]) -> PyResult<()> {
        self.check_count("pack_into", args.len())?;
        let start = self.buffer_start(buf.len(), offset, true)?;
        // Padding inside the span is zeroed, as CPython clears the span before packing.
        let span = &mut buf[start..start + self.size];
        span.fill(0);
        self.pack_all(args, span)
    }

    /// Where the struct starts in a buffer of `len` bytes for `offset`, with CPython's errors.
    fn buffer_start(&self, len: usize, offset: i64, packing: bool) -> PyResult<usize> {
        let size = self.size as i128;
        let len_i = len as i128;
        let mut off = offset as i128;
        if off < 0 {
            if off + size > 0 {
                return Err(struct_error(if packing {
                    format!("no space to pack {size} bytes at offset {off}")
                } else {
                    format!("not enough data to unpack {size} bytes at offset {off}")
                }));
            }
            if off + len_i < 0 {
                return Err(struct_error(format!(
                    "offset {off} out of range for {len}-byte buffer"
                )));
            }
            off += len_i;
        }
        if len_i - off < size {
            let (name, verb) =
                if packing { ("pack_into", "packing") } else { ("unpack_from", "unpacking") };
            return Err(struct_error(format!(
                "{name} requires a buffer of at least {} bytes for {verb} {size} bytes at offset \
                 {off} (actual buffer size is {len})",
                size + off
            )));
        }
        Ok(off as usize)
    }

    fn unpack_one(&self, code: u8, src: &[u8]) -> Value {
        let native = self.mode.is_native();
        match code {
            b'?' => Value::Bool(src[0] != 0),
            b'c' => Value::Bytes(vec![src[0]]),
            b'e' => Value::Float(floats::unpack_half(u16::from_le_bytes(self.get::<2>(src)))),
            b'f' => {
                Value::Float(floats::unpack_single(u32::from_le_bytes(self.get::<4>(src)), native))
            }
            b'd' => Value::Float(f64::from_bits(u64::from_le_bytes(self.get::<8>(src)))),
            _ => {
                let mut le = [0u8; 8];
                let size = src.len().min(8);
                if self.mode.little_endian() {
                    le[..size].copy_from_slice(&src[..size]);
                } else {
                    for (d, s) in le.iter_mut().zip(src[..size].iter().rev()) {
                        *d = *s;
                    }
                }
                let raw = u64::from_le_bytes(le);
                if code.is_ascii_uppercase() {
                    Value::Int(IBig::from(raw))
                } else {
                    let shift = 64 - 8 * size as u32;
                    Value::Int(IBig::from(((raw << shift) as i64) >> shift))
                }
            }
        }
    }

    fn unpack_at(&self, buf: &[u8]) -> Vec<Value> {
        let mut out = Vec::with_capacity(self.nargs);
        for item in &self.items {
            let data = &buf[item.offset..item.offset + item.count * item.size];
            match item.code {
                b's' => out.push(Value::Bytes(data.to_vec())),
                b'p' => {
                    let n = data.first().map_or(0, |&n| (n as usize).min(item.count - 1));
                    out.push(Value::Bytes(data.get(1..1 + n).unwrap_or(&[]).to_vec()));
                }
                code => out.extend(data.chunks_exact(item.size).map(|c| self.unpack_one(code, c))),
            }
        }
        out
    }

    /// `unpack(buffer)`: the buffer must be exactly `size` bytes.
    pub fn unpack(&self, buf: &[u8]) -> PyResult<Vec<Value>> {
        if buf.len() != self.size {
            return Err(struct_error(format!("unpack requires a buffer of {} bytes", self.size)));
        }
        Ok(self.unpack_at(buf))
    }

    /// `unpack_from(buffer, offset=0)`.
    pub fn unpack_from(&self, buf: &[u8], offset: i64) -> PyResult<Vec<Value>> {
        let start = self.buffer_start(buf.len(), offset, false)?;
        Ok(self.unpack_at(&buf[start..start + self.size]))
    }

    /// The checks `iter_unpack(buffer)` makes before iterating.
    pub fn iter_unpack_check(&self, len: usize) -> PyResult<()> {
        if self.size == 0 {
            return Err(struct_error("cannot iteratively unpack with a struct of length 0"));
        }
        if !len.is_multiple_of(self.size) {
            return Err(struct_error(format!(
                "iterative unpacking requires a buffer of a multiple of {} bytes",
                self.size
            )));
        }
        Ok(())
    }

    /// `iter_unpack(buffer)`, collected.
    pub fn iter_unpack(&self, buf: &[u8]) -> PyResult<Vec<Vec<Value>>> {
        self.iter_unpack_check(buf.len())?;
        Ok(buf.chunks_exact(self.size).map(|c| self.unpack_at(c)).collect())
    }
}
