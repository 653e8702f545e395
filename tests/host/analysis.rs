//! The analysis layer: shares with Wilson intervals, verdicts and their borders, ordinal
//! mirrors, team consensus, the role comparison, two metingen, small-group suppression
//! and properties over pseudo-random response sets. Expected numbers are worked out by
//! hand (z = 1.959964) in the comments.

use spiegel::domain::analysis::{
    analyse, analyse_tables, compare, wilson, BandCounts, Bands, Estimate, Figure, Group, Interval,
    Ordinal, Placement, Report, Settings, Share, Size, Table, Unsure, Verdict, DONT_KNOW,
};
use spiegel::domain::answer::{Answer, DONT_KNOW_CODE};
use spiegel::domain::builtin;
use spiegel::domain::instrument::{check_mirrors, Instrument, ItemKind};
use spiegel::domain::response::Response;
use spiegel::domain::text::Lang;

use crate::support::instrument;

const STUDENT: &str = include_str!("../fixtures/analysis/student.json");
const STAFF: &str = include_str!("../fixtures/analysis/staff.json");
/// Instrument ids of the fixtures.
const S: &str = "ana-student";
const T: &str = "ana-staff";

// ---- builders -------------------------------------------------------------------------

fn choice(code: &str) -> Answer {
    Answer::Choice(code.into())
}

fn choices(codes: &[&str]) -> Answer {
    Answer::Choices(codes.iter().map(|c| c.to_string()).collect())
}

fn rows(pairs: &[(&str, &str)]) -> Answer {
    Answer::Rows(pairs.iter().map(|(r, c)| (r.to_string(), c.to_string())).collect())
}

fn response(instrument: &str, answers: Vec<(&str, Answer)>) -> Response {
    Response {
        id: "r".into(),
        instrument: instrument.into(),
        instrument_version: "1.0.0".into(),
        week: "2026-W48".into(),
        answers: answers.into_iter().map(|(k, a)| (k.to_string(), a)).collect(),
    }
}

/// Groups of identical responses: `(how many, answers)`.
fn many(instrument: &str, groups: Vec<(usize, Vec<(&str, Answer)>)>) -> Vec<Response> {
    let mut out = Vec::new();
    for (count, answers) in groups {
        for _ in 0..count {
            out.push(response(instrument, answers.clone()));
        }
    }
    out
}

/// One response per listed code of `item`.
fn each(instrument: &str, item: &str, codes: &[&str]) -> Vec<Response> {
    codes.iter().map(|c| response(instrument, vec![(item, choice(c))])).collect()
}

/// Responses to a matrix row: one per listed code.
fn each_row(instrument: &str, item: &str, row: &str, codes: &[&str]) -> Vec<Response> {
    codes.iter().map(|c| response(instrument, vec![(item, rows(&[(row, c)]))])).collect()
}

fn fixtures() -> (Instrument, Instrument) {
    (instrument(STUDENT), instrument(STAFF))
}

fn run(students: &[Response], staff: &[Response], settings: Settings) -> Report {
    let (student, staff_instrument) = fixtures();
    analyse(&student, &staff_instrument, students, staff, &settings)
}

fn estimate<'a>(report: &'a Report, staff_item: &str) -> &'a Estimate {
    report
        .themes
        .iter()
        .flat_map(|t| &t.estimates)
        .find(|e| e.staff_item == staff_item)
        .unwrap_or_else(|| panic!("no estimate {staff_item}"))
}

fn ordinal<'a>(report: &'a Report, staff_item: &str, row: Option<&str>) -> &'a Ordinal {
    report
        .themes
        .iter()
        .flat_map(|t| &t.ordinals)
        .find(|o| o.staff_item == staff_item && o.staff_row.as_deref() == row)
        .unwrap_or_else(|| panic!("no ordinal {staff_item} {row:?}"))
}

/// The `est_doorleren` link when `yes` students want level 3 or 4, `no` students want to
/// work, and staff pick the listed bands.
fn doorleren(yes: usize, no: usize, bands: &[(&str, usize)], settings: Settings) -> Estimate {
    let students = many(
        S,
        vec![(yes, vec![("wens", choice("niveau3"))]), (no, vec![("wens", choice("werken"))])],
    );
    let staff =
        many(T, bands.iter().map(|(b, n)| (*n, vec![("est_doorleren", choice(b))])).collect());
    estimate(&run(&students, &staff, settings), "est_doorleren").clone()
}

fn verdict(yes: usize, no: usize, bands: &[(&str, usize)]) -> Verdict {
    doorleren(yes, no, bands, Settings::default()).verdict
}

#[track_caller]
fn close(actual: f64, expected: f64) {
    assert!((actual - expected).abs() < 5e-4, "expected {expected}, got {actual}");
}

/// A tiny deterministic generator (Knuth's MMIX LCG), so the property tests need no crate.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

/// A response with a pseudo-random answer to every coded item of `inst`, including
/// "weet ik niet", "sla over", missing answers and "weet_niet" in matrix rows.
fn random_response(inst: &Instrument, rng: &mut Lcg) -> Response {
    let mut answers = Vec::new();
    for (_, item) in inst.items() {
        let codes: Vec<String> = item.kind.choices().into_iter().map(|c| c.code).collect();
        let answer = match (&item.kind, rng.below(10)) {
            (_, 0) => continue,
            (_, 1) => Answer::Skipped,
            (ItemKind::Matrix { rows, .. }, _) => {
                let mut picked = std::collections::BTreeMap::new();
                for row in rows {
                    if rng.below(8) == 0 {
                        continue;
                    }
                    let code = codes.get(rng.below(codes.len() + 1));
                    picked.insert(row.id.clone(), code.map_or(DONT_KNOW_CODE, |c| c).to_string());
                }
                Answer::Rows(picked)
            }
            (ItemKind::MultipleChoice { .. }, _) => {
                let mut picked: Vec<String> =
                    codes.iter().filter(|_| rng.below(3) == 0).cloned().collect();
                if picked.len() > 1 {
                    picked.retain(|c| !item.kind.exclusive_codes().contains(&c.as_str()));
                }
                Answer::Choices(picked)
            }
            (kind, 2) if kind.is_single_coded() => Answer::DontKnow,
            (kind, _) if kind.is_single_coded() => {
                Answer::Choice(codes[rng.below(codes.len())].clone())
            }
            _ => continue,
        };
        answers.push((item.id.clone(), answer));
    }
    Response {
        id: format!("r{}", rng.below(1_000_000)),
        instrument: inst.id.clone(),
        instrument_version: inst.version.clone(),
        week: "2026-W48".into(),
        answers: answers.into_iter().collect(),
    }
}

fn shuffled(list: &[Response], rng: &mut Lcg) -> Vec<Response> {
    let mut out = list.to_vec();
    for i in (1..out.len()).rev() {
        out.swap(i, rng.below(i + 1));
    }
    out
}

// ---- Wilson intervals, bands, settings -------------------------------------------------

#[test]
fn wilson_intervals_match_hand_computed_values() {
    let check = |x, n, lo, hi| {
        let ci = wilson(x, n);
        close(ci.lo, lo);
        close(ci.hi, hi);
    };
    check(5, 10, 0.2366, 0.7634);
    // 0 of n: hi = z²/(n + z²) = 3.841459/8.841459; n of n: lo = n/(n + z²).
    check(0, 5, 0.0, 0.4345);
    check(5, 5, 0.5655, 1.0);
    check(0, 6, 0.0, 0.3903);
    check(6, 6, 0.6097, 1.0);
    check(50, 100, 0.4038, 0.5962);
    check(25, 100, 0.1755, 0.3430);
    for n in 1..=60 {
        for x in 0..=n {
            let (ci, p) = (wilson(x, n), x as f64 / n as f64);
            assert!(0.0 <= ci.lo && ci.lo <= p && p <= ci.hi && ci.hi <= 1.0, "{x}/{n}: {ci:?}");
        }
    }
}

#[test]
fn the_default_bands_are_the_documented_percentages() {
    let bands = Bands::default();
    let ranges: Vec<_> = (0..5).map(|b| bands.range(b)).collect();
    assert_eq!(ranges, vec![(0, 10), (10, 40), (40, 60), (60, 90), (90, 100)]);
    assert_eq!(Bands::new([5, 30, 70, 95]).unwrap().range(2), (30, 70));
    for bad in [[10, 10, 60, 90], [0, 40, 60, 90], [10, 40, 60, 100], [40, 10, 60, 90]] {
        let err = Bands::new(bad).unwrap_err();
        assert!(err.to_string().contains("1..=99"), "{err}");
    }
}

#[test]
fn the_team_can_raise_k_but_never_lower_it() {
    assert_eq!(Settings::default().k(), 5);
    assert_eq!(Settings::with_k(3).k(), 5);
    assert_eq!(Settings::with_k(7).k(), 7);
    assert_eq!(Settings::with_k(0).k(), 5);
    // Even a figure asked for with k = 3 keeps the floor of 5.
    assert_eq!(Figure::new(4, 3, || 1), Figure::Suppressed { n: 4, k: 5 });
    assert_eq!(Figure::new(5, 3, || 1), Figure::Shown(1));
    let hidden: Figure<u8> = Figure::Suppressed { n: 2, k: 7 };
    assert!(hidden.why(Lang::Nl).unwrap().contains("minder dan 7 antwoorden"));
    assert!(hidden.why(Lang::En).unwrap().contains("fewer than 7 answers"));
    assert_eq!(Figure::Shown(1).why(Lang::Nl), None);
}

// ---- Verdicts and their borders --------------------------------------------------------

#[test]
fn staff_who_mostly_say_a_small_part_underestimate_half_the_students() {
    // 50 of 100: 0.4038..0.5962 lies above "een klein deel" (10-40 %).
    let e = doorleren(50, 50, &[("klein_deel", 3), ("helft", 2)], Settings::default());
    let share = e.students.shown().unwrap();
    assert_eq!((share.x, share.n), (50, 100));
    close(share.p, 0.5);
    close(share.ci.lo, 0.4038);
    let staff = e.staff.shown().unwrap();
    assert_eq!((staff.counts, staff.n), ([0, 3, 2, 0, 0], 5));
    assert_eq!(e.placement, Some(Placement { below: 3, on: 2, above: 0 }));
    assert_eq!(e.verdict, Verdict::Under);
    // The middle answer is one band below the students' band: a small gap.
    let gap = e.gap.unwrap();
    assert_eq!((gap.bands, gap.size), (-1, Some(Size::Small)));
    close(gap.points, -10.0);
    assert_eq!(e.verdict.sized_label(gap.size, Lang::Nl), "Team onderschat: iets te laag");
}

#[test]
fn staff_who_mostly_say_a_large_part_overestimate_a_quarter_of_the_students() {
    // 25 of 100: 0.1755..0.3430 lies below "een groot deel" (60-90 %) and "ongeveer de
    // helft" (40-60 %).
    let e = doorleren(25, 75, &[("groot_deel", 4), ("helft", 1)], Settings::default());
    assert_eq!(e.verdict, Verdict::Over);
    let gap = e.gap.unwrap();
    // Students fall in "een klein deel" (band 1); the middle answer is "een groot deel".
    assert_eq!((gap.bands, gap.size), (2, Some(Size::Medium)));
    close(gap.points, 35.0);
    assert_eq!(e.verdict.sized_label(gap.size, Lang::En), "Staff overestimate: too high");
    let far = doorleren(5, 95, &[("bijna_alle", 5)], Settings::default());
    assert_eq!(far.gap.unwrap().size, Some(Size::Large), "three bands or more: far too high");
}

#[test]
fn the_verdict_turns_from_right_to_over_where_the_student_interval_leaves_the_band() {
    // "Ongeveer de helft" is 40-60 %. 0 of 5 reaches up to 0.4345: it touches the band.
    assert_eq!(verdict(0, 5, &[("helft", 5)]), Verdict::Right);
    // 0 of 6 reaches only 0.3903: the band lies entirely above.
    assert_eq!(verdict(0, 6, &[("helft", 5)]), Verdict::Over);
}

#[test]
fn the_verdict_turns_from_right_to_under_where_the_student_interval_leaves_the_band() {
    // 5 of 5 starts at 0.5655, below the band's top of 60 %; 6 of 6 starts at 0.6097.
    assert_eq!(verdict(5, 0, &[("helft", 5)]), Verdict::Right);
    assert_eq!(verdict(6, 0, &[("helft", 5)]), Verdict::Under);
}

#[test]
fn an_interval_that_just_touches_a_band_counts_as_on_it() {
    let staff = Figure::Shown(BandCounts { counts: [0, 0, 5, 0, 0], n: 5 });
    let none = Figure::Shown(Unsure { count: 0, of: 5 });
    let judge = |lo: f64, hi: f64| {
        let share = Share { x: 3, n: 10, p: (lo + hi) / 2.0, ci: Interval { lo, hi } };
        Verdict::judge(&Figure::Shown(share), &staff, &none, &Bands::default())
    };
    // "Ongeveer de helft" is 40-60 %, both ends included.
    assert_eq!(judge(0.20, 0.40), Verdict::Right);
    assert_eq!(judge(0.20, 0.3999), Verdict::Over);
    assert_eq!(judge(0.60, 0.80), Verdict::Right);
    assert_eq!(judge(0.6001, 0.80), Verdict::Under);
}

#[test]
fn a_share_right_on_a_band_edge_is_right_for_the_bands_on_both_sides() {
    // 400 of 1000 = exactly 40 %: 0.3701..0.4307 overlaps 10-40 % and 40-60 %.
    assert_eq!(verdict(400, 600, &[("klein_deel", 5)]), Verdict::Right);
    assert_eq!(verdict(400, 600, &[("helft", 5)]), Verdict::Right);
    assert_eq!(verdict(400, 600, &[("groot_deel", 5)]), Verdict::Over);
    assert_eq!(verdict(400, 600, &[("bijna_geen", 5)]), Verdict::Under);
}

#[test]
fn staff_on_one_side_across_two_bands_are_never_divided() {
    // Students 25 of 100 (0.1755..0.3430). Every staff member above, over neighbouring
    // bands, in any split: the team overestimates, it is not divided.
    for (groot, alle) in [(5, 0), (4, 1), (3, 2), (2, 3), (1, 4), (0, 5), (4, 4), (7, 1)] {
        let e =
            doorleren(25, 75, &[("groot_deel", groot), ("bijna_alle", alle)], Settings::default());
        assert_eq!(e.verdict, Verdict::Over, "{groot} groot deel, {alle} (bijna) alle");
    }
    // Below, over neighbouring bands: underestimate. 90 of 100 is 0.8256..0.9448.
    for (klein, helft) in [(5, 0), (3, 2), (2, 3), (0, 5)] {
        let e = doorleren(90, 10, &[("klein_deel", klein), ("helft", helft)], Settings::default());
        assert_eq!(e.verdict, Verdict::Under, "{klein} klein deel, {helft} helft");
    }
}

#[test]
fn a_third_above_a_third_on_and_a_third_below_is_divided() {
    // Students 50 of 100 (0.4038..0.5962); staff in three groups, as seed 000 found for
    // doorstroom (L433-438): bijna geen, ongeveer de helft, (bijna) alle.
    let e = doorleren(
        50,
        50,
        &[("bijna_geen", 3), ("helft", 3), ("bijna_alle", 3)],
        Settings::default(),
    );
    assert_eq!(e.placement, Some(Placement { below: 3, on: 3, above: 3 }));
    close(e.agreement.unwrap().consensus, 1.0 / 3.0);
    assert_eq!(e.verdict, Verdict::Divided);
    let gap = e.gap.unwrap();
    assert_eq!((gap.bands, gap.size), (4, Some(Size::Large)), "the camps lie four bands apart");
    close(gap.points, 80.0);
    // Two camps on the neighbours of the students' band, half and half: divided too.
    let halves = doorleren(50, 50, &[("klein_deel", 4), ("groot_deel", 4)], Settings::default());
    assert_eq!(halves.verdict, Verdict::Divided);
    // A third on each of the three neighbouring bands: agreement 0.67, divided as well.
    let near = doorleren(
        50,
        50,
        &[("klein_deel", 3), ("helft", 3), ("groot_deel", 3)],
        Settings::default(),
    );
    close(near.agreement.unwrap().consensus, 0.6667);
    assert_eq!(near.verdict, Verdict::Divided);
    // A quarter, a half and a quarter around the students agree well enough (0.75): staff
    // spread around the students' band see it right, though a quarter sit on each side.
    let around = doorleren(
        50,
        50,
        &[("klein_deel", 2), ("helft", 4), ("groot_deel", 2)],
        Settings::default(),
    );
    close(around.agreement.unwrap().consensus, 0.75);
    assert_eq!(around.placement, Some(Placement { below: 2, on: 4, above: 2 }));
    assert_eq!(around.verdict, Verdict::Right);
}

#[test]
fn half_the_staff_above_is_enough_to_overestimate_unless_as_many_are_below() {
    // Students 25 of 100; 4 of 8 above, 4 on: the team overestimates (a little).
    let e = doorleren(25, 75, &[("klein_deel", 4), ("groot_deel", 4)], Settings::default());
    assert_eq!(e.verdict, Verdict::Over);
    // 3 of 8 above: no side holds half, the team sees it right.
    let e = doorleren(25, 75, &[("klein_deel", 5), ("groot_deel", 3)], Settings::default());
    assert_eq!(e.verdict, Verdict::Right);
}

#[test]
fn when_most_staff_do_not_know_the_verdict_says_so() {
    let staff = |dont_know: usize, klein: usize| {
        let mut list = many(T, vec![(dont_know, vec![("est_doorleren", Answer::DontKnow)])]);
        list.extend(many(T, vec![(klein, vec![("est_doorleren", choice("klein_deel"))])]));
        list
    };
    let students = many(
        S,
        vec![(50, vec![("wens", choice("niveau3"))]), (50, vec![("wens", choice("werken"))])],
    );
    // All "weet ik niet": the team does not know, whatever the students say, and that is
    // never a privacy cut-off.
    let all = estimate(&run(&students, &staff(8, 0), Settings::default()), "est_doorleren").clone();
    assert_eq!(all.verdict, Verdict::DontKnow);
    assert_eq!(all.staff_unsure, Figure::Shown(Unsure { count: 8, of: 8 }));
    assert_eq!(all.staff, Figure::Suppressed { n: 0, k: 5 });
    assert_eq!(all.verdict.label(Lang::Nl), "Team weet het niet");
    // 5 of 8 do not know: still the verdict.
    let most =
        estimate(&run(&students, &staff(5, 3), Settings::default()), "est_doorleren").clone();
    assert_eq!(most.verdict, Verdict::DontKnow);
    // 4 of 9 do not know: the other 5 decide.
    let some =
        estimate(&run(&students, &staff(4, 5), Settings::default()), "est_doorleren").clone();
    assert_eq!(some.verdict, Verdict::Under);
    assert_eq!(some.staff_unsure, Figure::Shown(Unsure { count: 4, of: 9 }));
    // Fewer than k staff answered at all: nothing is told, not even that they do not know.
    let few = estimate(&run(&students, &staff(4, 0), Settings::default()), "est_doorleren").clone();
    assert_eq!(few.staff_unsure, Figure::Suppressed { n: 4, k: 5 });
    assert_eq!(few.verdict, Verdict::Unknown);
    // Students who do not know are counted apart, out of everyone who answered.
    let mut unsure_students = students.clone();
    unsure_students.extend(many(S, vec![(25, vec![("wens", Answer::DontKnow)])]));
    let e = estimate(&run(&unsure_students, &staff(0, 5), Settings::default()), "est_doorleren")
        .clone();
    assert_eq!(e.students_unsure, Figure::Shown(Unsure { count: 25, of: 125 }));
    assert_eq!(e.students.shown().unwrap().n, 100, "the share leaves them out");
}

#[test]
fn too_few_students_or_staff_give_no_verdict() {
    let few_students = doorleren(2, 2, &[("klein_deel", 5)], Settings::default());
    assert_eq!(few_students.students, Figure::Suppressed { n: 4, k: 5 });
    assert_eq!(few_students.verdict, Verdict::Unknown);
    assert_eq!(few_students.gap, None);
    let few_staff = doorleren(50, 50, &[("klein_deel", 4)], Settings::default());
    assert_eq!(few_staff.staff, Figure::Suppressed { n: 4, k: 5 });
    assert_eq!(few_staff.verdict, Verdict::Unknown);
    assert_eq!(few_staff.placement, None);
}

#[test]
fn the_ranges_staff_saw_decide_the_verdict() {
    // The fixture shows staff no ranges: the default ones apply, and the estimate says so.
    let plain = doorleren(50, 50, &[("klein_deel", 5)], Settings::default());
    assert!(!plain.bands_shown);
    assert_eq!(plain.verdict, Verdict::Under);
    // A staff file whose "een klein deel" is 10-45 %: it overlaps 0.4038..0.5962.
    let (student, _) = fixtures();
    let staff = instrument(&crate::support::edited(STAFF, |v| {
        v["share_cuts"] = serde_json::json!([10, 45, 60, 90]);
    }));
    let students = many(
        S,
        vec![(50, vec![("wens", choice("niveau3"))]), (50, vec![("wens", choice("werken"))])],
    );
    let answers = many(T, vec![(5, vec![("est_doorleren", choice("klein_deel"))])]);
    let report = analyse(&student, &staff, &students, &answers, &Settings::default());
    let e = estimate(&report, "est_doorleren");
    assert!(e.bands_shown);
    assert_eq!(e.bands.range(1), (10, 45));
    assert_eq!(e.verdict, Verdict::Right);
}

#[test]
fn the_verdict_rule_is_written_out_in_both_languages() {
    let nl = Verdict::rule(Lang::Nl);
    assert!(nl.contains("met de onzekerheidsmarge"));
    assert!(nl.contains("minstens een kwart hoger en minstens een kwart lager"));
    assert!(nl.contains("eensgezindheid onder 0,7"));
    assert!(nl.contains("overschat") && nl.contains("onderschat") && nl.contains("verdeeld"));
    assert!(nl.contains("'weet ik niet'") && nl.contains("iets te hoog"));
    let en = Verdict::rule(Lang::En);
    assert!(en.contains("at least a quarter answer higher") && en.contains("agreement below 0.7"));
    let all = [
        Verdict::Right,
        Verdict::Over,
        Verdict::Under,
        Verdict::Divided,
        Verdict::DontKnow,
        Verdict::Unknown,
    ];
    for lang in Lang::ALL {
        let mut labels: Vec<_> = all.iter().map(|v| v.label(lang)).collect();
        labels.dedup();
        assert_eq!(labels.len(), 6, "{labels:?}");
    }
    assert_eq!(Verdict::Under.label(Lang::Nl), "Team onderschat");
}

#[test]
fn a_theme_shows_its_biggest_gap() {
    use Verdict::*;
    // Through a report: est_doorleren and est_hulp Under, est_werken Over.
    let students = many(
        S,
        vec![
            (50, vec![("wens", choice("niveau3")), ("nodig", choices(&["uitleg"]))]),
            (50, vec![("wens", choice("werken")), ("nodig", choices(&["niets"]))]),
        ],
    );
    let staff = |doorleren: &'static str, hulp: &'static str, werken: &'static str| {
        many(
            T,
            vec![(
                5,
                vec![
                    ("est_doorleren", choice(doorleren)),
                    ("est_hulp", choice(hulp)),
                    ("est_werken", choice(werken)),
                ],
            )],
        )
    };
    let report =
        run(&students, &staff("klein_deel", "bijna_geen", "bijna_alle"), Settings::default());
    let ids: Vec<_> = report.themes.iter().map(|t| t.theme.as_str()).collect();
    assert_eq!(ids, ["toekomst", "klimaat"]);
    let toekomst = &report.themes[0];
    assert_eq!(toekomst.label.nl, "Toekomst");
    let verdicts: Vec<_> = toekomst.estimates.iter().map(|e| e.verdict).collect();
    assert_eq!(verdicts, [Under, Over, Under]);
    // Doorleren is one band low (weight 1); werken and hulp two bands off (2): the first
    // of the biggest names the theme, with its size.
    let weights: Vec<_> = toekomst.estimates.iter().map(|e| e.gap.unwrap().weight).collect();
    assert_eq!(weights, [1.0, 2.0, 2.0]);
    assert_eq!((toekomst.verdict, toekomst.size), (Over, Some(Size::Medium)));
    assert_eq!(report.themes[1].verdict, Unknown);
    // Without gaps the theme is right.
    let right = run(&students, &staff("helft", "helft", "helft"), Settings::default());
    assert_eq!((right.themes[0].verdict, right.themes[0].size), (Right, None));
}

// ---- Counting ---------------------------------------------------------------------------

#[test]
fn a_student_who_picks_both_codes_of_an_estimate_counts_once_and_empty_picks_are_left_out() {
    let students = many(
        S,
        vec![
            (2, vec![("nodig", choices(&["vertrouwen", "uitleg"]))]),
            (1, vec![("nodig", choices(&["uitleg"]))]),
            (2, vec![("nodig", choices(&["niets"]))]),
            (1, vec![("nodig", choices(&[]))]),
            (1, vec![("nodig", Answer::Skipped)]),
        ],
    );
    let report = run(&students, &[], Settings::default());
    let share = *estimate(&report, "est_hulp").students.shown().unwrap();
    assert_eq!((share.x, share.n), (3, 5));
    close(share.p, 0.6);
}

#[test]
fn a_matrix_row_is_counted_on_its_own_and_weet_niet_in_a_row_is_left_out() {
    let mut students =
        many(S, vec![(3, vec![("veilig", rows(&[("veilig", "4"), ("rustig", "1")]))])]);
    students
        .extend(many(S, vec![(2, vec![("veilig", rows(&[("veilig", "2"), ("rustig", "1")]))])]));
    students.extend(many(S, vec![(1, vec![("veilig", rows(&[("veilig", DONT_KNOW_CODE)]))])]));
    let report = run(&students, &[], Settings::default());
    let share = *estimate(&report, "est_veilig").students.shown().unwrap();
    assert_eq!((share.x, share.n), (3, 5));
    let group = ordinal(&report, "klimaat", Some("veilig")).students.shown().unwrap().clone();
    assert_eq!(group.counts, [0, 2, 0, 3]);
    close(group.mean, 3.2);
}

#[test]
fn responses_to_another_instrument_are_left_out_and_counted() {
    let mut students = many(S, vec![(5, vec![("wens", choice("werken"))])]);
    students.extend(many("iets-anders", vec![(3, vec![("wens", choice("niveau3"))])]));
    let staff = many("ana-staff-oud", vec![(2, vec![("est_werken", choice("helft"))])]);
    let report = run(&students, &staff, Settings::default());
    assert_eq!((report.students, report.staff, report.ignored), (5, 0, 5));
    assert_eq!(estimate(&report, "est_werken").students.shown().unwrap().x, 5);
    assert_eq!(estimate(&report, "est_werken").staff, Figure::Suppressed { n: 0, k: 5 });
}

// ---- Suppression at k - 1 and k ------------------------------------------------------------

#[test]
fn a_student_share_on_four_answers_is_hidden_and_on_five_is_shown() {
    let dont_count = vec![
        response(S, vec![("wens", Answer::DontKnow)]),
        response(S, vec![("wens", Answer::Skipped)]),
        response(S, vec![]),
    ];
    let staff = many(T, vec![(5, vec![("est_werken", choice("klein_deel"))])]);
    let mut students = each(S, "wens", &["werken", "werken", "niveau3", "niveau4"]);
    students.extend(dont_count);
    let four = run(&students, &staff, Settings::default());
    assert_eq!(estimate(&four, "est_werken").students, Figure::Suppressed { n: 4, k: 5 });
    students.push(response(S, vec![("wens", choice("werken"))]));
    let five = run(&students, &staff, Settings::default());
    let share = *estimate(&five, "est_werken").students.shown().unwrap();
    assert_eq!((share.x, share.n), (3, 5));
    assert_eq!(five.students, 8);
}

#[test]
fn staff_estimates_from_four_people_are_hidden_and_weet_ik_niet_does_not_count() {
    let mut staff = many(
        T,
        vec![
            (4, vec![("est_werken", choice("klein_deel"))]),
            (3, vec![("est_werken", Answer::DontKnow)]),
        ],
    );
    let hidden = run(&[], &staff, Settings::default());
    assert_eq!(estimate(&hidden, "est_werken").staff, Figure::Suppressed { n: 4, k: 5 });
    staff.push(response(T, vec![("est_werken", choice("groot_deel"))]));
    let shown = run(&[], &staff, Settings::default());
    let bands = *estimate(&shown, "est_werken").staff.shown().unwrap();
    assert_eq!((bands.counts, bands.n), ([0, 4, 0, 1, 0], 5));
    assert_eq!(bands.medians(), Some((1, 1)));
    let unsure = estimate(&shown, "est_werken").staff_unsure;
    assert_eq!(unsure, Figure::Shown(Unsure { count: 3, of: 8 }));
}

#[test]
fn a_raised_k_of_seven_hides_six_answers_and_shows_seven() {
    let six = doorleren(3, 3, &[("helft", 7)], Settings::with_k(7));
    assert_eq!(six.students, Figure::Suppressed { n: 6, k: 7 });
    let seven = doorleren(3, 4, &[("helft", 6)], Settings::with_k(7));
    assert!(seven.students.shown().is_some());
    assert_eq!(seven.staff, Figure::Suppressed { n: 6, k: 7 });
    assert_eq!(seven.verdict, Verdict::Unknown);
}

#[test]
fn ordinal_groups_and_their_differences_are_hidden_below_k() {
    let staff = each(T, "regels_team", &["3", "3", "4", "4", "4"]);
    let mut students = each(S, "regels", &["1", "2", "3", "4"]);
    let report = run(&students, &staff, Settings::default());
    let o = ordinal(&report, "regels_team", None);
    assert_eq!(o.students, Figure::Suppressed { n: 4, k: 5 });
    assert!(o.staff.shown().is_some());
    assert_eq!(o.mean_diff, Figure::Suppressed { n: 4, k: 5 });
    assert_eq!(o.agree_diff, Figure::Suppressed { n: 4, k: 5 });
    students.push(response(S, vec![("regels", choice("2"))]));
    let report = run(&students, &staff[..4], Settings::default());
    let o = ordinal(&report, "regels_team", None);
    assert!(o.students.shown().is_some());
    assert_eq!(o.staff, Figure::Suppressed { n: 4, k: 5 });
    assert_eq!(o.mean_diff, Figure::Suppressed { n: 4, k: 5 });
    let report = run(&students, &staff, Settings::default());
    assert!(ordinal(&report, "regels_team", None).mean_diff.shown().is_some());
}

// ---- Ordinal mirrors ----------------------------------------------------------------------

#[test]
fn ordinal_mirrors_give_hand_computed_means_shares_agreeing_and_intervals() {
    let mut students = each(S, "regels", &["1", "2", "2", "3", "4", "4"]);
    students.push(response(S, vec![("regels", Answer::DontKnow)]));
    let mut staff = each(T, "regels_team", &["3", "3", "4", "4", "4"]);
    staff.push(response(T, vec![("regels_team", Answer::DontKnow)]));
    let report = run(&students, &staff, Settings::default());
    let o = ordinal(&report, "regels_team", None);
    assert_eq!((o.student_item.as_str(), o.student_row.as_deref()), ("regels", None));
    // Students: mean 16/6, squares 7.3333, sample variance 7.3333/5, 3 of 6 agree.
    let s = o.students.shown().unwrap();
    assert_eq!((s.counts.clone(), s.n), (vec![1, 2, 1, 2], 6));
    close(s.mean, 2.6667);
    close(s.variance, 1.4667);
    close(s.agree, 0.5);
    // Staff: mean 18/5, variance 1.2/4, all 5 agree.
    let t = o.staff.shown().unwrap();
    close(t.mean, 3.6);
    close(t.variance, 0.3);
    close(t.agree, 1.0);
    // 0.9333 ± 1.96·sqrt(1.4667/6 + 0.3/5) = 0.9333 ± 1.0814.
    let d = o.mean_diff.shown().unwrap();
    close(d.diff, 0.9333);
    close(d.ci.lo, -0.1481);
    close(d.ci.hi, 2.0148);
    // 0.5 ± 1.96·sqrt(0.25/6 + 0/5) = 0.5 ± 0.4001.
    let a = o.agree_diff.shown().unwrap();
    close(a.diff, 0.5);
    close(a.ci.lo, 0.0999);
    close(a.ci.hi, 0.9001);
}

#[test]
fn shares_agreeing_take_the_top_half_of_the_points() {
    close(Group::of(&[1, 1, 1, 1]).agree, 0.5);
    close(Group::of(&[1, 1, 1]).agree, 1.0 / 3.0);
    close(Group::of(&[1, 1, 1, 1, 1]).agree, 0.4);
    close(Group::of(&[1, 1, 1, 1, 1]).mean, 3.0);
}

// ---- Team consensus -----------------------------------------------------------------------

fn consensus(
    staff: &[Response],
    item: &str,
    row: Option<&str>,
) -> Figure<spiegel::domain::analysis::Spread> {
    let report = run(&[], staff, Settings::default());
    let c = report.consensus.iter().find(|c| c.item == item && c.row.as_deref() == row).unwrap();
    c.spread.clone()
}

#[test]
fn consensus_covers_unmirrored_scale_items_and_matrix_rows_only() {
    let report = run(&[], &[], Settings::default());
    let places: Vec<_> =
        report.consensus.iter().map(|c| (c.item.as_str(), c.row.as_deref())).collect();
    assert_eq!(places, [("klimaat", Some("afspraken")), ("aanpak", None)]);
    assert!(report.roles.is_empty());
}

#[test]
fn a_team_that_answers_alike_is_not_divided() {
    let spread = consensus(&each(T, "aanpak", &["min_of_meer"; 5]), "aanpak", None);
    let spread = spread.shown().unwrap();
    assert_eq!((spread.counts.clone(), spread.n), (vec![0, 5, 0], 5));
    close(spread.agreement.consensus, 1.0);
    assert!(!spread.needs_team_agreement);
    assert_eq!(spread.agreement.words(Lang::Nl), "eens");
}

/// The agreement of these answers to the four-point matrix row, and whether divided.
fn row_agreement(codes: &[&str]) -> (f64, bool) {
    let spread =
        consensus(&each_row(T, "klimaat", "afspraken", codes), "klimaat", Some("afspraken"));
    let spread = spread.shown().unwrap().clone();
    (spread.agreement.consensus, spread.needs_team_agreement)
}

#[test]
fn agreement_is_one_minus_leiks_dispersion_and_below_seven_tenths_the_team_is_divided() {
    // Three points, 2 / 2 / 1: cumulative 0.4 and 0.8, dispersion 2·(0.4 + 0.2)/2 = 0.6.
    let codes = ["niet", "niet", "min_of_meer", "min_of_meer", "hoge_mate"];
    let spread = consensus(&each(T, "aanpak", &codes), "aanpak", None);
    close(spread.shown().unwrap().agreement.consensus, 0.4);
    assert!(spread.shown().unwrap().needs_team_agreement);
    // Four points, 1 / 5 / 2 / 2: cumulative 0.1, 0.6, 0.8; 2·(0.1 + 0.4 + 0.2)/3 = 0.467.
    let (a, divided) = row_agreement(&["1", "2", "2", "2", "2", "2", "3", "3", "4", "4"]);
    close(a, 0.5333);
    assert!(divided);
    // Two neighbouring points, 6 and 4 of 10: 2·0.4/3 = 0.267, agreement 0.733.
    let (a, divided) = row_agreement(&["3", "3", "3", "3", "3", "3", "4", "4", "4", "4"]);
    close(a, 0.7333);
    assert!(!divided);
    // Half and half on two neighbouring points of four: 0.667, divided.
    let (a, divided) = row_agreement(&["2", "2", "2", "3", "3", "3"]);
    close(a, 0.6667);
    assert!(divided);
}

#[test]
fn one_dissenter_at_the_far_end_divides_a_small_team_but_not_a_team_of_ten() {
    // 1 of 5 on the lowest point, 4 on the highest: 2·(3 · 0.2)/3 = 0.4, agreement 0.6.
    let (a, divided) = row_agreement(&["1", "4", "4", "4", "4"]);
    close(a, 0.6);
    assert!(divided);
    // 1 of 10 against 9: 2·(3 · 0.1)/3 = 0.2, agreement 0.8.
    let mut codes = vec!["1"];
    codes.extend(["4"; 9]);
    let (a, divided) = row_agreement(&codes);
    close(a, 0.8);
    assert!(!divided);
    // Split over both ends, 2 / 5 / 1 / 2: 0.533, divided.
    let (a, divided) = row_agreement(&["1", "1", "2", "2", "2", "2", "2", "3", "4", "4"]);
    close(a, 0.5333);
    assert!(divided);
}

#[test]
fn consensus_on_four_answers_is_hidden_and_on_five_is_shown() {
    let mut staff = each(T, "aanpak", &["niet", "niet", "niet", "niet"]);
    staff.push(response(T, vec![("aanpak", Answer::DontKnow)]));
    assert_eq!(consensus(&staff, "aanpak", None), Figure::Suppressed { n: 4, k: 5 });
    staff.push(response(T, vec![("aanpak", choice("niet"))]));
    assert!(consensus(&staff, "aanpak", None).shown().is_some());
}

// ---- Opleidingsmanager against zorgcoördinator --------------------------------------------

/// A built-in staff response of `role` with these `sh_basis` rows.
fn basis(role: &str, expertise: &str, capaciteit: &str, versterken: &str) -> Response {
    response(
        builtin::STAFF_ID,
        vec![
            ("rol", choice(role)),
            (
                "sh_basis",
                rows(&[
                    ("expertise", expertise),
                    ("capaciteit", capaciteit),
                    ("versterken", versterken),
                ]),
            ),
        ],
    )
}

fn builtins() -> (Instrument, Instrument) {
    (builtin::student().unwrap(), builtin::staff().unwrap())
}

#[test]
fn opleidingsmanagers_and_zorgcoordinators_are_compared_on_their_shared_block() {
    let (student, staff) = builtins();
    let mut responses = Vec::new();
    // Managers: expertise 4 (mean 4, upper third), capaciteit 3, versterken 2,2,2,2,2,3.
    for v in ["2", "2", "2", "2", "2", "3"] {
        responses.push(basis("manager", "4", "3", v));
    }
    // Zorg: expertise 2,2,2,3,3,3 (2.5), capaciteit 2,3,3,3,3,4 (3), versterken 14/6.
    for (e, c, v) in [
        ("2", "2", "2"),
        ("2", "3", "2"),
        ("2", "3", "2"),
        ("3", "3", "2"),
        ("3", "3", "3"),
        ("3", "4", "3"),
    ] {
        responses.push(basis("zorg", e, c, v));
    }
    // Teachers do not count for either side.
    responses.extend((0..3).map(|_| basis("docent", "1", "1", "1")));
    let report = analyse(&student, &staff, &[], &responses, &Settings::default());
    // sh_basis, sh_competenties, sh_professionalisering, the OOK share, sh_ook.
    assert_eq!(report.roles.len(), 3 + 5 + 2 + 1 + 2);
    let at = |row: &str| {
        report.roles.iter().find(|r| r.item == "sh_basis" && r.row.as_deref() == Some(row)).unwrap()
    };

    let expertise = at("expertise");
    let manager = expertise.manager.shown().unwrap();
    assert_eq!((manager.counts.clone(), manager.n), (vec![0, 0, 0, 6, 0], 6));
    close(manager.mean, 4.0);
    close(expertise.zorg.shown().unwrap().mean, 2.5);
    let d = expertise.difference.shown().unwrap();
    close(d.diff, -1.5);
    assert!(d.differs, "4 is in the upper third (Wel), 2.5 in the middle (Deels)");

    let capaciteit = at("capaciteit").difference.shown().unwrap();
    close(capaciteit.diff, 0.0);
    assert!(!capaciteit.differs);

    // 13/6 = 2.17 lies in the lower third of 1..5; 14/6 = 2.33 sits exactly on the border,
    // which counts as the middle.
    let versterken = at("versterken");
    close(versterken.manager.shown().unwrap().mean, 2.1667);
    close(versterken.zorg.shown().unwrap().mean, 2.3333);
    assert!(versterken.difference.shown().unwrap().differs);
}

#[test]
fn a_role_with_four_answers_is_hidden_in_the_role_comparison() {
    let (student, staff) = builtins();
    let mut responses: Vec<_> = (0..4).map(|_| basis("manager", "3", "3", "3")).collect();
    responses.extend((0..5).map(|_| basis("zorg", "4", "4", "4")));
    let report = analyse(&student, &staff, &[], &responses, &Settings::default());
    let r = &report.roles[0];
    assert_eq!((r.item.as_str(), r.row.as_deref()), ("sh_basis", Some("expertise")));
    assert_eq!(r.manager, Figure::Suppressed { n: 4, k: 5 });
    assert!(r.zorg.shown().is_some());
    assert_eq!(r.difference, Figure::Suppressed { n: 4, k: 5 });
    responses.push(basis("manager", "3", "3", "3"));
    let report = analyse(&student, &staff, &[], &responses, &Settings::default());
    close(report.roles[0].difference.shown().unwrap().diff, 1.0);
}

// ---- Two metingen -------------------------------------------------------------------------

#[test]
fn two_metingen_show_the_change_per_link_and_per_theme() {
    let staff = many(T, vec![(5, vec![("est_werken", choice("groot_deel"))])]);
    let class = |werken: usize| {
        many(
            S,
            vec![
                (werken, vec![("wens", choice("werken"))]),
                (20 - werken, vec![("wens", choice("niveau3"))]),
            ],
        )
    };
    // Before: 5 of 20 (0.1119..0.4687) under "een groot deel": Over. After: 10 of 20
    // (0.2993..0.7007) reaches 60 %: Right.
    let before = run(&class(5), &staff, Settings::default());
    let after = run(&class(10), &staff, Settings::default());
    let changes = compare(&before, &after);
    let toekomst = changes.iter().find(|c| c.theme == "toekomst").unwrap();
    assert_eq!((toekomst.before, toekomst.after), (Verdict::Over, Verdict::Right));
    let werken = toekomst.links.iter().find(|l| l.after.staff_item == "est_werken").unwrap();
    close(werken.before.students.shown().unwrap().p, 0.25);
    close(werken.after.students.shown().unwrap().p, 0.5);
    // 0.25 ± 1.96·sqrt(0.25·0.75/20 + 0.5·0.5/20) = 0.25 ± 0.2899.
    let change = werken.change.shown().unwrap();
    close(change.diff, 0.25);
    close(change.ci.lo, -0.0399);
    close(change.ci.hi, 0.5399);
    let doorleren = toekomst.links.iter().find(|l| l.after.staff_item == "est_doorleren").unwrap();
    close(doorleren.change.shown().unwrap().diff, -0.25);
    let klimaat = changes.iter().find(|c| c.theme == "klimaat").unwrap();
    assert_eq!((klimaat.before, klimaat.after), (Verdict::Unknown, Verdict::Unknown));
}

#[test]
fn a_meting_with_only_staff_answers_keeps_the_student_change_hidden() {
    let staff = many(T, vec![(5, vec![("est_werken", choice("groot_deel"))])]);
    let students = many(S, vec![(5, vec![("wens", choice("werken"))])]);
    let before = run(&[], &staff, Settings::default());
    let after = run(&students, &staff[..4], Settings::default());
    let changes = compare(&before, &after);
    let werken = changes[0].links.iter().find(|l| l.after.staff_item == "est_werken").unwrap();
    assert_eq!(werken.change, Figure::Suppressed { n: 0, k: 5 });
    assert!(werken.before.staff.shown().is_some());
    assert_eq!(werken.after.staff, Figure::Suppressed { n: 4, k: 5 });
    assert!(werken.after.students.shown().is_some());
}

// ---- Properties ---------------------------------------------------------------------------

#[test]
fn shares_stay_within_zero_and_one_and_shuffling_the_responses_changes_nothing() {
    let (student, staff) = fixtures();
    let mut rng = Lcg(48);
    for round in 0..300 {
        let students: Vec<_> =
            (0..rng.below(40)).map(|_| random_response(&student, &mut rng)).collect();
        let staff_responses: Vec<_> =
            (0..rng.below(16)).map(|_| random_response(&staff, &mut rng)).collect();
        let settings = Settings::with_k(5 + rng.below(3));
        let report = analyse(&student, &staff, &students, &staff_responses, &settings);
        for e in report.themes.iter().flat_map(|t| &t.estimates) {
            if let Some(s) = e.students.shown() {
                assert!(s.x <= s.n && (0.0..=1.0).contains(&s.p), "round {round}: {s:?}");
                assert!(0.0 <= s.ci.lo && s.ci.lo <= s.p && s.p <= s.ci.hi && s.ci.hi <= 1.0);
            }
            if let Some(b) = e.staff.shown() {
                assert_eq!(b.counts.iter().sum::<usize>(), b.n);
            }
        }
        for o in report.themes.iter().flat_map(|t| &t.ordinals) {
            for g in [o.students.shown(), o.staff.shown()].into_iter().flatten() {
                assert!((1.0..=4.0).contains(&g.mean) && (0.0..=1.0).contains(&g.agree));
            }
            for d in [o.mean_diff.shown(), o.agree_diff.shown()].into_iter().flatten() {
                assert!(d.ci.lo <= d.diff && d.diff <= d.ci.hi, "round {round}: {d:?}");
            }
        }
        for c in report.consensus.iter().filter_map(|c| c.spread.shown()) {
            assert!((0.0..=1.0).contains(&c.agreement.consensus));
            assert_eq!(c.needs_team_agreement, c.agreement.consensus < 0.7);
        }
        let again = analyse(
            &student,
            &staff,
            &shuffled(&students, &mut rng),
            &shuffled(&staff_responses, &mut rng),
            &settings,
        );
        assert_eq!(report, again, "round {round}: the order of responses changed the report");
    }
}

// ---- End to end on the built-in vragenlijsten ----------------------------------------------

#[test]
fn a_class_like_the_seed_report_shows_staff_underestimating_doorleren_and_overestimating_werken() {
    let (student, staff) = builtins();
    assert!(check_mirrors(&staff, &student).is_empty());
    let sid = builtin::STUDENT_ID;
    let wens = |code: &str| vec![("toekomstwens", choice(code))];
    let students = many(
        sid,
        vec![
            (30, wens("niveau3")),
            (30, wens("niveau4")),
            (30, wens("werken")),
            (20, wens("eerst_werken")),
            (10, wens("anders")),
            (5, vec![("toekomstwens", Answer::DontKnow)]),
        ],
    );
    let tid = builtin::STAFF_ID;
    let est = |doorleren: Answer, werken: &str| {
        vec![
            ("rol", choice("docent")),
            ("est_doorleren", doorleren),
            ("est_werken", choice(werken)),
        ]
    };
    let staff_responses = many(
        tid,
        vec![
            (7, est(choice("klein_deel"), "groot_deel")),
            (1, est(choice("klein_deel"), "helft")),
            (2, est(choice("helft"), "helft")),
            (2, est(Answer::DontKnow, "bijna_alle")),
        ],
    );
    let report = analyse(&student, &staff, &students, &staff_responses, &Settings::default());
    assert_eq!((report.students, report.staff, report.ignored), (125, 12, 0));
    // 60 of 120: 0.4119..0.5881, above "een klein deel" (10-40 %).
    let doorleren = estimate(&report, "est_doorleren");
    let share = doorleren.students.shown().unwrap();
    assert_eq!((share.x, share.n), (60, 120));
    close(share.ci.lo, 0.4119);
    assert_eq!(doorleren.staff.shown().unwrap().counts, [0, 8, 2, 0, 0]);
    assert_eq!(doorleren.verdict, Verdict::Under);
    // 30 of 120: 0.1811..0.3344, below "een groot deel" (60-90 %).
    let werken = estimate(&report, "est_werken");
    close(werken.students.shown().unwrap().ci.hi, 0.3344);
    assert_eq!(werken.staff.shown().unwrap().counts, [0, 0, 3, 7, 2]);
    assert_eq!(werken.verdict, Verdict::Over);
    // The theme names its biggest gap: werken, staff 1.9 bands off on average against 0.8
    // for doorleren; the middle staff answer is two bands above the students'.
    let toekomst = report.themes.iter().find(|t| t.theme == "toekomst").unwrap();
    assert_eq!((toekomst.verdict, toekomst.size), (Verdict::Over, Some(Size::Medium)));
    close(werken.gap.unwrap().weight, 23.0 / 12.0);
    close(doorleren.gap.unwrap().weight, 0.8);
}

#[test]
fn a_school_sized_data_set_is_counted_in_full() {
    // 20,000 students and 1,000 staff with an answer to every item: the counts must add up.
    let (student, staff) = builtins();
    let mut rng = Lcg(2026);
    let students: Vec<_> = (0..20_000).map(|_| random_response(&student, &mut rng)).collect();
    let staff_responses: Vec<_> = (0..1_000).map(|_| random_response(&staff, &mut rng)).collect();
    let report = analyse(&student, &staff, &students, &staff_responses, &Settings::default());
    assert_eq!((report.students, report.staff), (20_000, 1_000));
    let expected = students
        .iter()
        .filter(|r| matches!(r.answers.get("toekomstwens"), Some(Answer::Choice(_))))
        .count();
    assert_eq!(estimate(&report, "est_werken").students.shown().unwrap().n, expected);
    let links = report.themes.iter().map(|t| t.estimates.len() + t.ordinals.len()).sum::<usize>();
    assert_eq!(links, spiegel::domain::instrument::mirror::links(&staff).len());
}

// ---- The coded table ---------------------------------------------------------------------

#[test]
fn a_table_filled_response_by_response_gives_the_same_report_as_the_responses() {
    // Promise: the team device codes responses into a table as it opens them, and the
    // mirror it shows from that table is exactly the analysis of the responses.
    let (student, staff) = builtins();
    let mut rng = Lcg(99);
    let students: Vec<Response> = (0..300).map(|_| random_response(&student, &mut rng)).collect();
    let staff_responses: Vec<Response> =
        (0..40).map(|_| random_response(&staff, &mut rng)).collect();
    let mut s = Table::new(&student);
    let mut t = Table::new(&staff);
    for r in &students {
        assert!(s.push(r));
    }
    for r in &staff_responses {
        assert!(t.push(r));
    }
    assert_eq!((s.len(), t.len()), (300, 40));
    let settings = Settings::with_k(7);
    assert_eq!(
        analyse_tables(&student, &staff, &s, &t, &settings),
        analyse(&student, &staff, &students, &staff_responses, &settings)
    );
}

#[test]
fn a_table_keeps_codes_as_bits_and_dont_know_apart_and_leaves_out_skips_and_other_instruments() {
    let (student, staff) = fixtures();
    let mut table = Table::new(&student);
    let toekomst = table.column("wens", None).expect("a column per coded item");
    assert!(table.push(&response(S, vec![("wens", choice("niveau3"))])));
    assert!(table.push(&response(S, vec![("wens", Answer::DontKnow)])));
    assert!(table.push(&response(S, vec![("wens", Answer::Skipped)])));
    assert!(!table.push(&response(T, vec![("wens", choice("niveau3"))])));
    let codes = &table.columns()[toekomst].codes;
    let niveau3 = codes.iter().position(|c| c == "niveau3").unwrap();
    assert_eq!(table.row(0)[toekomst], 1 << niveau3);
    assert_eq!((table.row(1)[toekomst], table.row(2)[toekomst]), (DONT_KNOW, 0));
    assert_eq!((table.len(), table.ignored()), (3, 1));
    // A staff table handed in as the student side counts every row as ignored.
    let staff_table = Table::of(&staff, &[response(T, vec![]), response(T, vec![])]);
    let report =
        analyse_tables(&student, &staff, &staff_table, &Table::new(&staff), &Settings::default());
    assert_eq!((report.students, report.ignored), (0, 2));
}
