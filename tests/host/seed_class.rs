//! The mirror on a class built from seed 000's own figures (`tests/common/seed000.rs`):
//! drawn 30 times at the report's size (497 students, 154 staff) and at a class of 25 with
//! a team of 8, it must find what the report found, and find it every time.

use spiegel::domain::analysis::summary::summary;
use spiegel::domain::analysis::{analyse, Estimate, Report, Settings, Size, Verdict};
use spiegel::domain::builtin;
use spiegel::domain::catalog::Catalog;
use spiegel::domain::instrument::Instrument;
use spiegel::domain::text::Lang;

use crate::seed000;
use crate::synthetic::Lcg;

/// Draws of each design.
const DRAWS: u64 = 30;
/// A verdict must be the same in at least this many of the draws (90 %).
const STABLE: usize = 27;

/// The versions the design's items and codes are written for: student 1.0.0 and staff
/// 1.1.0, the first staff version that shows its ranges.
fn instruments() -> (Instrument, Instrument) {
    let catalog = Catalog::with_builtins();
    let student = catalog.version(builtin::STUDENT_ID, "1.0.0").unwrap().clone();
    let staff = catalog.version(builtin::STAFF_ID, "1.1.0").unwrap().clone();
    (student, staff)
}

/// The report of draw `seed` at this size.
fn draw(
    student: &Instrument,
    staff: &Instrument,
    students: usize,
    team: usize,
    seed: u64,
) -> Report {
    let mut rng = Lcg::new(seed * 7919 + students as u64);
    let (s, t) = seed000::class(student, staff, students, team, &mut rng);
    analyse(student, staff, &s, &t, &Settings::default())
}

fn estimate<'a>(r: &'a Report, item: &str) -> &'a Estimate {
    r.themes.iter().flat_map(|t| &t.estimates).find(|e| e.staff_item == item).unwrap()
}

/// How many of the draws hold `check` for `item`.
fn count(reports: &[Report], item: &str, check: impl Fn(&Estimate) -> bool) -> usize {
    reports.iter().filter(|r| check(estimate(r, item))).count()
}

/// Right, or a gap of one band.
fn right_or_small(e: &Estimate) -> bool {
    match e.verdict {
        Verdict::Right => true,
        Verdict::Over | Verdict::Under => e.gap.is_some_and(|g| g.size == Some(Size::Small)),
        _ => false,
    }
}

fn check_design(students: usize, team: usize) -> Vec<Report> {
    let (student, staff) = instruments();
    let reports: Vec<Report> =
        (1..=DRAWS).map(|seed| draw(&student, &staff, students, team, seed)).collect();
    let is = |v: Verdict| move |e: &Estimate| e.verdict == v;
    let at = format!("{students} students, {team} staff");
    let werken = count(&reports, "est_werken", is(Verdict::Over));
    assert!(werken >= STABLE, "{at}: werken overestimated in {werken} of {DRAWS}");
    let doorleren = count(&reports, "est_doorleren", is(Verdict::Divided));
    assert!(doorleren >= STABLE, "{at}: doorstroom divided in {doorleren} of {DRAWS}");
    for item in ["est_diploma_wil", "est_best_doen"] {
        let right = count(&reports, item, is(Verdict::Right));
        assert!(right >= STABLE, "{at}: {item} right in {right} of {DRAWS}");
    }
    for item in ["est_prive", "est_psychisch", "est_geld"] {
        let fine = count(&reports, item, right_or_small);
        assert!(fine >= STABLE, "{at}: {item} right or a small gap in {fine} of {DRAWS}");
    }
    reports
}

#[test]
fn at_the_reports_size_the_mirror_finds_what_the_report_found() {
    let reports = check_design(497, 154);
    // The report's own words, every draw: staff overestimate werken by more than one band,
    // and the care needs are at most one band off.
    for r in &reports {
        let werken = estimate(r, "est_werken");
        assert!(werken.gap.unwrap().bands >= 2, "{:?}", werken.gap);
        assert_eq!(estimate(r, "est_prive").verdict, Verdict::Over);
    }
}

#[test]
fn in_a_class_of_25_with_a_team_of_8_the_mirror_finds_it_too() {
    check_design(25, 8);
}

#[test]
fn the_summary_of_the_seed_class_first_names_werken_and_doorstroom() {
    let (student, staff) = instruments();
    for (students, team) in [(497, 154), (25, 8)] {
        let mut named = 0;
        for seed in 1..=DRAWS {
            let r = draw(&student, &staff, students, team, seed);
            let nl = summary(&r, &staff, Lang::Nl);
            // Who took part, the tally, then the gaps.
            let first: Vec<&String> = nl.iter().skip(2).take(2).collect();
            let werken = first
                .iter()
                .any(|p| p.contains("direct gaan werken") && p.contains("schatten het hoger in"));
            let doorstroom = first.iter().any(|p| {
                p.contains("verder leren op niveau 3 of 4") && p.contains("Het team is verdeeld")
            });
            if werken && doorstroom {
                named += 1;
            }
        }
        assert!(named >= STABLE, "{students}/{team}: named first in {named} of {DRAWS}");
    }
    let r = draw(&student, &staff, 497, 154, 1);
    let nl = summary(&r, &staff, Lang::Nl);
    assert!(nl[2].starts_with("Een klein deel van de studenten ("), "{}", nl[2]);
    assert!(nl[2].contains("%) wil na deze opleiding direct gaan werken."), "{}", nl[2]);
}
