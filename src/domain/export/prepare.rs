//! The first stage of every export and of the review of open answers: the input checked,
//! every response coded (or its coded sheet reused), the released responses picked, and
//! the k-anonymity procedure run per meting; and each meting's plan after the export.

use std::borrow::Cow;
use std::collections::BTreeSet;

use crate::domain::analysis::release::release;
use crate::domain::instrument::Instrument;

use super::coder::Plan;
use super::quasi::{self, Outcome};
use super::{
    plan, Coarse, ExportError, ExportInput, ExportOptions, ExportPlan, ExportSheet, MetingInput,
    PeriodLevel, RecordPlan, Responses,
};

/// One meting, ready to export.
pub(super) struct Work<'a> {
    pub(super) input: &'a MetingInput<'a>,
    pub(super) plan: usize,
    /// Fewer than `k` responses.
    pub(super) small: bool,
    /// Its responses, coded.
    pub(super) sheet: Cow<'a, ExportSheet>,
    /// The k-anonymity outcome; `None` when no records are exported.
    pub(super) outcome: Option<Outcome>,
    /// Responses left on the device by the plan (fewer than `k` new ones).
    pub(super) held_back: usize,
}

impl Work<'_> {
    /// The meting's plan after this export.
    pub(super) fn plan_after(
        &self,
        prepared: &Prepared<'_>,
        options: &ExportOptions,
    ) -> ExportPlan {
        let before = self.input.plan;
        let k = options.settings.k();
        let records = match (&self.outcome, prepared.plans.get(self.plan)) {
            (Some(outcome), Some(plan)) => {
                let mut levels = Vec::new();
                let mut period = PeriodLevel::Week;
                for (q, def) in plan.qis.iter().enumerate() {
                    let level = outcome.levels.get(q).copied().unwrap_or(0);
                    match def.item {
                        Some(item) => levels.push((item.id.clone(), level)),
                        None => {
                            period = match (options.dates, level) {
                                (_, l) if l >= def.top() => PeriodLevel::Suppressed,
                                (Coarse::Week, 0) => PeriodLevel::Week,
                                _ => PeriodLevel::Month,
                            }
                        }
                    }
                }
                let suppressed = (0..self.sheet.len())
                    .filter(|&r| outcome.suppressed.get(r).copied().unwrap_or(false))
                    .map(|r| self.sheet.id(r).to_string())
                    .collect();
                let mut batches = before
                    .and_then(|p| p.records.as_ref())
                    .map(|r| r.batches.clone())
                    .unwrap_or_default();
                let fresh: BTreeSet<String> = (0..self.sheet.len())
                    .map(|r| self.sheet.id(r))
                    .filter(|id| !batches.iter().any(|b| b.contains(*id)))
                    .map(str::to_string)
                    .collect();
                if !fresh.is_empty() {
                    batches.push(fresh);
                }
                let was_months = before
                    .and_then(|p| p.records.as_ref())
                    .is_some_and(|r| r.dates == Coarse::Month);
                let dates = if was_months { Coarse::Month } else { options.dates };
                Some(RecordPlan { k, dates, levels, period, suppressed, batches })
            }
            _ => before.and_then(|p| p.records.clone()),
        };
        ExportPlan { k: before.map_or(k, |p| p.k), records }
    }
}

/// Everything [`super::export`] and [`super::texts`] share.
pub(super) struct Prepared<'a> {
    pub(super) plans: Vec<Plan<'a>>,
    pub(super) codebook: Vec<&'a Instrument>,
    pub(super) metingen: Vec<Work<'a>>,
}

/// Checks the input, codes every response and runs the k-anonymity procedure per meting.
pub(super) fn prepare<'a>(
    input: &'a ExportInput<'a>,
    options: &ExportOptions,
) -> Result<Prepared<'a>, ExportError> {
    let k = options.settings.k();
    let weeks = options.dates == Coarse::Week;
    let mut plans: Vec<Plan<'a>> = Vec::new();
    let mut metingen = Vec::with_capacity(input.metingen.len());
    for m in &input.metingen {
        let meting = m.meting;
        let same =
            |i: &Instrument| i.id == meting.instrument && i.version == meting.instrument_version;
        let at = match plans.iter().position(|p| same(p.instrument)) {
            Some(at) => at,
            None => {
                let instrument = input.instruments.iter().find(|i| same(i)).ok_or_else(|| {
                    ExportError::MissingInstrument {
                        instrument: meting.instrument.clone(),
                        version: meting.instrument_version.clone(),
                    }
                })?;
                plans.push(Plan::new(instrument, weeks)?);
                plans.len() - 1
            }
        };
        let Some(plan) = plans.get(at) else { continue };
        plan::check(m.plan, k, options.dates, !options.aggregates_only)
            .map_err(|refusal| ExportError::Frozen { meting: meting.id, refusal })?;
        let sheet = match m.responses {
            Responses::Plain(list) => Cow::Owned(ExportSheet::new(plan.instrument, list)?),
            Responses::Coded(sheet) if sheet.fits(plan.instrument) => Cow::Borrowed(sheet),
            Responses::Coded(_) => return Err(ExportError::OtherInstrument),
        };
        // The released set decides which responses this export may show.
        let (sheet, held_back) = match m.released {
            Some(before) => {
                let present: BTreeSet<String> =
                    (0..sheet.len()).map(|r| sheet.id(r).to_string()).collect();
                let step = release(before, &present, k);
                if step.shown.len() == sheet.len() {
                    (sheet, 0)
                } else {
                    let keep: Vec<bool> =
                        (0..sheet.len()).map(|r| step.shown.contains(sheet.id(r))).collect();
                    (Cow::Owned(sheet.subset(&keep)), step.held)
                }
            }
            None => (sheet, 0),
        };
        let small = sheet.len() < k;
        let outcome = (!small && !options.aggregates_only).then(|| {
            let (values, record_values) = plan.qi_values(&sheet, options.dates);
            let fixed = m
                .plan
                .and_then(|p| p.records.as_ref())
                .map(|r| plan.fixed(r, &sheet, options.dates))
                .unwrap_or_default();
            quasi::anonymise(
                &plan.qis,
                &plan.routing,
                &values,
                record_values,
                k,
                quasi::top_up_seed(&meting.id.0),
                &fixed,
            )
        });
        metingen.push(Work { input: m, plan: at, small, sheet, outcome, held_back });
    }
    // The codebook: used instruments in the order given, and what used staff instruments
    // mirror.
    let used = |i: &Instrument| plans.iter().any(|p| std::ptr::eq(p.instrument, i));
    let mirrored = |i: &Instrument| {
        plans.iter().any(|p| p.instrument.mirrors.as_deref() == Some(i.id.as_str()))
    };
    let mut codebook: Vec<&'a Instrument> = Vec::new();
    for &inst in &input.instruments {
        let seen = codebook.iter().any(|c| c.id == inst.id && c.version == inst.version);
        if !seen && (used(inst) || mirrored(inst)) {
            codebook.push(inst);
        }
    }
    Ok(Prepared { plans, codebook, metingen })
}
