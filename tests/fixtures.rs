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
//!   invitation fragments (own device and kiosk);
//! - `import30/`: 27 valid student responses, one damaged file, one response of another
//!   meting and a text file that is not Spiegel at all;
//! - `bench500/`: 500 valid, distinct student responses, one per file;
//! - `big20k/`: 20,000 valid, distinct student responses in two files of 10,000;
//! - `class/`: 40 student and 8 staff responses, one per file, and `all-students.spiegel`
//!   holding the same 40 student responses in one file;
//! - `mirror/`: one draw of the class built from seed 000's own figures at 25 students and
//!   8 staff (`tests/common/seed000.rs`), one response per file (`student-NN.spiegel`,
//!   `staff-NN.spiegel`), sealed to the same two metingen;
//! - `earlier/`, `earlier-meting.json`, `earlier-staff-meting.json`: another draw of that
//!   class, sealed to a pair of metingen of its own (the class a year before);
//! - `seed000-verdicts.md`: that class's verdicts over 30 draws at 25/8 and 497/154;
//! - `expected.json`: what importing `import30/` and `bench500/` should report, and under
//!   `"mirror"` what the analysis of `mirror/` says (checked here with
//!   `spiegel::domain::analysis::analyse` before it is written), and under `"change"` the
//!   verdict per theme before and now, as the mirror's change view words them.
//!
//! Every response is synthetic (`tests/common/synthetic.rs`): only items shown under
//! their `show_if` are answered, as the app does. One line per directory goes to stderr:
//! how many files and the largest.
#![allow(clippy::unwrap_used, clippy::print_stdout)]

#[cfg(not(target_arch = "wasm32"))]
#[path = "common/synthetic.rs"]
mod synthetic;

#[cfg(not(target_arch = "wasm32"))]
#[path = "common/seed000.rs"]
mod seed000;

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
    use spiegel::domain::builtin;
    use spiegel::domain::collect::{self, Outcome, Unlocked};
    use spiegel::domain::envelope::{self, Envelope};
    use spiegel::domain::instrument::Instrument;
    use spiegel::domain::meting::{Context, Draft, Meting, Seeds, METING_ID_LEN};
    use spiegel::domain::payload;
    use spiegel::domain::response::Response;
    use spiegel::domain::seal::{self, KeyPair, DEFAULT_ITERATIONS};
    use spiegel::storage::collection::stored_meting;
    use spiegel::storage::StorageKey;

    use crate::synthetic::{response, Lcg, WEEK};

    /// The staff PIN of both fixture metingen.
    pub const PIN: &str = "fixture-2468";

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

    /// `response` of `inst`, sealed to `meting`, as envelope bytes.
    fn seal(inst: &Instrument, meting: &Meting, rng: &mut Lcg, response: &Response) -> Vec<u8> {
        let plain = payload::encode(inst, response).unwrap();
        let sealed = seal::seal(&meting.public(), &plain, rng.bytes());
        Envelope { meting: meting.id, sealed }.to_bytes()
    }

    /// A fresh synthetic response of respondent `n` to `inst`, sealed to `meting`, as
    /// envelope bytes.
    fn envelope(inst: &Instrument, meting: &Meting, rng: &mut Lcg, n: usize) -> Vec<u8> {
        let response = response(inst, rng, n);
        seal(inst, meting, rng, &response)
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
            "kiosk_fragment": meting.invitation(true).to_fragment(),
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
    /// batch): the new responses, opened, and each refused file's reason by name.
    fn import(
        unlocked: Unlocked<'_>,
        files: &[(String, Vec<u8>)],
    ) -> (Vec<Response>, BTreeMap<String, String>) {
        let mut known = BTreeSet::new();
        let mut new = Vec::new();
        let mut refused = BTreeMap::new();
        for (name, bytes) in files {
            match collect::take(unlocked, &mut known, envelope::read_file(bytes)) {
                Outcome::Taken { new: taken, .. } => {
                    new.extend(taken.into_iter().map(|t| t.response));
                }
                Outcome::Refused { reason, .. } => {
                    refused.insert(name.clone(), format!("{reason:?}"));
                }
            }
        }
        (new, refused)
    }

    /// The new responses importing `files` gives, checking that none is refused.
    fn import_all(unlocked: Unlocked<'_>, files: &[(String, Vec<u8>)]) -> Vec<Response> {
        let (new, refused) = import(unlocked, files);
        assert_eq!(refused, BTreeMap::new(), "no file is refused");
        new
    }

    /// `responses` of `inst` sealed to `meting`, one response file each, named
    /// `<who>-NN.spiegel` from 01.
    fn sealed(
        inst: &Instrument,
        meting: &Meting,
        rng: &mut Lcg,
        who: &str,
        responses: &[Response],
    ) -> Vec<(String, Vec<u8>)> {
        let name = |n: usize| format!("{who}-{:02}.spiegel", n + 1);
        responses
            .iter()
            .enumerate()
            .map(|(n, r)| (name(n), one(&seal(inst, meting, rng, r))))
            .collect()
    }

    /// A response file holding one envelope.
    fn one(envelope: &[u8]) -> Vec<u8> {
        envelope::file_bytes(&[envelope])
    }

    /// Generates everything into the directory given as the only argument, and checks it
    /// with the domain's own import (and analysis) before writing `expected.json`.
    pub fn main() {
        let out = std::env::args_os()
            .nth(1)
            .map(PathBuf::from)
            .expect("usage: cargo run --example fixtures -- <out dir>");
        fs::create_dir_all(&out).unwrap();
        // The designed mirror class (below) was designed on the first versions: student
        // 1.0.0 with staff 1.1.0, which the app keeps, so its metingen still open.
        let student = builtin::version(builtin::STUDENT_ID, "1.0.0").unwrap().parse().unwrap();
        let staff = builtin::version(builtin::STAFF_ID, "1.1.0").unwrap().parse().unwrap();
        let mut rng = Lcg::new(2468);

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
                    one(&envelope(&student, &student_meting, &mut rng, n)),
                )
            })
            .collect();
        let mut damaged = envelope(&student, &student_meting, &mut rng, 28);
        let sealed_len = damaged.len() - envelope::ENVELOPE_OVERHEAD;
        damaged[4 + METING_ID_LEN + sealed_len / 2] ^= 0xff;
        files.push(("kapot.spiegel".into(), one(&damaged)));
        files.push((
            "andere-meting.spiegel".into(),
            one(&envelope(&student, &other_meting, &mut rng, 29)),
        ));
        files.push(("notities.txt".into(), b"boodschappen: melk, brood\n".to_vec()));
        let (import30_new, import30_refused) = import(students_unlocked, &files);
        assert_eq!(import30_new.len(), 27, "import30: every good file is new");
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
                (
                    format!("r-{n:03}.spiegel"),
                    one(&envelope(&student, &student_meting, &mut rng, n)),
                )
            })
            .collect();
        let bench500_new = import_all(students_unlocked, &files).len();
        assert_eq!(bench500_new, 500, "bench500: all new");
        write_dir(&fresh_dir(&out, "bench500"), &files);

        // big20k/: 20,000 student responses in two files of 10,000 (the most one file
        // holds): the team device stores and reads them back (end-to-end and bench).
        let big: Vec<Vec<u8>> = (0..20_000)
            .map(|n| envelope(&student, &student_meting, &mut rng, 100_000 + n))
            .collect();
        let files: Vec<(String, Vec<u8>)> = big
            .chunks(envelope::MAX_FILE_ENVELOPES)
            .enumerate()
            .map(|(n, part)| (format!("big-{}.spiegel", n + 1), envelope::file_bytes(part)))
            .collect();
        assert_eq!(import_all(students_unlocked, &files).len(), 20_000, "big20k: all new");
        write_dir(&fresh_dir(&out, "big20k"), &files);

        // class/: one class's students and their team, and the students again in one file.
        let students: Vec<Vec<u8>> =
            (1..=40).map(|n| envelope(&student, &student_meting, &mut rng, n)).collect();
        let mut student_files: Vec<(String, Vec<u8>)> = students
            .iter()
            .enumerate()
            .map(|(n, e)| (format!("student-{:02}.spiegel", n + 1), one(e)))
            .collect();
        let staff_files: Vec<(String, Vec<u8>)> = (1..=8)
            .map(|n| {
                (
                    format!("staff-{n:02}.spiegel"),
                    one(&envelope(&staff, &staff_meting, &mut rng, n)),
                )
            })
            .collect();
        let all = ("all-students.spiegel".to_string(), envelope::file_bytes(&students));
        assert_eq!(import_all(students_unlocked, &student_files).len(), 40);
        assert_eq!(import_all(students_unlocked, std::slice::from_ref(&all)).len(), 40);
        assert_eq!(import_all(staff_unlocked, &staff_files).len(), 8);
        student_files.extend(staff_files);
        student_files.push(all);
        write_dir(&fresh_dir(&out, "class"), &student_files);

        // mirror/: the seed-000 class at 25/8, checked by the analysis itself: the first of
        // the host test's draws that also hides a question (too few students on a placement).
        let class = mirror::class(&student, &staff);
        let mirror_expected = mirror::expected(&student, &staff, &class);
        let mut files = sealed(&student, &student_meting, &mut rng, "student", &class.students);
        let staff_files = sealed(&staff, &staff_meting, &mut rng, "staff", &class.staff);
        // What the team device opens is exactly what was designed and analysed.
        assert_eq!(import_all(students_unlocked, &files), class.students);
        assert_eq!(import_all(staff_unlocked, &staff_files), class.staff);
        files.extend(staff_files);
        write_dir(&fresh_dir(&out, "mirror"), &files);

        // earlier/: the same class a year before (another draw of the seed-000 class),
        // sealed to a pair of metingen of its own, so the mirror can show the change over
        // time from metingen on the device. Made last, so the files above stay as they were.
        let (earlier_meting, earlier_keys) =
            meting(&student, "Fixture 2B vorig jaar", &mut rng, DEFAULT_ITERATIONS);
        let (earlier_staff_meting, earlier_staff_keys) =
            meting(&staff, "Fixture team vorig jaar", &mut rng, DEFAULT_ITERATIONS);
        let before = mirror::earlier_class(&student, &staff);
        let mut files = sealed(&student, &earlier_meting, &mut rng, "student", &before.students);
        let staff_files = sealed(&staff, &earlier_staff_meting, &mut rng, "staff", &before.staff);
        let earlier_students =
            Unlocked { meting: &earlier_meting, keys: &earlier_keys, instrument: &student };
        let earlier_staff = Unlocked {
            meting: &earlier_staff_meting,
            keys: &earlier_staff_keys,
            instrument: &staff,
        };
        assert_eq!(import_all(earlier_students, &files), before.students);
        assert_eq!(import_all(earlier_staff, &staff_files), before.staff);
        files.extend(staff_files);
        write_dir(&fresh_dir(&out, "earlier"), &files);
        write_json(&out.join("earlier-meting.json"), &meting_json(&earlier_meting));
        write_json(&out.join("earlier-staff-meting.json"), &meting_json(&earlier_staff_meting));

        fs::write(out.join("seed000-verdicts.md"), mirror::verdict_table()).unwrap();
        write_json(
            &out.join("expected.json"),
            &json!({
                "import30": { "new": import30_new.len(), "refused": import30_refused },
                "bench500": bench500_new,
                "mirror": mirror_expected,
                "change": mirror::change(&student, &staff, &before, &class),
            }),
        );
    }

    /// The mirror's fixture: one draw of the class built from seed 000's own figures
    /// (`tests/common/seed000.rs`) at 25 students and a team of 8, checked by the analysis
    /// itself, and a table of its verdicts over 30 draws at 25/8 and at the report's size
    /// (497/154) for the README and the closing note (`seed000-verdicts.md`).
    pub mod mirror {
        use std::collections::BTreeMap;

        use serde_json::json;
        use spiegel::domain::analysis::summary::summary;
        use spiegel::domain::analysis::{analyse, compare, Estimate, Report, Settings, Verdict};
        use spiegel::domain::instrument::Instrument;
        use spiegel::domain::response::Response;
        use spiegel::domain::text::Lang;

        use crate::seed000;
        use crate::synthetic::Lcg;

        /// Students in the class.
        pub const STUDENTS: usize = 25;
        /// Staff in the team.
        pub const STAFF: usize = 8;

        /// The class: student and staff responses, in file order.
        pub struct Class {
            /// The student responses.
            pub students: Vec<Response>,
            /// The staff responses.
            pub staff: Vec<Response>,
        }

        /// The first of the 30 draws of the seed-000 class at 25/8 (the host test's, seeded
        /// the same way) in which the placement question rests on fewer than 5 students, so
        /// the end-to-end test sees a hidden figure too.
        pub fn class(student: &Instrument, staff: &Instrument) -> Class {
            for seed in 1..=30u64 {
                let mut rng = Lcg::new(seed * 7919 + STUDENTS as u64);
                let (students, staff_responses) =
                    seed000::class(student, staff, STUDENTS, STAFF, &mut rng);
                let report =
                    analyse(student, staff, &students, &staff_responses, &Settings::default());
                if estimates(&report)["est_stage_leren"].students.shown().is_none() {
                    return Class { students, staff: staff_responses };
                }
            }
            panic!("no draw hides the placement question");
        }

        /// The class a year before: the draw after the 30 of [`class`], so another
        /// sample of the same seed-000 figures.
        pub fn earlier_class(student: &Instrument, staff: &Instrument) -> Class {
            let mut rng = Lcg::new(31 * 7919 + STUDENTS as u64);
            let (students, staff_responses) =
                seed000::class(student, staff, STUDENTS, STAFF, &mut rng);
            Class { students, staff: staff_responses }
        }

        /// `expected.json`'s `"change"`: per theme, the verdict of `before` and of `now`
        /// as the mirror's change view words them ("Team overschat → Team ziet het goed"),
        /// from the domain's own comparison with the default settings.
        pub fn change(
            student: &Instrument,
            staff: &Instrument,
            before: &Class,
            now: &Class,
        ) -> serde_json::Value {
            let report =
                |c: &Class| analyse(student, staff, &c.students, &c.staff, &Settings::default());
            let changes = compare(&report(before), &report(now));
            assert!(!changes.is_empty(), "the two classes share themes");
            let words: BTreeMap<&str, String> = changes
                .iter()
                .map(|c| {
                    let words =
                        format!("{} → {}", c.before.label(Lang::Nl), c.after.label(Lang::Nl));
                    (c.theme.as_str(), words)
                })
                .collect();
            json!(words)
        }

        fn estimates(report: &Report) -> BTreeMap<&str, &Estimate> {
            report
                .themes
                .iter()
                .flat_map(|t| &t.estimates)
                .map(|e| (e.staff_item.as_str(), e))
                .collect()
        }

        /// Analyses the class with the default settings, checks that it finds what seed
        /// 000 found, and returns `expected.json`'s `"mirror"` object.
        pub fn expected(
            student: &Instrument,
            staff: &Instrument,
            class: &Class,
        ) -> serde_json::Value {
            let report =
                analyse(student, staff, &class.students, &class.staff, &Settings::default());
            assert_eq!((report.students, report.staff, report.ignored), (STUDENTS, STAFF, 0));
            let estimates = estimates(&report);
            assert_eq!(estimates["est_werken"].verdict, Verdict::Over);
            assert_eq!(estimates["est_doorleren"].verdict, Verdict::Divided);
            assert!(estimates["est_stage_leren"].students.shown().is_none());
            let name = |v: Verdict| format!("{v:?}");
            let themes: BTreeMap<&str, String> = report
                .themes
                .iter()
                .filter(|t| !t.estimates.is_empty())
                .map(|t| (t.theme.as_str(), name(t.verdict)))
                .collect();
            let verdicts: BTreeMap<&str, String> =
                estimates.iter().map(|(item, e)| (*item, name(e.verdict))).collect();
            let suppressed: Vec<&str> = estimates
                .iter()
                .filter(|(_, e)| e.students.shown().is_none() || e.staff.shown().is_none())
                .map(|(item, _)| *item)
                .collect();
            let flagged: Vec<serde_json::Value> = report
                .consensus
                .iter()
                .filter(|c| c.spread.shown().is_some_and(|s| s.needs_team_agreement))
                .map(|c| json!({ "item": c.item, "row": c.row }))
                .collect();
            // The order of the overview's chart: the biggest gap first.
            let mut order: Vec<&&Estimate> = estimates.values().collect();
            let weight = |e: &Estimate| match e.verdict {
                Verdict::Unknown => -1.0,
                _ => e.gap.map_or(0.0, |g| g.weight),
            };
            let position = |e: &Estimate| staff.items().position(|(_, i)| i.id == e.staff_item);
            order.sort_by(|a, b| {
                weight(b).total_cmp(&weight(a)).then(position(a).cmp(&position(b)))
            });
            json!({
                "students": report.students,
                "staff": report.staff,
                "themes": themes,
                "estimates": verdicts,
                "chart_order": order.iter().map(|e| e.staff_item.as_str()).collect::<Vec<_>>(),
                "suppressed_estimates": suppressed,
                "flagged": flagged,
                "summary": summary(&report, staff, Lang::Nl),
            })
        }

        /// `seed000-verdicts.md`: per estimate, its verdicts over 30 draws at 25/8 and at
        /// 497/154 (counts of each), and the summary of the first draw at each size.
        pub fn verdict_table() -> String {
            use spiegel::domain::builtin;
            let mut out = String::from("# The seed-000 class: verdicts over 30 draws\n");
            for design in [&seed000::V1, &seed000::V2] {
                let parse = |(id, version): (&str, &str)| {
                    builtin::version(id, version).unwrap().parse().unwrap()
                };
                let (student, staff): (Instrument, Instrument) =
                    (parse(design.student), parse(design.staff));
                let sizes = [(25, 8), (497, 154)];
                let mut counts: BTreeMap<String, [BTreeMap<String, usize>; 2]> = BTreeMap::new();
                let mut summaries = Vec::new();
                for (at, (students, team)) in sizes.iter().enumerate() {
                    for seed in 1..=30u64 {
                        let mut rng = Lcg::new(seed * 7919 + *students as u64);
                        let (s, t) =
                            seed000::class_of(design, &student, &staff, *students, *team, &mut rng);
                        let report = analyse(&student, &staff, &s, &t, &Settings::default());
                        for (item, e) in estimates(&report) {
                            let size = e.gap.and_then(|g| g.size);
                            let words = e.verdict.sized_label(size, Lang::Nl);
                            *counts.entry(item.to_string()).or_default()[at]
                                .entry(words)
                                .or_default() += 1;
                        }
                        if seed == 1 {
                            summaries.push((students, team, summary(&report, &staff, Lang::Nl)));
                        }
                    }
                }
                let cell = |m: &BTreeMap<String, usize>| {
                    let mut parts: Vec<(&String, &usize)> = m.iter().collect();
                    parts.sort_by(|a, b| b.1.cmp(a.1));
                    parts.iter().map(|(v, n)| format!("{v} ({n})")).collect::<Vec<_>>().join("; ")
                };
                out.push_str(&format!(
                    "\n## Student {}, staff {}\n\n| estimate | 25 students, 8 staff | 497 students, 154 staff |\n| --- | --- | --- |\n",
                    design.student.1, design.staff.1
                ));
                for (item, [small, large]) in &counts {
                    out.push_str(&format!("| {item} | {} | {} |\n", cell(small), cell(large)));
                }
                for (students, team, text) in summaries {
                    out.push_str(&format!("\n### Summary of draw 1 at {students}/{team}\n\n"));
                    for p in text {
                        out.push_str(&format!("> {p}\n>\n"));
                    }
                }
            }
            out
        }
    }
}
