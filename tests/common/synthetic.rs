//! Synthetic responses and bench timings, shared by `make fixtures` (`tests/fixtures.rs`),
//! the host bench (`tests/bench.rs`) and the browser bench (`tests/web_bench.rs`). Each
//! includes this file with `#[path = "common/synthetic.rs"] mod synthetic;`.
//!
//! Everything here is deterministic: the same seed gives the same responses on every run,
//! on the host and in the browser. A synthetic response is one the app could have sent:
//! only items shown under their `show_if` (and their section's) are answered, each with an
//! allowed answer.
// Each includer uses its own part: the fixtures no timings, the benches no seeds.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fmt;

use spiegel::domain::answer::Answer;
use spiegel::domain::builtin;
use spiegel::domain::condition::Condition;
use spiegel::domain::instrument::{Instrument, Item, ItemKind};
use spiegel::domain::response::Response;

/// The ISO week of every synthetic response (and of the fixture metingen).
pub const WEEK: &str = "2026-W48";

/// Short plain words for open-text answers.
const WORDS: [&str; 8] =
    ["prima", "goed", "rustig", "leuk", "druk", "gezellig", "fijne klas", "meer uitleg"];

/// A small deterministic generator (a 64-bit linear congruential generator with Knuth's
/// MMIX constants, its output mixed), so every run makes the same data. Good enough for
/// test data only.
pub struct Lcg(u64);

impl Lcg {
    /// A generator starting from `seed`.
    pub fn new(seed: u64) -> Lcg {
        Lcg(seed)
    }

    /// The next 64 random bits: the state steps on as an LCG, and its output is mixed (the
    /// splitmix64 finaliser), so that draws a fixed number of steps apart, such as the same
    /// item of consecutive respondents, are not correlated as a bare LCG's would be.
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number below `n` (0 for `n` of 0).
    pub fn below(&mut self, n: usize) -> usize {
        ((self.next() >> 33) as usize) % n.max(1)
    }

    /// `N` bytes, for seeds.
    pub fn bytes<const N: usize>(&mut self) -> [u8; N] {
        let mut out = [0; N];
        for chunk in out.chunks_mut(4) {
            let word = ((self.next() >> 32) as u32).to_le_bytes();
            chunk.copy_from_slice(&word[..chunk.len()]);
        }
        out
    }

    /// `list` in a random order (Fisher–Yates).
    pub fn shuffle<T>(&mut self, mut list: Vec<T>) -> Vec<T> {
        for i in (1..list.len()).rev() {
            let j = self.below(i + 1);
            list.swap(i, j);
        }
        list
    }
}

/// A synthetic response of respondent `n` to `inst`: every item that is shown answered
/// with a random allowed answer (see [`response_with`]).
pub fn response(inst: &Instrument, rng: &mut Lcg, n: usize) -> Response {
    response_with(inst, rng, n, &BTreeMap::new())
}

/// A synthetic response of respondent `n` to `inst`, with the answers in `pinned` where
/// their item is shown.
///
/// Items are walked in order, as a respondent would see them: an item is answered only
/// when its section's and its own `show_if` hold on the answers given so far. A pinned
/// answer for an item that is not shown is left out, exactly as the app leaves it out.
/// Every other shown item gets a random allowed answer: one code, multiple-choice codes in
/// option order (at least one, at most `max_choices`), a number in range, a matrix row
/// each, and a short word for open text. Never "weet ik niet" or "sla over".
///
/// The id is `n` in 8 hexadecimal digits followed by 24 random ones, so the ids of one set
/// never repeat and different sets do not share ids.
pub fn response_with(
    inst: &Instrument,
    rng: &mut Lcg,
    n: usize,
    pinned: &BTreeMap<&str, Answer>,
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
            let answer = match pinned.get(item.id.as_str()) {
                Some(a) => Some(a.clone()),
                None => random_answer(item, rng),
            };
            if let Some(a) = answer {
                answers.insert(item.id.clone(), a);
            }
        }
    }
    let id = format!("{:08x}{:016x}{:08x}", n as u32, rng.next(), rng.next() >> 32);
    Response {
        id,
        instrument: inst.id.clone(),
        instrument_version: inst.version.clone(),
        week: WEEK.into(),
        answers,
    }
}

/// Whether something with this `show_if` is shown, given the answers so far (which hold
/// only items that were shown, so a hidden item counts as unanswered).
fn shown(show_if: Option<&Condition>, answers: &BTreeMap<String, Answer>) -> bool {
    show_if.is_none_or(|c| c.holds(&|id: &str| answers.get(id)))
}

/// A random allowed answer to `item`; `None` only for an open text shorter than any word.
fn random_answer(item: &Item, rng: &mut Lcg) -> Option<Answer> {
    let codes: Vec<String> = item.kind.choices().into_iter().map(|c| c.code).collect();
    Some(match &item.kind {
        ItemKind::Matrix { rows, .. } => Answer::Rows(
            rows.iter().map(|r| (r.id.clone(), codes[rng.below(codes.len())].clone())).collect(),
        ),
        ItemKind::MultipleChoice { max, .. } => {
            let limit = max.unwrap_or(codes.len()).max(1);
            let mut picked: Vec<String> =
                codes.iter().filter(|_| rng.below(3) == 0).take(limit).cloned().collect();
            if picked.is_empty() {
                picked.push(codes[rng.below(codes.len())].clone());
            }
            // An exclusive option ("niets") stands alone.
            if picked.len() > 1 {
                picked.retain(|c| !item.kind.exclusive_codes().contains(&c.as_str()));
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
                return None;
            }
            Answer::Text(word.to_string())
        }
        _ => Answer::Choice(codes[rng.below(codes.len())].clone()),
    })
}

/// Student responses in the bench workload.
pub const BENCH_STUDENTS: usize = 20_000;

/// Staff responses in the bench workload.
pub const BENCH_STAFF: usize = 1_000;

/// What the benches measure: both built-in vragenlijsten and synthetic responses to them.
pub struct Workload {
    /// The built-in student vragenlijst.
    pub student: Instrument,
    /// The built-in staff vragenlijst.
    pub staff: Instrument,
    /// [`BENCH_STUDENTS`] student responses.
    pub students: Vec<Response>,
    /// [`BENCH_STAFF`] staff responses.
    pub staff_responses: Vec<Response>,
}

impl Workload {
    /// The same [`BENCH_STUDENTS`] + [`BENCH_STAFF`] responses on every run, on the host
    /// and in the browser (seed 2026).
    pub fn generate() -> Workload {
        let student = builtin::student().expect("the built-in student vragenlijst");
        let staff = builtin::staff().expect("the built-in staff vragenlijst");
        let mut rng = Lcg::new(2026);
        let students = (0..BENCH_STUDENTS).map(|n| response(&student, &mut rng, n)).collect();
        let staff_responses = (0..BENCH_STAFF).map(|n| response(&staff, &mut rng, n)).collect();
        Workload { student, staff, students, staff_responses }
    }
}

/// What the benches print for coding the workload into tables.
pub const CODING: &str =
    "code 20,000 student + 1,000 staff responses into tables (once, as they are opened)";

/// What the benches print for the analysis of the workload.
pub const ANALYSIS: &str = "analysis from the tables, 20,000 student + 1,000 staff responses";

/// The budget of [`ANALYSIS`] in the browser (issue 5), in milliseconds.
pub const ANALYSIS_BUDGET_MS: f64 = 100.0;

/// What the benches print for coding the workload's students for the export.
pub const EXPORT_CODING: &str =
    "code 20,000 student responses for the export (once, as they are opened)";

/// What the benches print for exporting the workload's students.
pub const EXPORT: &str = "export 20,000 coded student responses (anonymise, aggregate, shuffle)";

/// What the benches print for writing that export as JSON.
pub const EXPORT_JSON: &str = "write that export as JSON";

/// The budget of the export in the browser (issue 6).
pub const EXPORT_BUDGET_MS: f64 = 300.0;

/// The workload's students coded for the export.
pub fn export_sheet(w: &Workload) -> spiegel::domain::export::ExportSheet {
    spiegel::domain::export::ExportSheet::new(&w.student, &w.students).expect("the workload codes")
}

/// The export of the workload's students (coded in `sheet`) as one meting, with the
/// default options (no open text, weeks, k = 5) and a fixed seed.
pub fn export_students(
    w: &Workload,
    meting: &spiegel::domain::meting::Meting,
    sheet: &spiegel::domain::export::ExportSheet,
) -> spiegel::domain::export::ExportDocument {
    use spiegel::domain::export::{self, ExportInput, ExportOptions, MetingInput};
    let input = ExportInput {
        instruments: vec![&w.student],
        metingen: vec![MetingInput { plan: None, released: None, meting, responses: sheet.into() }],
    };
    export::export(&input, &ExportOptions::default(), [9; 32], WEEK).expect("the workload exports")
}

/// A meting of `instrument` for the benches (fixed seeds, one PBKDF2 round).
pub fn bench_meting(instrument: &Instrument) -> spiegel::domain::meting::Meting {
    use spiegel::domain::meting::{Context, Draft, Meting, Seeds};
    let draft = Draft {
        label: "Bench".into(),
        context: Context::default(),
        pin: "bench-2468".into(),
        pin_again: "bench-2468".into(),
    };
    let seeds = Seeds { id: [3; 8], key: [4; 32], salt: [5; 16], nonce: [6; 12] };
    Meting::create(instrument, &draft, WEEK, seeds, 1).expect("a bench meting").0
}

/// Timings of repeated runs of one thing, in milliseconds, sorted.
pub struct Runs(Vec<f64>);

impl Runs {
    /// Runs `f` `runs` times (at least once), timing each run with `now`, a clock in
    /// milliseconds.
    pub fn measure(runs: usize, now: impl Fn() -> f64, mut f: impl FnMut()) -> Runs {
        let mut times: Vec<f64> = (0..runs.max(1))
            .map(|_| {
                let start = now();
                f();
                now() - start
            })
            .collect();
        times.sort_by(f64::total_cmp);
        Runs(times)
    }

    /// The fastest run.
    pub fn min(&self) -> f64 {
        self.0.first().copied().unwrap_or(0.0)
    }

    /// The median run (the upper one of an even number).
    pub fn median(&self) -> f64 {
        self.0.get(self.0.len() / 2).copied().unwrap_or(0.0)
    }

    /// The slowest run.
    pub fn max(&self) -> f64 {
        self.0.last().copied().unwrap_or(0.0)
    }

    /// One line of bench output: `what`, then the runs, then the budget if there is one,
    /// e.g. `analysis …: median 7.5 ms (min 7.1, max 9.0; 21 runs), budget in the browser
    /// 100 ms`.
    pub fn line(&self, what: &str, budget_ms: Option<f64>) -> String {
        match budget_ms {
            Some(budget) => format!("{what}: {self}, budget in the browser {budget} ms"),
            None => format!("{what}: {self}"),
        }
    }
}

impl fmt::Display for Runs {
    /// `median 7.5 ms (min 7.1, max 9.0; 21 runs)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "median {:.1} ms (min {:.1}, max {:.1}; {} runs)",
            self.median(),
            self.min(),
            self.max(),
            self.0.len()
        )
    }
}
