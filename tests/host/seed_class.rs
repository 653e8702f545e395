//! The mirror on a class built from seed 000's own figures (`tests/common/seed000.rs`):
//! drawn 30 times at the report's size (497 students, 154 staff) and at a class of 25 with
//! a team of 8, on the first vragenlijsten with ranges (student 1.0.0, staff 1.1.0) and on
//! the newest (2.0.0), it must find what the report found, and find it every time.

use spiegel::domain::analysis::summary::summary;
use spiegel::domain::analysis::{analyse, Estimate, Report, Settings, Size, Verdict};
use spiegel::domain::catalog::Catalog;
use spiegel::domain::instrument::Instrument;
use spiegel::domain::text::Lang;

use crate::seed000::{self, Design, V1, V2};
use crate::synthetic::Lcg;

/// Draws of each design.
const DRAWS: u64 = 30;
/// A verdict must be the same in at least this many of the draws (90 %).
const STABLE: usize = 27;

/// The vragenlijsten a design's items and codes are written for.
fn instruments(design: &Design) -> (Instrument, Instrument) {
    let catalog = Catalog::with_builtins();
    let student = catalog.version(design.student.0, design.student.1).unwrap().clone();
    let staff = catalog.version(design.staff.0, design.staff.1).unwrap().clone();
    (student, staff)
}

/// The report of draw `seed` of `design` at this size.
fn draw(
    design: &Design,
    (student, staff): &(Instrument, Instrument),
    students: usize,
    team: usize,
    seed: u64,
) -> Report {
    let mut rng = Lcg::new(seed * 7919 + students as u64);
    let (s, t) = seed000::class_of(design, student, staff, students, team, &mut rng);
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

fn check_design(design: &Design, students: usize, team: usize) -> Vec<Report> {
    let both = instruments(design);
    let reports: Vec<Report> =
        (1..=DRAWS).map(|seed| draw(design, &both, students, team, seed)).collect();
    let is = |v: Verdict| move |e: &Estimate| e.verdict == v;
    let at = format!("{} {}: {students} students, {team} staff", design.student.1, design.staff.1);
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
    let reports = check_design(&V1, 497, 154);
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
    check_design(&V1, 25, 8);
}

#[test]
fn on_the_newest_vragenlijsten_the_same_class_shows_the_same_gaps() {
    // The same shares on the items of student 2.0.0 and staff 2.0.0.
    for r in check_design(&V2, 497, 154) {
        assert!(estimate(&r, "est_werken").gap.unwrap().bands >= 2);
    }
    check_design(&V2, 25, 8);
}

#[test]
fn the_summary_of_the_seed_class_first_names_werken_and_doorstroom() {
    for (design, students, team) in [(&V1, 497, 154), (&V1, 25, 8), (&V2, 497, 154), (&V2, 25, 8)] {
        let both = instruments(design);
        let staff = &both.1;
        let mut named = 0;
        for seed in 1..=DRAWS {
            let r = draw(design, &both, students, team, seed);
            let nl = summary(&r, staff, Lang::Nl);
            // Who took part, the tally, then the gaps.
            let first: Vec<&String> = nl.iter().skip(2).take(2).collect();
            let werken = first
                .iter()
                .any(|p| p.contains("direct gaan werken") && p.contains("schatten het hoger in"));
            let doorstroom = first.iter().any(|p| {
                p.contains("direct verder leren op") && p.contains("Het team is verdeeld")
            });
            if werken && doorstroom {
                named += 1;
            }
        }
        assert!(
            named >= STABLE,
            "{} {students}/{team}: named first in {named} of {DRAWS}",
            design.student.1
        );
    }
    let both = instruments(&V1);
    let r = draw(&V1, &both, 497, 154, 1);
    let nl = summary(&r, &both.1, Lang::Nl);
    assert!(nl[2].starts_with("Een klein deel van de studenten ("), "{}", nl[2]);
    assert!(nl[2].contains("%) wil na deze opleiding direct gaan werken."), "{}", nl[2]);
}
