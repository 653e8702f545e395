//! The words of collecting that a student's phone (or a kiosk) shows: the start
//! screen's way to the team page, the invitation, the receipt and the kiosk hand-over.
//! Kept apart from the team's words ([`crate::ui::team::i18n::team`]), so the student
//! app carries only these. Same rules as [`crate::ui::i18n::Words`]: both languages
//! complete, B1 Dutch.

use crate::domain::text::Lang;

/// The collecting words of the student app, in one language.
pub struct CollectWords {
    /// Button: back.
    pub back: &'static str,
    /// Start screen: heading of the team part.
    pub team_heading: &'static str,
    /// Start screen: what the team part is.
    pub team_intro: &'static str,
    /// Button: open the metingen.
    pub team_open: &'static str,
    /// Invitation: intro for the respondent.
    pub invite_intro: &'static str,
    /// Invitation: what happens with the answers.
    pub invite_sealed: &'static str,
    /// Invitation: this device is shared.
    pub invite_kiosk: &'static str,
    /// Button: begin.
    pub begin: &'static str,
    /// Invitation: the link cannot be read (before the reason).
    pub invite_broken: &'static str,
    /// Invitation: the vragenlijst is not on this device.
    pub invite_missing: &'static str,
    /// Invitation: already answered on this device.
    pub invite_answered: &'static str,
    /// Button: show my receipt again.
    pub invite_show_receipt: &'static str,
    /// Kiosk: a run was left half way.
    pub kiosk_half: &'static str,
    /// Button: go on with it.
    pub kiosk_continue: &'static str,
    /// Button: wipe it and start fresh.
    pub kiosk_wipe: &'static str,
    /// Receipt: heading.
    pub receipt_heading: &'static str,
    /// Receipt: what to do.
    pub receipt_intro: &'static str,
    /// Receipt: QR title (for screen readers).
    pub receipt_qr_title: &'static str,
    /// Receipt: "Code" before "n van m".
    pub code: &'static str,
    /// "van" between numbers.
    pub of: &'static str,
    /// Button: next code.
    pub next_code: &'static str,
    /// Button: previous code.
    pub prev_code: &'static str,
    /// Button: download the response file.
    pub download: &'static str,
    /// Receipt: the answer is also kept on this device.
    pub receipt_kept: &'static str,
    /// Receipt: the device could not keep it.
    pub receipt_not_kept: &'static str,
    /// Button: remove from this device.
    pub receipt_remove: &'static str,
    /// Receipt: removed.
    pub receipt_removed: &'static str,
    /// Handover: heading.
    pub handover_heading: &'static str,
    /// Handover: pass the device on.
    pub handover_text: &'static str,
    /// Button: next student.
    pub handover_next: &'static str,
    /// Handover: teacher part heading.
    pub handover_teacher: &'static str,
    /// Handover: "sealed responses waiting" (after the count).
    pub handover_waiting: &'static str,
    /// Button: download all waiting responses.
    pub handover_collect: &'static str,
    /// Button: remove the downloaded responses.
    pub handover_clear: &'static str,
    /// Handover: removed.
    pub handover_cleared: &'static str,
    /// Button: stop kiosk mode.
    pub kiosk_stop: &'static str,
}

/// Dutch.
pub const NL: CollectWords = CollectWords {
    back: "Terug",
    team_heading: "Voor het team",
    team_intro: "Laat een klas de vragenlijst invullen en verzamel de antwoorden op dit apparaat.",
    team_open: "Metingen",
    invite_intro: "Je team vraagt je deze vragenlijst in te vullen.",
    invite_sealed: "Je antwoorden gaan op slot. Alleen je team kan ze openen. Je naam wordt niet gevraagd.",
    invite_kiosk: "Dit apparaat is voor de hele klas. Na het versturen wordt alles gewist. Dan kan de volgende student beginnen.",
    begin: "Begin",
    invite_broken: "Deze uitnodiging werkt niet. Vraag je docent om een nieuwe link.",
    invite_missing: "Deze vragenlijst staat niet op dit apparaat. Vraag je docent om hulp.",
    invite_answered: "Je hebt deze vragenlijst al ingevuld op dit apparaat.",
    invite_show_receipt: "Laat mijn antwoorden zien",
    kiosk_half: "Hier is al een vragenlijst begonnen. Was jij dat?",
    kiosk_continue: "Ja, ga verder",
    kiosk_wipe: "Nee, wis alles en begin opnieuw",
    receipt_heading: "Bedankt! Nu nog inleveren",
    receipt_intro: "Je antwoorden zitten op slot. Lever ze in bij je docent. Laat de QR-code scannen. Of stuur het antwoordbestand.",
    receipt_qr_title: "QR-code met je antwoorden, op slot",
    code: "Code",
    of: "van",
    next_code: "Volgende code",
    prev_code: "Vorige code",
    download: "Download antwoordbestand",
    receipt_kept: "Je antwoorden staan ook op dit apparaat, op slot. Zo raak je ze niet kwijt.",
    receipt_not_kept: "Dit apparaat kon je antwoorden niet bewaren. Lever ze nu in.",
    receipt_remove: "Ik heb ze ingeleverd. Haal ze weg van dit apparaat.",
    receipt_removed: "Je antwoorden zijn weg van dit apparaat.",
    handover_heading: "Bedankt! Je antwoorden zijn opgeslagen.",
    handover_text: "Geef het apparaat door aan de volgende student.",
    handover_next: "Volgende student",
    handover_teacher: "Voor de docent",
    handover_waiting: "antwoorden wachten op dit apparaat, op slot.",
    handover_collect: "Download alle antwoorden",
    handover_clear: "Haal de gedownloade antwoorden weg van dit apparaat",
    handover_cleared: "De antwoorden zijn weg van dit apparaat.",
    kiosk_stop: "Stop de kioskmodus",
};

/// English.
pub const EN: CollectWords = CollectWords {
    back: "Back",
    team_heading: "For the team",
    team_intro: "Let a class fill in the questionnaire and collect the responses on this device.",
    team_open: "Metingen",
    invite_intro: "Your team asks you to fill in this questionnaire.",
    invite_sealed: "Your answers are locked. Only your team can open them. Your name is not asked.",
    invite_kiosk: "This device is for the whole class. After sending, everything is wiped. Then the next student can start.",
    begin: "Begin",
    invite_broken: "This invitation does not work. Ask your teacher for a new link.",
    invite_missing: "This questionnaire is not on this device. Ask your teacher for help.",
    invite_answered: "You already filled in this questionnaire on this device.",
    invite_show_receipt: "Show my answers",
    kiosk_half: "A questionnaire was already started here. Was that you?",
    kiosk_continue: "Yes, go on",
    kiosk_wipe: "No, wipe everything and start again",
    receipt_heading: "Thank you! Now hand it in",
    receipt_intro: "Your answers are locked. Hand them in to your teacher. Let them scan the QR code. Or send the response file.",
    receipt_qr_title: "QR code with your answers, locked",
    code: "Code",
    of: "of",
    next_code: "Next code",
    prev_code: "Previous code",
    download: "Download response file",
    receipt_kept: "Your answers are also on this device, locked. So you do not lose them.",
    receipt_not_kept: "This device could not keep your answers. Hand them in now.",
    receipt_remove: "I handed them in. Remove them from this device.",
    receipt_removed: "Your answers are gone from this device.",
    handover_heading: "Thank you! Your answers are saved.",
    handover_text: "Pass the device on to the next student.",
    handover_next: "Next student",
    handover_teacher: "For the teacher",
    handover_waiting: "responses are waiting on this device, locked.",
    handover_collect: "Download all responses",
    handover_clear: "Remove the downloaded responses from this device",
    handover_cleared: "The responses are gone from this device.",
    kiosk_stop: "Stop kiosk mode",
};

/// The collecting words in `lang`.
pub fn collect_words(lang: Lang) -> &'static CollectWords {
    match lang {
        Lang::Nl => &NL,
        Lang::En => &EN,
    }
}
