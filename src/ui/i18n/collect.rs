//! The words of collecting that a student's phone (or a kiosk) shows: the start
//! screen's way in with an invitation, the invitation, the receipt and the kiosk
//! hand-over. Kept apart from the team's words ([`crate::ui::team::i18n::team`]), so the
//! student app carries only these. Same rules as [`crate::ui::i18n::Words`]: both
//! languages complete, B1 Dutch, students addressed with "je" and staff with "u".

use crate::domain::text::Lang;
use crate::ui::i18n::Address;

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
    /// Way in: heading.
    pub join_heading: &'static str,
    /// Way in: the numbered steps to open an invitation.
    pub join_steps: [&'static str; 2],
    /// Way in: label of the field to paste a link in.
    pub join_paste: &'static str,
    /// Button: open the pasted link.
    pub join_open: &'static str,
    /// Way in: the pasted text is not an invitation link.
    pub join_not_a_link: &'static str,
    /// Way in: heading of the trial part.
    pub trial_heading: &'static str,
    /// Way in: what a trial is.
    pub trial_intro: &'static str,
    /// Button: start a trial.
    pub trial_start: &'static str,
    /// Invitation: intro for the respondent.
    pub invite_intro: &'static str,
    /// Invitation: what happens with the answers.
    pub invite_sealed: &'static str,
    /// Invitation: this device is shared.
    pub invite_kiosk: &'static str,
    /// Button: begin.
    pub begin: &'static str,
    /// Invitation: the link is damaged (a character changed, a part cut off).
    pub invite_broken: &'static str,
    /// Invitation: the link misses a part (cut off while copying).
    pub invite_incomplete: &'static str,
    /// Invitation: the vragenlijst is not on this device.
    pub invite_missing: &'static str,
    /// Invitation: already answered on this device.
    pub invite_answered: &'static str,
    /// Button: show my receipt again.
    pub invite_show_receipt: &'static str,
    /// Kiosk: the run someone left was wiped when the page opened.
    pub kiosk_wiped: &'static str,
    /// Kiosk: heading of the "are you still there" countdown.
    pub idle_heading: &'static str,
    /// Kiosk: the countdown, before the seconds.
    pub idle_before: &'static str,
    /// Kiosk: one second (the countdown's unit, singular).
    pub idle_second: &'static str,
    /// Kiosk: seconds (the countdown's unit, plural).
    pub idle_seconds: &'static str,
    /// Kiosk: the countdown, after the seconds.
    pub idle_after: &'static str,
    /// Button: I am still here.
    pub idle_stay: &'static str,
    /// Receipt: heading.
    pub receipt_heading: &'static str,
    /// Receipt: what to do.
    pub receipt_intro: &'static str,
    /// Receipt: the answers need more codes (before the count).
    pub receipt_codes_before: &'static str,
    /// Receipt: the answers need more codes (after the count).
    pub receipt_codes: &'static str,
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
    /// Button: show the code full screen.
    pub show_large: &'static str,
    /// Button: close the full-screen code.
    pub close_large: &'static str,
    /// Receipt: heading of the steps.
    pub steps_heading: &'static str,
    /// Receipt: the numbered steps to hand in.
    pub steps: [&'static str; 3],
    /// Button: share the response file.
    pub share: &'static str,
    /// Button: download the response file.
    pub download: &'static str,
    /// Receipt: sharing did not work, so the file was downloaded.
    pub share_failed: &'static str,
    /// Receipt: the answer is also kept on this device.
    pub receipt_kept: &'static str,
    /// Receipt: the device could not keep it.
    pub receipt_not_kept: &'static str,
    /// Button: remove from this device.
    pub receipt_remove: &'static str,
    /// Receipt: removed.
    pub receipt_removed: &'static str,
    /// Handover: heading after a student sent.
    pub handover_heading: &'static str,
    /// Handover: heading after the countdown ran out.
    pub handover_timed_out: &'static str,
    /// Handover: heading after a student stopped.
    pub handover_stopped: &'static str,
    /// Handover: pass the device on.
    pub handover_text: &'static str,
    /// Button: next student.
    pub handover_next: &'static str,
    /// Handover: teacher part heading.
    pub handover_teacher: &'static str,
    /// Handover: one sealed response waiting.
    pub handover_waiting_one: &'static str,
    /// Handover: sealed responses waiting (after the count).
    pub handover_waiting_many: &'static str,
    /// Button: download all waiting responses.
    pub handover_collect: &'static str,
    /// Button: remove the downloaded responses.
    pub handover_clear: &'static str,
    /// Handover: removed.
    pub handover_cleared: &'static str,
    /// Button: stop kiosk mode.
    pub kiosk_stop: &'static str,
}

/// Dutch, for students ("je").
pub const NL: CollectWords = CollectWords {
    back: "Terug",
    team_heading: "Voor het team",
    team_intro: "Laat een klas de vragenlijst invullen en verzamel de antwoorden op dit apparaat.",
    team_open: "Metingen",
    join_heading: "Open je uitnodiging",
    join_steps: [
        "Scan de QR-code van je docent met de camera van je telefoon.",
        "Of heb je een link gekregen? Tik op de link. Of plak hem hieronder.",
    ],
    join_paste: "Link van de uitnodiging",
    join_open: "Open de uitnodiging",
    join_not_a_link: "Dit is geen link van een uitnodiging. Kopieer de hele link en probeer het nog een keer.",
    trial_heading: "Alleen proberen?",
    trial_intro: "Kijk hoe de vragenlijst werkt. Je antwoorden gaan dan nergens heen. Na afloop worden ze gewist.",
    trial_start: "Probeer de vragenlijst",
    invite_intro: "Je team vraagt je deze vragenlijst in te vullen.",
    invite_sealed: "Je antwoorden gaan op slot. Alleen je team kan ze openen. Je naam wordt niet gevraagd.",
    invite_kiosk: "Dit apparaat is voor de hele klas. Na het versturen wordt alles gewist. Dan kan de volgende student beginnen.",
    begin: "Begin",
    invite_broken: "Deze uitnodiging werkt niet: de link is beschadigd. Er is niets ingevuld. Vraag je docent om de link opnieuw te delen.",
    invite_incomplete: "Deze uitnodiging werkt niet: de link is niet compleet. Er mist een stuk. Vraag je docent om de link opnieuw te delen.",
    invite_missing: "Deze vragenlijst staat niet op dit apparaat. Vraag je docent om hulp.",
    invite_answered: "Je hebt deze vragenlijst al ingevuld op dit apparaat.",
    invite_show_receipt: "Laat mijn antwoorden zien",
    kiosk_wiped: "Een vorige student was niet klaar. Die antwoorden zijn gewist.",
    idle_heading: "Ben je er nog?",
    idle_before: "Over",
    idle_second: "seconde",
    idle_seconds: "seconden",
    idle_after: "wordt alles gewist. Dan kan de volgende student beginnen.",
    idle_stay: "Ik ben er nog",
    receipt_heading: "Bedankt! Nu nog inleveren",
    receipt_intro: "Je antwoorden zitten op slot. Lever ze in bij je docent.",
    receipt_codes_before: "Je antwoorden staan in",
    receipt_codes: "codes. Laat ze allemaal scannen.",
    receipt_qr_title: "QR-code met je antwoorden, op slot",
    code: "Code",
    of: "van",
    next_code: "Volgende code",
    prev_code: "Vorige code",
    show_large: "Maak de code groot",
    close_large: "Klein maken",
    steps_heading: "Zo lever je in",
    steps: [
        "Laat je docent de QR-code scannen. Zijn er meer codes? Laat ze dan allemaal scannen.",
        "Of tik op Deel. Stuur het antwoordbestand naar je docent, bijvoorbeeld met de mail of Teams.",
        "Lukt delen niet? Tik dan op Download. Het bestand staat daarna bij je downloads. Stuur het naar je docent.",
    ],
    share: "Deel je antwoordbestand",
    download: "Download antwoordbestand",
    share_failed: "Delen lukte niet. Het antwoordbestand is gedownload. Stuur het naar je docent.",
    receipt_kept: "Je antwoorden staan ook op dit apparaat, op slot. Zo raak je ze niet kwijt.",
    receipt_not_kept: "Dit apparaat kon je antwoorden niet bewaren. Lever ze nu in.",
    receipt_remove: "Ik heb ze ingeleverd. Haal ze weg van dit apparaat.",
    receipt_removed: "Je antwoorden zijn weg van dit apparaat.",
    handover_heading: "Bedankt! Je antwoorden zijn opgeslagen.",
    handover_timed_out: "Er gebeurde een tijd niets. Alles is gewist.",
    handover_stopped: "De vragenlijst is gestopt. Alles is gewist.",
    handover_text: "Geef het apparaat door aan de volgende student.",
    handover_next: "Volgende student",
    handover_teacher: "Voor de docent",
    handover_waiting_one: "1 antwoord wacht op dit apparaat, op slot.",
    handover_waiting_many: "antwoorden wachten op dit apparaat, op slot.",
    handover_collect: "Download alle antwoorden",
    handover_clear: "Haal de gedownloade antwoorden weg van dit apparaat",
    handover_cleared: "De antwoorden zijn weg van dit apparaat.",
    kiosk_stop: "Stop de kioskmodus",
};

/// Dutch, for staff ("u").
pub const NL_U: CollectWords = CollectWords {
    join_heading: "Open uw uitnodiging",
    join_steps: [
        "Scan de QR-code van uw team met de camera van uw telefoon.",
        "Of hebt u een link gekregen? Tik op de link. Of plak hem hieronder.",
    ],
    trial_intro: "Kijk hoe de vragenlijst werkt. Uw antwoorden gaan dan nergens heen. Na afloop worden ze gewist.",
    invite_intro: "Uw team vraagt u deze vragenlijst in te vullen.",
    invite_sealed: "Uw antwoorden gaan op slot. Alleen uw team kan ze openen. Uw naam wordt niet gevraagd.",
    invite_kiosk: "Dit apparaat is voor iedereen. Na het versturen wordt alles gewist. Dan kan de volgende beginnen.",
    invite_broken: "Deze uitnodiging werkt niet: de link is beschadigd. Er is niets ingevuld. Vraag uw team om de link opnieuw te delen.",
    invite_incomplete: "Deze uitnodiging werkt niet: de link is niet compleet. Er mist een stuk. Vraag uw team om de link opnieuw te delen.",
    invite_missing: "Deze vragenlijst staat niet op dit apparaat. Vraag uw team om hulp.",
    invite_answered: "U hebt deze vragenlijst al ingevuld op dit apparaat.",
    invite_show_receipt: "Laat mijn antwoorden zien",
    kiosk_wiped: "Iemand was niet klaar. Die antwoorden zijn gewist.",
    idle_heading: "Bent u er nog?",
    idle_after: "wordt alles gewist. Dan kan de volgende beginnen.",
    receipt_intro: "Uw antwoorden zitten op slot. Lever ze in bij uw team.",
    receipt_codes_before: "Uw antwoorden staan in",
    receipt_qr_title: "QR-code met uw antwoorden, op slot",
    steps_heading: "Zo levert u in",
    steps: [
        "Laat iemand van uw team de QR-code scannen. Zijn er meer codes? Laat ze dan allemaal scannen.",
        "Of tik op Deel. Stuur het antwoordbestand naar uw team, bijvoorbeeld met de mail of Teams.",
        "Lukt delen niet? Tik dan op Download. Het bestand staat daarna bij uw downloads. Stuur het naar uw team.",
    ],
    share: "Deel uw antwoordbestand",
    share_failed: "Delen lukte niet. Het antwoordbestand is gedownload. Stuur het naar uw team.",
    receipt_kept: "Uw antwoorden staan ook op dit apparaat, op slot. Zo raakt u ze niet kwijt.",
    receipt_not_kept: "Dit apparaat kon uw antwoorden niet bewaren. Lever ze nu in.",
    receipt_removed: "Uw antwoorden zijn weg van dit apparaat.",
    handover_heading: "Bedankt! Uw antwoorden zijn opgeslagen.",
    handover_text: "Geef het apparaat door aan de volgende.",
    handover_next: "Volgende",
    ..NL
};

/// English.
pub const EN: CollectWords = CollectWords {
    back: "Back",
    team_heading: "For the team",
    team_intro: "Let a class fill in the questionnaire and collect the responses on this device.",
    team_open: "Survey rounds",
    join_heading: "Open your invitation",
    join_steps: [
        "Scan the QR code from your teacher with the camera of your phone.",
        "Or did you get a link? Tap the link. Or paste it below.",
    ],
    join_paste: "Link of the invitation",
    join_open: "Open the invitation",
    join_not_a_link: "This is not the link of an invitation. Copy the whole link and try again.",
    trial_heading: "Just trying?",
    trial_intro: "See how the questionnaire works. Your answers then go nowhere. Afterwards they are wiped.",
    trial_start: "Try the questionnaire",
    invite_intro: "Your team asks you to fill in this questionnaire.",
    invite_sealed: "Your answers are locked. Only your team can open them. Your name is not asked.",
    invite_kiosk: "This device is for the whole class. After sending, everything is wiped. Then the next student can start.",
    begin: "Begin",
    invite_broken: "This invitation does not work: the link is damaged. Nothing was filled in. Ask your teacher to share the link again.",
    invite_incomplete: "This invitation does not work: the link is not complete. A part is missing. Ask your teacher to share the link again.",
    invite_missing: "This questionnaire is not on this device. Ask your teacher for help.",
    invite_answered: "You already filled in this questionnaire on this device.",
    invite_show_receipt: "Show my answers",
    kiosk_wiped: "Someone before you did not finish. Those answers are wiped.",
    idle_heading: "Are you still there?",
    idle_before: "In",
    idle_second: "second",
    idle_seconds: "seconds",
    idle_after: "everything is wiped. Then the next student can start.",
    idle_stay: "I am still here",
    receipt_heading: "Thank you! Now hand it in",
    receipt_intro: "Your answers are locked. Hand them in to your teacher.",
    receipt_codes_before: "Your answers are in",
    receipt_codes: "codes. Let them scan all of them.",
    receipt_qr_title: "QR code with your answers, locked",
    code: "Code",
    of: "of",
    next_code: "Next code",
    prev_code: "Previous code",
    show_large: "Make the code big",
    close_large: "Make it small",
    steps_heading: "How to hand in",
    steps: [
        "Let your teacher scan the QR code. Are there more codes? Then let them scan all of them.",
        "Or tap Share. Send the response file to your teacher, for example by mail or Teams.",
        "Sharing does not work? Then tap Download. The file is then in your downloads. Send it to your teacher.",
    ],
    share: "Share your response file",
    download: "Download response file",
    share_failed: "Sharing did not work. The response file was downloaded. Send it to your teacher.",
    receipt_kept: "Your answers are also on this device, locked. So you do not lose them.",
    receipt_not_kept: "This device could not keep your answers. Hand them in now.",
    receipt_remove: "I handed them in. Remove them from this device.",
    receipt_removed: "Your answers are gone from this device.",
    handover_heading: "Thank you! Your answers are saved.",
    handover_timed_out: "Nothing happened for a while. Everything is wiped.",
    handover_stopped: "The questionnaire was stopped. Everything is wiped.",
    handover_text: "Pass the device on to the next student.",
    handover_next: "Next student",
    handover_teacher: "For the teacher",
    handover_waiting_one: "1 response is waiting on this device, locked.",
    handover_waiting_many: "responses are waiting on this device, locked.",
    handover_collect: "Download all responses",
    handover_clear: "Remove the downloaded responses from this device",
    handover_cleared: "The responses are gone from this device.",
    kiosk_stop: "Stop kiosk mode",
};

/// The collecting words in `lang`, addressing students ("je") or staff ("u").
pub fn collect_words(lang: Lang, address: Address) -> &'static CollectWords {
    match (lang, address) {
        (Lang::Nl, Address::Je) => &NL,
        (Lang::Nl, Address::U) => &NL_U,
        (Lang::En, _) => &EN,
    }
}
