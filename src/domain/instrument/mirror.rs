//! Mirror links between a staff instrument and the student instrument it mirrors.
//!
//! A staff item that estimates "how many of your students …" (`share`) links to a student
//! item and the answer codes it estimates; a staff statement on a scale links to the same
//! statement asked of students on a scale with as many points. Links are data in the
//! staff file; [`check_mirrors`] checks them against the student instrument.

use super::problem::{Problem, ProblemKind as P};
use super::{Instrument, ItemKind, Mirror};

/// One mirror link, with where it sits in the staff instrument.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link<'a> {
    /// The staff item.
    pub staff_item: &'a str,
    /// The staff matrix row, if the link sits on a row.
    pub staff_row: Option<&'a str>,
    /// The link.
    pub mirror: &'a Mirror,
    /// Path in the staff file, for messages.
    pub path: String,
}

/// Every mirror link of an instrument, in order.
pub fn links(instrument: &Instrument) -> Vec<Link<'_>> {
    let mut out = Vec::new();
    for (si, section) in instrument.sections.iter().enumerate() {
        for (ii, item) in section.items.iter().enumerate() {
            let path = format!("sections[{si}].items[{ii}]");
            if let Some(m) = &item.mirror {
                out.push(Link {
                    staff_item: &item.id,
                    staff_row: None,
                    mirror: m,
                    path: format!("{path}.mirror"),
                });
            }
            if let ItemKind::Matrix { rows, .. } = &item.kind {
                for (ri, row) in rows.iter().enumerate() {
                    if let Some(m) = &row.mirror {
                        let path = format!("{path}.rows[{ri}].mirror");
                        out.push(Link {
                            staff_item: &item.id,
                            staff_row: Some(&row.id),
                            mirror: m,
                            path,
                        });
                    }
                }
            }
        }
    }
    out
}

/// Checks every mirror link of `staff` against `student`: the instrument it names, the
/// student item and row, the codes, and whether the two kinds can be compared at all
/// (an estimate against a coded student item; a scale against a scale with as many
/// points). Returns every problem, each with its place in the staff file.
pub fn check_mirrors(staff: &Instrument, student: &Instrument) -> Vec<Problem> {
    let mut problems = Vec::new();
    match &staff.mirrors {
        Some(expected) if *expected != student.id => {
            let kind = P::MirrorTarget { expected: expected.clone(), found: student.id.clone() };
            return vec![Problem::new("mirrors", kind)];
        }
        None => return problems,
        Some(_) => {}
    }
    for link in links(staff) {
        if let Err(kind) = check_link(staff, student, &link) {
            problems.push(Problem::new(link.path.clone(), kind));
        }
    }
    problems
}

/// The kind of the staff side of a link: the item's kind, or the matrix's scale for a row.
fn staff_side<'a>(staff: &'a Instrument, link: &Link<'_>) -> Option<&'a ItemKind> {
    staff.item(link.staff_item).map(|i| &i.kind)
}

fn check_link(staff: &Instrument, student: &Instrument, link: &Link<'_>) -> Result<(), P> {
    let m = link.mirror;
    let target =
        student.item(&m.item).ok_or_else(|| P::MirrorUnknownItem { item: m.item.clone() })?;
    // The student side: its kind, and for a matrix the row's scale.
    let student_kind = match (&target.kind, &m.row) {
        (ItemKind::Matrix { rows, .. }, Some(row)) if rows.iter().any(|r| &r.id == row) => {
            "matrix row"
        }
        (ItemKind::Matrix { .. }, row) | (_, row @ Some(_)) => {
            return Err(P::MirrorRow { item: m.item.clone(), row: row.clone() })
        }
        (kind, None) => kind.name(),
    };
    let student_points = target.kind.choices();
    let staff_kind = staff_side(staff, link).ok_or(P::MirrorWrongKind { kind: String::new() })?;
    let not_comparable = || P::MirrorNotComparable {
        staff: if link.staff_row.is_some() {
            "matrix row".into()
        } else {
            staff_kind.name().into()
        },
        student: student_kind.into(),
    };
    match staff_kind {
        // An estimate: the share of students whose answer holds one of the codes.
        ItemKind::Share { .. } if link.staff_row.is_none() => {
            let coded = matches!(
                target.kind,
                ItemKind::SingleChoice { .. }
                    | ItemKind::MultipleChoice { .. }
                    | ItemKind::YesNo
                    | ItemKind::Scale { .. }
                    | ItemKind::Matrix { .. }
            );
            if !coded {
                return Err(not_comparable());
            }
            match m.codes.iter().find(|c| !student_points.iter().any(|p| &p.code == *c)) {
                Some(code) => {
                    Err(P::MirrorUnknownCode { item: m.item.clone(), code: code.clone() })
                }
                None => Ok(()),
            }
        }
        // An ordinal mirror: the same statement on a scale with as many points.
        ItemKind::Scale { points } | ItemKind::Matrix { points, .. } => {
            if !matches!(target.kind, ItemKind::Scale { .. } | ItemKind::Matrix { .. }) {
                return Err(not_comparable());
            }
            if points.len() != student_points.len() {
                return Err(P::MirrorScaleMismatch {
                    staff: points.len(),
                    student: student_points.len(),
                });
            }
            Ok(())
        }
        _ => Err(not_comparable()),
    }
}
