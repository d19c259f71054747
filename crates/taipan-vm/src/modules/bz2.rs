//! The `_bz2` module (CPython's `Modules/_bz2module.c`): `BZ2Compressor` and
//! `BZ2Decompressor` on the `bzip2` crate (libbzip2's algorithm, ported to Rust, same
//! output). The streams are native, held in a native handle; the two classes are Python
//! (`py/bz2.py`).

use bzip2::{Action, Compression, Status};

use super::handle::{buffer, c_int as int_arg, c_ssize, new_handle, with_state};
use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::object::{Object, ObjectRef};
use crate::types::bool::py_bool as new_bool;
use crate::types::bytes::new_bytes;
use crate::types::dict::as_dict;
use crate::types::function::{NativeFn, new_builtin_function};
use crate::types::module::{module_dict, new_module};
use crate::types::tuple::new_tuple;

const SOURCE: &str = include_str!("py/bz2.py");
const FIRST_BLOCK: usize = 32 * 1024;

type S<'a> = Option<ObjectRef<'a>>;

/// CPython's `catch_bz2_error`.
fn bz_error(e: bzip2::Error) -> PyErr {
    use crate::types::exceptions::{OS_ERROR, RUNTIME_ERROR};
    match e {
        bzip2::Error::Param => {
            PyErr::value_error("Internal error - invalid parameters passed to libbzip2")
        }
        bzip2::Error::Data | bzip2::Error::DataMagic => {
            PyErr::new(&OS_ERROR, "Invalid data stream")
        }
        bzip2::Error::Sequence => PyErr::new(
            &RUNTIME_ERROR,
            "Internal error - Invalid sequence of commands sent to libbzip2",
        ),
    }
}

struct Compressor {
    c: bzip2::Compress,
    flushed: bool,
}

struct Decompressor {
    d: bzip2::Decompress,
    eof: bool,
    needs_input: bool,
    /// A data error happened: the stream cannot go on.
    failed: bool,
    unused_data: Vec<u8>,
    /// Input kept from the last call (not consumed because of `max_length`).
    input: Vec<u8>,
}

/// The next size of an output buffer of `len` bytes: 32 KiB, then twice as much, at most
/// `limit`.
fn grown(len: usize, limit: usize) -> usize {
    let n = if len == 0 { FIRST_BLOCK } else { len };
    len + n.min(limit.saturating_sub(len))
}

fn run_compress(c: &mut bzip2::Compress, data: &[u8], action: Action) -> PyResult<Vec<u8>> {
    let mut out = Vec::new();
    let mut filled = 0;
    let mut pos = 0;
    loop {
        if action == Action::Run && pos == data.len() {
            break;
        }
        if filled == out.len() {
            out.resize(grown(filled, usize::MAX), 0);
        }
        let (before_in, before_out) = (c.total_in(), c.total_out());
        let st = c.compress(&data[pos..], &mut out[filled..], action).map_err(bz_error)?;
        pos += (c.total_in() - before_in) as usize;
        filled += (c.total_out() - before_out) as usize;
        if action == Action::Finish && st == Status::StreamEnd {
            break;
        }
    }
    out.truncate(filled);
    Ok(out)
}

/// `_c_new(compresslevel)`.
fn c_new(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.count("_c_new", 1, 1)?;
    let level = int_arg(a.pos[0].as_ref())?;
    if !(1..=9).contains(&level) {
        return Err(PyErr::value_error("compresslevel must be between 1 and 9"));
    }
    Ok(new_handle(Compressor {
        c: bzip2::Compress::new(Compression::new(level as u32), 0),
        flushed: false,
    }))
}

/// `_c_compress(h, data)`.
fn c_compress(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.count("_c_compress", 2, 2)?;
    let data = buffer(a.pos[1].as_ref())?;
    with_state(a.pos[0].as_ref(), |c: &mut Compressor| {
        if c.flushed {
            return Err(PyErr::value_error("Compressor has been flushed"));
        }
        Ok(new_bytes(&run_compress(&mut c.c, &data, Action::Run)?))
    })
}

/// `_c_flush(h)`.
fn c_flush(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.count("_c_flush", 1, 1)?;
    with_state(a.pos[0].as_ref(), |c: &mut Compressor| {
        if c.flushed {
            return Err(PyErr::value_error("Repeated call to flush()"));
        }
        c.flushed = true;
        Ok(new_bytes(&run_compress(&mut c.c, &[], Action::Finish)?))
    })
}

/// `_d_new()`.
fn d_new(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.count("_d_new", 0, 0)?;
    Ok(new_handle(Decompressor {
        d: bzip2::Decompress::new(false),
        eof: false,
        needs_input: true,
        failed: false,
        unused_data: Vec::new(),
        input: Vec::new(),
    }))
}

/// `_d_decompress(h, data, max_length)`.
fn d_decompress(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.count("_d_decompress", 3, 3)?;
    let data = buffer(a.pos[1].as_ref())?;
    let max_length = c_ssize(a.pos[2].as_ref())?;
    with_state(a.pos[0].as_ref(), |d: &mut Decompressor| {
        if d.eof {
            return Err(PyErr::new(
                &crate::types::exceptions::EOF_ERROR,
                "End of stream already reached",
            ));
        }
        if d.failed {
            return Err(PyErr::value_error("Decompressor is unusable after a previous error"));
        }
        let input: Vec<u8> = if d.input.is_empty() {
            data.to_vec()
        } else {
            let mut v = std::mem::take(&mut d.input);
            v.extend_from_slice(&data);
            v
        };
        let limit = if max_length < 0 { usize::MAX } else { max_length as usize };
        let mut out: Vec<u8> = vec![0; FIRST_BLOCK.min(limit)];
        let mut filled = 0;
        let mut pos = 0;
        loop {
            let (before_in, before_out) = (d.d.total_in(), d.d.total_out());
            let st = match d.d.decompress(&input[pos..], &mut out[filled..]) {
                Ok(st) => st,
                Err(e) => {
                    d.failed = true;
                    d.needs_input = false;
                    d.input.clear();
                    return Err(bz_error(e));
                }
            };
            pos += (d.d.total_in() - before_in) as usize;
            filled += (d.d.total_out() - before_out) as usize;
            if st == Status::MemNeeded {
                return Err(PyErr::memory_error());
            }
            if st == Status::StreamEnd {
                d.eof = true;
                break;
            }
            if pos == input.len() {
                break;
            }
            if filled == out.len() {
                if filled == limit {
                    break;
                }
                out.resize(grown(filled, limit), 0);
            }
        }
        out.truncate(filled);
        let rest = &input[pos..];
        if d.eof {
            d.needs_input = false;
            if !rest.is_empty() {
                d.unused_data = rest.to_vec();
            }
        } else if rest.is_empty() {
            d.needs_input = true;
        } else {
            d.needs_input = false;
            d.input = rest.to_vec();
        }
        Ok(new_bytes(&out))
    })
}

/// `_d_state(h)`: `(eof, unused_data, needs_input)`.
fn d_state(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.count("_d_state", 1, 1)?;
    with_state(a.pos[0].as_ref(), |d: &mut Decompressor| {
        Ok(new_tuple(vec![new_bool(d.eof), new_bytes(&d.unused_data), new_bool(d.needs_input)]))
    })
}

/// Makes the `_bz2` module.
pub fn make_module() -> PyResult<Object> {
    let m = new_module("_bz2");
    let d = as_dict(module_dict(m.as_ref()).expect("dict")).expect("dict");
    for (name, f) in [
        ("_c_new", c_new as NativeFn),
        ("_c_compress", c_compress),
        ("_c_flush", c_flush),
        ("_d_new", d_new),
        ("_d_decompress", d_decompress),
        ("_d_state", d_state),
    ] {
        d.set_str(name, new_builtin_function(name, f))?;
    }
    let code = crate::import::path::compile_bytes(SOURCE.as_bytes(), "<frozen _bz2>")?;
    crate::import::path::exec_code_in_module(m.as_ref(), code)?;
    Ok(m)
}
