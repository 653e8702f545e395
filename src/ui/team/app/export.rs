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
use crate::ui::browser::{download_text, secure_random, this_week};
use crate::ui::team::i18n::team::team_words;
use crate::ui::team::pages::export::{report_lines, Built, ExportRequest, ExportSource, Format};

impl Screens {
    /// Every meting on this device, for the export.
    pub(super) fn export_sources(self, lang: Lang) -> Vec<ExportSource> {
        let t = team_words(lang);
        self.persist
            .metingen()
            .into_iter()
            .map(|m| {
                let count = self.persist.inbox_ids(m.id).len();
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
    pub(super) fn build_export(self, req: &ExportRequest, lang: Lang) -> Result<Built, String> {
        let mut opened: Vec<(Meting, Instrument, Vec<Response>)> = Vec::new();
        for id in &req.metingen {
            let (meting, instrument, keys) = self.unlocked_meting(id, lang)?;
            let (responses, _) = self.responses(&meting, &instrument, &keys);
            opened.push((meting, instrument, responses));
        }
        // The codebook holds every vragenlijst used, and the student one a staff one mirrors.
        let mut instruments: Vec<Instrument> = Vec::new();
        for (_, i, _) in &opened {
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
                .map(|(meting, _, responses)| MetingInput {
                    meting,
                    responses: responses[..].into(),
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
        let doc =
            export::export(&input, &options, seed, &this_week()).map_err(|e| e.message(lang))?;
        let texts = if req.include_text && !req.aggregates_only {
            export::texts(&input, &options).map_err(|e| e.message(lang))?
        } else {
            Vec::new()
        };
        let built = Built { preview: preview(&doc), report: report_lines(&doc, lang), texts };
        self.export_doc.set_value(Some(doc));
        Ok(built)
    }

    /// Downloads the last built export; false if there is none or the browser refused.
    pub(super) fn download_export(self, format: Format) -> bool {
        self.export_doc.with_value(|doc| {
            let Some(doc) = doc else { return false };
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
