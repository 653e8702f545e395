//! A class built from seed 000's own figures (Inspectie van het Onderwijs, "Effectief
//! mbo-2": 497 students, 154 staff; `shared/seeds/000_*.txt`), for the mirror's tests and
//! fixtures: the host test draws it 30 times at 497/154 and at 25/8 and checks that the
//! mirror finds what the report found; `make fixtures` writes one draw at 25/8 for the
//! end-to-end test of the mirror.
//!
//! The report gives magnitudes in words ("ongeveer de helft", "een klein deel"), never
//! percentages (L229-231). The design turns each into a share and cites the lines; where
//! the report gives no figure, the design says so and lets staff see it right, so that only
//! what the report found shows up as a gap. The main findings:
//!
//! - **werken**: about a quarter of the students want to start work straight away
//!   (L78-79, L384); about half of the staff think "een groot deel" to "(bijna) alle"
//!   (L429-431, L1247-1249); the report: staff overestimate (L1327-1328).
//! - **doorstroom**: about half want to go on to niveau 3 or 4 (L77-78, L382-383); staff
//!   fall into three about equal groups, "bijna alle", "bijna geen" and "de helft"
//!   (L433-438); the report: staff do not see it (L1325-1327, L1353-1356).
//! - **diploma** and **inzet**: a large part want the diploma (L380-381) and do their
//!   best; staff know it (L421-422, L1205-1206, L1317-1319).
//! - **care needs**: almost no student names private, psychological or money problems
//!   (L1150-1151, L416-417); a large part of the staff say a small part to none, a small
//!   part of the staff say half or more (L452-455, L1293-1295); the report calls this
//!   agreement (L1339-1341).
//!
//! Students are drawn one by one from these shares, as a class is a draw of students.
//! Staff answer as a team made to the reported proportions: each answer's share of the
//! team is rounded to whole people (largest remainder, ties broken at random) and the
//! answers are dealt out at random. Everything not in the design is a random answer
//! ([`crate::synthetic::response_with`]).
// Each includer uses its own part.
#![allow(dead_code)]

use std::collections::BTreeMap;

use spiegel::domain::answer::Answer;
use spiegel::domain::instrument::{Bands, Instrument, ItemKind};
use spiegel::domain::response::Response;

use crate::synthetic::{response_with, Lcg};

/// Shares of the answer codes of one item; `weet_niet` stands for "weet ik niet".
type Shares = &'static [(&'static str, f64)];

/// How a student answers one designed item.
pub enum Draw {
    /// One code, drawn from the shares.
    One(Shares),
    /// A multiple choice: each code picked on its own with its share; when none is, the
    /// last code (the item's "niets" / "geen").
    Many(Shares, &'static str),
    /// Matrix rows: per row, one code drawn from its shares.
    Rows(&'static [(&'static str, Shares)]),
}

/// The student side of [`V1`]: item, draw, and where the figures come from.
pub const STUDENTS: [(&str, Draw, &str); 16] = [
    (
        "toekomstwens",
        // Of the students who answer: werken 25 %, niveau 3 or 4 50 %; eerst werken and
        // another niveau-2 opleiding are not reported (design: 8 % and 6 %); 10 % do not
        // know yet (design).
        Draw::One(&[
            ("werken", 0.225),
            ("niveau3", 0.25),
            ("niveau4", 0.20),
            ("eerst_werken", 0.072),
            ("andere_niveau2", 0.054),
            ("anders", 0.099),
            ("weet_niet", 0.10),
        ]),
        "L77-79, L382-384, L1251-1253 (shares of eerst werken and niveau 2 not reported)",
    ),
    ("diploma_wil", Draw::One(&[("4", 0.45), ("3", 0.35), ("2", 0.15), ("1", 0.05)]), "L380-381"),
    (
        "best_doen",
        Draw::One(&[("4", 0.35), ("3", 0.40), ("2", 0.20), ("1", 0.05)]),
        "L421-422, L1094-1095 (students' own share not reported; design: a large part)",
    ),
    (
        "vertrouwen_diploma",
        Draw::One(&[
            ("makkelijk", 0.40),
            ("hard_werken", 0.30),
            ("met_hulp", 0.10),
            ("twijfel", 0.15),
            ("nee", 0.05),
        ]),
        "L1639-1645",
    ),
    (
        "vertrouwen_baan",
        Draw::One(&[
            ("heb_al", 0.20),
            ("makkelijk", 0.20),
            ("met_moeite", 0.15),
            ("twijfel", 0.20),
            ("nee", 0.10),
            ("ander_werk", 0.15),
        ]),
        "L1647-1656",
    ),
    (
        "nodig_pedagogisch",
        Draw::Many(
            &[
                ("vertrouwen", 0.50),
                ("best_doen", 0.35),
                ("aanmoediging", 0.40),
                ("prioriteit", 0.15),
                ("niets", 0.0),
            ],
            "niets",
        ),
        "L1093-1095, L385-388 (aanmoediging not quantified)",
    ),
    (
        "nodig_didactisch",
        Draw::Many(
            &[
                ("uitleg", 0.25),
                ("kleine_stappen", 0.20),
                ("praktijk", 0.25),
                ("voorbeelden", 0.15),
                ("nederlands", 0.25),
                ("rekenen", 0.20),
                ("niets", 0.0),
            ],
            "niets",
        ),
        "L1117-1126, L1138-1139 (Nederlands and rekenen from the interviews)",
    ),
    (
        "tegenhouden",
        Draw::Many(
            &[
                ("geen_zin", 0.15),
                ("niet_best", 0.15),
                ("vrienden", 0.10),
                ("slechte_uitleg", 0.20),
                ("saai", 0.20),
                ("te_moeilijk", 0.03),
                ("stage", 0.03),
                ("prive", 0.04),
                ("niets", 0.0),
            ],
            "niets",
        ),
        "L1095-1097, L1120-1124",
    ),
    ("hulp_nodig", Draw::One(&[("ja", 0.20), ("nee", 0.80)]), "L1148-1149"),
    (
        "hulp_bij",
        Draw::Many(
            &[
                ("stage", 0.03),
                ("thuis", 0.02),
                ("prive", 0.02),
                ("psychisch", 0.05),
                ("geld", 0.03),
                ("tijd", 0.03),
                ("geen", 0.0),
            ],
            "geen",
        ),
        "L1150-1153, L416-417, L1192-1194",
    ),
    (
        "gedrag_hulp",
        Draw::One(&[("4", 0.10), ("3", 0.20), ("2", 0.40), ("1", 0.30)]),
        "not asked of students (L1342-1343); design: 30 %",
    ),
    (
        "structuur_nodig",
        Draw::One(&[("4", 0.30), ("3", 0.40), ("2", 0.20), ("1", 0.10)]),
        "not asked of students (L1345-1347); design: 70 %",
    ),
    (
        "regels_zelfde",
        Draw::One(&[("4", 0.20), ("3", 0.30), ("2", 0.30), ("1", 0.20)]),
        "L544-547, L1621-1622",
    ),
    (
        "stage",
        Draw::One(&[("ja", 0.16), ("nee", 0.84)]),
        "design: few first-years on a placement, so a class of 25 hides the placement question",
    ),
    (
        "tevreden_lessen",
        Draw::Rows(&[
            ("praktijk", &[("3", 0.50), ("2", 0.45), ("1", 0.05)]),
            ("mentor", &[("3", 0.30), ("2", 0.55), ("1", 0.15)]),
            ("nederlands", &[("3", 0.15), ("2", 0.40), ("1", 0.45)]),
            ("rekenen", &[("3", 0.15), ("2", 0.40), ("1", 0.45)]),
        ]),
        "L1576-1580, L1603-1604",
    ),
    // Asked only of students on a placement.
    ("stage_leren", Draw::One(&[("4", 0.40), ("3", 0.35), ("2", 0.15), ("1", 0.10)]), "L1173-1174"),
];

/// A staff item: the team's answers, or "agree" (the report gives no figure: staff see
/// it right, 70 % on the band the students' expected share falls in, 15 % on each
/// neighbour).
pub enum Team {
    /// Shares of the answers over the team.
    Shares(Shares),
    /// Not reported: the team sees it right, around this expected student share.
    Agrees(f64),
}

/// The staff side of [`V1`]: item, the team's answers, and where the figures come from.
pub const STAFF: [(&str, Team, &str); 28] = [
    (
        "rol",
        Team::Shares(&[
            ("docent", 0.55),
            ("mentor", 0.15),
            ("stage", 0.10),
            ("zorg", 0.10),
            ("manager", 0.10),
        ]),
        "L250-253 (the roles; their shares are a design)",
    ),
    (
        "est_werken",
        Team::Shares(&[
            ("klein_deel", 0.2),
            ("helft", 0.3),
            ("groot_deel", 0.3),
            ("bijna_alle", 0.2),
        ]),
        "L429-431, L1247-1249",
    ),
    (
        "est_doorleren",
        Team::Shares(&[("bijna_geen", 1.0 / 3.0), ("helft", 1.0 / 3.0), ("bijna_alle", 1.0 / 3.0)]),
        "L433-438",
    ),
    ("est_eerst_werken", Team::Shares(&[("bijna_geen", 0.7), ("klein_deel", 0.3)]), "L1251-1253"),
    (
        "est_andere_n2",
        Team::Shares(&[("bijna_geen", 0.7), ("klein_deel", 0.3)]),
        "L1251-1253, L1323-1325",
    ),
    (
        "est_diploma_wil",
        Team::Shares(&[("helft", 0.1), ("groot_deel", 0.7), ("bijna_alle", 0.2)]),
        "L1317-1319",
    ),
    (
        "est_best_doen",
        Team::Shares(&[("helft", 0.15), ("groot_deel", 0.75), ("bijna_alle", 0.10)]),
        "L421-422, L1205-1206",
    ),
    (
        "est_vertrouwen_diploma",
        Team::Shares(&[("helft", 0.1), ("groot_deel", 0.7), ("bijna_alle", 0.2)]),
        "L1319-1320, L1660-1662",
    ),
    (
        "est_vertrouwen_baan",
        Team::Shares(&[("klein_deel", 0.1), ("helft", 0.5), ("groot_deel", 0.4)]),
        "L1319-1320, L1660-1662",
    ),
    (
        "est_zelfvertrouwen",
        Team::Shares(&[
            ("klein_deel", 0.35),
            ("helft", 0.35),
            ("groot_deel", 0.2),
            ("bijna_alle", 0.1),
        ]),
        "L1207-1210",
    ),
    ("est_aanmoediging", Team::Agrees(0.40), "not reported"),
    (
        "est_uitleg",
        Team::Shares(&[("klein_deel", 0.6), ("helft", 0.2), ("bijna_alle", 0.2)]),
        "L1269-1273, L1330-1334",
    ),
    (
        "est_kleine_stappen",
        Team::Shares(&[("klein_deel", 0.6), ("helft", 0.2), ("bijna_alle", 0.2)]),
        "L1269-1273, L1330-1334",
    ),
    (
        "est_praktijk",
        Team::Shares(&[("klein_deel", 0.3), ("helft", 0.4), ("groot_deel", 0.3)]),
        "L1269-1273 (examples from practice named by many staff)",
    ),
    (
        "est_nederlands",
        Team::Shares(&[("klein_deel", 0.7), ("helft", 0.2), ("bijna_alle", 0.1)]),
        "L1275-1278",
    ),
    (
        "est_rekenen",
        Team::Shares(&[("klein_deel", 0.7), ("helft", 0.2), ("bijna_alle", 0.1)]),
        "L1275-1278",
    ),
    ("est_saai", Team::Agrees(0.20), "not reported"),
    (
        "est_nl_kan_beter",
        Team::Shares(&[("klein_deel", 0.7), ("helft", 0.3)]),
        "L1275-1278, L1334-1336",
    ),
    (
        "est_rekenen_kan_beter",
        Team::Shares(&[("klein_deel", 0.7), ("helft", 0.3)]),
        "L1275-1278, L1334-1336",
    ),
    ("est_hulp_nodig", Team::Agrees(0.20), "not reported"),
    (
        "est_prive",
        Team::Shares(&[
            ("bijna_geen", 0.40),
            ("klein_deel", 0.45),
            ("helft", 0.10),
            ("groot_deel", 0.05),
        ]),
        "L452-455, L1293-1295",
    ),
    (
        "est_psychisch",
        Team::Shares(&[
            ("bijna_geen", 0.40),
            ("klein_deel", 0.45),
            ("helft", 0.10),
            ("groot_deel", 0.05),
        ]),
        "L452-455, L1293-1295",
    ),
    (
        "est_geld",
        Team::Shares(&[
            ("bijna_geen", 0.40),
            ("klein_deel", 0.45),
            ("helft", 0.10),
            ("groot_deel", 0.05),
        ]),
        "L452-455, L1293-1295",
    ),
    (
        "est_gedrag",
        Team::Shares(&[
            ("bijna_geen", 0.1),
            ("klein_deel", 0.4),
            ("helft", 0.3),
            ("groot_deel", 0.2),
        ]),
        "L1295-1303",
    ),
    (
        "est_structuur",
        Team::Shares(&[("helft", 0.1), ("groot_deel", 0.5), ("bijna_alle", 0.4)]),
        "L1236-1237",
    ),
    ("est_regels", Team::Agrees(0.50), "not reported"),
    ("est_stage_leren", Team::Agrees(0.75), "not reported"),
    // The team's own success, as managers saw it: about half "in hoge mate", the rest
    // "min of meer".
    ("team_slaagt", Team::Shares(&[("hoge_mate", 0.5), ("min_of_meer", 0.5)]), "L1723-1726"),
];

/// One design: the vragenlijsten it is written for, and both sides.
pub struct Design {
    /// The student vragenlijst's id and version.
    pub student: (&'static str, &'static str),
    /// The staff vragenlijst's id and version.
    pub staff: (&'static str, &'static str),
    /// The student side.
    pub students: &'static [(&'static str, Draw, &'static str)],
    /// The staff side.
    pub team: &'static [(&'static str, Team, &'static str)],
}

/// The design for student 1.0.0 and staff 1.1.0, the first staff version that shows its
/// ranges.
pub const V1: Design = Design {
    student: ("spiegel-student", "1.0.0"),
    staff: ("spiegel-staff", "1.1.0"),
    students: &STUDENTS,
    team: &STAFF,
};

/// The answer a code stands for.
fn answer(code: &str) -> Answer {
    match code {
        "weet_niet" => Answer::DontKnow,
        c => Answer::Choice(c.into()),
    }
}

/// One code drawn from `shares` (which need not add up to exactly 1).
fn draw(rng: &mut Lcg, shares: Shares) -> &'static str {
    let total: f64 = shares.iter().map(|(_, s)| s).sum();
    let mut at = rng.below(1_000_000) as f64 / 1_000_000.0 * total;
    for (code, share) in shares {
        if at < *share {
            return code;
        }
        at -= share;
    }
    shares.last().map_or("", |(c, _)| c)
}

/// A student's answer to one designed item.
fn student_answer(rng: &mut Lcg, how: &Draw) -> Answer {
    match how {
        Draw::One(shares) => answer(draw(rng, shares)),
        Draw::Many(shares, none) => {
            let mut picked: Vec<String> = shares
                .iter()
                .filter(|(_, share)| (rng.below(1_000_000) as f64) < share * 1_000_000.0)
                .map(|(c, _)| c.to_string())
                .collect();
            if picked.is_empty() {
                picked.push(none.to_string());
            }
            Answer::Choices(picked)
        }
        Draw::Rows(rows) => Answer::Rows(
            rows.iter()
                .map(|(row, shares)| (row.to_string(), draw(rng, shares).to_string()))
                .collect(),
        ),
    }
}

/// The codes of a team of `n` with these shares: each share rounded to whole people by
/// the largest remainder (ties at random), then dealt out in a random order.
fn team(rng: &mut Lcg, shares: &[(&'static str, f64)], n: usize) -> Vec<&'static str> {
    let total: f64 = shares.iter().map(|(_, s)| s).sum();
    let exact: Vec<f64> = shares.iter().map(|(_, s)| s / total * n as f64).collect();
    let mut counts: Vec<usize> = exact.iter().map(|e| e.floor() as usize).collect();
    let mut left = n - counts.iter().sum::<usize>();
    // Largest remainders first; a random key breaks ties.
    let mut order: Vec<(f64, usize, usize)> =
        exact.iter().enumerate().map(|(i, e)| (e - e.floor(), rng.below(1_000), i)).collect();
    order.sort_by(|a, b| b.0.total_cmp(&a.0).then(b.1.cmp(&a.1)));
    for (_, _, i) in order {
        if left == 0 {
            break;
        }
        counts[i] += 1;
        left -= 1;
    }
    let codes: Vec<&str> =
        shares.iter().zip(&counts).flat_map(|((c, _), &k)| std::iter::repeat_n(*c, k)).collect();
    rng.shuffle(codes)
}

/// The shares of a team that sees a student share `p` right: 70 % on its band, 15 % on
/// each neighbour (all on the one neighbour there is at either end).
fn agreeing(p: f64) -> Vec<(&'static str, f64)> {
    use spiegel::domain::instrument::SHARE_BANDS;
    let own = Bands::default().band_of(p);
    let code = |b: usize| SHARE_BANDS[b].0;
    let mut out = vec![(code(own), 0.70)];
    match own {
        0 => out.push((code(1), 0.30)),
        4 => out.push((code(3), 0.30)),
        b => {
            out.push((code(b - 1), 0.15));
            out.push((code(b + 1), 0.15));
        }
    }
    out
}

/// One draw of the [`V1`] class: `students` student responses and `staff` staff
/// responses to the given vragenlijsten.
pub fn class(
    student: &Instrument,
    staff_instrument: &Instrument,
    students: usize,
    staff: usize,
    rng: &mut Lcg,
) -> (Vec<Response>, Vec<Response>) {
    class_of(&V1, student, staff_instrument, students, staff, rng)
}

/// One draw of the class of `design`: `students` student responses and `staff` staff
/// responses.
pub fn class_of(
    design: &Design,
    student: &Instrument,
    staff_instrument: &Instrument,
    students: usize,
    staff: usize,
    rng: &mut Lcg,
) -> (Vec<Response>, Vec<Response>) {
    let mut out = Vec::with_capacity(students);
    for n in 0..students {
        let mut pinned: BTreeMap<&str, Answer> = BTreeMap::new();
        for (item, how, _) in design.students {
            pinned.insert(item, student_answer(rng, how));
        }
        out.push(response_with(student, rng, n + 1, &pinned));
    }
    let mut answers: Vec<BTreeMap<&str, Answer>> = vec![BTreeMap::new(); staff];
    let mut deal = |rng: &mut Lcg, item: &'static str, shares: &[(&'static str, f64)]| {
        for (a, code) in answers.iter_mut().zip(team(rng, shares, staff)) {
            a.insert(item, answer(code));
        }
    };
    for (item, how, _) in design.team {
        match how {
            Team::Shares(shares) => deal(rng, item, shares),
            Team::Agrees(p) => deal(rng, item, &agreeing(*p)),
        }
    }
    // The team's other views of its own approach: the report gives no figures, so each
    // scale question and matrix row gets a team that mostly agrees (70 % on one point, the
    // rest on its neighbours), not random answers that would divide the team on all of
    // them.
    let designed = |id: &str| design.team.iter().any(|(i, _, _)| *i == id);
    for (_, item) in staff_instrument.items().filter(|(_, i)| !designed(&i.id)) {
        let (points, rows): (Vec<String>, Vec<Option<String>>) = match &item.kind {
            ItemKind::Scale { points } => {
                (points.iter().map(|p| p.code.clone()).collect(), vec![None])
            }
            ItemKind::Matrix { points, rows } => (
                points.iter().map(|p| p.code.clone()).collect(),
                rows.iter().map(|r| Some(r.id.clone())).collect(),
            ),
            _ => continue,
        };
        let mut per_row: Vec<Vec<String>> = Vec::new();
        for _ in &rows {
            let at = rng.below(points.len());
            let near = |d: isize| {
                points[(at as isize + d).clamp(0, points.len() as isize - 1) as usize].clone()
            };
            let codes: Vec<String> = (0..staff)
                .map(|i| match i * 20 / staff.max(1) {
                    0..=13 => near(0),
                    14..=16 => near(-1),
                    _ => near(1),
                })
                .collect();
            per_row.push(rng.shuffle(codes));
        }
        for (n, a) in answers.iter_mut().enumerate() {
            let answer = match &rows[..] {
                [None] => Answer::Choice(per_row[0][n].clone()),
                _ => Answer::Rows(
                    rows.iter()
                        .zip(&per_row)
                        .filter_map(|(r, codes)| Some((r.clone()?, codes[n].clone())))
                        .collect(),
                ),
            };
            a.insert(item.id.as_str(), answer);
        }
    }
    let staff_out = answers
        .iter()
        .enumerate()
        .map(|(n, a)| response_with(staff_instrument, rng, n + 1, a))
        .collect();
    (out, staff_out)
}

/// The student side of [`V2`], a niveau-2 class: the same shares, on the items of
/// student 2.0.0 (options by niveau and leerweg, exclusive "niets", help asked only
/// after "ja").
pub const STUDENTS_V2: &[(&str, Draw, &str)] = &[
    ("niveau", Draw::One(&[("2", 1.0)]), "the report is about niveau 2 (L1-60)"),
    (
        "leerweg",
        Draw::One(&[("bol", 0.8), ("bbl", 0.2)]),
        "L1648-1649 (the share of BBL is a design)",
    ),
    ("stage", Draw::One(&[("nu", 0.10), ("eerder", 0.06), ("nee", 0.84)]), "design, as in V1"),
    ("diploma_wil", Draw::One(&[("4", 0.45), ("3", 0.35), ("2", 0.15), ("1", 0.05)]), "L380-381"),
    (
        "toekomstwens",
        Draw::One(&[
            ("werken", 0.225),
            ("niveau3", 0.25),
            ("niveau4", 0.20),
            ("eerst_werken", 0.072),
            ("andere_opleiding", 0.054),
            ("anders", 0.099),
            ("weet_niet", 0.10),
        ]),
        "L77-79, L382-384, L1251-1253",
    ),
    (
        "drempels",
        Draw::Many(
            &[
                ("niveau", 0.15),
                ("theorie", 0.20),
                ("nederlands", 0.20),
                ("rekenen", 0.20),
                ("zelfstandig", 0.20),
                ("niets", 0.0),
            ],
            "niets",
        ),
        "L596-609 (named by staff; the students' shares are a design)",
    ),
    (
        "nodig_pedagogisch",
        Draw::Many(
            &[("vertrouwen", 0.50), ("best_doen", 0.35), ("aanmoediging", 0.40), ("niets", 0.0)],
            "niets",
        ),
        "L1093-1095, L385-388",
    ),
    (
        "nodig_didactisch",
        Draw::Many(
            &[
                ("uitleg", 0.25),
                ("kleine_stappen", 0.20),
                ("praktijk", 0.25),
                ("voorbeelden", 0.15),
                ("nederlands", 0.25),
                ("rekenen", 0.20),
                ("niets", 0.0),
            ],
            "niets",
        ),
        "L1117-1126, L1138-1139",
    ),
    (
        "tegenhouden",
        Draw::Many(
            &[
                ("geen_zin", 0.15),
                ("vrienden", 0.10),
                ("slechte_uitleg", 0.20),
                ("saai", 0.20),
                ("te_moeilijk", 0.03),
                ("stage", 0.03),
                ("prive", 0.04),
                ("niets", 0.0),
            ],
            "niets",
        ),
        "L1095-1097, L1120-1124",
    ),
    ("hulp_nodig", Draw::One(&[("ja", 0.20), ("nee", 0.80)]), "L1148-1149"),
    (
        "hulp_bij",
        // Asked only of the fifth who need help: among them these shares, so that over every
        // student problems at home are about 4 %, psychological 5 %, money 3 %.
        Draw::Many(
            &[
                ("stage", 0.10),
                ("thuis", 0.10),
                ("prive", 0.20),
                ("psychisch", 0.25),
                ("geld", 0.15),
                ("tijd", 0.10),
                ("geen", 0.0),
            ],
            "geen",
        ),
        "L1150-1153, L416-417, L1192-1194",
    ),
    (
        "vertrouwen_diploma",
        Draw::One(&[
            ("makkelijk", 0.40),
            ("hard_werken", 0.30),
            ("met_hulp", 0.10),
            ("alleen_met_hulp", 0.05),
            ("twijfel", 0.10),
            ("nee", 0.05),
        ]),
        "L1639-1645",
    ),
    (
        "vertrouwen_baan",
        Draw::One(&[
            ("heb_al", 0.20),
            ("makkelijk", 0.20),
            ("met_moeite", 0.15),
            ("twijfel", 0.20),
            ("nee", 0.10),
            ("ander_werk", 0.15),
        ]),
        "L1647-1656",
    ),
    ("tevreden_opleiding", Draw::One(&[("3", 0.45), ("2", 0.40), ("1", 0.15)]), "L94"),
    (
        "tevreden_lessen",
        Draw::Rows(&[
            ("praktijk", &[("3", 0.50), ("2", 0.45), ("1", 0.05)]),
            ("mentor", &[("3", 0.30), ("2", 0.55), ("1", 0.15)]),
            ("nederlands", &[("3", 0.15), ("2", 0.40), ("1", 0.45)]),
            ("rekenen", &[("3", 0.15), ("2", 0.40), ("1", 0.45)]),
            ("burgerschap", &[("3", 0.50), ("2", 0.40), ("1", 0.10)]),
        ]),
        "L1576-1581, L1603-1604",
    ),
    (
        "stage_ervaring",
        Draw::Rows(&[
            ("leren", &[("4", 0.40), ("3", 0.35), ("2", 0.15), ("1", 0.10)]),
            ("aansluit", &[("4", 0.25), ("3", 0.40), ("2", 0.25), ("1", 0.10)]),
            ("contact", &[("4", 0.20), ("3", 0.35), ("2", 0.30), ("1", 0.15)]),
        ]),
        "L1173-1174, L1608-1613",
    ),
    (
        "gedrag_hulp",
        Draw::One(&[("3", 0.10), ("2", 0.25), ("1", 0.65)]),
        "not asked (L1342-1343); design: 35 %",
    ),
    (
        "school_docenten",
        Draw::Rows(&[
            ("structuur", &[("4", 0.30), ("3", 0.40), ("2", 0.20), ("1", 0.10)]),
            ("regels", &[("4", 0.20), ("3", 0.30), ("2", 0.30), ("1", 0.20)]),
            ("lesgeven", &[("4", 0.25), ("3", 0.40), ("2", 0.25), ("1", 0.10)]),
            ("inzet", &[("4", 0.25), ("3", 0.40), ("2", 0.25), ("1", 0.10)]),
            ("gesprek", &[("4", 0.25), ("3", 0.35), ("2", 0.25), ("1", 0.15)]),
            ("aanmoedigen", &[("4", 0.25), ("3", 0.35), ("2", 0.25), ("1", 0.15)]),
        ]),
        "L544-547, L1621-1624 (structure not asked, L1345-1347; design: 70 %)",
    ),
];

/// The staff side of [`V2`]: the same reported proportions on the estimates of staff
/// 2.0.0; its new estimates the report gives no staff figure for see it right.
pub const STAFF_V2: &[(&str, Team, &str)] = &[
    (
        "rol",
        Team::Shares(&[
            ("docent", 0.55),
            ("mentor", 0.15),
            ("stage", 0.10),
            ("zorg", 0.10),
            ("manager", 0.10),
        ]),
        "L250-253",
    ),
    (
        "est_werken",
        Team::Shares(&[
            ("klein_deel", 0.2),
            ("helft", 0.3),
            ("groot_deel", 0.3),
            ("bijna_alle", 0.2),
        ]),
        "L429-431, L1247-1249",
    ),
    ("est_leerbedrijf", Team::Agrees(0.02), "not reported"),
    (
        "est_doorleren",
        Team::Shares(&[("bijna_geen", 1.0 / 3.0), ("helft", 1.0 / 3.0), ("bijna_alle", 1.0 / 3.0)]),
        "L433-438",
    ),
    ("est_eerst_werken", Team::Shares(&[("bijna_geen", 0.7), ("klein_deel", 0.3)]), "L1251-1253"),
    (
        "est_andere_n2",
        Team::Shares(&[("bijna_geen", 0.7), ("klein_deel", 0.3)]),
        "L1251-1253, L1323-1325",
    ),
    (
        "est_diploma_wil",
        Team::Shares(&[("helft", 0.1), ("groot_deel", 0.7), ("bijna_alle", 0.2)]),
        "L1317-1319",
    ),
    (
        "est_best_doen",
        // Most do their best (L1205-1206), so few need to try harder.
        Team::Shares(&[("bijna_geen", 0.1), ("klein_deel", 0.7), ("helft", 0.2)]),
        "L421-422, L1094-1095, L1205-1206",
    ),
    (
        "est_vertrouwen_diploma",
        Team::Shares(&[("helft", 0.1), ("groot_deel", 0.7), ("bijna_alle", 0.2)]),
        "L1319-1320, L1660-1662",
    ),
    (
        "est_vertrouwen_baan",
        Team::Shares(&[("klein_deel", 0.3), ("helft", 0.5), ("groot_deel", 0.2)]),
        "L1319-1320, L1660-1662",
    ),
    ("est_tevreden", Team::Agrees(0.85), "not reported"),
    ("est_drempel_niveau", Team::Agrees(0.32), "not reported"),
    ("est_drempel_taal", Team::Agrees(0.36), "not reported"),
    ("est_drempel_zelfstandig", Team::Agrees(0.20), "not reported"),
    (
        "est_zelfvertrouwen",
        Team::Shares(&[
            ("klein_deel", 0.35),
            ("helft", 0.35),
            ("groot_deel", 0.2),
            ("bijna_alle", 0.1),
        ]),
        "L1207-1210",
    ),
    (
        "est_zelfbeeld",
        Team::Shares(&[
            ("bijna_geen", 0.10),
            ("klein_deel", 0.35),
            ("helft", 0.25),
            ("groot_deel", 0.15),
            ("bijna_alle", 0.15),
        ]),
        "L1207-1210",
    ),
    ("est_aanmoediging", Team::Agrees(0.40), "not reported"),
    (
        "est_uitleg",
        Team::Shares(&[("klein_deel", 0.6), ("helft", 0.2), ("bijna_alle", 0.2)]),
        "L1269-1273, L1330-1334",
    ),
    (
        "est_kleine_stappen",
        Team::Shares(&[("klein_deel", 0.6), ("helft", 0.2), ("bijna_alle", 0.2)]),
        "L1269-1273, L1330-1334",
    ),
    (
        "est_praktijk",
        Team::Shares(&[("klein_deel", 0.3), ("helft", 0.4), ("groot_deel", 0.3)]),
        "L1269-1273",
    ),
    (
        "est_nederlands",
        Team::Shares(&[("klein_deel", 0.7), ("helft", 0.2), ("bijna_alle", 0.1)]),
        "L1275-1278",
    ),
    (
        "est_rekenen",
        Team::Shares(&[("klein_deel", 0.7), ("helft", 0.2), ("bijna_alle", 0.1)]),
        "L1275-1278",
    ),
    ("est_saai", Team::Agrees(0.20), "not reported"),
    (
        "est_nl_kan_beter",
        Team::Shares(&[("klein_deel", 0.7), ("helft", 0.3)]),
        "L1275-1278, L1334-1336",
    ),
    (
        "est_rekenen_kan_beter",
        Team::Shares(&[("klein_deel", 0.7), ("helft", 0.3)]),
        "L1275-1278, L1334-1336",
    ),
    ("est_hulp_nodig", Team::Agrees(0.20), "not reported"),
    (
        "est_prive",
        Team::Shares(&[
            ("bijna_geen", 0.40),
            ("klein_deel", 0.45),
            ("helft", 0.10),
            ("groot_deel", 0.05),
        ]),
        "L452-455, L1293-1295",
    ),
    (
        "est_psychisch",
        Team::Shares(&[
            ("bijna_geen", 0.40),
            ("klein_deel", 0.45),
            ("helft", 0.10),
            ("groot_deel", 0.05),
        ]),
        "L452-455, L1293-1295",
    ),
    (
        "est_geld",
        Team::Shares(&[
            ("bijna_geen", 0.40),
            ("klein_deel", 0.45),
            ("helft", 0.10),
            ("groot_deel", 0.05),
        ]),
        "L452-455, L1293-1295",
    ),
    (
        "est_gedrag",
        Team::Shares(&[
            ("bijna_geen", 0.1),
            ("klein_deel", 0.4),
            ("helft", 0.3),
            ("groot_deel", 0.2),
        ]),
        "L1295-1303",
    ),
    (
        "est_structuur",
        Team::Shares(&[("helft", 0.1), ("groot_deel", 0.5), ("bijna_alle", 0.4)]),
        "L1236-1237",
    ),
    ("est_regels", Team::Agrees(0.50), "not reported"),
    ("est_stage_leren", Team::Agrees(0.75), "not reported"),
    ("team_slaagt", Team::Shares(&[("hoge_mate", 0.5), ("min_of_meer", 0.5)]), "L1723-1726"),
];

/// The design for student 2.0.0 and staff 2.0.0: the same class on the newest items.
pub const V2: Design = Design {
    student: ("spiegel-student", "2.0.0"),
    staff: ("spiegel-staff", "2.0.0"),
    students: STUDENTS_V2,
    team: STAFF_V2,
};
