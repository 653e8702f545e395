//! The app's own words in Dutch (B1: short sentences, everyday words) and English.
//!
//! Every text is a field of [`Words`], and both languages are complete constants, so a
//! missing translation is a compile error. Instrument texts come from the instrument.

pub mod collect;

use leptos::prelude::*;

use crate::domain::instrument::Audience;
use crate::domain::session::{AnswerProblem, SessionError};
use crate::domain::text::Lang;

/// All fixed texts of the interface in one language.
pub struct Words {
    /// Name of the app.
    pub app_name: &'static str,
    /// Label of the language switch.
    pub language: &'static str,
    /// Start screen: heading.
    pub start_heading: &'static str,
    /// Start screen: what Spiegel is.
    pub start_intro: &'static str,
    /// Start screen: question before the role buttons.
    pub start_who: &'static str,
    /// Role button: student.
    pub role_student: &'static str,
    /// Role button: staff.
    pub role_staff: &'static str,
    /// Heading of the own-instrument part (start screen and its own screen).
    pub own_heading: &'static str,
    /// Start screen: what own instruments are.
    pub own_intro: &'static str,
    /// Start screen: heading above own instruments on this device.
    pub own_on_device: &'static str,
    /// Button: open an own instrument file.
    pub own_open: &'static str,
    /// Start screen: privacy promise.
    pub start_privacy: &'static str,
    /// Button: begin.
    pub begin: &'static str,
    /// Progress: "van" between the numbers.
    pub of: &'static str,
    /// Label of the progress bar.
    pub progress: &'static str,
    /// Button: previous.
    pub back: &'static str,
    /// Button: next.
    pub next: &'static str,
    /// Button: skip.
    pub skip: &'static str,
    /// Option: don't know.
    pub dont_know: &'static str,
    /// Hint for multiple choice.
    pub choose_any: &'static str,
    /// Hint for multiple choice with a maximum: before the number.
    pub choose_at_most: &'static str,
    /// Note under open text questions.
    pub open_text_privacy: &'static str,
    /// Number field: "from".
    pub number_from: &'static str,
    /// Number field: "to".
    pub number_to: &'static str,
    /// Characters left (after the number).
    pub chars_left: &'static str,
    /// One character left (after the number 1).
    pub char_left: &'static str,
    /// Optional question marker.
    pub optional: &'static str,
    /// End screen: heading.
    pub end_heading: &'static str,
    /// End screen: all done.
    pub end_ready: &'static str,
    /// End screen: some answers missing.
    pub end_missing: &'static str,
    /// Button: send.
    pub submit: &'static str,
    /// End screen: sending failed, the answers are still here.
    pub send_failed: &'static str,
    /// Banner: storage blocked.
    pub storage_blocked: &'static str,
    /// Banner: storage full.
    pub storage_full: &'static str,
    /// Banner: storage failed.
    pub storage_failed: &'static str,
    /// Banner: the same run is open in another tab.
    pub other_tab: &'static str,
    /// Notice: a corrupt entry was set aside.
    pub set_aside: &'static str,
    /// Notice: some old answers no longer fit.
    pub answers_dropped: &'static str,
    /// Button: close a notice.
    pub close: &'static str,
    /// Error: required.
    pub err_required: &'static str,
    /// Error: required, with "weet ik niet" available.
    pub err_required_dont_know: &'static str,
    /// Error: number out of range.
    pub err_range: &'static str,
    /// Error: too many choices (before the number).
    pub err_too_many: &'static str,
    /// Error: text too long (before the number).
    pub err_too_long: &'static str,
    /// Error: not a whole number.
    pub err_not_a_number: &'static str,
    /// Error: anything else.
    pub err_other: &'static str,
    /// Error: the built-in instrument could not be read (a bug).
    pub err_instrument: &'static str,
    /// A built-in vragenlijst could not be fetched (no network, no offline copy yet).
    pub err_builtin_load: &'static str,
    /// While a vragenlijst is fetched.
    pub loading: &'static str,
    /// Progress: "Deel" before "3 van 8".
    pub part: &'static str,
    /// Progress of a vragenlijst in one part: after the percentage.
    pub percent_done: &'static str,
    /// A trial run: shown on every screen of it.
    pub trial_badge: &'static str,
    /// A trial's end screen: what happens now.
    pub trial_end: &'static str,
    /// Button: end the trial.
    pub trial_finish: &'static str,
    /// After a trial: heading.
    pub trial_done_heading: &'static str,
    /// After a trial: the answers are gone; how to take part for real.
    pub trial_done_text: &'static str,
    /// Button: back to the start screen.
    pub to_start: &'static str,
    /// Button: stop the run.
    pub stop: &'static str,
    /// Stop dialog: heading.
    pub stop_heading: &'static str,
    /// Stop dialog, trial: what happens with the answers.
    pub stop_trial: &'static str,
    /// Stop dialog, own device: what happens with the answers.
    pub stop_meting: &'static str,
    /// Stop dialog, kiosk: what happens with the answers.
    pub stop_kiosk: &'static str,
    /// Button: yes, stop and wipe.
    pub stop_yes: &'static str,
    /// Button: no, go on.
    pub stop_no: &'static str,
    /// Matrix: one statement still needs an answer (before the statement).
    pub row_open_one: &'static str,
    /// Matrix: several statements still need an answer (before the list).
    pub row_open_many: &'static str,
}

/// Dutch, level B1.
pub const NL: Words = Words {
    app_name: "Spiegel",
    language: "Taal",
    start_heading: "Welkom bij Spiegel",
    start_intro: "Met Spiegel zie je wat studenten nodig hebben. En wat docenten en begeleiders denken dat studenten nodig hebben.",
    start_who: "Wie ben jij?",
    role_student: "Ik ben student",
    role_staff: "Ik ben medewerker",
    start_privacy: "Je naam wordt niet gevraagd. Je antwoorden gaan op slot. Alleen je team kan ze openen.",
    own_heading: "Eigen vragenlijst",
    own_intro: "Voor onderzoekers en teams: open een eigen vragenlijst (een JSON-bestand).",
    own_on_device: "Op dit apparaat:",
    own_open: "Eigen vragenlijst openen",
    begin: "Beginnen",
    of: "van",
    progress: "Voortgang",
    back: "Vorige",
    next: "Volgende",
    skip: "Sla over",
    dont_know: "Weet ik niet",
    choose_any: "Je mag meer antwoorden kiezen.",
    choose_at_most: "Kies er hoogstens",
    open_text_privacy: "Schrijf geen namen op. Niet van jezelf en niet van anderen.",
    number_from: "van",
    number_to: "tot en met",
    chars_left: "tekens over",
    char_left: "teken over",
    optional: "Deze vraag mag je overslaan.",
    end_heading: "Klaar met de vragen",
    end_ready: "Je hebt alle vragen gehad. Klik op Versturen. Dan gaan je antwoorden op slot.",
    end_missing: "Deze vragen hebben nog geen antwoord:",
    submit: "Versturen",
    send_failed: "Versturen lukte niet: dit apparaat kan nu niets bewaren. Je antwoorden staan nog hier. Probeer het zo nog een keer, of vraag je docent om hulp.",
    storage_blocked: "Deze browser bewaart niets. Je kunt gewoon verder. Sluit dit scherm niet voordat je klaar bent.",
    storage_full: "Het geheugen van deze browser is vol. Je kunt gewoon verder. Sluit dit scherm niet voordat je klaar bent.",
    storage_failed: "Bewaren lukte net niet. Je kunt gewoon verder. Sluit dit scherm niet voordat je klaar bent.",
    other_tab: "Deze vragenlijst is al open in een ander tabblad. Ga in dat tabblad verder. Hier wordt niets bewaard.",
    set_aside: "Er stonden kapotte gegevens op dit apparaat. We hebben ze apart gezet. Je begint opnieuw.",
    answers_dropped: "De vragenlijst is veranderd. Een paar oude antwoorden passen niet meer. Die vragen krijg je opnieuw.",
    close: "Sluiten",
    err_required: "Kies eerst een antwoord.",
    err_required_dont_know: "Kies eerst een antwoord. Weet je het niet? Kies dan 'Weet ik niet'.",
    err_range: "Vul een getal in dat past.",
    err_too_many: "Je mag er hoogstens zoveel kiezen:",
    err_too_long: "Je tekst is te lang. Het mogen hoogstens zoveel tekens zijn:",
    err_not_a_number: "Vul een heel getal in, zoals 2.",
    err_other: "Dat lukte niet. Probeer het nog een keer.",
    err_instrument: "De vragenlijst kan niet worden geladen. Dit is een fout in Spiegel.",
    err_builtin_load: "De vragenlijst kon niet laden. Controleer de internetverbinding en laad de pagina opnieuw.",
    loading: "De vragenlijst laadt…",
    part: "Deel",
    percent_done: "klaar",
    trial_badge: "Proef: je antwoorden gaan nergens heen.",
    trial_end: "Dit was een proef. Je antwoorden worden niet verstuurd. Klik op Klaar. Dan worden ze gewist.",
    trial_finish: "Klaar",
    trial_done_heading: "Klaar met proberen",
    trial_done_text: "Je antwoorden zijn gewist. Ze gaan nergens heen. Wil je echt meedoen? Open dan de uitnodiging van je docent.",
    to_start: "Terug naar het begin",
    stop: "Stoppen",
    stop_heading: "Wil je stoppen?",
    stop_trial: "Je proefantwoorden worden gewist.",
    stop_meting: "Je antwoorden worden gewist van dit apparaat. Er wordt niets verstuurd. Wil je later verder? Sluit dan alleen dit scherm en open de link later opnieuw.",
    stop_kiosk: "Je antwoorden worden gewist. Er wordt niets verstuurd. Daarna kan de volgende student beginnen.",
    stop_yes: "Ja, stop en wis mijn antwoorden",
    stop_no: "Nee, ga verder",
    row_open_one: "Deze zin heeft nog geen antwoord:",
    row_open_many: "Deze zinnen hebben nog geen antwoord:",
};

/// Dutch for staff: the same words, addressed with "u".
pub const NL_U: Words = Words {
    choose_any: "U mag meer antwoorden kiezen.",
    open_text_privacy: "Schrijf geen namen op. Niet van uzelf en niet van anderen.",
    optional: "Deze vraag mag u overslaan.",
    end_ready: "U hebt alle vragen gehad. Klik op Versturen. Dan gaan uw antwoorden op slot.",
    send_failed: "Versturen lukte niet: dit apparaat kan nu niets bewaren. Uw antwoorden staan nog hier. Probeer het zo nog een keer.",
    storage_blocked: "Deze browser bewaart niets. U kunt gewoon verder. Sluit dit scherm niet voordat u klaar bent.",
    storage_full: "Het geheugen van deze browser is vol. U kunt gewoon verder. Sluit dit scherm niet voordat u klaar bent.",
    storage_failed: "Bewaren lukte net niet. U kunt gewoon verder. Sluit dit scherm niet voordat u klaar bent.",
    set_aside: "Er stonden kapotte gegevens op dit apparaat. Die zijn apart gezet. U begint opnieuw.",
    answers_dropped: "De vragenlijst is veranderd. Een paar oude antwoorden passen niet meer. Die vragen krijgt u opnieuw.",
    err_required_dont_know: "Kies eerst een antwoord. Weet u het niet? Kies dan 'Weet ik niet'.",
    err_too_many: "U mag er hoogstens zoveel kiezen:",
    err_too_long: "Uw tekst is te lang. Het mogen hoogstens zoveel tekens zijn:",
    trial_badge: "Proef: uw antwoorden gaan nergens heen.",
    trial_end: "Dit was een proef. Uw antwoorden worden niet verstuurd. Klik op Klaar. Dan worden ze gewist.",
    trial_done_text: "Uw antwoorden zijn gewist. Ze gaan nergens heen. Wilt u echt meedoen? Open dan de uitnodiging van uw team.",
    stop_heading: "Wilt u stoppen?",
    stop_trial: "Uw proefantwoorden worden gewist.",
    stop_meting: "Uw antwoorden worden gewist van dit apparaat. Er wordt niets verstuurd. Wilt u later verder? Sluit dan alleen dit scherm en open de link later opnieuw.",
    stop_kiosk: "Uw antwoorden worden gewist. Er wordt niets verstuurd. Daarna kan de volgende beginnen.",
    stop_yes: "Ja, stop en wis mijn antwoorden",
    ..NL
};

/// English.
pub const EN: Words = Words {
    app_name: "Spiegel",
    language: "Language",
    start_heading: "Welcome to Spiegel",
    start_intro: "Spiegel shows what students need. And what teachers and mentors think students need.",
    start_who: "Who are you?",
    role_student: "I am a student",
    role_staff: "I am a staff member",
    start_privacy: "We do not ask your name. Your answers are locked. Only your team can open them.",
    own_heading: "Own questionnaire",
    own_intro: "For researchers and teams: open your own questionnaire (a JSON file).",
    own_on_device: "On this device:",
    own_open: "Open own questionnaire",
    begin: "Start",
    of: "of",
    progress: "Progress",
    back: "Previous",
    next: "Next",
    skip: "Skip",
    dont_know: "I don't know",
    choose_any: "You may choose more than one answer.",
    choose_at_most: "Choose at most",
    open_text_privacy: "Do not write any names. Not yours and not anyone else's.",
    number_from: "from",
    number_to: "to",
    chars_left: "characters left",
    char_left: "character left",
    optional: "You may skip this question.",
    end_heading: "All questions done",
    end_ready: "You have seen all questions. Click Send. Then your answers are locked.",
    end_missing: "These questions have no answer yet:",
    submit: "Send",
    send_failed: "Sending failed: this device cannot save anything right now. Your answers are still here. Try again in a moment, or ask your teacher for help.",
    storage_blocked: "This browser does not save anything. You can go on. Do not close this screen until you are done.",
    storage_full: "This browser's storage is full. You can go on. Do not close this screen until you are done.",
    storage_failed: "Saving just failed. You can go on. Do not close this screen until you are done.",
    other_tab: "This questionnaire is already open in another tab. Go on in that tab. Nothing is saved here.",
    set_aside: "There was damaged data on this device. We put it aside. You start again.",
    answers_dropped: "The questionnaire has changed. Some old answers no longer fit. You will get those questions again.",
    close: "Close",
    err_required: "Please choose an answer first.",
    err_required_dont_know: "Please choose an answer first. Don't know? Then choose 'I don't know'.",
    err_range: "Please enter a number that fits.",
    err_too_many: "You may choose at most this many:",
    err_too_long: "Your text is too long. The most characters allowed:",
    err_not_a_number: "Please enter a whole number, like 2.",
    err_other: "That did not work. Please try again.",
    err_instrument: "The questionnaire could not be loaded. This is a bug in Spiegel.",
    err_builtin_load: "The questionnaire could not load. Check the internet connection and reload the page.",
    loading: "The questionnaire is loading…",
    part: "Part",
    percent_done: "done",
    trial_badge: "Trial: your answers go nowhere.",
    trial_end: "This was a trial. Your answers are not sent. Click Done. Then they are wiped.",
    trial_finish: "Done",
    trial_done_heading: "Done trying",
    trial_done_text: "Your answers are wiped. They go nowhere. Do you want to take part for real? Then open the invitation from your teacher.",
    to_start: "Back to the start",
    stop: "Stop",
    stop_heading: "Do you want to stop?",
    stop_trial: "Your trial answers are wiped.",
    stop_meting: "Your answers are wiped from this device. Nothing is sent. Do you want to go on later? Then only close this screen and open the link again later.",
    stop_kiosk: "Your answers are wiped. Nothing is sent. Then the next student can start.",
    stop_yes: "Yes, stop and wipe my answers",
    stop_no: "No, go on",
    row_open_one: "This statement has no answer yet:",
    row_open_many: "These statements have no answer yet:",
};

/// How the interface addresses the reader: students with "je", staff with "u" (only
/// Dutch makes the difference).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Address {
    /// "je": students.
    #[default]
    Je,
    /// "u": staff.
    U,
}

impl Address {
    /// "u" for a staff vragenlijst, "je" for a student one.
    pub fn of(audience: Audience) -> Address {
        match audience {
            Audience::Staff => Address::U,
            Audience::Student => Address::Je,
        }
    }
}

/// Who the screens speak to now. Each app provides it ([`crate::ui::shell`]): the team
/// app always "u", the student app "u" while a staff vragenlijst is open.
#[derive(Clone, Copy)]
pub struct AddressContext(pub RwSignal<Address>);

/// The address the app set ("je" outside an app, e.g. a component mounted in a test).
pub fn use_address() -> RwSignal<Address> {
    use_context::<AddressContext>().map_or_else(|| RwSignal::new(Address::Je), |c| c.0)
}

/// The words for a language, addressing students ("je").
pub fn words(lang: Lang) -> &'static Words {
    words_for(lang, Address::Je)
}

/// The words for a language and an address.
pub fn words_for(lang: Lang, address: Address) -> &'static Words {
    match (lang, address) {
        (Lang::Nl, Address::Je) => &NL,
        (Lang::Nl, Address::U) => &NL_U,
        (Lang::En, _) => &EN,
    }
}

/// The words for a language and the address the app set now (read once: screens are
/// rebuilt when it changes).
pub fn use_words(lang: Lang) -> &'static Words {
    words_for(lang, use_address().get_untracked())
}

/// `n` with the singular or the plural after it: "1 antwoord", "3 antwoorden".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A friendly message for a refused action. `dont_know` tells whether the question on
/// screen offers "weet ik niet", so the message can point to it; `rows` are the texts
/// of a matrix's statements that still need an answer.
pub fn session_error(w: &Words, e: &SessionError, dont_know: bool, rows: &[String]) -> String {
    match e {
        SessionError::AnswerRequired { .. } if dont_know => w.err_required_dont_know.into(),
        SessionError::AnswerRequired { .. } => w.err_required.into(),
        SessionError::RowsMissing { .. } => {
            let quoted: Vec<String> = rows.iter().map(|r| format!("'{r}'")).collect();
            let lead = if rows.len() == 1 { w.row_open_one } else { w.row_open_many };
            format!("{lead} {}", quoted.join(", "))
        }
        SessionError::InvalidAnswer { reason, .. } => match reason {
            AnswerProblem::OutOfRange { min, max } => {
                format!("{} ({} {min} {} {max})", w.err_range, w.number_from, w.number_to)
            }
            AnswerProblem::TooMany { max } => format!("{} {max}", w.err_too_many),
            AnswerProblem::TooLong { max } => format!("{} {max}", w.err_too_long),
            _ => w.err_other.into(),
        },
        SessionError::NotReady { missing } => format!("{} ({missing})", w.end_missing),
        _ => w.err_other.into(),
    }
}
