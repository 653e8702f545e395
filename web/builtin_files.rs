//! `make dist`: writes every version of every built-in vragenlijst as the file the apps
//! fetch ([`spiegel::domain::builtin::BuiltinFile::path`]), into the folder given as the
//! only argument, and prints their list as JSON (`[{"id", "version", "path"}]`) for
//! `web/dist.mjs`. The files are exactly the ones compiled into the library, so their
//! names and content hashes agree with what the apps expect by construction.

use std::{env, fs, path::Path, process::ExitCode};

use spiegel::domain::builtin::FILES;

fn main() -> ExitCode {
    let Some(dir) = env::args().nth(1) else {
        eprintln!("usage: builtin_files <folder>");
        return ExitCode::FAILURE;
    };
    let mut list = Vec::new();
    for file in FILES {
        let Some(json) = file.json else {
            eprintln!("built without the feature embed-builtins: nothing to write");
            return ExitCode::FAILURE;
        };
        let path = Path::new(&dir).join(file.path());
        if let Err(e) =
            path.parent().map_or(Ok(()), fs::create_dir_all).and_then(|()| fs::write(&path, json))
        {
            eprintln!("cannot write {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
        list.push(
            serde_json::json!({ "id": file.id, "version": file.version, "path": file.path() }),
        );
    }
    let text = serde_json::to_string(&list).unwrap_or_default();
    // The list is this program's output; web/dist.mjs reads it.
    #[allow(clippy::print_stdout)]
    {
        println!("{text}");
    }
    ExitCode::SUCCESS
}
