//! `make dist`: writes every version of every built-in vragenlijst as the file the apps
//! fetch ([`spiegel::domain::builtin::BuiltinFile::path`]): its checked form
//! ([`spiegel::domain::instrument::checked`]), written from the file as the library parses
//! and validates it, into the folder given as the only argument. Prints their list as JSON
//! (`[{"id", "version", "path"}]`) for `web/dist.mjs`. The files come from the ones
//! compiled into the library, so their names and content hashes agree with what the apps
//! expect by construction.

use std::{env, fs, path::Path, process::ExitCode};

use spiegel::domain::builtin::FILES;
use spiegel::domain::instrument::checked;

fn main() -> ExitCode {
    let Some(dir) = env::args().nth(1) else {
        eprintln!("usage: builtin_files <folder>");
        return ExitCode::FAILURE;
    };
    let mut list = Vec::new();
    for file in FILES {
        let instrument = match file.parse() {
            Ok(i) => i,
            Err(problems) => {
                eprintln!("{}@{} does not parse: {problems:?}", file.id, file.version);
                return ExitCode::FAILURE;
            }
        };
        let bytes = checked::encode(&instrument);
        // What the apps will read must be exactly what was validated.
        if file.read_checked(&bytes).as_ref() != Ok(&instrument) {
            eprintln!("{}@{}: the checked form does not read back", file.id, file.version);
            return ExitCode::FAILURE;
        }
        let path = Path::new(&dir).join(file.path());
        if let Err(e) =
            path.parent().map_or(Ok(()), fs::create_dir_all).and_then(|()| fs::write(&path, bytes))
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
