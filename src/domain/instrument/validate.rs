//! Turning an instrument file into a validated [`Instrument`], collecting every problem.

use std::collections::{BTreeMap, BTreeSet};

use super::file::{
    ChoiceFile, ConditionFile, InstrumentFile, ItemFile, ScaleFile, TextFile, FORMAT_VERSION,
};
use super::problem::{JsonProblem, Problem, ProblemKind as P};
use super::{
    content_hash, Audience, Bands, Choice, Construct, ContentHash, ContextKey, Instrument, Item,
    ItemKind, Section, Source, Theme,
};
use crate::domain::answer::DONT_KNOW_CODE;
use crate::domain::condition::Condition;
use crate::domain::text::{Lang, Text};

mod kinds;

/// Default maximum length of an open text answer, in characters.
pub const DEFAULT_MAX_LENGTH: usize = 500;

/// The largest `max_length` an open text item may have, in characters. Together with
/// the check on the whole vragenlijst ([`ProblemKind::ResponseTooLarge`]) it makes every
/// valid response fit a response file and its QR codes.
///
/// [`ProblemKind::ResponseTooLarge`]: super::problem::ProblemKind::ResponseTooLarge
pub const MAX_MAX_LENGTH: usize = 2_000;

/// The most bytes a complete response may take once sealed in its envelope: what a
/// response file or a QR receipt carries ([`crate::domain::envelope::MAX_ENVELOPE`]).
pub fn max_sealed_len(instrument: &Instrument) -> usize {
    crate::domain::payload::max_len(instrument)
        .saturating_add(crate::domain::seal::SEAL_OVERHEAD)
        .saturating_add(crate::domain::envelope::ENVELOPE_OVERHEAD)
}

/// Reads an instrument file and validates it.
///
/// Returns the instrument, or every problem found, each with its place in the file: a
/// syntax error, duplicate ids, an unknown construct or theme, a `show_if` on an unknown
/// or later item, an empty scale, a missing translation, an item that can never be shown,
/// and more (see [`super::ProblemKind`]).
///
/// ```
/// let json = r#"{"spiegel_instrument": 1, "id": "x", "version": "1",
///   "audience": "student", "title": {"nl": "Test"}, "sections": []}"#;
/// let problems = spiegel::domain::instrument::parse(json).unwrap_err();
/// assert!(problems.iter().any(|p| p.message(spiegel::domain::text::Lang::En)
///     .contains("English text of 'title'")));
/// ```
pub fn parse(json: &str) -> Result<Instrument, Vec<Problem>> {
    // A file that parses below is JSON, so it has a hash.
    let hash = content_hash(json).unwrap_or(ContentHash([0; 32]));
    parse_known(json, hash)
}

/// [`parse`] with the content hash already known: the built-in vragenlijsten, whose hash
/// `build.rs` computed (a host test checks it equals [`content_hash`]).
pub fn parse_known(json: &str, hash: ContentHash) -> Result<Instrument, Vec<Problem>> {
    // Look at the format marker first, so a file of another version gets that message
    // rather than a list of fields this version does not know.
    let probe: Probe = serde_json::from_str(json).map_err(|e| vec![syntax(&e)])?;
    match probe.spiegel_instrument {
        Some(v) if v == FORMAT_VERSION => {}
        Some(found) => {
            return Err(vec![Problem::new("spiegel_instrument", P::FormatVersion { found })]);
        }
        None => {
            let kind = P::Json { problem: JsonProblem::NotAnInstrument, at: None };
            return Err(vec![Problem::new("", kind)]);
        }
    }
    let file: InstrumentFile = serde_json::from_str(json).map_err(|e| vec![syntax(&e)])?;
    let mut v = Validator::default();
    let instrument = v.instrument(file, hash);
    if v.problems.is_empty() {
        Ok(instrument)
    } else {
        Err(v.problems)
    }
}

/// Only the format marker; every other key is skipped.
#[derive(serde::Deserialize)]
struct Probe {
    #[serde(default)]
    spiegel_instrument: Option<u32>,
}

fn syntax(e: &serde_json::Error) -> Problem {
    let full = e.to_string();
    // serde_json appends " at line L column C"; the place is kept apart, the words are
    // made plain ([`JsonProblem`]).
    let (message, at) = match full.rfind(" at line ") {
        Some(i) => (&full[..i], Some((e.line(), e.column()))),
        None => (full.as_str(), None),
    };
    Problem::new("", P::Json { problem: JsonProblem::from_reader(message), at })
}

/// What later checks need to know about an item: where it is and what it takes.
struct Known {
    index: usize,
    kind: ItemKind,
}

#[derive(Default)]
struct Validator {
    problems: Vec<Problem>,
    /// Every id with the path where it was first used (items and sections share a space,
    /// so that a condition or a link can never be ambiguous).
    ids: BTreeMap<String, String>,
    /// Whether the file names an instrument it mirrors (`"mirrors"`).
    mirrors: bool,
    /// The ranges of the file's share answers (`"share_cuts"`).
    share_bands: Option<Bands>,
}

impl Validator {
    fn push(&mut self, path: impl Into<String>, kind: P) {
        self.problems.push(Problem::new(path, kind));
    }

    fn id(&mut self, id: &str, path: &str) {
        if !valid_id(id) {
            self.push(path, P::BadId { id: id.into() });
        }
    }

    fn unique_id(&mut self, id: &str, path: &str) {
        self.id(id, path);
        if let Some(first) = self.ids.get(id) {
            let first = first.clone();
            self.push(path, P::DuplicateId { id: id.into(), first });
        } else {
            self.ids.insert(id.into(), path.into());
        }
    }

    fn text(&mut self, t: &TextFile, field: &str, path: &str) -> Text {
        let mut get = |s: &Option<String>, lang: Lang| match s.as_deref().map(str::trim) {
            Some(s) if !s.is_empty() => s.to_string(),
            _ => {
                self.push(path, P::MissingTranslation { field: field.into(), lang });
                String::new()
            }
        };
        let nl = get(&t.nl, Lang::Nl);
        let en = get(&t.en, Lang::En);
        Text { nl, en }
    }

    /// The options or points of `list`; `extras` says whether an option may carry a
    /// `show_if` and `exclusive` here (the condition itself is read by [`Self::item`]).
    fn choices(&mut self, list: &[ChoiceFile], path: &str, extras: Extras) -> Vec<Choice> {
        if list.len() < 2 {
            self.push(path, P::TooFewChoices { count: list.len() });
        }
        let mut seen = BTreeSet::new();
        let mut out = Vec::with_capacity(list.len());
        for (i, c) in list.iter().enumerate() {
            let p = format!("{path}[{i}]");
            self.id(&c.code, &p);
            if c.code == DONT_KNOW_CODE {
                self.push(&p, P::ReservedCode { code: c.code.clone() });
            }
            if !seen.insert(c.code.as_str()) {
                self.push(&p, P::DuplicateCode { code: c.code.clone() });
            }
            if c.exclusive == Some(true) && extras != Extras::Multiple {
                self.push(&p, P::ExclusiveNotMultiple);
            }
            if c.show_if.is_some() && extras == Extras::Points {
                self.push(&p, P::OptionConditionOnPoint);
            }
            let label = self.text(&c.label, "label", &p);
            let mut choice = Choice::new(c.code.clone(), label);
            choice.exclusive = c.exclusive == Some(true) && extras == Extras::Multiple;
            out.push(choice);
        }
        out
    }

    fn instrument(&mut self, f: InstrumentFile, hash: ContentHash) -> Instrument {
        self.id(&f.id, "id");
        self.mirrors = f.mirrors.is_some();
        self.share_bands = f.share_cuts.as_ref().and_then(|found| {
            let cuts: Option<[u8; 4]> = found
                .iter()
                .map(|c| u8::try_from(*c).ok())
                .collect::<Option<Vec<u8>>>()
                .and_then(|c| c.try_into().ok());
            let bands = cuts.and_then(|c| Bands::new(c).ok());
            if bands.is_none() {
                self.push("share_cuts", P::BadShareCuts { found: found.clone() });
            }
            bands
        });
        let audience = match f.audience.as_str() {
            "student" => Audience::Student,
            "staff" => Audience::Staff,
            other => {
                self.push("audience", P::UnknownAudience { found: other.into() });
                Audience::Student
            }
        };
        let title = self.text(&f.title, "title", "title");
        let intro = match &f.intro {
            Some(t) => self.text(t, "intro", "intro"),
            None => Text::default(),
        };
        let themes = self.themes(&f);
        let constructs = self.constructs(&f, &themes);
        let scales = self.scales(&f.scales);
        let mut construct_ids = BTreeSet::new();
        for c in &constructs {
            construct_ids.insert(c.id.clone());
        }

        // First pass: every item's place, so conditions can tell "unknown" from "later".
        let mut order: BTreeMap<String, usize> = BTreeMap::new();
        let mut index = 0;
        for s in &f.sections {
            for it in &s.items {
                order.entry(it.id.clone()).or_insert(index);
                index += 1;
            }
        }

        let mut known: BTreeMap<String, Known> = BTreeMap::new();
        let mut sections = Vec::with_capacity(f.sections.len());
        let mut index = 0;
        for (si, s) in f.sections.iter().enumerate() {
            let sp = format!("sections[{si}]");
            self.unique_id(&s.id, &format!("{sp}.id"));
            let title = self.text(&s.title, "title", &sp);
            let first_index = index;
            let show_if = s.show_if.as_ref().and_then(|c| {
                self.condition(c, &format!("{sp}.show_if"), first_index, &order, &known)
            });
            let mut items = Vec::with_capacity(s.items.len());
            for (ii, it) in s.items.iter().enumerate() {
                let ip = format!("{sp}.items[{ii}]");
                let item = self.item(it, &ip, index, &order, &known, &scales, &construct_ids);
                if item.when_hidden.is_some() && item.show_if.is_none() && show_if.is_none() {
                    self.push(&ip, P::WhenHiddenNeverHidden);
                }
                known.insert(item.id.clone(), Known { index, kind: item.kind.clone() });
                items.push(item);
                index += 1;
            }
            sections.push(Section { id: s.id.clone(), title, show_if, items });
        }
        if index == 0 {
            self.push("sections", P::NoItems);
        }

        let instrument = Instrument {
            id: f.id,
            version: f.version,
            hash,
            audience,
            title,
            intro,
            minutes: f.minutes.unwrap_or(10),
            mirrors: f.mirrors,
            themes,
            constructs,
            sections,
        };
        // Reachability only makes sense once every reference resolved.
        if self.problems.is_empty() {
            self.reachability(&instrument);
            let bytes = max_sealed_len(&instrument);
            let limit = crate::domain::envelope::MAX_ENVELOPE;
            if bytes > limit {
                self.push("sections", P::ResponseTooLarge { bytes, limit });
            }
        }
        instrument
    }

    fn themes(&mut self, f: &InstrumentFile) -> Vec<Theme> {
        let mut seen = BTreeSet::new();
        let mut out = Vec::new();
        for (i, t) in f.themes.iter().enumerate() {
            let p = format!("themes[{i}]");
            self.id(&t.id, &p);
            if !seen.insert(t.id.clone()) {
                self.push(&p, P::DuplicateId { id: t.id.clone(), first: "themes".into() });
            }
            let label = self.text(&t.label, "label", &p);
            out.push(Theme { id: t.id.clone(), label });
        }
        out
    }

    fn constructs(&mut self, f: &InstrumentFile, themes: &[Theme]) -> Vec<Construct> {
        let mut seen = BTreeSet::new();
        let mut out = Vec::new();
        for (i, c) in f.constructs.iter().enumerate() {
            let p = format!("constructs[{i}]");
            self.id(&c.id, &p);
            if !seen.insert(c.id.clone()) {
                self.push(&p, P::DuplicateId { id: c.id.clone(), first: "constructs".into() });
            }
            let theme = c.id.split('.').next().unwrap_or_default();
            if !themes.iter().any(|t| t.id == theme) {
                self.push(&p, P::UnknownTheme { construct: c.id.clone() });
            }
            let label = self.text(&c.label, "label", &p);
            out.push(Construct { id: c.id.clone(), label });
        }
        out
    }

    fn scales(&mut self, list: &[ScaleFile]) -> BTreeMap<String, Vec<Choice>> {
        let mut out = BTreeMap::new();
        for (i, s) in list.iter().enumerate() {
            let p = format!("scales[{i}]");
            self.id(&s.id, &p);
            let points = self.choices(&s.points, &format!("{p}.points"), Extras::Points);
            if out.insert(s.id.clone(), points).is_some() {
                self.push(&p, P::DuplicateId { id: s.id.clone(), first: "scales".into() });
            }
        }
        out
    }

    fn construct_ref(&mut self, c: &Option<String>, path: &str, ids: &BTreeSet<String>) -> String {
        match c {
            None => {
                self.push(path, P::MissingConstruct);
                String::new()
            }
            Some(c) if !ids.contains(c) => {
                self.push(path, P::UnknownConstruct { construct: c.clone() });
                c.clone()
            }
            Some(c) => c.clone(),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn item(
        &mut self,
        f: &ItemFile,
        path: &str,
        index: usize,
        order: &BTreeMap<String, usize>,
        known: &BTreeMap<String, Known>,
        scales: &BTreeMap<String, Vec<Choice>>,
        constructs: &BTreeSet<String>,
    ) -> Item {
        self.unique_id(&f.id, &format!("{path}.id"));
        let text = self.text(&f.text, "text", path);
        let help = f.help.as_ref().map(|h| self.text(h, "help", path));
        let construct = self.construct_ref(&f.construct, path, constructs);
        let source = match &f.source {
            None => {
                self.push(path, P::MissingSource);
                Source { document: String::new(), lines: String::new() }
            }
            Some(s) => {
                if s.document.trim().is_empty() {
                    self.push(path, P::MissingSource);
                }
                Source { document: s.document.clone(), lines: s.lines.clone().unwrap_or_default() }
            }
        };
        let mut kind = self.kind(f, path, scales, constructs);
        let show_if = f
            .show_if
            .as_ref()
            .and_then(|c| self.condition(c, &format!("{path}.show_if"), index, order, known));
        // Option conditions look at earlier items, like the item's own condition.
        if let Some(ItemKind::SingleChoice { options } | ItemKind::MultipleChoice { options, .. }) =
            kind.as_mut()
        {
            for (oi, (file, option)) in
                f.options.iter().flatten().zip(options.iter_mut()).enumerate()
            {
                if let Some(c) = &file.show_if {
                    let p = format!("{path}.options[{oi}].show_if");
                    option.show_if = self.condition(c, &p, index, order, known);
                }
            }
        }
        let dont_know_label = f.dont_know_label.as_ref().map(|t| {
            if f.dont_know != Some(true) {
                self.push(path, P::DontKnowLabelWithoutDontKnow);
            }
            self.text(t, "dont_know_label", path)
        });
        let from_context = f.from_context.as_deref().and_then(|name| {
            let key = ContextKey::from_name(name);
            if key.is_none() {
                self.push(path, P::UnknownContextKey { found: name.into() });
            }
            let choice = matches!(
                kind,
                Some(ItemKind::SingleChoice { .. } | ItemKind::MultipleChoice { .. })
            );
            if !choice {
                self.push(
                    path,
                    P::FieldNotForKind { field: "from_context".into(), kind: f.kind.clone() },
                );
                return None;
            }
            key
        });
        let when_hidden = f.when_hidden.clone().filter(|code| {
            let Some(k) = kind.as_ref() else { return false };
            let coded = k.is_single_coded() || matches!(k, ItemKind::MultipleChoice { .. });
            if !coded {
                self.push(
                    path,
                    P::FieldNotForKind { field: "when_hidden".into(), kind: f.kind.clone() },
                );
                return false;
            }
            let known = k.choices().iter().any(|c| &c.code == code);
            if !known {
                self.push(path, P::UnknownOptionCode { code: code.clone() });
            }
            known
        });
        let mirror = f.mirror.as_ref().and_then(|m| {
            let kind = kind.as_ref()?;
            let ordinal = matches!(kind, ItemKind::Scale { .. });
            if !ordinal && !matches!(kind, ItemKind::Share { .. }) {
                let kind = kind.name().to_string();
                self.push(format!("{path}.mirror"), P::MirrorWrongKind { kind });
                return None;
            }
            self.mirror(m, ordinal, &format!("{path}.mirror"))
        });
        Item {
            id: f.id.clone(),
            text,
            help,
            construct,
            source,
            required: f.required.unwrap_or(true),
            dont_know: f.dont_know.unwrap_or(false),
            dont_know_label,
            skippable: f.skip.unwrap_or(false),
            show_if,
            kind: kind.unwrap_or(ItemKind::YesNo),
            mirror,
            from_context,
            when_hidden,
        }
    }

    /// Converts a condition, checking that every item it names exists, comes before
    /// `index`, has the codes used and fits the form of the condition.
    fn condition(
        &mut self,
        c: &ConditionFile,
        path: &str,
        index: usize,
        order: &BTreeMap<String, usize>,
        known: &BTreeMap<String, Known>,
    ) -> Option<Condition> {
        let forms = [
            c.in_codes.is_some(),
            c.between.is_some(),
            c.answered.is_some(),
            c.all.is_some(),
            c.any.is_some(),
            c.not.is_some(),
        ];
        let atom = c.in_codes.is_some() || c.between.is_some() || c.answered.is_some();
        if forms.iter().filter(|f| **f).count() != 1 || atom != c.item.is_some() {
            self.push(path, P::BadCondition);
            return None;
        }
        let list = |v: &mut Self, parts: &[ConditionFile], name: &str| -> Option<Vec<Condition>> {
            let mut out = Vec::with_capacity(parts.len());
            for (i, p) in parts.iter().enumerate() {
                out.push(v.condition(p, &format!("{path}.{name}[{i}]"), index, order, known)?);
            }
            Some(out)
        };
        if let Some(parts) = &c.all {
            return list(self, parts, "all").map(Condition::All);
        }
        if let Some(parts) = &c.any {
            return list(self, parts, "any").map(Condition::Any);
        }
        if let Some(part) = &c.not {
            let inner = self.condition(part, &format!("{path}.not"), index, order, known)?;
            return Some(Condition::Not(Box::new(inner)));
        }
        let item = c.item.clone().unwrap_or_default();
        let target = match known.get(&item) {
            Some(k) if k.index < index => k,
            _ => {
                let kind = match order.get(&item) {
                    Some(_) => P::ConditionLaterItem { item },
                    None => P::ConditionUnknownItem { item },
                };
                self.push(path, kind);
                return None;
            }
        };
        let wrong_kind = |v: &mut Self| {
            let kind = target.kind.name().to_string();
            v.push(path, P::ConditionWrongKind { item: item.clone(), kind });
            None
        };
        if let Some(codes) = &c.in_codes {
            let coded = target.kind.is_single_coded()
                || matches!(target.kind, ItemKind::MultipleChoice { .. });
            if !coded {
                return wrong_kind(self);
            }
            let choices = target.kind.choices();
            let mut ok = true;
            for code in codes {
                let exists = choices.iter().any(|ch| &ch.code == code);
                if !exists {
                    self.push(
                        path,
                        P::ConditionUnknownCode { item: item.clone(), code: code.clone() },
                    );
                    ok = false;
                }
            }
            return ok.then(|| Condition::In { item, codes: codes.clone() });
        }
        if let Some([min, max]) = c.between {
            if !matches!(target.kind, ItemKind::Number { .. }) {
                return wrong_kind(self);
            }
            if min > max {
                self.push(path, P::BadRange { min, max });
                return None;
            }
            return Some(Condition::Between { item, min, max });
        }
        let answered = Condition::Answered { item };
        Some(if c.answered == Some(false) { Condition::Not(Box::new(answered)) } else { answered })
    }

    fn reachability(&mut self, instrument: &Instrument) {
        let mut never: BTreeSet<&str> = BTreeSet::new();
        let mut kinds: BTreeMap<&str, &ItemKind> = BTreeMap::new();
        for (_, i) in instrument.items() {
            kinds.insert(&i.id, &i.kind);
        }
        for (si, s) in instrument.sections.iter().enumerate() {
            for (ii, item) in s.items.iter().enumerate() {
                let parts: Vec<Condition> =
                    [&s.show_if, &item.show_if].into_iter().flatten().cloned().collect();
                if parts.is_empty() {
                    continue;
                }
                if !super::reach::satisfiable(&Condition::All(parts), &kinds, &never) {
                    never.insert(&item.id);
                    let path = format!("sections[{si}].items[{ii}]");
                    self.push(path, P::NeverShown { required: item.required });
                }
            }
        }
    }
}

/// Which extra fields an option list allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Extras {
    /// Points of a scale: neither `show_if` nor `exclusive`.
    Points,
    /// Options of a single choice: `show_if`.
    Single,
    /// Options of a multiple choice: `show_if` and `exclusive`.
    Multiple,
}

/// Ids are lower case, start with a letter or digit, and hold only `a-z 0-9 _ - .`.
fn valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "_-.".contains(c))
}
