//! The command line, read as CPython reads its own: single-letter options that may be bundled
//! (`-OO`, `-Bc CODE`, `-Wd`), options taking a value in the same word or the next one (`-c`,
//! `-m`, `-W`, `-X`), the long options (`--version`, `--help`, ...), then what to run (`-c CODE`,
//! `-m MODULE`, a file, `-` or standard input) and its arguments. The `PYTHON*` environment
//! variables are folded in unless `-E`/`-I` says to ignore them.

use taipan_vm::config::Config;

/// What to run.
#[derive(Debug, PartialEq)]
pub enum Command {
    /// `-c CODE`.
    Code(String),
    /// `-m MODULE`.
    Module(String),
    /// A file name.
    File(String),
    /// `-` (true) or no program at all (false): standard input.
    Stdin(bool),
}

/// The parsed command line.
#[derive(Debug)]
pub struct Cli {
    pub config: Config,
    pub command: Command,
    /// The arguments after the program (`sys.argv[1:]`).
    pub args: Vec<String>,
    /// `-W` options, in order.
    pub warnoptions: Vec<String>,
    /// `-x`: skip the program's first line.
    pub skip_first_line: bool,
    /// `-V` given this many times (`--version` counts once).
    pub version: u8,
    /// `-h`, `-?`, `--help` and its variants.
    pub help: bool,
}

/// Why the command line cannot be used: the message for stderr (CPython prints the usage line
/// after it and exits with status 2).
#[derive(Debug, PartialEq)]
pub struct CliError(pub String);

/// Options that take a value (in the same word or the next).
const WITH_VALUE: &[char] = &['c', 'm', 'W', 'X'];

/// Parses `args` (without the program name); `orig` is the whole command line for
/// `sys.orig_argv`; `env` looks up an environment variable.
pub fn parse(
    args: &[String],
    orig: Vec<String>,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<Cli, CliError> {
    let mut c = Config { orig_argv: orig, ..Config::default() };
    let mut warnoptions = Vec::new();
    let (mut skip_first_line, mut version, mut help) = (false, 0u8, false);
    let mut command = None;
    let mut i = 0;
    while i < args.len() && command.is_none() {
        let a = &args[i];
        i += 1;
        if a == "--" {
            break;
        }
        if a == "-" || !a.starts_with('-') {
            i -= 1;
            break;
        }
        if let Some(long) = a.strip_prefix("--") {
            match long {
                "version" => version += 1,
                "help" | "help-env" | "help-xoptions" | "help-all" => help = true,
                "check-hash-based-pycs" => {
                    if i >= args.len() {
                        return Err(CliError(format!("Argument expected for the {a} option")));
                    }
                    i += 1;
                }
                _ => return Err(CliError(format!("Unknown option: {a}"))),
            }
            continue;
        }
        let letters: Vec<char> = a[1..].chars().collect();
        let mut j = 0;
        while j < letters.len() {
            let o = letters[j];
            j += 1;
            if WITH_VALUE.contains(&o) {
                let value: String = if j < letters.len() {
                    letters[j..].iter().collect()
                } else if i < args.len() {
                    i += 1;
                    args[i - 1].clone()
                } else {
                    return Err(CliError(format!("Argument expected for the -{o} option")));
                };
                j = letters.len();
                match o {
                    'c' => command = Some(Command::Code(value)),
                    'm' => command = Some(Command::Module(value)),
                    'W' => warnoptions.push(value),
                    _ => c.xoptions.push(match value.split_once('=') {
                        Some((k, v)) => (k.to_string(), Some(v.to_string())),
                        None => (value, None),
                    }),
                }
                continue;
            }
            match o {
                'b' => c.bytes_warning = c.bytes_warning.saturating_add(1),
                'B' => c.dont_write_bytecode = true,
                'd' => c.debug = c.debug.saturating_add(1),
                'E' => c.ignore_environment = true,
                'h' | '?' => help = true,
                'i' => {
                    c.inspect = true;
                    c.interactive = true;
                }
                'I' => {
                    c.isolated = true;
                    c.ignore_environment = true;
                    c.no_user_site = true;
                    c.safe_path = true;
                }
                'O' => c.optimize = c.optimize.saturating_add(1),
                'P' => c.safe_path = true,
                'q' => c.quiet = true,
                'R' => {}
                's' => c.no_user_site = true,
                'S' => c.no_site = true,
                'u' => c.unbuffered = true,
                'v' => c.verbose = c.verbose.saturating_add(1),
                'V' => version = version.saturating_add(1),
                'x' => skip_first_line = true,
                _ => return Err(CliError(format!("Unknown option: -{o}"))),
            }
        }
    }
    let command = match command {
        Some(cmd) => cmd,
        None => match args.get(i) {
            None => Command::Stdin(false),
            Some(a) if a == "-" => {
                i += 1;
                Command::Stdin(true)
            }
            Some(path) => {
                i += 1;
                Command::File(path.clone())
            }
        },
    };
    let rest = args[i.min(args.len())..].to_vec();
    apply_environment(&mut c, &mut warnoptions, env);
    if c.xoptions.iter().any(|(k, _)| k == "dev") {
        c.dev_mode = true;
    }
    Ok(Cli { config: c, command, args: rest, warnoptions, skip_first_line, version, help })
}

/// Folds in the `PYTHON*` variables CPython reads at start-up, unless `-E`/`-I` was given.
/// `PYTHONWARNINGS` entries come before the `-W` options, as in CPython.
fn apply_environment(
    c: &mut Config,
    warnoptions: &mut Vec<String>,
    env: &dyn Fn(&str) -> Option<String>,
) {
    if c.ignore_environment {
        return;
    }
    let set = |name: &str| env(name).is_some_and(|v| !v.is_empty());
    // A numeric value counts as that level, anything else non-empty as 1.
    let level = |name: &str| -> u8 {
        match env(name) {
            Some(v) if !v.is_empty() => v.trim().parse::<u8>().unwrap_or(1).max(1),
            _ => 0,
        }
    };
    if let Some(w) = env("PYTHONWARNINGS") {
        let mut from_env: Vec<String> =
            w.split(',').filter(|s| !s.is_empty()).map(str::to_string).collect();
        from_env.append(warnoptions);
        *warnoptions = from_env;
    }
    if let Some(p) = env("PYTHONPATH") {
        c.pythonpath = p.split(':').filter(|s| !s.is_empty()).map(str::to_string).collect();
    }
    c.optimize = c.optimize.max(level("PYTHONOPTIMIZE"));
    c.verbose = c.verbose.max(level("PYTHONVERBOSE"));
    c.debug = c.debug.max(level("PYTHONDEBUG"));
    c.inspect |= set("PYTHONINSPECT");
    c.dont_write_bytecode |= set("PYTHONDONTWRITEBYTECODE");
    c.no_user_site |= set("PYTHONNOUSERSITE");
    c.unbuffered |= set("PYTHONUNBUFFERED");
    c.io_encoding = env("PYTHONIOENCODING").filter(|v| !v.is_empty());
    c.safe_path |= set("PYTHONSAFEPATH");
    c.dev_mode |= set("PYTHONDEVMODE");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &[&str]) -> Vec<String> {
        s.iter().map(|a| a.to_string()).collect()
    }

    fn run(s: &[&str]) -> Result<Cli, CliError> {
        parse(&args(s), Vec::new(), &|_| None)
    }

    #[test]
    fn bundled_options_and_values() {
        let c = run(&["-OOBc", "print(1)", "a", "-b"]).unwrap();
        assert_eq!(c.command, Command::Code("print(1)".into()));
        assert_eq!(c.config.optimize, 2);
        assert!(c.config.dont_write_bytecode);
        assert_eq!(c.args, args(&["a", "-b"]));
        let c = run(&["-Wd", "-W", "error", "-Xdev", "-X", "a=b", "-mjson.tool", "x"]).unwrap();
        assert_eq!(c.warnoptions, args(&["d", "error"]));
        assert_eq!(
            c.config.xoptions,
            vec![("dev".to_string(), None), ("a".to_string(), Some("b".to_string()))]
        );
        assert!(c.config.dev_mode);
        assert_eq!(c.command, Command::Module("json.tool".into()));
        assert_eq!(c.args, args(&["x"]));
    }

    #[test]
    fn programs() {
        assert_eq!(run(&[]).unwrap().command, Command::Stdin(false));
        let c = run(&["-", "x"]).unwrap();
        assert_eq!((c.command, c.args), (Command::Stdin(true), args(&["x"])));
        let c = run(&["-I", "--", "-file.py", "-c"]).unwrap();
        assert_eq!(c.command, Command::File("-file.py".into()));
        assert_eq!(c.args, args(&["-c"]));
        assert!(c.config.isolated && c.config.safe_path && c.config.ignore_environment);
        let c = run(&["s.py", "-O"]).unwrap();
        assert_eq!(c.config.optimize, 0);
        assert_eq!(c.args, args(&["-O"]));
    }

    #[test]
    fn errors() {
        assert_eq!(run(&["-z"]).unwrap_err(), CliError("Unknown option: -z".into()));
        assert_eq!(run(&["--nope"]).unwrap_err(), CliError("Unknown option: --nope".into()));
        assert_eq!(
            run(&["-c"]).unwrap_err(),
            CliError("Argument expected for the -c option".into())
        );
        assert_eq!(
            run(&["-W"]).unwrap_err(),
            CliError("Argument expected for the -W option".into())
        );
    }

    #[test]
    fn environment() {
        let env = |n: &str| match n {
            "PYTHONPATH" => Some("/a::/b".to_string()),
            "PYTHONWARNINGS" => Some("ignore,default".to_string()),
            "PYTHONOPTIMIZE" => Some("2".to_string()),
            _ => None,
        };
        let c = parse(&args(&["-Werror", "-c", "pass"]), Vec::new(), &env).unwrap();
        assert_eq!(c.config.pythonpath, args(&["/a", "/b"]));
        assert_eq!(c.warnoptions, args(&["ignore", "default", "error"]));
        assert_eq!(c.config.optimize, 2);
        let c = parse(&args(&["-E", "-c", "pass"]), Vec::new(), &env).unwrap();
        assert!(c.config.pythonpath.is_empty() && c.config.optimize == 0);
    }
}
