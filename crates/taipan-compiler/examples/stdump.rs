//! Prints the symbol table dump of a file (developer aid; the test compares the same text).
fn main() {
    let path = std::env::args().nth(1).expect("usage: stdump FILE");
    let src = std::fs::read(&path).unwrap();
    let tree = match taipan_parser::parse_bytes(&src, &taipan_parser::ParseOptions::default()) {
        Ok(t) => t,
        Err(e) => {
            println!("{}", e.summary());
            return;
        }
    };
    let r = taipan_compiler::future::future_features(&tree)
        .and_then(|ff| taipan_compiler::symtable::build(&tree, &ff));
    match r {
        Ok(t) => print!("{}", t.dump()),
        Err(e) => println!("{}", e.summary()),
    }
}
