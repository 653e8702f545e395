//! Exports of one meting that cannot be joined: the plan frozen at the first export with
//! records, later exports the same or coarser or refused with the reason, late responses
//! held back until there are `k`, and, over pseudo-random classes and sequences of
//! exports, the join of any two exports (records linked one to one through their
//! answers, as an attacker would) never has a group below `k`. The mirror and the export
//! share one released set per meting: no two views of a meting, of either kind, differ
//! by fewer than `k` responses.

use std::collections::{BTreeMap, BTreeSet};

use spiegel::domain::analysis::Settings;
use spiegel::domain::answer::Answer;
use spiegel::domain::export::{
    export_planned, Coarse, Coded, ExportDocument, ExportError, ExportInput, ExportOptions,
    ExportPlan, MetingInput, Refusal,
};
use spiegel::domain::instrument::Instrument;
use spiegel::domain::meting::Meting;
use spiegel::domain::response::Response;
use spiegel::domain::text::Lang;
use spiegel::storage::team::TeamMeting;

use crate::export::{context, meting, options, random_response, student, Lcg, WEEK};

/// Quasi-identifier items of the test instrument (and the period).
const QIS: [&str; 4] = ["niveau", "leerweg", "leerjaar", "stage"];

/// A response whose `uren` and `tevreden` together are unique for `index` below 164, so
/// an attacker links it across exports without doubt.
fn linkable(inst: &Instrument, rng: &mut Lcg, index: usize, spread: usize) -> Response {
    let mut r = random_response(inst, rng, index, spread);
    r.answers.insert("uren".into(), Answer::Number((index % 41) as i64));
    let codes = ["1", "2", "3", "4"];
    r.answers.insert("tevreden".into(), Answer::Choice(codes[(index / 41) % 4].into()));
    r
}

/// What the device keeps of a meting between exports: its plan and its released set.
#[derive(Debug, Clone, Default)]
struct Kept {
    plan: Option<ExportPlan>,
    released: BTreeSet<String>,
}

impl Kept {
    fn with_plan(&self, plan: ExportPlan) -> Kept {
        Kept { plan: Some(plan), ..self.clone() }
    }
}

/// The one export of `m` after `kept`, and what the device keeps after it.
fn run(
    inst: &Instrument,
    m: &Meting,
    responses: &[Response],
    kept: &Kept,
    opts: &ExportOptions,
    seed: u8,
) -> Result<(ExportDocument, Kept, usize), ExportError> {
    let input = ExportInput {
        instruments: vec![inst],
        metingen: vec![MetingInput {
            meting: m,
            responses: responses.into(),
            plan: kept.plan.as_ref(),
            released: Some(&kept.released),
        }],
    };
    let planned = export_planned(&input, opts, [seed; 32], WEEK)?;
    let held = planned.held_back.first().map_or(0, |(_, n)| *n);
    let (_, plan) = planned.plans.into_iter().next().unwrap();
    let (_, released) = planned.released.into_iter().next().unwrap();
    Ok((planned.document, Kept { plan: Some(plan), released }, held))
}

/// Per record of a record-level export: its link key (uren, tevreden) and its
/// quasi-identifier values (and period).
fn records(doc: &ExportDocument) -> BTreeMap<(String, String), Vec<String>> {
    let mut out = BTreeMap::new();
    for r in doc.responses.as_ref().unwrap() {
        let get = |item: &str| match r.answers.get(item) {
            Some(Coded::Code(c)) => c.to_string(),
            Some(Coded::Number(n)) => n.to_string(),
            Some(other) => format!("{other:?}"),
            None => String::new(),
        };
        let key = (get("uren"), get("tevreden"));
        let mut qi: Vec<String> = QIS.iter().map(|q| get(q)).collect();
        qi.push(r.period.to_string());
        assert!(out.insert(key, qi).is_none(), "the link key is unique");
    }
    out
}

/// A record's values in two exports (`None` where it is not in one).
type JoinedValues<'a> = (Option<&'a Vec<String>>, Option<&'a Vec<String>>);

/// The groups of the join of two record-level exports: every linked or unlinked record
/// with its values in both (empty when it is not in one of them). Each must hold `k`.
fn assert_join_holds_k(a: &ExportDocument, b: &ExportDocument, k: usize, what: &str) {
    let (ra, rb) = (records(a), records(b));
    let mut groups: BTreeMap<JoinedValues<'_>, usize> = BTreeMap::new();
    for key in ra.keys().chain(rb.keys().filter(|k| !ra.contains_key(*k))) {
        *groups.entry((ra.get(key), rb.get(key))).or_default() += 1;
    }
    for (values, size) in &groups {
        assert!(*size >= k, "{what}: a group of {size} < {k} in the join: {values:?}");
    }
}

fn with(k: usize, dates: Coarse, aggregates_only: bool) -> ExportOptions {
    ExportOptions {
        settings: Settings::with_k(k),
        dates,
        aggregates_only,
        ..ExportOptions::default()
    }
}

#[test]
fn later_exports_follow_the_plan_or_are_refused_with_the_reason() {
    let inst = student();
    let m = meting([0xa1; 8], &inst, context("ict", "3", "bol"), WEEK);
    let mut rng = Lcg(11);
    let class: Vec<Response> = (0..40).map(|i| linkable(&inst, &mut rng, i, 3)).collect();
    let (_, kept, _) =
        run(&inst, &m, &class, &Kept::default(), &with(5, Coarse::Week, false), 1).unwrap();
    let plan = kept.plan.clone().unwrap();
    let records = plan.records.as_ref().unwrap();
    assert_eq!((plan.k, records.k, records.dates), (5, 5, Coarse::Week));
    assert_eq!(kept.released.len(), 40);
    assert_eq!(records.batches.len(), 1);
    // A lower k, another k with records, or weeks after months: refused, with the reason.
    let refused = |opts: &ExportOptions, kept: &Kept| match run(&inst, &m, &class, kept, opts, 2) {
        Err(ExportError::Frozen { meting, refusal }) => {
            assert_eq!(meting, m.id);
            refusal
        }
        other => panic!("expected a refusal, got {:?}", other.map(|(_, p, _)| p.plan)),
    };
    // (k is at least 5 in any case: `with_k(4)` gives 5.)
    let raised = kept.with_plan(ExportPlan { k: 6, ..plan.clone() });
    assert_eq!(refused(&with(5, Coarse::Week, false), &raised), Refusal::LowerK { was: 6 });
    assert_eq!(refused(&with(5, Coarse::Week, true), &raised), Refusal::LowerK { was: 6 });
    assert_eq!(refused(&with(7, Coarse::Week, false), &kept), Refusal::OtherK { was: 5 });
    let message =
        ExportError::Frozen { meting: m.id, refusal: Refusal::OtherK { was: 5 } }.message(Lang::Nl);
    assert!(message.contains("k = 5"), "{message}");
    // Counts only may raise k; months after weeks is coarser, so it goes.
    run(&inst, &m, &class, &kept, &with(7, Coarse::Week, true), 3).unwrap();
    let (_, months, _) = run(&inst, &m, &class, &kept, &with(5, Coarse::Month, false), 4).unwrap();
    let later = months.plan.as_ref().and_then(|p| p.records.as_ref()).unwrap();
    assert_eq!(later.dates, Coarse::Month);
    assert_eq!(refused(&with(5, Coarse::Week, false), &months), Refusal::FinerDates);
    assert!(Refusal::FinerDates.message(Lang::En).contains("months"));
    // Suppressed records stay suppressed, and no level goes down.
    assert!(records.suppressed.is_subset(&later.suppressed));
    for ((item, was), (_, now)) in records.levels.iter().zip(&later.levels) {
        assert!(now >= was, "{item}");
    }
}

#[test]
fn fewer_than_k_late_responses_stay_on_the_device() {
    let inst = student();
    let m = meting([0xa2; 8], &inst, context("ict", "3", "bol"), WEEK);
    let mut rng = Lcg(12);
    let mut class: Vec<Response> = (0..30).map(|i| linkable(&inst, &mut rng, i, 2)).collect();
    let opts = options(5);
    let (first, plan, held) = run(&inst, &m, &class, &Kept::default(), &opts, 1).unwrap();
    assert_eq!(held, 0);
    // Three late students: the next export is the same 30, so nothing can be told apart.
    class.extend((30..33).map(|i| linkable(&inst, &mut rng, i, 2)));
    let (second, plan2, held) = run(&inst, &m, &class, &plan, &opts, 2).unwrap();
    assert_eq!(held, 3);
    assert_eq!(second.metingen[0].responses, 30);
    assert_eq!(first.aggregates[0].items, second.aggregates[0].items, "counts unchanged");
    assert_eq!(plan2.released, plan.released);
    // Two more make five: all 35 leave, the five as a group of their own.
    class.extend((33..35).map(|i| linkable(&inst, &mut rng, i, 2)));
    let (third, plan3, held) = run(&inst, &m, &class, &plan2, &opts, 3).unwrap();
    assert_eq!((held, third.metingen[0].responses), (0, 35));
    assert_eq!(plan3.released.len(), 35);
    assert_eq!(plan3.plan.unwrap().records.unwrap().batches.len(), 2);
    assert_join_holds_k(&first, &third, 5, "30 then 35");
}

#[test]
fn the_join_of_any_two_exports_of_a_meting_holds_k() {
    let inst = student();
    let mut rng = Lcg(2026);
    let mut joins = 0;
    for case in 0..200u8 {
        let m = meting([case; 8], &inst, context("zorg_welzijn", "2", "bol"), WEEK);
        let spread = 1 + rng.below(3);
        let mut class: Vec<Response> =
            (0..4 + rng.below(50)).map(|i| linkable(&inst, &mut rng, i, spread)).collect();
        let first_k = [5, 5, 6, 8][rng.below(4)];
        let mut kept = Kept::default();
        let mut docs: Vec<(ExportDocument, usize)> = Vec::new();
        let mut log = String::new();
        for step in 0..4u8 {
            // The team's choice, made to fit the plan (a refusal is tested above).
            let records = kept.plan.as_ref().and_then(|p| p.records.clone());
            let k = match &records {
                Some(r) => r.k,
                None => first_k + rng.below(2) * usize::from(kept.plan.is_some()),
            };
            let months =
                records.as_ref().is_some_and(|r| r.dates == Coarse::Month) || rng.below(3) == 0;
            let dates = if months { Coarse::Month } else { Coarse::Week };
            let opts = with(k, dates, rng.below(5) == 0);
            let (doc, next, held) =
                run(&inst, &m, &class, &kept, &opts, case.wrapping_add(step)).unwrap();
            let records = next.plan.as_ref().and_then(|p| p.records.as_ref());
            log.push_str(&format!(
                "\n step {step}: k {k} {dates:?} counts-only {} class {} held {held} released {} batches {:?} suppressed {:?}",
                opts.aggregates_only,
                class.len(),
                next.released.len(),
                records.map(|r| r.batches.iter().map(|b| b.len()).collect::<Vec<_>>()),
                records.map(|r| r.suppressed.len()),
            ));
            if doc.responses.as_ref().is_some_and(|r| !r.is_empty()) {
                let frozen = records.map_or(k, |r| r.k);
                docs.push((doc, frozen));
            }
            kept = next;
            let late = rng.below(12);
            let start = class.len();
            class.extend((start..start + late).map(|i| linkable(&inst, &mut rng, i, spread)));
        }
        for (i, (a, ka)) in docs.iter().enumerate() {
            for (b, kb) in &docs[i + 1..] {
                assert_join_holds_k(a, b, (*ka).min(*kb), &format!("case {case}{log}"));
                joins += 1;
            }
        }
    }
    assert!(joins > 150, "the cases exercise joins ({joins})");
}

#[test]
fn without_a_plan_two_exports_can_be_joined_below_k() {
    // The attack the plan prevents: weeks in one export, months in the other.
    let inst = student();
    let m = meting([0xa3; 8], &inst, context("ict", "3", "bol"), WEEK);
    let mut found = false;
    for seed in 0..40u64 {
        let mut rng = Lcg(seed);
        let class: Vec<Response> = (0..24).map(|i| linkable(&inst, &mut rng, i, 3)).collect();
        let none = Kept::default();
        let (weeks, _, _) =
            run(&inst, &m, &class, &none, &with(5, Coarse::Week, false), 1).unwrap();
        let (months, _, _) =
            run(&inst, &m, &class, &none, &with(5, Coarse::Month, false), 2).unwrap();
        let result = std::panic::catch_unwind(|| assert_join_holds_k(&weeks, &months, 5, "x"));
        if result.is_err() {
            found = true;
            break;
        }
    }
    assert!(found, "independent exports can be joined below k, so the test can fail");
}

/// The device after an export: the meting's plan and released set as the app keeps them.
fn keep(tm: &mut TeamMeting, kept: Kept) {
    tm.plan = kept.plan;
    tm.released = kept.released;
}

/// The responses of `class` whose ids are in `set`.
fn only(class: &[Response], set: &BTreeSet<String>) -> Vec<Response> {
    class.iter().filter(|r| set.contains(&r.id)).cloned().collect()
}

#[test]
fn a_mirror_view_and_an_export_of_a_meting_never_differ_by_fewer_than_k() {
    let inst = student();
    let m = meting([0xa4; 8], &inst, context("ict", "3", "bol"), WEEK);
    let mut rng = Lcg(14);
    let mut tm = TeamMeting::new(m.clone());
    let mut class: Vec<Response> = (0..11).map(|i| linkable(&inst, &mut rng, i, 2)).collect();
    let ids = |class: &[Response]| class.iter().map(|r| r.id.clone()).collect::<BTreeSet<_>>();
    // The teacher opens the mirror after 11 responses: all 11 are shown.
    let mirror = tm.release(&ids(&class));
    assert_eq!((mirror.shown.len(), mirror.held), (11, 0));
    // One more student, then an export: it holds the 12th back, exactly as the mirror
    // would, so the export and the mirror do not tell the 12th student apart.
    class.push(linkable(&inst, &mut rng, 11, 2));
    let current = Kept { plan: tm.plan.clone(), released: tm.released.clone() };
    let (export1, kept, held) = run(&inst, &m, &class, &current, &options(5), 1).unwrap();
    assert_eq!((export1.metingen[0].responses, held), (11, 1));
    assert_eq!(kept.released, mirror.shown, "the export shows the mirror's set");
    let (alone, _, _) =
        run(&inst, &m, &only(&class, &mirror.shown), &Kept::default(), &options(5), 1).unwrap();
    assert_eq!(export1.aggregates[0].items, alone.aggregates[0].items, "the same counts");
    keep(&mut tm, kept);
    // The mirror after the export: still the 11.
    let again = tm.release(&ids(&class));
    assert_eq!((again.shown.len(), again.held), (11, 1));
    // Four more make five new: the export takes them, and the mirror shows the same 16.
    class.extend((12..16).map(|i| linkable(&inst, &mut rng, i, 2)));
    let current = Kept { plan: tm.plan.clone(), released: tm.released.clone() };
    let (export2, kept, held) = run(&inst, &m, &class, &current, &options(5), 2).unwrap();
    assert_eq!((export2.metingen[0].responses, held), (16, 0));
    keep(&mut tm, kept);
    let mirror = tm.release(&ids(&class));
    assert_eq!((mirror.shown.len(), mirror.held), (16, 0));
    assert_eq!(mirror.shown, ids(&class));
}

#[test]
fn over_random_sequences_of_mirror_views_and_exports_no_two_differ_by_fewer_than_k() {
    let inst = student();
    let mut rng = Lcg(4711);
    let mut pairs = 0;
    for case in 0..120u8 {
        let m = meting([case; 8], &inst, context("zorg_welzijn", "2", "bol"), WEEK);
        let mut tm = TeamMeting::new(m.clone());
        let mut class: Vec<Response> =
            (0..rng.below(20)).map(|i| linkable(&inst, &mut rng, i, 2)).collect();
        let first_k = [5, 5, 6, 8][rng.below(4)];
        // Every view: what it was, and the ids it showed.
        let mut views: Vec<(String, BTreeSet<String>)> = Vec::new();
        for step in 0..8u8 {
            let present: BTreeSet<String> = class.iter().map(|r| r.id.clone()).collect();
            if rng.below(2) == 0 {
                let view = tm.release(&present);
                views.push((format!("mirror at {}", class.len()), view.shown));
            } else {
                let k = tm.plan.as_ref().and_then(|p| p.records.as_ref()).map_or(first_k, |r| r.k);
                let k = k.max(tm.plan.as_ref().map_or(0, |p| p.k));
                let opts = with(k, Coarse::Month, rng.below(3) == 0);
                let current = Kept { plan: tm.plan.clone(), released: tm.released.clone() };
                let (doc, kept, _) =
                    run(&inst, &m, &class, &current, &opts, case.wrapping_add(step)).unwrap();
                assert_eq!(doc.metingen[0].responses, kept.released.len(), "case {case}");
                views.push((format!("export (k {k}) at {}", class.len()), kept.released.clone()));
                keep(&mut tm, kept);
            }
            let late = rng.below(7);
            let start = class.len();
            class.extend((start..start + late).map(|i| linkable(&inst, &mut rng, i, 2)));
        }
        for (i, (a, sa)) in views.iter().enumerate() {
            for (b, sb) in &views[i + 1..] {
                let apart = sa.symmetric_difference(sb).count();
                assert!(
                    apart == 0 || apart >= 5,
                    "case {case}: {a} and {b} differ by {apart} responses"
                );
                assert!(sa.is_subset(sb), "case {case}: a later view keeps what {a} showed");
                pairs += 1;
            }
        }
    }
    assert!(pairs > 2000, "the cases compare views ({pairs})");
}

#[test]
fn the_mirror_and_the_export_opened_after_every_new_response_never_reveal_one_response() {
    let inst = student();
    let m = meting([0xa6; 8], &inst, context("ict", "2", "bol"), WEEK);
    let mut rng = Lcg(1406);
    let mut tm = TeamMeting::new(m.clone());
    let mut class: Vec<Response> = Vec::new();
    // Every view in order: the mirror, then the export, after each new response.
    let mut views: Vec<(String, BTreeSet<String>)> = Vec::new();
    for n in 0..23usize {
        class.push(linkable(&inst, &mut rng, n, 2));
        let present: BTreeSet<String> = class.iter().map(|r| r.id.clone()).collect();
        let mirror = tm.release(&present);
        assert_eq!(mirror.shown.len() + mirror.held, class.len());
        views.push((format!("mirror at {}", n + 1), mirror.shown.clone()));
        let current = Kept { plan: tm.plan.clone(), released: tm.released.clone() };
        let (doc, kept, held) = run(&inst, &m, &class, &current, &options(5), n as u8).unwrap();
        assert_eq!(kept.released, mirror.shown, "at {}: the export shows the mirror's set", n + 1);
        assert_eq!(doc.metingen[0].responses, kept.released.len(), "at {}", n + 1);
        assert_eq!(held, mirror.held, "at {}: the export holds back what the mirror does", n + 1);
        if !kept.released.is_empty() {
            let (alone, _, _) =
                run(&inst, &m, &only(&class, &kept.released), &Kept::default(), &options(5), 0)
                    .unwrap();
            assert_eq!(doc.aggregates[0].items, alone.aggregates[0].items, "at {}", n + 1);
        }
        views.push((format!("export at {}", n + 1), kept.released.clone()));
        keep(&mut tm, kept);
    }
    // The sets grew in steps of at least 5, never by one response.
    let sizes: BTreeSet<usize> = views.iter().map(|(_, s)| s.len()).collect();
    assert_eq!(sizes.into_iter().collect::<Vec<_>>(), [0, 5, 10, 15, 20]);
    for (i, (a, sa)) in views.iter().enumerate() {
        for (b, sb) in &views[i + 1..] {
            let apart = sa.symmetric_difference(sb).count();
            assert!(apart == 0 || apart >= 5, "{a} and {b} differ by {apart} responses");
        }
    }
}
