//! `make fixtures`: writes the deterministic metingen and response files that the
//! end-to-end tests (`tests/e2e/*.test.mjs`) and `make bench`'s browser part
//! (`tests/e2e/bench.mjs`) import through the real UI.
//!
//! Run as `cargo run --offline --quiet --example fixtures -- <out dir>`. Every byte is the
//! same on every run: seeds come from a fixed-seed generator, never from the system. It
//! writes, under `<out dir>`:
//!
//! - `meting.json`, `staff-meting.json`: a student and a staff meting (PIN
//!   `fixture-2468`) with the localStorage key and value the app keeps them under, and the
//!   invitation fragment;
//! - `import30/`: 27 valid student responses, one damaged file, one response of another
//!   meting and a text file that is not Spiegel at all;
//! - `bench500/`: 500 valid, distinct student responses, one per file;
//! - `class/`: 40 student and 8 staff responses, one per file, and `all-students.spiegel`
//!   holding the same 40 student responses in one file;
//! - `expected.json`: what importing `import30/` and `bench500/` should report.
//!
//! One line per directory goes to stderr: how many files and the largest.
#![allow(clippy::unwrap_used, clippy::print_stdout)]

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    host::main();
}

/// Nothing to do in the browser: the example only exists on the host.
#[cfg(target_arch = "wasm32")]
fn main() {}

/// The generator itself; host only, since it writes files.
#[cfg(not(target_arch = "wasm32"))]
mod host {
    use std::collections::{BTreeMap, BTreeSet};
    use std::fs;
    use std::path::{Path, PathBuf};

    use serde_json::json;
    use spiegel::domain::answer::Answer;
    use spiegel::domain::builtin;
    use spiegel::domain::collect::{self, Outcome, Unlocked};
    use spiegel::domain::envelope::{self, Envelope};
    use spiegel::domain::instrument::{Instrument, ItemKind};
    use spiegel::domain::meting::{Context, Draft, Meting, Seeds, METING_ID_LEN};
    use spiegel::domain::payload;
    use spiegel::domain::response::Response;
    use spiegel::domain::seal::{self, KeyPair, DEFAULT_ITERATIONS};
    use spiegel::storage::collection::stored_meting;
    use spiegel::storage::StorageKey;

    /// The staff PIN of both fixture metingen.
    pub const PIN: &str = "fixture-2468";
    /// The ISO week of the metingen and of every response.
    const WEEK: &str = "2026-W48";
    /// Short plain words for open-text answers.
    const WORDS: [&str; 8] =
        ["prima", "goed", "rustig", "leuk", "druk", "gezellig", "fijne klas", "meer uitleg"];

    /// A small deterministic generator, so every run writes the same bytes.
    struct Lcg(u64);

    impl Lcg {
        /// The next 64 bits of state.
        fn next(&mut self) -> u64 {
            self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            self.0
        }

        /// A number below `n` (0 for `n` of 0).
        fn below(&mut self, n: usize) -> usize {
            ((self.next() >> 33) as usize) % n.max(1)
        }

        /// `N` bytes, for seeds.
        fn bytes<const N: usize>(&mut self) -> [u8; N] {
            let mut out = [0; N];
            for chunk in out.chunks_mut(4) {
                let word = ((self.next() >> 32) as u32).to_le_bytes();
                chunk.copy_from_slice(&word[..chunk.len()]);
            }
            out
        }

        /// A response id: 32 lowercase hexadecimal characters. Two consecutive states of
        /// a full-period generator, so no two ids of one run are the same.
        fn response_id(&mut self) -> String {
            format!("{:016x}{:016x}", self.next(), self.next())
        }
    }

    /// A synthetic but valid response: every item answered with a random allowed answer,
    /// multiple-choice codes in option order, numbers in range, open texts a short word.
    fn response(inst: &Instrument, rng: &mut Lcg) -> Response {
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
                    let limit = max.unwrap_or(codes.len()).max(1);
                    let mut picked: Vec<String> =
                        codes.iter().filter(|_| rng.below(3) == 0).take(limit).cloned().collect();
                    if picked.is_empty() {
                        picked.push(codes[rng.below(codes.len())].clone());
                    }
                    Answer::Choices(picked)
                }
                ItemKind::Number { min, max, .. } => {
                    let span = usize::try_from(max - min).unwrap_or(0).saturating_add(1);
                    Answer::Number(min + rng.below(span.min(1_000)) as i64)
                }
                ItemKind::OpenText { max_length } => {
                    let word = WORDS[rng.below(WORDS.len())];
                    if word.chars().count() > *max_length {
                        continue;
                    }
                    Answer::Text(word.to_string())
                }
                _ => Answer::Choice(codes[rng.below(codes.len())].clone()),
            };
            answers.insert(item.id.clone(), answer);
        }
        Response {
            id: rng.response_id(),
            instrument: inst.id.clone(),
            instrument_version: inst.version.clone(),
            week: WEEK.into(),
            answers,
        }
    }

    /// A meting of `inst` with the fixture PIN and the fixture context, and its key pair.
    fn meting(inst: &Instrument, label: &str, rng: &mut Lcg, iterations: u32) -> (Meting, KeyPair) {
        let draft = Draft {
            label: label.into(),
            context: Context {
                domein: Some("zorg_welzijn".into()),
                niveau: Some("2".into()),
                leerweg: Some("bol".into()),
            },
            pin: PIN.into(),
            pin_again: PIN.into(),
        };
        let seeds = Seeds {
            id: rng.bytes::<METING_ID_LEN>(),
            key: rng.bytes(),
            salt: rng.bytes(),
            nonce: rng.bytes(),
        };
        Meting::create(inst, &draft, WEEK, seeds, iterations).unwrap()
    }

    /// A fresh valid response of `inst`, sealed to `meting`, as envelope bytes.
    fn envelope(inst: &Instrument, meting: &Meting, rng: &mut Lcg) -> Vec<u8> {
        let plain = payload::encode(inst, &response(inst, rng)).unwrap();
        let sealed = seal::seal(&meting.public(), &plain, rng.bytes());
        Envelope { meting: meting.id, sealed }.to_bytes()
    }

    /// What `meting.json` and `staff-meting.json` hold.
    fn meting_json(meting: &Meting) -> serde_json::Value {
        let id = meting.id.to_text();
        json!({
            "id": id,
            "pin": PIN,
            "storage_key": StorageKey::Meting(id.clone()).as_string(),
            "storage_value": serde_json::to_string(&stored_meting(meting)).unwrap(),
            "fragment": meting.invitation(false).to_fragment(),
            "label": meting.label,
        })
    }

    /// Writes pretty JSON.
    fn write_json(path: &Path, value: &serde_json::Value) {
        let text = serde_json::to_string_pretty(value).unwrap();
        fs::write(path, text + "\n").unwrap();
    }

    /// An empty directory `name` under `out` (stale files of an earlier run removed).
    fn fresh_dir(out: &Path, name: &str) -> PathBuf {
        let dir = out.join(name);
        if dir.exists() {
            fs::remove_dir_all(&dir).unwrap();
        }
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    /// Writes `files` into `dir` and reports them on stderr.
    fn write_dir(dir: &Path, files: &[(String, Vec<u8>)]) {
        for (name, bytes) in files {
            fs::write(dir.join(name), bytes).unwrap();
        }
        let largest = files.iter().map(|(_, b)| b.len()).max().unwrap_or(0);
        let total: usize = files.iter().map(|(_, b)| b.len()).sum();
        eprintln!(
            "{}: {} files, {total} bytes, largest {largest} bytes",
            dir.display(),
            files.len()
        );
    }

    /// Takes `files` in the way the app does (the domain part of it, in order, one
    /// batch): how many responses are new, and each refused file's reason by name.
    fn import(
        unlocked: Unlocked<'_>,
        files: &[(String, Vec<u8>)],
    ) -> (usize, BTreeMap<String, String>) {
        let mut known = BTreeSet::new();
        let mut new = 0;
        let mut refused = BTreeMap::new();
        for (name, bytes) in files {
            match collect::take(unlocked, &mut known, envelope::read_file(bytes)) {
                Outcome::Taken { new: taken, .. } => new += taken.len(),
                Outcome::Refused { reason, .. } => {
                    refused.insert(name.clone(), format!("{reason:?}"));
                }
            }
        }
        (new, refused)
    }

    /// A response file holding one envelope.
    fn one(envelope: &[u8]) -> Vec<u8> {
        envelope::file_bytes(&[envelope])
    }

    /// Generates everything into the directory given as the only argument, and checks it
    /// with the domain's own import before writing `expected.json`.
    pub fn main() {
        let out = std::env::args_os()
            .nth(1)
            .map(PathBuf::from)
            .expect("usage: cargo run --example fixtures -- <out dir>");
        fs::create_dir_all(&out).unwrap();
        let student = builtin::student().unwrap();
        let staff = builtin::staff().unwrap();
        let mut rng = Lcg(2468);

        let (student_meting, student_keys) =
            meting(&student, "Fixture 2B", &mut rng, DEFAULT_ITERATIONS);
        let (staff_meting, staff_keys) =
            meting(&staff, "Fixture team", &mut rng, DEFAULT_ITERATIONS);
        // Only its id and public key matter: it is never stored or unlocked, so one PBKDF2
        // round saves time.
        let (other_meting, _) = meting(&student, "Andere meting", &mut rng, 1);
        write_json(&out.join("meting.json"), &meting_json(&student_meting));
        write_json(&out.join("staff-meting.json"), &meting_json(&staff_meting));
        let students_unlocked =
            Unlocked { meting: &student_meting, keys: &student_keys, instrument: &student };
        let staff_unlocked =
            Unlocked { meting: &staff_meting, keys: &staff_keys, instrument: &staff };

        // import30/: 27 good, three refused for three different reasons.
        let mut files: Vec<(String, Vec<u8>)> = (1..=27)
            .map(|n| {
                (
                    format!("antwoord-{n:02}.spiegel"),
                    one(&envelope(&student, &student_meting, &mut rng)),
                )
            })
            .collect();
        let mut damaged = envelope(&student, &student_meting, &mut rng);
        let sealed_len = damaged.len() - envelope::ENVELOPE_OVERHEAD;
        damaged[4 + METING_ID_LEN + sealed_len / 2] ^= 0xff;
        files.push(("kapot.spiegel".into(), one(&damaged)));
        files.push((
            "andere-meting.spiegel".into(),
            one(&envelope(&student, &other_meting, &mut rng)),
        ));
        files.push(("notities.txt".into(), b"boodschappen: melk, brood\n".to_vec()));
        let (import30_new, import30_refused) = import(students_unlocked, &files);
        assert_eq!(import30_new, 27, "import30: every good file is new");
        assert_eq!(
            import30_refused.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect::<Vec<_>>(),
            [
                ("andere-meting.spiegel", "OtherMeting"),
                ("kapot.spiegel", "Damaged"),
                ("notities.txt", "NotSpiegel"),
            ],
            "import30: the three bad files are refused for their own reasons"
        );
        write_dir(&fresh_dir(&out, "import30"), &files);

        // bench500/: 500 good ones.
        let files: Vec<(String, Vec<u8>)> = (0..500)
            .map(|n| {
                (format!("r-{n:03}.spiegel"), one(&envelope(&student, &student_meting, &mut rng)))
            })
            .collect();
        let (bench500_new, refused) = import(students_unlocked, &files);
        assert_eq!((bench500_new, refused.len()), (500, 0), "bench500: all new");
        write_dir(&fresh_dir(&out, "bench500"), &files);

        // class/: one class's students and their team, and the students again in one file.
        let students: Vec<Vec<u8>> =
            (0..40).map(|_| envelope(&student, &student_meting, &mut rng)).collect();
        let mut student_files: Vec<(String, Vec<u8>)> = students
            .iter()
            .enumerate()
            .map(|(n, e)| (format!("student-{:02}.spiegel", n + 1), one(e)))
            .collect();
        let staff_files: Vec<(String, Vec<u8>)> = (1..=8)
            .map(|n| {
                (format!("staff-{n:02}.spiegel"), one(&envelope(&staff, &staff_meting, &mut rng)))
            })
            .collect();
        let all = ("all-students.spiegel".to_string(), envelope::file_bytes(&students));
        assert_eq!(import(students_unlocked, &student_files), (40, BTreeMap::new()));
        assert_eq!(import(students_unlocked, std::slice::from_ref(&all)), (40, BTreeMap::new()));
        assert_eq!(import(staff_unlocked, &staff_files), (8, BTreeMap::new()));
        student_files.extend(staff_files);
        student_files.push(all);
        write_dir(&fresh_dir(&out, "class"), &student_files);

        write_json(
            &out.join("expected.json"),
            &json!({
                "import30": { "new": import30_new, "refused": import30_refused },
                "bench500": bench500_new,
            }),
        );
    }
}
