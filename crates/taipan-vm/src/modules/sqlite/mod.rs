//! The `_sqlite3` module under `sqlite3` (CPython's `Modules/_sqlite/`), on the system's SQLite
//! loaded at run time (`ffi.rs`). The DB-API classes (`Connection`, `Cursor`, `Row`, the
//! exceptions, adapters and converters) are Python (`py/sqlite3.py`); this file gives them the
//! native primitives: databases and prepared statements held in native handles, binding,
//! stepping, column values, and user functions, aggregates and collations called back from
//! SQLite.

mod ffi;

use std::ffi::{CStr, CString, c_char, c_int, c_void};

use ffi::{Db, Sqlite, Stmt};

use super::handle::{new_handle, with_state};
use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::object::{Object, ObjectRef};
use crate::types::bool::py_bool;
use crate::types::bytes::new_bytes;
use crate::types::dict::as_dict;
use crate::types::function::{NativeFn, new_builtin_function};
use crate::types::int::new_int_i64;
use crate::types::module::{module_dict, new_module};
use crate::types::singletons::{is_none, none};
use crate::types::str::{Str, new_str};
use crate::types::tuple::new_tuple;

const SOURCE: &str = include_str!("../py/sqlite3.py");

type S<'a> = Option<ObjectRef<'a>>;

struct DbState {
    api: &'static Sqlite,
    db: Db,
    /// The trace, progress and authorizer callbacks SQLite holds pointers to (dropped after
    /// the connection is closed, or when replaced).
    hooks: [Option<Box<Callback>>; 3],
}

impl Drop for DbState {
    fn drop(&mut self) {
        if !self.db.is_null() {
            // SAFETY: a live connection, closed once (close_v2 defers while statements live).
            unsafe { (self.api.close_v2)(self.db) };
        }
    }
}

struct StmtState {
    api: &'static Sqlite,
    st: Stmt,
    /// The connection's handle, kept alive while the statement is.
    _db: Object,
}

impl Drop for StmtState {
    fn drop(&mut self) {
        if !self.st.is_null() {
            // SAFETY: a live statement, finalized once.
            unsafe { (self.api.finalize)(self.st) };
        }
    }
}

fn api() -> PyResult<&'static Sqlite> {
    ffi::sqlite().map_err(|e| PyErr::new(&crate::types::exceptions::IMPORT_ERROR, e))
}

fn db_of(h: ObjectRef<'_>) -> PyResult<(&'static Sqlite, Db)> {
    let (api, db) = with_state(h, |s: &mut DbState| Ok((s.api, s.db)))?;
    if db.is_null() {
        return Err(PyErr::new(
            &crate::types::exceptions::RUNTIME_ERROR,
            "Cannot operate on a closed database.",
        ));
    }
    Ok((api, db))
}

fn stmt_of(h: ObjectRef<'_>) -> PyResult<(&'static Sqlite, Stmt)> {
    let (api, st) = with_state(h, |s: &mut StmtState| Ok((s.api, s.st)))?;
    if st.is_null() {
        return Err(PyErr::new(&crate::types::exceptions::RUNTIME_ERROR, "statement finalized"));
    }
    Ok((api, st))
}

/// # Safety
/// `p` is null or a NUL-terminated string valid for the returned lifetime.
unsafe fn c_text<'a>(p: *const c_char) -> Option<&'a [u8]> {
    // SAFETY: the caller's contract.
    (!p.is_null()).then(|| unsafe { CStr::from_ptr(p) }.to_bytes())
}

fn text_obj(b: Option<&[u8]>) -> Object {
    b.map_or_else(none, |b| new_str(&String::from_utf8_lossy(b)))
}

/// The exception classes, by name, and the names of the result codes (set by `_init`).
struct ErrorTable {
    classes: Object,
    names: Object,
}

static ERRORS: crate::gil::GilCell<std::cell::RefCell<Option<ErrorTable>>> =
    crate::gil::GilCell::new(std::cell::RefCell::new(None));

/// The DB-API exception for SQLite result `code` with `msg` (CPython's class choice), with
/// its `sqlite_errorcode` and `sqlite_errorname`.
fn sqlite_error(code: c_int, msg: &str) -> PyErr {
    if code & 0xff == 7 {
        return PyErr::memory_error();
    }
    let class = match code & 0xff {
        2 | 12 => "InternalError",
        1 | 3 | 4 | 5 | 6 | 8 | 9 | 10 | 13 | 14 | 15 | 16 | 17 => "OperationalError",
        11 => "DatabaseError",
        18 => "DataError",
        19 | 20 => "IntegrityError",
        21 | 25 => "InterfaceError",
        _ => "DatabaseError",
    };
    let built = ERRORS.with_borrow(|t| -> PyResult<Object> {
        let t = t.as_ref().expect("_sqlite3 initialised");
        let cls = crate::ops::getitem(t.classes.as_ref(), new_str(class).as_ref())?;
        let e = crate::ops::call(cls.as_ref(), &[new_str(msg)], None)?;
        let code_obj = new_int_i64(code as i64);
        let name = match crate::ops::getitem(t.names.as_ref(), code_obj.as_ref()) {
            Ok(n) => n,
            Err(_) => new_str("unknown"),
        };
        crate::attr::setattr(
            e.as_ref(),
            new_str("sqlite_errorcode").as_ref(),
            Some(code_obj.as_ref()),
        )?;
        crate::attr::setattr(
            e.as_ref(),
            new_str("sqlite_errorname").as_ref(),
            Some(name.as_ref()),
        )?;
        Ok(e)
    });
    match built {
        Ok(e) => PyErr::from_instance(e),
        Err(e) => e,
    }
}

/// The exception for the connection's last error.
fn db_error(api: &Sqlite, db: Db) -> PyErr {
    // SAFETY: `db` is live; errmsg returns a string owned by the connection, copied here.
    let (code, msg) = unsafe {
        (
            (api.extended_errcode)(db),
            String::from_utf8_lossy(c_text((api.errmsg)(db)).unwrap_or_default()).into_owned(),
        )
    };
    sqlite_error(code, &msg)
}

fn str_arg(o: ObjectRef<'_>, what: &str) -> PyResult<String> {
    let s = Str::new(o).ok_or_else(|| {
        PyErr::type_error(format!("{what} must be str, not {}", o.type_().name()))
    })?;
    match s.as_str() {
        Some(t) => Ok(t.to_owned()),
        None => {
            let enc = crate::attr::getattr(o, new_str("encode").as_ref())?;
            crate::ops::call(enc.as_ref(), &[], None)?;
            Ok(s.to_string_lossy())
        }
    }
}

fn cstring(s: String) -> PyResult<CString> {
    CString::new(s).map_err(|_| PyErr::value_error("embedded null character"))
}

/// `_init(classes, names)`: the exception classes (a dict by name) and result-code names.
fn init(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.count("_init", 2, 2)?;
    ERRORS.with_borrow_mut(|t| {
        *t = Some(ErrorTable { classes: a.pos[0].clone(), names: a.pos[1].clone() })
    });
    Ok(none())
}

/// `_open(path, flags, timeout_seconds)`.
fn open(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let api = api()?;
    let a = Args::new(args, kw);
    a.count("_open", 3, 3)?;
    let path = cstring(str_arg(a.pos[0].as_ref(), "database")?)?;
    let flags = super::handle::c_int(a.pos[1].as_ref())?;
    let timeout = crate::types::float::float_value(a.pos[2].as_ref()).unwrap_or(5.0);
    let mut db: Db = std::ptr::null_mut();
    // SAFETY: a NUL-terminated path and an out-pointer; SQLite allocates the connection.
    let rc = unsafe { (api.open_v2)(path.as_ptr(), &mut db, flags, std::ptr::null()) };
    let h = new_handle(DbState { api, db, hooks: [None, None, None] });
    if rc != ffi::OK {
        if db.is_null() {
            return Err(PyErr::memory_error());
        }
        return Err(db_error(api, db));
    }
    // SAFETY: `db` is a live connection.
    unsafe {
        (api.busy_timeout)(db, (timeout * 1000.0).clamp(0.0, i32::MAX as f64) as c_int);
    }
    Ok(h)
}

/// `_close(db)`.
fn close(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.count("_close", 1, 1)?;
    let (api, db) = with_state(a.pos[0].as_ref(), |s: &mut DbState| {
        Ok((s.api, std::mem::replace(&mut s.db, std::ptr::null_mut())))
    })?;
    if !db.is_null() {
        // SAFETY: the live connection, closed once (its pointer was taken out above).
        let rc = unsafe { (api.close_v2)(db) };
        if rc != ffi::OK {
            return Err(sqlite_error(rc, "unable to close database"));
        }
    }
    Ok(none())
}

/// `_prepare(db, sql)`: `(statement or None, rest of the SQL after the first statement)`.
fn prepare(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.count("_prepare", 2, 2)?;
    let (api, db) = db_of(a.pos[0].as_ref())?;
    let sql = str_arg(a.pos[1].as_ref(), "sql")?;
    if sql.contains('\0') {
        return Err(PyErr::value_error("the query contains a null character"));
    }
    // SAFETY: `db` is live; category 1 is SQLITE_LIMIT_SQL_LENGTH, read without changing it.
    let max = unsafe { (api.limit)(db, 1, -1) };
    if sql.len() > max.max(0) as usize || sql.len() > i32::MAX as usize {
        return Err(sqlite_error(18, "query string is too large"));
    }
    let mut st: Stmt = std::ptr::null_mut();
    let mut tail: *const c_char = std::ptr::null();
    // SAFETY: `db` is live; the SQL is a readable buffer of the given length; `tail` points into it.
    let rc = unsafe {
        (api.prepare_v2)(db, sql.as_ptr().cast(), sql.len() as c_int, &mut st, &mut tail)
    };
    if rc != ffi::OK {
        if !st.is_null() {
            // SAFETY: a statement SQLite made, finalized once.
            unsafe { (api.finalize)(st) };
        }
        return Err(db_error(api, db));
    }
    let used = if tail.is_null() {
        sql.len()
    } else {
        (tail as usize - sql.as_ptr() as usize).min(sql.len())
    };
    let rest = new_str(&sql[used..]);
    let stmt = if st.is_null() {
        none()
    } else {
        new_handle(StmtState { api, st, _db: a.pos[0].clone() })
    };
    Ok(new_tuple(vec![stmt, rest]))
}

/// `_finalize(st)`.
fn finalize(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.count("_finalize", 1, 1)?;
    let (api, st) = with_state(a.pos[0].as_ref(), |s: &mut StmtState| {
        Ok((s.api, std::mem::replace(&mut s.st, std::ptr::null_mut())))
    })?;
    if !st.is_null() {
        // SAFETY: the live statement, finalized once.
        unsafe { (api.finalize)(st) };
    }
    Ok(none())
}

/// `_reset(st)`: resets the statement and clears its bindings.
fn reset(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.count("_reset", 1, 1)?;
    if let Ok((api, st)) = stmt_of(a.pos[0].as_ref()) {
        // SAFETY: a live statement.
        unsafe {
            (api.reset)(st);
            (api.clear_bindings)(st);
        }
    }
    Ok(none())
}

/// `_params(st)`: the parameter names (None for positional ones), in order.
fn params(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.count("_params", 1, 1)?;
    let (api, st) = stmt_of(a.pos[0].as_ref())?;
    // SAFETY: a live statement; names are owned by it and copied at once.
    let n = unsafe { (api.bind_parameter_count)(st) };
    let names =
        (1..=n).map(|i| text_obj(unsafe { c_text((api.bind_parameter_name)(st, i)) })).collect();
    Ok(new_tuple(names))
}

/// A Python value as one of SQLite's storage classes (`None` for a type SQLite cannot store).
enum SqlValue<'a> {
    Null,
    Int(i64),
    Float(f64),
    Text(String),
    Blob(std::borrow::Cow<'a, [u8]>),
}

impl<'a> SqlValue<'a> {
    /// `what` names the value in a str encoding error.
    fn of(v: ObjectRef<'a>, what: &str) -> PyResult<Option<SqlValue<'a>>> {
        Ok(Some(if is_none(v) {
            SqlValue::Null
        } else if let Some(n) = crate::types::int::int_value(v) {
            SqlValue::Int(i64::try_from(&*n.to_ibig()).map_err(|_| {
                PyErr::overflow_error("Python int too large to convert to SQLite INTEGER")
            })?)
        } else if let Some(x) = crate::types::float::float_value(v) {
            SqlValue::Float(x)
        } else if let Some(s) = Str::new(v) {
            SqlValue::Text(str_arg(s.object(), what)?)
        } else if let Some(b) = crate::builtins::bytesmethods::bytes_like(v) {
            SqlValue::Blob(b)
        } else {
            return Ok(None);
        }))
    }
}

/// `_bind(db, st, index, value)`: binds an already-adapted value; TypeError-free: returns
/// False when the value's type is not bindable.
fn bind(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.count("_bind", 4, 4)?;
    let (_, db) = db_of(a.pos[0].as_ref())?;
    let (api, st) = stmt_of(a.pos[1].as_ref())?;
    let i = super::handle::c_int(a.pos[2].as_ref())?;
    let v = a.pos[3].as_ref();
    let Some(value) = SqlValue::of(v, "parameter")? else { return Ok(py_bool(false)) };
    // SAFETY (all arms): a live statement; text and blobs are copied (SQLITE_TRANSIENT).
    let rc = unsafe {
        match &value {
            SqlValue::Null => (api.bind_null)(st, i),
            SqlValue::Int(n) => (api.bind_int64)(st, i, *n),
            SqlValue::Float(x) => (api.bind_double)(st, i, *x),
            SqlValue::Text(t) => {
                (api.bind_text)(st, i, t.as_ptr().cast(), t.len() as c_int, ffi::TRANSIENT)
            }
            SqlValue::Blob(b) => {
                (api.bind_blob)(st, i, b.as_ptr().cast(), b.len() as c_int, ffi::TRANSIENT)
            }
        }
    };
    if rc != ffi::OK {
        return Err(db_error(api, db));
    }
    Ok(py_bool(true))
}

/// `_step(db, st)`: True when a row is ready, False when the statement is done.
fn step(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.count("_step", 2, 2)?;
    let (_, db) = db_of(a.pos[0].as_ref())?;
    let (api, st) = stmt_of(a.pos[1].as_ref())?;
    // SAFETY: a live statement; user functions it calls re-enter Python through the
    // callbacks below, which borrow nothing held here.
    let rc = unsafe { (api.step)(st) };
    match rc {
        ffi::ROW => Ok(py_bool(true)),
        ffi::DONE => Ok(py_bool(false)),
        _ => {
            let e = db_error(api, db);
            // SAFETY: a live statement.
            unsafe { (api.reset)(st) };
            Err(e)
        }
    }
}

/// `_columns(st)`: `((name, decltype or None), ...)`.
fn columns(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.count("_columns", 1, 1)?;
    let (api, st) = stmt_of(a.pos[0].as_ref())?;
    // SAFETY: a live statement; the strings it returns are copied at once.
    let n = unsafe { (api.column_count)(st) };
    let cols = (0..n)
        .map(|i| unsafe {
            new_tuple(vec![
                text_obj(c_text((api.column_name)(st, i))),
                text_obj(c_text((api.column_decltype)(st, i))),
            ])
        })
        .collect();
    Ok(new_tuple(cols))
}

/// `_row(st, text_as_bytes)`: the current row's values (TEXT as bytes when asked, for a
/// `text_factory` other than str).
fn row(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.count("_row", 2, 2)?;
    let (api, st) = stmt_of(a.pos[0].as_ref())?;
    let raw_text = crate::ops::is_true(a.pos[1].as_ref())?;
    // SAFETY: a live statement positioned on a row; column buffers are copied at once.
    let n = unsafe { (api.column_count)(st) };
    let mut out = Vec::with_capacity(n.max(0) as usize);
    for i in 0..n {
        let v = unsafe {
            match (api.column_type)(st, i) {
                ffi::INTEGER => new_int_i64((api.column_int64)(st, i)),
                ffi::FLOAT => crate::types::float::new_float((api.column_double)(st, i)),
                ffi::TEXT => {
                    let p = (api.column_text)(st, i);
                    let b = sqlite_bytes(p.cast(), (api.column_bytes)(st, i));
                    if raw_text { new_bytes(b) } else { decode_text(b)? }
                }
                ffi::BLOB => {
                    let p = (api.column_blob)(st, i);
                    new_bytes(sqlite_bytes(p, (api.column_bytes)(st, i)))
                }
                _ => none(),
            }
        };
        out.push(v);
    }
    Ok(new_tuple(out))
}

/// The `len` bytes SQLite gives at `p` for a text or blob (a null pointer or a non-positive
/// length is the empty buffer).
///
/// # Safety
/// `p` is null or points at `len` readable bytes that stay valid while the slice is used
/// (SQLite's buffers live until the next call on the same statement or value).
unsafe fn sqlite_bytes<'a>(p: *const c_void, len: c_int) -> &'a [u8] {
    if p.is_null() || len <= 0 {
        return &[];
    }
    // SAFETY: the caller's contract.
    unsafe { std::slice::from_raw_parts(p.cast::<u8>(), len as usize) }
}

/// UTF-8 text from the database as a str (CPython's error for invalid UTF-8).
fn decode_text(b: &[u8]) -> PyResult<Object> {
    match std::str::from_utf8(b) {
        Ok(t) => Ok(new_str(t)),
        Err(_) => {
            let bytes = new_bytes(b);
            let dec = crate::attr::getattr(bytes.as_ref(), new_str("decode").as_ref())?;
            crate::ops::call(dec.as_ref(), &[], None)
        }
    }
}

/// `_coltypes(st)`: the SQLite types of the current row's values (3 is TEXT).
fn coltypes(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.count("_coltypes", 1, 1)?;
    let (api, st) = stmt_of(a.pos[0].as_ref())?;
    // SAFETY: a live statement positioned on a row.
    let n = unsafe { (api.column_count)(st) };
    Ok(new_tuple((0..n).map(|i| new_int_i64(unsafe { (api.column_type)(st, i) } as i64)).collect()))
}

/// `_info(db, what)`: `changes`, `total_changes`, `lastrowid`, `in_transaction`.
fn info(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.count("_info", 2, 2)?;
    let (api, db) = db_of(a.pos[0].as_ref())?;
    let what = str_arg(a.pos[1].as_ref(), "what")?;
    // SAFETY (all arms): `db` is live; these only read its counters.
    Ok(match what.as_str() {
        "changes" => new_int_i64(unsafe { (api.changes)(db) } as i64),
        "total_changes" => new_int_i64(unsafe { (api.total_changes)(db) } as i64),
        "lastrowid" => new_int_i64(unsafe { (api.last_insert_rowid)(db) }),
        "in_transaction" => py_bool(unsafe { (api.get_autocommit)(db) } == 0),
        "interrupt" => {
            unsafe { (api.interrupt)(db) };
            none()
        }
        _ => return Err(PyErr::value_error("unknown connection info")),
    })
}

/// `_limit(db, category, value)`: the old limit (`value` -1 leaves it).
fn limit(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.count("_limit", 3, 3)?;
    let (api, db) = db_of(a.pos[0].as_ref())?;
    let cat = super::handle::c_int(a.pos[1].as_ref())?;
    let v = super::handle::c_int(a.pos[2].as_ref())?;
    // SAFETY: `db` is live; the category was range-checked by the caller.
    Ok(new_int_i64(unsafe { (api.limit)(db, cat, v) } as i64))
}

/// `_readonly(st)`.
fn readonly(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.count("_readonly", 1, 1)?;
    let (api, st) = stmt_of(a.pos[0].as_ref())?;
    // SAFETY: a live statement.
    Ok(py_bool(unsafe { (api.stmt_readonly)(st) } != 0))
}

/// `_complete(sql)`.
fn complete(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let api = api()?;
    let a = Args::new(args, kw);
    a.count("_complete", 1, 1)?;
    let sql = cstring(str_arg(a.pos[0].as_ref(), "statement")?)?;
    // SAFETY: a NUL-terminated string.
    Ok(py_bool(unsafe { (api.complete)(sql.as_ptr()) } != 0))
}

/// A Python value passed to SQLite from a user function.
///
/// # Safety
/// `ctx` is the context of the running callback.
unsafe fn set_result(api: &Sqlite, ctx: ffi::Ctx, v: ObjectRef<'_>) -> PyResult<()> {
    let Some(value) = SqlValue::of(v, "result")? else {
        return Err(PyErr::type_error("unable to set result"));
    };
    // SAFETY (all arms): the caller's contract; text and blobs are copied.
    unsafe {
        match &value {
            SqlValue::Null => (api.result_null)(ctx),
            SqlValue::Int(n) => (api.result_int64)(ctx, *n),
            SqlValue::Float(x) => (api.result_double)(ctx, *x),
            SqlValue::Text(t) => {
                (api.result_text)(ctx, t.as_ptr().cast(), t.len() as c_int, ffi::TRANSIENT)
            }
            SqlValue::Blob(b) => {
                (api.result_blob)(ctx, b.as_ptr().cast(), b.len() as c_int, ffi::TRANSIENT)
            }
        }
    }
    Ok(())
}

/// A user function's arguments as Python values.
///
/// # Safety
/// `argv` holds `argc` values of the running callback.
unsafe fn call_args(api: &Sqlite, argc: c_int, argv: *const ffi::Value) -> PyResult<Vec<Object>> {
    let mut out = Vec::with_capacity(argc.max(0) as usize);
    for i in 0..argc.max(0) as usize {
        // SAFETY: the caller's contract; buffers are copied at once.
        let v = unsafe {
            let v = *argv.add(i);
            match (api.value_type)(v) {
                ffi::INTEGER => new_int_i64((api.value_int64)(v)),
                ffi::FLOAT => crate::types::float::new_float((api.value_double)(v)),
                ffi::TEXT => {
                    let p = (api.value_text)(v);
                    decode_text(sqlite_bytes(p.cast(), (api.value_bytes)(v)))?
                }
                ffi::BLOB => {
                    let p = (api.value_blob)(v);
                    new_bytes(sqlite_bytes(p, (api.value_bytes)(v)))
                }
                _ => none(),
            }
        };
        out.push(v);
    }
    Ok(out)
}

/// What a user function, aggregate or collation callback carries: the Python callable (or
/// aggregate class) and whether tracebacks of its exceptions are printed.
struct Callback {
    api: &'static Sqlite,
    obj: Object,
}

/// Reports an exception from a callback when `enable_callback_tracebacks(True)` is on.
fn report(e: PyErr, what: &str) {
    let on = ERRORS.with_borrow(|t| {
        t.as_ref().and_then(|t| {
            crate::ops::getitem(t.classes.as_ref(), new_str("_tracebacks").as_ref()).ok()
        })
    });
    if on.is_some_and(|v| crate::ops::is_true(v.as_ref()).unwrap_or(false)) {
        crate::gc::write_unraisable(e, &format!("Exception ignored on {what}"), None);
    }
}

fn fail(api: &Sqlite, ctx: ffi::Ctx, msg: &CStr) {
    // SAFETY: the running callback's context; the message is copied (-1: NUL-terminated).
    unsafe { (api.result_error)(ctx, msg.as_ptr(), -1) }
}

/// A callback's outcome to SQLite: its value as the SQL result, or (after reporting the
/// exception as `what`) the error `msg`.
fn deliver(api: &Sqlite, ctx: ffi::Ctx, r: PyResult<Object>, what: &str, msg: &CStr) {
    // SAFETY: the running callback's context.
    let r = r.and_then(|v| unsafe { set_result(api, ctx, v.as_ref()) });
    if let Err(e) = r {
        report(e, what);
        fail(api, ctx, msg);
    }
}

extern "C" fn function_call(ctx: ffi::Ctx, argc: c_int, argv: *const ffi::Value) {
    // SAFETY: the user data is the `Callback` `create_function` registered, alive until its
    // destroy callback; `argv` holds `argc` values.
    let cb = unsafe { callback_of(ctx) };
    let api = cb.api;
    let r = unsafe { call_args(api, argc, argv) }
        .and_then(|args| crate::ops::call(cb.obj.as_ref(), &args, None));
    deliver(api, ctx, r, "user-defined function", c"user-defined function raised exception");
}

/// The `Callback` a function or aggregate was registered with.
///
/// # Safety
/// `ctx` is the running callback's context; its user data is a `Callback` box alive until
/// SQLite calls `destroy_callback`.
unsafe fn callback_of<'a>(ctx: ffi::Ctx) -> &'a Callback {
    // The library is loaded: a callback runs only inside a call made through it.
    let api = ffi::sqlite().expect("SQLite loaded");
    // SAFETY: the caller's contract.
    unsafe { &*(api.user_data)(ctx).cast::<Callback>() }
}

/// The aggregate instance of the running aggregate call (made on its first step).
///
/// # Safety
/// `ctx` is the running aggregate callback's context.
unsafe fn aggregate_slot(api: &Sqlite, ctx: ffi::Ctx, create: bool) -> *mut *mut Object {
    // SAFETY: SQLite gives zeroed per-group memory of the size asked (or null when `create`
    // is false and no step ran).
    unsafe {
        (api.aggregate_context)(
            ctx,
            if create { std::mem::size_of::<*mut Object>() as c_int } else { 0 },
        )
        .cast::<*mut Object>()
    }
}

extern "C" fn aggregate_step(ctx: ffi::Ctx, argc: c_int, argv: *const ffi::Value) {
    // SAFETY: as in `function_call`.
    let cb = unsafe { callback_of(ctx) };
    let api = cb.api;
    // SAFETY: the running aggregate's context.
    let slot = unsafe { aggregate_slot(api, ctx, true) };
    if slot.is_null() {
        fail(api, ctx, c"out of memory");
        return;
    }
    // SAFETY: the slot holds null or the instance boxed on the first step.
    if unsafe { (*slot).is_null() } {
        match crate::ops::call(cb.obj.as_ref(), &[], None) {
            Ok(inst) => unsafe { *slot = Box::into_raw(Box::new(inst)) },
            Err(e) => {
                report(e, "user-defined aggregate's '__init__' method");
                fail(api, ctx, c"user-defined aggregate's '__init__' method raised error");
                return;
            }
        }
    }
    // SAFETY: non-null from here on.
    let inst = unsafe { &**slot };
    let r = unsafe { call_args(api, argc, argv) }.and_then(|args| {
        let m = crate::attr::getattr(inst.as_ref(), new_str("step").as_ref())?;
        crate::ops::call(m.as_ref(), &args, None)
    });
    if let Err(e) = r {
        report(e, "user-defined aggregate's 'step' method");
        fail(api, ctx, c"user-defined aggregate's 'step' method raised error");
    }
}

extern "C" fn aggregate_final(ctx: ffi::Ctx) {
    // SAFETY: as in `function_call`.
    let cb = unsafe { callback_of(ctx) };
    let api = cb.api;
    // SAFETY: the running aggregate's context: null when no step ran.
    let slot = unsafe { aggregate_slot(api, ctx, false) };
    if slot.is_null() || unsafe { (*slot).is_null() } {
        // SAFETY: the running callback's context.
        unsafe { (api.result_null)(ctx) };
        return;
    }
    // SAFETY: the instance boxed by the first step, taken back once.
    let inst = unsafe { Box::from_raw(std::mem::replace(&mut *slot, std::ptr::null_mut())) };
    let r = crate::attr::getattr(inst.as_ref().as_ref(), new_str("finalize").as_ref())
        .and_then(|m| crate::ops::call(m.as_ref(), &[], None));
    deliver(
        api,
        ctx,
        r,
        "user-defined aggregate's 'finalize' method",
        c"user-defined aggregate's 'finalize' method raised error",
    );
}

extern "C" fn collation_compare(
    data: *mut c_void,
    l1: c_int,
    p1: *const c_void,
    l2: c_int,
    p2: *const c_void,
) -> c_int {
    // SAFETY: `data` is the `Callback` registered with the collation; the strings hold the
    // given lengths.
    let cb = unsafe { &*data.cast::<Callback>() };
    // SAFETY: as above, `p` points at `l` bytes (or is null).
    let text = |p: *const c_void, l: c_int| decode_text(unsafe { sqlite_bytes(p, l) });
    let r = text(p1, l1)
        .and_then(|a| Ok((a, text(p2, l2)?)))
        .and_then(|(a, b)| crate::ops::call(cb.obj.as_ref(), &[a, b], None));
    match r
        .ok()
        .and_then(|v| crate::types::int::int_value(v.as_ref()).map(|n| n.to_ibig().signum()))
    {
        Some(s) if s > dashu_int::IBig::ZERO => 1,
        Some(s) if s < dashu_int::IBig::ZERO => -1,
        _ => 0,
    }
}

extern "C" fn destroy_callback(data: *mut c_void) {
    if !data.is_null() {
        // SAFETY: the box `register_callback` leaked, dropped once when SQLite lets go of it.
        drop(unsafe { Box::from_raw(data.cast::<Callback>()) });
    }
}

/// `_create_function(db, name, narg, func_or_None, deterministic, kind)`: kind 0 for a
/// function, 1 for an aggregate class, 2 for a collation (narg ignored).
fn create_function(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.count("_create_function", 6, 6)?;
    let (api, db) = db_of(a.pos[0].as_ref())?;
    let name = cstring(str_arg(a.pos[1].as_ref(), "name")?)?;
    let narg = super::handle::c_int(a.pos[2].as_ref())?;
    let obj = a.pos[3].as_ref();
    let deterministic = crate::ops::is_true(a.pos[4].as_ref())?;
    let kind = super::handle::c_int(a.pos[5].as_ref())?;
    let data = if is_none(obj) {
        std::ptr::null_mut()
    } else {
        Box::into_raw(Box::new(Callback { api, obj: obj.to_owned() })).cast::<c_void>()
    };
    let flags = ffi::UTF8 | if deterministic { ffi::DETERMINISTIC } else { 0 };
    let null = std::ptr::null::<c_void>();
    let destroy = destroy_callback as *const c_void;
    // SAFETY: `db` is live; the callbacks match SQLite's signatures; `data` is owned by SQLite
    // from here on and released through `destroy_callback` (also on failure).
    let rc = unsafe {
        match (kind, data.is_null()) {
            (2, true) => (api.create_collation_v2)(db, name.as_ptr(), ffi::UTF8, data, null, null),
            (2, false) => (api.create_collation_v2)(
                db,
                name.as_ptr(),
                ffi::UTF8,
                data,
                collation_compare as *const c_void,
                destroy,
            ),
            (_, true) => (api.create_function_v2)(
                db,
                name.as_ptr(),
                narg,
                flags,
                data,
                null,
                null,
                null,
                null,
            ),
            (1, false) => (api.create_function_v2)(
                db,
                name.as_ptr(),
                narg,
                flags,
                data,
                null,
                aggregate_step as *const c_void,
                aggregate_final as *const c_void,
                destroy,
            ),
            (_, false) => (api.create_function_v2)(
                db,
                name.as_ptr(),
                narg,
                flags,
                data,
                function_call as *const c_void,
                null,
                null,
                destroy,
            ),
        }
    };
    if rc != ffi::OK {
        return Err(db_error(api, db));
    }
    Ok(none())
}

extern "C" fn trace_hook(
    mask: u32,
    data: *mut c_void,
    stmt: *mut c_void,
    sql: *mut c_void,
) -> c_int {
    const TRACE_STMT: u32 = 1;
    if mask != TRACE_STMT {
        return 0;
    }
    // SAFETY: `data` is the `Callback` kept in the connection's hooks while registered; for a
    // statement event `stmt` is the statement and `sql` its unexpanded text.
    let cb = unsafe { &*data.cast::<Callback>() };
    let api = cb.api;
    let text = unsafe {
        let expanded = (api.expanded_sql)(stmt);
        if expanded.is_null() {
            text_obj(c_text(sql.cast::<c_char>()))
        } else {
            let t = text_obj(c_text(expanded));
            (api.free)(expanded.cast());
            t
        }
    };
    if let Err(e) = crate::ops::call(cb.obj.as_ref(), &[text], None) {
        report(e, "trace callback");
    }
    0
}

extern "C" fn progress_hook(data: *mut c_void) -> c_int {
    // SAFETY: `data` is the `Callback` kept in the connection's hooks while registered.
    let cb = unsafe { &*data.cast::<Callback>() };
    match crate::ops::call(cb.obj.as_ref(), &[], None).and_then(|v| crate::ops::is_true(v.as_ref()))
    {
        Ok(stop) => stop as c_int,
        Err(e) => {
            report(e, "progress handler");
            -1
        }
    }
}

extern "C" fn authorizer_hook(
    data: *mut c_void,
    action: c_int,
    a1: *const c_char,
    a2: *const c_char,
    a3: *const c_char,
    a4: *const c_char,
) -> c_int {
    const DENY: c_int = 1;
    // SAFETY: `data` is the `Callback` kept in the connection's hooks while registered; the
    // strings are null or valid during the call.
    let cb = unsafe { &*data.cast::<Callback>() };
    let args = unsafe {
        vec![
            new_int_i64(action as i64),
            text_obj(c_text(a1)),
            text_obj(c_text(a2)),
            text_obj(c_text(a3)),
            text_obj(c_text(a4)),
        ]
    };
    match crate::ops::call(cb.obj.as_ref(), &args, None) {
        Ok(v) => match crate::types::int::int_value(v.as_ref()) {
            Some(n) => i32::try_from(&*n.to_ibig()).unwrap_or(DENY),
            None => DENY,
        },
        Err(e) => {
            report(e, "authorizer callback");
            DENY
        }
    }
}

/// `_set_hook(db, which, callable_or_None, n)`: 0 trace, 1 progress (every `n` VM steps),
/// 2 authorizer.
fn set_hook(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.count("_set_hook", 4, 4)?;
    let (api, db) = db_of(a.pos[0].as_ref())?;
    let which = super::handle::c_int(a.pos[1].as_ref())?.clamp(0, 2) as usize;
    let obj = a.pos[2].as_ref();
    let n = super::handle::c_int(a.pos[3].as_ref())?;
    let cb = (!is_none(obj)).then(|| Box::new(Callback { api, obj: obj.to_owned() }));
    let data = cb
        .as_ref()
        .map_or(std::ptr::null_mut(), |b| (&**b as *const Callback).cast_mut().cast::<c_void>());
    let on = cb.is_some();
    // SAFETY: `db` is live; the callbacks match SQLite's signatures; `data` points into the
    // box stored in the connection's hooks below, which outlives the registration (it is
    // replaced only after SQLite has been given the new one).
    unsafe {
        match which {
            0 => {
                let f = if on { trace_hook as *const c_void } else { std::ptr::null() };
                (api.trace_v2)(db, if on { 1 } else { 0 }, f, data);
            }
            1 => {
                let f = if on { progress_hook as *const c_void } else { std::ptr::null() };
                (api.progress_handler)(db, n, f, data);
            }
            _ => {
                let f = if on { authorizer_hook as *const c_void } else { std::ptr::null() };
                (api.set_authorizer)(db, f, data);
            }
        }
    }
    let old = with_state(a.pos[0].as_ref(), |s: &mut DbState| {
        Ok(std::mem::replace(&mut s.hooks[which], cb))
    })?;
    drop(old);
    Ok(none())
}

/// Makes the `_sqlite3` module (ImportError without the SQLite library).
pub fn make_module() -> PyResult<Object> {
    let api = ffi::sqlite().map_err(|e| {
        PyErr::new(&crate::types::exceptions::IMPORT_ERROR, format!("_sqlite3: {e}"))
    })?;
    let m = new_module("_sqlite3");
    let d = as_dict(module_dict(m.as_ref()).expect("dict")).expect("dict");
    for (name, f) in [
        ("_init", init as NativeFn),
        ("_open", open),
        ("_close", close),
        ("_prepare", prepare),
        ("_finalize", finalize),
        ("_reset", reset),
        ("_params", params),
        ("_bind", bind),
        ("_step", step),
        ("_columns", columns),
        ("_row", row),
        ("_coltypes", coltypes),
        ("_info", info),
        ("_readonly", readonly),
        ("_limit", limit),
        ("_set_hook", set_hook),
        ("_complete", complete),
        ("_create_function", create_function),
    ] {
        d.set_str(name, new_builtin_function(name, f))?;
    }
    // SAFETY: a static NUL-terminated string.
    let version = unsafe { c_text((api.libversion)()) }.unwrap_or_default();
    d.set_str("sqlite_version", new_str(&String::from_utf8_lossy(version)))?;
    let code = crate::import::path::compile_bytes(SOURCE.as_bytes(), "<frozen _sqlite3>")?;
    crate::import::path::exec_code_in_module(m.as_ref(), code)?;
    Ok(m)
}
