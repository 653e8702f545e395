//! `make bench` (host part): prints the performance figures the issues ask for. Not a test:
//! it asserts nothing and runs only with `cargo bench`. Budgets are judged by reading the
//! figures, never by a timed test.
#![allow(clippy::print_stdout, clippy::unwrap_used)]

use std::hint::black_box;
use std::time::Instant;

use spiegel::domain::analysis::{analyse_tables, Settings, Table};
use spiegel::domain::builtin;
use spiegel::domain::collect::{self, Outcome, Unlocked};
use spiegel::domain::envelope::{self, Envelope};
use spiegel::domain::export::to_json;
use spiegel::domain::instrument::Instrument;
use spiegel::domain::meting::{Context, Draft, Meting, Seeds};
use spiegel::domain::payload;
use spiegel::domain::qr;
use spiegel::domain::response::Response;
use spiegel::domain::seal::{self, unwrap_key, wrap, KeyPair, DEFAULT_ITERATIONS};
use spiegel::storage::collection;
use spiegel::storage::memory::MemoryStore;

#[path = "common/synthetic.rs"]
mod synthetic;

use synthetic::{
    bench_meting, export_sheet, export_students, Runs, Workload, ANALYSIS, ANALYSIS_BUDGET_MS,
    CODING, EXPORT, EXPORT_BUDGET_MS, EXPORT_CODING, EXPORT_JSON,
};

/// `runs` timings of `f` on the host's monotonic clock.
fn timed(runs: usize, f: impl FnMut()) -> Runs {
    let start = Instant::now();
    Runs::measure(runs, || start.elapsed().as_secs_f64() * 1000.0, f)
}

/// Prints every host figure, one line each.
fn main() {
    let Workload { student, staff, students, staff_responses } = Workload::generate();

    println!("Spiegel host benchmarks (release build; median, min and max of the runs)");
    let parse = timed(21, || {
        builtin::student().unwrap();
        builtin::staff().unwrap();
    });
    println!("  {}", parse.line("parse + validate both built-in vragenlijsten", None));
    let settings = Settings::default();
    let coding = timed(7, || {
        black_box(Table::of(&student, black_box(&students)));
        black_box(Table::of(&staff, black_box(&staff_responses)));
    });
    println!("  {}", coding.line(CODING, None));
    let (s_table, t_table) = (Table::of(&student, &students), Table::of(&staff, &staff_responses));
    let analysis = timed(21, || {
        black_box(analyse_tables(&student, &staff, black_box(&s_table), &t_table, &settings));
    });
    println!("  {}", analysis.line(ANALYSIS, Some(ANALYSIS_BUDGET_MS)));
    let workload = Workload { student, staff, students, staff_responses };
    let meting = bench_meting(&workload.student);
    let coding = timed(5, || {
        black_box(export_sheet(&workload));
    });
    println!("  {}", coding.line(EXPORT_CODING, None));
    let sheet = export_sheet(&workload);
    let export = timed(5, || {
        black_box(export_students(&workload, &meting, &sheet));
    });
    println!("  {}", export.line(EXPORT, Some(EXPORT_BUDGET_MS)));
    let doc = export_students(&workload, &meting, &sheet);
    let mut bytes = 0;
    let json = timed(5, || bytes = black_box(to_json(&doc)).len());
    let what = format!("{EXPORT_JSON} ({:.1} MB)", bytes as f64 / 1e6);
    println!("  {}", json.line(&what, None));
    let Workload { student, staff, students, .. } = workload;
    let payloads: Vec<Vec<u8>> =
        students.iter().map(|r| payload::encode(&student, r).unwrap()).collect();
    let bytes: usize = payloads.iter().map(Vec::len).sum();
    let decode = timed(7, || {
        for p in &payloads {
            payload::decode(&student, p).unwrap();
        }
    });
    let what =
        format!("decode 20,000 student payloads ({} bytes on average)", bytes / payloads.len());
    println!("  {}", decode.line(&what, None));
    println!(
        "  largest possible payload: student {} bytes, staff {} bytes",
        payload::max_len(&student),
        payload::max_len(&staff)
    );
    let wrapped =
        wrap(&KeyPair::from_seed([7; 32]), "482913", [1; 16], [2; 12], DEFAULT_ITERATIONS);
    let unwrap = timed(5, || {
        unwrap_key(&wrapped, "482913").unwrap();
    });
    println!(
        "  {}",
        unwrap.line("unwrap the meting key with its PIN (PBKDF2, 600,000 iterations)", None)
    );
    let phrase = "kaas brug vogel taart muis";
    let wrapped =
        seal::wrap_with(&KeyPair::from_seed([7; 32]), phrase, [1; 16], [2; 12], seal::DEFAULT_KDF);
    let argon = timed(5, || {
        unwrap_key(&wrapped, phrase).unwrap();
    });
    let what = format!("unwrap the meting key with its passphrase ({})", seal::DEFAULT_KDF);
    println!("  {}", argon.line(&what, None));
    collecting(&student, &students[..500]);
}

/// Sealing, QR codes and importing response files on the team device.
fn collecting(student: &Instrument, responses: &[Response]) {
    let draft = Draft {
        label: "Bench".into(),
        context: Context::default(),
        pin: "bench-2468".into(),
        pin_again: "bench-2468".into(),
    };
    let seeds = Seeds { id: [3; 8], key: [4; 32], salt: [5; 16], nonce: [6; 12] };
    let (meting, keys) = Meting::create(student, &draft, "2026-W48", seeds, 1).unwrap();
    let files: Vec<Vec<u8>> = responses
        .iter()
        .enumerate()
        .map(|(n, r)| {
            let plain = payload::encode(student, r).unwrap();
            let mut seed = [0u8; 32];
            seed[..8].copy_from_slice(&(n as u64).to_le_bytes());
            let sealed = seal::seal(&meting.public(), &plain, seed);
            envelope::file_bytes(&[Envelope { meting: meting.id, sealed }.to_bytes()])
        })
        .collect();
    let first = envelope::read_file(&files[0]).unwrap().remove(0);
    let image = qr::encode(&first.to_bytes()).unwrap();
    println!(
        "  QR code of a full student response: {} bytes sealed in an envelope, QR version {} (error correction M), QR codes needed: {}",
        first.to_bytes().len(),
        image.version(),
        first.qr_codes().len()
    );
    let unlocked = Unlocked { meting: &meting, keys: &keys, instrument: student };
    let import = timed(7, || {
        let store = MemoryStore::default();
        let mut known = collection::inbox_ids(&store, meting.id).unwrap();
        for file in &files {
            match collect::take(unlocked, &mut known, envelope::read_file(file)) {
                Outcome::Taken { new, .. } => {
                    collection::keep_taken(&store, meting.id, &new).unwrap()
                }
                Outcome::Refused { reason, .. } => panic!("refused: {reason:?}"),
            }
        }
        assert_eq!(known.len(), files.len());
    });
    println!(
        "  {}",
        import.line(
            "import 500 response files (read, open, check, dedupe, keep; host, memory store)",
            Some(1000.0)
        )
    );
}
