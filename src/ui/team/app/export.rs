//! The export's part of [`super::Screens`]: gathering the chosen metingen's responses,
//! building the anonymised document (`domain::export`) with fresh random bytes, and
//! downloading it as JSON or as CSV with a Frictionless `datapackage.json`.

use leptos::prelude::*;

use super::Screens;
use crate::domain::analysis::Settings;
use crate::domain::export::{
    self, preview, to_csv, to_json, Coarse, ExportInput, ExportOptions, MetingInput,
};
use crate::domain::instrument::Instrument;
use crate::domain::meting::Meting;
use crate::domain::response::Response;
use crate::domain::text::Lang;
use crate::storage::team::TeamMeting;
use crate::ui::browser::{download_text, secure_random, this_week};
use crate::ui::team::i18n::team::team_words;
use crate::ui::team::i18n::vault::vault_words;
use crate::ui::team::pages::export::{report_lines, Built, ExportRequest, ExportSource, Format};

impl Screens {
    /// Every meting on this device, for the export.
    pub(super) fn export_sources(self, lang: Lang) -> Vec<ExportSource> {
        let t = team_words(lang);
        self.team
            .metingen()
            .into_iter()
            .map(|m| {
                let count = self.team.count(m.id);
                ExportSource {
                    id: m.id.to_text(),
                    facts: format!(
                        "{} · {} {} · {}",
                        self.title_of(&m.instrument, lang),
                        t.week,
                        m.week,
                        t.responses_counted(count)
                    ),
                    unlocked: self.keys_of(m.id).is_some(),
                    label: m.label,
                }
            })
            .collect()
    }

    /// Builds the export the team asked for and keeps it for the download.
    ///
    /// The preview shows what would leave, so it is a view of each meting like the mirror:
    /// it takes the meting's released set (and the responses since, when there are at
    /// least `k`), and the set it showed is kept at once. The plan is kept when the export
    /// is downloaded.
    pub(super) fn build_export(self, req: &ExportRequest, lang: Lang) -> Result<Built, String> {
        let mut opened: Vec<(Meting, Instrument, Vec<Response>, TeamMeting)> = Vec::new();
        for id in &req.metingen {
            let (meting, instrument, keys) = self.unlocked_meting(id, lang)?;
            let (responses, _) = self.responses(&meting, &instrument, &keys);
            let kept = self
                .team
                .team_meting(meting.id)
                .ok_or_else(|| team_words(lang).invite_missing.to_string())?;
            opened.push((meting, instrument, responses, kept));
        }
        // The codebook holds every vragenlijst used, and the student one a staff one mirrors.
        let mut instruments: Vec<Instrument> = Vec::new();
        for (_, i, _, _) in &opened {
            let mirrored =
                i.mirrors.as_ref().and_then(|s| self.catalog.with_value(|c| c.current(s).cloned()));
            for inst in std::iter::once(i.clone()).chain(mirrored) {
                if !instruments.iter().any(|x| x.id == inst.id && x.version == inst.version) {
                    instruments.push(inst);
                }
            }
        }
        let input = ExportInput {
            instruments: instruments.iter().collect(),
            metingen: opened
                .iter()
                .map(|(meting, _, responses, kept)| MetingInput {
                    meting,
                    responses: responses[..].into(),
                    plan: kept.plan.as_ref(),
                    released: Some(&kept.released),
                })
                .collect(),
        };
        let options = ExportOptions {
            settings: Settings::with_k(req.k),
            include_text: req.include_text,
            dropped: req.dropped.clone(),
            aggregates_only: req.aggregates_only,
            dates: if req.months { Coarse::Month } else { Coarse::Week },
        };
        let seed =
            secure_random::<32>().ok_or_else(|| team_words(lang).err_no_random.to_string())?;
        let planned =
            export::export_planned(&input, &options, seed, &this_week()).map_err(|e| match &e {
                export::ExportError::Frozen { meting, .. } => {
                    let label = self.team.meting(*meting).map(|m| m.label).unwrap_or_default();
                    format!("{label}: {}", e.message(lang))
                }
                _ => e.message(lang),
            })?;
        // Shown in the preview: the released sets grow now, before the screen shows them.
        for (meting, released) in &planned.released {
            if let Some(mut m) = self.team.team_meting(*meting) {
                if m.released != *released {
                    m.released.clone_from(released);
                    self.team.keep(m);
                    // The mirror opens it again with the larger set.
                    self.forget_table(*meting);
                }
            }
        }
        let doc = planned.document.clone();
        let texts = if req.include_text && !req.aggregates_only {
            export::texts(&input, &options).map_err(|e| e.message(lang))?
        } else {
            Vec::new()
        };
        let mut report = report_lines(&doc, lang);
        let v = vault_words(lang);
        for (meting, n) in &planned.held_back {
            let label = self.team.meting(*meting).map(|m| m.label).unwrap_or_default();
            let words = if *n == 1 { v.held_back_one } else { v.held_back };
            report.push(format!("{label}: {n} {words}"));
        }
        // The responses held back are on the device and not in the file.
        let held: usize = planned.held_back.iter().map(|(_, n)| n).sum();
        let mut preview = preview(&doc);
        preview.responses += held;
        preview.left_out += held;
        let built = Built { preview, report, texts };
        self.export_doc.set_value(Some((doc, planned.plans)));
        Ok(built)
    }

    /// Downloads the last built export; false if there is none or the browser refused.
    pub(super) fn download_export(self, format: Format) -> bool {
        let plans = self.export_doc.with_value(|d| d.as_ref().map(|(_, p)| p.clone()));
        // What leaves fixes each meting's plan for every later export: kept first.
        for (meting, plan) in plans.unwrap_or_default() {
            if let Some(mut m) = self.team.team_meting(meting) {
                m.plan = Some(plan);
                self.team.keep(m);
            }
        }
        self.export_doc.with_value(|doc| {
            let Some((doc, _)) = doc else { return false };
            let stem = format!("spiegel-export-{}", doc.created);
            match format {
                Format::Json => {
                    download_text(&format!("{stem}.json"), "application/json", &to_json(doc))
                }
                Format::Csv => to_csv(doc).iter().all(|(name, text)| {
                    let kind =
                        if name.ends_with(".json") { "application/json" } else { "text/csv" };
                    download_text(name, kind, text)
                }),
            }
        })
    }
}
