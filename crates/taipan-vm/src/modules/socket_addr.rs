//! Socket addresses for `_socket`: a Python address (`(host, port)` for AF_INET,
//! `(host, port, flowinfo, scope_id)` for AF_INET6, a path for AF_UNIX) to a C `sockaddr` and
//! back, with CPython's checks and messages, and host-name resolution for the address forms
//! (`''` is the wildcard, `'<broadcast>'` the broadcast address, numeric hosts need no
//! lookup, anything else goes through `getaddrinfo`).

use std::ffi::CString;

use crate::error::{PyErr, PyResult};
use crate::object::{Object, ObjectRef};
use crate::types::bytes::{bytes_data, new_bytes};
use crate::types::int::new_int_i64;
use crate::types::singletons::none;
use crate::types::str::{Str, new_str};
use crate::types::tuple::{new_tuple, tuple_items};

use super::socket::{gai_error, os_error_msg};

/// A C socket address and its length.
pub struct SockAddr {
    pub storage: libc::sockaddr_storage,
    pub len: libc::socklen_t,
}

impl SockAddr {
    pub fn empty() -> SockAddr {
        // SAFETY: `sockaddr_storage` is plain data; all zero bytes is a valid value.
        let storage = unsafe { std::mem::zeroed() };
        SockAddr { storage, len: std::mem::size_of::<libc::sockaddr_storage>() as _ }
    }

    pub fn as_ptr(&self) -> *const libc::sockaddr {
        (&self.storage as *const libc::sockaddr_storage).cast()
    }

    pub fn as_mut_ptr(&mut self) -> *mut libc::sockaddr {
        (&mut self.storage as *mut libc::sockaddr_storage).cast()
    }

    fn from_v4(ip: [u8; 4], port: u16) -> SockAddr {
        let mut a = SockAddr::empty();
        // SAFETY: `sockaddr_storage` is larger than and aligned for `sockaddr_in`.
        let sin = unsafe { &mut *(a.as_mut_ptr() as *mut libc::sockaddr_in) };
        sin.sin_family = libc::AF_INET as _;
        sin.sin_port = port.to_be();
        sin.sin_addr.s_addr = u32::from_ne_bytes(ip);
        a.len = std::mem::size_of::<libc::sockaddr_in>() as _;
        a
    }

    fn from_v6(ip: [u8; 16], port: u16, flowinfo: u32, scope_id: u32) -> SockAddr {
        let mut a = SockAddr::empty();
        // SAFETY: `sockaddr_storage` is larger than and aligned for `sockaddr_in6`.
        let sin6 = unsafe { &mut *(a.as_mut_ptr() as *mut libc::sockaddr_in6) };
        sin6.sin6_family = libc::AF_INET6 as _;
        sin6.sin6_port = port.to_be();
        sin6.sin6_flowinfo = flowinfo.to_be();
        sin6.sin6_addr.s6_addr = ip;
        sin6.sin6_scope_id = scope_id;
        a.len = std::mem::size_of::<libc::sockaddr_in6>() as _;
        a
    }

    /// The address family stored in the address.
    pub fn family(&self) -> i32 {
        self.storage.ss_family as i32
    }
}

/// A host argument's bytes: a str (ASCII as is, else IDNA through the `idna` codec), bytes or
/// bytearray; CPython's TypeError otherwise.
pub fn host_bytes(o: ObjectRef<'_>) -> PyResult<Vec<u8>> {
    if let Some(s) = Str::new(o) {
        if let Some(t) = s.as_str()
            && t.is_ascii()
        {
            return Ok(t.as_bytes().to_vec());
        }
        return crate::builtins::codecs::encode_str(s, "idna", "strict");
    }
    if let Some(b) = bytes_data(o) {
        return Ok(b.to_vec());
    }
    if let Some(b) = crate::types::bytearray::bytearray_data(o) {
        return Ok(b);
    }
    Err(PyErr::type_error(format!("str, bytes or bytearray expected, not {}", o.type_().name())))
}

fn no_nul(b: &[u8]) -> PyResult<CString> {
    CString::new(b.to_vec()).map_err(|_| PyErr::value_error("embedded null character"))
}

/// Resolves `name` for `family` (AF_INET, AF_INET6 or AF_UNSPEC) to an address with port 0,
/// as CPython's `setipaddr`.
pub fn resolve(name: &[u8], family: i32) -> PyResult<SockAddr> {
    if name.is_empty() {
        // The wildcard address, through a passive lookup as CPython does.
        return lookup(None, family, libc::AI_PASSIVE);
    }
    if name == b"<broadcast>" || name == b"255.255.255.255" {
        if family != libc::AF_INET && family != libc::AF_UNSPEC {
            return Err(os_error_msg("address family mismatched"));
        }
        return Ok(SockAddr::from_v4([255; 4], 0));
    }
    if let Ok(text) = std::str::from_utf8(name) {
        if family == libc::AF_INET || family == libc::AF_UNSPEC {
            if let Some(ip) = parse_v4_strict(text) {
                return Ok(SockAddr::from_v4(ip, 0));
            }
        }
        if (family == libc::AF_INET6 || family == libc::AF_UNSPEC)
            && !text.contains('%')
            && let Ok(ip) = text.parse::<std::net::Ipv6Addr>()
        {
            return Ok(SockAddr::from_v6(ip.octets(), 0, 0, 0));
        }
    }
    lookup(Some(name), family, 0)
}

/// A dotted-quad IPv4 address in `inet_pton`'s strict form.
fn parse_v4_strict(text: &str) -> Option<[u8; 4]> {
    text.parse::<std::net::Ipv4Addr>().ok().map(|a| a.octets())
}

/// The first address `getaddrinfo(name, NULL, family)` gives.
fn lookup(name: Option<&[u8]>, family: i32, flags: i32) -> PyResult<SockAddr> {
    let cname = match name {
        Some(n) => Some(no_nul(n)?),
        None => None,
    };
    // SAFETY: `addrinfo` is plain data; zero is a valid hints value.
    let mut hints: libc::addrinfo = unsafe { std::mem::zeroed() };
    hints.ai_family = family;
    hints.ai_flags = flags;
    if name.is_none() {
        hints.ai_socktype = libc::SOCK_DGRAM;
    }
    let service = c"0";
    let mut res: *mut libc::addrinfo = std::ptr::null_mut();
    // SAFETY: the strings are NUL-terminated, `hints` and `res` are valid; `res` is freed below.
    let rc = unsafe {
        libc::getaddrinfo(
            cname.as_ref().map_or(std::ptr::null(), |c| c.as_ptr()),
            if name.is_none() { service.as_ptr() } else { std::ptr::null() },
            &hints,
            &mut res,
        )
    };
    if rc != 0 {
        return Err(gai_error(rc));
    }
    let mut out = SockAddr::empty();
    // SAFETY: on success `res` is a valid list with at least one entry, whose `ai_addr` holds
    // `ai_addrlen` bytes (at most a `sockaddr_storage`).
    unsafe {
        let ai = &*res;
        let n = (ai.ai_addrlen as usize).min(std::mem::size_of::<libc::sockaddr_storage>());
        std::ptr::copy_nonoverlapping(ai.ai_addr.cast::<u8>(), out.as_mut_ptr().cast::<u8>(), n);
        out.len = n as _;
        libc::freeaddrinfo(res);
    }
    Ok(out)
}

/// An `int` element of an address tuple (`i` format: the index protocol).
fn int_item(o: ObjectRef<'_>) -> PyResult<i64> {
    crate::modules::posix::int_arg(o)
}

/// Converts the Python address `addr` for a socket of `family`; `caller` names the method in
/// messages (`bind`, `connect`, `sendto`, ...).
pub fn parse_address(family: i32, addr: ObjectRef<'_>, caller: &str) -> PyResult<SockAddr> {
    match family {
        libc::AF_UNIX => {
            let path = if let Some(s) = Str::new(addr) {
                crate::modules::posix::fs_encode(s)?
            } else {
                crate::modules::io::bytes_arg(addr)?
            };
            let mut a = SockAddr::empty();
            // SAFETY: `sockaddr_storage` is larger than and aligned for `sockaddr_un`.
            let sun = unsafe { &mut *(a.as_mut_ptr() as *mut libc::sockaddr_un) };
            if path.len() >= sun.sun_path.len() {
                return Err(os_error_msg("AF_UNIX path too long"));
            }
            sun.sun_family = libc::AF_UNIX as _;
            for (d, s) in sun.sun_path.iter_mut().zip(&path) {
                *d = *s as libc::c_char;
            }
            let off = std::mem::offset_of!(libc::sockaddr_un, sun_path);
            a.len = (off + path.len()) as _;
            Ok(a)
        }
        libc::AF_INET => {
            let Some(items) = tuple_items(addr) else {
                return Err(PyErr::type_error(format!(
                    "{caller}(): AF_INET address must be tuple, not {}",
                    addr.type_().name()
                )));
            };
            if items.len() != 2 {
                return Err(PyErr::type_error("AF_INET address must be a pair (host, port)"));
            }
            let host = host_bytes(items[0].as_ref())?;
            let port = int_item(items[1].as_ref())?;
            let mut a = resolve(&host, libc::AF_INET)?;
            if !(0..=0xffff).contains(&port) {
                return Err(PyErr::overflow_error(format!("{caller}(): port must be 0-65535.")));
            }
            set_port(&mut a, port as u16);
            Ok(a)
        }
        libc::AF_INET6 => {
            let Some(items) = tuple_items(addr) else {
                return Err(PyErr::type_error(format!(
                    "{caller}(): AF_INET6 address must be tuple, not {}",
                    addr.type_().name()
                )));
            };
            if !(2..=4).contains(&items.len()) {
                return Err(PyErr::type_error(
                    "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])",
                ));
            }
            let host = host_bytes(items[0].as_ref())?;
            let port = int_item(items[1].as_ref())?;
            let flowinfo = match items.get(2) {
                Some(f) => int_item(f.as_ref())?,
                None => 0,
            };
            let scope_id = match items.get(3) {
                Some(f) => int_item(f.as_ref())?,
                None => 0,
            };
            let mut a = resolve(&host, libc::AF_INET6)?;
            if !(0..=0xffff).contains(&port) {
                return Err(PyErr::overflow_error(format!("{caller}(): port must be 0-65535.")));
            }
            if !(0..=0xfffff).contains(&flowinfo) {
                return Err(PyErr::overflow_error(format!(
                    "{caller}(): flowinfo must be 0-1048575."
                )));
            }
            set_port(&mut a, port as u16);
            if a.family() == libc::AF_INET6 {
                // SAFETY: the storage holds a `sockaddr_in6` (its family says so).
                let sin6 = unsafe { &mut *(a.as_mut_ptr() as *mut libc::sockaddr_in6) };
                sin6.sin6_flowinfo = (flowinfo as u32).to_be();
                sin6.sin6_scope_id = scope_id as u32;
            }
            Ok(a)
        }
        _ => Err(os_error_msg(&format!("{caller}(): bad family"))),
    }
}

fn set_port(a: &mut SockAddr, port: u16) {
    match a.family() {
        libc::AF_INET => {
            // SAFETY: the storage holds a `sockaddr_in` (its family says so).
            let sin = unsafe { &mut *(a.as_mut_ptr() as *mut libc::sockaddr_in) };
            sin.sin_port = port.to_be();
        }
        libc::AF_INET6 => {
            // SAFETY: the storage holds a `sockaddr_in6` (its family says so).
            let sin6 = unsafe { &mut *(a.as_mut_ptr() as *mut libc::sockaddr_in6) };
            sin6.sin6_port = port.to_be();
        }
        _ => {}
    }
}

/// The numeric text of an IPv6 address with its scope (`fe80::1%eth0`), as `getnameinfo`
/// with `NI_NUMERICHOST` gives it.
fn v6_text(a: &SockAddr) -> String {
    let mut host = [0 as libc::c_char; 128];
    // SAFETY: `a` holds `a.len` valid bytes; `host` is writable for its length.
    let rc = unsafe {
        libc::getnameinfo(
            a.as_ptr(),
            a.len,
            host.as_mut_ptr(),
            host.len() as _,
            std::ptr::null_mut(),
            0,
            libc::NI_NUMERICHOST,
        )
    };
    if rc == 0 {
        // SAFETY: getnameinfo wrote a NUL-terminated string into `host`.
        return unsafe { std::ffi::CStr::from_ptr(host.as_ptr()) }.to_string_lossy().into_owned();
    }
    // SAFETY: the storage holds a `sockaddr_in6`.
    let sin6 = unsafe { &*(a.as_ptr() as *const libc::sockaddr_in6) };
    std::net::Ipv6Addr::from(sin6.sin6_addr.s6_addr).to_string()
}

/// The Python form of a C address of `len` bytes (CPython's `makesockaddr`): None when the
/// address is empty.
pub fn make_address(a: &SockAddr) -> Object {
    if a.len == 0 {
        return none();
    }
    match a.family() {
        libc::AF_INET => {
            // SAFETY: the storage holds a `sockaddr_in` (its family says so).
            let sin = unsafe { &*(a.as_ptr() as *const libc::sockaddr_in) };
            let ip = std::net::Ipv4Addr::from(sin.sin_addr.s_addr.to_ne_bytes());
            new_tuple(vec![
                new_str(&ip.to_string()),
                new_int_i64(u16::from_be(sin.sin_port) as i64),
            ])
        }
        libc::AF_INET6 => {
            // SAFETY: the storage holds a `sockaddr_in6` (its family says so).
            let sin6 = unsafe { &*(a.as_ptr() as *const libc::sockaddr_in6) };
            new_tuple(vec![
                new_str(&v6_text(a)),
                new_int_i64(u16::from_be(sin6.sin6_port) as i64),
                new_int_i64(u32::from_be(sin6.sin6_flowinfo) as i64),
                new_int_i64(sin6.sin6_scope_id as i64),
            ])
        }
        libc::AF_UNIX => {
            // SAFETY: the storage holds a `sockaddr_un` (its family says so).
            let sun = unsafe { &*(a.as_ptr() as *const libc::sockaddr_un) };
            let off = std::mem::offset_of!(libc::sockaddr_un, sun_path);
            let n = (a.len as usize).saturating_sub(off).min(sun.sun_path.len());
            let path: Vec<u8> = sun.sun_path[..n].iter().map(|&c| c as u8).collect();
            if n > 0 && path[0] == 0 {
                // Linux's abstract namespace: the name as bytes.
                return new_bytes(&path);
            }
            let end = path.iter().position(|&c| c == 0).unwrap_or(path.len());
            crate::modules::posix::fs_decode(&path[..end])
        }
        fam => {
            // SAFETY: every address starts with a `sockaddr`.
            let sa = unsafe { &*a.as_ptr() };
            let data: Vec<u8> = sa.sa_data.iter().map(|&c| c as u8).collect();
            new_tuple(vec![new_int_i64(fam as i64), new_bytes(&data)])
        }
    }
}
