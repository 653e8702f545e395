//! The anonymised export for researchers: one versioned [`ExportDocument`] with a
//! codebook, the parameters, the metingen, aggregates and (unless aggregates only) one
//! coded record per response; written as JSON ([`to_json`], the primary format, described
//! by `public/schema/spiegel-export.v1.schema.json`) or as CSV files with a Frictionless
//! `datapackage.json` ([`to_csv`]), and read back with [`read_export`].
//!
//! # Anonymous by construction
//!
//! - **Ids** of metingen and responses are fresh random values drawn from the `seed`
//!   passed to [`export`]; nothing is derived from the device's ids, so two exports of the
//!   same responses cannot be linked record by record. The team's label for a meting never
//!   leaves the device.
//! - **Dates** are ISO weeks (`2026-W48`) or months (`2026-11`, see [`Coarse`]); the export
//!   itself is dated by its ISO week.
//! - **No device, browser or timing data**: the document types have no field for it.
//! - **Open text** is left out unless [`ExportOptions::include_text`]; then every text goes
//!   through [`scrub`] and the team reviews what is left ([`texts`]), dropping any text by
//!   its [`TextKey`] in [`ExportOptions::dropped`].
//! - **Small metingen**: a meting with fewer than `k` responses keeps only its counts (all
//!   hidden) and has its context suppressed; none of its responses becomes a record.
//! - **Quasi-identifiers** (context items, the staff role, the period) are generalised or
//!   suppressed until every combination within a meting holds at least `k` records; see
//!   [`quasi`] for the hierarchies and the procedure. The anonymisation report lists what
//!   was changed, with counts that can all be read off the records themselves.
//! - **Order**: metingen and records are shuffled with the seed.
//! - **Aggregates** are always there: per meting and coded item (and matrix row), counts
//!   per code, with every cell below `k` hidden (`null` plus a flag) and, for exclusive
//!   codes, one more cell hidden when the hidden cells together would give a small count
//!   away. [`ExportOptions::aggregates_only`] leaves the records out altogether.
//!
//! # Missing values
//!
//! In `answers`, an item without a key was not shown or not answered. Three codes stand
//! for a missing value wherever a code or number could stand: `weet_niet` ("weet ik
//! niet"), `sla_over` (the respondent skipped it) and `onderdrukt` (suppressed for
//! anonymity). A matrix row can hold `weet_niet` too.
//!
//! # Usage
//!
//! ```
//! use std::collections::BTreeSet;
//! use spiegel::domain::builtin;
//! use spiegel::domain::export::{export, read_export, to_json, ExportInput, ExportOptions};
//!
//! let student = builtin::student().unwrap();
//! let input = ExportInput { instruments: vec![&student], metingen: vec![] };
//! let doc = export(&input, &ExportOptions::default(), [7; 32], "2026-W48").unwrap();
//! let json = to_json(&doc);
//! assert_eq!(read_export(&json).unwrap(), doc);
//! ```

mod aggregate;
mod codebook;
mod coder;
mod csv;
mod document;
mod error;
mod json;
mod period;
pub mod plan;
mod prepare;
mod preview;
pub mod quasi;
mod read;
mod report;
mod scrub;
mod sheet;

pub use csv::{to_csv, DATAPACKAGE};
pub use document::*;
pub use error::ExportError;
pub use json::to_json;
pub use plan::{ExportPlan, PeriodLevel, RecordPlan, Refusal};
pub use preview::{preview, Preview, PreviewField, PreviewInstrument};
pub use quasi::quasi_identifiers;
pub use read::{meting_responses, meting_table, read_export};
pub use report::*;
pub use scrub::{scrub, Pattern, Scrubbed, PLACEHOLDER};
pub use sheet::ExportSheet;

use std::collections::{BTreeMap, BTreeSet};

use rand_chacha::rand_core::{RngCore, SeedableRng};
use rand_chacha::ChaCha20Rng;

use crate::domain::analysis::Settings;
use crate::domain::answer::DONT_KNOW_CODE;
use crate::domain::instrument::{Instrument, SHARE_BANDS};
use crate::domain::meting::{Meting, MetingId};
use crate::domain::response::Response;
use crate::domain::text::Text;

use coder::Plan;
use prepare::{prepare, Work};
use quasi::Outcome;

/// Missing-value code: the respondent chose "sla over".
pub const SKIPPED_CODE: &str = "sla_over";

/// Missing-value code: the value was suppressed for anonymity.
pub const SUPPRESSED_CODE: &str = "onderdrukt";

/// One meting to export, with its responses.
#[derive(Debug, Clone, Copy)]
pub struct MetingInput<'a> {
    /// The meting. Its id keys the review of texts; its label is never read.
    pub meting: &'a Meting,
    /// Its responses, all to the meting's instrument.
    pub responses: Responses<'a>,
    /// What its earlier exports fixed ([`plan`]); `None` before its first export.
    pub plan: Option<&'a ExportPlan>,
    /// The meting's released set: the ids of the responses that every earlier view of it
    /// showed, in the mirror or in an export ([`crate::domain::analysis::release`]). With
    /// it, the export takes those and the responses collected since only when at least
    /// `k` arrived; fewer stay on the device ([`Planned::held_back`]), and the set after
    /// this export is in [`Planned::released`]. `None` takes every response given (the
    /// export on its own, without a device that remembers).
    pub released: Option<&'a BTreeSet<String>>,
}

/// A meting's responses: as they are, or coded beforehand with [`ExportSheet::new`]
/// (which saves reading them again, the larger part of the time for a large meting).
#[derive(Debug, Clone, Copy)]
pub enum Responses<'a> {
    /// The responses themselves.
    Plain(&'a [Response]),
    /// The responses, coded for the meting's instrument.
    Coded(&'a ExportSheet),
}

impl<'a> From<&'a [Response]> for Responses<'a> {
    fn from(list: &'a [Response]) -> Self {
        Responses::Plain(list)
    }
}

impl<'a> From<&'a Vec<Response>> for Responses<'a> {
    fn from(list: &'a Vec<Response>) -> Self {
        Responses::Plain(list)
    }
}

impl<'a> From<&'a ExportSheet> for Responses<'a> {
    fn from(sheet: &'a ExportSheet) -> Self {
        Responses::Coded(sheet)
    }
}

/// The metingen to export and the instruments they use.
#[derive(Debug, Clone)]
pub struct ExportInput<'a> {
    /// Every instrument (id and version) a meting uses; others are left out of the codebook
    /// unless a used staff instrument mirrors them.
    pub instruments: Vec<&'a Instrument>,
    /// The metingen.
    pub metingen: Vec<MetingInput<'a>>,
}

/// The team's choices for one export.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ExportOptions {
    /// `k`, the smallest group.
    pub settings: Settings,
    /// Include open answers, scrubbed and reviewed. Off by default.
    pub include_text: bool,
    /// Open answers the team dropped in the review.
    pub dropped: BTreeSet<TextKey>,
    /// Counts only, no records.
    pub aggregates_only: bool,
    /// Weeks or months.
    pub dates: Coarse,
}

/// Which open answer: stable for one input, never written to the export.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TextKey {
    /// The meting (on the device).
    pub meting: MetingId,
    /// The response id (on the device).
    pub response: String,
    /// The item.
    pub item: String,
}

/// An open answer as it would leave the device, for the review screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewText {
    /// Its key, for [`ExportOptions::dropped`].
    pub key: TextKey,
    /// The instrument id.
    pub instrument: String,
    /// The question.
    pub question: Text,
    /// The text after scrubbing: exactly what would be exported.
    pub text: String,
    /// What scrubbing replaced.
    pub found: Vec<Pattern>,
    /// Whether the team dropped it (it is listed anyway, so it can be taken back).
    pub dropped: bool,
}

/// Makes the export of `input`.
///
/// `seed` must be fresh random bytes for every export (from `crypto.getRandomValues` in
/// the app): it draws the ids and the order. `created_week` is the ISO week of today,
/// e.g. `2026-W48`. Fails on a malformed week, a meting whose instrument was not passed,
/// a response to another instrument than its meting's, or an instrument that uses one of
/// the missing-value codes as an option code.
pub fn export(
    input: &ExportInput<'_>,
    options: &ExportOptions,
    seed: [u8; 32],
    created_week: &str,
) -> Result<ExportDocument, ExportError> {
    export_planned(input, options, seed, created_week).map(|p| p.document)
}

/// An export with what the device keeps of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Planned {
    /// The document that leaves.
    pub document: ExportDocument,
    /// Per meting (on the device), its plan after this export: keep it, and pass it as
    /// [`MetingInput::plan`] to every later export of the meting.
    pub plans: Vec<(MetingId, ExportPlan)>,
    /// Per meting, responses that stay behind because fewer than `k` arrived since its
    /// released set last grew.
    pub held_back: Vec<(MetingId, usize)>,
    /// Per meting given with a released set, that set after this export (the ids of every
    /// response in it): keep it as the meting's released set.
    pub released: Vec<(MetingId, BTreeSet<String>)>,
}

/// Makes the export of `input` following each meting's [`ExportPlan`] (see [`plan`]), and
/// the plans to keep. Refuses choices that would break a plan
/// ([`ExportError::Frozen`]); otherwise as [`export`].
pub fn export_planned(
    input: &ExportInput<'_>,
    options: &ExportOptions,
    seed: [u8; 32],
    created_week: &str,
) -> Result<Planned, ExportError> {
    if !period::is_week(created_week) {
        return Err(ExportError::BadWeek(created_week.into()));
    }
    let prepared = prepare(input, options)?;
    let mut plans = Vec::with_capacity(prepared.metingen.len());
    let mut held_back = Vec::new();
    let mut released = Vec::new();
    for work in &prepared.metingen {
        let id = work.input.meting.id;
        plans.push((id, work.plan_after(&prepared, options)));
        if work.held_back > 0 {
            held_back.push((id, work.held_back));
        }
        if work.input.released.is_some() {
            let ids = (0..work.sheet.len()).map(|r| work.sheet.id(r).to_string()).collect();
            released.push((id, ids));
        }
    }
    let k = options.settings.k();
    let mut rng = ChaCha20Rng::from_seed(seed);
    let meting_ids = unique_ids(&mut rng, prepared.metingen.len(), 'm', 8);
    let mut order: Vec<usize> = (0..prepared.metingen.len()).collect();
    shuffle(&mut order, &mut rng);
    let total: usize =
        prepared.metingen.iter().filter(|m| m.outcome.is_some()).map(|m| m.sheet.len()).sum();
    let mut response_ids = unique_ids(&mut rng, total, 'r', 16).into_iter();

    let mut metingen = Vec::with_capacity(order.len());
    let mut aggregates = Vec::with_capacity(order.len());
    let mut records: Vec<ExportResponse> = Vec::with_capacity(total);
    let mut report = Report::default();
    for &m in &order {
        let (Some(work), Some(export_id)) = (prepared.metingen.get(m), meting_ids.get(m)) else {
            continue;
        };
        let Some(plan) = prepared.plans.get(work.plan) else { continue };
        let export_id = Sym::from(export_id.as_str());
        let meting = work.input.meting;
        let sheet = &*work.sheet;
        let (items, cells, hidden) = aggregate::count(plan, sheet, k);
        report.cells += cells;
        report.hidden_cells += hidden;
        aggregates.push(MetingAggregates {
            meting: export_id.clone(),
            responses: sheet.len(),
            items,
        });
        let mut exported = 0;
        if let Some(outcome) = &work.outcome {
            let mut perm: Vec<usize> = (0..sheet.len()).collect();
            shuffle(&mut perm, &mut rng);
            for r in perm {
                let Some(id) = response_ids.next() else { continue };
                let record =
                    plan.record(work, outcome, r, id, &export_id, options, &mut report.texts);
                records.push(record);
                exported += 1;
            }
            report.meting(plan, outcome, &export_id);
        } else if work.small {
            report.small.push(SmallMeting {
                meting: export_id.to_string(),
                responses: sheet.len(),
                reason: Reason::FewerThanKResponses,
            });
        }
        let context = |value: &Option<String>| {
            if work.small {
                Some(SUPPRESSED_CODE.to_string())
            } else {
                value.clone()
            }
        };
        metingen.push(ExportMeting {
            id: export_id.to_string(),
            instrument: meting.instrument.clone(),
            instrument_version: meting.instrument_version.clone(),
            context: ContextCode {
                domein: context(&meting.context.domein),
                niveau: context(&meting.context.niveau),
                leerweg: context(&meting.context.leerweg),
            },
            period: coarse(&meting.week, options.dates),
            responses: sheet.len(),
            records: exported,
        });
    }

    let with_records = !options.aggregates_only;
    let mut steps = vec![
        Step::FreshIds,
        Step::OrderShuffled,
        Step::DatesCoarsened,
        Step::NoDeviceData,
        Step::SmallMetingenLeftOut,
    ];
    if with_records {
        steps.push(Step::QuasiIdentifiersKAnonymous);
        steps.push(Step::RoutedAnswersSuppressed);
    }
    steps.push(Step::CellsBelowKSuppressed);
    steps.push(match (with_records, options.include_text) {
        (false, _) => Step::ResponsesLeftOut,
        (true, true) => Step::OpenTextScrubbedAndReviewed,
        (true, false) => Step::OpenTextLeftOut,
    });
    let hierarchies: Vec<QuasiIdentifier> = prepared
        .plans
        .iter()
        .flat_map(|p| {
            p.qis.iter().map(|q| QuasiIdentifier {
                instrument: p.instrument.id.clone(),
                instrument_version: p.instrument.version.clone(),
                item: q.item.map(|i| i.id.clone()),
                levels: q.report(),
            })
        })
        .collect();
    report.texts.included = with_records && options.include_text;
    // What the share answers stood for: the ranges the exported staff vragenlijst showed
    // (also in its codebook labels), or the defaults for one that showed words only.
    let bands = input
        .instruments
        .iter()
        .flat_map(|i| i.items())
        .find_map(|(_, item)| match item.kind {
            crate::domain::instrument::ItemKind::Share { bands } => bands,
            _ => None,
        })
        .unwrap_or_default();
    let document = ExportDocument {
        spiegel_export: FORMAT_VERSION,
        created: created_week.to_string(),
        parameters: Parameters {
            k,
            bands: BandParameters {
                cuts: bands.cuts().to_vec(),
                ranges: SHARE_BANDS
                    .iter()
                    .enumerate()
                    .map(|(i, (code, _, _))| {
                        let (from, to) = bands.range(i);
                        BandRange { code: (*code).into(), from, to }
                    })
                    .collect(),
            },
            dates: options.dates,
            open_text: with_records && options.include_text,
            aggregates_only: options.aggregates_only,
            steps,
        },
        codebook: Codebook {
            missing_codes: missing_codes(),
            instruments: prepared
                .codebook
                .iter()
                .map(|inst| {
                    let qis = quasi_identifiers(inst);
                    codebook::entry(inst, |id| qis.iter().any(|i| i.id == id))
                })
                .collect(),
        },
        metingen,
        anonymisation: Anonymisation {
            quasi_identifiers: hierarchies,
            small_metingen: report.small,
            generalised: report.generalised,
            suppressed: report.suppressed,
            blanked: report.blanked,
            texts: report.texts,
            cells: CellReport { cells: report.cells, suppressed: report.hidden_cells },
        },
        aggregates,
        responses: with_records.then_some(records),
    };
    Ok(Planned { document, plans, held_back, released })
}

/// Every open answer that would leave the device with `options.include_text` on, scrubbed,
/// in meting and response order, for the review screen. Dropped texts are listed too,
/// marked. Texts of metingen below `k`, of answers suppressed for anonymity and of an
/// aggregates-only export are not listed: they never leave.
pub fn texts(
    input: &ExportInput<'_>,
    options: &ExportOptions,
) -> Result<Vec<ReviewText>, ExportError> {
    let prepared = prepare(input, options)?;
    let mut out = Vec::new();
    for work in &prepared.metingen {
        let (Some(outcome), Some(plan)) = (&work.outcome, prepared.plans.get(work.plan)) else {
            continue;
        };
        for r in 0..work.sheet.len() {
            for (item, text) in plan.texts(work, outcome, r) {
                let key = TextKey {
                    meting: work.input.meting.id,
                    response: work.sheet.id(r).to_string(),
                    item: item.id.clone(),
                };
                let scrubbed = scrub(text);
                out.push(ReviewText {
                    dropped: options.dropped.contains(&key),
                    key,
                    instrument: plan.instrument.id.clone(),
                    question: item.text.clone(),
                    text: scrubbed.text,
                    found: scrubbed.found,
                });
            }
        }
    }
    Ok(out)
}

/// The missing-value codes with their meaning.
fn missing_codes() -> Vec<CodeLabel> {
    let code = |code: &str, nl: &str, en: &str| CodeLabel {
        code: code.into(),
        label: Label { nl: nl.into(), en: en.into() },
        exclusive: false,
        show_if: None,
    };
    vec![
        code(DONT_KNOW_CODE, "Weet ik niet", "Don't know"),
        code(SKIPPED_CODE, "Overgeslagen (sla over)", "Skipped by the respondent"),
        code(SUPPRESSED_CODE, "Onderdrukt voor anonimiteit", "Suppressed for anonymity"),
    ]
}

/// A response's or meting's week, as coarse as asked; `onderdrukt` if it is not a week.
fn coarse(week: &str, dates: Coarse) -> String {
    match (period::Week::parse(week), dates) {
        (Some(_), Coarse::Week) => week.to_string(),
        (Some(w), Coarse::Month) => w.month(),
        (None, _) => SUPPRESSED_CODE.to_string(),
    }
}

/// `count` distinct ids: `prefix` and `hex` random hexadecimal digits (at most 16).
fn unique_ids(rng: &mut ChaCha20Rng, count: usize, prefix: char, hex: usize) -> Vec<String> {
    let bits = (hex * 4).min(64) as u32;
    let mask = if bits >= 64 { u64::MAX } else { (1u64 << bits) - 1 };
    let mut values: Vec<u64> = (0..count).map(|_| rng.next_u64() & mask).collect();
    // Collisions are astronomically rare; redraw until there are none.
    loop {
        let mut sorted = values.clone();
        sorted.sort_unstable();
        let duplicate = sorted.windows(2).find_map(|w| match w {
            [a, b] if a == b => Some(*a),
            _ => None,
        });
        let Some(dup) = duplicate else { break };
        if let Some(v) = values.iter_mut().find(|v| **v == dup) {
            *v = rng.next_u64() & mask;
        }
    }
    values.into_iter().map(|v| format!("{prefix}{v:0hex$x}")).collect()
}

/// Fisher–Yates with the export's generator.
fn shuffle<T>(list: &mut [T], rng: &mut ChaCha20Rng) {
    for i in (1..list.len()).rev() {
        let j = (rng.next_u64() % (i as u64 + 1)) as usize;
        list.swap(i, j);
    }
}

/// The anonymisation report as it is built.
#[derive(Default)]
struct Report {
    small: Vec<SmallMeting>,
    generalised: Vec<Generalised>,
    suppressed: Vec<Suppressed>,
    blanked: Vec<Blanked>,
    texts: TextReport,
    cells: usize,
    hidden_cells: usize,
}

impl Report {
    /// Adds what the k-anonymity procedure did to one meting.
    fn meting(&mut self, plan: &Plan<'_>, outcome: &Outcome, meting: &Sym) {
        let n = outcome.suppressed.len();
        for (q, def) in plan.qis.iter().enumerate() {
            let level = outcome.levels.get(q).copied().unwrap_or(0);
            if level == 0 {
                continue;
            }
            let records = (0..n)
                .filter(|&r| {
                    !outcome.suppressed.get(r).copied().unwrap_or(true) && outcome.value(r, q).1
                })
                .count();
            self.generalised.push(Generalised {
                meting: meting.to_string(),
                item: def.item.map(|i| i.id.clone()),
                level,
                records,
                reason: Reason::CombinationBelowK,
            });
        }
        for (records, reason) in [
            (outcome.primary, Reason::CombinationBelowK),
            (outcome.topped_up, Reason::SuppressedGroupBelowK),
        ] {
            if records > 0 {
                self.suppressed.push(Suppressed { meting: meting.to_string(), records, reason });
            }
        }
        let mut blanked: BTreeMap<(usize, usize), usize> = BTreeMap::new();
        for list in &outcome.blanked {
            for &(item, q) in list {
                *blanked.entry((item, q)).or_default() += 1;
            }
        }
        for ((item, q), records) in blanked {
            let item = plan.keys.get(item).map(|k| k.to_string()).unwrap_or_default();
            let because_of =
                plan.qis.get(q).and_then(|d| d.item).map(|i| i.id.clone()).unwrap_or_default();
            self.blanked.push(Blanked {
                meting: meting.to_string(),
                item,
                because_of,
                records,
                reason: Reason::ShownOnlyForSomeValues,
            });
        }
    }
}
