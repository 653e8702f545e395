//! The step of the planmatig cycle (seed-000 §3.2) each gap points to.
//!
//! Seed 000 (L786–802) names seven steps a team goes through, together and with each
//! student, to make its education fit what students need. A gap the analysis finds says
//! which step the team is missing or skipping; the `for_*` functions make that link, and
//! [`Step::advice`] says in plain words what the team can do next.

use crate::domain::text::Lang;

use super::{Difference, Verdict};

/// One of the seven steps of planmatig werken, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Step {
    /// Step 1, signaleren: find out what individual students need and wish.
    Signaleren,
    /// Step 2, analyseren: sort and discuss those needs and wishes together.
    Analyseren,
    /// Step 3, doelen en aanpak vastleggen: set the students' goals and record an approach.
    DoelenVastleggen,
    /// Step 4, uitvoeren volgens afspraak: carry out the approach as agreed.
    Uitvoeren,
    /// Step 5, voortgang samen bespreken: discuss progress together at set times.
    VoortgangBespreken,
    /// Step 6, aanpak aanpassen: change the approach where needed.
    Aanpassen,
    /// Step 7, evalueren: after an agreed period, check the execution, the goals and
    /// the effect for the student.
    Evalueren,
}

impl Step {
    /// All seven steps, in order.
    pub const ALL: [Step; 7] = [
        Step::Signaleren,
        Step::Analyseren,
        Step::DoelenVastleggen,
        Step::Uitvoeren,
        Step::VoortgangBespreken,
        Step::Aanpassen,
        Step::Evalueren,
    ];

    /// Where the seven steps come from, to show next to them.
    pub fn source() -> &'static str {
        "seed-000 L786–802"
    }

    /// The step's number in the cycle, 1..=7.
    pub fn number(self) -> u8 {
        match self {
            Step::Signaleren => 1,
            Step::Analyseren => 2,
            Step::DoelenVastleggen => 3,
            Step::Uitvoeren => 4,
            Step::VoortgangBespreken => 5,
            Step::Aanpassen => 6,
            Step::Evalueren => 7,
        }
    }

    /// The short name of the step, e.g. "Signaleren".
    pub fn name(self, lang: Lang) -> &'static str {
        let (nl, en) = match self {
            Step::Signaleren => ("Signaleren", "Spotting needs"),
            Step::Analyseren => ("Analyseren", "Analysing"),
            Step::DoelenVastleggen => ("Doelen en aanpak vastleggen", "Setting goals and approach"),
            Step::Uitvoeren => ("Uitvoeren volgens afspraak", "Carrying out as agreed"),
            Step::VoortgangBespreken => {
                ("Voortgang samen bespreken", "Discussing progress together")
            }
            Step::Aanpassen => ("Aanpak aanpassen", "Adjusting the approach"),
            Step::Evalueren => ("Evalueren", "Evaluating"),
        };
        pick(lang, nl, en)
    }

    /// What the team can do next in this step: one or two short, plain sentences.
    pub fn advice(self, lang: Lang) -> &'static str {
        // Each follows what seed 000 says about the step (L786–802) and the phases of its
        // practical framework (L938–965).
        let (nl, en) = match self {
            Step::Signaleren => (
                "Spreek als team af hoe en wanneer u studenten vraagt naar hun behoeften en \
                 wensen. Gebruik daarvoor bijvoorbeeld de intake en de mentorgesprekken.",
                "Agree as a team how and when you ask students about their needs and wishes. \
                 Use the intake and mentor talks, for example.",
            ),
            Step::Analyseren => (
                "Bespreek de signalen samen en orden ze: wat hebben studenten nodig? Spreek af \
                 wie dat doet en hoe.",
                "Discuss the signals together and sort them: what do students need? Agree who \
                 does this and how.",
            ),
            Step::DoelenVastleggen => (
                "Kies samen doelen en een aanpak voor studenten met dezelfde behoefte. Leg dat \
                 vast in teamafspraken.",
                "Choose goals and an approach together for students with the same need. Write \
                 them down as team agreements.",
            ),
            Step::Uitvoeren => (
                "Iedereen in het team voert de aanpak uit zoals afgesproken, in elke les. Vraag \
                 studenten of ze dat merken.",
                "Everyone in the team carries out the approach as agreed, in every lesson. Ask \
                 students whether they notice it.",
            ),
            Step::VoortgangBespreken => (
                "Bespreek de voortgang samen op vaste momenten, bijvoorbeeld elke periode. Kijk \
                 of iedereen de aanpak hetzelfde ziet.",
                "Discuss progress together at fixed times, for example every period. Check \
                 whether everyone sees the approach the same way.",
            ),
            Step::Aanpassen => (
                "Werkt de aanpak niet goed genoeg? Pas hem dan samen aan en leg de nieuwe \
                 afspraak vast.",
                "Is the approach not working well enough? Then change it together and write \
                 down the new agreement.",
            ),
            Step::Evalueren => (
                "Kijk na een afgesproken periode terug: deed iedereen wat was afgesproken, en \
                 zijn de doelen gehaald? Vraag ook wat studenten ervan merken.",
                "After an agreed period, look back: did everyone do what was agreed, and were \
                 the goals met? Also ask what students notice.",
            ),
        };
        pick(lang, nl, en)
    }
}

/// The step a share estimate points to.
///
/// - [`Verdict::Over`] and [`Verdict::Under`]: the team's picture of its students does not
///   match what students say, so the team does not yet know their needs and wishes well
///   enough. That is the first step: agree how to find them out ([`Step::Signaleren`]).
/// - [`Verdict::Divided`]: staff see the students differently from one another. The
///   signals are there but not yet put together: analyse and discuss them as a team
///   ([`Step::Analyseren`]).
/// - [`Verdict::DontKnow`]: most of the team does not know what its students need or
///   want; finding that out is the first step ([`Step::Signaleren`]).
/// - [`Verdict::Right`] and [`Verdict::Unknown`]: no gap (or none to show), so no step.
pub fn for_verdict(v: Verdict) -> Option<Step> {
    match v {
        Verdict::Over | Verdict::Under | Verdict::DontKnow => Some(Step::Signaleren),
        Verdict::Divided => Some(Step::Analyseren),
        Verdict::Right | Verdict::Unknown => None,
    }
}

/// The step a self-assessment item points to when the team is divided on it
/// ([`super::Spread::needs_team_agreement`]): everyone does it their own way, which seed
/// 000 links to missing concrete team agreements (L772–776, L974–984), so the step is to
/// set goals and an approach together ([`Step::DoelenVastleggen`]).
pub fn for_team_division() -> Step {
    Step::DoelenVastleggen
}

/// The step an ordinal mirror points to, from staff mean minus student mean on one of the
/// shared statements.
///
/// - The 95 % interval lies entirely above 0: staff think they do it more than students
///   experience. The approach does not reach students as the team means it to, so the
///   step is to carry it out as agreed, in every lesson ([`Step::Uitvoeren`]).
/// - Entirely below 0: students experience more than staff think. Nothing is missing for
///   the students, but the team does not see the effect of its own approach; finding that
///   effect is what evaluation is for ([`Step::Evalueren`], seed 000 L786–802).
/// - The interval holds 0 (or is not a number): no clear difference, so no step.
pub fn for_ordinal(d: &Difference) -> Option<Step> {
    if d.ci.lo > 0.0 {
        Some(Step::Uitvoeren)
    } else if d.ci.hi < 0.0 {
        Some(Step::Evalueren)
    } else {
        None
    }
}

/// The step when the opleidingsmanager and the zorgcoördinator see an item of their
/// shared block differently ([`super::RoleDifference::differs`]): they do not yet share
/// one picture of how things go, so the step is to discuss progress together at set times
/// ([`Step::VoortgangBespreken`]). No step when they see it alike.
pub fn for_role_difference(differs: bool) -> Option<Step> {
    differs.then_some(Step::VoortgangBespreken)
}

/// `nl` or `en`, by `lang`.
fn pick(lang: Lang, nl: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Nl => nl,
        Lang::En => en,
    }
}
