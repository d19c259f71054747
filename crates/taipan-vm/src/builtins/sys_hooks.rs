//! `sys.breakpointhook` (also `sys.__breakpointhook__`: `$PYTHONBREAKPOINT` names the hook,
//! `pdb.set_trace` by default, `0` disables it) and `sys.getrefcount`.

use crate::error::{PyErr, PyResult};
use crate::object::{Object, ObjectRef};
use crate::types::exceptions::{ATTRIBUTE_ERROR, IMPORT_ERROR, RUNTIME_WARNING};
use crate::types::int::new_int_i64;
use crate::types::singletons::none;
use crate::types::str::new_str;

/// `sys.breakpointhook(*args, **kws)`: imports the callable `$PYTHONBREAKPOINT` names (a dotted
/// path; a bare name is a builtin) and calls it; an unimportable one only warns.
pub(crate) fn breakpointhook(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let env = if crate::config::get().ignore_environment {
        None
    } else {
        std::env::var_os("PYTHONBREAKPOINT")
    };
    let hookname = match env {
        Some(v) if !v.is_empty() => v.to_string_lossy().into_owned(),
        _ => "pdb.set_trace".to_string(),
    };
    if hookname == "0" {
        return Ok(none());
    }
    let (module, attr) = match hookname.rfind('.') {
        Some(i) => (&hookname[..i], &hookname[i + 1..]),
        None => ("builtins", hookname.as_str()),
    };
    let hook = crate::import::import_module(module, None)
        .and_then(|m| crate::attr::getattr(m.as_ref(), new_str(attr).as_ref()));
    match hook {
        Ok(h) => crate::ops::call(h.as_ref(), args, kw),
        Err(e) if e.matches(&IMPORT_ERROR) || e.matches(&ATTRIBUTE_ERROR) => {
            crate::modules::warnings::warn(
                &RUNTIME_WARNING,
                &format!("Ignoring unimportable $PYTHONBREAKPOINT: \"{hookname}\""),
                1,
            )?;
            Ok(none())
        }
        Err(e) => Err(e),
    }
}

/// `sys.getrefcount(object)`: the object's reference count, the argument's own reference
/// included; immortal objects (and small ints, which have no count) answer CPython 3.14's
/// immortal figure.
pub(crate) fn getrefcount(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = crate::builtins::args::Args::new(args, kw);
    a.no_kw_at_all("getrefcount")?;
    if a.pos.len() != 1 {
        return Err(PyErr::type_error(format!(
            "sys.getrefcount() takes exactly one argument ({} given)",
            a.pos.len()
        )));
    }
    const IMMORTAL: i64 = 3 << 30;
    let n = match a.pos[0].as_ref().refcnt() {
        Some(n) if n < (1usize << 40) => n as i64,
        _ => IMMORTAL,
    };
    Ok(new_int_i64(n))
}
