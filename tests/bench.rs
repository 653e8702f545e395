//! `make bench` (host part): prints the performance figures the issues ask for. Not a test:
//! it asserts nothing and runs only with `cargo bench`. Budgets are judged by reading the
//! figures, never by a timed test.
#![allow(clippy::print_stdout, clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use spiegel::domain::analysis::{analyse_tables, Settings, Table};
use spiegel::domain::answer::Answer;
use spiegel::domain::builtin;
use spiegel::domain::collect::{self, Outcome, Unlocked};
use spiegel::domain::envelope::{self, Envelope};
use spiegel::domain::instrument::{Instrument, ItemKind};
use spiegel::domain::meting::{Context, Draft, Meting, Seeds};
use spiegel::domain::payload;
use spiegel::domain::qr;
use spiegel::domain::response::Response;
use spiegel::domain::seal::{self, unwrap_key, wrap, KeyPair, DEFAULT_ITERATIONS};
use spiegel::storage::collection;
use spiegel::storage::memory::MemoryStore;

/// A small deterministic generator, so every run measures the same data.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

/// A synthetic but valid response: every item answered with a random allowed answer.
fn response(inst: &Instrument, rng: &mut Lcg, n: usize) -> Response {
    let mut answers = BTreeMap::new();
    for (_, item) in inst.items() {
        let codes: Vec<String> = item.kind.choices().into_iter().map(|c| c.code).collect();
        let answer = match &item.kind {
            ItemKind::Matrix { rows, .. } => Answer::Rows(
                rows.iter()
                    .map(|r| (r.id.clone(), codes[rng.below(codes.len())].clone()))
                    .collect(),
            ),
            ItemKind::MultipleChoice { max, .. } => {
                let limit = max.unwrap_or(codes.len());
                let picked: Vec<String> =
                    codes.iter().filter(|_| rng.below(3) == 0).take(limit).cloned().collect();
                if picked.is_empty() {
                    continue;
                }
                Answer::Choices(picked)
            }
            ItemKind::Number { min, .. } => Answer::Number(*min),
            ItemKind::OpenText { .. } => continue,
            _ => Answer::Choice(codes[rng.below(codes.len())].clone()),
        };
        answers.insert(item.id.clone(), answer);
    }
    Response {
        id: format!("{n:032x}"),
        instrument: inst.id.clone(),
        instrument_version: inst.version.clone(),
        week: "2026-W48".into(),
        answers,
    }
}

/// The median of `runs` timings of `f`.
fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    let student = builtin::student().unwrap();
    let staff = builtin::staff().unwrap();
    let mut rng = Lcg(2026);
    let students: Vec<Response> = (0..20_000).map(|n| response(&student, &mut rng, n)).collect();
    let staff_responses: Vec<Response> =
        (0..1_000).map(|n| response(&staff, &mut rng, n)).collect();

    println!("Spiegel host benchmarks (release build, median of runs)");
    let parse = median(21, || {
        builtin::student().unwrap();
        builtin::staff().unwrap();
    });
    println!("  parse + validate both built-in vragenlijsten: {}", ms(parse));
    let settings = Settings::default();
    let coding = median(7, || {
        Table::of(&student, &students);
        Table::of(&staff, &staff_responses);
    });
    println!(
        "  code 20,000 student + 1,000 staff responses into tables (once, as they are opened): {}",
        ms(coding)
    );
    let (s_table, t_table) = (Table::of(&student, &students), Table::of(&staff, &staff_responses));
    let analysis = median(21, || {
        analyse_tables(&student, &staff, &s_table, &t_table, &settings);
    });
    println!(
        "  analysis from the tables, 20,000 student + 1,000 staff responses: {} (budget in the browser: 100 ms)",
        ms(analysis)
    );
    let payloads: Vec<Vec<u8>> =
        students.iter().map(|r| payload::encode(&student, r).unwrap()).collect();
    let bytes: usize = payloads.iter().map(Vec::len).sum();
    let decode = median(7, || {
        for p in &payloads {
            payload::decode(&student, p).unwrap();
        }
    });
    println!(
        "  decode 20,000 student payloads ({} bytes on average): {}",
        bytes / payloads.len(),
        ms(decode)
    );
    println!(
        "  largest possible payload: student {} bytes, staff {} bytes",
        payload::max_len(&student),
        payload::max_len(&staff)
    );
    let wrapped =
        wrap(&KeyPair::from_seed([7; 32]), "482913", [1; 16], [2; 12], DEFAULT_ITERATIONS);
    let unwrap = median(5, || {
        unwrap_key(&wrapped, "482913").unwrap();
    });
    println!("  unwrap the meting key with its PIN (PBKDF2, 600,000 iterations): {}", ms(unwrap));
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
    let import = median(7, || {
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
        "  import 500 response files (read, open, check, dedupe, keep; host, memory store): {} (budget in the browser: 1 s)",
        ms(import)
    );
}
