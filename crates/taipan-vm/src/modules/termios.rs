//! The `termios` module: POSIX terminal control (`tcgetattr`/`tcsetattr`, `tcsendbreak`,
//! `tcdrain`, `tcflush`, `tcflow`, `tcgetwinsize`/`tcsetwinsize`), the `termios.error`
//! exception and the constants (generated in [`super::termios_consts`]). What `tty` and `pty`
//! are built on.

use std::cell::RefCell;

use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::object::{Object, ObjectRef};
use crate::types::bytes::{bytes_data, new_bytes};
use crate::types::dict::{as_dict, new_dict};
use crate::types::function::{NativeFn, new_bound_builtin};
use crate::types::int::new_int_i64;
use crate::types::list::{as_list, new_list};
use crate::types::module::{module_dict, new_module};
use crate::types::singletons::none;
use crate::types::str::new_str;

/// `termios.error`, made once per interpreter.
static ERROR: crate::gil::GilCell<RefCell<Option<Object>>> =
    crate::gil::GilCell::new(RefCell::new(None));

fn error_class() -> PyResult<Object> {
    if let Some(e) = ERROR.with(|e| e.borrow().clone()) {
        return Ok(e);
    }
    let ns = new_dict();
    as_dict(ns.as_ref()).expect("dict").set_str("__module__", new_str("termios"))?;
    let base = crate::types::exceptions::EXCEPTION.0.as_object().to_owned();
    let cls = crate::types::instance::new_class("error", &[base], ns.as_ref())?;
    ERROR.with(|e| *e.borrow_mut() = Some(cls.clone()));
    Ok(cls)
}

/// `termios.error(errno, strerror)` for the last system error.
fn last_error() -> PyErr {
    let errno = crate::modules::posix::errno();
    let args = [new_int_i64(errno as i64), new_str(&crate::modules::posix::strerror_text(errno))];
    match error_class().and_then(|c| crate::ops::call(c.as_ref(), &args, None)) {
        Ok(inst) => PyErr::from_instance(inst),
        Err(e) => e,
    }
}

fn fd_arg(o: &Object) -> PyResult<i32> {
    crate::modules::fcntl::as_file_descriptor(o.as_ref())
}

fn int_arg(o: &Object) -> PyResult<i64> {
    crate::modules::posix::int_arg(o.as_ref())
}

fn get_termios(fd: i32) -> PyResult<libc::termios> {
    // SAFETY: all-zero bytes are a valid `termios` (plain integers and arrays).
    let mut t: libc::termios = unsafe { std::mem::zeroed() };
    // SAFETY: `t` is a live, writable `termios`.
    if unsafe { libc::tcgetattr(fd, &mut t) } == -1 {
        return Err(last_error());
    }
    Ok(t)
}

fn tcgetattr(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("tcgetattr")?;
    a.count("tcgetattr", 1, 1)?;
    let fd = fd_arg(&args[0])?;
    let t = get_termios(fd)?;
    // SAFETY: `t` is an initialised `termios`.
    let (ispeed, ospeed) = unsafe { (libc::cfgetispeed(&t), libc::cfgetospeed(&t)) };
    let canonical = t.c_lflag & libc::ICANON != 0;
    let cc: Vec<Object> = t
        .c_cc
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            if !canonical && (i == libc::VMIN || i == libc::VTIME) {
                new_int_i64(c as i64)
            } else {
                new_bytes(&[c])
            }
        })
        .collect();
    Ok(new_list(vec![
        new_int_i64(t.c_iflag as i64),
        new_int_i64(t.c_oflag as i64),
        new_int_i64(t.c_cflag as i64),
        new_int_i64(t.c_lflag as i64),
        new_int_i64(ispeed as i64),
        new_int_i64(ospeed as i64),
        new_list(cc),
    ]))
}

fn tcsetattr(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("tcsetattr")?;
    a.count("tcsetattr", 3, 3)?;
    let fd = fd_arg(&args[0])?;
    let when = int_arg(&args[1])? as i32;
    let attrs = as_list(args[2].as_ref())
        .map(|l| l.to_vec())
        .filter(|v| v.len() == 7)
        .ok_or_else(|| PyErr::type_error("tcsetattr, arg 3: must be 7 element list"))?;
    let mut t = get_termios(fd)?;
    t.c_iflag = int_arg(&attrs[0])? as libc::tcflag_t;
    t.c_oflag = int_arg(&attrs[1])? as libc::tcflag_t;
    t.c_cflag = int_arg(&attrs[2])? as libc::tcflag_t;
    t.c_lflag = int_arg(&attrs[3])? as libc::tcflag_t;
    let ispeed = int_arg(&attrs[4])? as libc::speed_t;
    let ospeed = int_arg(&attrs[5])? as libc::speed_t;
    let ncc = t.c_cc.len();
    let cc = as_list(attrs[6].as_ref()).map(|l| l.to_vec()).filter(|v| v.len() == ncc).ok_or_else(
        || PyErr::type_error(format!("tcsetattr: attributes[6] must be {ncc} element list")),
    )?;
    for (i, c) in cc.iter().enumerate() {
        t.c_cc[i] = match bytes_data(c.as_ref()) {
            Some([b]) => *b,
            _ if crate::types::int::int_value(c.as_ref()).is_some() => int_arg(c)? as libc::cc_t,
            _ => {
                return Err(PyErr::type_error(
                    "tcsetattr: elements of attributes must be bytes objects of length 1 or integers",
                ));
            }
        };
    }
    // SAFETY: `t` is an initialised `termios` owned by this frame.
    unsafe {
        if libc::cfsetispeed(&mut t, ispeed) == -1 || libc::cfsetospeed(&mut t, ospeed) == -1 {
            return Err(last_error());
        }
        if libc::tcsetattr(fd, when, &t) == -1 {
            return Err(last_error());
        }
    }
    Ok(none())
}

/// `name(fd, n)` over a system call taking a descriptor and an int.
fn fd_int_call(
    name: &str,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
    call: unsafe extern "C" fn(i32, i32) -> i32,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all(name)?;
    a.count(name, 2, 2)?;
    let fd = fd_arg(&args[0])?;
    let n = int_arg(&args[1])? as i32;
    // SAFETY: the call takes plain integers.
    if unsafe { call(fd, n) } == -1 {
        return Err(last_error());
    }
    Ok(none())
}

fn tcsendbreak(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    fd_int_call("tcsendbreak", args, kw, libc::tcsendbreak)
}

fn tcflush(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    fd_int_call("tcflush", args, kw, libc::tcflush)
}

fn tcflow(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    fd_int_call("tcflow", args, kw, libc::tcflow)
}

fn tcdrain(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("tcdrain")?;
    a.count("tcdrain", 1, 1)?;
    let fd = fd_arg(&args[0])?;
    // SAFETY: `tcdrain` takes a plain descriptor; it may block, so the GIL is released.
    let rc = crate::gil::allow_threads(move || unsafe { libc::tcdrain(fd) });
    if rc == -1 {
        return Err(last_error());
    }
    Ok(none())
}

fn get_winsize(fd: i32) -> PyResult<libc::winsize> {
    let mut w = libc::winsize { ws_row: 0, ws_col: 0, ws_xpixel: 0, ws_ypixel: 0 };
    // SAFETY: TIOCGWINSZ writes one `winsize` into the live `w`.
    if unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut w) } == -1 {
        return Err(last_error());
    }
    Ok(w)
}

fn tcgetwinsize(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("tcgetwinsize")?;
    a.count("tcgetwinsize", 1, 1)?;
    let w = get_winsize(fd_arg(&args[0])?)?;
    Ok(crate::types::tuple::new_tuple(vec![
        new_int_i64(w.ws_row as i64),
        new_int_i64(w.ws_col as i64),
    ]))
}

fn tcsetwinsize(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("tcsetwinsize")?;
    a.count("tcsetwinsize", 2, 2)?;
    let fd = fd_arg(&args[0])?;
    let items = crate::eval::helpers::iterate(args[1].as_ref())
        .ok()
        .filter(|v| v.len() == 2)
        .ok_or_else(|| PyErr::type_error("tcsetwinsize, arg 2: must be a two-item sequence"))?;
    let rows = int_arg(&items[0])?;
    let cols = int_arg(&items[1])?;
    let mut w = get_winsize(fd)?;
    let (Ok(r), Ok(c)) = (u16::try_from(rows), u16::try_from(cols)) else {
        return Err(PyErr::overflow_error("winsize value(s) out of range."));
    };
    w.ws_row = r;
    w.ws_col = c;
    // SAFETY: TIOCSWINSZ reads one `winsize` from the live `w`.
    if unsafe { libc::ioctl(fd, libc::TIOCSWINSZ, &w) } == -1 {
        return Err(last_error());
    }
    Ok(none())
}

/// Makes the `termios` module.
pub fn make_module() -> PyResult<Object> {
    let m = new_module("termios");
    let d = as_dict(module_dict(m.as_ref()).expect("dict")).expect("dict");
    d.set_str(
        "__doc__",
        new_str(
            "This module provides an interface to the Posix calls for tty I/O control.\nFor a \
             complete description of these calls, see the Posix or Unix manual\npages. It is \
             only available for those Unix versions that support Posix\ntermios style tty I/O \
             control.\n\nAll functions in this module take a file descriptor fd as their \
             first\nargument. This can be an integer file descriptor, such as returned \
             by\nsys.stdin.fileno(), or a file object, such as sys.stdin itself.",
        ),
    )?;
    let fns: &[(&'static str, NativeFn)] = &[
        ("tcgetattr", tcgetattr),
        ("tcsetattr", tcsetattr),
        ("tcsendbreak", tcsendbreak),
        ("tcdrain", tcdrain),
        ("tcflush", tcflush),
        ("tcflow", tcflow),
        ("tcgetwinsize", tcgetwinsize),
        ("tcsetwinsize", tcsetwinsize),
    ];
    for &(name, f) in fns {
        d.set_str(name, new_bound_builtin(name, f, m.clone()))?;
    }
    d.set_str("error", error_class()?)?;
    for (name, v) in super::termios_consts::CONSTANTS {
        d.set_str(name, new_int_i64(*v))?;
    }
    Ok(m)
}
