//! `_io.FileIO`: raw, unbuffered I/O on an OS file descriptor (`open`, `read`, `write`,
//! `lseek`, `ftruncate`, `isatty`, `close` through `libc`), with CPython's mode parsing,
//! `closefd`/`opener` handling and error messages.

use crate::error::{PyErr, PyResult};
use crate::eval::typecall::register_constructor;
use crate::object::{Object, ObjectRef};
use crate::types::bool::py_bool;
use crate::types::bytes::new_bytes;
use crate::types::int::new_int_i64;
use crate::types::singletons::{is_none, none};
use crate::types::str::{Str, new_str};
use crate::types::typeobject::UnaryFn;

use super::iobase::{RAW_IOBASE, Self_, io_type, me};
use super::{
    IoPayload, State, bind, bool_arg, call_meth, get_attr, getsets, methods, new_io, os_error,
    unsupported,
};

/// The state of a `FileIO`.
pub struct FileState {
    /// The descriptor; -1 once closed.
    pub fd: i32,
    pub readable: bool,
    pub writable: bool,
    pub appending: bool,
    pub created: bool,
    pub closefd: bool,
    pub seekable: Option<bool>,
    pub blksize: i64,
}

pub(crate) fn blank() -> State {
    State::File(FileState {
        fd: -1,
        readable: false,
        writable: false,
        appending: false,
        created: false,
        closefd: true,
        seekable: None,
        blksize: 8192,
    })
}

io_type!(FILEIO, "_io.FileIO", &RAW_IOBASE.0, 1104, repr: fileio_repr as UnaryFn);

/// Runs `f` on the FileIO state of `o`.
fn with<R>(o: ObjectRef<'_>, f: impl FnOnce(&mut FileState) -> R) -> PyResult<R> {
    let p = super::payload(o)?;
    match &mut *p.state.borrow_mut() {
        State::File(s) => Ok(f(s)),
        _ => Err(PyErr::type_error("FileIO method called on a non-FileIO object")),
    }
}

/// FileIO's closed-file error (no full stop, unlike `_IOBase`'s).
fn err_closed() -> PyErr {
    PyErr::value_error("I/O operation on closed file")
}

/// The open descriptor of `o`, or the closed-file error.
fn fd_of(o: ObjectRef<'_>) -> PyResult<i32> {
    let fd = with(o, |s| s.fd)?;
    if fd < 0 { Err(err_closed()) } else { Ok(fd) }
}

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// The descriptor of a native `FileIO` (for the buffered layer's fast path), if `o` is one.
pub(crate) fn native_fd(o: ObjectRef<'_>) -> Option<i32> {
    if !std::ptr::eq(o.type_(), &FILEIO.0) {
        return None;
    }
    let p = o.payload::<IoPayload>()?;
    match &*p.state.borrow() {
        State::File(s) => Some(s.fd),
        _ => None,
    }
}

/// `read(2)` of up to `n` bytes, retried on EINTR; `Ok(None)` when it would block.
pub(crate) fn sys_read(fd: i32, n: usize) -> PyResult<Option<Vec<u8>>> {
    let mut buf = vec![0u8; n];
    loop {
        // Other threads run while this one waits for input.
        let r = crate::gil::allow_threads(|| {
            // SAFETY: `buf` is valid for writes of `n` bytes.
            unsafe { libc::read(fd, buf.as_mut_ptr().cast(), n) }
        });
        if r >= 0 {
            buf.truncate(r as usize);
            return Ok(Some(buf));
        }
        match errno() {
            libc::EINTR => continue,
            libc::EAGAIN => return Ok(None),
            e => return Err(os_error(e, None)),
        }
    }
}

/// `write(2)` of `data`, retried on EINTR; `Ok(None)` when it would block.
pub(crate) fn sys_write(fd: i32, data: &[u8]) -> PyResult<Option<usize>> {
    // The GIL is released around the write (a pipe may block): `data` must be bytes the caller
    // owns (every caller passes a Rust copy or its own buffer), never an object's memory that
    // another thread could change meanwhile.
    loop {
        let r = crate::gil::allow_threads(|| {
            // SAFETY: `data` is valid for reads of its length.
            unsafe { libc::write(fd, data.as_ptr().cast(), data.len()) }
        });
        if r >= 0 {
            return Ok(Some(r as usize));
        }
        match errno() {
            libc::EINTR => continue,
            libc::EAGAIN => return Ok(None),
            e => return Err(os_error(e, None)),
        }
    }
}

/// `lseek(2)`.
pub(crate) fn sys_seek(fd: i32, pos: i64, whence: i32) -> PyResult<i64> {
    // SAFETY: lseek has no memory-safety preconditions.
    let r = unsafe { libc::lseek(fd, pos as libc::off_t, whence) };
    if r < 0 { Err(os_error(errno(), None)) } else { Ok(r as i64) }
}

/// Reads everything left on `fd`.
pub(crate) fn sys_readall(fd: i32) -> PyResult<Option<Vec<u8>>> {
    let mut out = Vec::new();
    // SAFETY: `st` is a plain struct fstat fills.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    // SAFETY: `st` is valid for writes.
    let size = if unsafe { libc::fstat(fd, &mut st) } == 0 { st.st_size as i64 } else { -1 };
    let pos = {
        // SAFETY: lseek has no memory-safety preconditions.
        unsafe { libc::lseek(fd, 0, libc::SEEK_CUR) }
    } as i64;
    let mut chunk = if size > 0 && pos >= 0 && size >= pos {
        (size - pos) as usize + 1
    } else {
        super::DEFAULT_BUFFER_SIZE
    };
    loop {
        match sys_read(fd, chunk.max(1))? {
            None => {
                if out.is_empty() {
                    return Ok(None);
                }
                break;
            }
            Some(b) if b.is_empty() => break,
            Some(b) => out.extend_from_slice(&b),
        }
        chunk = super::DEFAULT_BUFFER_SIZE.max(out.len() / 4);
    }
    Ok(Some(out))
}

fn bad_mode() -> PyErr {
    PyErr::value_error(
        "Must have exactly one of create/read/write/append mode and at most one plus",
    )
}

/// `FileIO.__init__(file, mode='r', closefd=True, opener=None)`.
pub(crate) fn init(s: Self_<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let o = me(s);
    let a = bind("FileIO", args, kw, &["file", "mode", "closefd", "opener"], 1)?;
    let file = a[0].expect("file").clone();
    let mode = match a[1] {
        None => "r".to_string(),
        Some(m) => match Str::new(m.as_ref()) {
            Some(t) => t.to_string_lossy(),
            None => {
                return Err(PyErr::type_error(format!(
                    "FileIO() argument 'mode' must be str, not {}",
                    m.type_().name()
                )));
            }
        },
    };
    let closefd = bool_arg(a[2], true)?;
    let opener = a[3].filter(|v| !is_none(v.as_ref())).cloned();
    // Close a previous descriptor if re-initialised.
    let old = with(o, |st| (st.fd, st.closefd))?;
    if old.0 >= 0 && old.1 {
        // SAFETY: closing a descriptor this object owns.
        unsafe { libc::close(old.0) };
    }
    let (mut rwa, mut plus) = (false, false);
    let (mut readable, mut writable, mut appending, mut created) = (false, false, false, false);
    let mut flags: i32 = 0;
    for c in mode.chars() {
        match c {
            'x' | 'r' | 'w' | 'a' => {
                if rwa {
                    return Err(bad_mode());
                }
                rwa = true;
                match c {
                    'x' => {
                        created = true;
                        writable = true;
                        flags |= libc::O_EXCL | libc::O_CREAT;
                    }
                    'r' => readable = true,
                    'w' => {
                        writable = true;
                        flags |= libc::O_CREAT | libc::O_TRUNC;
                    }
                    _ => {
                        writable = true;
                        appending = true;
                        flags |= libc::O_APPEND | libc::O_CREAT;
                    }
                }
            }
            'b' => {}
            '+' => {
                if plus {
                    return Err(bad_mode());
                }
                readable = true;
                writable = true;
                plus = true;
            }
            _ => return Err(PyErr::value_error(format!("invalid mode: {mode}"))),
        }
    }
    if !rwa {
        return Err(bad_mode());
    }
    flags |= if readable && writable {
        libc::O_RDWR
    } else if readable {
        libc::O_RDONLY
    } else {
        libc::O_WRONLY
    };
    flags |= libc::O_CLOEXEC;

    let fd: i32;
    if let Some(n) = crate::types::int::int_value(file.as_ref())
        .map(|_| ())
        .and_then(|_| crate::ops::index_value(file.as_ref()).ok().flatten())
    {
        if n < 0 {
            return Err(PyErr::value_error("negative file descriptor"));
        }
        fd = n as i32;
        with(o, |st| st.closefd = closefd)?;
    } else {
        if !closefd {
            return Err(PyErr::value_error("Cannot use closefd=False with file name"));
        }
        let path = fs_path(file.as_ref())?;
        match opener {
            Some(op) => {
                let r = crate::ops::call(
                    op.as_ref(),
                    &[file.clone(), new_int_i64(flags as i64)],
                    None,
                )?;
                let Some(n) = crate::types::int::int_value(r.as_ref())
                    .and_then(|_| crate::ops::index_value(r.as_ref()).ok().flatten())
                else {
                    return Err(PyErr::type_error("expected integer from opener"));
                };
                if n < 0 {
                    return Err(PyErr::value_error(format!("opener returned {n}")));
                }
                fd = n as i32;
            }
            None => {
                let c = std::ffi::CString::new(path)
                    .map_err(|_| PyErr::value_error("embedded null byte"))?;
                loop {
                    // SAFETY: `c` is a NUL-terminated path.
                    let r = unsafe { libc::open(c.as_ptr(), flags, 0o666 as libc::c_uint) };
                    if r >= 0 {
                        fd = r;
                        break;
                    }
                    let e = errno();
                    if e != libc::EINTR {
                        return Err(os_error(e, Some(file.clone())));
                    }
                }
            }
        }
        with(o, |st| st.closefd = true)?;
    }
    // SAFETY: `st` is a plain struct fstat fills.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    // SAFETY: `st` is valid for writes.
    if unsafe { libc::fstat(fd, &mut st) } != 0 {
        let e = errno();
        if e == libc::EBADF {
            return Err(os_error(e, None));
        }
    } else if st.st_mode & libc::S_IFMT == libc::S_IFDIR {
        if with(o, |s| s.closefd)? {
            // SAFETY: closing the descriptor just opened.
            unsafe { libc::close(fd) };
        }
        return Err(os_error(libc::EISDIR, Some(file.clone())));
    }
    let blksize = if st.st_blksize > 1 { st.st_blksize as i64 } else { 8192 };
    with(o, |s| {
        s.fd = fd;
        s.readable = readable;
        s.writable = writable;
        s.appending = appending;
        s.created = created;
        s.seekable = None;
        s.blksize = blksize;
    })?;
    crate::attr::setattr(o, crate::types::str::intern("name").as_ref(), Some(file.as_ref()))?;
    if appending {
        // For consistent behaviour, seek to the end (errors ignored, as CPython does).
        // SAFETY: lseek has no memory-safety preconditions.
        unsafe { libc::lseek(fd, 0, libc::SEEK_END) };
    }
    Ok(none())
}

/// The path text of a `str`, `bytes` or `os.PathLike` file argument.
pub(crate) fn fs_path(file: ObjectRef<'_>) -> PyResult<Vec<u8>> {
    if let Some(s) = Str::new(file) {
        let t = s.to_string_lossy();
        if t.contains('\0') {
            return Err(PyErr::value_error("embedded null character in path"));
        }
        return Ok(t.into_bytes());
    }
    if let Some(b) = crate::types::bytes::bytes_data(file) {
        if b.contains(&0) {
            return Err(PyErr::value_error("embedded null byte"));
        }
        return Ok(b.to_vec());
    }
    if let Ok(Some(f)) = crate::types::typelookup::type_lookup(
        file.type_(),
        crate::types::str::intern("__fspath__").as_ref(),
    ) {
        let r = crate::types::instance::call_attr_pub(f, file, &[])?;
        if Str::new(r.as_ref()).is_some() || crate::types::bytes::bytes_data(r.as_ref()).is_some() {
            return fs_path(r.as_ref());
        }
        return Err(PyErr::type_error(format!(
            "expected {}.__fspath__() to return str or bytes, not {}",
            file.type_().name(),
            r.type_().name()
        )));
    }
    Err(PyErr::type_error(format!(
        "expected str, bytes or os.PathLike object, not {}",
        file.type_().name()
    )))
}

fn fileio_new(cls: Self_<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let t = crate::types::typeobject::as_type(me(cls)).expect("type");
    let o = new_io(t, blank());
    init(Some(o.as_ref()), args, kw)?;
    Ok(o)
}

fn read(s: Self_<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let o = me(s);
    let a = bind("read", args, kw, &["size"], 0)?;
    let fd = fd_of(o)?;
    if !with(o, |s| s.readable)? {
        return Err(unsupported("File not open for reading"));
    }
    let r = match super::size_arg(a[0])? {
        None => sys_readall(fd)?,
        Some(n) => sys_read(fd, n)?,
    };
    Ok(r.map_or_else(none, |b| new_bytes(&b)))
}

fn readall(s: Self_<'_>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let o = me(s);
    let fd = fd_of(o)?;
    if !with(o, |s| s.readable)? {
        return Err(unsupported("File not open for reading"));
    }
    Ok(sys_readall(fd)?.map_or_else(none, |b| new_bytes(&b)))
}

fn readinto(s: Self_<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let o = me(s);
    let a = bind("readinto", args, kw, &["buffer"], 1)?;
    let fd = fd_of(o)?;
    if !with(o, |s| s.readable)? {
        return Err(unsupported("File not open for reading"));
    }
    let buf = a[0].expect("buffer");
    let n = super::writable_len(buf.as_ref())?;
    match sys_read(fd, n)? {
        None => Ok(none()),
        Some(data) => {
            super::fill_buffer(buf.as_ref(), &data)?;
            Ok(new_int_i64(data.len() as i64))
        }
    }
}

fn write(s: Self_<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let o = me(s);
    let a = bind("write", args, kw, &["b"], 1)?;
    let fd = fd_of(o)?;
    if !with(o, |s| s.writable)? {
        return Err(unsupported("File not open for writing"));
    }
    let data = super::bytes_arg(a[0].expect("b").as_ref())?;
    Ok(sys_write(fd, &data)?.map_or_else(none, |n| new_int_i64(n as i64)))
}

fn seek(s: Self_<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let o = me(s);
    let a = bind("seek", args, kw, &["pos", "whence"], 1)?;
    let fd = fd_of(o)?;
    let pos = a[0].expect("pos");
    let Some(p) = crate::ops::index_value(pos.as_ref())? else {
        return Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            pos.type_().name()
        )));
    };
    let whence = super::int_arg(a[1], 0)?;
    Ok(new_int_i64(sys_seek(fd, p as i64, whence as i32)?))
}

fn tell(s: Self_<'_>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let fd = fd_of(me(s))?;
    Ok(new_int_i64(sys_seek(fd, 0, libc::SEEK_CUR)?))
}

fn truncate(s: Self_<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let o = me(s);
    let a = bind("truncate", args, kw, &["size"], 0)?;
    let fd = fd_of(o)?;
    if !with(o, |s| s.writable)? {
        return Err(unsupported("File not open for writing"));
    }
    let size = match super::opt_int_arg(a[0])? {
        Some(size) => size,
        None => sys_seek(fd, 0, libc::SEEK_CUR)?,
    };
    // SAFETY: ftruncate has no memory-safety preconditions.
    if unsafe { libc::ftruncate(fd, size as libc::off_t) } != 0 {
        return Err(os_error(errno(), None));
    }
    Ok(new_int_i64(size))
}

fn seekable(s: Self_<'_>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let o = me(s);
    let fd = fd_of(o)?;
    if let Some(b) = with(o, |s| s.seekable)? {
        return Ok(py_bool(b));
    }
    // SAFETY: lseek has no memory-safety preconditions.
    let ok = unsafe { libc::lseek(fd, 0, libc::SEEK_CUR) } >= 0;
    with(o, |s| s.seekable = Some(ok))?;
    Ok(py_bool(ok))
}

fn readable(s: Self_<'_>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let o = me(s);
    fd_of(o)?;
    Ok(py_bool(with(o, |s| s.readable)?))
}

fn writable(s: Self_<'_>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let o = me(s);
    fd_of(o)?;
    Ok(py_bool(with(o, |s| s.writable)?))
}

fn fileno(s: Self_<'_>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Ok(new_int_i64(fd_of(me(s))? as i64))
}

fn isatty(s: Self_<'_>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let fd = fd_of(me(s))?;
    // SAFETY: isatty has no memory-safety preconditions.
    Ok(py_bool(unsafe { libc::isatty(fd) } == 1))
}

fn close(s: Self_<'_>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let o = me(s);
    // `_RawIOBase.close`: flush and mark closed.
    let flushed = if super::payload(o)?.base_closed.get() {
        Ok(none())
    } else {
        let r = call_meth(o, "flush", &[]);
        super::payload(o)?.base_closed.set(true);
        r
    };
    let (fd, closefd) = with(o, |s| {
        let r = (s.fd, s.closefd);
        s.fd = -1;
        r
    })?;
    let mut res = flushed.map(|_| none());
    if fd >= 0 && closefd {
        // SAFETY: closing a descriptor this object owns, exactly once (fd is now -1).
        if unsafe { libc::close(fd) } != 0 && res.is_ok() {
            res = Err(os_error(errno(), None));
        }
    }
    res
}

fn closed_get(o: ObjectRef<'_>) -> PyResult<Object> {
    Ok(py_bool(with(o, |s| s.fd < 0)?))
}

fn closefd_get(o: ObjectRef<'_>) -> PyResult<Object> {
    Ok(py_bool(with(o, |s| s.closefd)?))
}

fn blksize_get(o: ObjectRef<'_>) -> PyResult<Object> {
    Ok(new_int_i64(with(o, |s| s.blksize)?))
}

pub(crate) fn mode_string(s: &FileState) -> &'static str {
    if s.created {
        if s.readable { "xb+" } else { "xb" }
    } else if s.appending {
        if s.readable { "ab+" } else { "ab" }
    } else if s.readable {
        if s.writable { "rb+" } else { "rb" }
    } else {
        "wb"
    }
}

fn mode_get(o: ObjectRef<'_>) -> PyResult<Object> {
    Ok(new_str(with(o, |s| mode_string(s))?))
}

fn finalizing_get(o: ObjectRef<'_>) -> PyResult<Object> {
    Ok(py_bool(super::payload(o)?.finalizing.get()))
}

fn fileio_repr(o: ObjectRef<'_>) -> PyResult<Object> {
    let tname = o.type_().name().to_string();
    let (fd, mode, closefd) = with(o, |s| (s.fd, mode_string(s), s.closefd))?;
    if fd < 0 {
        return Ok(new_str(&format!("<{tname} [closed]>")));
    }
    let cfd = if closefd { "True" } else { "False" };
    let Some(_g) = crate::ops::ReprGuard::enter(o) else {
        return Err(PyErr::new(
            &crate::types::exceptions::RUNTIME_ERROR,
            format!("reentrant call inside {tname}.__repr__"),
        ));
    };
    Ok(new_str(&match get_attr(o, "name") {
        Ok(n) => format!(
            "<{tname} name={} mode='{mode}' closefd={cfd}>",
            crate::ops::repr_string(n.as_ref())?
        ),
        Err(e) if e.matches(&crate::types::exceptions::ATTRIBUTE_ERROR) => {
            format!("<{tname} fd={fd} mode='{mode}' closefd={cfd}>")
        }
        Err(e) => return Err(e),
    }))
}

fn getstate(s: Self_<'_>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Err(PyErr::type_error(format!("cannot pickle '{}' instances", me(s).type_().name())))
}

pub(crate) fn register() {
    register_constructor(&FILEIO.0, fileio_new);
    methods(
        &FILEIO,
        &[
            ("__init__", init),
            ("read", read),
            ("readall", readall),
            ("readinto", readinto),
            ("write", write),
            ("seek", seek),
            ("tell", tell),
            ("truncate", truncate),
            ("seekable", seekable),
            ("readable", readable),
            ("writable", writable),
            ("fileno", fileno),
            ("isatty", isatty),
            ("close", close),
            ("__getstate__", getstate),
        ],
    );
    getsets(
        &FILEIO,
        &[
            ("closed", closed_get, None),
            ("closefd", closefd_get, None),
            ("mode", mode_get, None),
            ("_blksize", blksize_get, None),
            ("_finalizing", finalizing_get, None),
        ],
    );
}
