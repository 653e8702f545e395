//! The app's own words in Dutch (B1: short sentences, everyday words) and English.
//!
//! Every text is a field of [`Words`], and both languages are complete constants, so a
//! missing translation is a compile error. Instrument texts come from the instrument.

pub mod collect;

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
    /// Own screen: explanation.
    pub own_explain: &'static str,
    /// Own screen: file field label.
    pub own_choose: &'static str,
    /// Own screen: the file has problems (before the count).
    pub own_problems: &'static str,
    /// Own screen: the file could not be read.
    pub own_unreadable: &'static str,
    /// Own screen: loaded (before the title).
    pub own_loaded: &'static str,
    /// Own screen: "questions" after the count.
    pub own_items: &'static str,
    /// Own screen: kept on the device.
    pub own_saved: &'static str,
    /// Own screen: usable, but not kept.
    pub own_not_saved: &'static str,
    /// Own screen: start button.
    pub own_start: &'static str,
    /// Start screen: privacy promise.
    pub start_privacy: &'static str,
    /// Button: begin.
    pub begin: &'static str,
    /// Progress: "Vraag" before the number.
    pub question: &'static str,
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
    /// Done screen: heading.
    pub done_heading: &'static str,
    /// Done screen: saved.
    pub done_saved: &'static str,
    /// Done screen: kept in memory only (storage blocked).
    pub done_not_saved: &'static str,
    /// Button: back to start.
    pub to_start: &'static str,
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
    /// Error: matrix rows missing (after the number).
    pub err_rows_missing: &'static str,
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
    start_privacy: "Je naam wordt niet gevraagd. Je antwoorden blijven op dit apparaat.",
    own_heading: "Eigen vragenlijst",
    own_intro: "Voor onderzoekers en teams: open een eigen vragenlijst (een JSON-bestand).",
    own_on_device: "Op dit apparaat:",
    own_open: "Eigen vragenlijst openen",
    own_explain: "Spiegel controleert het bestand. Heeft het fouten, dan zie je ze hier allemaal, met de plek in het bestand. Een bestand met fouten wordt niet bewaard en verandert niets.",
    own_choose: "Kies een bestand",
    own_problems: "Dit bestand heeft fouten. Er is niets bewaard of veranderd",
    own_unreadable: "Dit bestand kan niet worden gelezen.",
    own_loaded: "Geopend",
    own_items: "vragen",
    own_saved: "De vragenlijst is bewaard op dit apparaat.",
    own_not_saved: "Let op: de vragenlijst kan niet worden bewaard op dit apparaat. Je kunt hem nu wel gebruiken.",
    own_start: "Start deze vragenlijst",
    begin: "Beginnen",
    question: "Vraag",
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
    optional: "Deze vraag mag je overslaan.",
    end_heading: "Klaar met de vragen",
    end_ready: "Je hebt alle vragen gehad. Klik op Versturen om je antwoorden te bewaren.",
    end_missing: "Deze vragen hebben nog geen antwoord:",
    submit: "Versturen",
    send_failed: "Versturen lukte niet: dit apparaat kan nu niets bewaren. Je antwoorden staan nog hier. Probeer het zo nog een keer, of vraag je docent om hulp.",
    done_heading: "Dank je wel!",
    done_saved: "Je antwoorden zijn bewaard op dit apparaat.",
    done_not_saved: "Let op: je antwoorden konden niet worden bewaard op dit apparaat. Sluit dit scherm niet. Vraag je docent om hulp.",
    to_start: "Terug naar het begin",
    storage_blocked: "Deze browser bewaart niets. Je kunt gewoon verder. Sluit dit scherm niet voordat je klaar bent.",
    storage_full: "Het geheugen van deze browser is vol. Je kunt gewoon verder. Sluit dit scherm niet voordat je klaar bent.",
    storage_failed: "Bewaren lukte net niet. Je kunt gewoon verder. Sluit dit scherm niet voordat je klaar bent.",
    other_tab: "Deze vragenlijst is al open in een ander tabblad. Ga in dat tabblad verder. Hier wordt niets bewaard.",
    set_aside: "Er stonden kapotte gegevens op dit apparaat. We hebben ze apart gezet. Je begint opnieuw.",
    answers_dropped: "De vragenlijst is veranderd. Een paar oude antwoorden passen niet meer. Die vragen krijg je opnieuw.",
    close: "Sluiten",
    err_required: "Kies eerst een antwoord.",
    err_required_dont_know: "Kies eerst een antwoord. Weet je het niet? Kies dan 'Weet ik niet'.",
    err_rows_missing: "zinnen hebben nog geen antwoord.",
    err_range: "Vul een getal in dat past.",
    err_too_many: "Je mag er hoogstens zoveel kiezen:",
    err_too_long: "Je tekst is te lang. Het mogen hoogstens zoveel tekens zijn:",
    err_not_a_number: "Vul een heel getal in, zoals 2.",
    err_other: "Dat lukte niet. Probeer het nog een keer.",
    err_instrument: "De vragenlijst kan niet worden geladen. Dit is een fout in Spiegel.",
    err_builtin_load: "De vragenlijst kon niet laden. Controleer de internetverbinding en laad de pagina opnieuw.",
    loading: "De vragenlijst laadt…",
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
    start_privacy: "We do not ask your name. Your answers stay on this device.",
    own_heading: "Own questionnaire",
    own_intro: "For researchers and teams: open your own questionnaire (a JSON file).",
    own_on_device: "On this device:",
    own_open: "Open own questionnaire",
    own_explain: "Spiegel checks the file. If it has errors, you see all of them here, with their place in the file. A file with errors is not kept and changes nothing.",
    own_choose: "Choose a file",
    own_problems: "This file has errors. Nothing was kept or changed",
    own_unreadable: "This file cannot be read.",
    own_loaded: "Opened",
    own_items: "questions",
    own_saved: "The questionnaire is kept on this device.",
    own_not_saved: "Note: the questionnaire cannot be kept on this device. You can use it now.",
    own_start: "Start this questionnaire",
    begin: "Start",
    question: "Question",
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
    optional: "You may skip this question.",
    end_heading: "All questions done",
    end_ready: "You have seen all questions. Click Send to save your answers.",
    end_missing: "These questions have no answer yet:",
    submit: "Send",
    send_failed: "Sending failed: this device cannot save anything right now. Your answers are still here. Try again in a moment, or ask your teacher for help.",
    done_heading: "Thank you!",
    done_saved: "Your answers are saved on this device.",
    done_not_saved: "Note: your answers could not be saved on this device. Do not close this screen. Ask your teacher for help.",
    to_start: "Back to the start",
    storage_blocked: "This browser does not save anything. You can go on. Do not close this screen until you are done.",
    storage_full: "This browser's storage is full. You can go on. Do not close this screen until you are done.",
    storage_failed: "Saving just failed. You can go on. Do not close this screen until you are done.",
    other_tab: "This questionnaire is already open in another tab. Go on in that tab. Nothing is saved here.",
    set_aside: "There was damaged data on this device. We put it aside. You start again.",
    answers_dropped: "The questionnaire has changed. Some old answers no longer fit. You will get those questions again.",
    close: "Close",
    err_required: "Please choose an answer first.",
    err_required_dont_know: "Please choose an answer first. Don't know? Then choose 'I don't know'.",
    err_rows_missing: "statements have no answer yet.",
    err_range: "Please enter a number that fits.",
    err_too_many: "You may choose at most this many:",
    err_too_long: "Your text is too long. The most characters allowed:",
    err_not_a_number: "Please enter a whole number, like 2.",
    err_other: "That did not work. Please try again.",
    err_instrument: "The questionnaire could not be loaded. This is a bug in Spiegel.",
    err_builtin_load: "The questionnaire could not load. Check the internet connection and reload the page.",
    loading: "The questionnaire is loading…",
};

/// The words for a language.
pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Nl => &NL,
        Lang::En => &EN,
    }
}

/// A friendly message for a refused action. `dont_know` tells whether the question on
/// screen offers "weet ik niet", so the message can point to it.
pub fn session_error(lang: Lang, e: &SessionError, dont_know: bool) -> String {
    let w = words(lang);
    match e {
        SessionError::AnswerRequired { .. } if dont_know => w.err_required_dont_know.into(),
        SessionError::AnswerRequired { .. } => w.err_required.into(),
        SessionError::RowsMissing { missing, .. } => format!("{missing} {}", w.err_rows_missing),
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
