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
//! - `mirror/`: a designed class for the mirror views (issue 5), 40 student and 8 staff
//!   responses, one per file (`student-NN.spiegel`, `staff-NN.spiegel`), sealed to the
//!   same two metingen; see `host::mirror` for what it is designed to show;
//! - `expected.json`: what importing `import30/` and `bench500/` should report, and under
//!   `"mirror"` what the analysis of `mirror/` says (checked here with
//!   `spiegel::domain::analysis::analyse` before it is written).
//!
//! Every response is synthetic (`tests/common/synthetic.rs`): only items shown under
//! their `show_if` are answered, as the app does. One line per directory goes to stderr:
//! how many files and the largest.
#![allow(clippy::unwrap_used, clippy::print_stdout)]

#[cfg(not(target_arch = "wasm32"))]
#[path = "common/synthetic.rs"]
mod synthetic;

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

        // mirror/: the designed class, checked by the analysis itself.
        let class = mirror::class(&student, &staff, &mut rng);
        let mirror_expected = mirror::expected(&student, &staff, &class);
        let mut files = sealed(&student, &student_meting, &mut rng, "student", &class.students);
        let staff_files = sealed(&staff, &staff_meting, &mut rng, "staff", &class.staff);
        // What the team device opens is exactly what was designed and analysed.
        assert_eq!(import_all(students_unlocked, &files), class.students);
        assert_eq!(import_all(staff_unlocked, &staff_files), class.staff);
        files.extend(staff_files);
        write_dir(&fresh_dir(&out, "mirror"), &files);

        write_json(
            &out.join("expected.json"),
            &json!({
                "import30": { "new": import30_new.len(), "refused": import30_refused },
                "bench500": bench500_new,
                "mirror": mirror_expected,
            }),
        );
    }

    /// The designed mirror class for the mirror views of issue 5: 40 students and a team
    /// of 8, made so that each verdict and each kind of hidden figure shows up once.
    ///
    /// Students (the rest of every response is random, only items shown answered):
    /// - `toekomstwens`: 12 niveau3, 12 niveau4, 6 werken, 4 eerst_werken,
    ///   3 andere_niveau2, 3 anders;
    /// - `nodig_pedagogisch`: 24 of 40 include `vertrouwen`;
    /// - `diploma_wil` (eens4): 18 answer 4, 18 answer 3, 3 answer 2, 1 answers 1;
    /// - `stage`: 4 ja, 36 nee, so `stage_leren` (shown only after ja) has 4 answers.
    ///
    /// Staff: `rol` 5 docent, 1 mentor, 1 manager, 1 zorg (each role routed to its own
    /// sections), and:
    /// - `est_doorleren` 6 klein_deel, 2 helft: students say 24/40 (Wilson 45–74 %), the
    ///   majority band 10–40 % lies below, so the team **underestimates**;
    /// - `est_werken` 6 groot_deel, 2 helft: students 6/40 (7–29 %), 60–90 % lies above:
    ///   **overestimates**;
    /// - `est_zelfvertrouwen` 4 klein_deel, 4 groot_deel: no band has more than half:
    ///   **divided**;
    /// - `est_diploma_wil` 7 bijna_alle, 1 groot_deel: students 36/40 (77–96 %) overlap
    ///   90–100 %: **right**;
    /// - `est_stage_leren`: its student share rests on 4 answers, fewer than k = 5, so it
    ///   is hidden and the verdict unknown;
    /// - the opleidingsmanager against the zorgcoördinator: one each, so hidden;
    /// - `team_slaagt` (a self-assessment without mirror, shown to every role): 4 at the
    ///   lowest point, 4 at the highest, so it needs a teamafspraak;
    /// - every other estimate leans the way of its theme ([`mirror::THEME_LEANING`]: 6 of 8
    ///   on the band that gives it), and every other scale item without mirror has 6 of 8
    ///   on one point, so the overview shows right, over- and underestimating themes.
    pub mod mirror {
        use std::collections::BTreeMap;

        use serde_json::json;
        use spiegel::domain::analysis::{analyse, Bands, Estimate, Figure, Settings, Verdict};
        use spiegel::domain::answer::Answer;
        use spiegel::domain::instrument::{Instrument, ItemKind, SHARE_BANDS};
        use spiegel::domain::response::Response;

        use crate::synthetic::{response_with, Lcg};

        /// Students in the class.
        pub const STUDENTS: usize = 40;
        /// Staff in the team.
        pub const STAFF: usize = 8;

        /// An answer code and how many respondents give it.
        type Parts = &'static [(&'static str, usize)];

        /// The designed student single-answer items: code counts per item.
        const STUDENT_DESIGN: [(&str, Parts); 3] = [
            (
                "toekomstwens",
                &[
                    ("niveau3", 12),
                    ("niveau4", 12),
                    ("werken", 6),
                    ("eerst_werken", 4),
                    ("andere_niveau2", 3),
                    ("anders", 3),
                ],
            ),
            ("diploma_wil", &[("4", 18), ("3", 18), ("2", 3), ("1", 1)]),
            ("stage", &[("ja", 4), ("nee", 36)]),
        ];

        /// Students whose `nodig_pedagogisch` includes `vertrouwen`.
        const NEED_CONFIDENCE: usize = 24;

        /// The designed staff items: code counts per item.
        const STAFF_DESIGN: [(&str, Parts); 6] = [
            ("rol", &[("docent", 5), ("mentor", 1), ("manager", 1), ("zorg", 1)]),
            ("est_doorleren", &[("klein_deel", 6), ("helft", 2)]),
            ("est_werken", &[("groot_deel", 6), ("helft", 2)]),
            ("est_zelfvertrouwen", &[("klein_deel", 4), ("groot_deel", 4)]),
            ("est_diploma_wil", &[("bijna_alle", 7), ("groot_deel", 1)]),
            ("team_slaagt", &[("niet", 4), ("hoge_mate", 4)]),
        ];

        /// The self-assessment item designed to need a teamafspraak.
        pub const CONSENSUS_ITEM: &str = "team_slaagt";

        /// The designed verdicts of the four designed estimates.
        const VERDICTS: [(&str, Verdict); 4] = [
            ("est_doorleren", Verdict::Under),
            ("est_werken", Verdict::Over),
            ("est_zelfvertrouwen", Verdict::Divided),
            ("est_diploma_wil", Verdict::Right),
        ];

        /// The estimate whose student share is hidden (too few answers).
        const HIDDEN_ESTIMATE: &str = "est_stage_leren";

        /// The class: student and staff responses, in file order.
        pub struct Class {
            /// The 40 student responses.
            pub students: Vec<Response>,
            /// The 8 staff responses.
            pub staff: Vec<Response>,
        }

        /// One pinned answer per respondent for each designed item, the codes of each item
        /// in a random order over the `count` respondents.
        fn pinned(
            rng: &mut Lcg,
            design: &[(&'static str, Parts)],
            count: usize,
        ) -> Vec<BTreeMap<&'static str, Answer>> {
            let mut out = vec![BTreeMap::new(); count];
            for (item, parts) in design {
                let codes: Vec<&str> =
                    parts.iter().flat_map(|(code, n)| std::iter::repeat_n(*code, *n)).collect();
                assert_eq!(codes.len(), count, "{item}: the design covers every respondent");
                for (answers, code) in out.iter_mut().zip(rng.shuffle(codes)) {
                    answers.insert(*item, Answer::Choice(code.into()));
                }
            }
            out
        }

        /// A `nodig_pedagogisch` answer with or without `vertrouwen`; the other codes
        /// random, "niets" only on its own. Codes in option order.
        fn needs(rng: &mut Lcg, confidence: bool) -> Answer {
            const OTHERS: [&str; 3] = ["best_doen", "aanmoediging", "prioriteit"];
            if !confidence && rng.below(4) == 0 {
                return Answer::Choices(vec!["niets".into()]);
            }
            let mut codes: Vec<String> =
                confidence.then(|| "vertrouwen".to_string()).into_iter().collect();
            codes.extend(OTHERS.iter().filter(|_| rng.below(3) == 0).map(|c| c.to_string()));
            if codes.is_empty() {
                codes.push(OTHERS[rng.below(OTHERS.len())].into());
            }
            Answer::Choices(codes)
        }

        /// How most of the team sees the estimates not designed one by one, per student
        /// theme, so that the overview shows every kind of verdict.
        pub const THEME_LEANING: [(&str, Verdict); 6] = [
            ("toekomst", Verdict::Over),
            ("behoeften", Verdict::Right),
            ("zorg", Verdict::Under),
            ("vertrouwen", Verdict::Under),
            ("tevredenheid", Verdict::Right),
            ("structuur", Verdict::Over),
        ];

        /// The staff answers (8 codes each) of every estimate and self-assessment scale
        /// item not designed above: for an estimate, 6 of 8 on the band that gives its
        /// theme's leaning against what `students` say (the students' own band when no
        /// band can), 2 on neighbouring bands; for a scale item without mirror, 6 on one
        /// random point and 2 random.
        fn leaning(
            student: &Instrument,
            staff: &Instrument,
            students: &[Response],
            rng: &mut Lcg,
        ) -> Vec<(String, Vec<String>)> {
            let designed = |id: &str| STAFF_DESIGN.iter().any(|(item, _)| *item == id);
            let report = analyse(student, staff, students, &[], &Settings::default());
            let bands = Bands::default();
            let mut out = Vec::new();
            for theme in &report.themes {
                let lean = THEME_LEANING.iter().find(|(t, _)| *t == theme.theme).map(|l| l.1);
                for e in theme.estimates.iter().filter(|e| !designed(&e.staff_item)) {
                    let (Some(lean), Some(s)) = (lean, e.students.shown()) else { continue };
                    let range = |b: usize| {
                        let (lo, hi) = bands.range(b);
                        (f64::from(lo) / 100.0, f64::from(hi) / 100.0)
                    };
                    let own = (0..5).find(|&b| s.p <= range(b).1).unwrap_or(4);
                    let band = match lean {
                        Verdict::Under => (0..5).rev().find(|&b| range(b).1 < s.ci.lo),
                        Verdict::Over => (0..5).find(|&b| range(b).0 > s.ci.hi),
                        _ => None,
                    }
                    .unwrap_or(own);
                    let code = |b: usize| SHARE_BANDS[b.min(4)].0.to_string();
                    let mut codes = vec![code(band); 6];
                    codes.push(code(band.saturating_sub(1)));
                    codes.push(code(band + 1));
                    out.push((e.staff_item.clone(), codes));
                }
            }
            for (_, item) in staff.items() {
                let ItemKind::Scale { points } = &item.kind else { continue };
                if item.mirror.is_some() || designed(&item.id) {
                    continue;
                }
                let point = |rng: &mut Lcg| points[rng.below(points.len())].code.clone();
                let most = point(rng);
                let mut codes = vec![most; 6];
                codes.push(point(rng));
                codes.push(point(rng));
                out.push((item.id.clone(), codes));
            }
            out
        }

        /// The designed class; everything not designed is a random answer.
        pub fn class(student: &Instrument, staff: &Instrument, rng: &mut Lcg) -> Class {
            let mut answers = pinned(rng, &STUDENT_DESIGN, STUDENTS);
            let confidence = rng.shuffle((0..STUDENTS).map(|n| n < NEED_CONFIDENCE).collect());
            for (a, c) in answers.iter_mut().zip(confidence) {
                a.insert("nodig_pedagogisch", needs(rng, c));
            }
            let students: Vec<Response> = answers
                .iter()
                .enumerate()
                .map(|(n, a)| response_with(student, rng, n + 1, a))
                .collect();
            let leaning = leaning(student, staff, &students, rng);
            let mut answers: Vec<BTreeMap<&str, Answer>> = pinned(rng, &STAFF_DESIGN, STAFF);
            for (item, codes) in &leaning {
                for (a, code) in answers.iter_mut().zip(rng.shuffle(codes.clone())) {
                    a.insert(item.as_str(), Answer::Choice(code));
                }
            }
            let staff = answers
                .iter()
                .enumerate()
                .map(|(n, a)| response_with(staff, rng, n + 1, a))
                .collect();
            Class { students, staff }
        }

        /// Analyses the class with the default settings, checks that it shows what it was
        /// designed to show, and returns `expected.json`'s `"mirror"` object.
        pub fn expected(
            student: &Instrument,
            staff: &Instrument,
            class: &Class,
        ) -> serde_json::Value {
            let report =
                analyse(student, staff, &class.students, &class.staff, &Settings::default());
            assert_eq!((report.students, report.staff, report.ignored), (STUDENTS, STAFF, 0));
            let estimates: BTreeMap<&str, &Estimate> = report
                .themes
                .iter()
                .flat_map(|t| &t.estimates)
                .map(|e| (e.staff_item.as_str(), e))
                .collect();
            let share = |item: &str| estimates[item].students.shown().map(|s| (s.x, s.n));
            assert_eq!(share("est_doorleren"), Some((24, 40)));
            assert_eq!(share("est_werken"), Some((6, 40)));
            assert_eq!(share("est_zelfvertrouwen"), Some((NEED_CONFIDENCE, 40)));
            assert_eq!(share("est_diploma_wil"), Some((36, 40)));
            let doorleren = estimates["est_doorleren"].students.shown().unwrap().ci;
            assert!(doorleren.lo > 0.44 && doorleren.lo < 0.46, "{doorleren:?}");
            assert!(doorleren.hi > 0.73 && doorleren.hi < 0.75, "{doorleren:?}");
            for (item, verdict) in VERDICTS {
                assert_eq!(estimates[item].verdict, verdict, "{item}");
            }
            let hidden = estimates[HIDDEN_ESTIMATE];
            assert_eq!(hidden.students, Figure::Suppressed { n: 4, k: 5 });
            assert!(hidden.staff.shown().is_some());
            assert_eq!(hidden.verdict, Verdict::Unknown);
            assert!(!report.roles.is_empty(), "the staff instrument has a shared block");
            for r in &report.roles {
                assert!(
                    r.manager.shown().is_none()
                        && r.zorg.shown().is_none()
                        && r.difference.shown().is_none(),
                    "role comparison on {} {:?} is hidden",
                    r.item,
                    r.row
                );
            }
            let designed = report
                .consensus
                .iter()
                .find(|c| c.item == CONSENSUS_ITEM && c.row.is_none())
                .expect("the consensus item is a self-assessment");
            let spread = designed.spread.shown().expect("all 8 staff answer it");
            assert_eq!((spread.counts.as_slice(), spread.n), (&[4, 0, 4][..], STAFF));
            assert!(spread.needs_team_agreement);

            let theme_verdicts: Vec<Verdict> = report
                .themes
                .iter()
                .filter(|t| !t.estimates.is_empty())
                .map(|t| t.verdict)
                .collect();
            for v in [Verdict::Right, Verdict::Over, Verdict::Under, Verdict::Unknown] {
                assert!(theme_verdicts.contains(&v), "some theme is {v:?}: {theme_verdicts:?}");
            }
            let name = |v: Verdict| format!("{v:?}");
            // Themes with share estimates have a verdict; the others (statements asked of
            // both groups only) have none.
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
            assert_eq!(suppressed, [HIDDEN_ESTIMATE], "only the designed estimate is hidden");
            let shares: BTreeMap<&str, serde_json::Value> = estimates
                .iter()
                .filter_map(|(item, e)| e.students.shown().map(|s| (*item, json!([s.x, s.n]))))
                .collect();
            let flagged: Vec<serde_json::Value> = report
                .consensus
                .iter()
                .filter(|c| c.spread.shown().is_some_and(|s| s.needs_team_agreement))
                .map(|c| json!({ "item": c.item, "row": c.row }))
                .collect();
            json!({
                "students": report.students,
                "staff": report.staff,
                "themes": themes,
                "estimates": verdicts,
                "suppressed_estimates": suppressed,
                "student_shares": shares,
                "flagged": flagged,
                "consensus_item": {
                    "item": CONSENSUS_ITEM,
                    "row": null,
                    "counts": spread.counts,
                    "n": spread.n,
                    "needs_team_agreement": true,
                },
            })
        }
    }
}
