//! Native libraries loaded at run time (`dlopen`/`dlsym`) rather than linked at build time:
//! Expat for `pyexpat`, SQLite for `_sqlite3`. A module built this way imports only where the
//! library exists (ImportError elsewhere) and adds nothing to the build. [`dyn_api!`] declares
//! a table of a library's entry points, required (loading fails without them) and optional
//! (`None` when the loaded version lacks them).

use std::ffi::{CStr, c_void};

/// The first of `names` that `dlopen` can load (the handle is never closed), or the loader's
/// last error message.
pub fn open(names: &[&CStr]) -> Result<*mut c_void, String> {
    let mut last = String::from("library not found");
    for name in names {
        // SAFETY: a NUL-terminated library name; dlopen has no other precondition.
        let lib = unsafe { libc::dlopen(name.as_ptr(), libc::RTLD_NOW | libc::RTLD_LOCAL) };
        if !lib.is_null() {
            return Ok(lib);
        }
        // SAFETY: dlerror returns a NUL-terminated message or null.
        let e = unsafe { libc::dlerror() };
        if !e.is_null() {
            // SAFETY: checked non-null just above.
            last = unsafe { CStr::from_ptr(e) }.to_string_lossy().into_owned();
        }
    }
    Err(last)
}

/// The address of symbol `name` (NUL-terminated) in `lib`, if it has one.
pub fn symbol(lib: *mut c_void, name: &str) -> Option<*mut c_void> {
    debug_assert!(name.ends_with('\0'));
    // SAFETY: `lib` is a live dlopen handle and `name` is NUL-terminated.
    let p = unsafe { libc::dlsym(lib, name.as_ptr().cast()) };
    (!p.is_null()).then_some(p)
}

/// Declares `pub struct $api` holding a library's entry points, with a `load(lib)` that looks
/// each up: `name = "symbol\0": fn(args) -> ret;` entries, `required` then `optional`.
#[macro_export]
macro_rules! dyn_api {
    ($api:ident; required { $($name:ident = $sym:literal : fn($($arg:ty),*) $(-> $ret:ty)?;)* }
     optional { $($oname:ident = $osym:literal : fn($($oarg:ty),*) $(-> $oret:ty)?;)* }) => {
        /// The entry points of the loaded library.
        pub struct $api {
            $(pub $name: unsafe extern "C" fn($($arg),*) $(-> $ret)?,)*
            $(pub $oname: Option<unsafe extern "C" fn($($oarg),*) $(-> $oret)?>,)*
        }

        impl $api {
            /// Looks every entry point up in the library `lib` (a `dlopen` handle).
            pub(crate) fn load(lib: *mut std::ffi::c_void) -> Result<$api, String> {
                Ok($api {
                    $($name: {
                        let p = $crate::modules::dynlib::symbol(lib, $sym).ok_or_else(|| format!("the library lacks {}", $sym.trim_end_matches('\0')))?;
                        // SAFETY: the symbol is the library's public function of this C
                        // signature (its header); function and data pointers have one size here.
                        unsafe { std::mem::transmute::<*mut std::ffi::c_void, unsafe extern "C" fn($($arg),*) $(-> $ret)?>(p) }
                    },)*
                    $($oname: $crate::modules::dynlib::symbol(lib, $osym).map(|p| {
                        // SAFETY: as above, for an entry point newer versions have.
                        unsafe { std::mem::transmute::<*mut std::ffi::c_void, unsafe extern "C" fn($($oarg),*) $(-> $oret)?>(p) }
                    }),)*
                })
            }
        }
    };
}
