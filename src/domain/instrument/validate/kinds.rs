//! The fields each kind of item takes, its scale, and what one file can tell about a
//! mirror link.

use std::collections::{BTreeMap, BTreeSet};

use super::{Extras, Validator, DEFAULT_MAX_LENGTH, MAX_MAX_LENGTH, P};
use crate::domain::instrument::file::{ItemFile, MirrorFile};
use crate::domain::instrument::{Choice, ItemKind, Mirror, Row};

impl Validator {
    pub(super) fn kind(
        &mut self,
        f: &ItemFile,
        path: &str,
        scales: &BTreeMap<String, Vec<Choice>>,
        constructs: &BTreeSet<String>,
    ) -> Option<ItemKind> {
        const FIELDS: [&str; 9] = [
            "options",
            "max_choices",
            "scale",
            "points",
            "min",
            "max",
            "unit",
            "max_length",
            "rows",
        ];
        let present = [
            f.options.is_some(),
            f.max_choices.is_some(),
            f.scale.is_some(),
            f.points.is_some(),
            f.min.is_some(),
            f.max.is_some(),
            f.unit.is_some(),
            f.max_length.is_some(),
            f.rows.is_some(),
        ];
        let allowed: &[&str] = match f.kind.as_str() {
            "single_choice" => &["options"],
            "multiple_choice" => &["options", "max_choices"],
            "scale" => &["scale", "points"],
            "yes_no" | "share" => &[],
            "number" => &["min", "max", "unit"],
            "open_text" => &["max_length"],
            "matrix" => &["rows", "scale", "points"],
            other => {
                self.push(path, P::UnknownKind { found: other.into() });
                return None;
            }
        };
        for (field, here) in FIELDS.iter().zip(present) {
            if here && !allowed.contains(field) {
                self.push(
                    path,
                    P::FieldNotForKind { field: (*field).into(), kind: f.kind.clone() },
                );
            }
        }
        let kind_name = f.kind.clone();
        let missing = |v: &mut Self, field: &str| {
            v.push(path, P::MissingField { field: field.into(), kind: kind_name.clone() })
        };
        let kind = match f.kind.as_str() {
            "single_choice" | "multiple_choice" => {
                let extras =
                    if f.kind == "single_choice" { Extras::Single } else { Extras::Multiple };
                let options = match &f.options {
                    Some(o) => self.choices(o, &format!("{path}.options"), extras),
                    None => {
                        missing(self, "options");
                        Vec::new()
                    }
                };
                if f.kind == "single_choice" {
                    ItemKind::SingleChoice { options }
                } else {
                    if let Some(max) = f.max_choices {
                        if max == 0 || max > options.len() {
                            let options = options.len();
                            self.push(path, P::BadMaxChoices { max, options });
                        }
                    }
                    ItemKind::MultipleChoice { options, max: f.max_choices }
                }
            }
            "scale" => ItemKind::Scale { points: self.points(f, path, scales) },
            "yes_no" => ItemKind::YesNo,
            "share" => ItemKind::Share { bands: self.share_bands },
            "number" => {
                let (min, max) = match (f.min, f.max) {
                    (Some(min), Some(max)) => (min, max),
                    (min, max) => {
                        if min.is_none() {
                            missing(self, "min");
                        }
                        if max.is_none() {
                            missing(self, "max");
                        }
                        (min.unwrap_or(0), max.unwrap_or(0))
                    }
                };
                if min > max {
                    self.push(path, P::BadRange { min, max });
                }
                let unit = f.unit.as_ref().map(|u| self.text(u, "unit", path));
                ItemKind::Number { min, max, unit }
            }
            "open_text" => {
                let max_length = f.max_length.unwrap_or(DEFAULT_MAX_LENGTH);
                if max_length == 0 {
                    self.push(path, P::BadMaxLength);
                } else if max_length > MAX_MAX_LENGTH {
                    self.push(path, P::MaxLengthTooLarge { max_length });
                }
                ItemKind::OpenText { max_length }
            }
            _ => {
                // "matrix"; unknown kinds returned above.
                let points = self.points(f, path, scales);
                let mut rows = Vec::new();
                let mut seen = BTreeSet::new();
                match &f.rows {
                    None => missing(self, "rows"),
                    Some(list) => {
                        if list.is_empty() {
                            missing(self, "rows");
                        }
                        for (ri, r) in list.iter().enumerate() {
                            let rp = format!("{path}.rows[{ri}]");
                            self.id(&r.id, &rp);
                            if !seen.insert(r.id.as_str()) {
                                self.push(
                                    &rp,
                                    P::DuplicateId { id: r.id.clone(), first: path.into() },
                                );
                            }
                            let text = self.text(&r.text, "text", &rp);
                            let construct = match &r.construct {
                                None => f.construct.clone().unwrap_or_default(),
                                Some(_) => self.construct_ref(&r.construct, &rp, constructs),
                            };
                            let mirror = r
                                .mirror
                                .as_ref()
                                .and_then(|m| self.mirror(m, true, &format!("{rp}.mirror")));
                            rows.push(Row { id: r.id.clone(), text, construct, mirror });
                        }
                    }
                }
                ItemKind::Matrix { rows, points }
            }
        };
        Some(kind)
    }

    /// Checks what can be checked of a mirror link within one file: that the file says
    /// which instrument it mirrors, and that an estimate names codes and an ordinal
    /// mirror does not. [`super::check_mirrors`] checks the link against the student
    /// instrument itself.
    pub(super) fn mirror(&mut self, m: &MirrorFile, ordinal: bool, path: &str) -> Option<Mirror> {
        if !self.mirrors {
            self.push(path, P::MirrorWithoutTarget);
            return None;
        }
        let codes = m.codes.clone().unwrap_or_default();
        match (ordinal, codes.is_empty()) {
            (true, false) => self.push(path, P::MirrorCodesNotAllowed),
            (false, true) => self.push(path, P::MirrorNeedsCodes),
            _ => {}
        }
        Some(Mirror { item: m.item.clone(), row: m.row.clone(), codes })
    }

    fn points(
        &mut self,
        f: &ItemFile,
        path: &str,
        scales: &BTreeMap<String, Vec<Choice>>,
    ) -> Vec<Choice> {
        match (&f.scale, &f.points) {
            (Some(_), Some(_)) => {
                self.push(path, P::ScaleTwice);
                Vec::new()
            }
            (Some(name), None) => match scales.get(name) {
                Some(points) => points.clone(),
                None => {
                    self.push(path, P::UnknownScale { scale: name.clone() });
                    Vec::new()
                }
            },
            (None, Some(points)) => self.choices(points, &format!("{path}.points"), Extras::Points),
            (None, None) => {
                self.push(path, P::MissingField { field: "scale".into(), kind: f.kind.clone() });
                Vec::new()
            }
        }
    }
}
