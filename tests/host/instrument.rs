//! Instrument files: parsing, every kind of problem with its message and place, and the
//! built-in vragenlijsten.

use serde_json::{json, Value};
use spiegel::domain::builtin;
use spiegel::domain::instrument::{parse, Audience, ItemKind};
use spiegel::domain::text::Lang;

use crate::support::{at, edited, instrument, KINDS, MINIMAL};

/// Parses `json`, which must be rejected, and checks that one problem sits at `path`
/// and says `dutch` (in Dutch). Returns all messages, for further checks.
#[track_caller]
fn check(json: &str, path: &str, dutch: &str) -> Vec<String> {
    let problems = match parse(json) {
        Ok(_) => panic!("expected problems at {path:?} ({dutch})"),
        Err(p) => p,
    };
    let messages: Vec<String> = problems.iter().map(|p| p.message(Lang::Nl)).collect();
    assert!(
        problems.iter().any(|p| p.path == path && p.message(Lang::Nl).contains(dutch)),
        "expected {dutch:?} at {path:?}, got:\n{}",
        problems
            .iter()
            .map(|p| format!("{} | {}", p.path, p.message(Lang::Nl)))
            .collect::<Vec<_>>()
            .join("\n")
    );
    messages
}

fn edit(f: impl FnOnce(&mut Value)) -> String {
    edited(MINIMAL, f)
}

#[test]
fn the_fixtures_are_valid_and_read_as_written() {
    let mini = instrument(MINIMAL);
    assert_eq!(mini.id, "mini");
    assert_eq!(mini.audience, Audience::Student);
    assert_eq!(mini.item_count(), 3);
    let kinds = instrument(KINDS);
    assert_eq!(kinds.audience, Audience::Staff);
    let names: Vec<&str> = kinds.items().map(|(_, i)| i.kind.name()).collect();
    for kind in [
        "single_choice",
        "multiple_choice",
        "scale",
        "yes_no",
        "share",
        "number",
        "open_text",
        "matrix",
    ] {
        assert!(names.contains(&kind), "fixture lacks {kind}");
    }
    let matrix = kinds.item("matrix").unwrap();
    match &matrix.kind {
        ItemKind::Matrix { rows, points } => {
            assert_eq!(points.len(), 2, "named scale resolved");
            assert_eq!(rows[0].construct, "t.a", "row inherits the matrix construct");
            assert_eq!(rows[1].construct, "t.b");
        }
        other => panic!("not a matrix: {other:?}"),
    }
    assert!(kinds.item("tekst").unwrap().possibly_identifying());
    assert_eq!(kinds.item("deel").unwrap().kind.choices().len(), 5, "five share bands");
}

#[test]
fn a_file_that_is_not_json_says_where_it_breaks() {
    let msgs = check("{\n  \"spiegel_instrument\": 1,\n  oops\n}", "", "regel 3, kolom 3");
    assert!(msgs[0].starts_with("Een naam moet tussen aanhalingstekens staan"), "{msgs:?}");
}

/// Every kind of broken file a person makes by hand gets plain words in both languages,
/// with the line and column; none shows the JSON reader's own wording.
#[test]
fn a_broken_file_is_explained_in_plain_words_with_line_and_column() {
    let mini = MINIMAL.trim_end();
    let half = (0..=mini.len() / 2).rev().find(|i| mini.is_char_boundary(*i)).unwrap();
    let cases: Vec<(String, &str, &str)> = vec![
        (mini[..half].to_string(), "houdt te vroeg op", "ends too early"),
        ("{\"spiegel_instrument\": 1, \"id\" \"x\"}".into(), "dubbele punt", "followed by a colon"),
        ("{\"spiegel_instrument\": 1 \"id\": \"x\"}".into(), "mist een komma", "comma"),
        (
            "{\"spiegel_instrument\": 1, \"id\": x}".into(),
            "Hier hoort een waarde",
            "A value belongs",
        ),
        (
            "{\"spiegel_instrument\": 1, \"id\": \"x\",}".into(),
            "komma te veel",
            "one comma too many",
        ),
        (format!("{mini} {{}}"), "Na het einde", "after the end"),
        (
            "{\"spiegel_instrument\": 1, \"id\": \"a\nb\"}".into(),
            "teken dat er niet in mag",
            "not allowed",
        ),
        ("{\"spiegel_instrument\": 1, \"minutes\": 1e999}".into(), "getal", "number"),
        (
            edit(|v| {
                v.as_object_mut().unwrap().remove("sections");
            }),
            "Het veld 'sections' ontbreekt",
            "The field 'sections' is missing",
        ),
        (
            edit(|v| at(v, "/sections/0/items/0")["optoins"] = json!([])),
            "Het veld 'optoins' bestaat niet op deze plek",
            "The field 'optoins' does not exist here",
        ),
        (
            edit(|v| v["minutes"] = json!("tien")),
            "Hier hoort een heel getal, maar er staat de tekst \"tien\"",
            "This should be a whole number, but it is the text \"tien\"",
        ),
        (
            edit(|v| v["title"] = json!(5)),
            "Hier hoort een blok { }, maar er staat het getal 5",
            "This should be a block { }, but it is the number 5",
        ),
        (
            edit(|v| v["themes"] = json!({"a": 1})),
            "Hier hoort een lijst [ ], maar er staat een blok { }",
            "This should be a list [ ], but it is a block { }",
        ),
        (
            edit(|v| v["minutes"] = json!(-3)),
            "Hier hoort een heel getal, maar er staat het getal -3",
            "This should be a whole number, but it is the number -3",
        ),
        (
            "{\"id\": \"x\"}".into(),
            "Dit is geen vragenlijst van Spiegel: bovenaan mist \"spiegel_instrument\": 1",
            "This is not a Spiegel questionnaire",
        ),
    ];
    let reader = [
        "EOF",
        "expected",
        "parsing",
        "missing field",
        "unknown field",
        "invalid type",
        "trailing",
    ];
    for (json, dutch, english) in cases {
        let problems = parse(&json).expect_err(dutch);
        assert_eq!(problems.len(), 1, "{dutch}");
        let (nl, en) = (problems[0].message(Lang::Nl), problems[0].message(Lang::En));
        assert!(nl.contains(dutch), "{nl:?} lacks {dutch:?}");
        assert!(en.contains(english), "{en:?} lacks {english:?}");
        for word in reader {
            assert!(!nl.contains(word) && !en.contains(word), "{word:?} in {nl:?} / {en:?}");
        }
        if !dutch.starts_with("Dit is geen vragenlijst") {
            let place = |text: &str, line: &str, column: &str| {
                let (_, tail) = text.rsplit_once(&format!("({line} ")).expect(text);
                let (l, c) =
                    tail.trim_end_matches(')').split_once(&format!(", {column} ")).expect(text);
                l.parse::<usize>().is_ok() && c.parse::<usize>().is_ok()
            };
            assert!(place(&nl, "regel", "kolom"), "{nl}");
            assert!(place(&en, "line", "column"), "{en}");
        }
    }
}

#[test]
fn a_file_without_the_format_marker_or_of_another_version_is_refused() {
    check("{\"id\": \"x\"}", "", "spiegel_instrument");
    check(&edit(|v| v["spiegel_instrument"] = json!(2)), "spiegel_instrument", "heeft versie 2");
}

#[test]
fn duplicate_ids_name_both_places() {
    let json = edit(|v| *at(v, "/sections/1/items/0/id") = json!("stage"));
    check(
        &json,
        "sections[1].items[0].id",
        "Id 'stage' komt twee keer voor; de eerste keer bij sections[0].items[0].id",
    );
}

#[test]
fn an_unknown_construct_or_theme_is_named() {
    check(
        &edit(|v| *at(v, "/sections/0/items/0/construct") = json!("context.leeftijd")),
        "sections[0].items[0]",
        "Construct 'context.leeftijd' staat niet in de lijst",
    );
    let json = edit(|v| {
        at(v, "/constructs")
            .as_array_mut()
            .unwrap()
            .push(json!({"id": "x.y", "label": {"nl": "x", "en": "x"}}))
    });
    check(&json, "constructs[2]", "Het thema van construct 'x.y'");
}

#[test]
fn show_if_on_an_unknown_or_later_item_is_rejected() {
    check(
        &edit(|v| *at(v, "/sections/1/show_if/item") = json!("stagee")),
        "sections[1].show_if",
        "vraag 'stagee', maar die bestaat niet",
    );
    check(
        &edit(|v| *at(v, "/sections/1/show_if") = json!({"item": "opmerking", "answered": true})),
        "sections[1].show_if",
        "vraag 'opmerking', maar die komt niet eerder",
    );
    check(
        &edit(|v| {
            at(v, "/sections/0/items/0")["show_if"] = json!({"item": "stage", "answered": true})
        }),
        "sections[0].items[0].show_if",
        "komt niet eerder",
    );
}

#[test]
fn show_if_with_a_code_the_item_lacks_or_the_wrong_form_is_rejected() {
    check(
        &edit(|v| *at(v, "/sections/1/show_if/in") = json!(["misschien"])),
        "sections[1].show_if",
        "code 'misschien', maar vraag 'stage' heeft die code niet",
    );
    check(
        &edit(|v| *at(v, "/sections/1/show_if") = json!({"item": "stage", "between": [1, 2]})),
        "sections[1].show_if",
        "past niet bij vraag 'stage' (soort 'yes_no')",
    );
    check(
        &edit(|v| {
            *at(v, "/sections/1/show_if") = json!({"item": "stage", "in": ["ja"], "answered": true})
        }),
        "sections[1].show_if",
        "precies één vorm",
    );
}

#[test]
fn an_empty_or_one_point_scale_is_rejected() {
    check(
        &edit(|v| *at(v, "/sections/1/items/0/points") = json!([])),
        "sections[1].items[0].points",
        "minstens 2 antwoorden zijn; er zijn er 0",
    );
    let json = edited(KINDS, |v| {
        *at(v, "/scales/0/points") = json!([{"code": "1", "label": {"nl": "a", "en": "a"}}])
    });
    check(&json, "scales[0].points", "er zijn er 1");
    check(
        &edit(|v| {
            at(v, "/sections/1/items/0")["scale"] = json!("eens");
        }),
        "sections[1].items[0]",
        "Geef 'scale' of 'points', niet allebei",
    );
}

#[test]
fn a_missing_translation_names_the_language_and_field() {
    let json = edit(|v| {
        at(v, "/sections/0/items/0/text").as_object_mut().unwrap().remove("en");
    });
    check(&json, "sections[0].items[0]", "De Engelse tekst van 'text' ontbreekt");
    let json = edit(|v| *at(v, "/title/nl") = json!("   "));
    check(&json, "title", "De Nederlandse tekst van 'title'");
}

#[test]
fn a_required_item_that_can_never_show_is_reported() {
    let never = json!({"all": [{"item": "stage", "in": ["ja"]}, {"item": "stage", "in": ["nee"]}]});
    check(
        &edit(|v| *at(v, "/sections/1/show_if") = never),
        "sections[1].items[0]",
        "Deze verplichte vraag wordt nooit getoond",
    );
    // An item that depends on an item that is itself never shown is never shown either.
    let json = edit(|v| {
        *at(v, "/sections/1/show_if") = json!({"not": {"any": [{"item": "stage", "answered": true}, {"item": "stage", "answered": false}]}});
        at(v, "/sections/2/items/0")["show_if"] = json!({"item": "stage_leren", "in": ["2"]});
    });
    let msgs = check(&json, "sections[2].items[0]", "Deze vraag wordt nooit getoond");
    assert_eq!(msgs.len(), 2, "{msgs:?}");
}

#[test]
fn conditions_that_can_hold_are_not_reported() {
    // Each of these can be made true by some answers; none may be flagged.
    for cond in [
        json!({"any": [{"item": "stage", "in": ["ja"]}, {"item": "stage", "in": ["nee"]}]}),
        json!({"not": {"item": "stage", "in": ["ja"]}}),
        json!({"all": [{"item": "stage", "answered": true}, {"not": {"item": "stage", "in": ["nee"]}}]}),
        json!({"item": "stage", "answered": false}),
    ] {
        let json = edit(|v| *at(v, "/sections/1/show_if") = cond.clone());
        assert!(parse(&json).is_ok(), "{cond} was flagged: {:?}", parse(&json).err());
    }
    let json = edited(KINDS, |v| {
        at(v, "/sections/0/items/8")["show_if"] = json!({"all": [{"item": "aantal", "between": [10, 30]}, {"not": {"item": "aantal", "between": [10, 29]}}, {"item": "hulp", "in": ["a"]}, {"not": {"item": "hulp", "in": ["b"]}}]});
    });
    assert!(parse(&json).is_ok(), "{:?}", parse(&json).err());
    let json = edited(KINDS, |v| {
        at(v, "/sections/0/items/8")["show_if"] = json!({"all": [{"item": "aantal", "between": [10, 20]}, {"not": {"item": "aantal", "between": [0, 30]}}]});
    });
    check(&json, "sections[0].items[8]", "nooit getoond");
}

#[test]
fn fields_that_do_not_fit_the_kind_and_missing_fields_are_named() {
    check(
        &edit(|v| at(v, "/sections/0/items/0")["options"] = json!([])),
        "sections[0].items[0]",
        "Veld 'options' hoort niet bij een vraag van soort 'yes_no'",
    );
    check(
        &edit(|v| *at(v, "/sections/0/items/0/kind") = json!("slider")),
        "sections[0].items[0]",
        "Soort vraag 'slider' bestaat niet",
    );
    let json = edited(KINDS, |v| {
        at(v, "/sections/0/items/5").as_object_mut().unwrap().remove("max");
    });
    check(&json, "sections[0].items[5]", "heeft veld 'max' nodig");
    let json = edited(KINDS, |v| *at(v, "/sections/0/items/1/max_choices") = json!(4));
    check(&json, "sections[0].items[1]", "'max_choices' is 4, maar moet tussen 1 en 3");
    let json = edited(KINDS, |v| *at(v, "/sections/0/items/5/min") = json!(50));
    check(&json, "sections[0].items[5]", "'min' (50) is groter dan 'max' (40)");
    let json = edited(KINDS, |v| *at(v, "/sections/0/items/1/options/1/code") = json!("a"));
    check(&json, "sections[0].items[1].options[1]", "Code 'a' komt twee keer voor");
    let json = edited(KINDS, |v| *at(v, "/sections/0/items/1/options/1/code") = json!("weet_niet"));
    check(&json, "sections[0].items[1].options[1]", "gereserveerd");
    check(
        &edit(|v| {
            at(v, "/sections/0/items/0").as_object_mut().unwrap().remove("source");
        }),
        "sections[0].items[0]",
        "geen 'source'",
    );
    check(
        &edit(|v| {
            at(v, "/sections/0/items/0").as_object_mut().unwrap().remove("construct");
        }),
        "sections[0].items[0]",
        "geen 'construct'",
    );
    check(
        &edit(|v| *at(v, "/sections/0/items/0/id") = json!("Stage Vraag")),
        "sections[0].items[0].id",
        "Id 'Stage Vraag' mag alleen",
    );
    check(&edit(|v| v["audience"] = json!("parents")), "audience", "Doelgroep 'parents'");
}

#[test]
fn every_problem_is_reported_at_once_in_both_languages() {
    let json = edit(|v| {
        *at(v, "/sections/0/items/0/construct") = json!("nope.nope");
        at(v, "/sections/1/items/0/text").as_object_mut().unwrap().remove("nl");
        *at(v, "/sections/2/items/0/id") = json!("stage");
    });
    let problems = parse(&json).unwrap_err();
    assert_eq!(problems.len(), 3, "{problems:#?}");
    let english: Vec<String> = problems.iter().map(|p| p.message(Lang::En)).collect();
    assert!(
        english.iter().any(|m| m.contains("Construct 'nope.nope' is not declared")),
        "{english:?}"
    );
    assert!(
        english.iter().any(|m| m.contains("The Dutch text of 'text' is missing")),
        "{english:?}"
    );
    assert!(
        english.iter().any(|m| m.contains("Id 'stage' is used twice")
            && m.contains("(at sections[2].items[0].id)")),
        "{english:?}"
    );
}

/// Lines in each seed text, for checking that sources point at real lines.
const SEED_LINES: [(&str, u32); 5] = [
    ("seed-000", 1880),
    ("seed-001", 207),
    ("seed-002", 1048),
    ("seed-003", 2259),
    ("seed-004", 3920),
];

#[test]
fn the_student_vragenlijst_validates_and_every_item_is_traceable() {
    let s = match builtin::student() {
        Ok(s) => s,
        Err(p) => panic!(
            "built-in student vragenlijst is invalid:\n{}",
            p.iter().map(|p| p.message(Lang::En)).collect::<Vec<_>>().join("\n")
        ),
    };
    assert_eq!(s.id, builtin::STUDENT_ID);
    assert_eq!(s.audience, Audience::Student);
    let mut answerable = 0;
    for (_, item) in s.items() {
        assert!(
            s.construct(&item.construct).is_some(),
            "{}: construct {}",
            item.id,
            item.construct
        );
        let max = SEED_LINES.iter().find(|(d, _)| *d == item.source.document).map(|(_, n)| *n);
        let max = max.unwrap_or_else(|| {
            panic!("{}: unknown source document {}", item.id, item.source.document)
        });
        assert!(!item.source.lines.trim().is_empty(), "{}: no source lines", item.id);
        for part in item.source.lines.split(',') {
            for n in part.trim().split('-') {
                let n: u32 = n.trim().parse().unwrap_or_else(|_| {
                    panic!("{}: bad line list {:?}", item.id, item.source.lines)
                });
                assert!(
                    (1..=max).contains(&n),
                    "{}: line {n} is not in {}",
                    item.id,
                    item.source.document
                );
            }
        }
        answerable += match &item.kind {
            ItemKind::Matrix { rows, .. } => rows.len(),
            _ => 1,
        };
    }
    assert!(
        (40..=60).contains(&answerable),
        "student vragenlijst has {answerable} items; the issue asks 40-60"
    );
}

#[test]
fn the_student_vragenlijst_asks_nothing_identifying() {
    let s = builtin::student().unwrap();
    let forbidden = [
        "naam",
        "geboortedatum",
        "studentnummer",
        "e-mail",
        "email",
        "adres",
        "leeftijd",
        "geslacht",
    ];
    for (_, item) in s.items() {
        let text = item.text.nl.to_lowercase();
        for word in forbidden {
            // Open text may warn "schrijf geen namen"; that is the only place "naam" may appear.
            if word == "naam" && item.possibly_identifying() {
                continue;
            }
            assert!(!text.contains(word), "{}: asks about {word}: {}", item.id, item.text.nl);
        }
        if item.possibly_identifying() {
            assert!(!item.required, "{}: open text must be optional", item.id);
        }
    }
}

#[test]
fn student_questions_are_short_for_b1_readers() {
    let s = builtin::student().unwrap();
    for (_, item) in s.items() {
        for sentence in item.text.nl.split(['.', '?', '!']) {
            let words = sentence.split_whitespace().count();
            assert!(words <= 20, "{}: a sentence of {words} words: {sentence}", item.id);
        }
    }
}

// ---- limits: every valid response can travel ------------------------------------------

#[test]
fn max_length_has_an_upper_bound() {
    use spiegel::domain::instrument::MAX_MAX_LENGTH;
    let at_cap = edit(|v| *at(v, "/sections/2/items/0/max_length") = json!(MAX_MAX_LENGTH));
    instrument(&at_cap);
    let above = edit(|v| *at(v, "/sections/2/items/0/max_length") = json!(MAX_MAX_LENGTH + 1));
    check(
        &above,
        "sections[2].items[0]",
        "'max_length' is 2001; een open antwoord mag hoogstens 2000 tekens",
    );
    let huge = edit(|v| *at(v, "/sections/2/items/0/max_length") = json!(u64::MAX));
    check(&huge, "sections[2].items[0]", "hoogstens 2000 tekens");
}

#[test]
fn a_vragenlijst_whose_longest_response_cannot_travel_is_refused() {
    use spiegel::domain::envelope::{Envelope, MAX_ENVELOPE, MAX_PARTS};
    use spiegel::domain::instrument::max_sealed_len;
    use spiegel::domain::meting::MetingId;
    // Eight open questions at the cap (8 × 2000 characters × 4 bytes) fit...
    let open = |n: usize| {
        edit(|v| {
            let item = at(v, "/sections/2/items/0").clone();
            let items = at(v, "/sections/2/items");
            *items = Value::Array(
                (0..n)
                    .map(|i| {
                        let mut it = item.clone();
                        it["id"] = json!(format!("open{i}"));
                        it["max_length"] = json!(2000);
                        it
                    })
                    .collect(),
            );
        })
    };
    let fits = instrument(&open(8));
    assert!(max_sealed_len(&fits) <= MAX_ENVELOPE);
    // ... nine do not: the file says why, in the place to change.
    let messages = check(&open(9), "sections", "Een volledig ingevulde vragenlijst kan");
    assert!(messages.iter().any(|m| m.contains("Maak 'max_length' van de open vragen kleiner")));
    // The largest valid response splits into QR parts whose count fits its byte.
    let envelope = Envelope { meting: MetingId([1; 8]), sealed: vec![7; MAX_ENVELOPE - 16] };
    let codes = envelope.qr_codes();
    assert!(!codes.is_empty() && codes.len() <= MAX_PARTS);
    assert!(codes.iter().all(|c| usize::from(c[9]) == codes.len()), "the count never wraps");
    // Anything longer is not drawn at all (it could not be read back).
    let over = Envelope { meting: MetingId([1; 8]), sealed: vec![7; MAX_ENVELOPE] };
    assert!(over.qr_codes().is_empty());
    // The built-in vragenlijsten fit with room to spare.
    for inst in [builtin::student().unwrap(), builtin::staff().unwrap()] {
        assert!(max_sealed_len(&inst) < MAX_ENVELOPE / 2, "{}", inst.id);
    }
}

#[test]
fn files_are_refused_by_size_before_they_are_read() {
    use spiegel::domain::limits::{check_size, FileKind, TooLarge};
    for kind in [
        FileKind::Responses,
        FileKind::Photo,
        FileKind::Instrument,
        FileKind::Export,
        FileKind::Backup,
    ] {
        let limit = kind.max_bytes();
        assert_eq!(check_size(kind, limit as f64), Ok(()));
        assert_eq!(check_size(kind, (limit + 1) as f64), Err(TooLarge { size: limit + 1, limit }));
        assert!(check_size(kind, f64::NAN).is_err());
        assert!(check_size(kind, -1.0).is_err());
        assert!(check_size(kind, f64::INFINITY).is_err());
    }
    // A kiosk file of 10,000 of the largest student responses is far below its limit.
    let student = builtin::student().unwrap();
    let file = 10_000 * (spiegel::domain::instrument::max_sealed_len(&student) + 3);
    assert!((file as u64) < FileKind::Responses.max_bytes());
}
