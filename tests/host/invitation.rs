//! Invitation links: what they carry, their checksum (every change of one character is
//! refused before a student answers anything), links made before the checksum, and
//! random input that never panics.

use spiegel::domain::meting::{Context, Draft, Invitation, InvitationError, Meting, Seeds};

use crate::support::{student, Lcg};

/// A meting of the student vragenlijst for niveau 2 BOL, made from seed `n` (one PBKDF2
/// round: quick to test).
fn meting(n: u64) -> Meting {
    let mut rng = Lcg(n * 7919 + 13);
    let seeds = Seeds { id: rng.array(), key: rng.array(), salt: rng.array(), nonce: rng.array() };
    let draft = Draft {
        label: "2B zorg, najaar".into(),
        context: Context {
            domein: Some("zorg_welzijn".into()),
            niveau: Some("2".into()),
            leerweg: Some("bol".into()),
        },
        pin: "482913".into(),
        pin_again: "482913".into(),
    };
    Meting::create(&student(), &draft, "2026-W48", seeds, 1).unwrap().0
}

/// `text` with its checksum appended, the way Spiegel writes a link.
fn signed(text: &str) -> String {
    format!("{text}&c={:08x}", crc32fast::hash(text.as_bytes()))
}

/// The link of `m` as an earlier Spiegel wrote it: no checksum.
fn unsigned(m: &Meting, kiosk: bool) -> String {
    let fragment = m.invitation(kiosk).to_fragment();
    fragment.rsplit_once("&c=").unwrap().0.to_string()
}

#[test]
fn an_invitation_link_round_trips_with_its_checksum_last() {
    let m = meting(1);
    let plain = m.invitation(false);
    let fragment = plain.to_fragment();
    assert!(fragment.starts_with(&format!("m={}&i=spiegel-student&v=", m.id.to_text())));
    assert!(fragment.contains(&format!("&k={}", m.public().to_text())), "{fragment}");
    // The meting's niveau and leerweg travel along; its domein does not.
    assert!(fragment.contains("&n=2&l=bol&c="), "{fragment}");
    assert!(!fragment.contains("zorg_welzijn"), "{fragment}");
    let (covered, sum) = fragment.rsplit_once("&c=").unwrap();
    assert_eq!(sum, format!("{:08x}", crc32fast::hash(covered.as_bytes())));
    assert_eq!(Invitation::from_fragment(&fragment), Ok(plain.clone()));
    assert_eq!(Invitation::from_fragment(&format!("#{fragment}")), Ok(plain.clone()));

    // The kiosk switch is covered by the checksum too.
    let kiosk = m.invitation(true);
    let fragment = kiosk.to_fragment();
    assert!(fragment.contains("&kiosk=1&c="), "{fragment}");
    assert_eq!(Invitation::from_fragment(&format!("#{fragment}")), Ok(kiosk.clone()));
    assert!(kiosk.kiosk && !plain.kiosk);
    assert_eq!((kiosk.key, kiosk.meting), (m.public(), m.id));
}

#[test]
fn every_change_of_one_character_is_refused_and_still_counts_as_an_invitation() {
    // Every character a link can hold, and a few it cannot.
    let alphabet: Vec<char> =
        "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ&=%.-_~#+/? é"
            .chars()
            .collect();
    for (n, kiosk) in [(2, false), (3, true)] {
        let m = meting(n);
        let fragment = m.invitation(kiosk).to_fragment();
        let chars: Vec<char> = fragment.chars().collect();
        let mut tried = 0;
        let mut check = |changed: String, what: String| {
            assert!(Invitation::from_fragment(&changed).is_err(), "{what} was accepted: {changed}");
            assert!(Invitation::is_invitation(&changed), "{what} is no longer an invitation");
            tried += 1;
        };
        for at in 0..chars.len() {
            for &c in alphabet.iter().filter(|c| **c != chars[at]) {
                let mut changed = chars.clone();
                changed[at] = c;
                check(changed.iter().collect(), format!("{:?} at {at} → {c:?}", chars[at]));
            }
            let mut shorter = chars.clone();
            shorter.remove(at);
            check(shorter.iter().collect(), format!("removing {:?} at {at}", chars[at]));
            for &c in &alphabet {
                let mut longer = chars.clone();
                longer.insert(at, c);
                // A `#` in front is the fragment's own sign and reads the same.
                if at == 0 && c == '#' {
                    continue;
                }
                check(longer.iter().collect(), format!("{c:?} put in at {at}"));
            }
        }
        // The end of the link: a character added after the checksum, or the last cut off.
        for &c in &alphabet {
            check(format!("{fragment}{c}"), format!("{c:?} added at the end"));
        }
        assert!(tried > 15_000, "{tried}");
    }
}

#[test]
fn a_link_made_before_the_checksum_still_works_in_its_own_shape_only() {
    let m = meting(4);
    for kiosk in [false, true] {
        let old = unsigned(&m, kiosk);
        assert!(!old.contains("c="), "{old}");
        assert_eq!(Invitation::from_fragment(&old), Ok(m.invitation(kiosk)), "{old}");
        // Its parameters in another order and upper-case hexadecimal: as before.
        let mut params: Vec<&str> = old.split('&').collect();
        params.reverse();
        assert_eq!(Invitation::from_fragment(&params.join("&")), Ok(m.invitation(kiosk)));
    }
    let old = unsigned(&m, false);
    let upper = old
        .replace(&m.id.to_text(), &m.id.to_text().to_uppercase())
        .replace(&m.public().to_text(), &m.public().to_text().to_uppercase());
    assert_eq!(Invitation::from_fragment(&upper), Ok(m.invitation(false)));
    // Without a checksum nothing else may be in it: what is left of a damaged checksum
    // never passes as an old link.
    for extra in ["&x=1", "&d=0a1b2c3d", "&utm_source=mail", "&=0a1b2c3d", "&c0a1b2c3d"] {
        assert_eq!(
            Invitation::from_fragment(&format!("{old}{extra}")),
            Err(InvitationError::Unknown),
            "{extra}"
        );
    }
    assert_eq!(
        Invitation::from_fragment(&format!("{old}&m={}", m.id.to_text())),
        Err(InvitationError::Twice("m"))
    );
    assert_eq!(
        Invitation::from_fragment(&format!("{old}&kiosk=0")),
        Err(InvitationError::Malformed("kiosk"))
    );
    assert_eq!(
        Invitation::from_fragment(&format!("{old}&kiosk=1x")),
        Err(InvitationError::Malformed("kiosk"))
    );
}

#[test]
fn the_checksum_must_be_last_once_and_eight_hexadecimal_characters() {
    let m = meting(5);
    let fragment = m.invitation(false).to_fragment();
    let (covered, sum) = fragment.rsplit_once("&c=").unwrap();
    assert_eq!(
        Invitation::from_fragment(&format!("c={sum}&{covered}")),
        Err(InvitationError::Malformed("c"))
    );
    assert_eq!(
        Invitation::from_fragment(&format!("{fragment}&kiosk=1")),
        Err(InvitationError::Malformed("c")),
        "nothing may be added after the checksum"
    );
    assert_eq!(
        Invitation::from_fragment(&format!("{fragment}&c={sum}")),
        Err(InvitationError::Twice("c"))
    );
    for bad in ["", "0", &sum[..7], &format!("{sum}0"), &sum.to_uppercase(), "zzzzzzzz"] {
        if bad == sum {
            continue;
        }
        assert_eq!(
            Invitation::from_fragment(&format!("{covered}&c={bad}")),
            Err(InvitationError::Malformed("c")),
            "c={bad}"
        );
    }
    assert_eq!(
        Invitation::from_fragment(&format!("{covered}&c=00000000")),
        Err(InvitationError::Checksum)
    );
    // A later version's parameter is allowed when the checksum covers it.
    let later = signed(&format!("{covered}&later=1"));
    assert_eq!(Invitation::from_fragment(&later), Ok(m.invitation(false)));
}

#[test]
fn an_instrument_name_and_version_with_spaces_accents_and_url_characters_round_trip() {
    let m = meting(6);
    let invitation = Invitation {
        instrument: "mijn lijst/ROC Zuid?#".into(),
        version: "2.0 beta é&v=3 100% +ü😀".into(),
        context: Context::default(),
        ..m.invitation(false)
    };
    let fragment = invitation.to_fragment();
    assert_eq!(fragment.matches('&').count(), 4, "{fragment}");
    assert_eq!(fragment.matches('=').count(), 5, "{fragment}");
    assert!(fragment.is_ascii() && !fragment.contains(' ') && !fragment.contains('#'));
    assert_eq!(Invitation::from_fragment(&fragment), Ok(invitation.clone()));
    assert_eq!(Invitation::from_fragment(&format!("#{fragment}")), Ok(invitation));
}

#[test]
fn each_missing_invitation_parameter_is_named() {
    let m = meting(7);
    let old = unsigned(&m, true);
    for name in ["m", "i", "v", "k"] {
        let without: Vec<&str> =
            old.split('&').filter(|p| !p.starts_with(&format!("{name}="))).collect();
        let without = without.join("&");
        for link in [without.clone(), signed(&without)] {
            assert_eq!(
                Invitation::from_fragment(&link),
                Err(InvitationError::Missing(name)),
                "{name}: {link}"
            );
        }
    }
    assert_eq!(Invitation::from_fragment(""), Err(InvitationError::Missing("m")));
    assert_eq!(Invitation::from_fragment("#"), Err(InvitationError::Missing("m")));
}

#[test]
fn a_damaged_invitation_parameter_is_named() {
    let m = meting(8);
    let old = unsigned(&m, false);
    let with = |name: &str, value: &str| {
        let params: Vec<String> = old
            .split('&')
            .map(|p| {
                if p.starts_with(&format!("{name}=")) {
                    format!("{name}={value}")
                } else {
                    p.to_string()
                }
            })
            .collect();
        let text = params.join("&");
        let signed_result = Invitation::from_fragment(&signed(&text));
        let old_result = Invitation::from_fragment(&text);
        assert_eq!(signed_result, old_result, "{name}={value}");
        old_result
    };
    let id = m.id.to_text();
    let key = m.public().to_text();
    for bad in ["", &id[..15], &id[..14], &format!("{id}00"), "zz11223344556677", "é1223344556677"]
    {
        assert_eq!(with("m", bad), Err(InvitationError::Malformed("m")), "m={bad}");
    }
    for bad in ["", &key[..63], &key[..62], &format!("{key}00"), &"0".repeat(64), &"g".repeat(64)] {
        assert_eq!(with("k", bad), Err(InvitationError::Malformed("k")), "k={bad}");
    }
    for bad in ["", "%", "%4", "a%zz", "%C3", "%FF%FE", "%é1"] {
        assert_eq!(with("i", bad), Err(InvitationError::Malformed("i")), "i={bad}");
        assert_eq!(with("v", bad), Err(InvitationError::Malformed("v")), "v={bad}");
    }
    for (name, bad) in [("n", "5"), ("n", ""), ("l", "deeltijd"), ("l", "BOL")] {
        assert_eq!(
            with(name, bad),
            Err(InvitationError::Malformed(if name == "n" { "n" } else { "l" }))
        );
    }
    // Without `=` a parameter is there but empty.
    assert_eq!(
        Invitation::from_fragment(&old.replace(&format!("m={id}"), "m")),
        Err(InvitationError::Malformed("m"))
    );
}

#[test]
fn a_fragment_with_a_main_invitation_parameter_counts_as_an_invitation() {
    for yes in
        ["m=0011223344556677", "#m=", "#x=1&m", "i=a&m=zz&k=1", "##m=1", "#i=a&v=1&k=00", "c=1"]
    {
        assert!(Invitation::is_invitation(yes), "{yes:?}");
    }
    for no in ["", "#", "#own", "#mm=1", "#section-2", "#M=1", "#am=1", "&&", "#kiosk=1"] {
        assert!(!Invitation::is_invitation(no), "{no:?}");
    }
}

#[test]
fn random_fragments_never_panic_and_only_whole_links_are_read() {
    let m = meting(9);
    let fragment = m.invitation(false).to_fragment();
    let id = m.id.to_text();
    let tokens = [
        "m=",
        "i=",
        "v=",
        "k=",
        "c=",
        "kiosk=1",
        "&",
        "=",
        "#",
        "%",
        "%4",
        "%C3",
        "%A9",
        "é",
        "😀",
        "0",
        "a",
        "F",
        "z",
        " ",
        &id,
        "spiegel-student",
        "1.0.0",
    ];
    let mut rng = Lcg(42);
    let (mut read, mut refused) = (0, 0);
    for n in 0..3_000 {
        let text: String = match n % 3 {
            0 => {
                let len = rng.below(80);
                String::from_utf8_lossy(&rng.bytes(len)).into_owned()
            }
            1 => (0..rng.below(16)).map(|_| tokens[rng.below(tokens.len())]).collect(),
            _ => {
                // A real link with a few tokens put in, taken out or replaced.
                let mut chars: Vec<String> = fragment.chars().map(String::from).collect();
                for _ in 0..1 + rng.below(3) {
                    let at = rng.below(chars.len());
                    let token = tokens[rng.below(tokens.len())].to_string();
                    match rng.below(3) {
                        0 => chars.insert(at, token),
                        1 => chars[at] = token,
                        _ => {
                            chars.remove(at);
                        }
                    }
                }
                chars.concat()
            }
        };
        let is = Invitation::is_invitation(&text);
        match Invitation::from_fragment(&text) {
            Ok(invitation) => {
                assert!(is, "{text:?} was read but is not an invitation");
                // Only the link itself (or one that reads the same) passes.
                assert_eq!(invitation, m.invitation(false), "{text:?}");
                let again = invitation.to_fragment();
                assert_eq!(Invitation::from_fragment(&again), Ok(invitation), "{text:?}");
                read += 1;
            }
            Err(_) => refused += 1,
        }
    }
    assert!(refused > 2_000, "read {read}, refused {refused}");
}
