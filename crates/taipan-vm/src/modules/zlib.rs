//! The `zlib` module (CPython's `Modules/zlibmodule.c`) on the real zlib (`libz-sys`, built
//! from its bundled source), so compressed bytes are the same as CPython's. The one-shot
//! functions, checksums and the stream work are native; the classes `Compress`,
//! `Decompress` and `_ZlibDecompressor`, the signatures and the constants are Python
//! (`py/zlib.py`) around a [`ZStream`] held in a native handle.

use std::cell::RefCell;
use std::os::raw::{c_char, c_int, c_uint, c_void};

use libz_sys as z;

use super::handle::{buffer, c_int as int_arg, c_ssize, c_uint_mask, new_handle, with_state};
use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::gil::GilCell;
use crate::object::{Object, ObjectRef};
use crate::types::bool::py_bool as new_bool;
use crate::types::bytes::new_bytes;
use crate::types::dict::{as_dict, new_dict};
use crate::types::function::{NativeFn, new_builtin_function};
use crate::types::int::new_int_i64;
use crate::types::module::{module_dict, new_module};
use crate::types::singletons::{is_none, none};
use crate::types::str::new_str;
use crate::types::tuple::new_tuple;

const SOURCE: &str = include_str!("py/zlib.py");

const DEF_BUF_SIZE: usize = 16 * 1024;
const DEF_MAX_INITIAL_BUF_SIZE: usize = 16 * 1024 * 1024;
const MAX_WBITS: c_int = 15;
const DEF_MEM_LEVEL: c_int = 8;
const FIRST_BLOCK: usize = 32 * 1024;

type S<'a> = Option<ObjectRef<'a>>;

/// `zlib.error`, made once per interpreter.
static ZLIB_ERROR: GilCell<RefCell<Option<Object>>> = GilCell::new(RefCell::new(None));

fn error_class() -> PyResult<Object> {
    if let Some(e) = ZLIB_ERROR.with(|e| e.borrow().clone()) {
        return Ok(e);
    }
    let ns = new_dict();
    as_dict(ns.as_ref()).expect("dict").set_str("__module__", new_str("zlib"))?;
    let bases = new_tuple(vec![crate::types::exceptions::EXCEPTION.0.as_object().to_owned()]);
    let cls = crate::ops::call(
        crate::types::typeobject::TYPE_TYPE.0.as_object(),
        &[new_str("error"), bases, ns],
        None,
    )?;
    ZLIB_ERROR.with(|e| *e.borrow_mut() = Some(cls.clone()));
    Ok(cls)
}

/// `zlib.error(msg)`.
fn zerr(msg: String) -> PyErr {
    match error_class().and_then(|c| crate::ops::call(c.as_ref(), &[new_str(&msg)], None)) {
        Ok(inst) => PyErr::from_instance(inst),
        Err(e) => e,
    }
}

unsafe extern "C" fn zalloc(_: *mut c_void, items: c_uint, size: c_uint) -> *mut c_void {
    // SAFETY: plain C allocation; zlib frees it with `zfree`.
    unsafe { libc::calloc(items as usize, size as usize) }
}

unsafe extern "C" fn zfree(_: *mut c_void, p: *mut c_void) {
    // SAFETY: `p` came from `zalloc`.
    unsafe { libc::free(p) }
}

/// A z_stream (boxed: zlib keeps a pointer back to it), deflating or inflating, ended on drop.
pub struct ZStream {
    s: Box<z::z_stream>,
    init: bool,
    inflate: bool,
    /// The input not consumed yet after the last call (what `next_in` pointed into).
    remains: usize,
}

// The input and output buffers `next_in`/`next_out` point into are only set inside one call
// of a function below, and never read by zlib after it returns.
impl ZStream {
    fn blank(inflate: bool) -> ZStream {
        ZStream {
            s: Box::new(z::z_stream {
                next_in: std::ptr::null_mut(),
                avail_in: 0,
                total_in: 0,
                next_out: std::ptr::null_mut(),
                avail_out: 0,
                total_out: 0,
                msg: std::ptr::null_mut(),
                state: std::ptr::null_mut(),
                zalloc,
                zfree,
                opaque: std::ptr::null_mut(),
                data_type: 0,
                adler: 0,
                reserved: 0,
            }),
            init: false,
            inflate,
            remains: 0,
        }
    }

    fn deflate_init(
        level: c_int,
        method: c_int,
        wbits: c_int,
        mem: c_int,
        strategy: c_int,
    ) -> (ZStream, c_int) {
        let mut zs = ZStream::blank(false);
        // SAFETY: `zs.s` is a valid, boxed z_stream with allocator functions set.
        let err = unsafe {
            z::deflateInit2_(
                &mut *zs.s,
                level,
                method,
                wbits,
                mem,
                strategy,
                z::zlibVersion(),
                std::mem::size_of::<z::z_stream>() as c_int,
            )
        };
        zs.init = err == z::Z_OK;
        (zs, err)
    }

    fn inflate_init(wbits: c_int) -> (ZStream, c_int) {
        let mut zs = ZStream::blank(true);
        // SAFETY: as in `deflate_init`.
        let err = unsafe {
            z::inflateInit2_(
                &mut *zs.s,
                wbits,
                z::zlibVersion(),
                std::mem::size_of::<z::z_stream>() as c_int,
            )
        };
        zs.init = err == z::Z_OK;
        (zs, err)
    }

    /// zlib's message for the last error, if it set one.
    fn msg(&self) -> Option<String> {
        if self.s.msg.is_null() {
            None
        } else {
            // SAFETY: zlib's `msg` is a NUL-terminated static string when set.
            let c = unsafe { std::ffi::CStr::from_ptr(self.s.msg as *const c_char) };
            Some(c.to_string_lossy().into_owned())
        }
    }

    /// `zlib.error` for code `err` during `what` (CPython's `zlib_error`).
    fn error(&self, err: c_int, what: &str) -> PyErr {
        let zmsg = if err == z::Z_VERSION_ERROR {
            Some("library version mismatch".to_string())
        } else {
            self.msg().or_else(|| {
                match err {
                    z::Z_BUF_ERROR => Some("incomplete or truncated stream"),
                    z::Z_STREAM_ERROR => Some("inconsistent stream state"),
                    z::Z_DATA_ERROR => Some("invalid input data"),
                    _ => None,
                }
                .map(str::to_string)
            })
        };
        match zmsg {
            None => zerr(format!("Error {err} {what}")),
            Some(m) => {
                let m: String = m.chars().take(200).collect();
                zerr(format!("Error {err} {what}: {m}"))
            }
        }
    }

    /// Points the input at `data[pos..]`, at most 4 GiB of it; returns the bytes left after.
    fn arrange_input(&mut self, data: &[u8], pos: usize) -> usize {
        let left = data.len() - pos;
        let n = left.min(u32::MAX as usize);
        self.s.next_in = data[pos..].as_ptr() as *mut u8;
        self.s.avail_in = n as c_uint;
        left - n
    }

    /// How far into `data` zlib has read.
    fn consumed(&self, data: &[u8]) -> usize {
        (self.s.next_in as usize).saturating_sub(data.as_ptr() as usize).min(data.len())
    }

    /// Gives zlib `n` more bytes of room at the end of `out`.
    fn give_room(&mut self, out: &mut Vec<u8>, n: usize) {
        let n = n.min(u32::MAX as usize);
        out.reserve(n);
        // SAFETY: `reserve` made room for `n` bytes past the length.
        self.s.next_out = unsafe { out.as_mut_ptr().add(out.len()) };
        self.s.avail_out = n as c_uint;
    }

    /// Takes into `out`'s length what zlib wrote since `give_room`/the last `took`.
    fn took(&mut self, out: &mut Vec<u8>) {
        let end = out.as_ptr() as usize + out.len();
        let written = (self.s.next_out as usize).saturating_sub(end);
        // SAFETY: zlib wrote `written` bytes at the end of `out`, inside the reserved room.
        unsafe { out.set_len(out.len() + written) };
    }

    fn deflate(&mut self, flush: c_int) -> c_int {
        // SAFETY: the stream is valid (ended streams fail with Z_STREAM_ERROR); its buffers
        // point into live Rust buffers of the current call.
        unsafe { z::deflate(&mut *self.s, flush) }
    }

    fn inflate(&mut self, flush: c_int) -> c_int {
        // SAFETY: as in `deflate`.
        unsafe { z::inflate(&mut *self.s, flush) }
    }

    fn end(&mut self) -> c_int {
        self.init = false;
        // SAFETY: the stream was initialised; ending it twice is refused by zlib.
        unsafe {
            if self.inflate { z::inflateEnd(&mut *self.s) } else { z::deflateEnd(&mut *self.s) }
        }
    }

    fn set_inflate_dict(&mut self, zdict: &[u8]) -> PyResult<()> {
        let n = c_uint::try_from(zdict.len())
            .map_err(|_| PyErr::overflow_error("zdict length does not fit in an unsigned int"))?;
        // SAFETY: `zdict` is live for the call; zlib copies it.
        let err = unsafe { z::inflateSetDictionary(&mut *self.s, zdict.as_ptr(), n) };
        if err != z::Z_OK {
            return Err(self.error(err, "while setting zdict"));
        }
        Ok(())
    }

    fn copy(&mut self) -> (ZStream, c_int) {
        let mut c = ZStream::blank(self.inflate);
        // SAFETY: both streams are valid; the copy gets its own state.
        let err = unsafe {
            if self.inflate {
                z::inflateCopy(&mut *c.s, &mut *self.s)
            } else {
                z::deflateCopy(&mut *c.s, &mut *self.s)
            }
        };
        c.init = err == z::Z_OK;
        (c, err)
    }
}

impl Drop for ZStream {
    fn drop(&mut self) {
        if self.init {
            self.end();
        }
    }
}

/// The state of a `Compress`/`Decompress` object.
pub struct ZObject {
    z: ZStream,
    unused_data: Vec<u8>,
    unconsumed_tail: Vec<u8>,
    eof: bool,
    zdict: Option<Vec<u8>>,
}

/// The state of a `_ZlibDecompressor`.
pub struct ZDecompressor {
    z: ZStream,
    unused_data: Vec<u8>,
    /// Input kept from the last call (not consumed because of `max_length`).
    input: Vec<u8>,
    eof: bool,
    needs_input: bool,
}

fn compress(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.count("_compress", 3, 3)?;
    let data = buffer(a.pos[0].as_ref())?;
    let level = int_arg(a.pos[1].as_ref())?;
    let wbits = int_arg(a.pos[2].as_ref())?;
    let (mut zs, err) =
        ZStream::deflate_init(level, z::Z_DEFLATED, wbits, DEF_MEM_LEVEL, z::Z_DEFAULT_STRATEGY);
    match err {
        z::Z_OK => {}
        z::Z_MEM_ERROR => return Err(PyErr::memory_error()),
        z::Z_STREAM_ERROR => return Err(zerr("Bad compression level".into())),
        _ => return Err(zs.error(err, "while compressing data")),
    }
    let mut out = Vec::new();
    let mut pos = 0;
    loop {
        let left = zs.arrange_input(&data, pos);
        let flush = if left == 0 { z::Z_FINISH } else { z::Z_NO_FLUSH };
        loop {
            if zs.s.avail_out == 0 {
                let n = if out.is_empty() { FIRST_BLOCK } else { out.len() };
                zs.give_room(&mut out, n);
            }
            let err = zs.deflate(flush);
            zs.took(&mut out);
            if err == z::Z_STREAM_ERROR {
                return Err(zs.error(err, "while compressing data"));
            }
            if zs.s.avail_out != 0 {
                break;
            }
        }
        pos = data.len() - left;
        if flush == z::Z_FINISH {
            break;
        }
    }
    let err = zs.end();
    if err != z::Z_OK {
        return Err(zs.error(err, "while finishing compression"));
    }
    Ok(new_bytes(&out))
}

fn decompress(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.count("_decompress", 3, 3)?;
    let data = buffer(a.pos[0].as_ref())?;
    let wbits = int_arg(a.pos[1].as_ref())?;
    let bufsize = c_ssize(a.pos[2].as_ref())?;
    if bufsize < 0 {
        return Err(PyErr::value_error("bufsize must be non-negative"));
    }
    let bufsize = (bufsize as usize).max(1);
    let (mut zs, err) = ZStream::inflate_init(wbits);
    match err {
        z::Z_OK => {}
        z::Z_MEM_ERROR => return Err(PyErr::memory_error()),
        _ => return Err(zs.error(err, "while preparing to decompress data")),
    }
    let mut out: Vec<u8> = Vec::new();
    let mut first = true;
    let mut pos = 0;
    let mut err;
    loop {
        let left = zs.arrange_input(&data, pos);
        let flush = if left == 0 { z::Z_FINISH } else { z::Z_NO_FLUSH };
        loop {
            if zs.s.avail_out == 0 {
                let n = if first { bufsize.min(1 << 30) } else { out.len().max(FIRST_BLOCK) };
                first = false;
                zs.give_room(&mut out, n);
            }
            err = zs.inflate(flush);
            zs.took(&mut out);
            match err {
                z::Z_OK | z::Z_BUF_ERROR | z::Z_STREAM_END => {}
                z::Z_MEM_ERROR => return Err(PyErr::memory_error()),
                _ => return Err(zs.error(err, "while decompressing data")),
            }
            if zs.s.avail_out != 0 {
                break;
            }
        }
        pos = data.len() - left;
        if err == z::Z_STREAM_END || left == 0 {
            break;
        }
    }
    if err != z::Z_STREAM_END {
        return Err(zs.error(err, "while decompressing data"));
    }
    let err = zs.end();
    if err != z::Z_OK {
        return Err(zs.error(err, "while finishing decompression"));
    }
    Ok(new_bytes(&out))
}

/// `_compressobj(level, method, wbits, memLevel, strategy, zdict_or_None)`: a handle.
fn compressobj(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.count("_compressobj", 6, 6)?;
    let level = int_arg(a.pos[0].as_ref())?;
    let method = int_arg(a.pos[1].as_ref())?;
    let wbits = int_arg(a.pos[2].as_ref())?;
    let mem = int_arg(a.pos[3].as_ref())?;
    let strategy = int_arg(a.pos[4].as_ref())?;
    let zdict = if is_none(a.pos[5].as_ref()) {
        None
    } else {
        Some(buffer(a.pos[5].as_ref())?.into_owned())
    };
    if let Some(d) = &zdict
        && d.len() > u32::MAX as usize
    {
        return Err(PyErr::overflow_error("zdict length does not fit in an unsigned int"));
    }
    let (mut zs, err) = ZStream::deflate_init(level, method, wbits, mem, strategy);
    match err {
        z::Z_OK => {}
        z::Z_MEM_ERROR => return Err(PyErr::memory_error()),
        z::Z_STREAM_ERROR => return Err(PyErr::value_error("Invalid initialization option")),
        _ => return Err(zs.error(err, "while creating compression object")),
    }
    if let Some(d) = &zdict {
        // SAFETY: `d` is live for the call; zlib copies it.
        let err = unsafe { z::deflateSetDictionary(&mut *zs.s, d.as_ptr(), d.len() as c_uint) };
        match err {
            z::Z_OK => {}
            z::Z_STREAM_ERROR => return Err(PyErr::value_error("Invalid dictionary")),
            _ => return Err(PyErr::value_error("deflateSetDictionary()")),
        }
    }
    Ok(new_handle(ZObject {
        z: zs,
        unused_data: Vec::new(),
        unconsumed_tail: Vec::new(),
        eof: false,
        zdict: None,
    }))
}

/// `_decompressobj(wbits, zdict_or_None)`: a handle.
fn decompressobj(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.count("_decompressobj", 2, 2)?;
    let wbits = int_arg(a.pos[0].as_ref())?;
    let zdict = zdict_arg(a.pos[1].as_ref())?;
    let (mut zs, err) = ZStream::inflate_init(wbits);
    match err {
        z::Z_OK => {}
        z::Z_STREAM_ERROR => return Err(PyErr::value_error("Invalid initialization option")),
        z::Z_MEM_ERROR => return Err(PyErr::memory_error()),
        _ => return Err(zs.error(err, "while creating decompression object")),
    }
    if let Some(d) = &zdict
        && wbits < 0
    {
        zs.set_inflate_dict(d)?;
    }
    Ok(new_handle(ZObject {
        z: zs,
        unused_data: Vec::new(),
        unconsumed_tail: Vec::new(),
        eof: false,
        zdict,
    }))
}

fn zdict_arg(o: ObjectRef<'_>) -> PyResult<Option<Vec<u8>>> {
    if is_none(o) {
        return Ok(None);
    }
    match crate::builtins::bytesmethods::bytes_like(o) {
        Some(b) => Ok(Some(b.into_owned())),
        None => Err(PyErr::type_error("zdict argument must support the buffer protocol")),
    }
}

fn handle_arg<'a>(a: &Args<'a>, name: &str, n: usize) -> PyResult<()> {
    a.count(name, n, n)
}

/// `_c_compress(h, data)`.
fn c_compress(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    handle_arg(&a, "_c_compress", 2)?;
    let data = buffer(a.pos[1].as_ref())?;
    with_state(a.pos[0].as_ref(), |o: &mut ZObject| {
        let zs = &mut o.z;
        let mut out = Vec::new();
        let mut pos = 0;
        loop {
            let left = zs.arrange_input(&data, pos);
            zs.s.avail_out = 0;
            loop {
                if zs.s.avail_out == 0 {
                    let n = if out.is_empty() { FIRST_BLOCK } else { out.len() };
                    zs.give_room(&mut out, n);
                }
                let err = zs.deflate(z::Z_NO_FLUSH);
                zs.took(&mut out);
                if err == z::Z_STREAM_ERROR {
                    return Err(zs.error(err, "while compressing data"));
                }
                if zs.s.avail_out != 0 {
                    break;
                }
            }
            pos = data.len() - left;
            if left == 0 {
                break;
            }
        }
        Ok(new_bytes(&out))
    })
}

/// `_c_flush(h, mode)`.
fn c_flush(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    handle_arg(&a, "_c_flush", 2)?;
    let mode = int_arg(a.pos[1].as_ref())?;
    if mode == z::Z_NO_FLUSH {
        return Ok(new_bytes(b""));
    }
    with_state(a.pos[0].as_ref(), |o: &mut ZObject| {
        let zs = &mut o.z;
        zs.s.avail_in = 0;
        zs.s.avail_out = 0;
        let mut out = Vec::new();
        let mut err;
        loop {
            if zs.s.avail_out == 0 {
                let n = if out.is_empty() { FIRST_BLOCK } else { out.len() };
                zs.give_room(&mut out, n);
            }
            err = zs.deflate(mode);
            zs.took(&mut out);
            if err == z::Z_STREAM_ERROR {
                return Err(zs.error(err, "while flushing"));
            }
            if zs.s.avail_out != 0 {
                break;
            }
        }
        if err == z::Z_STREAM_END && mode == z::Z_FINISH {
            let e = zs.end();
            if e != z::Z_OK {
                return Err(zs.error(e, "while finishing compression"));
            }
        } else if err != z::Z_OK && err != z::Z_BUF_ERROR {
            return Err(zs.error(err, "while flushing"));
        }
        Ok(new_bytes(&out))
    })
}

/// `_copy(h)`: a copy of a `Compress`/`Decompress` state.
fn copy(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    handle_arg(&a, "_copy", 1)?;
    let c = with_state(a.pos[0].as_ref(), |o: &mut ZObject| {
        let (c, err) = o.z.copy();
        let what = if o.z.inflate { "decompression" } else { "compression" };
        match err {
            z::Z_OK => {}
            z::Z_STREAM_ERROR => return Err(PyErr::value_error("Inconsistent stream state")),
            z::Z_MEM_ERROR => return Err(PyErr::memory_error()),
            _ => return Err(o.z.error(err, &format!("while copying {what} object"))),
        }
        Ok(ZObject {
            z: c,
            unused_data: o.unused_data.clone(),
            unconsumed_tail: o.unconsumed_tail.clone(),
            eof: o.eof,
            zdict: o.zdict.clone(),
        })
    })?;
    Ok(new_handle(c))
}

/// CPython's `save_unconsumed_input`: after a call that read `data` up to `next_in`, stores
/// what is left in `unused_data` (after the end of the stream) or `unconsumed_tail`.
fn save_unconsumed(o: &mut ZObject, data: &[u8], err: c_int) {
    let used = o.z.consumed(data);
    let avail = o.z.s.avail_in as usize + o.z.remains;
    if err == z::Z_STREAM_END && avail > 0 {
        o.unused_data.extend_from_slice(&data[used..]);
        o.z.s.avail_in = 0;
        o.z.remains = 0;
        o.unconsumed_tail.clear();
        return;
    }
    if avail > 0 || !o.unconsumed_tail.is_empty() {
        o.unconsumed_tail = data[used..].to_vec();
    }
}

/// `_d_decompress(h, data, max_length)`.
fn d_decompress(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    handle_arg(&a, "_d_decompress", 3)?;
    let data = buffer(a.pos[1].as_ref())?;
    let max_length = c_ssize(a.pos[2].as_ref())?;
    if max_length < 0 {
        return Err(PyErr::value_error("max_length must be non-negative"));
    }
    let limit = if max_length == 0 { usize::MAX } else { max_length as usize };
    with_state(a.pos[0].as_ref(), |o: &mut ZObject| {
        let mut out = Vec::new();
        let mut err = z::Z_OK;
        let mut pos = 0;
        o.z.s.avail_out = 0;
        'outer: loop {
            let left = o.z.arrange_input(&data, pos);
            o.z.remains = left;
            loop {
                if o.z.s.avail_out == 0 {
                    if out.len() == limit {
                        break 'outer;
                    }
                    let n = if out.is_empty() { FIRST_BLOCK } else { out.len() };
                    let room = n.min(limit - out.len());
                    o.z.give_room(&mut out, room);
                }
                err = o.z.inflate(z::Z_SYNC_FLUSH);
                o.z.took(&mut out);
                match err {
                    z::Z_OK | z::Z_BUF_ERROR | z::Z_STREAM_END => {}
                    z::Z_NEED_DICT if o.zdict.is_some() => {
                        let d = o.zdict.clone().unwrap_or_default();
                        o.z.set_inflate_dict(&d)?;
                    }
                    _ => break 'outer,
                }
                if o.z.s.avail_out != 0 && err != z::Z_NEED_DICT {
                    break;
                }
            }
            pos = data.len() - left;
            if err == z::Z_STREAM_END || left == 0 {
                break;
            }
        }
        save_unconsumed(o, &data, err);
        o.z.remains = 0;
        if err == z::Z_STREAM_END {
            o.eof = true;
        } else if err != z::Z_OK && err != z::Z_BUF_ERROR {
            return Err(o.z.error(err, "while decompressing data"));
        }
        Ok(new_bytes(&out))
    })
}

/// `_d_flush(h, length)`.
fn d_flush(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    handle_arg(&a, "_d_flush", 2)?;
    let length = c_ssize(a.pos[1].as_ref())?;
    if length <= 0 {
        return Err(PyErr::value_error("length must be greater than zero"));
    }
    with_state(a.pos[0].as_ref(), |o: &mut ZObject| {
        if !o.z.init {
            // Ended by an earlier flush at the end of the stream: nothing more to give.
            return Ok(new_bytes(b""));
        }
        let data = o.unconsumed_tail.clone();
        let mut out = Vec::new();
        let mut first = true;
        let mut err;
        let mut pos = 0;
        o.z.s.avail_out = 0;
        'outer: loop {
            let left = o.z.arrange_input(&data, pos);
            o.z.remains = left;
            let flush = if left == 0 { z::Z_FINISH } else { z::Z_NO_FLUSH };
            loop {
                if o.z.s.avail_out == 0 {
                    let n = if first {
                        (length as usize).min(1 << 30)
                    } else {
                        out.len().max(FIRST_BLOCK)
                    };
                    first = false;
                    o.z.give_room(&mut out, n);
                }
                err = o.z.inflate(flush);
                o.z.took(&mut out);
                match err {
                    z::Z_OK | z::Z_BUF_ERROR | z::Z_STREAM_END => {}
                    _ => break 'outer,
                }
                if o.z.s.avail_out != 0 {
                    break;
                }
            }
            pos = data.len() - left;
            if err == z::Z_STREAM_END || left == 0 {
                break;
            }
        }
        save_unconsumed(o, &data, err);
        o.z.remains = 0;
        if err == z::Z_STREAM_END {
            o.eof = true;
            let e = o.z.end();
            if e != z::Z_OK {
                return Err(o.z.error(e, "while finishing decompression"));
            }
        } else if err != z::Z_OK && err != z::Z_BUF_ERROR {
            return Err(o.z.error(err, "while decompressing data"));
        }
        Ok(new_bytes(&out))
    })
}

/// `_d_state(h)`: `(unused_data, unconsumed_tail, eof)`.
fn d_state(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    handle_arg(&a, "_d_state", 1)?;
    with_state(a.pos[0].as_ref(), |o: &mut ZObject| {
        Ok(new_tuple(vec![
            new_bytes(&o.unused_data),
            new_bytes(&o.unconsumed_tail),
            new_bool(o.eof),
        ]))
    })
}

/// `_zd_new(wbits, zdict_or_None)`: a `_ZlibDecompressor` handle.
fn zd_new(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.count("_zd_new", 2, 2)?;
    let wbits = int_arg(a.pos[0].as_ref())?;
    let zdict = zdict_arg(a.pos[1].as_ref())?;
    let (mut zs, err) = ZStream::inflate_init(wbits);
    match err {
        z::Z_OK => {}
        z::Z_STREAM_ERROR => return Err(PyErr::value_error("Invalid initialization option")),
        z::Z_MEM_ERROR => return Err(PyErr::memory_error()),
        _ => return Err(zs.error(err, "while creating decompression object")),
    }
    if let Some(d) = &zdict
        && wbits < 0
    {
        zs.set_inflate_dict(d)?;
    }
    Ok(new_handle(ZDecompressor {
        z: zs,
        unused_data: Vec::new(),
        input: Vec::new(),
        eof: false,
        needs_input: true,
    }))
}

/// `_zd_decompress(h, data, max_length)`.
fn zd_decompress(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    handle_arg(&a, "_zd_decompress", 3)?;
    let data = buffer(a.pos[1].as_ref())?;
    let max_length = c_ssize(a.pos[2].as_ref())?;
    with_state(a.pos[0].as_ref(), |d: &mut ZDecompressor| {
        if d.eof {
            return Err(PyErr::new(
                &crate::types::exceptions::EOF_ERROR,
                "End of stream already reached",
            ));
        }
        let input: Vec<u8> = if d.input.is_empty() {
            data.to_vec()
        } else {
            let mut v = std::mem::take(&mut d.input);
            v.extend_from_slice(&data);
            v
        };
        let (hard_limit, mut obuflen) = if max_length < 0 || max_length == isize::MAX {
            (usize::MAX, DEF_BUF_SIZE)
        } else {
            (max_length as usize, (max_length as usize).min(DEF_MAX_INITIAL_BUF_SIZE))
        };
        let mut out: Vec<u8> = Vec::new();
        let mut err = z::Z_OK;
        let mut pos = 0;
        let mut started = false;
        let result: PyResult<()> = (|| {
            loop {
                let left = d.z.arrange_input(&input, pos);
                loop {
                    // CPython's arrange_output_buffer_with_maximum: the first block is
                    // `obuflen` (maybe 0), then it doubles up to the limit.
                    if !started {
                        started = true;
                        d.z.give_room(&mut out, obuflen);
                    } else if d.z.s.avail_out == 0 {
                        if out.len() == obuflen {
                            if obuflen == hard_limit {
                                break;
                            }
                            obuflen =
                                if obuflen <= hard_limit >> 1 { obuflen << 1 } else { hard_limit };
                        }
                        let room = obuflen - out.len();
                        d.z.give_room(&mut out, room);
                    }
                    err = d.z.inflate(z::Z_SYNC_FLUSH);
                    d.z.took(&mut out);
                    if err == z::Z_NEED_DICT {
                        return Err(d.z.error(err, "while decompressing data"));
                    }
                    if d.z.s.avail_out != 0 {
                        break;
                    }
                }
                if err == z::Z_STREAM_END || left == 0 {
                    break;
                }
                pos = d.z.consumed(&input);
            }
            if err == z::Z_STREAM_END {
                d.eof = true;
                let e = d.z.end();
                if e != z::Z_OK {
                    return Err(d.z.error(e, "while finishing decompression"));
                }
            } else if err != z::Z_OK && err != z::Z_BUF_ERROR {
                return Err(d.z.error(err, "while decompressing data"));
            }
            Ok(())
        })();
        if let Err(e) = result {
            d.input.clear();
            return Err(e);
        }
        let used = d.z.consumed(&input);
        let rest = &input[used..];
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

/// `_zd_state(h)`: `(eof, unused_data, needs_input)`.
fn zd_state(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    handle_arg(&a, "_zd_state", 1)?;
    with_state(a.pos[0].as_ref(), |d: &mut ZDecompressor| {
        Ok(new_tuple(vec![new_bool(d.eof), new_bytes(&d.unused_data), new_bool(d.needs_input)]))
    })
}

fn checksum(args: &[Object], kw: S<'_>, name: &str, start: u32, crc: bool) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all(name)?;
    a.count(name, 1, 2)?;
    let data = buffer(a.pos[0].as_ref())?;
    let mut v = match a.pos.get(1) {
        Some(o) => c_uint_mask(o.as_ref())?,
        None => start,
    };
    for chunk in data.chunks(1 << 30) {
        // SAFETY: `chunk` is live for the call and shorter than 2**32.
        v = unsafe {
            if crc {
                z::crc32(v as z::uLong, chunk.as_ptr(), chunk.len() as c_uint) as u32
            } else {
                z::adler32(v as z::uLong, chunk.as_ptr(), chunk.len() as c_uint) as u32
            }
        };
    }
    Ok(new_int_i64(v as i64))
}

fn crc32(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    checksum(args, kw, "crc32", 0, true)
}

fn adler32(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    checksum(args, kw, "adler32", 1, false)
}

fn version() -> String {
    // SAFETY: zlibVersion returns a static NUL-terminated string.
    unsafe { std::ffi::CStr::from_ptr(z::zlibVersion()) }.to_string_lossy().into_owned()
}

/// Makes the `zlib` module.
pub fn make_module() -> PyResult<Object> {
    let m = new_module("zlib");
    let d = as_dict(module_dict(m.as_ref()).expect("dict")).expect("dict");
    for (name, f) in [
        ("crc32", crc32 as NativeFn),
        ("adler32", adler32),
        ("_compress", compress),
        ("_decompress", decompress),
        ("_compressobj", compressobj),
        ("_decompressobj", decompressobj),
        ("_c_compress", c_compress),
        ("_c_flush", c_flush),
        ("_copy", copy),
        ("_d_decompress", d_decompress),
        ("_d_flush", d_flush),
        ("_d_state", d_state),
        ("_zd_new", zd_new),
        ("_zd_decompress", zd_decompress),
        ("_zd_state", zd_state),
    ] {
        d.set_str(name, new_builtin_function(name, f))?;
    }
    d.set_str("error", error_class()?)?;
    let v = version();
    d.set_str("ZLIB_VERSION", new_str(&v))?;
    d.set_str("ZLIB_RUNTIME_VERSION", new_str(&v))?;
    for (name, v) in [
        ("MAX_WBITS", MAX_WBITS),
        ("DEFLATED", z::Z_DEFLATED),
        ("DEF_MEM_LEVEL", DEF_MEM_LEVEL),
        ("DEF_BUF_SIZE", DEF_BUF_SIZE as c_int),
        ("Z_NO_COMPRESSION", z::Z_NO_COMPRESSION),
        ("Z_BEST_SPEED", z::Z_BEST_SPEED),
        ("Z_BEST_COMPRESSION", z::Z_BEST_COMPRESSION),
        ("Z_DEFAULT_COMPRESSION", z::Z_DEFAULT_COMPRESSION),
        ("Z_FILTERED", z::Z_FILTERED),
        ("Z_HUFFMAN_ONLY", z::Z_HUFFMAN_ONLY),
        ("Z_RLE", z::Z_RLE),
        ("Z_FIXED", z::Z_FIXED),
        ("Z_DEFAULT_STRATEGY", z::Z_DEFAULT_STRATEGY),
        ("Z_NO_FLUSH", z::Z_NO_FLUSH),
        ("Z_PARTIAL_FLUSH", z::Z_PARTIAL_FLUSH),
        ("Z_SYNC_FLUSH", z::Z_SYNC_FLUSH),
        ("Z_FULL_FLUSH", z::Z_FULL_FLUSH),
        ("Z_FINISH", z::Z_FINISH),
        ("Z_BLOCK", z::Z_BLOCK),
        ("Z_TREES", z::Z_TREES),
    ] {
        d.set_str(name, new_int_i64(v as i64))?;
    }
    d.set_str("__version__", new_str("1.0"))?;
    let _ = none;
    let code = crate::import::path::compile_bytes(SOURCE.as_bytes(), "<frozen zlib>")?;
    crate::import::path::exec_code_in_module(m.as_ref(), code)?;
    Ok(m)
}
