//! Words for collecting on the team device: the team's metingen, new meting, import. The
//! student's side (invitation, receipt, kiosk) is [`crate::ui::i18n::collect`]. Same rules as
//! [`crate::ui::i18n::Words`]: both languages complete, B1 Dutch.

use crate::domain::text::Lang;

/// Fixed texts of the collection screens in one language.
pub struct TeamWords {
    /// "van" between numbers.
    pub of: &'static str,
    /// Invitation: the vragenlijst is not on this device.
    pub invite_missing: &'static str,
    /// Metingen: heading.
    pub metingen_heading: &'static str,
    /// Metingen: what a meting is.
    pub metingen_intro: &'static str,
    /// Metingen: none yet.
    pub metingen_none: &'static str,
    /// "antwoorden" after a count.
    pub responses: &'static str,
    /// "week" before a week.
    pub week: &'static str,
    /// Button: new meting.
    pub new_meting: &'static str,
    /// Button: open the mirror.
    pub open_mirror: &'static str,
    /// Button: open the export.
    pub open_export: &'static str,
    /// Button: back.
    pub back: &'static str,
    /// New meting: vragenlijst field.
    pub field_instrument: &'static str,
    /// New meting: label field.
    pub field_label: &'static str,
    /// New meting: label hint.
    pub label_hint: &'static str,
    /// New meting: domein field.
    pub field_domein: &'static str,
    /// New meting: niveau field.
    pub field_niveau: &'static str,
    /// New meting: leerweg field.
    pub field_leerweg: &'static str,
    /// Option: leave a context field open.
    pub not_given: &'static str,
    /// Labels of the domeinen, in the order of `meting::DOMEINEN`.
    pub domeinen: [&'static str; 18],
    /// Labels of the niveaus, in the order of `meting::NIVEAUS`.
    pub niveaus: [&'static str; 5],
    /// Labels of the leerwegen, in the order of `meting::LEERWEGEN`.
    pub leerwegen: [&'static str; 3],
    /// New meting: PIN warning heading.
    pub pin_heading: &'static str,
    /// New meting: the plain lost-PIN warning.
    pub pin_warning: &'static str,
    /// New meting: PIN field.
    pub field_pin: &'static str,
    /// New meting: PIN again.
    pub field_pin_again: &'static str,
    /// Button: make the meting.
    pub create: &'static str,
    /// While making the key.
    pub creating: &'static str,
    /// Error: no label.
    pub err_no_label: &'static str,
    /// Error: label too long.
    pub err_long_label: &'static str,
    /// Error: PIN too short.
    pub err_pin_short: &'static str,
    /// Error: PIN one character.
    pub err_pin_same: &'static str,
    /// Error: PIN a sequence.
    pub err_pin_sequence: &'static str,
    /// Error: PINs differ.
    pub err_pins_differ: &'static str,
    /// Error: no secure randomness.
    pub err_no_random: &'static str,
    /// Error: meting not kept.
    pub err_not_kept: &'static str,
    /// Meting: invitation heading.
    pub invitation: &'static str,
    /// Meting: how students use the invitation.
    pub invitation_intro: &'static str,
    /// Meting: link field.
    pub link: &'static str,
    /// Button: copy.
    pub copy: &'static str,
    /// After copying.
    pub copied: &'static str,
    /// Meting: invitation QR title.
    pub invitation_qr_title: &'static str,
    /// Meting: kiosk explanation.
    pub kiosk_intro: &'static str,
    /// Button: start kiosk here.
    pub kiosk_start: &'static str,
    /// Meting: collect heading.
    pub collect_heading: &'static str,
    /// Meting: "collected" after a count.
    pub collected: &'static str,
    /// Meting: unlock first.
    pub locked_intro: &'static str,
    /// Button: unlock.
    pub unlock: &'static str,
    /// While unlocking.
    pub unlocking: &'static str,
    /// Error: wrong PIN.
    pub wrong_pin: &'static str,
    /// Error: stored key damaged.
    pub key_damaged: &'static str,
    /// Button: lock.
    pub lock: &'static str,
    /// Import: file field.
    pub import_files: &'static str,
    /// Import: drop zone.
    pub drop_here: &'static str,
    /// Button: scan with the camera.
    pub scan: &'static str,
    /// Import: summary "nieuw".
    pub new: &'static str,
    /// Import: summary "al eerder toegevoegd".
    pub duplicate: &'static str,
    /// Import: summary "niet toegevoegd".
    pub refused: &'static str,
    /// Import: one response added.
    pub added_one: &'static str,
    /// Import: responses added (after the count).
    pub added_many: &'static str,
    /// Import: already there.
    pub already: &'static str,
    /// Import: "antwoord" before "n van m" in a reason.
    pub response_at: &'static str,
    /// Import: belongs to this device's other meting (before its label).
    pub other_meting_named: &'static str,
    /// Import: not a picture with a code.
    pub no_code: &'static str,
    /// Import: a part of a longer code was read (before "n van m").
    pub part_read: &'static str,
    /// Import: read but not stored.
    pub not_stored: &'static str,
    /// Scanner: title.
    pub scan_title: &'static str,
    /// Scanner: hint.
    pub scan_hint: &'static str,
    /// Scanner: permission denied.
    pub scan_denied: &'static str,
    /// Scanner: no camera.
    pub scan_no_camera: &'static str,
    /// Scanner: close.
    pub scan_close: &'static str,
}

/// Dutch, level B1.
pub const NL: TeamWords = TeamWords {
    of: "van",
    invite_missing: "Deze vragenlijst staat niet op dit apparaat. Vraag je docent om hulp.",
    metingen_heading: "Metingen",
    metingen_intro: "Een meting is één keer de vragenlijst afnemen bij één team of klas. Maak een meting en deel de uitnodiging. Verzamel daarna de antwoorden op dit apparaat.",
    metingen_none: "Er zijn nog geen metingen op dit apparaat.",
    responses: "antwoorden",
    week: "week",
    new_meting: "Nieuwe meting",
    open_mirror: "Spiegel bekijken",
    open_export: "Exporteren voor onderzoek",
    back: "Terug",
    field_instrument: "Vragenlijst",
    field_label: "Naam van de meting",
    label_hint: "Alleen voor jullie, blijft op dit apparaat. Bijvoorbeeld: Zorg 2B, najaar. Zet er geen namen van studenten in.",
    field_domein: "Opleidingsdomein",
    field_niveau: "Niveau",
    field_leerweg: "Leerweg",
    not_given: "Niet invullen",
    domeinen: [
        "Afbouw, hout en onderhoud",
        "Bouw en infra",
        "Economie en administratie",
        "Entree",
        "Handel en ondernemerschap",
        "Horeca en bakkerij",
        "ICT",
        "Media en vormgeving",
        "Mobiliteit en voertuigen",
        "Specialistisch vakmanschap",
        "Techniek en procesindustrie",
        "Toerisme en recreatie",
        "Transport, scheepvaart en logistiek",
        "Uiterlijke verzorging",
        "Veiligheid en sport",
        "Voedsel, natuur en leefomgeving",
        "Zorg en welzijn",
        "Meer domeinen of anders",
    ],
    niveaus: ["Niveau 1 (Entree)", "Niveau 2", "Niveau 3", "Niveau 4", "Meer niveaus"],
    leerwegen: ["BOL", "BBL", "BOL en BBL"],
    pin_heading: "Lees dit eerst: de PIN",
    pin_warning: "De antwoorden gaan op slot met een PIN. Alleen met die PIN kun je ze openen. Ben je de PIN kwijt? Dan kan niemand de antwoorden nog openen. Ook de makers van Spiegel niet. Schrijf de PIN op en bewaar hem goed.",
    field_pin: "PIN (minstens 6 tekens)",
    field_pin_again: "PIN nog een keer",
    create: "Maak de meting",
    creating: "Even geduld. Het slot wordt gemaakt.",
    err_no_label: "Geef de meting een naam.",
    err_long_label: "De naam is te lang. Gebruik hoogstens 60 tekens.",
    err_pin_short: "De PIN is te kort. Gebruik minstens 6 tekens.",
    err_pin_same: "Gebruik niet steeds hetzelfde teken in de PIN.",
    err_pin_sequence: "De PIN is te makkelijk, zoals 123456. Kies een andere.",
    err_pins_differ: "De twee PIN's zijn niet gelijk.",
    err_no_random: "Deze browser kan geen veilig slot maken. Gebruik een nieuwere browser.",
    err_not_kept: "De meting kon niet worden bewaard op dit apparaat. Maak ruimte en probeer het opnieuw.",
    invitation: "Uitnodiging",
    invitation_intro: "Studenten openen deze link op hun eigen telefoon. Of ze scannen de QR-code. De link is geen geheim: de antwoorden gaan op slot.",
    link: "Link",
    copy: "Kopieer link",
    copied: "Gekopieerd",
    invitation_qr_title: "QR-code met de uitnodiging",
    kiosk_intro: "Eén apparaat voor de hele klas? Start dan de kioskmodus. Na elke student wordt alles gewist.",
    kiosk_start: "Start kioskmodus op dit apparaat",
    collect_heading: "Antwoorden verzamelen",
    collected: "antwoorden verzameld",
    locked_intro: "Vul de PIN in om antwoorden toe te voegen.",
    unlock: "Open met PIN",
    unlocking: "Even geduld. Het slot gaat open.",
    wrong_pin: "Deze PIN klopt niet. Probeer het nog eens.",
    key_damaged: "Het slot van deze meting is beschadigd. De antwoorden kunnen niet meer open.",
    lock: "Doe weer op slot",
    import_files: "Kies antwoordbestanden of foto's van QR-codes",
    drop_here: "Of sleep de bestanden hierheen.",
    scan: "Scan QR-codes met de camera",
    new: "nieuw",
    duplicate: "al eerder toegevoegd",
    refused: "niet toegevoegd",
    added_one: "1 antwoord toegevoegd.",
    added_many: "antwoorden toegevoegd.",
    already: "Al eerder toegevoegd.",
    response_at: "Antwoord",
    other_meting_named: "Dit antwoord hoort bij een andere meting:",
    no_code: "Geen QR-code van Spiegel gevonden op deze afbeelding.",
    part_read: "Deel gelezen. Scan ook de andere codes.",
    not_stored: "Gelezen, maar niet bewaard: het apparaat heeft geen ruimte.",
    scan_title: "Scan QR-codes",
    scan_hint: "Houd de QR-code voor de camera.",
    scan_denied: "De camera mag niet worden gebruikt. Geef toestemming in de browser.",
    scan_no_camera: "Er is geen camera gevonden.",
    scan_close: "Stop met scannen",
};

/// English.
pub const EN: TeamWords = TeamWords {
    of: "of",
    invite_missing: "This questionnaire is not on this device. Ask your teacher for help.",
    metingen_heading: "Metingen",
    metingen_intro: "A meting is one round of the questionnaire for one team or class. Make a meting and share the invitation. Then collect the responses on this device.",
    metingen_none: "There are no metingen on this device yet.",
    responses: "responses",
    week: "week",
    new_meting: "New meting",
    open_mirror: "View the mirror",
    open_export: "Export for research",
    back: "Back",
    field_instrument: "Questionnaire",
    field_label: "Name of the meting",
    label_hint: "Only for you; it stays on this device. For example: Care 2B, autumn. Do not put students' names in it.",
    field_domein: "Training domain",
    field_niveau: "Level",
    field_leerweg: "Learning pathway",
    not_given: "Leave open",
    domeinen: [
        "Finishing, wood and maintenance",
        "Construction and infrastructure",
        "Economics and administration",
        "Entree",
        "Trade and entrepreneurship",
        "Hospitality and bakery",
        "ICT",
        "Media and design",
        "Mobility and vehicles",
        "Specialist craftsmanship",
        "Engineering and process industry",
        "Tourism and recreation",
        "Transport, shipping and logistics",
        "Personal care",
        "Safety and sport",
        "Food, nature and environment",
        "Care and welfare",
        "Several domains or other",
    ],
    niveaus: ["Level 1 (Entree)", "Level 2", "Level 3", "Level 4", "Several levels"],
    leerwegen: ["BOL (school-based)", "BBL (work-based)", "BOL and BBL"],
    pin_heading: "Read this first: the PIN",
    pin_warning: "The responses are locked with a PIN. Only with that PIN can you open them. If you lose the PIN, nobody can open the responses any more. Not even the makers of Spiegel. Write the PIN down and keep it safe.",
    field_pin: "PIN (at least 6 characters)",
    field_pin_again: "PIN again",
    create: "Make the meting",
    creating: "Please wait. The lock is being made.",
    err_no_label: "Give the meting a name.",
    err_long_label: "The name is too long. Use at most 60 characters.",
    err_pin_short: "The PIN is too short. Use at least 6 characters.",
    err_pin_same: "Do not use the same character all through the PIN.",
    err_pin_sequence: "The PIN is too easy, like 123456. Choose another one.",
    err_pins_differ: "The two PINs are not the same.",
    err_no_random: "This browser cannot make a safe lock. Use a newer browser.",
    err_not_kept: "The meting could not be kept on this device. Make room and try again.",
    invitation: "Invitation",
    invitation_intro: "Students open this link on their own phone. Or they scan the QR code. The link is not a secret: the responses are locked.",
    link: "Link",
    copy: "Copy link",
    copied: "Copied",
    invitation_qr_title: "QR code with the invitation",
    kiosk_intro: "One device for the whole class? Start kiosk mode. After each student everything is wiped.",
    kiosk_start: "Start kiosk mode on this device",
    collect_heading: "Collect responses",
    collected: "responses collected",
    locked_intro: "Enter the PIN to add responses.",
    unlock: "Open with PIN",
    unlocking: "Please wait. The lock is opening.",
    wrong_pin: "This PIN is not right. Try again.",
    key_damaged: "The lock of this meting is damaged. The responses cannot be opened any more.",
    lock: "Lock again",
    import_files: "Choose response files or photos of QR codes",
    drop_here: "Or drop the files here.",
    scan: "Scan QR codes with the camera",
    new: "new",
    duplicate: "added before",
    refused: "not added",
    added_one: "1 response added.",
    added_many: "responses added.",
    already: "Added before.",
    response_at: "Response",
    other_meting_named: "This response belongs to another meting:",
    no_code: "No Spiegel QR code found in this picture.",
    part_read: "Part read. Scan the other codes too.",
    not_stored: "Read, but not kept: the device has no room.",
    scan_title: "Scan QR codes",
    scan_hint: "Hold the QR code in front of the camera.",
    scan_denied: "The camera may not be used. Allow it in the browser.",
    scan_no_camera: "No camera was found.",
    scan_close: "Stop scanning",
};

/// The collection words in `lang`.
pub fn team_words(lang: Lang) -> &'static TeamWords {
    match lang {
        Lang::Nl => &NL,
        Lang::En => &EN,
    }
}
