//! `posix`'s integer constants (`O_*`, `*_OK`, `W*` options, `EX_*`, `P_*`, `PRIO_*`,
//! `SCHED_*`, `ST_*`, `CLD_*`, `RTLD_*`, `GRND_*`), `_have_functions` (the `HAVE_*` names of
//! the `dir_fd`/fd/`follow_symlinks` variants this module implements, which `os` turns into
//! `supports_dir_fd` and friends), `sysconf_names` and `confstr_names`.

use crate::error::PyResult;
use crate::types::dict::{DictPayload, new_dict};
use crate::types::int::new_int_i64;
use crate::types::list::new_list;
use crate::types::str::new_str;

const CONSTANTS: &[(&str, i64)] = &[
    ("F_OK", libc::F_OK as i64),
    ("R_OK", libc::R_OK as i64),
    ("W_OK", libc::W_OK as i64),
    ("X_OK", libc::X_OK as i64),
    ("O_RDONLY", libc::O_RDONLY as i64),
    ("O_WRONLY", libc::O_WRONLY as i64),
    ("O_RDWR", libc::O_RDWR as i64),
    ("O_ACCMODE", libc::O_ACCMODE as i64),
    ("O_APPEND", libc::O_APPEND as i64),
    ("O_ASYNC", libc::O_ASYNC as i64),
    ("O_CLOEXEC", libc::O_CLOEXEC as i64),
    ("O_CREAT", libc::O_CREAT as i64),
    ("O_DIRECT", libc::O_DIRECT as i64),
    ("O_DIRECTORY", libc::O_DIRECTORY as i64),
    ("O_DSYNC", libc::O_DSYNC as i64),
    ("O_EXCL", libc::O_EXCL as i64),
    ("O_FSYNC", libc::O_FSYNC as i64),
    ("O_LARGEFILE", libc::O_LARGEFILE as i64),
    ("O_NDELAY", libc::O_NDELAY as i64),
    ("O_NOATIME", libc::O_NOATIME as i64),
    ("O_NOCTTY", libc::O_NOCTTY as i64),
    ("O_NOFOLLOW", libc::O_NOFOLLOW as i64),
    ("O_NONBLOCK", libc::O_NONBLOCK as i64),
    ("O_PATH", libc::O_PATH as i64),
    ("O_RSYNC", libc::O_RSYNC as i64),
    ("O_SYNC", libc::O_SYNC as i64),
    ("O_TMPFILE", libc::O_TMPFILE as i64),
    ("O_TRUNC", libc::O_TRUNC as i64),
    ("SEEK_DATA", libc::SEEK_DATA as i64),
    ("SEEK_HOLE", libc::SEEK_HOLE as i64),
    ("WNOHANG", libc::WNOHANG as i64),
    ("WUNTRACED", libc::WUNTRACED as i64),
    ("WCONTINUED", libc::WCONTINUED as i64),
    ("WEXITED", libc::WEXITED as i64),
    ("WSTOPPED", libc::WSTOPPED as i64),
    ("WNOWAIT", libc::WNOWAIT as i64),
    ("P_ALL", libc::P_ALL as i64),
    ("P_PID", libc::P_PID as i64),
    ("P_PGID", libc::P_PGID as i64),
    ("P_PIDFD", 3),
    ("CLD_EXITED", libc::CLD_EXITED as i64),
    ("CLD_KILLED", libc::CLD_KILLED as i64),
    ("CLD_DUMPED", libc::CLD_DUMPED as i64),
    ("CLD_TRAPPED", libc::CLD_TRAPPED as i64),
    ("CLD_STOPPED", libc::CLD_STOPPED as i64),
    ("CLD_CONTINUED", libc::CLD_CONTINUED as i64),
    ("EX_OK", 0),
    ("EX_USAGE", 64),
    ("EX_DATAERR", 65),
    ("EX_NOINPUT", 66),
    ("EX_NOUSER", 67),
    ("EX_NOHOST", 68),
    ("EX_UNAVAILABLE", 69),
    ("EX_SOFTWARE", 70),
    ("EX_OSERR", 71),
    ("EX_OSFILE", 72),
    ("EX_CANTCREAT", 73),
    ("EX_IOERR", 74),
    ("EX_TEMPFAIL", 75),
    ("EX_PROTOCOL", 76),
    ("EX_NOPERM", 77),
    ("EX_CONFIG", 78),
    ("F_LOCK", libc::F_LOCK as i64),
    ("F_TLOCK", libc::F_TLOCK as i64),
    ("F_ULOCK", libc::F_ULOCK as i64),
    ("F_TEST", libc::F_TEST as i64),
    ("PRIO_PROCESS", libc::PRIO_PROCESS as i64),
    ("PRIO_PGRP", libc::PRIO_PGRP as i64),
    ("PRIO_USER", libc::PRIO_USER as i64),
    ("SCHED_OTHER", libc::SCHED_OTHER as i64),
    ("SCHED_NORMAL", libc::SCHED_NORMAL as i64),
    ("SCHED_FIFO", libc::SCHED_FIFO as i64),
    ("SCHED_RR", libc::SCHED_RR as i64),
    ("SCHED_BATCH", libc::SCHED_BATCH as i64),
    ("SCHED_IDLE", libc::SCHED_IDLE as i64),
    ("SCHED_RESET_ON_FORK", libc::SCHED_RESET_ON_FORK as i64),
    ("ST_RDONLY", libc::ST_RDONLY as i64),
    ("ST_NOSUID", libc::ST_NOSUID as i64),
    ("ST_NODEV", libc::ST_NODEV as i64),
    ("ST_NOEXEC", libc::ST_NOEXEC as i64),
    ("ST_SYNCHRONOUS", libc::ST_SYNCHRONOUS as i64),
    ("ST_MANDLOCK", libc::ST_MANDLOCK as i64),
    ("ST_WRITE", libc::ST_WRITE as i64),
    ("ST_APPEND", libc::ST_APPEND as i64),
    ("ST_NOATIME", libc::ST_NOATIME as i64),
    ("ST_NODIRATIME", libc::ST_NODIRATIME as i64),
    ("ST_RELATIME", libc::ST_RELATIME as i64),
    ("RTLD_LAZY", libc::RTLD_LAZY as i64),
    ("RTLD_NOW", libc::RTLD_NOW as i64),
    ("RTLD_GLOBAL", libc::RTLD_GLOBAL as i64),
    ("RTLD_LOCAL", libc::RTLD_LOCAL as i64),
    ("RTLD_NODELETE", libc::RTLD_NODELETE as i64),
    ("RTLD_NOLOAD", libc::RTLD_NOLOAD as i64),
    ("RTLD_DEEPBIND", libc::RTLD_DEEPBIND as i64),
    ("GRND_NONBLOCK", libc::GRND_NONBLOCK as i64),
    ("GRND_RANDOM", libc::GRND_RANDOM as i64),
    ("NGROUPS_MAX", 65536),
    ("TMP_MAX", 238328),
];

/// The `HAVE_*` names of the variants this module implements.
const HAVE_FUNCTIONS: &[&str] = &[
    "HAVE_FACCESSAT",
    "HAVE_FCHDIR",
    "HAVE_FCHMOD",
    "HAVE_FCHMODAT",
    "HAVE_FCHOWN",
    "HAVE_FCHOWNAT",
    "HAVE_FDOPENDIR",
    "HAVE_FSTATAT",
    "HAVE_FSTATVFS",
    "HAVE_FTRUNCATE",
    "HAVE_FUTIMENS",
    "HAVE_LCHOWN",
    "HAVE_LINKAT",
    "HAVE_LSTAT",
    "HAVE_MKDIRAT",
    "HAVE_MKFIFOAT",
    "HAVE_OPENAT",
    "HAVE_READLINKAT",
    "HAVE_RENAMEAT",
    "HAVE_SYMLINKAT",
    "HAVE_UNLINKAT",
    "HAVE_UTIMENSAT",
];

/// Adds the constants, `_have_functions`, `sysconf_names` and `confstr_names` to `d`.
pub(super) fn add_constants(d: &DictPayload) -> PyResult<()> {
    for (n, v) in CONSTANTS {
        d.set_str(n, new_int_i64(*v))?;
    }
    d.set_str("_have_functions", new_list(HAVE_FUNCTIONS.iter().map(|n| new_str(n)).collect()))?;
    for (name, table) in [
        ("sysconf_names", super::process::SYSCONF_NAMES),
        ("confstr_names", super::process::CONFSTR_NAMES),
    ] {
        let t = new_dict();
        let td = crate::types::dict::as_dict(t.as_ref()).expect("dict");
        for (n, v) in table {
            td.set_str(n, new_int_i64(*v as i64))?;
        }
        d.set_str(name, t)?;
    }
    Ok(())
}
