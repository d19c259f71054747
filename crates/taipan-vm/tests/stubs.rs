//! The built-in methods Taipan still answers with a NotImplementedError placeholder: their list
//! must only shrink. `tests/data/remaining_stubs.txt` records the ones left; implement them
//! (with CPython 3.14's behaviour) and delete their lines. Set `TAIPAN_BLESS_STUBS=1` to
//! rewrite the file after removing stubs.

use taipan_vm::embed::Interpreter;

const PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/remaining_stubs.txt");

#[test]
fn stubs_only_shrink() {
    let _gil = taipan_vm::gil::hold();
    let h = std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(|| {
            let _gil = taipan_vm::gil::hold();
            let _interp = Interpreter::new().unwrap();
            let now = taipan_vm::types::surface::remaining_stubs();
            if std::env::var_os("TAIPAN_BLESS_STUBS").is_some() {
                let mut text = String::from(
                    "# Built-in methods still stubbed (they raise NotImplementedError when called).\n\
                     # These must be implemented with CPython 3.14's behaviour; delete a line when done.\n",
                );
                for s in &now {
                    text.push_str(s);
                    text.push('\n');
                }
                std::fs::write(PATH, text).unwrap();
            }
            let recorded = std::fs::read_to_string(PATH).unwrap();
            let recorded: Vec<&str> =
                recorded.lines().filter(|l| !l.is_empty() && !l.starts_with('#')).collect();
            let new: Vec<&String> = now.iter().filter(|s| !recorded.contains(&s.as_str())).collect();
            assert!(new.is_empty(), "new stubbed methods (implement them): {new:?}");
            assert!(
                now.len() <= recorded.len(),
                "{} stubs now, {} recorded",
                now.len(),
                recorded.len()
            );
        })
        .unwrap();
    taipan_vm::gil::allow_threads(move || h.join()).unwrap();
}
