//! The parts of the mirror about the staff on their own and over time: the team's
//! consensus on its own approach, opleidingsmanager against zorgcoördinator, and the
//! change since an earlier meting.

use leptos::prelude::*;

use super::{points_of, step_line, text_of, MirrorData};
use crate::domain::analysis::planmatig;
use crate::domain::analysis::{Figure, Group, Report, Share, ThemeChange};
use crate::domain::text::Lang;
use crate::ui::team::i18n::mirror::{num, pct, pct_range, MirrorWords};

/// The team's own approach: where staff answer alike, and where they need agreements.
pub(super) fn team_view(
    d: &MirrorData,
    r: &Report,
    w: &'static MirrorWords,
    lang: Lang,
) -> impl IntoView {
    let shown: Vec<_> =
        r.consensus.iter().filter_map(|c| c.spread.shown().map(|s| (c, s))).collect();
    let hidden = r.consensus.iter().find_map(|c| c.spread.why(lang));
    let divided: Vec<_> = shown.iter().filter(|(_, s)| s.needs_team_agreement).collect();
    let step = (!divided.is_empty()).then(|| step_line(planmatig::for_team_division(), w, lang));
    let rows = divided
        .iter()
        .map(|(c, s)| {
            let labels = points_of(&d.staff, &c.item, lang);
            let spread: Vec<String> = s
                .counts
                .iter()
                .enumerate()
                .map(|(i, n)| {
                    format!(
                        "{}: {n}",
                        labels.get(i).cloned().unwrap_or_else(|| (i + 1).to_string())
                    )
                })
                .collect();
            view! {
                <tr data-testid="divided">
                    <th scope="row">{text_of(&d.staff, &c.item, c.row.as_deref(), lang)}</th>
                    <td>{spread.join(" · ")}</td>
                    <td>{format!("{} ({})", num(s.agreement.consensus, lang), s.agreement.words(lang))}</td>
                </tr>
            }
        })
        .collect_view();
    let agreed = shown.len() - divided.len();
    view! {
        <section class="mirror__team" aria-labelledby="team-heading" data-testid="team">
            <h2 id="team-heading">{w.team}</h2>
            <p>{w.team_intro}</p>
            {if shown.is_empty() {
                view! { <p data-testid="suppressed">{hidden.unwrap_or_default()}</p> }.into_any()
            } else if divided.is_empty() {
                view! { <p>{w.team_agreed_all}</p> }.into_any()
            } else {
                view! {
                    <p>{format!(
                        "{} {} {agreed} {}",
                        divided.len(),
                        if divided.len() == 1 { w.team_divided_one } else { w.team_divided },
                        if agreed == 1 { w.team_agreed_one } else { w.team_agreed },
                    )}</p>
                    <table class="data">
                        <caption>{w.team_divided_caption}</caption>
                        <thead><tr><th scope="col">{w.question}</th><th scope="col">{w.answers_spread}</th><th scope="col">{w.agreement}</th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                    {step}
                }.into_any()
            }}
        </section>
    }
}

/// Opleidingsmanager against zorgcoördinator on their shared block.
pub(super) fn roles_view(
    d: &MirrorData,
    r: &Report,
    w: &'static MirrorWords,
    lang: Lang,
) -> impl IntoView {
    let any_shown = r.roles.iter().any(|c| c.difference.shown().is_some());
    let body = if r.roles.is_empty() {
        view! { <p>{w.roles_none}</p> }.into_any()
    } else if !any_shown {
        let why = r.roles.iter().find_map(|c| c.manager.why(lang).or_else(|| c.zorg.why(lang)));
        view! { <p data-testid="roles-suppressed">{why.unwrap_or_default()}</p> }.into_any()
    } else {
        let rows = r
            .roles
            .iter()
            .map(|c| {
                let cell = |g: &Figure<Group>| {
                    g.shown().map_or_else(|| g.why(lang).unwrap_or_default(), |g| num(g.mean, lang))
                };
                let differs = c.difference.shown().is_some_and(|x| x.differs);
                view! {
                    <tr>
                        <th scope="row">{text_of(&d.staff, &c.item, c.row.as_deref(), lang)}</th>
                        <td>{cell(&c.manager)}</td>
                        <td>{cell(&c.zorg)}</td>
                        <td>{if differs { w.roles_differ } else { "" }}</td>
                    </tr>
                }
            })
            .collect_view();
        let step = r
            .roles
            .iter()
            .any(|c| c.difference.shown().is_some_and(|x| x.differs))
            .then(|| planmatig::for_role_difference(true).map(|s| step_line(s, w, lang)));
        view! {
            <table class="data">
                <caption>{w.roles_caption}</caption>
                <thead><tr><th scope="col">{w.question}</th><th scope="col">{w.manager}</th><th scope="col">{w.zorg}</th><th scope="col">{w.roles_note}</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
            {step}
        }
        .into_any()
    };
    view! {
        <section class="mirror__roles" aria-labelledby="roles-heading" data-testid="roles">
            <h2 id="roles-heading">{w.roles}</h2>
            <p>{w.roles_intro}</p>
            {body}
        </section>
    }
}

/// What changed since the earlier meting, per theme and per question.
pub(super) fn change_view(
    d: &MirrorData,
    changes: &[ThemeChange],
    w: &'static MirrorWords,
    lang: Lang,
) -> impl IntoView {
    let label = d.before.as_ref().map(|(l, _, _)| l.clone()).unwrap_or_default();
    let themes = changes
        .iter()
        .map(|c| {
            let rows = c
                .links
                .iter()
                .map(|l| {
                    let question = text_of(&d.staff, &l.after.staff_item, None, lang);
                    let share = |f: &Figure<Share>| {
                        f.shown().map_or_else(|| w.hidden.to_string(), |s| pct(s.p, lang))
                    };
                    let change = match &l.change {
                        Figure::Shown(x) => format!("{} ({})", pct(x.diff, lang), pct_range(x.ci.lo, x.ci.hi, lang)),
                        Figure::Suppressed { .. } => w.hidden.to_string(),
                    };
                    view! {
                        <tr>
                            <th scope="row">{question}</th>
                            <td>{share(&l.before.students)}</td>
                            <td>{share(&l.after.students)}</td>
                            <td>{change}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <h3>{c.label.get(lang).to_string()}</h3>
                <p data-testid=format!("change-{}", c.theme)>{format!("{}: {} → {}", w.verdict, c.before.label(lang), c.after.label(lang))}</p>
                <table class="data">
                    <caption class="visually-hidden">{c.label.get(lang).to_string()}</caption>
                    <thead><tr><th scope="col">{w.question}</th><th scope="col">{w.before}</th><th scope="col">{w.now}</th><th scope="col">{w.change}</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            }
        })
        .collect_view();
    view! {
        <section class="mirror__change" aria-labelledby="change-heading" data-testid="change">
            <h2 id="change-heading">{format!("{} {label}", w.change_heading)}</h2>
            <p>{w.change_intro}</p>
            {themes}
        </section>
    }
}
