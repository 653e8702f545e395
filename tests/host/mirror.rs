//! Mirror links between staff and student instruments, own instruments joining the
//! catalogue, and routing by role.

use serde_json::{json, Value};
use spiegel::domain::answer::Answer;
use spiegel::domain::catalog::{Catalog, Origin};
use spiegel::domain::instrument::mirror::links;
use spiegel::domain::instrument::{check_mirrors, parse, Instrument};
use spiegel::domain::session::{Action, Session};
use spiegel::domain::text::Lang;

use crate::support::{at, edited, instrument};

const STUDENT: &str = include_str!("../fixtures/instruments/student-mirror.json");
const STAFF: &str = include_str!("../fixtures/instruments/staff-mirror.json");

/// Messages of the problems `check_mirrors` finds after `edit`, with their places.
fn mirror_problems(edit: impl FnOnce(&mut Value)) -> Vec<(String, String)> {
    let staff = match parse(&edited(STAFF, edit)) {
        Ok(s) => s,
        Err(p) => return p.iter().map(|p| (p.path.clone(), p.message(Lang::Nl))).collect(),
    };
    check_mirrors(&staff, &instrument(STUDENT))
        .iter()
        .map(|p| (p.path.clone(), p.message(Lang::Nl)))
        .collect()
}

#[track_caller]
fn check(edit: impl FnOnce(&mut Value), path: &str, dutch: &str) {
    let problems = mirror_problems(edit);
    assert!(
        problems.iter().any(|(p, m)| p == path && m.contains(dutch)),
        "expected {dutch:?} at {path:?}, got {problems:#?}"
    );
}

#[test]
fn the_fixture_links_resolve_estimates_and_ordinal_mirrors_alike() {
    let staff = instrument(STAFF);
    assert!(check_mirrors(&staff, &instrument(STUDENT)).is_empty());
    let all = links(&staff);
    assert_eq!(all.len(), 6);
    let rows: Vec<_> = all.iter().filter_map(|l| l.staff_row).collect();
    assert_eq!(rows, vec!["veilig", "rustig"]);
    let estimate = all.iter().find(|l| l.staff_item == "est_doorstroom").unwrap();
    assert_eq!(estimate.mirror.codes, vec!["niveau3".to_string(), "niveau4".to_string()]);
}

#[test]
fn broken_mirror_links_say_what_is_wrong_and_where() {
    let item = |i: usize| format!("/sections/1/items/{i}/mirror");
    check(
        |v| *at(v, &(item(0) + "/item")) = json!("toekomt"),
        "sections[1].items[0].mirror",
        "studentvraag 'toekomt', maar die bestaat niet",
    );
    check(
        |v| *at(v, &(item(0) + "/codes")) = json!(["niveau5"]),
        "sections[1].items[0].mirror",
        "code 'niveau5', maar studentvraag 'toekomst' heeft die code niet",
    );
    check(
        |v| *at(v, &(item(0) + "/item")) = json!("iets"),
        "sections[1].items[0].mirror",
        "soort 'share' is niet te vergelijken met een studentvraag van soort 'open_text'",
    );
    check(
        |v| {
            at(v, &item(2)).as_object_mut().unwrap().remove("row");
        },
        "sections[1].items[2].mirror",
        "Studentvraag 'veilig' is een matrix; geef de rij",
    );
    check(
        |v| *at(v, &(item(2) + "/row")) = json!("stil"),
        "sections[1].items[2].mirror",
        "Studentvraag 'veilig' heeft geen rij 'stil'",
    );
    check(
        |v| at(v, &item(0))["row"] = json!("x"),
        "sections[1].items[0].mirror",
        "Studentvraag 'toekomst' heeft geen rij 'x'",
    );
    check(
        |v| *at(v, &(item(3) + "/item")) = json!("toekomst"),
        "sections[1].items[3].mirror",
        "soort 'scale' is niet te vergelijken met een studentvraag van soort 'single_choice'",
    );
    check(
        |v| {
            at(v, "/sections/1/items/3")["points"] = json!([{"code": "1", "label": {"nl": "a", "en": "a"}}, {"code": "2", "label": {"nl": "b", "en": "b"}}, {"code": "3", "label": {"nl": "c", "en": "c"}}]);
            at(v, "/sections/1/items/3").as_object_mut().unwrap().remove("scale");
        },
        "sections[1].items[3].mirror",
        "De schaal heeft 3 punten, maar de studentvraag heeft er 4",
    );
    check(
        |v| v["mirrors"] = json!("andere-lijst"),
        "mirrors",
        "Deze vragenlijst spiegelt 'andere-lijst', maar de studentvragenlijst is 'mini-student'",
    );
}

#[test]
fn mirror_links_that_cannot_work_in_any_instrument_fail_when_the_file_is_read() {
    check(
        |v| {
            v.as_object_mut().unwrap().remove("mirrors");
        },
        "sections[1].items[0].mirror",
        "zegt niet welke vragenlijst ze spiegelt",
    );
    check(
        |v| {
            at(v, "/sections/1/items/0/mirror").as_object_mut().unwrap().remove("codes");
        },
        "sections[1].items[0].mirror",
        "moet zeggen welke antwoorden van studenten ze schat",
    );
    check(
        |v| at(v, "/sections/1/items/3/mirror")["codes"] = json!(["3"]),
        "sections[1].items[3].mirror",
        "laat 'codes' weg",
    );
    check(
        |v| at(v, "/sections/2/items/0")["mirror"] = json!({"item": "stage", "codes": ["ja"]}),
        "sections[2].items[0].mirror",
        "soort 'yes_no' kan geen studentvraag spiegelen",
    );
}

#[test]
fn an_own_instrument_joins_the_catalogue_only_when_it_is_valid() {
    let mut catalog = Catalog::with_builtins();
    let builtins = catalog.entries().count();
    // A staff file whose student instrument is not on the device yet.
    let problems = catalog.accept(STAFF).unwrap_err();
    assert!(
        problems[0]
            .message(Lang::Nl)
            .contains("'mini-student', maar die vragenlijst staat niet op dit apparaat"),
        "{problems:?}"
    );
    assert_eq!(catalog.entries().count(), builtins, "a refused file changes nothing");
    // A broken file: every problem, nothing stored.
    let broken = edited(STUDENT, |v| {
        *at(v, "/sections/0/items/0/construct") = json!("x.y");
        *at(v, "/sections/0/items/1/id") = json!("toekomst");
    });
    assert_eq!(catalog.accept(&broken).unwrap_err().len(), 2);
    assert_eq!(catalog.entries().count(), builtins);
    // The student file, then the staff file that mirrors it.
    assert_eq!(catalog.accept(STUDENT).unwrap().id, "mini-student");
    assert_eq!(catalog.accept(STAFF).unwrap().id, "mini-staff");
    assert_eq!(catalog.entries().filter(|(o, _)| *o == Origin::Own).count(), 2);
    // A staff file whose links break against the student file on the device.
    let bad_link = edited(STAFF, |v| {
        *at(v, "/sections/1/items/0/mirror/item") = json!("weg");
        v["version"] = json!("1.0.1");
    });
    assert!(catalog.accept(&bad_link).unwrap_err()[0]
        .message(Lang::En)
        .contains("student item 'weg'"));
    // A new version joins next to the old one, which older metingen still need; the
    // newest is the current one. A built-in's id is refused.
    let newer = edited(STUDENT, |v| v["version"] = json!("1.10.0"));
    catalog.accept(&newer).unwrap();
    assert_eq!(catalog.current("mini-student").unwrap().version, "1.10.0");
    assert_eq!(catalog.version("mini-student", "1.0.0").unwrap().version, "1.0.0");
    assert_eq!(catalog.entries().count(), builtins + 3);
    // The same file again is no second copy.
    catalog.accept(&newer).unwrap();
    assert_eq!(catalog.entries().count(), builtins + 3);
    let taken = edited(STUDENT, |v| v["id"] = json!("spiegel-student"));
    assert!(catalog.accept(&taken).unwrap_err()[0]
        .message(Lang::Nl)
        .contains("ingebouwde vragenlijst"));
}

/// The section ids a respondent with this role is shown, answering every question with
/// its first option.
pub fn sections_for_role(i: &Instrument, role_item: &str, role: &str) -> Vec<String> {
    let mut s = Session::start(i);
    s.apply(i, Action::Answer { item: role_item.into(), answer: Answer::Choice(role.into()) })
        .unwrap();
    let shown: Vec<String> = s.shown(i).iter().map(|it| it.id.clone()).collect();
    i.sections
        .iter()
        .filter(|sec| sec.items.iter().any(|it| shown.contains(&it.id)))
        .map(|sec| sec.id.clone())
        .collect()
}

#[test]
fn role_routing_in_the_fixture_shows_the_care_module_only_to_care_coordinators() {
    let staff = instrument(STAFF);
    assert_eq!(sections_for_role(&staff, "rol", "docent"), vec!["rol-sectie", "schattingen"]);
    assert_eq!(
        sections_for_role(&staff, "rol", "zorg"),
        vec!["rol-sectie", "schattingen", "zorgmodule"]
    );
}

#[test]
fn the_staff_vragenlijst_validates_and_every_mirror_link_resolves() {
    use spiegel::domain::builtin;
    use spiegel::domain::instrument::ItemKind;
    let staff = builtin::staff().unwrap_or_else(|p| {
        panic!(
            "staff vragenlijst invalid:\n{}",
            p.iter().map(|p| p.message(Lang::En)).collect::<Vec<_>>().join("\n")
        )
    });
    let student = builtin::student().unwrap();
    assert_eq!(staff.mirrors.as_deref(), Some(builtin::STUDENT_ID));
    let problems = check_mirrors(&staff, &student);
    assert!(
        problems.is_empty(),
        "{:#?}",
        problems.iter().map(|p| p.message(Lang::En)).collect::<Vec<_>>()
    );
    let all = links(&staff);
    let estimates = all.iter().filter(|l| !l.mirror.codes.is_empty()).count();
    assert!(estimates >= 15, "only {estimates} share estimates");
    assert!(all.len() > estimates, "no ordinal mirrors (the eight mechanisms)");
    // Every "how many of your students" question says which student answers it estimates.
    for (_, item) in staff.items() {
        if matches!(item.kind, ItemKind::Share { .. }) {
            assert!(item.mirror.is_some(), "{} estimates nothing", item.id);
        }
    }
}

#[test]
fn role_routing_shows_each_role_its_own_blocks() {
    use spiegel::domain::builtin;
    use spiegel::domain::condition::Condition;
    use spiegel::domain::instrument::ItemKind;
    let staff = builtin::staff().unwrap();
    let (_, role_item) = staff.items().next().unwrap();
    assert_eq!(role_item.id, "rol", "the role comes first");
    let roles: Vec<String> = role_item.kind.choices().into_iter().map(|c| c.code).collect();
    assert_eq!(roles, ["docent", "mentor", "zorg", "stage", "manager", "anders"]);
    assert!(matches!(role_item.kind, ItemKind::SingleChoice { .. }));
    // Sections routed by role, with the roles that see them.
    let routed: Vec<(&str, &Vec<String>)> = staff
        .sections
        .iter()
        .filter_map(|s| match &s.show_if {
            Some(Condition::In { item, codes }) if item == "rol" => Some((s.id.as_str(), codes)),
            _ => None,
        })
        .collect();
    let only = |role: &str, not: &str| {
        routed.iter().any(|(_, r)| r.iter().any(|c| c == role) && !r.iter().any(|c| c == not))
    };
    assert!(only("manager", "zorg"), "an opleidingsmanager block");
    assert!(only("zorg", "manager"), "a zorgcoördinator block");
    assert!(
        routed
            .iter()
            .any(|(_, r)| r.iter().any(|c| c == "zorg") && r.iter().any(|c| c == "manager")),
        "a shared block both answer in the same words"
    );
    for role in &roles {
        let shown = sections_for_role(&staff, "rol", role);
        for (section, who) in &routed {
            assert_eq!(
                shown.iter().any(|s| s == section),
                who.contains(role),
                "{role} and section {section}"
            );
        }
    }
}
