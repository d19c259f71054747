//! The `_lzma` module (CPython's `Modules/_lzmamodule.c`) on liblzma (`liblzma-sys`, built
//! from its bundled xz source): `LZMACompressor`/`LZMADecompressor` with the XZ, ALONE and
//! RAW formats, filter chains, integrity checks, `is_check_supported` and the filter
//! property codecs. The streams are native, held in a native handle; the classes, the
//! argument checks and the filter-specifier parsing are Python (`py/lzma.py`), which hands
//! filters over as tuples (see [`filter_chain`]).

use std::cell::RefCell;
use std::os::raw::c_void;

use liblzma_sys as x;

use super::handle::{buffer, c_int as int_arg, c_ssize, new_handle, with_state};
use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::gil::GilCell;
use crate::object::{Object, ObjectRef};
use crate::types::bool::py_bool as new_bool;
use crate::types::bytes::new_bytes;
use crate::types::dict::{as_dict, new_dict};
use crate::types::function::{NativeFn, new_builtin_function};
use crate::types::int::{new_int, new_int_i64};
use crate::types::module::{module_dict, new_module};
use crate::types::singletons::is_none;
use crate::types::str::new_str;
use crate::types::tuple::{new_tuple, tuple_items};

const SOURCE: &str = include_str!("py/lzma.py");
const FIRST_BLOCK: usize = 32 * 1024;

const FORMAT_AUTO: i32 = 0;
const FORMAT_XZ: i32 = 1;
const FORMAT_ALONE: i32 = 2;
const FORMAT_RAW: i32 = 3;
const CHECK_UNKNOWN: i64 = x::LZMA_CHECK_ID_MAX as i64 + 1;

type S<'a> = Option<ObjectRef<'a>>;

/// `_lzma.LZMAError`, made once per interpreter.
static LZMA_ERROR: GilCell<RefCell<Option<Object>>> = GilCell::new(RefCell::new(None));

fn error_class() -> PyResult<Object> {
    if let Some(e) = LZMA_ERROR.with(|e| e.borrow().clone()) {
        return Ok(e);
    }
    let ns = new_dict();
    let nsd = as_dict(ns.as_ref()).expect("dict");
    nsd.set_str("__module__", new_str("_lzma"))?;
    nsd.set_str("__doc__", new_str("Call to liblzma failed."))?;
    let bases = new_tuple(vec![crate::types::exceptions::EXCEPTION.0.as_object().to_owned()]);
    let cls = crate::ops::call(
        crate::types::typeobject::TYPE_TYPE.0.as_object(),
        &[new_str("LZMAError"), bases, ns],
        None,
    )?;
    LZMA_ERROR.with(|e| *e.borrow_mut() = Some(cls.clone()));
    Ok(cls)
}

/// `LZMAError(msg)`.
fn lzma_error(msg: String) -> PyErr {
    match error_class().and_then(|c| crate::ops::call(c.as_ref(), &[new_str(&msg)], None)) {
        Ok(inst) => PyErr::from_instance(inst),
        Err(e) => e,
    }
}

/// CPython's `catch_lzma_error`: Ok for the return codes that are not errors.
fn check(ret: x::lzma_ret) -> PyResult<()> {
    let msg = match ret {
        x::LZMA_OK | x::LZMA_GET_CHECK | x::LZMA_NO_CHECK | x::LZMA_STREAM_END => return Ok(()),
        x::LZMA_UNSUPPORTED_CHECK => "Unsupported integrity check",
        x::LZMA_MEM_ERROR => return Err(PyErr::memory_error()),
        x::LZMA_MEMLIMIT_ERROR => "Memory usage limit exceeded",
        x::LZMA_FORMAT_ERROR => "Input format not supported by decoder",
        x::LZMA_OPTIONS_ERROR => "Invalid or unsupported options",
        x::LZMA_DATA_ERROR => "Corrupt input data",
        x::LZMA_BUF_ERROR => "Insufficient buffer space",
        x::LZMA_PROG_ERROR => "Internal error",
        other => return Err(lzma_error(format!("Unrecognized error from liblzma: {other}"))),
    };
    Err(lzma_error(msg.to_string()))
}

/// An lzma_stream (boxed, all-zero as `LZMA_STREAM_INIT`), ended on drop.
struct Stream(Box<x::lzma_stream>);

impl Stream {
    fn new() -> Stream {
        // SAFETY: an all-zero lzma_stream is LZMA_STREAM_INIT (null pointers, zero counts).
        Stream(Box::new(unsafe { std::mem::zeroed() }))
    }

    /// One `lzma_code` call reading `input` and writing at most `room` bytes at the end of
    /// `out`; returns the code and how much input it read.
    fn code(
        &mut self,
        input: &[u8],
        out: &mut Vec<u8>,
        room: usize,
        action: x::lzma_action,
    ) -> (x::lzma_ret, usize) {
        out.reserve(room);
        let s = &mut *self.0;
        s.next_in = input.as_ptr();
        s.avail_in = input.len();
        // SAFETY: `reserve` made `room` bytes past `out`'s length available.
        s.next_out = unsafe { out.as_mut_ptr().add(out.len()) };
        s.avail_out = room;
        // SAFETY: the stream was initialised by an encoder/decoder set-up; its buffers point
        // into `input` and `out`, live for this call.
        let ret = unsafe { x::lzma_code(s, action) };
        let written = room - s.avail_out;
        // SAFETY: liblzma wrote `written` bytes into the room.
        unsafe { out.set_len(out.len() + written) };
        let read = input.len() - s.avail_in;
        s.next_in = std::ptr::null();
        s.avail_in = 0;
        s.next_out = std::ptr::null_mut();
        s.avail_out = 0;
        (ret, read)
    }
}

impl Drop for Stream {
    fn drop(&mut self) {
        // SAFETY: lzma_end accepts any stream, initialised or not (LZMA_STREAM_INIT).
        unsafe { x::lzma_end(&mut *self.0) }
    }
}

/// The options of one filter, owned so that their address is stable while liblzma reads
/// them.
enum Opts {
    Lzma(Box<x::lzma_options_lzma>),
    Delta(Box<x::lzma_options_delta>),
    Bcj(Box<x::lzma_options_bcj>),
}

/// A filter chain for liblzma: the options and the `lzma_filter` array ending in
/// `LZMA_VLI_UNKNOWN`.
struct Chain {
    _opts: Vec<Opts>,
    filters: Vec<x::lzma_filter>,
}

fn u32_of(o: &Object) -> PyResult<u32> {
    let v = super::handle::index_ibig(o.as_ref())?;
    u32::try_from(&v).map_err(|_| PyErr::value_error("filter option out of range"))
}

fn lzma_preset(preset: u32) -> Option<x::lzma_options_lzma> {
    // SAFETY: zeroed options are valid for lzma_lzma_preset to fill.
    let mut o: x::lzma_options_lzma = unsafe { std::mem::zeroed() };
    // SAFETY: `o` is a valid, writable options struct.
    let bad = unsafe { x::lzma_lzma_preset(&mut o, preset) };
    if bad != 0 { None } else { Some(o) }
}

/// One filter from its tuple: `(id, preset, dict_size, lc, lp, pb, mode, nice_len, mf,
/// depth)` for LZMA1/2 (None: the preset's value), `(id, dist)` for delta, `(id,
/// start_offset)` for the BCJ filters. The Python side has checked the ranges.
fn filter_of(t: &Object) -> PyResult<(u64, Opts)> {
    let items = tuple_items(t.as_ref()).ok_or_else(|| PyErr::type_error("filter tuple"))?;
    let id_obj = items.first().ok_or_else(|| PyErr::type_error("filter tuple"))?;
    let id = u64::try_from(&super::handle::index_ibig(id_obj.as_ref())?)
        .map_err(|_| PyErr::value_error("filter id"))?;
    let opt = |i: usize| -> PyResult<Option<u32>> {
        match items.get(i) {
            Some(o) if !is_none(o.as_ref()) => Ok(Some(u32_of(o)?)),
            _ => Ok(None),
        }
    };
    match id {
        x::LZMA_FILTER_LZMA1 | x::LZMA_FILTER_LZMA2 => {
            let preset = opt(1)?.unwrap_or(x::LZMA_PRESET_DEFAULT);
            let mut o = lzma_preset(preset)
                .ok_or_else(|| lzma_error(format!("Invalid compression preset: {preset}")))?;
            if let Some(v) = opt(2)? {
                o.dict_size = v;
            }
            if let Some(v) = opt(3)? {
                o.lc = v;
            }
            if let Some(v) = opt(4)? {
                o.lp = v;
            }
            if let Some(v) = opt(5)? {
                o.pb = v;
            }
            if let Some(v) = opt(6)? {
                o.mode = v as _;
            }
            if let Some(v) = opt(7)? {
                o.nice_len = v;
            }
            if let Some(v) = opt(8)? {
                o.mf = v as _;
            }
            if let Some(v) = opt(9)? {
                o.depth = v;
            }
            Ok((id, Opts::Lzma(Box::new(o))))
        }
        x::LZMA_FILTER_DELTA => {
            // SAFETY: zeroed delta options are valid; the fields are set below.
            let mut o: x::lzma_options_delta = unsafe { std::mem::zeroed() };
            o.type_ = x::lzma_delta_type_LZMA_DELTA_TYPE_BYTE;
            o.dist = opt(1)?.unwrap_or(1);
            Ok((id, Opts::Delta(Box::new(o))))
        }
        x::LZMA_FILTER_X86
        | x::LZMA_FILTER_POWERPC
        | x::LZMA_FILTER_IA64
        | x::LZMA_FILTER_ARM
        | x::LZMA_FILTER_ARMTHUMB
        | x::LZMA_FILTER_SPARC => Ok((
            id,
            Opts::Bcj(Box::new(x::lzma_options_bcj { start_offset: opt(1)?.unwrap_or(0) })),
        )),
        _ => Err(PyErr::value_error(format!("Invalid filter ID: {id}"))),
    }
}

fn opts_ptr(o: &mut Opts) -> *mut c_void {
    match o {
        Opts::Lzma(b) => &mut **b as *mut x::lzma_options_lzma as *mut c_void,
        Opts::Delta(b) => &mut **b as *mut x::lzma_options_delta as *mut c_void,
        Opts::Bcj(b) => &mut **b as *mut x::lzma_options_bcj as *mut c_void,
    }
}

/// The chain of a sequence of filter tuples.
fn filter_chain(seq: ObjectRef<'_>) -> PyResult<Chain> {
    let items = crate::ops::sequence_to_vec(seq)?;
    let mut opts = Vec::new();
    let mut filters = Vec::new();
    for t in &items {
        let (id, mut o) = filter_of(t)?;
        filters.push(x::lzma_filter { id, options: opts_ptr(&mut o) });
        opts.push(o);
    }
    filters.push(x::lzma_filter { id: x::LZMA_VLI_UNKNOWN, options: std::ptr::null_mut() });
    Ok(Chain { _opts: opts, filters })
}

struct Compressor {
    s: Stream,
    flushed: bool,
}

struct Decompressor {
    s: Stream,
    check: i64,
    eof: bool,
    needs_input: bool,
    unused_data: Vec<u8>,
    /// Input kept from the last call (not consumed because of `max_length`).
    input: Vec<u8>,
}

/// `_c_new(format, check, preset, filters_or_None)`; the Python side checked the argument
/// combinations.
fn c_new(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.count("_c_new", 4, 4)?;
    let format = int_arg(a.pos[0].as_ref())?;
    let check_id = int_arg(a.pos[1].as_ref())?;
    let preset = u32_of(&a.pos[2])?;
    let filters =
        if is_none(a.pos[3].as_ref()) { None } else { Some(filter_chain(a.pos[3].as_ref())?) };
    let mut s = Stream::new();
    let ret = match format {
        FORMAT_XZ => {
            let chk = if check_id == -1 { x::LZMA_CHECK_CRC64 as i32 } else { check_id };
            match &filters {
                // SAFETY: a fresh stream; the chain is terminated and outlives the call.
                None => unsafe { x::lzma_easy_encoder(&mut *s.0, preset, chk as _) },
                Some(c) => unsafe {
                    x::lzma_stream_encoder(&mut *s.0, c.filters.as_ptr(), chk as _)
                },
            }
        }
        FORMAT_ALONE => match &filters {
            None => {
                let o = lzma_preset(preset)
                    .ok_or_else(|| lzma_error(format!("Invalid compression preset: {preset}")))?;
                // SAFETY: a fresh stream; `o` is live for the call (liblzma copies it).
                unsafe { x::lzma_alone_encoder(&mut *s.0, &o) }
            }
            Some(c) => {
                if c.filters.len() == 2 && c.filters[0].id == x::LZMA_FILTER_LZMA1 {
                    // SAFETY: the first filter's options are LZMA options, live for the call.
                    unsafe {
                        x::lzma_alone_encoder(
                            &mut *s.0,
                            c.filters[0].options as *const x::lzma_options_lzma,
                        )
                    }
                } else {
                    return Err(PyErr::value_error(
                        "Invalid filter chain for FORMAT_ALONE - must be a single LZMA1 filter",
                    ));
                }
            }
        },
        FORMAT_RAW => match &filters {
            None => return Err(PyErr::value_error("Must specify filters for FORMAT_RAW")),
            // SAFETY: as for the XZ encoder.
            Some(c) => unsafe { x::lzma_raw_encoder(&mut *s.0, c.filters.as_ptr()) },
        },
        _ => return Err(PyErr::value_error(format!("Invalid container format: {format}"))),
    };
    check(ret)?;
    Ok(new_handle(Compressor { s, flushed: false }))
}

fn run_compress(s: &mut Stream, data: &[u8], action: x::lzma_action) -> PyResult<Vec<u8>> {
    let mut out: Vec<u8> = Vec::new();
    let mut cap = FIRST_BLOCK;
    let mut pos = 0;
    loop {
        let room = cap - out.len();
        let (mut ret, read) = s.code(&data[pos..], &mut out, room, action);
        pos += read;
        if ret == x::LZMA_BUF_ERROR && data.is_empty() && out.len() < cap {
            ret = x::LZMA_OK;
        }
        check(ret)?;
        if (action == x::LZMA_RUN && pos == data.len())
            || (action == x::LZMA_FINISH && ret == x::LZMA_STREAM_END)
        {
            break;
        }
        if out.len() == cap {
            cap *= 2;
        }
    }
    Ok(out)
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
        Ok(new_bytes(&run_compress(&mut c.s, &data, x::LZMA_RUN)?))
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
        Ok(new_bytes(&run_compress(&mut c.s, &[], x::LZMA_FINISH)?))
    })
}

/// `_d_new(format, memlimit, filters_or_None)` (memlimit: an int, `2**64-1` for none).
fn d_new(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.count("_d_new", 3, 3)?;
    let format = int_arg(a.pos[0].as_ref())?;
    let memlimit = u64::try_from(&super::handle::index_ibig(a.pos[1].as_ref())?)
        .map_err(|_| PyErr::overflow_error("memlimit"))?;
    let flags = x::LZMA_TELL_ANY_CHECK | x::LZMA_TELL_NO_CHECK;
    let mut s = Stream::new();
    let mut chk = CHECK_UNKNOWN;
    let ret = match format {
        // SAFETY: fresh streams.
        FORMAT_AUTO => unsafe { x::lzma_auto_decoder(&mut *s.0, memlimit, flags) },
        FORMAT_XZ => unsafe { x::lzma_stream_decoder(&mut *s.0, memlimit, flags) },
        FORMAT_ALONE => {
            chk = x::LZMA_CHECK_NONE as i64;
            // SAFETY: a fresh stream.
            unsafe { x::lzma_alone_decoder(&mut *s.0, memlimit) }
        }
        FORMAT_RAW => {
            chk = x::LZMA_CHECK_NONE as i64;
            let c = filter_chain(a.pos[2].as_ref())?;
            // SAFETY: a fresh stream; the chain is terminated and outlives the call.
            unsafe { x::lzma_raw_decoder(&mut *s.0, c.filters.as_ptr()) }
        }
        _ => return Err(PyErr::value_error(format!("Invalid container format: {format}"))),
    };
    check(ret)?;
    Ok(new_handle(Decompressor {
        s,
        check: chk,
        eof: false,
        needs_input: true,
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
                "Already at end of stream",
            ));
        }
        let input: Vec<u8> = if d.input.is_empty() {
            data.to_vec()
        } else {
            let mut v = std::mem::take(&mut d.input);
            v.extend_from_slice(&data);
            v
        };
        let limit = if max_length < 0 { usize::MAX } else { max_length as usize };
        let mut out: Vec<u8> = Vec::new();
        let mut cap = FIRST_BLOCK.min(limit);
        let mut pos = 0;
        let result: PyResult<()> = (|| {
            loop {
                let room = cap - out.len();
                let (mut ret, read) = d.s.code(&input[pos..], &mut out, room, x::LZMA_RUN);
                pos += read;
                let full = out.len() == cap;
                if ret == x::LZMA_BUF_ERROR && pos == input.len() && !full {
                    ret = x::LZMA_OK;
                }
                check(ret)?;
                if ret == x::LZMA_GET_CHECK || ret == x::LZMA_NO_CHECK {
                    // SAFETY: the stream is a live decoder.
                    d.check = unsafe { x::lzma_get_check(&*d.s.0) } as i64;
                }
                if ret == x::LZMA_STREAM_END {
                    d.eof = true;
                    break;
                } else if full {
                    if out.len() == limit {
                        break;
                    }
                    cap += out.len().max(FIRST_BLOCK).min(limit - out.len());
                } else if pos == input.len() {
                    break;
                }
            }
            Ok(())
        })();
        if let Err(e) = result {
            d.input.clear();
            return Err(e);
        }
        let rest = &input[pos..];
        if d.eof {
            d.needs_input = false;
            if !rest.is_empty() {
                d.unused_data = rest.to_vec();
            }
        } else if rest.is_empty() {
            // With the output full (at max_length), liblzma may still hold output: the next
            // call may pass no input.
            d.needs_input = out.len() != limit;
        } else {
            d.needs_input = false;
            d.input = rest.to_vec();
        }
        Ok(new_bytes(&out))
    })
}

/// `_d_state(h)`: `(check, eof, needs_input, unused_data)`.
fn d_state(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.count("_d_state", 1, 1)?;
    with_state(a.pos[0].as_ref(), |d: &mut Decompressor| {
        Ok(new_tuple(vec![
            new_int_i64(d.check),
            new_bool(d.eof),
            new_bool(d.needs_input),
            new_bytes(&d.unused_data),
        ]))
    })
}

/// `_preset_ok(preset)`: whether liblzma knows the LZMA preset.
fn preset_ok(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.count("_preset_ok", 1, 1)?;
    Ok(new_bool(lzma_preset(u32_of(&a.pos[0])?).is_some()))
}

/// `is_check_supported(check_id, /)`.
fn is_check_supported(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("is_check_supported")?;
    a.count("is_check_supported", 1, 1)?;
    let id = int_arg(a.pos[0].as_ref())?;
    // SAFETY: a pure query.
    Ok(new_bool(unsafe { x::lzma_check_is_supported(id as _) } != 0))
}

/// `_encode_props(filter_tuple)`: the encoded properties of one filter.
fn encode_props(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.count("_encode_props", 1, 1)?;
    let (id, mut o) = filter_of(&a.pos[0])?;
    let f = x::lzma_filter { id, options: opts_ptr(&mut o) };
    let mut size: u32 = 0;
    // SAFETY: `f` and its options are live for the calls; `out` has the size asked for.
    check(unsafe { x::lzma_properties_size(&mut size, &f) })?;
    let mut out = vec![0u8; size as usize];
    check(unsafe { x::lzma_properties_encode(&f, out.as_mut_ptr()) })?;
    Ok(new_bytes(&out))
}

/// `_decode_props(filter_id, data)`: the filter's specifier as `((key, value), ...)`.
fn decode_props(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.count("_decode_props", 2, 2)?;
    let id = u64::try_from(&super::handle::index_ibig(a.pos[0].as_ref())?)
        .map_err(|_| PyErr::overflow_error("Python int too large for C unsigned long long"))?;
    let data = buffer(a.pos[1].as_ref())?;
    let mut f = x::lzma_filter { id, options: std::ptr::null_mut() };
    // SAFETY: liblzma allocates the options with malloc (null allocator); freed below.
    check(unsafe {
        x::lzma_properties_decode(&mut f, std::ptr::null(), data.as_ptr(), data.len())
    })?;
    let mut pairs: Vec<(&str, u64)> = vec![("id", id)];
    // SAFETY: liblzma filled `options` with the struct of this filter's type (or null).
    unsafe {
        match id {
            x::LZMA_FILTER_LZMA1 if !f.options.is_null() => {
                let o = &*(f.options as *const x::lzma_options_lzma);
                pairs.extend([("lc", o.lc as u64), ("lp", o.lp as u64), ("pb", o.pb as u64)]);
                pairs.push(("dict_size", o.dict_size as u64));
            }
            x::LZMA_FILTER_LZMA2 if !f.options.is_null() => {
                let o = &*(f.options as *const x::lzma_options_lzma);
                pairs.push(("dict_size", o.dict_size as u64));
            }
            x::LZMA_FILTER_DELTA if !f.options.is_null() => {
                let o = &*(f.options as *const x::lzma_options_delta);
                pairs.push(("dist", o.dist as u64));
            }
            x::LZMA_FILTER_X86
            | x::LZMA_FILTER_POWERPC
            | x::LZMA_FILTER_IA64
            | x::LZMA_FILTER_ARM
            | x::LZMA_FILTER_ARMTHUMB
            | x::LZMA_FILTER_SPARC => {
                if !f.options.is_null() {
                    let o = &*(f.options as *const x::lzma_options_bcj);
                    pairs.push(("start_offset", o.start_offset as u64));
                }
            }
            _ => {}
        }
        libc::free(f.options);
    }
    Ok(new_tuple(
        pairs
            .into_iter()
            .map(|(k, v)| new_tuple(vec![new_str(k), new_int(dashu_int::IBig::from(v))]))
            .collect(),
    ))
}

/// Makes the `_lzma` module.
pub fn make_module() -> PyResult<Object> {
    let m = new_module("_lzma");
    let d = as_dict(module_dict(m.as_ref()).expect("dict")).expect("dict");
    for (name, f) in [
        ("is_check_supported", is_check_supported as NativeFn),
        ("_c_new", c_new),
        ("_c_compress", c_compress),
        ("_c_flush", c_flush),
        ("_d_new", d_new),
        ("_d_decompress", d_decompress),
        ("_d_state", d_state),
        ("_preset_ok", preset_ok),
        ("_encode_props", encode_props),
        ("_decode_props", decode_props),
    ] {
        d.set_str(name, new_builtin_function(name, f))?;
    }
    d.set_str("LZMAError", error_class()?)?;
    let consts: [(&str, i64); 28] = [
        ("FORMAT_AUTO", FORMAT_AUTO as i64),
        ("FORMAT_XZ", FORMAT_XZ as i64),
        ("FORMAT_ALONE", FORMAT_ALONE as i64),
        ("FORMAT_RAW", FORMAT_RAW as i64),
        ("CHECK_NONE", x::LZMA_CHECK_NONE as i64),
        ("CHECK_CRC32", x::LZMA_CHECK_CRC32 as i64),
        ("CHECK_CRC64", x::LZMA_CHECK_CRC64 as i64),
        ("CHECK_SHA256", x::LZMA_CHECK_SHA256 as i64),
        ("CHECK_ID_MAX", x::LZMA_CHECK_ID_MAX as i64),
        ("CHECK_UNKNOWN", CHECK_UNKNOWN),
        ("FILTER_LZMA1", x::LZMA_FILTER_LZMA1 as i64),
        ("FILTER_LZMA2", x::LZMA_FILTER_LZMA2 as i64),
        ("FILTER_DELTA", x::LZMA_FILTER_DELTA as i64),
        ("FILTER_X86", x::LZMA_FILTER_X86 as i64),
        ("FILTER_IA64", x::LZMA_FILTER_IA64 as i64),
        ("FILTER_ARM", x::LZMA_FILTER_ARM as i64),
        ("FILTER_ARMTHUMB", x::LZMA_FILTER_ARMTHUMB as i64),
        ("FILTER_SPARC", x::LZMA_FILTER_SPARC as i64),
        ("FILTER_POWERPC", x::LZMA_FILTER_POWERPC as i64),
        ("MF_HC3", x::LZMA_MF_HC3 as i64),
        ("MF_HC4", x::LZMA_MF_HC4 as i64),
        ("MF_BT2", x::LZMA_MF_BT2 as i64),
        ("MF_BT3", x::LZMA_MF_BT3 as i64),
        ("MF_BT4", x::LZMA_MF_BT4 as i64),
        ("MODE_FAST", x::LZMA_MODE_FAST as i64),
        ("MODE_NORMAL", x::LZMA_MODE_NORMAL as i64),
        ("PRESET_DEFAULT", x::LZMA_PRESET_DEFAULT as i64),
        ("PRESET_EXTREME", x::LZMA_PRESET_EXTREME as i64),
    ];
    for (name, v) in consts {
        d.set_str(name, new_int_i64(v))?;
    }
    let code = crate::import::path::compile_bytes(SOURCE.as_bytes(), "<frozen _lzma>")?;
    crate::import::path::exec_code_in_module(m.as_ref(), code)?;
    Ok(m)
}
