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
    /// "antwoord" after the count 1.
    pub response: &'static str,
    /// Meting: who can use the link, and how the team spots extra responses.
    pub link_open: &'static str,
    /// Button: show the invitation's QR code full screen (for a projector).
    pub show_large: &'static str,
    /// Button: close the full-screen QR code.
    pub close_large: &'static str,
    /// Meting: label of the kiosk link (for a shared device elsewhere).
    pub kiosk_link: &'static str,
    /// Meting: label of the class size field.
    pub class_size: &'static str,
    /// Meting: what the class size is for.
    pub class_size_hint: &'static str,
    /// Meting: "ontvangen:" before the counts.
    pub received: &'static str,
    /// Meting: "van de" between received and the class size.
    pub of_the: &'static str,
    /// Meting: more responses than students.
    pub too_many: &'static str,
    /// Own file: explanation.
    pub own_explain: &'static str,
    /// Own file: file field label.
    pub own_choose: &'static str,
    /// Own file: the file has problems: one.
    pub own_problem: &'static str,
    /// Own file: the file has problems (before the count).
    pub own_file_has: &'static str,
    /// Own file: the file has problems (after the count).
    pub own_problems: &'static str,
    /// Own file: the file could not be read.
    pub own_unreadable: &'static str,
    /// Own file: opened (before the title).
    pub own_loaded: &'static str,
    /// Own file: "vraag" after the count 1.
    pub own_item: &'static str,
    /// Own file: "vragen" after a count.
    pub own_items: &'static str,
    /// Own file: kept on the device.
    pub own_saved: &'static str,
    /// Own file: usable, but not kept.
    pub own_not_saved: &'static str,
    /// Own file: trying it out goes nowhere; a meting collects answers.
    pub own_trial: &'static str,
    /// Button: try the vragenlijst.
    pub own_start: &'static str,
}

/// Dutch, level B1.
pub const NL: TeamWords = TeamWords {
    of: "van",
    invite_missing: "Deze vragenlijst staat niet op dit apparaat. Open hem eerst als eigen vragenlijst.",
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
    label_hint: "Alleen voor uw team, blijft op dit apparaat. Bijvoorbeeld: Zorg 2B, najaar. Zet er geen namen van studenten in.",
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
    pin_warning: "De antwoorden gaan op slot met een PIN. Alleen met die PIN kunt u ze openen. Bent u de PIN kwijt? Dan kan niemand de antwoorden nog openen. Ook de makers van Spiegel niet. Schrijf de PIN op en bewaar hem goed.",
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
    kiosk_intro: "Eén apparaat voor de hele klas? Start dan de kioskmodus op dit apparaat. Of open de kiosklink op het apparaat dat de klas deelt. Na elke student wordt alles gewist.",
    kiosk_start: "Start kioskmodus op dit apparaat",
    collect_heading: "Antwoorden verzamelen",
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
    response: "antwoord",
    link_open: "Iedereen met deze link kan antwoorden insturen. Ook vaker, en ook buiten de klas. Deel de link dus alleen met de klas. Vul hieronder in hoeveel studenten er zijn. Dan ziet u of er meer antwoorden binnenkomen dan er studenten zijn.",
    show_large: "Toon de QR-code groot (voor een beamer)",
    close_large: "Klein maken",
    kiosk_link: "Link voor een gedeeld apparaat (kioskmodus)",
    class_size: "Aantal studenten in de klas",
    class_size_hint: "Alleen voor dit apparaat. Laat leeg als u het niet weet.",
    received: "ontvangen:",
    of_the: "van de",
    too_many: "Er zijn meer antwoorden dan studenten. Misschien heeft iemand vaker geantwoord, of is de link buiten de klas gedeeld. Bespreek dit in het team voordat u de spiegel bekijkt.",
    own_explain: "Spiegel controleert het bestand. Heeft het fouten, dan ziet u ze hier allemaal, met de plek in het bestand. Een bestand met fouten wordt niet bewaard en verandert niets.",
    own_choose: "Kies een bestand",
    own_problem: "Dit bestand heeft 1 fout. Er is niets bewaard of veranderd.",
    own_file_has: "Dit bestand heeft",
    own_problems: "fouten. Er is niets bewaard of veranderd.",
    own_unreadable: "Dit bestand kan niet worden gelezen.",
    own_loaded: "Geopend",
    own_item: "vraag",
    own_items: "vragen",
    own_saved: "De vragenlijst is bewaard op dit apparaat.",
    own_not_saved: "Let op: de vragenlijst kan niet worden bewaard op dit apparaat. U kunt hem nu wel gebruiken.",
    own_trial: "Proberen gaat nergens heen. Wilt u antwoorden verzamelen? Maak dan een meting met deze vragenlijst.",
    own_start: "Probeer deze vragenlijst",
};

/// English.
pub const EN: TeamWords = TeamWords {
    of: "of",
    invite_missing: "This questionnaire is not on this device. Open it as an own questionnaire first.",
    metingen_heading: "Survey rounds",
    metingen_intro: "A survey round is one time that one team or class fills in the questionnaire. Make a survey round and share the invitation. Then collect the responses on this device.",
    metingen_none: "There are no survey rounds on this device yet.",
    responses: "responses",
    week: "week",
    new_meting: "New survey round",
    open_mirror: "View the mirror",
    open_export: "Export for research",
    back: "Back",
    field_instrument: "Questionnaire",
    field_label: "Name of the survey round",
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
    create: "Make the survey round",
    creating: "Please wait. The lock is being made.",
    err_no_label: "Give the survey round a name.",
    err_long_label: "The name is too long. Use at most 60 characters.",
    err_pin_short: "The PIN is too short. Use at least 6 characters.",
    err_pin_same: "Do not use the same character all through the PIN.",
    err_pin_sequence: "The PIN is too easy, like 123456. Choose another one.",
    err_pins_differ: "The two PINs are not the same.",
    err_no_random: "This browser cannot make a safe lock. Use a newer browser.",
    err_not_kept: "The survey round could not be kept on this device. Make room and try again.",
    invitation: "Invitation",
    invitation_intro: "Students open this link on their own phone. Or they scan the QR code. The link is not a secret: the responses are locked.",
    link: "Link",
    copy: "Copy link",
    copied: "Copied",
    invitation_qr_title: "QR code with the invitation",
    kiosk_intro: "One device for the whole class? Start kiosk mode on this device. Or open the kiosk link on the device the class shares. After each student everything is wiped.",
    kiosk_start: "Start kiosk mode on this device",
    collect_heading: "Collect responses",
    locked_intro: "Enter the PIN to add responses.",
    unlock: "Open with PIN",
    unlocking: "Please wait. The lock is opening.",
    wrong_pin: "This PIN is not right. Try again.",
    key_damaged: "The lock of this survey round is damaged. The responses cannot be opened any more.",
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
    other_meting_named: "This response belongs to another survey round:",
    no_code: "No Spiegel QR code found in this picture.",
    part_read: "Part read. Scan the other codes too.",
    not_stored: "Read, but not kept: the device has no room.",
    scan_title: "Scan QR codes",
    scan_hint: "Hold the QR code in front of the camera.",
    scan_denied: "The camera may not be used. Allow it in the browser.",
    scan_no_camera: "No camera was found.",
    scan_close: "Stop scanning",
    response: "response",
    link_open: "Anyone with this link can send responses. Also more than once, and also from outside the class. So share the link with the class only. Enter below how many students there are. Then you see whether more responses come in than there are students.",
    show_large: "Show the QR code big (for a projector)",
    close_large: "Make it small",
    kiosk_link: "Link for a shared device (kiosk mode)",
    class_size: "Number of students in the class",
    class_size_hint: "Only for this device. Leave it empty if you do not know.",
    received: "received:",
    of_the: "of",
    too_many: "There are more responses than students. Maybe someone answered more than once, or the link was shared outside the class. Discuss this in the team before you look at the mirror.",
    own_explain: "Spiegel checks the file. If it has errors, you see all of them here, with their place in the file. A file with errors is not kept and changes nothing.",
    own_choose: "Choose a file",
    own_problem: "This file has 1 error. Nothing was kept or changed.",
    own_file_has: "This file has",
    own_problems: "errors. Nothing was kept or changed.",
    own_unreadable: "This file cannot be read.",
    own_loaded: "Opened",
    own_item: "question",
    own_items: "questions",
    own_saved: "The questionnaire is kept on this device.",
    own_not_saved: "Note: the questionnaire cannot be kept on this device. You can use it now.",
    own_trial: "Trying it goes nowhere. Do you want to collect responses? Then make a survey round with this questionnaire.",
    own_start: "Try this questionnaire",
};

impl TeamWords {
    /// "1 antwoord", "3 antwoorden".
    pub fn responses_counted(&self, n: usize) -> String {
        crate::ui::i18n::count(n, self.response, self.responses)
    }
}

/// The collection words in `lang`.
pub fn team_words(lang: Lang) -> &'static TeamWords {
    match lang {
        Lang::Nl => &NL,
        Lang::En => &EN,
    }
}
