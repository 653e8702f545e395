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
    /// One response could not be opened (a whole sentence).
    pub unreadable_one: &'static str,
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
    /// Settings: heading.
    pub settings: &'static str,
    /// Settings: label of k.
    pub k_label: &'static str,
    /// Settings: hint for k (before the minimum).
    pub k_hint: &'static str,
    /// Button: back to the default settings.
    pub reset: &'static str,
    /// Summary heading.
    pub summary: &'static str,
    /// Overview heading.
    pub overview: &'static str,
    /// How the verdict is made: heading.
    pub rule_heading: &'static str,
    /// Per theme: counts of right, under, over, divided, not known and unknown questions.
    pub tally_names: [&'static str; 6],
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
    /// One question divides the team (singular of `team_divided`).
    pub team_divided_one: &'static str,
    /// Team: "n" agreed (after the number).
    pub team_agreed: &'static str,
    /// Singular of `team_agreed`.
    pub team_agreed_one: &'static str,
    /// Team: caption of the divided table.
    pub team_divided_caption: &'static str,
    /// Table column: question.
    pub question: &'static str,
    /// Table column: how answers spread.
    pub answers_spread: &'static str,
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
    /// "antwoord" after 1.
    pub response: &'static str,
    /// Before the ranges, when staff saw them.
    pub ranges_seen: &'static str,
    /// Before the ranges, when staff saw words only.
    pub ranges_not_seen: &'static str,
    /// One response held back (after "1").
    pub held_back_one: &'static str,
    /// Responses held back (after the number).
    pub held_back: &'static str,
    /// Why responses are held back (before k).
    pub held_back_rule: &'static str,
    /// After k, for held-back responses.
    pub held_back_after: &'static str,
    /// The overview chart: heading.
    pub gaps_heading: &'static str,
    /// The overview chart: caption.
    pub gaps_caption: &'static str,
    /// A theme's chart: caption.
    pub theme_caption: &'static str,
    /// How to read a gap chart.
    pub gap_legend: &'static str,
    /// The table of a chart: summary of its details.
    pub table_of_chart: &'static str,
    /// What each percentage is out of.
    pub denominators: &'static str,
    /// Before the staff's middle answer.
    pub middle: &'static str,
    /// Staff answering higher (after a number).
    pub higher: &'static str,
    /// Staff whose answer touches what students say (after a number).
    pub same: &'static str,
    /// Staff answering lower (after a number).
    pub lower: &'static str,
    /// "van" before a total: "van 8".
    pub of_n: &'static str,
    /// "van de" between two numbers.
    pub of_the: &'static str,
    /// After "3 van de 8 medewerkers".
    pub do_not_know: &'static str,
    /// After "1 van de 8 medewerkers" (singular).
    pub do_not_know_one: &'static str,
    /// "medewerkers", in "3 van de 8 medewerkers".
    pub staff_members: &'static str,
    /// After a percentage of students who do not know.
    pub students_unsure: &'static str,
    /// "groepen": the unit of a gap in bands.
    pub bands_word: &'static str,
    /// "procentpunten": the unit of a gap in percentage points.
    pub points_word: &'static str,
    /// The answer "weet ik niet", in a table.
    pub dont_know: &'static str,
    /// Table column: percentage.
    pub share: &'static str,
    /// How to read a statements chart (before the scale).
    pub ordinal_legend: &'static str,
    /// Table column: statement.
    pub statement: &'static str,
    /// Table column: the team's agreement.
    pub agreement: &'static str,
    /// What the team can do next: heading.
    pub steps_heading: &'static str,
    /// What the team can do next: intro (before the source).
    pub steps_intro: &'static str,
    /// "vraag" after 1.
    pub question_one: &'static str,
    /// "vragen" after more than 1.
    pub questions_many: &'static str,
}

/// Dutch.
pub const NL: MirrorWords = MirrorWords {
    setup_heading: "Spiegel: studenten en team naast elkaar",
    setup_intro: "Kies een meting van studenten en een meting van medewerkers. Spiegel laat per thema zien waar het team de studenten goed ziet, en waar niet.",
    choose_students: "Meting van studenten",
    choose_staff: "Meting van medewerkers",
    need_both: "U heeft een meting van studenten en een meting van medewerkers nodig. Maak ze bij Metingen.",
    no_staff_for: "Er is nog geen meting van medewerkers die bij deze studenten past.",
    other_version: "Deze twee metingen passen niet bij elkaar: de vragenlijst van de medewerkers hoort bij een andere versie van de vragenlijst voor studenten. Kies een meting van medewerkers van dezelfde tijd.",
    before_heading: "Vergelijk met een eerdere meting (mag u overslaan)",
    before_intro: "Kies een eerdere meting van studenten en van medewerkers. Dan ziet u wat er veranderd is.",
    before_both: "Kies bij een eerdere meting zowel studenten als medewerkers, of allebei niets.",
    none: "Geen",
    export_file: "Of open een eerdere export (JSON)",
    export_file_hint: "Een bestand dat u eerder met Exporteren voor onderzoek heeft gemaakt. De metingen erin kunt u hierboven kiezen.",
    from_export: "Uit export van",
    locked: "Typ eerst de wachtzin (of oude PIN) van",
    pin_of: "Wachtzin (of oude PIN) van",
    wrong_pin: "Deze wachtzin klopt niet. Probeer het opnieuw.",
    damaged_key: "De sleutel van deze meting is beschadigd. De antwoorden kunnen niet open.",
    unlock: "Openen",
    opening: "Even geduld…",
    compare: "Vergelijk",
    back: "Terug",
    heading: "De spiegel",
    responses: "antwoorden",
    unreadable: "antwoorden op dit apparaat konden niet worden geopend. Ze tellen niet mee.",
    unreadable_one: "1 antwoord op dit apparaat kon niet worden geopend. Het telt niet mee.",
    print: "Print teamrapport",
    print_now: "Print",
    to_overview: "Terug naar het overzicht",
    report_heading: "Teamrapport Spiegel",
    report_k: "Cijfers over minder dan k antwoorden zijn weggelaten,",
    settings: "Instelling: kleine groepen",
    k_label: "Kleinste groep die we laten zien (k)",
    k_hint: "Minder antwoorden dan dit? Dan laten we het cijfer niet zien. Nieuwe antwoorden komen er pas bij als er minstens 5 nieuw zijn. Zo is niemand te herkennen. Het kleinste getal is",
    reset: "Standaard terugzetten",
    summary: "Kort gezegd",
    overview: "Per thema",
    rule_heading: "Hoe komt het oordeel tot stand?",
    tally_names: ["goed gezien", "te laag geschat", "te hoog geschat", "verdeeld", "weet het team niet", "te weinig antwoorden"],
    open_theme: "Bekijk dit thema",
    step: "Stap",
    of_cycle: "van planmatig werken",
    students: "Studenten",
    staff: "Medewerkers",
    students_short: "S",
    staff_short: "M",
    margin: "marge",
    of: "van",
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
    team_divided_one: "vraag verdeelt het team. Over",
    team_agreed: "vragen is het team het eens.",
    team_agreed_one: "vraag is het team het eens.",
    team_divided_caption: "Hier is het team verdeeld: plekken voor teamafspraken",
    question: "Vraag",
    answers_spread: "Zo antwoordden de medewerkers",
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
    response: "antwoord",
    ranges_seen: "De medewerkers zagen bij hun antwoorden deze percentages:",
    ranges_not_seen: "De medewerkers zagen bij hun antwoorden nog geen percentages (een eerdere versie van de vragenlijst). Spiegel leest hun antwoorden zo:",
    held_back_one: "nieuw antwoord telt nog niet mee.",
    held_back: "nieuwe antwoorden tellen nog niet mee.",
    held_back_rule: "Nieuwe antwoorden komen erbij zodra er",
    held_back_after: "nieuw zijn. Zo kan niemand uit het verschil één antwoord halen.",
    gaps_heading: "Alle vragen op een rij",
    gaps_caption: "Per vraag: wat studenten zelf zeggen en wat de medewerkers denken. Het grootste verschil staat bovenaan.",
    theme_caption: "De vragen van dit thema: wat studenten zelf zeggen en wat de medewerkers denken.",
    gap_legend: "Bolletje: wat studenten zeggen, met streepjes de marge. Balken: de antwoorden van medewerkers, over hun percentages; hoe hoger de balk, hoe meer medewerkers. Dik omrand: het middelste antwoord. Lichte balken raken wat studenten zeggen, donkere niet.",
    table_of_chart: "Tabel bij deze figuur",
    denominators: "Percentages van studenten: van de studenten die de vraag kregen en een antwoord gaven, zonder 'Weet ik niet' en 'Sla over'. 'Weet het nog niet': van iedereen die de vraag beantwoordde. Bij medewerkers: van de medewerkers die een antwoord kozen; 'weet het niet' van iedereen die de vraag beantwoordde.",
    middle: "middelste antwoord",
    higher: "hoger",
    same: "raakt",
    lower: "lager",
    of_n: "van",
    of_the: "van de",
    do_not_know: "weten het niet",
    do_not_know_one: "weet het niet",
    staff_members: "medewerkers",
    students_unsure: "weet het nog niet",
    bands_word: "groepen",
    points_word: "procentpunten",
    dont_know: "Weet ik niet",
    share: "Percentage",
    ordinal_legend: "S: gemiddelde van de studenten, M: van de medewerkers, op de schaal",
    statement: "Stelling",
    agreement: "Eensgezindheid",
    steps_heading: "Wat kan het team nu doen?",
    steps_intro: "Elk verschil wijst naar een stap van planmatig werken",
    question_one: "vraag",
    questions_many: "vragen",
};

/// English.
pub const EN: MirrorWords = MirrorWords {
    setup_heading: "Spiegel: students and staff side by side",
    setup_intro: "Choose a survey round of students and a survey round of staff. Spiegel shows per theme where staff see the students right, and where not.",
    choose_students: "Students' survey round",
    choose_staff: "Staff survey round",
    need_both: "You need a survey round of students and a survey round of staff. Make them under Survey rounds.",
    no_staff_for: "There is no staff survey round yet that fits these students.",
    other_version: "These two survey rounds do not fit together: the staff questionnaire belongs to another version of the student questionnaire. Choose a staff survey round from the same time.",
    before_heading: "Compare with an earlier survey round (optional)",
    before_intro: "Choose an earlier survey round of students and of staff. Then you see what has changed.",
    before_both: "For an earlier survey round, choose both students and staff, or neither.",
    none: "None",
    export_file: "Or open an earlier export (JSON)",
    export_file_hint: "A file you made earlier with Export for research. You can then choose its survey rounds above.",
    from_export: "From the export of",
    locked: "First type the passphrase (or old PIN) of",
    pin_of: "Passphrase (or old PIN) of",
    wrong_pin: "This passphrase is not right. Try again.",
    damaged_key: "The key of this survey round is damaged. The responses cannot be opened.",
    unlock: "Open",
    opening: "One moment…",
    compare: "Compare",
    back: "Back",
    heading: "The mirror",
    responses: "responses",
    unreadable: "responses on this device could not be opened. They do not count.",
    unreadable_one: "1 response on this device could not be opened. It does not count.",
    print: "Print team report",
    print_now: "Print",
    to_overview: "Back to the overview",
    report_heading: "Spiegel team report",
    report_k: "Figures about fewer than k responses are left out,",
    settings: "Setting: small groups",
    k_label: "Smallest group we show (k)",
    k_hint: "Fewer responses than this? Then we do not show the figure. New responses are only added once there are at least 5 new ones. This way no one can be recognised. The smallest number is",
    reset: "Back to the defaults",
    summary: "In short",
    overview: "Per theme",
    rule_heading: "How is the verdict made?",
    tally_names: ["seen right", "underestimated", "overestimated", "divided", "not known to staff", "too few answers"],
    open_theme: "View this theme",
    step: "Step",
    of_cycle: "of working to plan",
    students: "Students",
    staff: "Staff",
    students_short: "S",
    staff_short: "T",
    margin: "margin",
    of: "of",
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
    team_divided_one: "question divides the team. On",
    team_agreed: "questions the team agrees.",
    team_agreed_one: "question the team agrees.",
    team_divided_caption: "Here the team is divided: places for team agreements",
    question: "Question",
    answers_spread: "How staff answered",
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
    response: "response",
    ranges_seen: "Staff saw these percentages with their answers:",
    ranges_not_seen: "Staff did not see percentages with their answers yet (an earlier version of the questionnaire). Spiegel reads their answers as:",
    held_back_one: "new response does not count yet.",
    held_back: "new responses do not count yet.",
    held_back_rule: "New responses are added once there are",
    held_back_after: "new ones. This way no one can take a single response from the difference.",
    gaps_heading: "All questions in a row",
    gaps_caption: "Per question: what students say themselves and what staff think. The biggest gap is at the top.",
    theme_caption: "The questions of this theme: what students say themselves and what staff think.",
    gap_legend: "Dot: what students say, with their margin as whiskers. Bars: the staff answers, over their percentages; the taller the bar, the more staff. Thick outline: the middle answer. Light bars touch what students say, dark ones do not.",
    table_of_chart: "Table for this figure",
    denominators: "Percentages of students: of the students who got the question and gave an answer, without 'I don't know' and 'Skip'. 'Does not know yet': of everyone who answered the question. For staff: of the staff who chose an answer; 'do not know' of everyone who answered the question.",
    middle: "middle answer",
    higher: "higher",
    same: "touch",
    lower: "lower",
    of_n: "of",
    of_the: "of the",
    do_not_know: "do not know",
    do_not_know_one: "does not know",
    staff_members: "staff members",
    students_unsure: "do not know yet",
    bands_word: "groups",
    points_word: "percentage points",
    dont_know: "I don't know",
    share: "Percentage",
    ordinal_legend: "S: mean of the students, T: of the staff, on the scale",
    statement: "Statement",
    agreement: "Agreement",
    steps_heading: "What can the team do now?",
    steps_intro: "Every gap points to a step of working to plan",
    question_one: "question",
    questions_many: "questions",
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
