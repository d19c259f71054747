//! `_sysconfigdata__linux_x86_64-linux-gnu`: the build-time configuration that `sysconfig`
//! reads (`build_time_vars`). Taipan has no C build, so this holds the few variables the
//! standard library and its tests consult, with the values of a plain (non-debug, GIL-enabled,
//! sanitizer-free) CPython build on this platform.

use crate::error::PyResult;
use crate::object::Object;
use crate::types::dict::{as_dict, new_dict};
use crate::types::int::new_int_i64;
use crate::types::module::{module_dict, new_module};
use crate::types::str::new_str;

/// The module's name as `sysconfig._get_sysconfigdata_name()` builds it from `sys.abiflags`,
/// `sys.platform` and `sys.implementation._multiarch`.
pub const NAME: &str = "_sysconfigdata__linux_x86_64-linux-gnu";

/// Makes the module.
pub fn make_module() -> PyResult<Object> {
    let m = new_module(NAME);
    let d = as_dict(module_dict(m.as_ref()).expect("dict")).expect("dict");
    let vars = new_dict();
    let vd = as_dict(vars.as_ref()).expect("dict");
    let prefix = crate::import::path::stdlib_dir()
        .and_then(|l| l.parent().map(|p| p.to_string_lossy().into_owned()))
        .unwrap_or_default();
    let strs: &[(&str, &str)] = &[
        ("ABIFLAGS", ""),
        ("CC", "cc"),
        ("CFLAGS", ""),
        ("CONFIG_ARGS", ""),
        ("EXE", ""),
        ("EXT_SUFFIX", ".cpython-314-x86_64-linux-gnu.so"),
        ("HOST_GNU_TYPE", "x86_64-pc-linux-gnu"),
        ("LDFLAGS", ""),
        ("MACHDEP", "linux"),
        ("MULTIARCH", "x86_64-linux-gnu"),
        ("OPT", ""),
        ("PY_CFLAGS", ""),
        ("PY_CFLAGS_NODIST", ""),
        ("PY_CORE_CFLAGS", ""),
        ("PY_LDFLAGS_NODIST", ""),
        ("PY_STDMODULE_CFLAGS", ""),
        ("SHLIB_SUFFIX", ".so"),
        ("SOABI", "cpython-314-x86_64-linux-gnu"),
        // Where `zoneinfo` looks for the system's time-zone database (configure's default).
        ("TZPATH", "/usr/share/zoneinfo:/usr/lib/zoneinfo:/usr/share/lib/zoneinfo:/etc/zoneinfo"),
        ("VERSION", "3.14"),
    ];
    for (k, v) in strs {
        vd.set_str(k, new_str(v))?;
    }
    for k in ["prefix", "exec_prefix"] {
        vd.set_str(k, new_str(&prefix))?;
    }
    let ints: &[(&str, i64)] = &[
        ("Py_DEBUG", 0),
        ("Py_ENABLE_SHARED", 0),
        ("Py_GIL_DISABLED", 0),
        ("Py_TRACE_REFS", 0),
        ("SIZEOF_VOID_P", 8),
        ("SIZEOF_LONG", 8),
        ("SIZEOF_INT", 4),
        ("SIZEOF_SIZE_T", 8),
        ("WITH_DOC_STRINGS", 1),
        ("WITH_PYMALLOC", 1),
    ];
    for (k, v) in ints {
        vd.set_str(k, new_int_i64(*v))?;
    }
    d.set_str("build_time_vars", vars)?;
    Ok(m)
}
