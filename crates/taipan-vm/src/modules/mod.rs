//! Native modules written against the VM's object API, one file per module (as CPython's
//! `Modules/*.c`): what the pure-Python standard library imports from C.
//!
//! - [`abc`]: `_abc`, the registry and caches under `abc.ABCMeta`.
//! - [`ast`]: `_ast`, the node classes and the bridge to the compiler's tree (with
//!   [`ast_validate`], the checks on hand-built trees).
//! - [`contextvars`]: `_contextvars` (PEP 567), one context per interpreter.
//! - [`itertools`]: the iterator building blocks.
//! - [`operator`]: `_operator`, the operators as functions and the getter callables.
//! - [`functools`]: `_functools` (`reduce`).
//! - [`heapq`]: `_heapq`, the heap primitives (min and max).
//! - [`string`]: `_string`, the parsers behind `string.Formatter`.
//! - [`struct_`]: `_struct` on `taipan_stdlib::struct_` (`Struct` in `py/struct.py`).
//! - [`marshal`]: `marshal`, CPython's serialisation format (version 5) on
//!   `taipan_bytecode::marshal` (objects read by [`marshal_read`], sharing preserved).
//! - [`cmath`]: `cmath`, the complex functions with C99 Annex G's special values
//!   (`py/cmath.py` on `math`).
//! - [`pwd`], [`grp`]: the Unix password and group databases.
//! - [`termios`]: POSIX terminal control (constants in [`termios_consts`]).
//! - [`csv`]: `_csv`, the CSV reader, writer and dialects (`py/csv.py`).
//! - [`faulthandler`]: stack dumps on demand, on a timer or on a signal.
//! - [`array`]: `array`, typed arrays of machine values (the type in `py/array.py`, its
//!   memory exported through `__buffer__`).
//! - [`sre`]: `_sre`, the `re` engine (with `sre_pattern`, `sre_match`, `sre_scanner`,
//!   `sre_validate`).
//! - [`io`]: `_io`, the I/O stack (`FileIO`, the buffered classes, `TextIOWrapper`,
//!   `StringIO`, `BytesIO`) and `open()`.
//! - [`thread`]: `_thread`'s locks and thread identity, correct for one thread.
//! - [`tokenize`]: `_tokenize.TokenizerIter`, what `tokenize.py` is built on.
//! - [`warnings`]: `_warnings`, the filters and `warn`, and the VM's own way to warn.
//! - [`collections`]: `_collections` (`deque` in [`collections_deque`], `defaultdict`,
//!   `_count_elements`, `_tuplegetter`).
//! - [`binascii`]: `binascii` on `taipan_stdlib::binascii`.
//! - [`bisect`]: `_bisect`, the bisection algorithms.
//! - [`suggestions`]: `_suggestions`, the "Did you mean" search `traceback` uses.
//! - [`codecs`]: `_codecs`, the codec registry and codec functions (with `codecs_errors`,
//!   the error handlers, and `codecs_escape`, the escape, charmap and UTF-7 codecs).
//! - [`random`]: `_random.Random` on `taipan_stdlib::random`.
//! - [`opcode`]: `_opcode`, the opcode predicates and `stack_effect` for `opcode`/`dis`.
//! - [`typing`]: `_typing` (PEP 484/695 type parameters, `TypeAliasType`, `Generic`) and the
//!   PEP 695 intrinsics.
//! - [`posix`]: `posix`, the OS layer under `os` (a folder: files, descriptors, process,
//!   constants).
//! - [`errno`]: the error numbers and `errorcode`.
//! - [`time`]: the clocks, `sleep` and the calendar conversions.
//! - [`atexit`]: exit callbacks, run by `run.rs` when the program ends.
//! - [`fcntl`]: `fcntl` (`fcntl`, `ioctl`, `flock`, `lockf`) and `PyObject_AsFileDescriptor`.
//! - [`posixsubprocess`]: `_posixsubprocess.fork_exec`, under `subprocess`.
//! - [`select`]: `select` (`select()`, `poll`, `epoll`; the objects in `py/select.py`).
//! - [`signal`]: `_signal`, the handlers table, the C-level handler and the pending-signal
//!   check the eval breaker and interrupted system calls run.
//! - [`unicodedata`]: the Unicode Character Database and `ucd_3_2_0`.
//! - [`socket`]: `_socket` (the `socket` type in [`socket_type`], addresses in [`socket_addr`],
//!   `sendmsg`/`recvmsg` in [`socket_msg`], constants in [`socket_consts`]).
//! - [`resource`]: `resource`, the process's resource limits.
//! - [`bz2`]: `_bz2`, the bzip2 compressor and decompressor (`bzip2` crate).
//! - [`lzma`]: `_lzma`, the xz/lzma compressor and decompressor (bundled liblzma).
//! - [`hashes`]: `_md5`, `_sha1`, `_sha2`, `_sha3` and `_blake2`, the `hashlib` hashes.
//! - [`zlib`]: `zlib` on the real zlib (`libz-sys`).
//! - [`handle`]: `_native_handle`, the opaque holder of the compression and hash modules'
//!   native state, and their shared argument conversions.
//! - [`json`]: `_json`, the `json` accelerator (`py/json.py`); [`testlimitedcapi`]:
//!   `_testlimitedcapi`'s sequence helpers; [`testinternalcapi`]: the few `_testinternalcapi`
//!   introspection helpers the test suite imports at module level; [`datetime`]: `_datetime`, `_pydatetime`'s types.
//! - [`dynlib`]: libraries loaded at run time (`dlopen`) and the `dyn_api!` entry-point tables.
//! - [`sqlite`]: `_sqlite3`, `sqlite3`'s DB-API classes (`py/sqlite3.py`) on the system's SQLite.
//! - [`pyexpat`]: `pyexpat`, the XML parser on the system's Expat (loaded at run time).
//! - [`sysconfigdata`]: `_sysconfigdata__linux_x86_64-linux-gnu`, what `sysconfig` reads.

pub mod abc;
pub mod array;
pub mod ast;
pub mod ast_validate;
pub mod atexit;
pub mod binascii;
pub mod bisect;
pub mod bz2;
pub mod cmath;
pub mod codecs;
pub mod codecs_errors;
pub mod codecs_escape;
pub mod collections;
pub mod collections_deque;
pub mod contextvars;
pub mod csv;
pub mod datetime;
pub mod dynlib;
pub mod errno;
pub mod faulthandler;
pub mod fcntl;
pub mod functools;
pub mod grp;
pub mod handle;
pub mod hashes;
pub mod heapq;
pub mod io;
pub mod itertools;
pub mod json;
pub mod lzma;
pub mod marshal;
pub mod marshal_read;
pub mod opcode;
pub mod operator;
pub mod posix;
pub mod posixsubprocess;
pub mod pwd;
pub mod pyexpat;
pub mod random;
pub mod resource;
pub mod select;
pub mod signal;
pub mod socket;
pub mod socket_addr;
pub mod socket_consts;
pub mod socket_msg;
pub mod socket_type;
pub mod sqlite;
pub mod sre;
pub mod sre_match;
pub mod sre_pattern;
pub mod sre_scanner;
pub mod sre_validate;
pub mod string;
pub mod struct_;
pub mod suggestions;
pub mod sysconfigdata;
pub mod termios;
pub mod termios_consts;
pub mod testinternalcapi;
pub mod testlimitedcapi;
pub mod thread;
pub mod time;
pub mod tokenize;
pub mod typing;
pub mod unicodedata;
pub mod warnings;
pub mod zlib;
