//! The interpreter's start-up configuration (CPython's `PyConfig`): what the command line and
//! the `PYTHON*` environment variables asked for. The `taipan` binary (or an embedder) sets it
//! once, before the interpreter starts; `sys` reads it for `sys.flags`, `sys._xoptions`,
//! `sys.orig_argv` and the start of `sys.path`, and the compiler callers read the optimisation
//! level (`-O`: no asserts, `__debug__` false; `-OO`: no docstrings either).
//!
//! It is process-wide and never changes after start-up (a `OnceLock`), so any thread may read it.

use std::sync::OnceLock;

/// The start-up options (all off by default, as a plain `python` run).
#[derive(Clone, Debug, Default)]
pub struct Config {
    /// `-d`: parser debugging (accepted, nothing to show).
    pub debug: u8,
    /// `-i` (or `PYTHONINSPECT`): enter interactive mode after running the program.
    pub inspect: bool,
    /// `-i`: the interactive flag `sys.flags.interactive` reports.
    pub interactive: bool,
    /// `-O` count (or `PYTHONOPTIMIZE`).
    pub optimize: u8,
    /// `-B` (or `PYTHONDONTWRITEBYTECODE`).
    pub dont_write_bytecode: bool,
    /// `-s` (or `PYTHONNOUSERSITE`).
    pub no_user_site: bool,
    /// `-S`.
    pub no_site: bool,
    /// `-E` (and `-I`): the `PYTHON*` variables were ignored.
    pub ignore_environment: bool,
    /// `-v` count (or `PYTHONVERBOSE`).
    pub verbose: u8,
    /// `-b` count: warn (1) or raise (2) on comparing bytes with str.
    pub bytes_warning: u8,
    /// `-q`: no banner in interactive mode.
    pub quiet: bool,
    /// `-I`: isolated mode.
    pub isolated: bool,
    /// `-X dev` (or `PYTHONDEVMODE`).
    pub dev_mode: bool,
    /// `-P` (and `-I`, or `PYTHONSAFEPATH`): no script directory or `''` at the start of
    /// `sys.path`.
    pub safe_path: bool,
    /// `-u` (or `PYTHONUNBUFFERED`).
    pub unbuffered: bool,
    /// `PYTHONIOENCODING` (`ENCODING`, `ENCODING:ERRORS` or `:ERRORS`): the standard streams'
    /// encoding and error handler.
    pub io_encoding: Option<String>,
    /// `-X` options in order: `-X name` is `(name, None)`, `-X name=value` is
    /// `(name, Some(value))`.
    pub xoptions: Vec<(String, Option<String>)>,
    /// `sys.orig_argv`: the command line as the process got it.
    pub orig_argv: Vec<String>,
    /// `PYTHONPATH` entries, in order, placed after the script's directory in `sys.path`.
    pub pythonpath: Vec<String>,
}

static CONFIG: OnceLock<Config> = OnceLock::new();

/// Sets the configuration; false if it was already set (or already read), in which case
/// nothing changes.
pub fn set(config: Config) -> bool {
    CONFIG.set(config).is_ok()
}

/// The configuration (the defaults when none was set).
pub fn get() -> &'static Config {
    CONFIG.get_or_init(Config::default)
}

/// The optimisation level for code compiled with "the interpreter's level" (`optimize=-1`).
pub fn optimize() -> i32 {
    i32::from(get().optimize)
}

/// Whether the interpreter runs in UTF-8 mode (`sys.flags.utf8_mode`, PEP 540): `-X utf8[=0|1]`,
/// else `PYTHONUTF8` (unless `-E`), else on when the locale is the C or POSIX one (CPython then
/// coerces it).
pub fn utf8_mode() -> bool {
    static MODE: OnceLock<bool> = OnceLock::new();
    *MODE.get_or_init(|| {
        let c = get();
        if let Some((_, v)) = c.xoptions.iter().rev().find(|(k, _)| k == "utf8") {
            return v.as_deref() != Some("0");
        }
        if !c.ignore_environment
            && let Ok(v) = std::env::var("PYTHONUTF8")
            && !v.is_empty()
        {
            return v != "0";
        }
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"]
            .iter()
            .find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()));
        matches!(locale.as_deref(), None | Some("C") | Some("POSIX"))
    })
}
