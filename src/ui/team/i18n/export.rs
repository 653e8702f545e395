//! Words of the export for researchers: choosing, the preview of what leaves the device,
//! the review of open answers, the downloads. Same rules as [`crate::ui::i18n::Words`].

use crate::domain::export::{Pattern, Reason};
use crate::domain::text::Lang;

/// Fixed texts of the export screen in one language.
pub struct ExportWords {
    /// Heading.
    pub heading: &'static str,
    /// What the export is.
    pub intro: &'static str,
    /// Legend of the meting list.
    pub choose: &'static str,
    /// No metingen on this device.
    pub none: &'static str,
    /// Options legend.
    pub options: &'static str,
    /// Label of k.
    pub k_label: &'static str,
    /// Hint of k (before the minimum).
    pub k_hint: &'static str,
    /// Months instead of weeks.
    pub months: &'static str,
    /// Counts only.
    pub aggregates_only: &'static str,
    /// Include open answers.
    pub include_text: &'static str,
    /// What including open answers means.
    pub include_text_hint: &'static str,
    /// A chosen meting is locked (before its name).
    pub locked: &'static str,
    /// PIN label (before the name).
    pub pin_of: &'static str,
    /// Wrong PIN.
    pub wrong_pin: &'static str,
    /// Damaged key.
    pub damaged_key: &'static str,
    /// Button: unlock.
    pub unlock: &'static str,
    /// Busy.
    pub busy: &'static str,
    /// Button: make the preview.
    pub make_preview: &'static str,
    /// Choose at least one meting.
    pub choose_one: &'static str,
    /// Preview heading.
    pub preview: &'static str,
    /// Preview intro.
    pub preview_intro: &'static str,
    /// Count labels: metingen, responses, records, left out, open answers, cells, hidden cells.
    pub counts: [&'static str; 7],
    /// Fields heading (before the instrument title).
    pub fields_of: &'static str,
    /// Field table columns: name, question, note.
    pub field_columns: [&'static str; 3],
    /// Note: may be generalised.
    pub quasi: &'static str,
    /// Note: free text.
    pub free_text: &'static str,
    /// Anonymisation heading.
    pub anonymised: &'static str,
    /// Nothing had to be generalised or suppressed.
    pub nothing_changed: &'static str,
    /// A meting too small (after the number of responses).
    pub small: &'static str,
    /// Generalised (before the field).
    pub generalised: &'static str,
    /// Records (after a number).
    pub records: &'static str,
    /// "antwoord" after the count 1.
    pub record: &'static str,
    /// Suppressed records (after a number).
    pub suppressed_records: &'static str,
    /// Blanked answers (before the item).
    pub blanked: &'static str,
    /// "because of".
    pub because_of: &'static str,
    /// Sample heading.
    pub sample: &'static str,
    /// No sample (aggregates only or too small).
    pub no_sample: &'static str,
    /// Review heading.
    pub review: &'static str,
    /// Review intro.
    pub review_intro: &'static str,
    /// No open answers.
    pub no_texts: &'static str,
    /// Checkbox: drop this text.
    pub drop: &'static str,
    /// Found patterns (before the list).
    pub found: &'static str,
    /// Download heading.
    pub download: &'static str,
    /// Button: download JSON.
    pub download_json: &'static str,
    /// Button: download CSV and datapackage.
    pub download_csv: &'static str,
    /// The download did not start.
    pub download_failed: &'static str,
    /// Button: back.
    pub back: &'static str,
    /// Period field name.
    pub period: &'static str,
}

/// Dutch.
pub const NL: ExportWords = ExportWords {
    heading: "Exporteren voor onderzoek",
    intro: "Maak een bestand zonder namen voor onderzoekers. U ziet eerst precies wat het apparaat verlaat.",
    choose: "Welke metingen?",
    none: "Er zijn nog geen metingen op dit apparaat.",
    options: "Hoe anoniem?",
    k_label: "Kleinste groep (k)",
    k_hint: "Een groep kleiner dan dit verdwijnt of wordt samengevoegd. Het kleinste getal is",
    months: "Alleen de maand, niet de week",
    aggregates_only: "Alleen aantallen, geen antwoorden per persoon",
    include_text: "Open antwoorden meenemen",
    include_text_hint: "Open antwoorden kunnen iemand verraden. Spiegel haalt e-mailadressen, telefoonnummers, postcodes, lange nummers en namen weg. Daarna leest u ze zelf na.",
    locked: "Typ eerst de wachtzin (of oude PIN) van",
    pin_of: "Wachtzin (of oude PIN) van",
    wrong_pin: "Deze wachtzin klopt niet. Probeer het opnieuw.",
    damaged_key: "De sleutel van deze meting is beschadigd.",
    unlock: "Openen",
    busy: "Even geduld…",
    make_preview: "Bekijk wat het apparaat verlaat",
    choose_one: "Kies minstens één meting.",
    preview: "Dit verlaat het apparaat",
    preview_intro: "Alleen wat hieronder staat, komt in het bestand. Namen van metingen, apparaat en tijdstip komen er nooit in.",
    counts: [
        "Metingen",
        "Antwoorden op dit apparaat",
        "Antwoorden in het bestand",
        "Antwoorden niet in het bestand",
        "Open antwoorden in het bestand",
        "Cellen met aantallen",
        "Cellen verborgen (minder dan k)",
    ],
    fields_of: "Velden per antwoord:",
    field_columns: ["Veld", "Vraag", "Let op"],
    quasi: "kan worden samengevoegd of verborgen",
    free_text: "vrije tekst",
    anonymised: "Wat is samengevoegd of verborgen, en waarom",
    nothing_changed: "Niets hoefde te worden samengevoegd of verborgen.",
    small: "te weinig, deze meting gaat alleen als aantal mee.",
    generalised: "Samengevoegd:",
    records: "antwoorden",
    record: "antwoord",
    suppressed_records: "antwoorden zonder achtergrondgegevens",
    blanked: "Verborgen:",
    because_of: "vanwege",
    sample: "Voorbeeld van één antwoord",
    no_sample: "Geen antwoorden per persoon in dit bestand.",
    review: "Open antwoorden nalezen",
    review_intro: "Dit is precies de tekst die meegaat. Staat er iets in waaraan u iemand herkent? Vink dan 'Laat weg' aan.",
    no_texts: "Er zijn geen open antwoorden om mee te nemen.",
    drop: "Laat weg",
    found: "Weggehaald:",
    download: "Downloaden",
    download_json: "Download JSON",
    download_csv: "Download CSV en datapackage.json",
    download_failed: "Het downloaden is niet gestart. Probeer het opnieuw.",
    back: "Terug",
    period: "periode",
};

/// English.
pub const EN: ExportWords = ExportWords {
    heading: "Export for research",
    intro: "Make a file without names for researchers. First you see exactly what leaves the device.",
    choose: "Which survey rounds?",
    none: "There are no survey rounds on this device yet.",
    options: "How anonymous?",
    k_label: "Smallest group (k)",
    k_hint: "A group smaller than this is removed or merged. The smallest number is",
    months: "Only the month, not the week",
    aggregates_only: "Counts only, no responses per person",
    include_text: "Include open answers",
    include_text_hint: "Open answers can give someone away. Spiegel removes e-mail addresses, phone numbers, postcodes, long numbers and names. Then you read them yourself.",
    locked: "First type the passphrase (or old PIN) of",
    pin_of: "Passphrase (or old PIN) of",
    wrong_pin: "This passphrase is not right. Try again.",
    damaged_key: "The key of this survey round is damaged.",
    unlock: "Open",
    busy: "One moment…",
    make_preview: "See what leaves the device",
    choose_one: "Choose at least one survey round.",
    preview: "This leaves the device",
    preview_intro: "Only what is below goes into the file. Survey round names, the device and the time never do.",
    counts: [
        "Survey rounds",
        "Responses on this device",
        "Responses in the file",
        "Responses not in the file",
        "Open answers in the file",
        "Cells with counts",
        "Cells hidden (fewer than k)",
    ],
    fields_of: "Fields per response:",
    field_columns: ["Field", "Question", "Note"],
    quasi: "may be merged or hidden",
    free_text: "free text",
    anonymised: "What was merged or hidden, and why",
    nothing_changed: "Nothing had to be merged or hidden.",
    small: "too few, this survey round goes along as counts only.",
    generalised: "Merged:",
    records: "responses",
    record: "response",
    suppressed_records: "responses without background data",
    blanked: "Hidden:",
    because_of: "because of",
    sample: "One response as an example",
    no_sample: "No responses per person in this file.",
    review: "Read the open answers",
    review_intro: "This is exactly the text that goes along. Does anything let you recognise someone? Then tick 'Leave out'.",
    no_texts: "There are no open answers to include.",
    drop: "Leave out",
    found: "Removed:",
    download: "Download",
    download_json: "Download JSON",
    download_csv: "Download CSV and datapackage.json",
    download_failed: "The download did not start. Try again.",
    back: "Back",
    period: "period",
};

/// The words in `lang`.
pub fn export_words(lang: Lang) -> &'static ExportWords {
    match lang {
        Lang::Nl => &NL,
        Lang::En => &EN,
    }
}

/// Why something was merged or hidden, in plain words.
pub fn reason(r: Reason, lang: Lang) -> &'static str {
    let (nl, en) = match r {
        Reason::FewerThanKResponses => {
            ("de meting heeft minder dan k antwoorden", "the meting has fewer than k responses")
        }
        Reason::CombinationBelowK => (
            "een combinatie van achtergrondgegevens kwam minder dan k keer voor",
            "a combination of background data occurred fewer than k times",
        ),
        Reason::SuppressedGroupBelowK => (
            "de verborgen groep was zelf kleiner dan k",
            "the hidden group was itself smaller than k",
        ),
        Reason::ShownOnlyForSomeValues => (
            "de vraag wordt alleen bij sommige antwoorden gesteld en zou ze verraden",
            "the question is only asked after some answers and would give them away",
        ),
    };
    match lang {
        Lang::Nl => nl,
        Lang::En => en,
    }
}

/// What scrubbing removed, in plain words.
pub fn pattern(p: Pattern, lang: Lang) -> &'static str {
    let (nl, en) = match p {
        Pattern::Email => ("e-mailadres", "e-mail address"),
        Pattern::Phone => ("telefoonnummer", "phone number"),
        Pattern::Postcode => ("postcode", "postcode"),
        Pattern::Number => ("nummer", "number"),
        Pattern::Name => ("naam", "name"),
        Pattern::Handle => ("@-naam", "@-handle"),
    };
    match lang {
        Lang::Nl => nl,
        Lang::En => en,
    }
}
