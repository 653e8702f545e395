//! Words of the mirror: choosing metingen, the overview, a theme, the team report. Same
//! rules as [`crate::ui::i18n::Words`]: both languages complete, B1 Dutch, short sentences.

use crate::domain::text::Lang;

pub use crate::domain::analysis::summary::band_words as band_name;

/// Fixed texts of the mirror screens in one language.
pub struct MirrorWords {
    /// Setup: heading.
    pub setup_heading: &'static str,
    /// Setup: what the mirror does.
    pub setup_intro: &'static str,
    /// Setup: label of the student meting.
    pub choose_students: &'static str,
    /// Setup: label of the staff meting.
    pub choose_staff: &'static str,
    /// Setup: no metingen of one side.
    pub need_both: &'static str,
    /// Setup: no staff meting mirrors the chosen students.
    pub no_staff_for: &'static str,
    /// Setup: the staff meting's vragenlijst mirrors another version of the students'.
    pub other_version: &'static str,
    /// Setup: the earlier pair, heading.
    pub before_heading: &'static str,
    /// Setup: the earlier pair, what it does.
    pub before_intro: &'static str,
    /// Setup: choose both earlier metingen or none.
    pub before_both: &'static str,
    /// Option: no earlier meting.
    pub none: &'static str,
    /// Label: open an earlier export.
    pub export_file: &'static str,
    /// Hint: what opening an export does.
    pub export_file_hint: &'static str,
    /// "Export" before the week of a meting read from an export.
    pub from_export: &'static str,
    /// Setup: a chosen meting is locked (before its name).
    pub locked: &'static str,
    /// Setup: PIN label (before the meting's name).
    pub pin_of: &'static str,
    /// Setup: wrong PIN.
    pub wrong_pin: &'static str,
    /// Setup: the stored key is damaged.
    pub damaged_key: &'static str,
    /// Button: unlock.
    pub unlock: &'static str,
    /// Busy: opening.
    pub opening: &'static str,
    /// Button: compare.
    pub compare: &'static str,
    /// Button: back.
    pub back: &'static str,
    /// Mirror: heading.
    pub heading: &'static str,
    /// "antwoorden" after a count.
    pub responses: &'static str,
    /// Responses that could not be opened (after the count).
    pub unreadable: &'static str,
    /// Button: print the team report.
    pub print: &'static str,
    /// Button: print (in the report).
    pub print_now: &'static str,
    /// Button: back to the overview.
    pub to_overview: &'static str,
    /// Report: heading.
    pub report_heading: &'static str,
    /// Report: before `k = n`.
    pub report_k: &'static str,
    /// Report: before the band ranges.
    pub report_bands: &'static str,
    /// Settings: heading.
    pub settings: &'static str,
    /// Settings: label of k.
    pub k_label: &'static str,
    /// Settings: hint for k (before the minimum).
    pub k_hint: &'static str,
    /// Settings: what the bands are.
    pub bands_intro: &'static str,
    /// Settings: the four cut points.
    pub cut_names: [&'static str; 4],
    /// Settings: cut points that do not rise.
    pub cuts_error: &'static str,
    /// Button: back to the default settings.
    pub reset: &'static str,
    /// Summary heading.
    pub summary: &'static str,
    /// Overview heading.
    pub overview: &'static str,
    /// How the verdict is made: heading.
    pub rule_heading: &'static str,
    /// Per theme: counts of right, under, over, divided and unknown questions.
    pub tally_names: [&'static str; 5],
    /// Button: open a theme.
    pub open_theme: &'static str,
    /// "Stap" before the step number.
    pub step: &'static str,
    /// After the step number.
    pub of_cycle: &'static str,
    /// Chart: students.
    pub students: &'static str,
    /// Chart: staff.
    pub staff: &'static str,
    /// Chart: one letter for students.
    pub students_short: &'static str,
    /// Chart: one letter for staff.
    pub staff_short: &'static str,
    /// Chart: before the interval.
    pub margin: &'static str,
    /// "van" between numbers.
    pub of: &'static str,
    /// The band most staff chose.
    pub majority: &'static str,
    /// Table column: who.
    pub who: &'static str,
    /// Table column: answer.
    pub answer: &'static str,
    /// Table column: count.
    pub count: &'static str,
    /// Table column: mean.
    pub mean: &'static str,
    /// Table column: share agreeing.
    pub agree: &'static str,
    /// Table row: the difference.
    pub difference: &'static str,
    /// Theme: statements asked of both, heading.
    pub ordinals: &'static str,
    /// Theme: statements asked of both, what they show.
    pub ordinals_intro: &'static str,
    /// Team: heading.
    pub team: &'static str,
    /// Team: what it shows.
    pub team_intro: &'static str,
    /// Team: agreed on everything.
    pub team_agreed_all: &'static str,
    /// Team: "n" divided (after the number).
    pub team_divided: &'static str,
    /// Team: "n" agreed (after the number).
    pub team_agreed: &'static str,
    /// Team: caption of the divided table.
    pub team_divided_caption: &'static str,
    /// Table column: question.
    pub question: &'static str,
    /// Table column: how answers spread.
    pub answers_spread: &'static str,
    /// Table column: share of the most chosen answer.
    pub most_chosen: &'static str,
    /// Roles: heading.
    pub roles: &'static str,
    /// Roles: what it shows.
    pub roles_intro: &'static str,
    /// Roles: the staff vragenlijst has no shared block.
    pub roles_none: &'static str,
    /// Roles: table caption.
    pub roles_caption: &'static str,
    /// Roles: opleidingsmanager column.
    pub manager: &'static str,
    /// Roles: zorgcoördinator column.
    pub zorg: &'static str,
    /// Roles: note column.
    pub roles_note: &'static str,
    /// Roles: the two see it differently.
    pub roles_differ: &'static str,
    /// Change: heading (before the earlier label).
    pub change_heading: &'static str,
    /// Change: what it shows.
    pub change_intro: &'static str,
    /// Change: verdict.
    pub verdict: &'static str,
    /// Change: column of the earlier meting.
    pub before: &'static str,
    /// Change: column of this meting.
    pub now: &'static str,
    /// Change: column of the change.
    pub change: &'static str,
    /// A hidden figure, in a table cell.
    pub hidden: &'static str,
}

/// Dutch.
pub const NL: MirrorWords = MirrorWords {
    setup_heading: "Spiegel: studenten en team naast elkaar",
    setup_intro: "Kies een meting van studenten en een meting van medewerkers. Spiegel laat per thema zien waar het team de studenten goed ziet, en waar niet.",
    choose_students: "Meting van studenten",
    choose_staff: "Meting van medewerkers",
    need_both: "Je hebt een meting van studenten en een meting van medewerkers nodig. Maak ze bij Metingen.",
    no_staff_for: "Er is nog geen meting van medewerkers die bij deze studenten past.",
    other_version: "Deze twee metingen passen niet bij elkaar: de vragenlijst van de medewerkers hoort bij een andere versie van de vragenlijst voor studenten. Kies een meting van medewerkers van dezelfde tijd.",
    before_heading: "Vergelijk met een eerdere meting (mag je overslaan)",
    before_intro: "Kies een eerdere meting van studenten en van medewerkers. Dan zie je wat er veranderd is.",
    before_both: "Kies bij een eerdere meting zowel studenten als medewerkers, of allebei niets.",
    none: "Geen",
    export_file: "Of open een eerdere export (JSON)",
    export_file_hint: "Een bestand dat je eerder met Exporteren voor onderzoek hebt gemaakt. De metingen erin kun je hierboven kiezen.",
    from_export: "Uit export van",
    locked: "Typ eerst de PIN van",
    pin_of: "PIN van",
    wrong_pin: "Deze PIN klopt niet. Probeer het opnieuw.",
    damaged_key: "De sleutel van deze meting is beschadigd. De antwoorden kunnen niet open.",
    unlock: "Openen",
    opening: "Even geduld…",
    compare: "Vergelijk",
    back: "Terug",
    heading: "De spiegel",
    responses: "antwoorden",
    unreadable: "antwoorden op dit apparaat konden niet worden geopend. Ze tellen niet mee.",
    print: "Print teamrapport",
    print_now: "Print",
    to_overview: "Terug naar het overzicht",
    report_heading: "Teamrapport Spiegel",
    report_k: "Cijfers over minder dan k antwoorden zijn weggelaten,",
    report_bands: "De groepen staan voor",
    settings: "Instellingen: kleine groepen en de groepen van medewerkers",
    k_label: "Kleinste groep die we laten zien (k)",
    k_hint: "Minder antwoorden dan dit? Dan laten we het cijfer niet zien. Zo is niemand te herkennen. Het kleinste getal is",
    bands_intro: "Wat de antwoorden van medewerkers betekenen, in procenten. Vul de grens tussen twee groepen in.",
    cut_names: [
        "Grens bijna geen / een klein deel (%)",
        "Grens een klein deel / ongeveer de helft (%)",
        "Grens ongeveer de helft / een groot deel (%)",
        "Grens een groot deel / (bijna) alle (%)",
    ],
    cuts_error: "De grenzen moeten oplopen, tussen 1 en 99.",
    reset: "Standaard terugzetten",
    summary: "Kort gezegd",
    overview: "Per thema",
    rule_heading: "Hoe komt het oordeel tot stand?",
    tally_names: ["goed gezien", "te laag geschat", "te hoog geschat", "verdeeld", "te weinig antwoorden"],
    open_theme: "Bekijk dit thema",
    step: "Stap",
    of_cycle: "van planmatig werken",
    students: "Studenten",
    staff: "Medewerkers",
    students_short: "S",
    staff_short: "M",
    margin: "marge",
    of: "van",
    majority: "meerderheid",
    who: "Wie",
    answer: "Antwoord",
    count: "Aantal",
    mean: "Gemiddelde",
    agree: "Eens",
    difference: "Verschil (team min studenten)",
    ordinals: "Zelfde stelling voor studenten en team",
    ordinals_intro: "Hoe ervaren studenten dit, en hoe ziet het team het? Hoger is meer eens.",
    team: "Het team over de eigen aanpak",
    team_intro: "Hier kijken we alleen naar de medewerkers. Zijn ze het eens over hoe het team werkt?",
    team_agreed_all: "Het team is het over alle vragen eens.",
    team_divided: "vragen verdelen het team. Over",
    team_agreed: "vragen is het team het eens.",
    team_divided_caption: "Hier is het team verdeeld: plekken voor teamafspraken",
    question: "Vraag",
    answers_spread: "Zo antwoordden de medewerkers",
    most_chosen: "Meest gekozen",
    roles: "Opleidingsmanager en zorgcoördinator",
    roles_intro: "Dezelfde vragen, gesteld aan de opleidingsmanager en de zorgcoördinator.",
    roles_none: "Deze vragenlijst heeft geen vragen voor beide rollen samen.",
    roles_caption: "Gemiddelde per rol",
    manager: "Opleidingsmanager",
    zorg: "Zorgcoördinator",
    roles_note: "Let op",
    roles_differ: "Zien het anders",
    change_heading: "Wat is er veranderd sinds",
    change_intro: "Per thema het oordeel toen en nu, en per vraag het deel van de studenten.",
    verdict: "Oordeel",
    before: "Toen",
    now: "Nu",
    change: "Verschil",
    hidden: "niet getoond",
};

/// English.
pub const EN: MirrorWords = MirrorWords {
    setup_heading: "Spiegel: students and staff side by side",
    setup_intro: "Choose a meting of students and a meting of staff. Spiegel shows per theme where staff see the students right, and where not.",
    choose_students: "Students' meting",
    choose_staff: "Staff meting",
    need_both: "You need a meting of students and a meting of staff. Make them under Metingen.",
    no_staff_for: "There is no staff meting yet that fits these students.",
    other_version: "These two metingen do not fit together: the staff vragenlijst belongs to another version of the student vragenlijst. Choose a staff meting from the same time.",
    before_heading: "Compare with an earlier meting (optional)",
    before_intro: "Choose an earlier meting of students and of staff. Then you see what has changed.",
    before_both: "For an earlier meting, choose both students and staff, or neither.",
    none: "None",
    export_file: "Or open an earlier export (JSON)",
    export_file_hint: "A file you made earlier with Export for research. You can then choose its metingen above.",
    from_export: "From the export of",
    locked: "First type the PIN of",
    pin_of: "PIN of",
    wrong_pin: "This PIN is not right. Try again.",
    damaged_key: "The key of this meting is damaged. The responses cannot be opened.",
    unlock: "Open",
    opening: "One moment…",
    compare: "Compare",
    back: "Back",
    heading: "The mirror",
    responses: "responses",
    unreadable: "responses on this device could not be opened. They do not count.",
    print: "Print team report",
    print_now: "Print",
    to_overview: "Back to the overview",
    report_heading: "Spiegel team report",
    report_k: "Figures about fewer than k responses are left out,",
    report_bands: "The groups stand for",
    settings: "Settings: small groups and the staff groups",
    k_label: "Smallest group we show (k)",
    k_hint: "Fewer responses than this? Then we do not show the figure. This way no one can be recognised. The smallest number is",
    bands_intro: "What the staff answers mean, in percent. Fill in the border between two groups.",
    cut_names: [
        "Border almost none / a small part (%)",
        "Border a small part / about half (%)",
        "Border about half / a large part (%)",
        "Border a large part / (almost) all (%)",
    ],
    cuts_error: "The borders must rise, between 1 and 99.",
    reset: "Back to the defaults",
    summary: "In short",
    overview: "Per theme",
    rule_heading: "How is the verdict made?",
    tally_names: ["seen right", "underestimated", "overestimated", "divided", "too few answers"],
    open_theme: "View this theme",
    step: "Step",
    of_cycle: "of working to plan",
    students: "Students",
    staff: "Staff",
    students_short: "S",
    staff_short: "T",
    margin: "margin",
    of: "of",
    majority: "majority",
    who: "Who",
    answer: "Answer",
    count: "Number",
    mean: "Mean",
    agree: "Agree",
    difference: "Difference (staff minus students)",
    ordinals: "Same statement for students and staff",
    ordinals_intro: "How do students experience this, and how do staff see it? Higher means more agreement.",
    team: "The team on its own approach",
    team_intro: "Here we look at staff only. Do they agree on how the team works?",
    team_agreed_all: "The team agrees on every question.",
    team_divided: "questions divide the team. On",
    team_agreed: "questions the team agrees.",
    team_divided_caption: "Here the team is divided: places for team agreements",
    question: "Question",
    answers_spread: "How staff answered",
    most_chosen: "Most chosen",
    roles: "Opleidingsmanager and zorgcoördinator",
    roles_intro: "The same questions, asked of the opleidingsmanager and the zorgcoördinator.",
    roles_none: "This questionnaire has no questions for both roles together.",
    roles_caption: "Mean per role",
    manager: "Opleidingsmanager",
    zorg: "Zorgcoördinator",
    roles_note: "Note",
    roles_differ: "See it differently",
    change_heading: "What has changed since",
    change_intro: "Per theme the verdict then and now, and per question the share of students.",
    verdict: "Verdict",
    before: "Then",
    now: "Now",
    change: "Change",
    hidden: "not shown",
};

/// The words in `lang`.
pub fn mirror_words(lang: Lang) -> &'static MirrorWords {
    match lang {
        Lang::Nl => &NL,
        Lang::En => &EN,
    }
}

/// A share 0..=1 as whole percent: `52 %` in Dutch, `52%` in English.
pub fn pct(p: f64, lang: Lang) -> String {
    // `+ 0.0` turns a rounded −0 into 0.
    let n = (p * 100.0).round() + 0.0;
    match lang {
        Lang::Nl => format!("{n:.0} %"),
        Lang::En => format!("{n:.0}%"),
    }
}

/// A range of shares as whole percent: `45–74 %` in Dutch, `45–74%` in English.
pub fn pct_range(lo: f64, hi: f64, lang: Lang) -> String {
    let whole = |p: f64| (p * 100.0).round() + 0.0;
    match lang {
        Lang::Nl => format!("{:.0}–{:.0} %", whole(lo), whole(hi)),
        Lang::En => format!("{:.0}–{:.0}%", whole(lo), whole(hi)),
    }
}

/// What a theme's statements asked of both groups show, counted: where staff are more
/// positive than students (the difference's interval above 0), less positive, or no
/// clear difference. Parts that are zero are left out.
pub fn ordinal_counts(higher: usize, lower: usize, same: usize, lang: Lang) -> String {
    let parts: [(usize, &str, &str); 3] = [
        (
            higher,
            "ziet het team het positiever dan de studenten",
            "staff are more positive than students",
        ),
        (
            lower,
            "ziet het team het negatiever dan de studenten",
            "staff are less positive than students",
        ),
        (same, "is er geen duidelijk verschil", "there is no clear difference"),
    ];
    let said: Vec<String> = parts
        .iter()
        .filter(|(n, _, _)| *n > 0)
        .map(|(n, nl, en)| match lang {
            Lang::Nl => format!("bij {n} {nl}"),
            Lang::En => format!("for {n} {en}"),
        })
        .collect();
    match lang {
        Lang::Nl => format!("Stellingen: {}.", said.join(", ")),
        Lang::En => format!("Statements: {}.", said.join(", ")),
    }
}

/// A number with one decimal: `2,8` in Dutch, `2.8` in English.
pub fn num(x: f64, lang: Lang) -> String {
    let s = format!("{x:.1}");
    match lang {
        Lang::Nl => s.replace('.', ","),
        Lang::En => s,
    }
}
