//! The `time` module (CPython's `Modules/timemodule.c`): the clocks (`time`, `monotonic`,
//! `perf_counter`, `process_time`, `thread_time`, `clock_gettime`, each with its `_ns` form),
//! `sleep`, the calendar conversions on libc (`gmtime`, `localtime`, `mktime`, `asctime`,
//! `ctime`, `strftime` one directive at a time, so literal text passes through untouched),
//! `struct_time`, the time-zone globals (`timezone`, `altzone`, `daylight`, `tzname`, `tzset`).
//! `struct_time`, `get_clock_info` and `strptime` (which runs `_strptime`) are Python
//! (`py/time.py`).

use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::object::{Object, ObjectRef};
use crate::types::dict::as_dict;
use crate::types::float::{float_value, new_float};
use crate::types::function::{NativeFn, new_builtin_function};
use crate::types::int::{int_value, new_int, new_int_i64};
use crate::types::module::{module_dict, new_module};
use crate::types::singletons::{is_none, none};
use crate::types::str::{Str, new_str, new_str_from_code_points};
use crate::types::tuple::{new_tuple, tuple_items};

type S<'a> = Option<ObjectRef<'a>>;

unsafe extern "C" {
    #[link_name = "tzset"]
    fn tzset_c();
}

const SOURCE: &str = include_str!("py/time.py");

static STRUCT_TIME: crate::gil::GilCell<std::cell::RefCell<Option<Object>>> =
    crate::gil::GilCell::new(std::cell::RefCell::new(None));

fn clock_ns(clk: libc::clockid_t) -> PyResult<i128> {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `ts` is valid for writes.
    if unsafe { libc::clock_gettime(clk, &mut ts) } != 0 {
        return Err(crate::modules::posix::last_error());
    }
    Ok(ts.tv_sec as i128 * 1_000_000_000 + ts.tv_nsec as i128)
}

fn secs(ns: i128) -> Object {
    new_float(ns as f64 / 1e9)
}

fn ns_obj(ns: i128) -> Object {
    match i64::try_from(ns) {
        Ok(v) => new_int_i64(v),
        Err(_) => new_int(dashu_int::IBig::from(ns)),
    }
}

macro_rules! clock_fns {
    ($f:ident, $fns:ident, $py:literal, $pyns:literal, $clk:expr) => {
        fn $f(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
            no_args($py, args, kw)?;
            Ok(secs(clock_ns($clk)?))
        }
        fn $fns(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
            no_args($pyns, args, kw)?;
            Ok(ns_obj(clock_ns($clk)?))
        }
    };
}

clock_fns!(time, time_ns, "time", "time_ns", libc::CLOCK_REALTIME);
clock_fns!(monotonic, monotonic_ns, "monotonic", "monotonic_ns", libc::CLOCK_MONOTONIC);
clock_fns!(perf_counter, perf_counter_ns, "perf_counter", "perf_counter_ns", libc::CLOCK_MONOTONIC);
clock_fns!(
    process_time,
    process_time_ns,
    "process_time",
    "process_time_ns",
    libc::CLOCK_PROCESS_CPUTIME_ID
);
clock_fns!(
    thread_time,
    thread_time_ns,
    "thread_time",
    "thread_time_ns",
    libc::CLOCK_THREAD_CPUTIME_ID
);

fn no_args(fname: &str, args: &[Object], kw: S<'_>) -> PyResult<()> {
    if args.is_empty() {
        return Ok(());
    }
    let q = format!("time.{fname}");
    let a = Args::new(args, kw);
    a.no_kw_at_all(&q)?;
    a.count(&q, 0, 0)
}

/// The one argument of `sleep`/`mktime`/`clock_gettime` (`min` 1: named with the module in
/// errors, as CPython's one-argument functions) or the optional one of `gmtime`/`localtime`/
/// `ctime`/`asctime` (`min` 0).
fn one_arg<'a>(
    fname: &str,
    args: &'a [Object],
    kw: S<'a>,
    min: usize,
) -> PyResult<Option<&'a Object>> {
    let a = Args::new(args, kw);
    if a.kw.is_empty() && (min..=1).contains(&a.pos.len()) {
        return Ok(a.pos.first());
    }
    if min == 1 {
        let q = format!("time.{fname}");
        a.no_kw_at_all(&q)?;
        a.count(&q, 1, 1)?;
    } else {
        a.no_kw_at_all(fname)?;
        if fname == "asctime" {
            a.count(fname, 0, 1)?;
        }
        return Err(PyErr::type_error(format!(
            "{fname}() takes at most 1 argument ({} given)",
            a.pos.len()
        )));
    }
    Ok(a.pos.first())
}

fn clk_arg(o: &Object) -> PyResult<libc::clockid_t> {
    Ok(crate::modules::posix::int_arg(o.as_ref())? as libc::clockid_t)
}

fn clock_gettime(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let c = one_arg("clock_gettime", args, kw, 1)?.expect("clock");
    Ok(secs(clock_ns(clk_arg(c)?)?))
}

fn clock_gettime_ns(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let c = one_arg("clock_gettime_ns", args, kw, 1)?.expect("clock");
    Ok(ns_obj(clock_ns(clk_arg(c)?)?))
}

fn clock_getres(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let c = one_arg("clock_getres", args, kw, 1)?.expect("clock");
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `ts` is valid for writes.
    if unsafe { libc::clock_getres(clk_arg(c)?, &mut ts) } != 0 {
        return Err(crate::modules::posix::last_error());
    }
    Ok(new_float(ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9))
}

/// CPython's OverflowError message for seconds whose nanoseconds do not fit in a `PyTime_t`.
pub(crate) const PYTIME_OVERFLOW: &str = "timestamp out of range for C PyTime_t";

/// `_PyTime_FromSecondsObject`'s checks on seconds given as a float: NaN is a ValueError, a
/// value whose nanoseconds do not fit in 64 bits (infinities included) an OverflowError.
pub(crate) fn check_seconds(f: f64) -> PyResult<()> {
    if f.is_nan() {
        return Err(PyErr::value_error("Invalid value NaN (not a number)"));
    }
    if (f * 1e9).abs() >= 9.223_372_036_854_775_808e18 {
        return Err(PyErr::overflow_error(PYTIME_OVERFLOW));
    }
    Ok(())
}

/// `sleep(secs)`: a non-negative int or float; waits the whole time (a signal runs its Python
/// handler, then the sleep resumes unless the handler raised).
fn sleep(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let o = one_arg("sleep", args, kw, 1)?.expect("secs");
    let ns: i128 = if let Some(f) = float_value(o.as_ref()) {
        check_seconds(f)?;
        if f < 0.0 {
            return Err(PyErr::value_error("sleep length must be non-negative"));
        }
        (f * 1e9).ceil() as i128
    } else if int_value(o.as_ref()).is_some() || crate::ops::index_via_slot(o.as_ref())?.is_some() {
        let v = crate::modules::posix::int_arg(o.as_ref())? as i128;
        if v < 0 {
            return Err(PyErr::value_error("sleep length must be non-negative"));
        }
        v * 1_000_000_000
    } else {
        return Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer or float",
            o.type_().name()
        )));
    };
    let mut req = libc::timespec {
        tv_sec: (ns / 1_000_000_000) as libc::time_t,
        tv_nsec: (ns % 1_000_000_000) as _,
    };
    loop {
        let mut rem = libc::timespec { tv_sec: 0, tv_nsec: 0 };
        // Other threads run Python code while this one sleeps.
        let (r, e) = crate::gil::allow_threads(|| {
            // SAFETY: both timespecs are valid.
            let r = unsafe { libc::nanosleep(&req, &mut rem) };
            (r, crate::modules::posix::errno())
        });
        if r == 0 {
            break;
        }
        if e != libc::EINTR {
            return Err(crate::modules::posix::os_error2(e, None, None));
        }
        // PEP 475: the handlers run; the sleep goes on unless one raised.
        crate::modules::signal::check_signals()?;
        req = rem;
    }
    Ok(none())
}

/// A time in seconds for `gmtime`/`localtime`/`ctime` (None: now), floored to whole seconds.
fn time_t_arg(o: Option<&Object>) -> PyResult<libc::time_t> {
    let o = match o {
        None => return Ok((clock_ns(libc::CLOCK_REALTIME)? / 1_000_000_000) as libc::time_t),
        Some(o) if is_none(o.as_ref()) => {
            return Ok((clock_ns(libc::CLOCK_REALTIME)? / 1_000_000_000) as libc::time_t);
        }
        Some(o) => o,
    };
    if let Some(f) = float_value(o.as_ref()) {
        if f.is_nan() {
            return Err(PyErr::value_error("Invalid value NaN (not a number)"));
        }
        let s = f.floor();
        if !(-9.2e18..9.2e18).contains(&s) {
            return Err(PyErr::overflow_error("timestamp out of range for platform time_t"));
        }
        return Ok(s as libc::time_t);
    }
    match crate::modules::posix::int_arg(o.as_ref()) {
        Ok(v) => Ok(v as libc::time_t),
        Err(e) if e.matches(&crate::types::exceptions::OVERFLOW_ERROR) => {
            Err(PyErr::overflow_error("timestamp out of range for platform time_t"))
        }
        Err(e) => Err(e),
    }
}

fn zone_name(tm: &libc::tm) -> Object {
    if tm.tm_zone.is_null() {
        return none();
    }
    // SAFETY: libc's `tm_zone` points at a NUL-terminated static string.
    let c = unsafe { std::ffi::CStr::from_ptr(tm.tm_zone) };
    crate::modules::posix::fs_decode(c.to_bytes())
}

/// `struct_time` from a C `tm`.
fn struct_time_of(tm: &libc::tm) -> PyResult<Object> {
    let v = vec![
        new_int_i64(tm.tm_year as i64 + 1900),
        new_int_i64(tm.tm_mon as i64 + 1),
        new_int_i64(tm.tm_mday as i64),
        new_int_i64(tm.tm_hour as i64),
        new_int_i64(tm.tm_min as i64),
        new_int_i64(tm.tm_sec as i64),
        new_int_i64((tm.tm_wday as i64 + 6) % 7),
        new_int_i64(tm.tm_yday as i64 + 1),
        new_int_i64(tm.tm_isdst as i64),
        zone_name(tm),
        new_int_i64(tm.tm_gmtoff),
    ];
    let cls = STRUCT_TIME.with(|s| s.borrow().clone());
    let Some(cls) = cls else { return Err(PyErr::type_error("time.struct_time is not ready")) };
    crate::ops::call(cls.as_ref(), &[new_tuple(v)], None)
}

fn convert(t: libc::time_t, local: bool) -> PyResult<libc::tm> {
    // SAFETY: a plain struct the call fills.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    // SAFETY: `tm` is valid for writes.
    let r =
        unsafe { if local { libc::localtime_r(&t, &mut tm) } else { libc::gmtime_r(&t, &mut tm) } };
    if r.is_null() {
        let e = crate::modules::posix::errno();
        return Err(if e == libc::EOVERFLOW || e == 0 {
            PyErr::overflow_error("timestamp out of range for platform time_t")
        } else {
            crate::modules::posix::os_error2(e, None, None)
        });
    }
    Ok(tm)
}

fn gmtime(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let o = one_arg("gmtime", args, kw, 0)?;
    struct_time_of(&convert(time_t_arg(o)?, false)?)
}

fn localtime(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let o = one_arg("localtime", args, kw, 0)?;
    struct_time_of(&convert(time_t_arg(o)?, true)?)
}

/// A C `tm` from a 9-tuple or `struct_time` (CPython's `gettmarg`), with the zone name kept
/// alive in `zone` for `strftime`'s `%Z`.
fn tm_arg(fname: &str, o: &Object, zone: &mut Option<std::ffi::CString>) -> PyResult<libc::tm> {
    let Some(items) = tuple_items(o.as_ref()) else {
        return Err(PyErr::type_error("Tuple or struct_time argument required"));
    };
    if items.len() != 9 {
        return Err(PyErr::type_error(format!("{fname}(): illegal time tuple argument")));
    }
    let mut v = [0i64; 9];
    for (slot, it) in v.iter_mut().zip(items) {
        if float_value(it.as_ref()).is_some() && int_value(it.as_ref()).is_none() {
            return Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                it.type_().name()
            )));
        }
        let x = crate::modules::posix::int_arg(it.as_ref())?;
        if x > i32::MAX as i64 {
            return Err(PyErr::overflow_error("signed integer is greater than maximum"));
        }
        if x < i32::MIN as i64 {
            return Err(PyErr::overflow_error("signed integer is less than minimum"));
        }
        *slot = x;
    }
    // SAFETY: a plain struct, all fields set below or zero.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    tm.tm_year = (v[0] - 1900) as i32;
    tm.tm_mon = (v[1] - 1) as i32;
    tm.tm_mday = v[2] as i32;
    tm.tm_hour = v[3] as i32;
    tm.tm_min = v[4] as i32;
    tm.tm_sec = v[5] as i32;
    tm.tm_wday = ((v[6] + 1) % 7) as i32;
    tm.tm_yday = (v[7] - 1) as i32;
    tm.tm_isdst = v[8] as i32;
    // The zone fields of a struct_time, when it has them.
    let is_struct_time = STRUCT_TIME
        .with(|s| s.borrow().as_ref().is_some_and(|c| o.type_().as_object().is(c.as_ref())));
    if is_struct_time {
        if let Ok(z) = crate::attr::getattr(o.as_ref(), new_str("tm_zone").as_ref())
            && let Some(s) = Str::new(z.as_ref())
        {
            *zone = std::ffi::CString::new(s.to_string_lossy()).ok();
        }
        if let Ok(g) = crate::attr::getattr(o.as_ref(), new_str("tm_gmtoff").as_ref())
            && let Some(iv) = int_value(g.as_ref())
        {
            tm.tm_gmtoff = iv.to_ibig().as_ref().try_into().unwrap_or(0);
        }
    }
    if let Some(z) = zone.as_ref() {
        tm.tm_zone = z.as_ptr();
    }
    Ok(tm)
}

/// CPython's `checktm` with the zero-to-default fix-ups of `strftime`/`asctime`.
fn check_tm(tm: &mut libc::tm) -> PyResult<()> {
    if tm.tm_mon == -1 {
        tm.tm_mon = 0;
    } else if !(0..=11).contains(&tm.tm_mon) {
        return Err(PyErr::value_error("month out of range"));
    }
    if tm.tm_mday == 0 {
        tm.tm_mday = 1;
    } else if !(0..=31).contains(&tm.tm_mday) {
        return Err(PyErr::value_error("day of month out of range"));
    }
    if !(0..=23).contains(&tm.tm_hour) {
        return Err(PyErr::value_error("hour out of range"));
    }
    if !(0..=59).contains(&tm.tm_min) {
        return Err(PyErr::value_error("minute out of range"));
    }
    if !(0..=61).contains(&tm.tm_sec) {
        return Err(PyErr::value_error("seconds out of range"));
    }
    if tm.tm_wday < 0 {
        return Err(PyErr::value_error("day of week out of range"));
    }
    if tm.tm_yday == -1 {
        tm.tm_yday = 0;
    } else if !(0..=365).contains(&tm.tm_yday) {
        return Err(PyErr::value_error("day of year out of range"));
    }
    Ok(())
}

fn mktime(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let o = one_arg("mktime", args, kw, 1)?.expect("t");
    let mut zone = None;
    let mut tm = tm_arg("mktime", o, &mut zone)?;
    tm.tm_wday = -1;
    // SAFETY: `tm` is a valid struct; mktime reads and normalises it.
    let t = unsafe { libc::mktime(&mut tm) };
    if t == -1 && tm.tm_wday == -1 {
        return Err(PyErr::overflow_error("mktime argument out of range"));
    }
    Ok(new_float(t as f64))
}

const WDAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

fn asctime_text(tm: &libc::tm) -> String {
    format!(
        "{} {}{:>3} {:02}:{:02}:{:02} {}",
        WDAYS[tm.tm_wday.rem_euclid(7) as usize],
        MONTHS[tm.tm_mon.rem_euclid(12) as usize],
        tm.tm_mday,
        tm.tm_hour,
        tm.tm_min,
        tm.tm_sec,
        tm.tm_year as i64 + 1900
    )
}

fn asctime(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let o = one_arg("asctime", args, kw, 0)?;
    let mut tm = match o {
        None => convert(time_t_arg(None)?, true)?,
        Some(o) => {
            let mut zone = None;
            tm_arg("asctime", o, &mut zone)?
        }
    };
    check_tm(&mut tm)?;
    Ok(new_str(&asctime_text(&tm)))
}

fn ctime(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let o = one_arg("ctime", args, kw, 0)?;
    let tm = convert(time_t_arg(o)?, true)?;
    Ok(new_str(&asctime_text(&tm)))
}

/// One directive (`%X`, `%EX`, `%OX`) through libc's strftime.
fn strftime_one(directive: &str, tm: &libc::tm) -> String {
    let Ok(fmt) = std::ffi::CString::new(directive) else { return directive.to_string() };
    let mut size = 256usize;
    loop {
        let mut buf = vec![0u8; size];
        // SAFETY: `buf` is valid for `size` bytes; `fmt` is NUL-terminated; `tm` is valid and
        // its `tm_zone` is null or points at a live string.
        let n = unsafe { libc::strftime(buf.as_mut_ptr().cast(), size, fmt.as_ptr(), tm) };
        if n > 0 || size > 4096 {
            buf.truncate(n);
            return String::from_utf8_lossy(&buf).into_owned();
        }
        size *= 4;
    }
}

fn strftime(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("strftime")?;
    if a.pos.is_empty() {
        return Err(PyErr::type_error("strftime() takes at least 1 argument (0 given)"));
    }
    if a.pos.len() > 2 {
        return Err(PyErr::type_error(format!(
            "strftime() takes at most 2 arguments ({} given)",
            a.pos.len()
        )));
    }
    let Some(fmt) = Str::new(a.pos[0].as_ref()) else {
        return Err(PyErr::type_error(format!(
            "strftime() argument 1 must be str, not {}",
            a.pos[0].type_().name()
        )));
    };
    let mut zone = None;
    let mut tm = match a.pos.get(1) {
        None => convert(time_t_arg(None)?, true)?,
        Some(t) => tm_arg("strftime", t, &mut zone)?,
    };
    check_tm(&mut tm)?;
    if tm.tm_isdst < -1 {
        tm.tm_isdst = -1;
    } else if tm.tm_isdst > 1 {
        tm.tm_isdst = 1;
    }
    let data = fmt.data();
    let n = data.len();
    let mut out: Vec<u32> = Vec::with_capacity(n + 16);
    let mut i = 0;
    while i < n {
        let c = data.get(i);
        if c != '%' as u32 || i + 1 >= n {
            out.push(c);
            i += 1;
            continue;
        }
        let mut d = String::from("%");
        let mut j = i + 1;
        // glibc's flags (`_-0^#`) and field width, then the `E`/`O` modifiers.
        while j + 1 < n {
            let f = data.get(j);
            match char::from_u32(f) {
                Some(ch @ ('_' | '-' | '0' | '^' | '#' | '1'..='9')) => {
                    d.push(ch);
                    j += 1;
                }
                _ => break,
            }
        }
        let mut c2 = data.get(j);
        if (c2 == 'E' as u32 || c2 == 'O' as u32) && j + 1 < n {
            d.push(char::from_u32(c2).unwrap_or('?'));
            j += 1;
            c2 = data.get(j);
        }
        match char::from_u32(c2).filter(char::is_ascii) {
            Some(ch) if ch != '\0' => {
                d.push(ch);
                let text = strftime_one(&d, &tm);
                out.extend(text.chars().map(|c| c as u32));
            }
            _ => {
                for k in i..=j {
                    out.push(data.get(k));
                }
            }
        }
        i = j + 1;
    }
    Ok(new_str_from_code_points(&out))
}

/// The time-zone globals from the local time of January and July of this year.
fn timezone_values() -> PyResult<(i64, i64, bool, Object, Object)> {
    // SAFETY: tzset only reads the environment (the `libc` crate does not declare it).
    unsafe { tzset_c() };
    const YEAR: i64 = (365 * 24 + 6) * 3600;
    let now = (clock_ns(libc::CLOCK_REALTIME)? / 1_000_000_000) as i64;
    let t = (now / YEAR) * YEAR;
    let jan = convert(t as libc::time_t, true)?;
    let jul = convert((t + YEAR / 2) as libc::time_t, true)?;
    let (janzone, julzone) = (-jan.tm_gmtoff, -jul.tm_gmtoff);
    let (jn, ln) = (zone_name(&jan), zone_name(&jul));
    if janzone < julzone {
        Ok((julzone, janzone, janzone != julzone, ln, jn))
    } else {
        Ok((janzone, julzone, janzone != julzone, jn, ln))
    }
}

fn set_timezone_globals(d: &crate::types::dict::DictPayload) -> PyResult<()> {
    let (tz, alt, daylight, std_name, dst_name) = timezone_values()?;
    d.set_str("timezone", new_int_i64(tz))?;
    d.set_str("altzone", new_int_i64(alt))?;
    d.set_str("daylight", new_int_i64(daylight as i64))?;
    d.set_str("tzname", new_tuple(vec![std_name, dst_name]))?;
    Ok(())
}

static MODULE_DICT: crate::gil::GilCell<std::cell::RefCell<Option<Object>>> =
    crate::gil::GilCell::new(std::cell::RefCell::new(None));

fn tzset(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    no_args("tzset", args, kw)?;
    if let Some(d) = MODULE_DICT.with(|m| m.borrow().clone())
        && let Some(dd) = as_dict(d.as_ref())
    {
        set_timezone_globals(dd)?;
    }
    Ok(none())
}

/// Makes the `time` module.
pub fn make_module() -> PyResult<Object> {
    let m = new_module("time");
    let dobj = module_dict(m.as_ref()).expect("dict").to_owned();
    let d = as_dict(dobj.as_ref()).expect("dict");
    d.set_str(
        "__doc__",
        new_str("This module provides various functions to manipulate time values."),
    )?;
    let fns: &[(&'static str, NativeFn)] = &[
        ("time", time),
        ("time_ns", time_ns),
        ("monotonic", monotonic),
        ("monotonic_ns", monotonic_ns),
        ("perf_counter", perf_counter),
        ("perf_counter_ns", perf_counter_ns),
        ("process_time", process_time),
        ("process_time_ns", process_time_ns),
        ("thread_time", thread_time),
        ("thread_time_ns", thread_time_ns),
        ("clock_gettime", clock_gettime),
        ("clock_gettime_ns", clock_gettime_ns),
        ("clock_getres", clock_getres),
        ("sleep", sleep),
        ("gmtime", gmtime),
        ("localtime", localtime),
        ("mktime", mktime),
        ("asctime", asctime),
        ("ctime", ctime),
        ("strftime", strftime),
        ("tzset", tzset),
    ];
    for &(name, f) in fns {
        d.set_str(name, new_builtin_function(name, f))?;
    }
    for (n, v) in [
        ("CLOCK_REALTIME", libc::CLOCK_REALTIME),
        ("CLOCK_MONOTONIC", libc::CLOCK_MONOTONIC),
        ("CLOCK_MONOTONIC_RAW", libc::CLOCK_MONOTONIC_RAW),
        ("CLOCK_PROCESS_CPUTIME_ID", libc::CLOCK_PROCESS_CPUTIME_ID),
        ("CLOCK_THREAD_CPUTIME_ID", libc::CLOCK_THREAD_CPUTIME_ID),
        ("CLOCK_BOOTTIME", libc::CLOCK_BOOTTIME),
        ("CLOCK_TAI", libc::CLOCK_TAI),
    ] {
        d.set_str(n, new_int_i64(v as i64))?;
    }
    d.set_str("_STRUCT_TM_ITEMS", new_int_i64(11))?;
    set_timezone_globals(d)?;
    d.set_str("_structseq_make", crate::modules::posix::structseq_maker()?)?;
    let code = crate::import::path::compile_bytes(SOURCE.as_bytes(), "<frozen time>")?;
    crate::import::path::exec_code_in_module(m.as_ref(), code)?;
    let _ = d.del_item(new_str("_structseq_make").as_ref());
    let st = d.get_str("struct_time")?.unwrap_or_else(none);
    STRUCT_TIME.with(|s| *s.borrow_mut() = Some(st));
    MODULE_DICT.with(|s| *s.borrow_mut() = Some(dobj.clone()));
    Ok(m)
}
