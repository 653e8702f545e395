//! The anonymised export: golden files, the shipped JSON Schema, properties over
//! pseudo-random classes (k-anonymity, no free text unless chosen, no device ids or
//! labels, unlinkable ids, shuffled order, hidden small cells), scrubbing, reading back
//! (and every kind of bad file), CSV quoting and the Frictionless descriptor.
//!
//! Golden files live in `tests/golden/export/`. After an intended change of the format,
//! rewrite them with `SPIEGEL_BLESS=1 cargo test --offline --test host export::` and
//! review the diff before committing.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::OnceLock;

use serde_json::Value;
use spiegel::domain::analysis::{analyse, Settings};
use spiegel::domain::answer::{Answer, DONT_KNOW_CODE};
use spiegel::domain::builtin;
use spiegel::domain::condition::Condition;
use spiegel::domain::export::{
    export, meting_responses, meting_table, preview, read_export, scrub, texts, to_csv, to_json,
    Coarse, Coded, ExportDocument, ExportError, ExportInput, ExportOptions, ExportSheet,
    MetingInput, Pattern, Responses, TextKey, DATAPACKAGE, PLACEHOLDER, SKIPPED_CODE,
    SUPPRESSED_CODE,
};
use spiegel::domain::instrument::{Instrument, ItemKind};
use spiegel::domain::meting::{Context, Draft, Meting, Seeds};
use spiegel::domain::response::Response;
use spiegel::domain::text::Lang;

use crate::support::instrument;

const STUDENT: &str = include_str!("../golden/export/student.instrument.json");
const STAFF: &str = include_str!("../golden/export/staff.instrument.json");
pub(crate) const WEEK: &str = "2026-W48";

// ---- builders -------------------------------------------------------------------------

pub(crate) fn student() -> Instrument {
    instrument(STUDENT)
}

fn staff() -> Instrument {
    instrument(STAFF)
}

/// A meting whose id bytes are `id` and whose label is "Klas <id> geheimlabel", so tests
/// can look for both in the output.
pub(crate) fn meting(id: [u8; 8], inst: &Instrument, context: Context, week: &str) -> Meting {
    let draft = Draft {
        label: format!("Klas {} geheimlabel", id[0]),
        context,
        pin: "482913".into(),
        pin_again: "482913".into(),
    };
    let seeds = Seeds { id, key: [id[0]; 32], salt: [1; 16], nonce: [2; 12] };
    Meting::create(inst, &draft, week, seeds, 1).unwrap().0
}

pub(crate) fn context(domein: &str, niveau: &str, leerweg: &str) -> Context {
    Context {
        domein: Some(domein.into()),
        niveau: Some(niveau.into()),
        leerweg: Some(leerweg.into()),
    }
}

fn choice(code: &str) -> Answer {
    Answer::Choice(code.into())
}

fn response(inst: &Instrument, id: usize, answers: Vec<(&str, Answer)>) -> Response {
    Response {
        id: format!("{id:08x}cafebabecafebabe00000000"),
        instrument: inst.id.clone(),
        instrument_version: inst.version.clone(),
        week: WEEK.into(),
        answers: answers.into_iter().map(|(k, a)| (k.to_string(), a)).collect(),
    }
}

/// A tiny deterministic generator (Knuth's MMIX LCG), so the properties need no crate.
pub(crate) struct Lcg(pub(crate) u64);

impl Lcg {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0
    }

    pub(crate) fn below(&mut self, n: usize) -> usize {
        ((self.next() >> 33) as usize) % n.max(1)
    }

    fn bytes<const N: usize>(&mut self) -> [u8; N] {
        let mut out = [0; N];
        for b in out.iter_mut() {
            *b = (self.next() >> 40) as u8;
        }
        out
    }
}

/// Texts that hold something to scrub, or nothing.
const TEXTS: [&str; 6] = [
    "vrije-tekst: prima zo",
    "vrije-tekst: mijn naam is Sanne de Vries",
    "vrije-tekst: mail me op sanne@example.nl",
    "vrije-tekst: bel 06-12345678",
    "vrije-tekst: ik woon in 1234 AB",
    "vrije-tekst: studentnummer 4412345, niveau 3",
];

/// A response of respondent `n` to `inst` as the app could send it: every item shown by
/// its `show_if` gets a random answer, "weet ik niet" and "sla over" where offered, and
/// open text from [`TEXTS`]. `spread` sets how many values the context items take (1: all
/// the same), so classes range from one big group to many small ones.
pub(crate) fn random_response(
    inst: &Instrument,
    rng: &mut Lcg,
    n: usize,
    spread: usize,
) -> Response {
    let mut answers: BTreeMap<String, Answer> = BTreeMap::new();
    for section in &inst.sections {
        if !shown(section.show_if.as_ref(), &answers) {
            continue;
        }
        for item in &section.items {
            if !shown(item.show_if.as_ref(), &answers) {
                continue;
            }
            let codes: Vec<String> = item.kind.choices().into_iter().map(|c| c.code).collect();
            let context = item.construct.starts_with("context.");
            let roll = rng.below(20);
            let answer = match (&item.kind, roll) {
                (_, 0) if !context => continue,
                (_, 1) if item.skippable || !item.required => Answer::Skipped,
                (_, 2) if item.dont_know => Answer::DontKnow,
                (ItemKind::Matrix { rows, .. }, _) => Answer::Rows(
                    rows.iter()
                        .map(|r| {
                            let code = codes.get(rng.below(codes.len() + 1));
                            (r.id.clone(), code.map_or(DONT_KNOW_CODE, |c| c).to_string())
                        })
                        .collect(),
                ),
                (ItemKind::MultipleChoice { max, .. }, _) => {
                    let limit = max.unwrap_or(codes.len()).max(1);
                    let mut picked: Vec<String> =
                        codes.iter().filter(|_| rng.below(3) == 0).take(limit).cloned().collect();
                    if picked.is_empty() {
                        picked.push(codes[rng.below(codes.len())].clone());
                    }
                    if picked.len() > 1 {
                        picked.retain(|c| !item.kind.exclusive_codes().contains(&c.as_str()));
                    }
                    Answer::Choices(picked)
                }
                (ItemKind::Number { min, max, .. }, _) => {
                    Answer::Number(min + rng.below((max - min + 1) as usize) as i64)
                }
                (ItemKind::OpenText { .. }, _) => {
                    Answer::Text(format!("{} #{n}", TEXTS[rng.below(TEXTS.len())]))
                }
                (_, _) if context => choice(&codes[rng.below(spread.min(codes.len()))]),
                (_, _) => choice(&codes[rng.below(codes.len())]),
            };
            answers.insert(item.id.clone(), answer);
        }
    }
    let weeks = ["2026-W47", WEEK, WEEK, WEEK, WEEK, "2026-W49"];
    Response {
        id: format!("{:016x}{:016x}", rng.next(), rng.next()),
        instrument: inst.id.clone(),
        instrument_version: inst.version.clone(),
        week: weeks[if spread > 1 { rng.below(weeks.len()) } else { 1 }].into(),
        answers,
    }
}

fn shown(show_if: Option<&Condition>, answers: &BTreeMap<String, Answer>) -> bool {
    show_if.is_none_or(|c| c.holds(&|id: &str| answers.get(id)))
}

pub(crate) fn options(k: usize) -> ExportOptions {
    ExportOptions { settings: Settings::with_k(k), ..ExportOptions::default() }
}

// ---- the schema -----------------------------------------------------------------------

fn validator() -> &'static jsonschema::Validator {
    static VALIDATOR: OnceLock<jsonschema::Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("public/schema/spiegel-export.v1.schema.json");
        let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        assert!(jsonschema::meta::is_valid(&schema), "the schema itself must be valid");
        jsonschema::validator_for(&schema).unwrap()
    })
}

/// The export's JSON, after checking it validates against the shipped schema and reads
/// back to the same document.
#[track_caller]
fn checked_json(doc: &ExportDocument) -> String {
    let json = to_json(doc);
    let value: Value = serde_json::from_str(&json).unwrap();
    let errors: Vec<String> = validator()
        .iter_errors(&value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .take(10)
        .collect();
    assert!(errors.is_empty(), "export does not validate:\n{}", errors.join("\n"));
    assert_eq!(&read_export(&json).unwrap(), doc, "the export must read back unchanged");
    json
}

// ---- golden files ---------------------------------------------------------------------

/// A small deterministic team: a class of 12 students (one of them in a later week, two in
/// leerjaar 2 and one in 3_plus), a staff meting of 8 with one manager and one zorg, and a
/// class of 3 that is too small for records.
fn golden_class(student: &Instrument, staff: &Instrument) -> (Vec<Meting>, Vec<Vec<Response>>) {
    let s = |n: usize, leerjaar: &str, stage: &str, extra: Vec<(&str, Answer)>| {
        let mut answers = vec![
            ("niveau", choice("3")),
            ("leerweg", choice("bol")),
            ("leerjaar", choice(leerjaar)),
            ("stage", choice(stage)),
            ("tevreden", choice(["1", "2", "3", "4"][n % 4])),
            ("hulp", Answer::Choices(vec!["mentor".into(), "thuis".into()])),
            (
                "klimaat",
                Answer::Rows(
                    [
                        ("veilig", "3"),
                        ("rustig", if n.is_multiple_of(3) { DONT_KNOW_CODE } else { "2" }),
                    ]
                    .iter()
                    .map(|(r, c)| (r.to_string(), c.to_string()))
                    .collect(),
                ),
            ),
            ("uren", Answer::Number((n * 3) as i64 % 17)),
        ];
        if stage == "ja" {
            answers.push(("stage_goed", choice("4")));
        }
        answers.extend(extra);
        response(student, n, answers)
    };
    let mut class: Vec<Response> =
        (0..9).map(|n| s(n, "1", if n % 2 == 0 { "ja" } else { "nee" }, vec![])).collect();
    class.push(s(
        9,
        "2",
        "ja",
        vec![("opmerking", Answer::Text("Ik heet Sanne, bel 0612345678".into()))],
    ));
    class.push(s(
        10,
        "2",
        "nee",
        vec![("opmerking", Answer::Text("Goede school, 2 jaar stage".into()))],
    ));
    class.push(s(11, "3_plus", "ja", vec![("tevreden", Answer::DontKnow)]));
    class[3].week = "2026-W49".into();
    let t = |n: usize, rol: &str, extra: Vec<(&str, Answer)>| {
        let mut answers = vec![("rol", choice(rol)), ("schatting", choice("groot_deel"))];
        answers.extend(extra);
        response(staff, 100 + n, answers)
    };
    let mut team: Vec<Response> = (0..6)
        .map(|n| t(n, ["docent", "mentor", "stage"][n % 3], vec![("les_uitleg", choice("ja"))]))
        .collect();
    team.push(t(6, "manager", vec![("m_tijd", choice("1")), ("samen_plan", choice("2"))]));
    team.push(t(7, "zorg", vec![("z_tijd", choice("3")), ("samen_plan", choice("2"))]));
    let small: Vec<Response> = (0..3).map(|n| s(200 + n, "1", "nee", vec![])).collect();
    let metingen = vec![
        meting([0xa1, 1, 2, 3, 4, 5, 6, 7], student, context("zorg_welzijn", "3", "bol"), WEEK),
        meting([0xb2, 1, 2, 3, 4, 5, 6, 7], staff, context("zorg_welzijn", "3", "bol"), WEEK),
        meting([0xc3, 1, 2, 3, 4, 5, 6, 7], student, context("ict", "4", "bbl"), "2026-W45"),
    ];
    (metingen, vec![class, team, small])
}

fn golden_input<'a>(
    instruments: &[&'a Instrument],
    metingen: &'a [Meting],
    responses: &'a [Vec<Response>],
) -> ExportInput<'a> {
    ExportInput {
        instruments: instruments.to_vec(),
        metingen: metingen
            .iter()
            .zip(responses)
            .map(|(meting, responses)| MetingInput {
                plan: None,
                released: None,
                meting,
                responses: responses.into(),
            })
            .collect(),
    }
}

#[track_caller]
fn golden(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/export").join(name);
    if std::env::var_os("SPIEGEL_BLESS").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("no {name}: run with SPIEGEL_BLESS=1 to write it"));
    if expected != actual {
        let line = expected.lines().zip(actual.lines()).position(|(a, b)| a != b);
        panic!(
            "{name} differs from the golden file (first at line {}); if intended, rerun with \
             SPIEGEL_BLESS=1 and review the diff",
            line.map_or(0, |l| l + 1)
        );
    }
}

#[test]
fn a_small_class_exports_exactly_as_the_golden_files() {
    let (student, staff) = (student(), staff());
    let (metingen, responses) = golden_class(&student, &staff);
    let input = golden_input(&[&student, &staff], &metingen, &responses);
    let doc = export(&input, &options(5), [7; 32], WEEK).unwrap();
    golden("class.json", &checked_json(&doc));

    let review = texts(&input, &options(5)).unwrap();
    let drop = review.iter().find(|t| t.text.contains("Goede school")).unwrap().key.clone();
    let with_text = ExportOptions {
        include_text: true,
        dropped: BTreeSet::from([drop]),
        dates: Coarse::Month,
        ..options(5)
    };
    let doc = export(&input, &with_text, [7; 32], WEEK).unwrap();
    golden("class-text-month.json", &checked_json(&doc));

    let only = ExportOptions { aggregates_only: true, ..options(5) };
    let doc = export(&input, &only, [7; 32], WEEK).unwrap();
    golden("class-aggregates.json", &checked_json(&doc));
    for (name, text) in to_csv(&doc) {
        golden(&format!("class-aggregates.{name}"), &text);
    }
}

#[test]
fn the_golden_class_is_anonymised_as_designed() {
    let (student, staff) = (student(), staff());
    let (metingen, responses) = golden_class(&student, &staff);
    let input = golden_input(&[&student, &staff], &metingen, &responses);
    let doc = export(&input, &options(5), [7; 32], WEEK).unwrap();
    let records = doc.responses.as_ref().unwrap();
    assert_eq!(records.len(), 12 + 8, "the class of 3 leaves no records");
    let small = &doc.anonymisation.small_metingen;
    assert_eq!(small.len(), 1);
    assert_eq!(small[0].responses, 3);
    let m = doc.metingen.iter().find(|m| m.id == small[0].meting).unwrap();
    assert_eq!(m.context.domein.as_deref(), Some(SUPPRESSED_CODE));
    assert_eq!(m.records, 0);

    // Students: leerjaar 2 (2) and 3_plus (1) merge into 2_plus (3) — still below 5
    // next to stage, so more is needed; whatever the steps, no group is below k.
    let class = doc.metingen.iter().find(|m| m.responses == 12).unwrap();
    let of_class: Vec<_> = records.iter().filter(|r| r.meting == class.id.as_str()).collect();
    let combos = combinations(&doc, &class.id);
    assert!(combos.values().all(|&n| n >= 5), "{combos:?}");
    assert!(!doc.anonymisation.generalised.is_empty() || !doc.anonymisation.suppressed.is_empty());
    // The one response of week 49 cannot be told apart by its period.
    let periods: BTreeSet<&str> = of_class.iter().map(|r| r.period.as_str()).collect();
    assert!(!periods.contains("2026-W49"), "{periods:?}");

    // Staff: the manager and zorg each answered their own block; whatever happened to the
    // role, no block answer or its absence tells them apart.
    let team = doc.metingen.iter().find(|m| m.responses == 8).unwrap();
    let of_team: Vec<_> = records.iter().filter(|r| r.meting == team.id.as_str()).collect();
    for r in &of_team {
        let rol = r.answers.get("rol");
        let exact = matches!(rol, Some(Coded::Code(c)) if *c == "manager" || *c == "zorg");
        assert!(!exact, "a role held by one person must not leave: {rol:?}");
        for item in ["m_tijd", "z_tijd"] {
            let v = r.answers.get(item);
            assert!(v.is_none() || v == Some(&Coded::code(SUPPRESSED_CODE)), "{item}: {v:?}");
        }
    }
    let with_block = of_team.iter().filter(|r| r.answers.get("samen_plan").is_some()).count();
    assert!(with_block == 0 || with_block >= 5, "the shared block must not single out two");
    assert!(!doc.anonymisation.blanked.is_empty());
}

/// Per combination of exported quasi-identifier values (period first) in `meting`, the
/// number of records.
fn combinations(doc: &ExportDocument, meting: &str) -> BTreeMap<Vec<String>, usize> {
    let m = doc.metingen.iter().find(|m| m.id == meting).unwrap();
    let inst = doc
        .codebook
        .instruments
        .iter()
        .find(|i| i.id == m.instrument && i.version == m.instrument_version)
        .unwrap();
    let qis: Vec<&str> =
        inst.items.iter().filter(|i| i.quasi_identifier).map(|i| i.id.as_str()).collect();
    let mut out = BTreeMap::new();
    for r in doc.responses.iter().flatten().filter(|r| r.meting == meting) {
        let mut key = vec![r.period.to_string()];
        key.extend(
            qis.iter().map(|q| r.answers.get(q).map_or(String::new(), |a| format!("{a:?}"))),
        );
        *out.entry(key).or_insert(0) += 1;
    }
    out
}

// ---- properties over random classes ---------------------------------------------------

struct Case {
    instruments: Vec<Instrument>,
    metingen: Vec<Meting>,
    responses: Vec<Vec<Response>>,
}

fn random_case(rng: &mut Lcg, builtins: &[Instrument]) -> Case {
    let pool: Vec<Instrument> =
        [student(), staff()].into_iter().chain(builtins.iter().cloned()).collect();
    let mut metingen = Vec::new();
    let mut responses = Vec::new();
    for m in 0..1 + rng.below(3) {
        // Mostly the small fixtures; the built-in vragenlijsten now and then (they are slow
        // to check in a debug build: a large codebook to hash and validate).
        let inst = &pool[if rng.below(4) == 0 { rng.below(pool.len()) } else { rng.below(2) }];
        let mut id: [u8; 8] = rng.bytes();
        id[0] = 0xd0 + m as u8;
        let size = [0, 3, 5, 8, 12, 25, 40, 60][rng.below(8)];
        let spread = 1 + rng.below(4);
        let week = ["2026-W40", WEEK, "2027-W02"][rng.below(3)];
        let ctx = context(["ict", "zorg_welzijn", "entree"][rng.below(3)], "2", "bol");
        metingen.push(meting(id, inst, ctx, week));
        responses.push((0..size).map(|n| random_response(inst, rng, n, spread)).collect());
    }
    Case { instruments: pool, metingen, responses }
}

#[test]
fn random_classes_keep_every_rule() {
    let builtins = [builtin::student().unwrap(), builtin::staff().unwrap()];
    let mut rng = Lcg(2026);
    for case_no in 0..200 {
        let case = random_case(&mut rng, &builtins);
        let instruments: Vec<&Instrument> = case.instruments.iter().collect();
        let input = golden_input(&instruments, &case.metingen, &case.responses);
        let k = 5 + rng.below(4);
        let mut opts = options(k);
        opts.include_text = rng.below(3) == 0;
        opts.aggregates_only = rng.below(6) == 0;
        opts.dates = if rng.below(2) == 0 { Coarse::Week } else { Coarse::Month };
        let doc = export(&input, &opts, rng.bytes(), WEEK).unwrap();
        let json = checked_json(&doc);
        let why = format!("case {case_no} (k {k}, text {}, {:?})", opts.include_text, opts.dates);

        // No quasi-identifier combination within a meting below k.
        for m in &doc.metingen {
            let combos = combinations(&doc, &m.id);
            assert!(combos.values().all(|&n| n >= k), "{why}: {combos:?}");
        }
        // No aggregate count below k.
        for a in doc.aggregates.iter().flat_map(|a| &a.items) {
            assert!(a.n.is_none_or(|n| n >= k), "{why}: n {:?}", a.n);
            for c in &a.cells {
                assert!(c.count.is_none_or(|n| n >= k), "{why}: {c:?}");
                assert_eq!(c.count.is_none(), c.suppressed);
            }
        }
        // No free text unless chosen; never text the review did not see.
        if !opts.include_text || opts.aggregates_only {
            assert!(!json.contains("vrije-tekst"), "{why}: free text leaked");
        }
        for r in doc.responses.iter().flatten() {
            for t in r.texts.values() {
                assert!(t.starts_with("vrije-tekst"), "{why}: {t}");
                for secret in ["Sanne", "sanne@", "06-12345678", "1234 AB", "4412345"] {
                    assert!(!t.contains(secret), "{why}: {secret} in {t}");
                }
            }
        }
        // No device id, response id or label anywhere.
        for (meting, list) in case.metingen.iter().zip(&case.responses) {
            assert!(!json.contains(&meting.id.to_text()), "{why}: meting id");
            assert!(!json.contains(&meting.label), "{why}: label");
            for r in list {
                assert!(!json.contains(&r.id), "{why}: response id");
            }
        }
        // Unlinkable ids: the same input with another seed shares no id.
        let again = export(&input, &opts, rng.bytes(), WEEK).unwrap();
        let ids = |d: &ExportDocument| -> BTreeSet<String> {
            let records = d.responses.iter().flatten().map(|r| r.id.clone());
            records.chain(d.metingen.iter().map(|m| m.id.clone())).collect()
        };
        assert!(ids(&doc).is_disjoint(&ids(&again)), "{why}: ids repeat across exports");
        assert_eq!(ids(&doc).len(), doc.metingen.len() + doc.responses.iter().flatten().count());
        // Counts add up.
        for (m, a) in doc.metingen.iter().zip(&doc.aggregates) {
            assert_eq!(a.meting, m.id.as_str());
            assert_eq!(m.responses, a.responses);
        }
        let p = preview(&doc);
        assert_eq!(p.records, doc.responses.as_ref().map_or(0, Vec::len));
        assert_eq!(p.responses, case.responses.iter().map(Vec::len).sum::<usize>());
    }
}

#[test]
fn records_are_shuffled() {
    let inst = student();
    let class: Vec<Response> = (0..30)
        .map(|n| {
            response(&inst, n, vec![("niveau", choice("3")), ("uren", Answer::Number(n as i64))])
        })
        .collect();
    let m = meting([0xe1; 8], &inst, Context::default(), WEEK);
    let input = ExportInput {
        instruments: vec![&inst],
        metingen: vec![MetingInput {
            plan: None,
            released: None,
            meting: &m,
            responses: (&class).into(),
        }],
    };
    let order = |seed| -> Vec<i64> {
        let doc = export(&input, &options(5), seed, WEEK).unwrap();
        doc.responses
            .unwrap()
            .iter()
            .map(|r| match r.answers.get("uren") {
                Some(Coded::Number(n)) => *n,
                other => panic!("{other:?}"),
            })
            .collect()
    };
    let (a, b) = (order([1; 32]), order([2; 32]));
    let given: Vec<i64> = (0..30).collect();
    assert_ne!(a, given);
    assert_ne!(a, b);
    let mut sorted = a.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, given, "every record once");
    assert_eq!(order([1; 32]), a, "the same seed gives the same export");
}

// ---- quasi-identifiers ----------------------------------------------------------------

#[test]
fn leerjaar_generalises_to_2_plus_before_anything_is_suppressed() {
    let inst = student();
    let mut class = Vec::new();
    for n in 0..10 {
        let leerjaar = ["1", "1", "2", "3_plus"][n % 4];
        let leerjaar = if n < 6 { "1" } else { leerjaar };
        class.push(response(
            &inst,
            n,
            vec![("niveau", choice("3")), ("leerjaar", choice(leerjaar))],
        ));
    }
    // 6 in jaar 1, then n = 6..9: 2, 3_plus, 1, 1 → 8 × "1", 1 × "2", 1 × "3_plus".
    let m = meting([0xe2; 8], &inst, Context::default(), WEEK);
    let input = ExportInput {
        instruments: vec![&inst],
        metingen: vec![MetingInput {
            plan: None,
            released: None,
            meting: &m,
            responses: (&class).into(),
        }],
    };
    let doc = export(&input, &options(5), [3; 32], WEEK).unwrap();
    checked_json(&doc);
    let values: BTreeMap<String, usize> =
        doc.responses.iter().flatten().fold(BTreeMap::new(), |mut acc, r| {
            *acc.entry(format!("{:?}", r.answers.get("leerjaar"))).or_default() += 1;
            acc
        });
    // Two records in 2_plus stay below k: within the limit of local suppression, so they
    // are suppressed, then topped up to k from the eight in jaar 1.
    assert!(values.values().all(|&n| n >= 5), "{values:?}");
    let hierarchy = doc
        .anonymisation
        .quasi_identifiers
        .iter()
        .find(|q| q.item.as_deref() == Some("leerjaar"))
        .unwrap();
    assert_eq!(hierarchy.levels[0].groups[0].from, vec!["2", "3_plus"]);
    assert_eq!(hierarchy.levels[0].groups[0].to, "2_plus");
    assert_eq!(hierarchy.levels[1].groups[0].to, SUPPRESSED_CODE);
    let suppressed: usize = doc.anonymisation.suppressed.iter().map(|s| s.records).sum();
    let shown_suppressed = doc
        .responses
        .iter()
        .flatten()
        .filter(|r| r.answers.get("niveau") == Some(&Coded::code(SUPPRESSED_CODE)))
        .count();
    assert_eq!(suppressed, shown_suppressed, "the report counts what the records show");
}

#[test]
fn a_varied_large_class_is_generalised_not_suppressed_wholesale() {
    let inst = student();
    let mut rng = Lcg(7);
    let class: Vec<Response> = (0..200).map(|n| random_response(&inst, &mut rng, n, 3)).collect();
    let m = meting([0xe3; 8], &inst, Context::default(), WEEK);
    let input = ExportInput {
        instruments: vec![&inst],
        metingen: vec![MetingInput {
            plan: None,
            released: None,
            meting: &m,
            responses: (&class).into(),
        }],
    };
    let doc = export(&input, &options(5), [4; 32], WEEK).unwrap();
    checked_json(&doc);
    let suppressed: usize = doc.anonymisation.suppressed.iter().map(|s| s.records).sum();
    assert!(suppressed <= 10, "at most 5 % of the records lose every quasi-identifier");
    let combos = combinations(&doc, &doc.metingen[0].id);
    assert!(combos.values().all(|&n| n >= 5));
    assert!(combos.len() > 1, "some detail survives: {combos:?}");
}

#[test]
fn quasi_identifiers_are_data_driven() {
    let ids = |inst: &Instrument| -> Vec<String> {
        spiegel::domain::export::quasi_identifiers(inst).iter().map(|i| i.id.clone()).collect()
    };
    let first = builtin::version(builtin::STUDENT_ID, "1.0.0").unwrap().parse().unwrap();
    assert_eq!(ids(&first), ["niveau", "leerweg", "leerjaar", "stage"]);
    assert_eq!(ids(&builtin::student().unwrap()), ["niveau", "leerweg", "stage"]);
    assert_eq!(ids(&builtin::staff().unwrap()), ["rol", "niveaus_team", "leerwegen_team"]);
    assert_eq!(ids(&staff()), ["rol"]);
    // The kinds fixture has a role item that routes nothing and no context construct.
    assert!(ids(&instrument(crate::support::KINDS)).is_empty());
}

// ---- open text ------------------------------------------------------------------------

#[test]
fn open_text_is_left_out_unless_chosen_then_scrubbed_and_reviewed() {
    let (student, staff) = (student(), staff());
    let (metingen, responses) = golden_class(&student, &staff);
    let input = golden_input(&[&student, &staff], &metingen, &responses);
    let doc = export(&input, &options(5), [5; 32], WEEK).unwrap();
    let json = checked_json(&doc);
    assert!(!json.contains("Sanne") && !json.contains("Goede school"));
    assert!(doc.responses.iter().flatten().all(|r| r.texts.is_empty()));
    assert_eq!(doc.anonymisation.texts.offered, 2);
    assert!(!doc.anonymisation.texts.included);

    let review = texts(&input, &options(5)).unwrap();
    assert_eq!(review.len(), 2, "only texts of exported records: {review:?}");
    let sanne = review.iter().find(|t| t.found.contains(&Pattern::Name)).unwrap();
    assert_eq!(sanne.text, format!("Ik heet {PLACEHOLDER}, bel {PLACEHOLDER}"));
    assert_eq!(sanne.found, vec![Pattern::Name, Pattern::Phone]);
    assert_eq!(sanne.question.nl, "Wil je nog iets zeggen?");

    let with_text = ExportOptions {
        include_text: true,
        dropped: BTreeSet::from([sanne.key.clone()]),
        ..options(5)
    };
    let again = texts(&input, &with_text).unwrap();
    assert!(again.iter().any(|t| t.dropped && t.key == sanne.key));
    let doc = export(&input, &with_text, [5; 32], WEEK).unwrap();
    let json = checked_json(&doc);
    assert!(!json.contains(PLACEHOLDER), "the dropped text is the one that had one");
    assert!(json.contains("Goede school, 2 jaar stage"));
    let t = &doc.anonymisation.texts;
    assert_eq!((t.included, t.offered, t.dropped, t.scrubbed), (true, 2, 1, 0));

    let with_both = ExportOptions { include_text: true, ..options(5) };
    let doc = export(&input, &with_both, [5; 32], WEEK).unwrap();
    let t = &doc.anonymisation.texts;
    assert_eq!((t.scrubbed, t.patterns.name, t.patterns.phone), (1, 1, 1));
    assert!(!to_json(&doc).contains("0612345678"));
}

#[test]
fn a_text_key_not_in_the_input_changes_nothing() {
    let inst = student();
    let m = meting([0xe4; 8], &inst, Context::default(), WEEK);
    let class: Vec<Response> = (0..5)
        .map(|n| response(&inst, n, vec![("opmerking", Answer::Text("fijn".into()))]))
        .collect();
    let input = ExportInput {
        instruments: vec![&inst],
        metingen: vec![MetingInput {
            plan: None,
            released: None,
            meting: &m,
            responses: (&class).into(),
        }],
    };
    let key = TextKey { meting: m.id, response: "elders".into(), item: "opmerking".into() };
    let opts = ExportOptions { include_text: true, dropped: BTreeSet::from([key]), ..options(5) };
    let doc = export(&input, &opts, [1; 32], WEEK).unwrap();
    assert_eq!(
        doc.responses.unwrap().iter().filter(|r| r.texts.contains_key("opmerking")).count(),
        5
    );
}

#[test]
fn scrubbing_replaces_each_kind_of_identifying_text() {
    let cases: [(&str, &str, &[Pattern]); 18] = [
        ("mail jan.devries@roc.nl graag", "mail [verwijderd] graag", &[Pattern::Email]),
        ("s123456@student.roc-mn.nl", "[verwijderd]", &[Pattern::Email]),
        ("bel 06-12345678.", "bel [verwijderd].", &[Pattern::Phone]),
        ("bel 06 12 34 56 78 of", "bel [verwijderd] of", &[Pattern::Phone]),
        ("0612345678", "[verwijderd]", &[Pattern::Phone]),
        ("(010) 123 4567", "[verwijderd]", &[Pattern::Phone]),
        ("+31 6 12345678", "[verwijderd]", &[Pattern::Phone]),
        ("+31 (0)6-1234 5678!", "[verwijderd]!", &[Pattern::Phone]),
        ("0031 20 1234567", "[verwijderd]", &[Pattern::Phone]),
        ("ik woon in 1234 AB Utrecht", "ik woon in [verwijderd] Utrecht", &[Pattern::Postcode]),
        ("postcode 1234ab", "postcode [verwijderd]", &[Pattern::Postcode]),
        ("nummer 4412345", "nummer [verwijderd]", &[Pattern::Number]),
        ("mijn nummer is s1234567.", "mijn nummer is [verwijderd].", &[Pattern::Number]),
        ("Mijn naam is jan de Vries en", "Mijn naam is [verwijderd] en", &[Pattern::Name]),
        ("ik ben Özlem, hoi", "ik ben [verwijderd], hoi", &[Pattern::Name]),
        (
            "My name is Tom. I'm Tom too",
            "My name is [verwijderd]. I'm [verwijderd] too",
            &[Pattern::Name, Pattern::Name],
        ),
        ("Groetjes,\nSanne van Dam", "Groetjes,\n[verwijderd]", &[Pattern::Name]),
        ("volg me @sanne_2008", "volg me [verwijderd]", &[Pattern::Handle]),
    ];
    for (text, expected, found) in cases {
        let s = scrub(text);
        assert_eq!(s.text, expected, "{text}");
        assert_eq!(s.found, found, "{text}");
    }
}

#[test]
fn scrubbing_leaves_the_numbers_and_words_of_school_life() {
    for text in [
        "niveau 3",
        "ik zit in niveau 2 en wil naar niveau 4",
        "2 jaar",
        "1 of 2 dagen per week",
        "klas 2B, lokaal 1.23",
        "in 2026 en 2027",
        "op 12-03-2026 en 01-03-2026",
        "€ 12,50 per uur, 40 uur",
        "ik ben moe",
        "ik ben 17",
        "Ik ben BBL student",
        "ik heb een 8,5 gehaald",
        "score 1 2 3 4 5 6 7 8 9",
        "BOL: ik ga vooral naar school",
        "om 06:30 uur",
        "ik zit @ school",
        "",
    ] {
        let s = scrub(text);
        assert_eq!(s.text, text, "must stay: {text}");
        assert!(s.found.is_empty(), "{text}: {:?}", s.found);
    }
}

// ---- reading back ---------------------------------------------------------------------

#[test]
fn an_export_reads_back_into_the_same_responses_and_analysis() {
    let (student, staff) = (student(), staff());
    // One class where every quasi-identifier combination is large: nothing generalised.
    let class: Vec<Response> = (0..20)
        .map(|n| {
            response(
                &student,
                n,
                vec![
                    ("niveau", choice("3")),
                    ("leerweg", choice("bol")),
                    ("leerjaar", choice("1")),
                    ("stage", choice("nee")),
                    ("tevreden", if n % 5 == 0 { Answer::DontKnow } else { choice("3") }),
                    ("hulp", Answer::Choices(vec!["mentor".into(), "docent".into()])),
                    ("uren", if n % 7 == 0 { Answer::Skipped } else { Answer::Number(n as i64) }),
                ],
            )
        })
        .collect();
    let m = meting([0xf1; 8], &student, context("ict", "3", "bol"), WEEK);
    let input = ExportInput {
        instruments: vec![&student, &staff],
        metingen: vec![MetingInput {
            plan: None,
            released: None,
            meting: &m,
            responses: (&class).into(),
        }],
    };
    let doc = export(&input, &options(5), [9; 32], WEEK).unwrap();
    assert!(doc.anonymisation.generalised.is_empty() && doc.anonymisation.suppressed.is_empty());
    let read = read_export(&to_json(&doc)).unwrap();
    let id = &read.metingen[0].id;
    let back = meting_responses(&read, id, &student).unwrap();
    let answers = |list: &[Response]| {
        let mut a: Vec<String> = list.iter().map(|r| format!("{:?}", r.answers)).collect();
        a.sort();
        a
    };
    assert_eq!(answers(&back), answers(&class));
    assert!(back.iter().all(|r| r.instrument == student.id && r.week == WEEK));
    let settings = Settings::default();
    assert_eq!(
        analyse(&student, &staff, &back, &[], &settings),
        analyse(&student, &staff, &class, &[], &settings)
    );
    assert_eq!(meting_table(&read, id, &student).unwrap().len(), 20);
    assert_eq!(
        meting_responses(&read, id, &staff).unwrap_err(),
        ExportError::WrongInstrument {
            meting: id.clone(),
            expected: staff.id.clone(),
            found: student.id.clone()
        }
    );
    assert_eq!(
        meting_responses(&read, "m-nope", &student).unwrap_err(),
        ExportError::UnknownMeting("m-nope".into())
    );
    let only =
        export(&input, &ExportOptions { aggregates_only: true, ..options(5) }, [9; 32], WEEK)
            .unwrap();
    assert_eq!(
        meting_responses(&only, &only.metingen[0].id, &student).unwrap_err(),
        ExportError::AggregatesOnly
    );
}

#[test]
fn another_version_of_the_instrument_reads_by_item_id_and_code() {
    let (student, staff) = (student(), staff());
    let (metingen, responses) = golden_class(&student, &staff);
    let input = golden_input(&[&student, &staff], &metingen, &responses);
    let doc = export(&input, &options(5), [7; 32], WEEK).unwrap();
    let newer = instrument(&crate::support::edited(STUDENT, |v| {
        v["version"] = "2.0.0".into();
        // Version 2 dropped the "4" point of tevreden and the whole klimaat matrix.
        let items = v["sections"][1]["items"].as_array_mut().unwrap();
        items.retain(|i| i["id"] != "klimaat");
    }));
    let class = doc.metingen.iter().find(|m| m.responses == 12).unwrap();
    let back = meting_responses(&doc, &class.id, &newer).unwrap();
    assert_eq!(back.len(), 12);
    assert!(back.iter().all(|r| !r.answers.contains_key("klimaat")));
    assert!(back.iter().all(|r| r.answers.contains_key("hulp")));
    // Generalised and suppressed values do not become answers.
    for r in &back {
        if let Some(Answer::Choice(c)) = r.answers.get("leerjaar") {
            assert!(["1", "2", "3_plus"].contains(&c.as_str()), "{c}");
        }
    }
}

/// The golden export as a JSON value, edited, back as text.
fn edited_export(edit: impl FnOnce(&mut Value)) -> String {
    let (student, staff) = (student(), staff());
    let (metingen, responses) = golden_class(&student, &staff);
    let input = golden_input(&[&student, &staff], &metingen, &responses);
    let doc = export(&input, &options(5), [7; 32], WEEK).unwrap();
    let mut v: Value = serde_json::from_str(&to_json(&doc)).unwrap();
    edit(&mut v);
    serde_json::to_string(&v).unwrap()
}

#[test]
fn every_kind_of_bad_file_gets_its_own_clear_error() {
    let first_answer = |v: &mut Value| -> String {
        let r = &v["responses"][0]["answers"];
        r.as_object()
            .unwrap()
            .keys()
            .find(|k| k.as_str() == "tevreden" || k.as_str() == "rol")
            .unwrap()
            .clone()
    };
    type Expect = fn(&ExportError) -> bool;
    let cases: Vec<(String, Expect)> = vec![
        ("".into(), |e| matches!(e, ExportError::NotJson(_))),
        ("{\"spiegel_export\": 1,".into(), |e| matches!(e, ExportError::NotJson(_))),
        ("<html></html>".into(), |e| matches!(e, ExportError::NotJson(_))),
        ("[1, 2]".into(), |e| matches!(e, ExportError::NotAnExport)),
        ("{\"spiegel_instrument\": 1}".into(), |e| matches!(e, ExportError::NotAnExport)),
        (edited_export(|v| v["spiegel_export"] = 2.into()), |e| {
            matches!(e, ExportError::NewerVersion(2))
        }),
        (edited_export(|v| v["spiegel_export"] = 0.into()), |e| {
            matches!(e, ExportError::UnknownVersion)
        }),
        (edited_export(|v| v["spiegel_export"] = "1".into()), |e| {
            matches!(e, ExportError::UnknownVersion)
        }),
        (
            edited_export(|v| {
                v.as_object_mut().unwrap().remove("codebook");
            }),
            |e| matches!(e, ExportError::Invalid(_)),
        ),
        (edited_export(|v| v["metingen"][0]["label"] = "2B".into()), |e| {
            matches!(e, ExportError::Invalid(_))
        }),
        (edited_export(|v| v["responses"][0]["device"] = "iPhone".into()), |e| {
            matches!(e, ExportError::Invalid(_))
        }),
        (edited_export(|v| v["created"] = "2026-11-23".into()), |e| {
            matches!(e, ExportError::BadWeek(_))
        }),
        (edited_export(|v| v["responses"][0]["meting"] = "m00000000".into()), |e| {
            matches!(e, ExportError::UnknownMeting(_))
        }),
        (
            edited_export(|v| {
                let item = first_answer(v);
                v["responses"][0]["answers"][item] = "zeven".into();
            }),
            |e| matches!(e, ExportError::UnknownCode { .. }),
        ),
        (
            edited_export(|v| {
                let item = first_answer(v);
                v["responses"][0]["answers"][item] = serde_json::json!(["a"]);
            }),
            |e| matches!(e, ExportError::WrongKind(_)),
        ),
        (edited_export(|v| v["responses"][0]["answers"]["bestaat_niet"] = "1".into()), |e| {
            matches!(e, ExportError::UnknownItem(_))
        }),
        (
            edited_export(|v| {
                let id = v["responses"][0]["id"].clone();
                v["responses"][1]["id"] = id;
            }),
            |e| matches!(e, ExportError::DuplicateId(_)),
        ),
        (
            edited_export(|v| {
                v["responses"].as_array_mut().unwrap().pop();
            }),
            |e| matches!(e, ExportError::CountMismatch(_)),
        ),
        (
            edited_export(|v| v["codebook"]["instruments"][0]["title"]["nl"] = "Anders".into()),
            |e| matches!(e, ExportError::HashMismatch(_)),
        ),
        (edited_export(|v| v["metingen"][0]["instrument_version"] = "9.9.9".into()), |e| {
            matches!(e, ExportError::UnknownInstrument { .. })
        }),
        (
            edited_export(|v| {
                v["responses"][0]["texts"] = serde_json::json!({"opmerking": "hallo"})
            }),
            |e| matches!(e, ExportError::UnexpectedText(_)),
        ),
        (
            edited_export(|v| {
                v.as_object_mut().unwrap().remove("responses");
            }),
            |e| matches!(e, ExportError::Invalid(_)),
        ),
    ];
    for (n, (text, expected)) in cases.iter().enumerate() {
        let err = read_export(text).expect_err(&format!("case {n} must fail"));
        assert!(expected(&err), "case {n}: {err:?}");
        let (nl, en) = (err.message(Lang::Nl), err.message(Lang::En));
        assert!(!nl.is_empty() && !en.is_empty() && nl != en, "case {n}");
    }
}

#[test]
fn reading_never_panics_on_a_cut_or_garbled_file() {
    let json = edited_export(|_| {});
    assert!(read_export(&json).is_ok());
    let bytes = json.as_bytes();
    for cut in (0..bytes.len()).step_by(97) {
        let text = String::from_utf8_lossy(&bytes[..cut]);
        assert!(read_export(&text).is_err());
    }
    let mut rng = Lcg(11);
    for _ in 0..200 {
        let mut garbled = bytes.to_vec();
        for _ in 0..1 + rng.below(4) {
            let at = rng.below(garbled.len());
            garbled[at] = b"{}[]\",:0a-\\ "[rng.below(12)];
        }
        let _ = read_export(&String::from_utf8_lossy(&garbled));
    }
    let deep = "[".repeat(100_000);
    assert!(read_export(&deep).is_err());
}

// ---- export errors --------------------------------------------------------------------

#[test]
fn bad_input_is_refused_with_a_reason() {
    let (student, staff) = (student(), staff());
    let m = meting([0xf2; 8], &student, Context::default(), WEEK);
    let class = vec![response(&student, 1, vec![])];
    let input = ExportInput {
        instruments: vec![&student],
        metingen: vec![MetingInput {
            plan: None,
            released: None,
            meting: &m,
            responses: (&class).into(),
        }],
    };
    assert_eq!(
        export(&input, &options(5), [0; 32], "2026-11-23"),
        Err(ExportError::BadWeek("2026-11-23".into()))
    );
    let without = ExportInput { instruments: vec![&staff], ..input.clone() };
    assert!(matches!(
        export(&without, &options(5), [0; 32], WEEK),
        Err(ExportError::MissingInstrument { .. })
    ));
    let stray = vec![response(&staff, 1, vec![])];
    let mixed = ExportInput {
        instruments: vec![&student],
        metingen: vec![MetingInput {
            plan: None,
            released: None,
            meting: &m,
            responses: (&stray).into(),
        }],
    };
    assert_eq!(export(&mixed, &options(5), [0; 32], WEEK), Err(ExportError::OtherInstrument));
    let reserved = instrument(&crate::support::edited(STUDENT, |v| {
        v["sections"][0]["items"][1]["options"][0]["code"] = SKIPPED_CODE.into();
    }));
    let m2 = meting([0xf3; 8], &reserved, Context::default(), WEEK);
    let input = ExportInput {
        instruments: vec![&reserved],
        metingen: vec![MetingInput {
            plan: None,
            released: None,
            meting: &m2,
            responses: Responses::Plain(&[]),
        }],
    };
    assert!(matches!(
        export(&input, &options(5), [0; 32], WEEK),
        Err(ExportError::ReservedCode { .. })
    ));
}

#[test]
fn responses_coded_beforehand_export_the_same() {
    let (student, staff) = (student(), staff());
    let (metingen, responses) = golden_class(&student, &staff);
    let input = golden_input(&[&student, &staff], &metingen, &responses);
    let sheets: Vec<ExportSheet> = metingen
        .iter()
        .zip(&responses)
        .map(|(m, list)| {
            let inst = if m.instrument == student.id { &student } else { &staff };
            ExportSheet::new(inst, list).unwrap()
        })
        .collect();
    assert_eq!(sheets[0].len(), 12);
    assert_eq!(sheets[0].instrument(), ("exp-student", "1.0.0"));
    let coded = ExportInput {
        instruments: input.instruments.clone(),
        metingen: metingen
            .iter()
            .zip(&sheets)
            .map(|(meting, sheet)| MetingInput {
                plan: None,
                released: None,
                meting,
                responses: sheet.into(),
            })
            .collect(),
    };
    let opts = ExportOptions { include_text: true, ..options(5) };
    assert_eq!(export(&coded, &opts, [7; 32], WEEK), export(&input, &opts, [7; 32], WEEK));
    assert_eq!(texts(&coded, &opts), texts(&input, &opts));
    // A sheet of another instrument, or responses to one, are refused.
    assert_eq!(ExportSheet::new(&student, &responses[1]), Err(ExportError::OtherInstrument));
    let wrong = ExportInput {
        instruments: input.instruments.clone(),
        metingen: vec![MetingInput {
            plan: None,
            released: None,
            meting: &metingen[0],
            responses: (&sheets[1]).into(),
        }],
    };
    assert_eq!(export(&wrong, &opts, [7; 32], WEEK), Err(ExportError::OtherInstrument));
}

// ---- CSV and Frictionless -------------------------------------------------------------

/// A small RFC 4180 reader: rows of fields.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', true) => quoted = false,
            ('"', false) if field.is_empty() => quoted = true,
            (',', false) => row.push(std::mem::take(&mut field)),
            ('\r', false) if chars.peek() == Some(&'\n') => {
                chars.next();
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (c, _) => field.push(c),
        }
    }
    assert!(field.is_empty() && row.is_empty(), "every row ends in CRLF");
    rows
}

#[test]
fn csv_files_quote_per_rfc_4180_and_match_the_datapackage() {
    let inst = student();
    let awkward = ["komma, en \"quotes\"", "twee\r\nregels", "gewoon", "=1+1", "-geen idee"];
    let class: Vec<Response> = (0..5)
        .map(|n| {
            response(
                &inst,
                n,
                vec![("niveau", choice("3")), ("opmerking", Answer::Text(awkward[n].into()))],
            )
        })
        .collect();
    let m = meting([0xf4; 8], &inst, context("ict", "3", "bol"), WEEK);
    let input = ExportInput {
        instruments: vec![&inst],
        metingen: vec![MetingInput {
            plan: None,
            released: None,
            meting: &m,
            responses: (&class).into(),
        }],
    };
    let opts = ExportOptions { include_text: true, ..options(5) };
    let doc = export(&input, &opts, [6; 32], WEEK).unwrap();
    let files: BTreeMap<String, String> = to_csv(&doc).into_iter().collect();
    let rows = parse_csv(&files["exp-student-1.0.0.csv"]);
    let col = rows[0].iter().position(|h| h == "opmerking").unwrap();
    let mut texts: Vec<&str> = rows[1..].iter().map(|r| r[col].as_str()).collect();
    texts.sort_unstable();
    // Cells a spreadsheet would run as a formula start with an apostrophe in the CSV.
    let mut expected =
        vec!["komma, en \"quotes\"", "twee\r\nregels", "gewoon", "'=1+1", "'-geen idee"];
    expected.sort_unstable();
    assert_eq!(texts, expected);
    // The JSON keeps the texts as they were.
    let json_texts: BTreeSet<&str> = doc
        .responses
        .as_ref()
        .unwrap()
        .iter()
        .flat_map(|r| r.texts.0.iter().map(|(_, t)| t.as_str()))
        .collect();
    assert!(json_texts.contains("=1+1") && json_texts.contains("-geen idee"));
    assert!(files["exp-student-1.0.0.csv"].contains("\"komma, en \"\"quotes\"\"\""));

    let package: Value = serde_json::from_str(&files[DATAPACKAGE]).unwrap();
    let resources = package["resources"].as_array().unwrap();
    assert_eq!(resources.len(), files.len() - 1);
    for r in resources {
        let path = r["path"].as_str().unwrap();
        let header = &parse_csv(&files[path])[0];
        let fields: Vec<&str> = r["schema"]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["name"].as_str().unwrap())
            .collect();
        assert_eq!(header, &fields, "{path}");
        let rows = parse_csv(&files[path]);
        assert!(rows.iter().all(|row| row.len() == fields.len()), "{path}");
    }
    let fields = &resources.iter().find(|r| r["name"] == "exp-student-1.0.0").unwrap()["schema"];
    let niveau =
        fields["fields"].as_array().unwrap().iter().find(|f| f["name"] == "niveau").unwrap();
    assert_eq!(niveau["constraints"]["enum"], serde_json::json!(["2", "3", "4", "3_of_4"]));
    assert_eq!(
        fields["missingValues"],
        serde_json::json!(["", "weet_niet", "sla_over", "onderdrukt"])
    );
    let hulp =
        fields["fields"].as_array().unwrap().iter().find(|f| f["name"] == "hulp__thuis").unwrap();
    assert_eq!(hulp["type"], "integer");
}

#[test]
fn no_csv_cell_runs_as_a_spreadsheet_formula() {
    let inst = student();
    let formulas = ["=HYPERLINK(\"x\")", "+cmd", "-1+1", "@SUM(A1)", "\tx", "\u{ff1d}1+1", "ok"];
    let class: Vec<Response> = (0..7)
        .map(|n| {
            response(
                &inst,
                n,
                vec![("niveau", choice("3")), ("opmerking", Answer::Text(formulas[n].into()))],
            )
        })
        .collect();
    let m = meting([0xf5; 8], &inst, context("ict", "3", "bol"), WEEK);
    let input = ExportInput {
        instruments: vec![&inst],
        metingen: vec![MetingInput {
            plan: None,
            released: None,
            meting: &m,
            responses: (&class).into(),
        }],
    };
    let opts = ExportOptions { include_text: true, ..options(5) };
    let doc = export(&input, &opts, [6; 32], WEEK).unwrap();
    let mut seen = 0;
    for (name, text) in to_csv(&doc) {
        if name == DATAPACKAGE {
            continue;
        }
        for row in parse_csv(&text) {
            for cell in row {
                let first = cell.chars().next();
                assert!(
                    !matches!(first, Some('=' | '+' | '-' | '@' | '\t' | '\r' | '\u{ff1d}')),
                    "{name}: {cell:?}"
                );
                seen += usize::from(cell.starts_with('\''));
            }
        }
    }
    // The five formulas that survive scrubbing, each neutralised (the handle is scrubbed).
    assert!(seen >= 5, "{seen}");
}

#[test]
fn the_preview_shows_what_leaves() {
    let (student, staff) = (student(), staff());
    let (metingen, responses) = golden_class(&student, &staff);
    let input = golden_input(&[&student, &staff], &metingen, &responses);
    let doc = export(&input, &options(5), [7; 32], WEEK).unwrap();
    let p = preview(&doc);
    assert_eq!((p.metingen, p.responses, p.records, p.left_out, p.texts), (3, 23, 20, 3, 0));
    assert_eq!(p.instruments.len(), 2);
    let s = &p.instruments[0];
    assert_eq!((s.id.as_str(), s.metingen, s.records), ("exp-student", 2, 12));
    let names: Vec<&str> = s.fields.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(&names[..4], ["export_response_id", "export_meting_id", "period", "niveau"]);
    assert!(!names.contains(&"opmerking"), "no text field without texts");
    assert!(s.fields.iter().find(|f| f.name == "leerjaar").unwrap().quasi_identifier);
    assert!(p.suppressed_cells > 0 && p.suppressed_cells <= p.cells);
    assert_eq!(p.sample.as_ref(), doc.responses.as_ref().unwrap().first());
    assert!(p.sample_json.unwrap().contains("\"answers\""));
}

#[test]
fn the_codebook_of_the_newest_student_vragenlijst_keeps_its_routing_and_exclusive_options() {
    let inst = spiegel::domain::builtin::student().unwrap();
    let mut rng = Lcg(11);
    let class: Vec<Response> = (0..30).map(|n| random_response(&inst, &mut rng, n, 3)).collect();
    let m = meting([0xe5; 8], &inst, Context::default(), WEEK);
    let input = ExportInput {
        instruments: vec![&inst],
        metingen: vec![MetingInput {
            meting: &m,
            responses: (&class).into(),
            plan: None,
            released: None,
        }],
    };
    let doc = export(&input, &options(5), [4; 32], WEEK).unwrap();
    let json: Value = serde_json::from_str(&checked_json(&doc)).unwrap();
    let items = json["codebook"]["instruments"][0]["items"].as_array().unwrap();
    let item = |id: &str| items.iter().find(|i| i["id"] == id).unwrap().clone();
    let hulp_bij = item("hulp_bij");
    assert_eq!(hulp_bij["when_hidden"], "geen");
    let geen = hulp_bij["codes"].as_array().unwrap().iter().find(|c| c["code"] == "geen");
    assert_eq!(geen.unwrap()["exclusive"], true);
    assert!(hulp_bij["codes"][0].get("exclusive").is_none(), "only where it holds");
    assert_eq!(item("niveau")["from_context"], "niveau");
    assert_eq!(item("tevreden_lessen")["dont_know_label"]["nl"], "Heb ik niet");
    let wish = item("toekomstwens");
    let hbo = wish["codes"].as_array().unwrap().iter().find(|c| c["code"] == "hbo").unwrap();
    assert_eq!(hbo["show_if"]["item"], "niveau");
    assert_eq!(hbo["show_if"]["in"], serde_json::json!(["4"]));
}
