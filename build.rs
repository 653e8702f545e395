//! Embeds the built-in vragenlijsten minified: checks that each is JSON at build time and
//! drops the indentation that makes them readable in the repository but costs download.

use std::{env, fs, path::Path};

const BUILTIN: [&str; 2] = ["student", "staff"];

fn main() {
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for name in BUILTIN {
        let src = format!("src/domain/builtin/{name}.json");
        println!("cargo::rerun-if-changed={src}");
        let text = fs::read_to_string(&src).unwrap_or_else(|e| panic!("cannot read {src}: {e}"));
        let value: serde_json::Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{src} is not valid JSON: {e}"));
        let min = serde_json::to_string(&value).expect("a parsed value serialises");
        fs::write(Path::new(&out).join(format!("{name}.min.json")), min)
            .expect("OUT_DIR is writable");
    }
}
