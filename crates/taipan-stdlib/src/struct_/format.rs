//! `_struct` format strings: the byte-order prefix, repeat counts, the code table for native
//! (x86-64 Linux sizes and alignment) and standard modes, and the layout CPython computes from
//! them (`calcsize`, the number of items `pack` expects).

use crate::error::{ErrorKind, PyError, PyResult};

/// How a format lays values out: its first character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// `@` or no prefix: native byte order, native sizes and alignment.
    Native,
    /// `=`: native byte order (little-endian here), standard sizes, no alignment.
    StdNative,
    /// `<`: little-endian, standard sizes, no alignment.
    Little,
    /// `>` or `!`: big-endian, standard sizes, no alignment.
    Big,
}

impl Mode {
    /// Whether the layout is the native one (`@`): native sizes, alignment, `n`/`N`/`P`.
    pub fn is_native(self) -> bool {
        self == Mode::Native
    }

    /// Whether multi-byte values are stored little-endian.
    pub fn little_endian(self) -> bool {
        self != Mode::Big
    }
}

/// One run of a format: `count` consecutive values of `code` starting at `offset`; for `s` and
/// `p` a single bytes value of `count` bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Item {
    pub code: u8,
    pub offset: usize,
    pub count: usize,
    /// Bytes per value (1 for `s`/`p`, whose run is one value of `count` bytes).
    pub size: usize,
}

/// A parsed format: what `struct.Struct(fmt)` holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Format {
    pub mode: Mode,
    /// `calcsize`: the packed length in bytes.
    pub size: usize,
    /// How many values `pack` takes and `unpack` returns.
    pub nargs: usize,
    /// The runs, in order; pad bytes (`x`) have none.
    pub items: Vec<Item>,
}

/// Size and alignment of a code in the given mode, or `None` if the mode lacks it.
fn code_layout(code: u8, native: bool) -> Option<(usize, usize)> {
    let size = match code {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        b'q' | b'Q' | b'd' => 8,
        b'l' | b'L' => {
            if native {
                8
            } else {
                4
            }
        }
        b'n' | b'N' | b'P' if native => 8,
        _ => return None,
    };
    let align = if native { size } else { 1 };
    Some((size, align))
}

fn too_long() -> PyError {
    PyError::new(ErrorKind::StructError, "total struct size too long")
}

fn is_c_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

impl Format {
    /// Parses a format given as bytes (a `str` format is first encoded as ASCII by the glue:
    /// a non-ASCII `str` is CPython's `UnicodeEncodeError`).
    /// Bytes formats are decoded with `surrogateescape` and re-encoded as ASCII by CPython, so
    /// a byte >= 0x80 is a `UnicodeEncodeError` naming `'\udcXX'`.
    pub fn parse(fmt: &[u8]) -> PyResult<Format> {
        if let Some(start) = fmt.iter().position(|&b| b >= 0x80) {
            let run = fmt[start..].iter().take_while(|&&b| b >= 0x80).count();
            return Err(ascii_error(start, run, &format!("\\udc{:02x}", fmt[start])));
        }
        Self::parse_ascii(fmt)
    }

    /// Parses a `str` format (its code points as a Rust string).
    pub fn parse_str(fmt: &str) -> PyResult<Format> {
        let chars: Vec<char> = fmt.chars().collect();
        if let Some(start) = chars.iter().position(|&c| !c.is_ascii()) {
            let run = chars[start..].iter().take_while(|c| !c.is_ascii()).count();
            let c = chars[start] as u32;
            let shown = match c {
                0..=0xff => format!("\\x{c:02x}"),
                0x100..=0xffff => format!("\\u{c:04x}"),
                _ => format!("\\U{c:08x}"),
            };
            return Err(ascii_error(start, run, &shown));
        }
        Self::parse_ascii(fmt.as_bytes())
    }

    fn parse_ascii(fmt: &[u8]) -> PyResult<Format> {
        if fmt.contains(&0) {
            return Err(PyError::new(ErrorKind::StructError, "embedded null character"));
        }
        let (mode, mut rest) = match fmt.first() {
            Some(b'@') => (Mode::Native, &fmt[1..]),
            Some(b'=') => (Mode::StdNative, &fmt[1..]),
            Some(b'<') => (Mode::Little, &fmt[1..]),
            Some(b'>' | b'!') => (Mode::Big, &fmt[1..]),
            _ => (Mode::Native, fmt),
        };
        let native = mode.is_native();
        let mut size: usize = 0;
        let mut nargs: usize = 0;
        let mut items = Vec::new();
        const MAX: usize = isize::MAX as usize;
        while let Some((&c, tail)) = rest.split_first() {
            rest = tail;
            if is_c_space(c) {
                continue;
            }
            let (code, num) = if c.is_ascii_digit() {
                let mut num = (c - b'0') as usize;
                loop {
                    match rest.split_first() {
                        Some((&d, tail)) if d.is_ascii_digit() => {
                            num = num
                                .checked_mul(10)
                                .and_then(|n| n.checked_add((d - b'0') as usize))
                                .filter(|&n| n <= MAX)
                                .ok_or_else(too_long)?;
                            rest = tail;
                        }
                        Some((&d, tail)) => {
                            rest = tail;
                            break (d, num);
                        }
                        None => {
                            return Err(PyError::new(
                                ErrorKind::StructError,
                                "repeat count given without format specifier",
                            ));
                        }
                    }
                }
            } else {
                (c, 1)
            };
            let (item_size, align) = code_layout(code, native)
                .ok_or_else(|| PyError::new(ErrorKind::StructError, "bad char in struct format"))?;
            if align > 1 && size > 0 {
                let extra = (align - 1) - (size - 1) % align;
                size = size.checked_add(extra).filter(|&s| s <= MAX).ok_or_else(too_long)?;
            }
            if num > (MAX - size) / item_size {
                return Err(too_long());
            }
            match code {
                b'x' => {}
                b's' | b'p' => {
                    nargs += 1;
                    items.push(Item { code, offset: size, count: num, size: 1 });
                }
                _ => {
                    if num > 0 {
                        nargs = nargs.checked_add(num).ok_or_else(too_long)?;
                        items.push(Item { code, offset: size, count: num, size: item_size });
                    }
                }
            }
            size += num * item_size;
        }
        Ok(Format { mode, size, nargs, items })
    }
}

/// The `UnicodeEncodeError` of encoding a format with a non-ASCII run at `start`.
fn ascii_error(start: usize, run: usize, first: &str) -> PyError {
    let what = if run == 1 {
        format!("character '{first}' in position {start}")
    } else {
        format!("characters in position {start}-{}", start + run - 1)
    };
    PyError::new(
        ErrorKind::UnicodeEncodeError,
        format!("'ascii' codec can't encode {what}: ordinal not in range(128)"),
    )
}

/// `struct.calcsize(fmt)`.
pub fn calcsize(fmt: &[u8]) -> PyResult<usize> {
    Format::parse(fmt).map(|f| f.size)
}
