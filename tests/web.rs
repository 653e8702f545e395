//! Browser tests, run in headless Chromium by `cargo test --target wasm32-unknown-unknown`
//! (`make test-web`). On the host this file compiles to nothing: see `make test`.
#![cfg(target_arch = "wasm32")]
// Test code: a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used)]

use leptos::prelude::*;
use leptos::task::tick;
use spiegel::domain::builtin;
use spiegel::domain::instrument::ItemKind;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// Removes everything Spiegel stored, so each test starts like a fresh device.
fn clear_spiegel_storage() {
    let s = storage();
    let keys: Vec<String> = (0..s.length().unwrap()).filter_map(|i| s.key(i).unwrap()).collect();
    for k in keys.into_iter().filter(|k| k.starts_with("spiegel.")) {
        s.remove_item(&k).unwrap();
    }
}

/// Mounts the whole app in a fresh container; keep the handle alive for the test.
fn mount_app() -> (HtmlElement, impl Drop) {
    let doc = document();
    let root: HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    doc.body().unwrap().append_child(&root).unwrap();
    let handle = leptos::mount::mount_to(root.clone(), spiegel::ui::student::App);
    (root, handle)
}

fn find(root: &HtmlElement, selector: &str) -> HtmlElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .unchecked_into()
}

async fn settle() {
    tick().await;
    tick().await;
}

#[wasm_bindgen_test]
async fn the_start_screen_leads_to_an_invitation_or_a_trial_and_staff_get_u() {
    clear_spiegel_storage();
    let (root, _h) = mount_app();
    settle().await;
    let student = find(&root, "[data-testid=role-student]");
    assert_eq!(student.text_content().unwrap(), "Ik ben student");
    find(&root, "[data-testid=role-staff]").click();
    settle().await;
    // No run without an invitation: the way in says how to open one, in "u".
    let heading = find(&root, "#question-title").text_content().unwrap();
    assert_eq!(heading, "Open uw uitnodiging");
    find(&root, "[data-testid=trial-start]").click();
    settle().await;
    find(&root, "[data-testid=question-rol]");
    let badge = find(&root, "[data-testid=trial-badge]").text_content().unwrap();
    assert!(badge.contains("uw antwoorden gaan nergens heen"), "{badge}");
    assert_eq!(
        storage().get_item("spiegel.v1.trial").unwrap().as_deref(),
        Some("spiegel-staff"),
        "the staff trial is the one to resume after a reload"
    );
    root.remove();
    clear_spiegel_storage();
}

/// From the start screen to the first question of a trial of the student vragenlijst.
async fn start_student_trial(root: &HtmlElement) {
    find(root, "[data-testid=role-student]").click();
    settle().await;
    find(root, "[data-testid=trial-start]").click();
    settle().await;
}

#[wasm_bindgen_test]
async fn an_answer_shows_on_the_page_and_is_stored_before_the_next_screen() {
    clear_spiegel_storage();
    let instrument = builtin::student().unwrap();
    let (_, first) = instrument.items().next().unwrap();
    let codes: Vec<String> = first.kind.choices().into_iter().map(|c| c.code).collect();
    assert!(
        matches!(first.kind, ItemKind::SingleChoice { .. }),
        "the first question is an easy single choice"
    );

    let (root, _h) = mount_app();
    settle().await;
    start_student_trial(&root).await;
    let question = find(&root, &format!("[data-testid=question-{}]", first.id));
    assert!(question.text_content().unwrap().contains(&first.text.nl));
    assert!(
        find(&root, "[data-testid=progress]").text_content().unwrap().starts_with("Deel 1 van "),
        "the first part"
    );

    let radio: HtmlInputElement =
        find(&root, &format!("input[value='{}']", codes[1])).unchecked_into();
    radio.click();
    settle().await;
    assert!(radio.checked(), "the picked option shows as picked");
    let stored = storage().get_item("spiegel.v1.session.spiegel-student@trial").unwrap().unwrap();
    assert!(
        stored.contains(&format!("\"{}\":{{\"choice\":\"{}\"}}", first.id, codes[1])),
        "the answer is in storage right away: {stored}"
    );

    find(&root, "[data-testid=next]").click();
    settle().await;
    assert!(
        root.query_selector(&format!("[data-testid=question-{}]", first.id)).unwrap().is_none(),
        "the next question is on screen"
    );
    let stored = storage().get_item("spiegel.v1.session.spiegel-student@trial").unwrap().unwrap();
    assert!(
        !stored.contains(&format!("\"position\":\"{}\"", first.id)),
        "the new position is stored: {stored}"
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn next_without_an_answer_shows_a_friendly_message_and_stays() {
    clear_spiegel_storage();
    let (root, _h) = mount_app();
    settle().await;
    start_student_trial(&root).await;
    find(&root, "[data-testid=next]").click();
    settle().await;
    let error = find(&root, "[data-testid=error]").text_content().unwrap();
    assert!(error.starts_with("Kies eerst een antwoord"), "{error}");
    assert!(find(&root, "[data-testid=progress]").text_content().unwrap().starts_with("Deel 1 "));
    root.remove();
}

#[wasm_bindgen_test]
async fn the_language_switch_changes_texts_and_the_page_language() {
    clear_spiegel_storage();
    let (root, _h) = mount_app();
    settle().await;
    find(&root, "[data-testid=lang-en]").click();
    settle().await;
    assert_eq!(find(&root, "[data-testid=role-student]").text_content().unwrap(), "I am a student");
    assert_eq!(document().document_element().unwrap().get_attribute("lang").as_deref(), Some("en"));
    assert_eq!(storage().get_item("spiegel.v1.lang").unwrap().as_deref(), Some("en"));
    find(&root, "[data-testid=lang-nl]").click();
    settle().await;
    assert_eq!(find(&root, "[data-testid=role-student]").text_content().unwrap(), "Ik ben student");
    root.remove();
}

#[wasm_bindgen_test]
async fn a_corrupt_stored_session_is_set_aside_with_a_message() {
    clear_spiegel_storage();
    storage().set_item("spiegel.v1.session.spiegel-student@trial", "{kapot").unwrap();
    let (root, _h) = mount_app();
    settle().await;
    let notice = find(&root, "[data-testid=notice]").text_content().unwrap();
    assert!(notice.contains("kapotte gegevens"), "{notice}");
    find(&root, "[data-testid=role-student]");
    assert_eq!(storage().get_item("spiegel.v1.set-aside.1").unwrap().as_deref(), Some("{kapot"));
    root.remove();
    clear_spiegel_storage();
}
