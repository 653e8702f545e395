//! Words for keeping a meting safe: the passphrase, backups, restoring, the storage on
//! this device, closing and deleting a meting, and the idle lock. Staff are addressed
//! with "u"; both languages complete.

use crate::domain::text::Lang;

/// Fixed texts of the safety screens in one language.
pub struct VaultWords {
    /// Heading above the passphrase.
    pub pass_heading: &'static str,
    /// What the passphrase is for, and that nobody can recover it.
    pub pass_warning: &'static str,
    /// Above the generated passphrase.
    pub pass_generated: &'static str,
    /// Check box: written down.
    pub pass_written: &'static str,
    /// Button: another generated passphrase.
    pub pass_other: &'static str,
    /// Check box: choose an own passphrase.
    pub pass_own: &'static str,
    /// Hint for an own passphrase.
    pub pass_own_hint: &'static str,
    /// Field: passphrase.
    pub field_pass: &'static str,
    /// Field: passphrase again.
    pub field_pass_again: &'static str,
    /// Error: too easy to guess.
    pub err_pass_weak: &'static str,
    /// Error: the two differ.
    pub err_pass_differ: &'static str,
    /// Error: not ticked as written down.
    pub err_not_written: &'static str,
    /// Field: the passphrase to unlock (or an older meting's PIN).
    pub field_unlock: &'static str,
    /// The unlock form's intro.
    pub unlock_intro: &'static str,
    /// Wrong passphrase.
    pub wrong_pass: &'static str,
    /// An older meting with a PIN: why and how it moves to a passphrase.
    pub rewrap_intro: &'static str,
    /// Button: use the new passphrase.
    pub rewrap_button: &'static str,
    /// Done.
    pub rewrap_done: &'static str,
    /// Heading: backup.
    pub backup_heading: &'static str,
    /// What a backup is.
    pub backup_intro: &'static str,
    /// Button: make a backup.
    pub backup_make: &'static str,
    /// No backup yet.
    pub backup_none: &'static str,
    /// Last backup (followed by week and count).
    pub backup_last: &'static str,
    /// Responses after the last backup (after the number).
    pub backup_behind: &'static str,
    /// Made.
    pub backup_made: &'static str,
    /// The browser refused the download.
    pub backup_failed: &'static str,
    /// Heading: restore.
    pub restore_heading: &'static str,
    /// How restoring works.
    pub restore_intro: &'static str,
    /// Field: the backup file.
    pub restore_file: &'static str,
    /// Field: the passphrase of that meting.
    pub restore_pass: &'static str,
    /// Button: restore.
    pub restore_button: &'static str,
    /// While restoring.
    pub restoring: &'static str,
    /// Restored (after the label): added.
    pub restore_added: &'static str,
    /// Restored: already there.
    pub restore_already: &'static str,
    /// Not a backup.
    pub err_not_backup: &'static str,
    /// Made by a newer Spiegel.
    pub err_newer: &'static str,
    /// Damaged.
    pub err_damaged: &'static str,
    /// Not kept.
    pub err_not_kept: &'static str,
    /// A file over its size limit (before the size).
    pub err_too_large: &'static str,
    /// Choose a file first.
    pub err_no_file: &'static str,
    /// Heading: storage.
    pub storage_heading: &'static str,
    /// In use (before the size).
    pub storage_used: &'static str,
    /// Room left (before the size).
    pub storage_free: &'static str,
    /// The browser keeps the data.
    pub storage_kept: &'static str,
    /// The browser may remove the data.
    pub storage_not_kept: &'static str,
    /// Only in memory.
    pub storage_memory: &'static str,
    /// Set aside (after the number).
    pub storage_aside: &'static str,
    /// Moved from the first version (after the numbers).
    pub storage_moved: &'static str,
    /// A storage error (before the detail).
    pub storage_error: &'static str,
    /// Export: held back (after the label and number).
    pub held_back: &'static str,
    /// Export report: the same, after a count of 1.
    pub held_back_one: &'static str,
    /// Button: close the meting.
    pub close: &'static str,
    /// Button: open it again.
    pub reopen: &'static str,
    /// Button: archive.
    pub archive: &'static str,
    /// The meting is closed.
    pub closed_note: &'static str,
    /// Button: delete.
    pub delete: &'static str,
    /// Delete confirmation, first part (label and count follow).
    pub delete_what: &'static str,
    /// Delete: no backup.
    pub delete_no_backup: &'static str,
    /// Delete: last backup (week follows).
    pub delete_backup: &'static str,
    /// Delete: cannot be undone.
    pub delete_final: &'static str,
    /// Button: yes, delete.
    pub delete_yes: &'static str,
    /// Button: cancel.
    pub cancel: &'static str,
    /// Heading: archived metingen.
    pub archived: &'static str,
    /// Locked after idle time.
    pub idle_locked: &'static str,
    /// Responses (after a number).
    pub responses: &'static str,
    /// Week (before a week).
    pub week: &'static str,
}

const NL: VaultWords = VaultWords {
    pass_heading: "Wachtzin",
    pass_warning: "De antwoorden gaan op slot met een wachtzin. Alleen met die wachtzin gaan ze weer open. Bent u de wachtzin kwijt? Dan kan niemand de antwoorden nog openen, ook de makers van Spiegel niet. Schrijf hem op papier en bewaar hem goed.",
    pass_generated: "Dit is de wachtzin van deze meting. U ziet hem maar één keer. Schrijf hem nu op:",
    pass_written: "Ik heb de wachtzin opgeschreven",
    pass_other: "Andere wachtzin maken",
    pass_own: "Ik kies zelf een wachtzin",
    pass_own_hint: "Gebruik minstens zes gewone woorden, of een lange zin. Korte woorden, namen en jaartallen zijn makkelijk te raden.",
    field_pass: "Wachtzin",
    field_pass_again: "Wachtzin nog een keer",
    err_pass_weak: "Deze wachtzin is te makkelijk te raden. Maak hem langer, of gebruik de wachtzin die Spiegel maakte.",
    err_pass_differ: "De twee wachtzinnen zijn niet gelijk.",
    err_not_written: "Vink eerst aan dat u de wachtzin hebt opgeschreven.",
    field_unlock: "Wachtzin (bij een oudere meting: de PIN)",
    unlock_intro: "Vul de wachtzin in om de antwoorden te openen.",
    wrong_pass: "Dit is niet de goede wachtzin.",
    rewrap_intro: "Deze meting heeft nog een PIN. Een PIN is te raden. Spiegel heeft een wachtzin gemaakt. Schrijf hem op. Daarna werkt de PIN niet meer.",
    rewrap_button: "Wachtzin gebruiken",
    rewrap_done: "De meting heeft nu een wachtzin.",
    backup_heading: "Reservekopie",
    backup_intro: "Een reservekopie is één bestand met alle antwoorden van deze meting, op slot met de wachtzin. Bewaar het op een andere plek, zoals de schijf van school. Wordt deze browser gewist, of gebruikt u een ander apparaat? Dan zet u de reservekopie terug.",
    backup_make: "Reservekopie maken",
    backup_none: "Er is nog geen reservekopie van deze meting.",
    backup_last: "Laatste reservekopie:",
    backup_behind: "antwoorden zijn nog niet in een reservekopie. Maak een nieuwe.",
    backup_made: "Reservekopie gemaakt. Bewaar het bestand op een veilige plek.",
    backup_failed: "De browser liet het bestand niet downloaden. Probeer het nog eens.",
    restore_heading: "Reservekopie terugzetten",
    restore_intro: "Kies het bestand van een reservekopie en vul de wachtzin van die meting in. Antwoorden die er al zijn, komen er niet dubbel bij.",
    restore_file: "Bestand met de reservekopie",
    restore_pass: "Wachtzin van die meting",
    restore_button: "Terugzetten",
    restoring: "Even geduld. De reservekopie gaat open.",
    restore_added: "antwoorden teruggezet",
    restore_already: "waren er al",
    err_not_backup: "Dit is geen reservekopie van Spiegel.",
    err_newer: "Deze reservekopie komt uit een nieuwere versie van Spiegel. Werk Spiegel bij.",
    err_damaged: "De reservekopie is beschadigd.",
    err_not_kept: "Dit apparaat kon het niet bewaren. Is de opslag vol?",
    err_too_large: "Dit bestand is te groot:",
    err_no_file: "Kies eerst een bestand.",
    storage_heading: "Opslag op dit apparaat",
    storage_used: "In gebruik:",
    storage_free: "Nog vrij:",
    storage_kept: "De browser bewaart deze gegevens, ook als de schijf vol raakt.",
    storage_not_kept: "De browser mag deze gegevens wissen als de schijf vol raakt. Maak daarom reservekopieën.",
    storage_memory: "Deze browser staat geen opslag toe. Alles verdwijnt als u dit scherm sluit. Maak nu een reservekopie.",
    storage_aside: "gegevens konden niet worden gelezen. Ze zijn apart gezet, niet gewist.",
    storage_moved: "gegevens van de vorige versie van Spiegel zijn overgezet:",
    storage_error: "De opslag gaf een fout:",
    held_back_one: "antwoord blijft op dit apparaat: er zijn er minder dan k bijgekomen sinds de spiegel of een export deze meting liet zien. Zo kan niemand twee weergaven naast elkaar leggen en één persoon herkennen.",
    held_back: "antwoorden blijven op dit apparaat: er zijn er minder dan k bijgekomen sinds de spiegel of een export deze meting liet zien. Zo kan niemand twee weergaven naast elkaar leggen en één persoon herkennen.",
    close: "Meting sluiten",
    reopen: "Weer openen",
    archive: "Archiveren",
    closed_note: "Deze meting is gesloten. Er komen geen antwoorden meer bij.",
    delete: "Meting verwijderen",
    delete_what: "Dit verwijdert van dit apparaat: de meting",
    delete_no_backup: "Er is geen reservekopie.",
    delete_backup: "De laatste reservekopie is van week",
    delete_final: "Dit kan niet ongedaan worden gemaakt.",
    delete_yes: "Ja, verwijderen",
    cancel: "Annuleren",
    archived: "Archief",
    idle_locked: "De metingen zijn op slot gegaan: er is 10 minuten niets gedaan. Vul de wachtzin opnieuw in.",
    responses: "antwoorden",
    week: "week",
};

const EN: VaultWords = VaultWords {
    pass_heading: "Passphrase",
    pass_warning: "The responses are locked with a passphrase. Only that passphrase opens them again. If you lose it, nobody can open the responses, not even the makers of Spiegel. Write it on paper and keep it safe.",
    pass_generated: "This is the passphrase of this survey round. You see it only once. Write it down now:",
    pass_written: "I have written the passphrase down",
    pass_other: "Make another passphrase",
    pass_own: "I choose my own passphrase",
    pass_own_hint: "Use at least six ordinary words, or a long sentence. Short words, names and years are easy to guess.",
    field_pass: "Passphrase",
    field_pass_again: "Passphrase again",
    err_pass_weak: "This passphrase is too easy to guess. Make it longer, or use the passphrase Spiegel made.",
    err_pass_differ: "The two passphrases are not the same.",
    err_not_written: "First tick that you have written the passphrase down.",
    field_unlock: "Passphrase (for an older survey round: the PIN)",
    unlock_intro: "Enter the passphrase to open the responses.",
    wrong_pass: "This is not the right passphrase.",
    rewrap_intro: "This survey round still has a PIN. A PIN can be guessed. Spiegel made a passphrase. Write it down. After this the PIN no longer works.",
    rewrap_button: "Use the passphrase",
    rewrap_done: "The survey round now has a passphrase.",
    backup_heading: "Backup",
    backup_intro: "A backup is one file with all responses of this survey round, locked with the passphrase. Keep it somewhere else, such as the school's drive. If this browser is wiped, or you use another device, restore the backup.",
    backup_make: "Make a backup",
    backup_none: "There is no backup of this survey round yet.",
    backup_last: "Last backup:",
    backup_behind: "responses are not in a backup yet. Make a new one.",
    backup_made: "Backup made. Keep the file somewhere safe.",
    backup_failed: "The browser did not allow the download. Try again.",
    restore_heading: "Restore a backup",
    restore_intro: "Choose the file of a backup and enter the passphrase of that survey round. Responses that are already here are not added twice.",
    restore_file: "Backup file",
    restore_pass: "Passphrase of that survey round",
    restore_button: "Restore",
    restoring: "Please wait. The backup is being opened.",
    restore_added: "responses restored",
    restore_already: "were already here",
    err_not_backup: "This is not a Spiegel backup.",
    err_newer: "This backup comes from a newer version of Spiegel. Update Spiegel.",
    err_damaged: "The backup is damaged.",
    err_not_kept: "This device could not keep it. Is the storage full?",
    err_too_large: "This file is too large:",
    err_no_file: "Choose a file first.",
    storage_heading: "Storage on this device",
    storage_used: "In use:",
    storage_free: "Still free:",
    storage_kept: "The browser keeps this data, even when the disk fills up.",
    storage_not_kept: "The browser may remove this data when the disk fills up. So make backups.",
    storage_memory: "This browser allows no storage. Everything is gone when you close this screen. Make a backup now.",
    storage_aside: "entries could not be read. They were set aside, not deleted.",
    storage_moved: "entries of the earlier version of Spiegel were moved:",
    storage_error: "The storage gave an error:",
    held_back_one: "response stays on this device: fewer than k came in since the mirror or an export last showed this survey round. So nobody can set two views side by side and single out one person.",
    held_back: "responses stay on this device: fewer than k came in since the mirror or an export last showed this survey round. So nobody can set two views side by side and single out one person.",
    close: "Close the survey round",
    reopen: "Open it again",
    archive: "Archive",
    closed_note: "This survey round is closed. No more responses are added.",
    delete: "Delete the survey round",
    delete_what: "This deletes from this device: the survey round",
    delete_no_backup: "There is no backup.",
    delete_backup: "The last backup is from week",
    delete_final: "This cannot be undone.",
    delete_yes: "Yes, delete",
    cancel: "Cancel",
    archived: "Archive",
    idle_locked: "The survey rounds were locked: nothing was done for 10 minutes. Enter the passphrase again.",
    responses: "responses",
    week: "week",
};

/// The safety screens' words in `lang`.
pub fn vault_words(lang: Lang) -> &'static VaultWords {
    match lang {
        Lang::Nl => &NL,
        Lang::En => &EN,
    }
}
