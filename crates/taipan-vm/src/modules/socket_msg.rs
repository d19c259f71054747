//! `socket.sendmsg` and `socket.recvmsg` (scatter/gather I/O with ancillary data, as
//! `sendmsg(2)`/`recvmsg(2)`), and the module functions `CMSG_LEN`/`CMSG_SPACE`.

use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::object::{Object, ObjectRef};
use crate::types::bytes::new_bytes;
use crate::types::int::new_int_i64;
use crate::types::list::new_list;
use crate::types::tuple::{new_tuple, tuple_items};

use super::socket_addr::{SockAddr, make_address, parse_address};
use super::socket_type::{call_io, check_r, payload_of};

type S<'a> = Option<ObjectRef<'a>>;

fn c_int(o: &Object) -> PyResult<i32> {
    let v = crate::modules::posix::int_arg(o.as_ref())?;
    i32::try_from(v).map_err(|_| PyErr::overflow_error("signed integer is greater than maximum"))
}

/// The control-message buffer for `ancdata`, an iterable of `(level, type, data)`.
fn build_control(ancdata: ObjectRef<'_>) -> PyResult<Vec<u8>> {
    let items = crate::eval::helpers::iterate(ancdata)?;
    let mut parts = Vec::with_capacity(items.len());
    for it in &items {
        let Some(t) = tuple_items(it.as_ref()).filter(|t| t.len() == 3) else {
            return Err(PyErr::type_error(
                "[sendmsg() ancillary data items]() argument must be sequence of length 3",
            ));
        };
        let level = c_int(&t[0])?;
        let ty = c_int(&t[1])?;
        let data = crate::modules::io::bytes_arg(t[2].as_ref())?;
        parts.push((level, ty, data));
    }
    let mut total = 0usize;
    for (_, _, d) in &parts {
        // SAFETY: CMSG_SPACE is arithmetic on its argument.
        total += unsafe { libc::CMSG_SPACE(d.len() as u32) } as usize;
    }
    let mut buf = vec![0u8; total];
    if total == 0 {
        return Ok(buf);
    }
    // SAFETY: `hdr` describes `buf`, which is large enough for every header and its data
    // (sized with CMSG_SPACE above); the CMSG_* helpers stay within `msg_controllen`.
    unsafe {
        let mut hdr: libc::msghdr = std::mem::zeroed();
        hdr.msg_control = buf.as_mut_ptr().cast();
        hdr.msg_controllen = total as _;
        let mut c = libc::CMSG_FIRSTHDR(&hdr);
        for (level, ty, data) in &parts {
            if c.is_null() {
                return Err(PyErr::new(
                    &crate::types::exceptions::RUNTIME_ERROR,
                    "unexpected NULL result from CMSG_NXTHDR",
                ));
            }
            (*c).cmsg_level = *level;
            (*c).cmsg_type = *ty;
            (*c).cmsg_len = libc::CMSG_LEN(data.len() as u32) as _;
            std::ptr::copy_nonoverlapping(data.as_ptr(), libc::CMSG_DATA(c), data.len());
            c = libc::CMSG_NXTHDR(&hdr, c);
        }
    }
    Ok(buf)
}

/// `sendmsg(buffers[, ancdata[, flags[, address]]])` -> bytes sent.
pub(crate) fn sendmsg(s: S<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Args::new(args, kw).check_method("socket", "sendmsg", 1, 4)?;
    let p = payload_of(s)?;
    let bufs: Vec<Vec<u8>> = crate::eval::helpers::iterate(args[0].as_ref())
        .map_err(|_| PyErr::type_error("sendmsg() argument 1 must be an iterable"))?
        .iter()
        .map(|b| crate::modules::io::bytes_arg(b.as_ref()))
        .collect::<PyResult<_>>()?;
    let mut control = match args.get(1) {
        Some(a) => build_control(a.as_ref())?,
        None => Vec::new(),
    };
    let flags = match args.get(2) {
        Some(f) => c_int(f)?,
        None => 0,
    };
    let addr = match args.get(3).filter(|a| !crate::types::singletons::is_none(a.as_ref())) {
        Some(a) => Some(parse_address(p.family(), a.as_ref(), "sendmsg")?),
        None => None,
    };
    let n = call_io(p, true, |fd| {
        let mut iov: Vec<libc::iovec> = bufs
            .iter()
            .map(|b| libc::iovec { iov_base: b.as_ptr() as *mut _, iov_len: b.len() })
            .collect();
        // SAFETY: every pointer in `hdr` refers to live buffers of the given lengths.
        unsafe {
            let mut hdr: libc::msghdr = std::mem::zeroed();
            hdr.msg_iov = iov.as_mut_ptr();
            hdr.msg_iovlen = iov.len() as _;
            if !control.is_empty() {
                hdr.msg_control = control.as_mut_ptr().cast();
                hdr.msg_controllen = control.len() as _;
            }
            if let Some(a) = &addr {
                hdr.msg_name = a.as_ptr() as *mut _;
                hdr.msg_namelen = a.len;
            }
            check_r(libc::sendmsg(fd, &hdr, flags))
        }
    })?;
    Ok(new_int_i64(n as i64))
}

/// `recvmsg(bufsize[, ancbufsize[, flags]])` -> (data, ancdata, msg_flags, address).
pub(crate) fn recvmsg(s: S<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Args::new(args, kw).check_method("socket", "recvmsg", 1, 3)?;
    let p = payload_of(s)?;
    let n = c_int(&args[0])?;
    if n < 0 {
        return Err(PyErr::value_error("negative buffer size in recvmsg()"));
    }
    let anc = match args.get(1) {
        Some(a) => c_int(a)?,
        None => 0,
    };
    if anc < 0 {
        return Err(PyErr::value_error("negative buffer size in recvmsg()"));
    }
    let flags = match args.get(2) {
        Some(f) => c_int(f)?,
        None => 0,
    };
    let mut buf = vec![0u8; n as usize];
    let mut control = vec![0u8; anc as usize];
    let mut addr = SockAddr::empty();
    let mut out_flags = 0;
    let mut controllen = 0usize;
    let got = call_io(p, false, |fd| {
        // SAFETY: every pointer in `hdr` refers to live buffers of the given lengths.
        unsafe {
            let mut iov = libc::iovec { iov_base: buf.as_mut_ptr().cast(), iov_len: buf.len() };
            let mut hdr: libc::msghdr = std::mem::zeroed();
            hdr.msg_iov = &mut iov;
            hdr.msg_iovlen = 1;
            if !control.is_empty() {
                hdr.msg_control = control.as_mut_ptr().cast();
                hdr.msg_controllen = control.len() as _;
            }
            hdr.msg_name = addr.as_mut_ptr().cast();
            hdr.msg_namelen = std::mem::size_of::<libc::sockaddr_storage>() as _;
            let r = check_r(libc::recvmsg(fd, &mut hdr, flags));
            addr.len = hdr.msg_namelen;
            out_flags = hdr.msg_flags;
            controllen = hdr.msg_controllen as usize;
            r
        }
    })?;
    buf.truncate(got);
    let mut items = Vec::new();
    if controllen > 0 {
        // SAFETY: the kernel filled `controllen` bytes of `control` with well-formed headers;
        // the CMSG_* helpers stay within `msg_controllen`.
        unsafe {
            let mut hdr: libc::msghdr = std::mem::zeroed();
            hdr.msg_control = control.as_mut_ptr().cast();
            hdr.msg_controllen = controllen.min(control.len()) as _;
            let mut c = libc::CMSG_FIRSTHDR(&hdr);
            while !c.is_null() {
                let data = libc::CMSG_DATA(c);
                let start = data.offset_from(control.as_ptr()) as usize;
                let len = ((*c).cmsg_len as usize).saturating_sub(libc::CMSG_LEN(0) as usize);
                let end = (start + len).min(controllen);
                items.push(new_tuple(vec![
                    new_int_i64((*c).cmsg_level as i64),
                    new_int_i64((*c).cmsg_type as i64),
                    new_bytes(&control[start.min(end)..end]),
                ]));
                c = libc::CMSG_NXTHDR(&hdr, c);
            }
        }
    }
    Ok(new_tuple(vec![
        new_bytes(&buf),
        new_list(items),
        new_int_i64(out_flags as i64),
        make_address(&addr),
    ]))
}

fn cmsg_arg(fname: &str, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<i64> {
    Args::new(args, kw).check_method("", fname, 1, 1).map_err(|_| {
        PyErr::type_error(format!("{fname}() takes exactly one argument ({} given)", args.len()))
    })?;
    let v = crate::modules::posix::int_arg(args[0].as_ref())?;
    if !(0..=(i32::MAX as i64 - 64)).contains(&v) {
        return Err(PyErr::overflow_error(format!("{fname}() argument out of range")));
    }
    Ok(v)
}

/// `CMSG_LEN(length)`.
pub(crate) fn cmsg_len(_: S<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let v = cmsg_arg("CMSG_LEN", args, kw)?;
    // SAFETY: CMSG_LEN is arithmetic on its argument.
    Ok(new_int_i64(unsafe { libc::CMSG_LEN(v as u32) } as i64))
}

/// `CMSG_SPACE(length)`.
pub(crate) fn cmsg_space(_: S<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let v = cmsg_arg("CMSG_SPACE", args, kw)?;
    // SAFETY: CMSG_SPACE is arithmetic on its argument.
    Ok(new_int_i64(unsafe { libc::CMSG_SPACE(v as u32) } as i64))
}
