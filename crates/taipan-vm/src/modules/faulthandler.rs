//! The `faulthandler` module: `enable`/`disable`/`is_enabled`, `dump_traceback` (the Python
//! frames, written straight to a file descriptor), `dump_traceback_later` (a watchdog
//! thread), `register`/`unregister` (signal handlers that dump the stack) and
//! `dump_c_stack`. Python (`py/faulthandler.py`) in a private namespace; Taipan raises Python
//! exceptions where CPython would crash, so there is no fatal-signal handler to install.

use crate::error::PyResult;
use crate::object::Object;
use crate::types::dict::as_dict;
use crate::types::module::{module_dict, new_module};
use crate::types::str::new_str;

const SOURCE: &str = include_str!("py/faulthandler.py");

const NAMES: &[&str] = &[
    "cancel_dump_traceback_later",
    "disable",
    "dump_c_stack",
    "dump_traceback",
    "dump_traceback_later",
    "enable",
    "is_enabled",
    "register",
    "unregister",
];

/// Makes the `faulthandler` module.
pub fn make_module() -> PyResult<Object> {
    let m = new_module("faulthandler");
    let d = as_dict(module_dict(m.as_ref()).expect("dict")).expect("dict");
    d.set_str("__doc__", new_str("faulthandler module."))?;
    let private = new_module("faulthandler");
    let code = crate::import::path::compile_bytes(SOURCE.as_bytes(), "<frozen faulthandler>")?;
    crate::import::path::exec_code_in_module(private.as_ref(), code)?;
    let pd = as_dict(module_dict(private.as_ref()).expect("dict")).expect("dict");
    for name in NAMES {
        if let Some(v) = pd.get_str(name)? {
            d.set_str(name, crate::modules::cmath::forwarder(name, v))?;
        }
    }
    Ok(m)
}
