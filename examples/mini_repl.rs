//! A minimal interactive prompt on top of Taipan's embedding API: `>>>` and `...` prompts,
//! expressions print their repr, statements run, blocks end at an empty line.
//!
//! `cargo run -p taipan-vm --example mini_repl`

use std::io::{BufRead, Write};

use taipan_vm::embed::{Interpreter, Repl};

fn main() {
    let mut repl = Repl::new(Interpreter::new().expect("interpreter"));
    let stdin = std::io::stdin();
    let mut out = std::io::stdout();
    let mut prompt = repl.prompt();
    loop {
        print!("{prompt}");
        let _ = out.flush();
        let mut line = String::new();
        match stdin.lock().read_line(&mut line) {
            Ok(0) | Err(_) => {
                println!();
                break;
            }
            Ok(_) => {}
        }
        let r = repl.feed(line.trim_end_matches(['\n', '\r']));
        print!("{}", r.stdout);
        let _ = out.flush();
        eprint!("{}", r.stderr);
        prompt = r.prompt;
    }
}
