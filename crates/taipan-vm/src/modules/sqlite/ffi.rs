//! The SQLite C library, loaded at run time (`libsqlite3.so.0`, the library CPython's
//! `_sqlite3` is built on): the entry points `_sqlite3` uses, found with `dlopen` the first
//! time the module is imported (ImportError where the library is missing).

use std::ffi::{c_char, c_double, c_int, c_void};
use std::sync::OnceLock;

pub type Db = *mut c_void;
pub type Stmt = *mut c_void;
pub type Ctx = *mut c_void;
pub type Value = *mut c_void;

pub const OK: c_int = 0;
pub const ROW: c_int = 100;
pub const DONE: c_int = 101;
pub const INTEGER: c_int = 1;
pub const FLOAT: c_int = 2;
pub const TEXT: c_int = 3;
pub const BLOB: c_int = 4;
pub const UTF8: c_int = 1;
pub const DETERMINISTIC: c_int = 0x800;
/// `SQLITE_TRANSIENT`: SQLite copies bound text and blobs.
pub const TRANSIENT: isize = -1;

crate::dyn_api! {
    Sqlite;
    required {
        open_v2 = "sqlite3_open_v2\0": fn(*const c_char, *mut Db, c_int, *const c_char) -> c_int;
        close_v2 = "sqlite3_close_v2\0": fn(Db) -> c_int;
        errmsg = "sqlite3_errmsg\0": fn(Db) -> *const c_char;
        extended_errcode = "sqlite3_extended_errcode\0": fn(Db) -> c_int;
        busy_timeout = "sqlite3_busy_timeout\0": fn(Db, c_int) -> c_int;
        prepare_v2 = "sqlite3_prepare_v2\0": fn(Db, *const c_char, c_int, *mut Stmt, *mut *const c_char) -> c_int;
        finalize = "sqlite3_finalize\0": fn(Stmt) -> c_int;
        reset = "sqlite3_reset\0": fn(Stmt) -> c_int;
        clear_bindings = "sqlite3_clear_bindings\0": fn(Stmt) -> c_int;
        step = "sqlite3_step\0": fn(Stmt) -> c_int;
        stmt_readonly = "sqlite3_stmt_readonly\0": fn(Stmt) -> c_int;
        bind_parameter_count = "sqlite3_bind_parameter_count\0": fn(Stmt) -> c_int;
        bind_parameter_name = "sqlite3_bind_parameter_name\0": fn(Stmt, c_int) -> *const c_char;
        bind_null = "sqlite3_bind_null\0": fn(Stmt, c_int) -> c_int;
        bind_int64 = "sqlite3_bind_int64\0": fn(Stmt, c_int, i64) -> c_int;
        bind_double = "sqlite3_bind_double\0": fn(Stmt, c_int, c_double) -> c_int;
        bind_text = "sqlite3_bind_text\0": fn(Stmt, c_int, *const c_char, c_int, isize) -> c_int;
        bind_blob = "sqlite3_bind_blob\0": fn(Stmt, c_int, *const c_void, c_int, isize) -> c_int;
        column_count = "sqlite3_column_count\0": fn(Stmt) -> c_int;
        column_name = "sqlite3_column_name\0": fn(Stmt, c_int) -> *const c_char;
        column_decltype = "sqlite3_column_decltype\0": fn(Stmt, c_int) -> *const c_char;
        column_type = "sqlite3_column_type\0": fn(Stmt, c_int) -> c_int;
        column_int64 = "sqlite3_column_int64\0": fn(Stmt, c_int) -> i64;
        column_double = "sqlite3_column_double\0": fn(Stmt, c_int) -> c_double;
        column_text = "sqlite3_column_text\0": fn(Stmt, c_int) -> *const u8;
        column_blob = "sqlite3_column_blob\0": fn(Stmt, c_int) -> *const c_void;
        column_bytes = "sqlite3_column_bytes\0": fn(Stmt, c_int) -> c_int;
        changes = "sqlite3_changes\0": fn(Db) -> c_int;
        total_changes = "sqlite3_total_changes\0": fn(Db) -> c_int;
        last_insert_rowid = "sqlite3_last_insert_rowid\0": fn(Db) -> i64;
        get_autocommit = "sqlite3_get_autocommit\0": fn(Db) -> c_int;
        interrupt = "sqlite3_interrupt\0": fn(Db);
        limit = "sqlite3_limit\0": fn(Db, c_int, c_int) -> c_int;
        trace_v2 = "sqlite3_trace_v2\0": fn(Db, u32, *const c_void, *mut c_void) -> c_int;
        expanded_sql = "sqlite3_expanded_sql\0": fn(Stmt) -> *mut c_char;
        free = "sqlite3_free\0": fn(*mut c_void);
        progress_handler = "sqlite3_progress_handler\0": fn(Db, c_int, *const c_void, *mut c_void);
        set_authorizer = "sqlite3_set_authorizer\0": fn(Db, *const c_void, *mut c_void) -> c_int;
        complete = "sqlite3_complete\0": fn(*const c_char) -> c_int;
        libversion = "sqlite3_libversion\0": fn() -> *const c_char;
        create_function_v2 = "sqlite3_create_function_v2\0": fn(Db, *const c_char, c_int, c_int, *mut c_void, *const c_void, *const c_void, *const c_void, *const c_void) -> c_int;
        create_collation_v2 = "sqlite3_create_collation_v2\0": fn(Db, *const c_char, c_int, *mut c_void, *const c_void, *const c_void) -> c_int;
        user_data = "sqlite3_user_data\0": fn(Ctx) -> *mut c_void;
        aggregate_context = "sqlite3_aggregate_context\0": fn(Ctx, c_int) -> *mut c_void;
        value_type = "sqlite3_value_type\0": fn(Value) -> c_int;
        value_int64 = "sqlite3_value_int64\0": fn(Value) -> i64;
        value_double = "sqlite3_value_double\0": fn(Value) -> c_double;
        value_text = "sqlite3_value_text\0": fn(Value) -> *const u8;
        value_blob = "sqlite3_value_blob\0": fn(Value) -> *const c_void;
        value_bytes = "sqlite3_value_bytes\0": fn(Value) -> c_int;
        result_null = "sqlite3_result_null\0": fn(Ctx);
        result_int64 = "sqlite3_result_int64\0": fn(Ctx, i64);
        result_double = "sqlite3_result_double\0": fn(Ctx, c_double);
        result_text = "sqlite3_result_text\0": fn(Ctx, *const c_char, c_int, isize);
        result_blob = "sqlite3_result_blob\0": fn(Ctx, *const c_void, c_int, isize);
        result_error = "sqlite3_result_error\0": fn(Ctx, *const c_char, c_int);
    }
    optional {}
}

/// The library, loaded on first use (once per process).
pub fn sqlite() -> Result<&'static Sqlite, String> {
    static LIB: OnceLock<Result<Sqlite, String>> = OnceLock::new();
    LIB.get_or_init(|| {
        let lib = crate::modules::dynlib::open(&[
            c"libsqlite3.so.0",
            c"libsqlite3.so",
            c"libsqlite3.dylib",
            c"libsqlite3.0.dylib",
        ])?;
        Sqlite::load(lib)
    })
    .as_ref()
    .map_err(Clone::clone)
}
