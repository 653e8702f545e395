//! The plain-language summary and the planmatig steps: the sentences a team reads, built
//! from reports on the built-in vragenlijsten. Shares and intervals in the comments are
//! worked out by hand (Wilson, z = 1.959964).

use spiegel::domain::analysis::planmatig::{self, Step};
use spiegel::domain::analysis::summary::{band_words, estimate_sentence, singular, summary, what};
use spiegel::domain::analysis::{
    analyse, Bands, Difference, Estimate, Interval, Report, Settings, Verdict,
};
use spiegel::domain::answer::Answer;
use spiegel::domain::builtin;
use spiegel::domain::instrument::{Instrument, SHARE_BANDS};
use spiegel::domain::response::Response;
use spiegel::domain::text::{Lang, Text};

// ---- builders -------------------------------------------------------------------------

fn response(instrument: &str, answers: &[(&str, &str)]) -> Response {
    Response {
        id: "r".into(),
        instrument: instrument.into(),
        instrument_version: "1.0.0".into(),
        week: "2026-W48".into(),
        answers: answers
            .iter()
            .map(|(i, c)| {
                let answer = match *c {
                    "weet_niet" => Answer::DontKnow,
                    c => Answer::Choice(c.to_string()),
                };
                (i.to_string(), answer)
            })
            .collect(),
    }
}

/// Groups of identical responses to `instrument`: `(how many, answers)`.
fn many(instrument: &str, groups: &[(usize, &[(&str, &str)])]) -> Vec<Response> {
    groups
        .iter()
        .flat_map(|(count, answers)| (0..*count).map(|_| response(instrument, answers)))
        .collect()
}

/// Students by their answer to `toekomstwens`: `(how many, code)`.
fn students(groups: &[(usize, &str)]) -> Vec<Response> {
    let groups: Vec<(usize, [(&str, &str); 1])> =
        groups.iter().map(|&(n, code)| (n, [("toekomstwens", code)])).collect();
    let groups: Vec<(usize, &[(&str, &str)])> = groups.iter().map(|(n, a)| (*n, &a[..])).collect();
    many(builtin::STUDENT_ID, &groups)
}

/// Teachers (role `docent`), each group giving the same answers.
fn staff(groups: &[(usize, &[(&str, &str)])]) -> Vec<Response> {
    let groups: Vec<(usize, Vec<(&str, &str)>)> = groups
        .iter()
        .map(|(n, a)| (*n, [("rol", "docent")].iter().chain(a.iter()).copied().collect()))
        .collect();
    let groups: Vec<(usize, &[(&str, &str)])> = groups.iter().map(|(n, a)| (*n, &a[..])).collect();
    many(builtin::STAFF_ID, &groups)
}

/// The first built-in versions, which these sentences were written for: student 1.0.0
/// and staff 1.1.0 (the staff version that mirrors it with the ranges shown).
fn first_versions() -> (Instrument, Instrument) {
    let s = builtin::version(builtin::STUDENT_ID, "1.0.0").unwrap().parse().unwrap();
    let t = builtin::version(builtin::STAFF_ID, "1.1.0").unwrap().parse().unwrap();
    (s, t)
}

/// The report on the first built-in vragenlijsten, and the staff vragenlijst.
fn run(students: &[Response], staff: &[Response], settings: Settings) -> (Report, Instrument) {
    let (s, t) = first_versions();
    (analyse(&s, &t, students, staff, &settings), t)
}

fn estimate<'a>(report: &'a Report, staff_item: &str) -> &'a Estimate {
    report
        .themes
        .iter()
        .flat_map(|t| &t.estimates)
        .find(|e| e.staff_item == staff_item)
        .unwrap_or_else(|| panic!("no estimate {staff_item}"))
}

/// The `est_doorleren` sentence in both languages, with its verdict, when `yes` of `n`
/// students want level 3 or 4 (the rest want to work) and staff pick these bands.
fn doorleren(yes: usize, n: usize, bands: &[(usize, &str)]) -> (Verdict, [Option<String>; 2]) {
    let answers: Vec<[(&str, &str); 1]> =
        bands.iter().map(|(_, b)| [("est_doorleren", *b)]).collect();
    let groups: Vec<(usize, &[(&str, &str)])> =
        bands.iter().zip(&answers).map(|((c, _), a)| (*c, &a[..])).collect();
    let students =
        students(&[(yes / 2, "niveau3"), (yes - yes / 2, "niveau4"), (n - yes, "werken")]);
    let (report, staff) = run(&students, &staff(&groups), Settings::default());
    let e = estimate(&report, "est_doorleren");
    let sentence = |lang| estimate_sentence(e, &staff, lang);
    (e.verdict, [sentence(Lang::Nl), sentence(Lang::En)])
}

/// The verdicts of every estimate in the report: right, under, over, divided, does not
/// know, unknown.
fn verdicts(report: &Report) -> [usize; 6] {
    let order = [
        Verdict::Right,
        Verdict::Under,
        Verdict::Over,
        Verdict::Divided,
        Verdict::DontKnow,
        Verdict::Unknown,
    ];
    let all: Vec<Verdict> =
        report.themes.iter().flat_map(|t| &t.estimates).map(|e| e.verdict).collect();
    order.map(|v| all.iter().filter(|&&x| x == v).count())
}

/// The sentences of a text: split after '.', '?' and '!'.
fn sentences(text: &str) -> Vec<&str> {
    text.split_inclusive(['.', '?', '!']).map(str::trim).filter(|s| !s.is_empty()).collect()
}

fn words(sentence: &str) -> usize {
    sentence.split_whitespace().count()
}

// ---- estimate sentences ---------------------------------------------------------------

#[test]
fn the_example_from_the_issue_reads_half_of_the_students_against_a_small_part() {
    // 20 of 40 students want level 3 or 4: 50 %, interval 35.2–64.8 %. Six of eight
    // teachers say "een klein deel" (10–40 %). The band still touches the interval, so the
    // verdict is right, and the sentence says the team's answer is close enough.
    let (verdict, [nl, en]) = doorleren(20, 40, &[(6, "klein_deel"), (2, "helft")]);
    assert_eq!(verdict, Verdict::Right);
    assert_eq!(
        nl.unwrap(),
        "Ongeveer de helft van de studenten (50 %) wil na deze opleiding direct verder leren \
         op niveau 3 of 4; het middelste antwoord van de medewerkers is een klein deel (10–40 \
         %), en dat ligt er dicht genoeg bij."
    );
    assert_eq!(
        en.unwrap(),
        "About half of the students (50%) want to continue straight away at level 3 or 4 \
         after this programme; the staff's middle answer is a small part (10–40%), which is \
         close enough."
    );
}

#[test]
fn an_underestimate_says_how_many_staff_answer_lower_and_how_far() {
    // 50 of 100: interval 40.4–59.6 %, entirely above "een klein deel" (10–40 %): one band.
    let (verdict, [nl, en]) = doorleren(50, 100, &[(6, "klein_deel"), (2, "helft")]);
    assert_eq!(verdict, Verdict::Under);
    assert_eq!(
        nl.unwrap(),
        "Ongeveer de helft van de studenten (50 %) wil na deze opleiding direct verder leren \
         op niveau 3 of 4. 6 van de 8 medewerkers schatten het lager in; het middelste \
         antwoord is een klein deel (10–40 %). Dat is iets te laag."
    );
    assert_eq!(
        en.unwrap(),
        "About half of the students (50%) want to continue straight away at level 3 or 4 \
         after this programme. 6 of the 8 staff members estimate it lower; the middle answer \
         is a small part (10–40%). That is a little too low."
    );
}

#[test]
fn an_overestimate_names_the_middle_answer_and_its_size() {
    // 50 of 100 (40.4–59.6 %) against "een groot deel" (60–90 %): one band up.
    let (verdict, [nl, en]) = doorleren(50, 100, &[(6, "groot_deel"), (2, "helft")]);
    assert_eq!(verdict, Verdict::Over);
    assert!(nl.unwrap().ends_with(
        "op niveau 3 of 4. 6 van de 8 medewerkers schatten het hoger in; het middelste \
         antwoord is een groot deel (60–90 %). Dat is iets te hoog."
    ));
    assert!(en
        .unwrap()
        .ends_with("the middle answer is a large part (60–90%). That is a little too high."));
    // Three bands off: far too low.
    let (verdict, [nl, _]) = doorleren(40, 40, &[(8, "klein_deel")]);
    assert_eq!(verdict, Verdict::Under);
    assert!(nl.unwrap().ends_with(
        "Alle 8 medewerkers schatten het lager in; het middelste \
         antwoord is een klein deel (10–40 %). Dat is veel te laag."
    ));
}

#[test]
fn staff_who_chose_the_students_own_band_see_that_too() {
    let (verdict, [nl, en]) = doorleren(50, 100, &[(6, "helft"), (2, "groot_deel")]);
    assert_eq!(verdict, Verdict::Right);
    assert!(nl.unwrap().ends_with("op niveau 3 of 4; de medewerkers zien dat ook."));
    assert!(en.unwrap().ends_with("after this programme; staff see that too."));
}

#[test]
fn a_divided_team_is_told_how_many_answer_higher_and_lower() {
    // Four below ("een klein deel") and four above ("een groot deel"): agreement 0.5.
    let (verdict, [nl, en]) = doorleren(50, 100, &[(4, "klein_deel"), (4, "groot_deel")]);
    assert_eq!(verdict, Verdict::Divided);
    assert!(nl.unwrap().ends_with(
        "op niveau 3 of 4. Het team is verdeeld: 4 van de 8 medewerkers schatten het hoger \
         in, 4 lager."
    ));
    assert!(en
        .unwrap()
        .ends_with("The team is divided: 4 of the 8 staff members estimate it higher, 4 lower."));
}

#[test]
fn a_team_that_does_not_know_is_told_as_such_with_what_students_say() {
    let (verdict, [nl, en]) = doorleren(50, 100, &[(6, "weet_niet"), (2, "helft")]);
    assert_eq!(verdict, Verdict::DontKnow);
    assert_eq!(
        nl.unwrap(),
        "Bij “Hoeveel van uw studenten willen na deze opleiding direct verder leren op niveau \
         3 of 4?” weet het team het niet: 6 van de 8 medewerkers kozen 'Weet ik niet'. Wat \
         studenten zelf zeggen: ongeveer de helft van de studenten (50 %) wil na deze \
         opleiding direct verder leren op niveau 3 of 4."
    );
    assert!(en
        .unwrap()
        .contains("the team does not know: 6 of the 8 staff members chose 'I don't know'."));
}

#[test]
fn the_band_words_start_the_sentence_with_a_capital_also_behind_a_bracket() {
    // 40 of 40 want level 3 or 4: "(Bijna) alle studenten … willen", plural.
    let (_, [nl, en]) = doorleren(40, 40, &[(8, "klein_deel")]);
    assert!(nl.unwrap().starts_with("(Bijna) alle studenten (100 %) willen"));
    assert!(en.unwrap().starts_with("(Almost) all of the students (100%) want"));
    let (_, [nl, en]) = doorleren(0, 40, &[(8, "groot_deel")]);
    assert!(nl.unwrap().starts_with("Bijna geen studenten (0 %) willen"));
    assert!(en.unwrap().starts_with("Almost none of the students (0%) want"));
}

#[test]
fn a_part_of_the_students_takes_a_singular_verb() {
    let cases = [
        ("willen", "wil"),
        ("hebben", "heeft"),
        ("denken", "denkt"),
        ("vinden", "vindt"),
        ("leren", "leert"),
        ("doen", "doet"),
        ("zitten", "zit"),
        ("maken", "maakt"),
        ("leven", "leeft"),
        ("reizen", "reist"),
        ("weten", "weet"),
        ("twijfelen", "twijfelt"),
        ("gebruiken", "gebruikt"),
    ];
    for (plural, one) in cases {
        assert_eq!(singular(plural), one, "{plural}");
    }
    // Every built-in estimate question starts with a verb the rules know.
    let staff = builtin::staff().unwrap();
    for (_, item) in staff.items().filter(|(_, i)| i.id.starts_with("est_")) {
        let verb = what(item, Lang::Nl).split(' ').next().unwrap().to_string();
        assert!(
            ["willen", "doen", "denken", "hebben", "vinden", "leren"].contains(&verb.as_str()),
            "{}: {verb}",
            item.id
        );
    }
}

#[test]
fn a_hidden_side_gives_no_sentence_and_never_its_number() {
    // Only 3 of 40 students answer the future question (the rest another one), and only
    // 4 of 8 teachers give the doorleren estimate: both sides are below k = 5.
    let mut students = students(&[(3, "niveau3")]);
    students.extend(many(builtin::STUDENT_ID, &[(37, &[("diploma_wil", "4")])]));
    let staff = staff(&[(4, &[("est_doorleren", "klein_deel")]), (4, &[("est_werken", "helft")])]);
    let (report, t) = run(&students, &staff, Settings::default());
    for item in ["est_doorleren", "est_werken"] {
        let e = estimate(&report, item);
        assert_eq!(e.verdict, Verdict::Unknown);
        for lang in Lang::ALL {
            assert_eq!(estimate_sentence(e, &t, lang), None);
        }
    }
    let text = summary(&report, &t, Lang::Nl).join("\n");
    assert!(!text.contains("verder leren"), "{text}");
    assert!(!text.contains(" 3 ") && !text.contains(" 4 ") && !text.contains('%'), "{text}");
}

// ---- the summary ----------------------------------------------------------------------

/// 100 students: 50 want level 3, 30 to work, 10 to work first, 10 another level-2
/// programme. Shares and intervals: 50 % (40.4–59.6), 30 % (21.9–39.6), 10 % (5.5–17.4).
fn hundred() -> Vec<Response> {
    students(&[(50, "niveau3"), (30, "werken"), (10, "eerst_werken"), (10, "andere_niveau2")])
}

/// Eight teachers with a gap of every kind: werken under (all "bijna geen"), doorleren
/// divided (four "een klein deel", four "een groot deel"), eerst werken right, another
/// level-2 programme over ("ongeveer de helft"), and the diploma unknown to all.
fn every_kind() -> Vec<Response> {
    staff(&[
        (
            4,
            &[
                ("est_werken", "bijna_geen"),
                ("est_doorleren", "klein_deel"),
                ("est_eerst_werken", "klein_deel"),
                ("est_andere_n2", "helft"),
                ("est_diploma_wil", "weet_niet"),
            ],
        ),
        (
            4,
            &[
                ("est_werken", "bijna_geen"),
                ("est_doorleren", "groot_deel"),
                ("est_eerst_werken", "klein_deel"),
                ("est_andere_n2", "helft"),
                ("est_diploma_wil", "weet_niet"),
            ],
        ),
    ])
}

#[test]
fn the_tally_counts_the_verdicts_the_report_holds() {
    let (report, t) = run(&hundred(), &every_kind(), Settings::default());
    // One of each kind; the other 21 have no student or staff answers.
    assert_eq!(verdicts(&report), [1, 1, 1, 1, 1, 21]);
    let nl = summary(&report, &t, Lang::Nl);
    assert_eq!(nl[0], "100 studenten en 8 medewerkers deden mee.");
    assert_eq!(
        nl[1],
        "Het team ziet 1 van de 26 punten goed. Bij 1 punt schat het team te laag, bij 1 te \
         hoog. Bij 1 punt is het team verdeeld. Bij 1 punt weet het team het niet. Over 21 \
         punten zijn te weinig antwoorden."
    );
    let en = summary(&report, &t, Lang::En);
    assert_eq!(en[0], "100 students and 8 staff members took part.");
    assert_eq!(
        en[1],
        "The team sees 1 of the 26 points right. On 1 point the team estimates too low, on 1 \
         too high. On 1 point the team is divided. On 1 point the team does not know. On 21 \
         points there are too few answers."
    );
    assert_eq!(nl.len(), en.len());
    // Every sentence the rules write (not those quoting a question) stays short.
    for sentence in nl[..2].iter().flat_map(|p| sentences(p)) {
        assert!(words(sentence) <= 20, "too long: {sentence}");
    }
}

#[test]
fn the_biggest_gap_of_every_kind_is_told_biggest_first() {
    // Weights (bands off, on average): the diploma 2 × 100 % not knowing = 2.0; another
    // level-2 programme 2.0 (10 % is "bijna geen", staff say "ongeveer de helft"); werken
    // 1.0; doorleren 1.0 (half one band below, half one band above).
    let (report, t) = run(&hundred(), &every_kind(), Settings::default());
    let nl = summary(&report, &t, Lang::Nl);
    assert_eq!(nl.len(), 6, "{nl:#?}");
    assert_eq!(
        nl[2],
        "Bij “Hoeveel van uw studenten willen hun diploma halen?” weet het team het niet: alle \
         8 medewerkers kozen 'Weet ik niet'."
    );
    assert_eq!(
        nl[3],
        "Bijna geen studenten (10 %) willen daarna een andere opleiding op niveau 2 volgen. \
         Alle 8 medewerkers schatten het hoger in; het middelste antwoord is ongeveer de \
         helft (40–60 %). Dat is te hoog."
    );
    assert_eq!(
        nl[4],
        "Een klein deel van de studenten (30 %) wil na deze opleiding direct gaan werken. \
         Alle 8 medewerkers schatten het lager in; het middelste antwoord is bijna geen (0–10 \
         %). Dat is iets te laag."
    );
    assert!(nl[5]
        .ends_with("Het team is verdeeld: 4 van de 8 medewerkers schatten het hoger in, 4 lager."));
}

#[test]
fn at_most_four_gaps_are_told_and_every_kind_before_a_second_of_one_kind() {
    // Over: eerst werken and another level-2 programme (3 bands: 10 % against "een groot
    // deel"), werken (2 bands). Under: doorleren (2 bands). Does not know: the diploma.
    let staff = staff(&[(
        8,
        &[
            ("est_werken", "groot_deel"),
            ("est_doorleren", "bijna_geen"),
            ("est_eerst_werken", "groot_deel"),
            ("est_andere_n2", "groot_deel"),
            ("est_diploma_wil", "weet_niet"),
        ],
    )]);
    let (report, t) = run(&hundred(), &staff, Settings::default());
    assert_eq!(verdicts(&report), [0, 1, 3, 0, 1, 21]);
    let nl = summary(&report, &t, Lang::Nl);
    assert_eq!(nl.len(), 6, "{nl:#?}");
    assert_eq!(
        nl[2],
        "Bijna geen studenten (10 %) willen eerst werken en daarna verder leren. Alle 8 \
         medewerkers schatten het hoger in; het middelste antwoord is een groot deel (60–90 \
         %). Dat is veel te hoog."
    );
    assert!(nl[3].contains("willen daarna een andere opleiding op niveau 2 volgen"));
    assert!(nl[4].contains("willen hun diploma halen?” weet het team het niet"));
    assert!(nl[5].starts_with("Ongeveer de helft van de studenten (50 %) wil na deze"));
    assert!(nl[5].ends_with("Dat is te laag."));
    // Werken is as big a gap as doorleren, but a second overestimate: left out.
    assert!(!nl.iter().any(|p| p.contains("direct gaan werken")));
    let en = summary(&report, &t, Lang::En);
    assert!(en[2].contains("want to work first and then continue learning"), "{en:#?}");
}

#[test]
fn a_team_divided_on_its_own_approach_is_pointed_to_team_agreements() {
    // Half the team answers "niet", half "in hoge mate" on two items; all agree on a third.
    let low: &[(&str, &str)] = &[
        ("aanpak_zelfvertrouwen", "niet"),
        ("aanpak_structuur", "niet"),
        ("aanpak_didactiek", "hoge_mate"),
    ];
    let high: &[(&str, &str)] = &[
        ("aanpak_zelfvertrouwen", "hoge_mate"),
        ("aanpak_structuur", "hoge_mate"),
        ("aanpak_didactiek", "hoge_mate"),
    ];
    let (report, t) = run(&hundred(), &staff(&[(4, low), (4, high)]), Settings::default());
    let divided = report
        .consensus
        .iter()
        .filter(|c| c.spread.shown().is_some_and(|s| s.needs_team_agreement))
        .count();
    assert_eq!(divided, 2);
    let nl = summary(&report, &t, Lang::Nl);
    assert_eq!(
        nl.last().unwrap(),
        "Bij 2 vragen over de aanpak is het team het niet eens. Dat zijn plekken voor \
         teamafspraken."
    );
    let en = summary(&report, &t, Lang::En);
    assert!(en
        .last()
        .unwrap()
        .starts_with("On 2 questions about the approach, the team does not agree."));
    // With the team agreeing there is no such paragraph.
    let (report, t) = run(&hundred(), &staff(&[(8, high)]), Settings::default());
    assert!(!summary(&report, &t, Lang::Nl).iter().any(|p| p.contains("teamafspraken")));
}

#[test]
fn the_same_report_always_gives_the_same_summary() {
    let staff = staff(&[(8, &[("est_doorleren", "bijna_geen"), ("est_werken", "groot_deel")])]);
    let (report, t) = run(&hundred(), &staff, Settings::default());
    assert_eq!(summary(&report, &t, Lang::Nl), summary(&report.clone(), &t, Lang::Nl));
}

// ---- bands and questions --------------------------------------------------------------

#[test]
fn a_share_on_a_cut_point_falls_in_the_lower_band() {
    let bands = Bands::default();
    let cases = [
        (0.0, 0),
        (0.10, 0),
        (0.100001, 1),
        (2.0 / 5.0, 1),
        (0.400001, 2),
        (0.5, 2),
        (0.6, 2),
        (0.600001, 3),
        (9.0 / 10.0, 3),
        (0.900001, 4),
        (1.0, 4),
    ];
    for (p, band) in cases {
        assert_eq!(bands.band_of(p), band, "share {p}");
    }
    let own = Bands::new([20, 30, 70, 80]).unwrap();
    assert_eq!([0.2, 0.21, 0.3, 0.7, 0.71, 0.81].map(|p| own.band_of(p)), [0, 1, 1, 2, 3, 4]);
}

#[test]
fn band_words_are_the_share_band_labels_in_lower_case() {
    for (band, (_, nl, en)) in SHARE_BANDS.iter().enumerate() {
        assert_eq!(band_words(band, Lang::Nl), nl.to_lowercase());
        assert_eq!(band_words(band, Lang::En), en.to_lowercase());
    }
    assert_eq!(band_words(9, Lang::Nl), "(bijna) alle");
}

#[test]
fn every_built_in_estimate_question_strips_to_what_it_is_about() {
    let newest = builtin::staff().unwrap();
    assert_eq!(
        what(newest.item("est_doorleren").unwrap(), Lang::Nl),
        "willen na deze opleiding direct verder leren op een hoger niveau (mbo of hbo)"
    );
    for file in builtin::FILES.iter().filter(|f| f.id == builtin::STAFF_ID) {
        let staff = file.parse().unwrap();
        for (_, item) in staff.items().filter(|(_, i)| i.id.starts_with("est_")) {
            for lang in Lang::ALL {
                let w = what(item, lang);
                assert!(
                    !w.contains("Hoeveel") && !w.contains("How many") && !w.ends_with('?'),
                    "{} {}: {w}",
                    file.version,
                    item.id
                );
            }
        }
    }
    let (_, staff) = first_versions();
    let doorleren = staff.item("est_doorleren").unwrap();
    assert_eq!(
        what(doorleren, Lang::Nl),
        "willen na deze opleiding direct verder leren op niveau 3 of 4"
    );
    assert_eq!(
        what(doorleren, Lang::En),
        "want to continue straight away at level 3 or 4 after this programme"
    );
    let shares: Vec<_> =
        staff.items().filter(|(_, i)| i.id.starts_with("est_")).map(|(_, i)| i).collect();
    assert_eq!(shares.len(), 26);
    for item in shares {
        for lang in Lang::ALL {
            let w = what(item, lang);
            assert!(!w.contains("Hoeveel") && !w.contains("How many") && !w.ends_with('?'), "{w}");
        }
    }
}

#[test]
fn an_own_question_is_quoted_and_the_sentence_still_reads_well() {
    let (_, mut t) = first_versions();
    let own =
        Text::new("Hoeveel studenten fietsen naar school?", "How many students cycle to school?");
    for item in t.sections.iter_mut().flat_map(|s| &mut s.items) {
        if item.id == "est_doorleren" {
            item.text = own.clone();
        }
    }
    let item = t.item("est_doorleren").unwrap();
    assert_eq!(what(item, Lang::Nl), "“Hoeveel studenten fietsen naar school?”");
    assert_eq!(what(item, Lang::En), "“How many students cycle to school?”");
    let staff = staff(&[(8, &[("est_doorleren", "klein_deel")])]);
    let (report, _) = run(&hundred(), &staff, Settings::default());
    let e = estimate(&report, "est_doorleren");
    assert_eq!(
        estimate_sentence(e, &t, Lang::Nl).unwrap(),
        "Bij “Hoeveel studenten fietsen naar school?” zeggen de studenten zelf: ongeveer de \
         helft (50 %). Alle 8 medewerkers schatten het lager in; het middelste antwoord is \
         een klein deel (10–40 %). Dat is iets te laag."
    );
    assert_eq!(
        estimate_sentence(e, &t, Lang::En).unwrap(),
        "For “How many students cycle to school?” the students themselves say: about half \
         (50%). All 8 staff members estimate it lower; the middle answer is a small part \
         (10–40%). That is a little too low."
    );
}

// ---- planmatig ------------------------------------------------------------------------

#[test]
fn every_verdict_points_to_its_step_of_planmatig_werken() {
    let cases = [
        (Verdict::Over, Some(Step::Signaleren)),
        (Verdict::Under, Some(Step::Signaleren)),
        (Verdict::Divided, Some(Step::Analyseren)),
        (Verdict::DontKnow, Some(Step::Signaleren)),
        (Verdict::Right, None),
        (Verdict::Unknown, None),
    ];
    for (verdict, step) in cases {
        assert_eq!(planmatig::for_verdict(verdict), step, "{verdict:?}");
    }
    assert_eq!(planmatig::for_team_division(), Step::DoelenVastleggen);
    assert_eq!(planmatig::for_role_difference(true), Some(Step::VoortgangBespreken));
    assert_eq!(planmatig::for_role_difference(false), None);
}

#[test]
fn an_ordinal_gap_points_to_carrying_out_or_to_evaluating() {
    let d = |lo: f64, hi: f64| Difference { diff: (lo + hi) / 2.0, ci: Interval { lo, hi } };
    // Staff think they do it more than students experience.
    assert_eq!(planmatig::for_ordinal(&d(0.1, 0.9)), Some(Step::Uitvoeren));
    // Students experience more than staff think.
    assert_eq!(planmatig::for_ordinal(&d(-0.9, -0.1)), Some(Step::Evalueren));
    // No clear difference, also when the interval just touches 0.
    assert_eq!(planmatig::for_ordinal(&d(-0.2, 0.4)), None);
    assert_eq!(planmatig::for_ordinal(&d(0.0, 0.4)), None);
    assert_eq!(planmatig::for_ordinal(&d(f64::NAN, f64::NAN)), None);
}

#[test]
fn every_step_has_a_number_a_name_and_short_advice_in_both_languages() {
    assert_eq!(Step::ALL.map(Step::number), [1, 2, 3, 4, 5, 6, 7]);
    assert_eq!(Step::source(), "seed-000 L786–802");
    assert_eq!(Step::DoelenVastleggen.name(Lang::Nl), "Doelen en aanpak vastleggen");
    for step in Step::ALL {
        for lang in Lang::ALL {
            assert!(!step.name(lang).is_empty());
            let advice = sentences(step.advice(lang));
            assert!((1..=3).contains(&advice.len()), "{step:?}: {advice:?}");
            for sentence in advice {
                assert!(words(sentence) <= 20, "{step:?} too long: {sentence}");
            }
        }
        assert_ne!(step.advice(Lang::Nl), step.advice(Lang::En));
    }
    // Signaleren tells how needs are found: intake and mentor talks.
    assert!(Step::Signaleren.advice(Lang::Nl).contains("intake"));
    assert!(Step::Signaleren.advice(Lang::En).contains("mentor talks"));
}
