//! One meting on the team device: its invitation (link and QR code), kiosk mode, and
//! collecting responses — response files, photos of QR codes and live camera scans —
//! after unlocking with the PIN. Every file or scan gets a line saying what happened.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::domain::limits::{check_size, megabytes, FileKind};
use crate::domain::text::Lang;
use crate::ui::browser::{copy_text, focus, next_paint};
use crate::ui::components::full_screen::FullScreen;
use crate::ui::components::qr_code::QrCode;
use crate::ui::team::i18n::team::team_words;
use crate::ui::team::scan::{decode_image, CameraScanner, ScanLabels};

/// Files taken in together: their new responses are kept in one store transaction, and
/// their lines are shown at once (so a batch of hundreds of files neither writes nor
/// redraws the page per file).
const BATCH: usize = 100;

/// What the page shows about the meting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MetingInfo {
    /// The team's label.
    pub label: String,
    /// Vragenlijst title, week and context, as one line.
    pub facts: String,
    /// The invitation link.
    pub link: String,
    /// The invitation link for a shared device (kiosk mode).
    pub kiosk_link: String,
}

/// What arrived: a file's bytes, or the contents of QR codes (from a photo or the camera).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Incoming {
    /// A response file (or anything else the user picked).
    File(Vec<u8>),
    /// QR code contents.
    Codes(Vec<Vec<u8>>),
}

/// How one file or scan went, for its line in the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportLine {
    /// `new`, `duplicate`, `refused` or `part`, for styling and tests.
    pub outcome: &'static str,
    /// Responses added.
    pub new: usize,
    /// Responses that were there already.
    pub duplicates: usize,
    /// The line's text.
    pub text: String,
}

/// The lines of a batch of files or scans, in their order, once the device keeps them.
pub type ImportFuture = std::pin::Pin<Box<dyn std::future::Future<Output = Vec<ImportLine>>>>;

/// Why unlocking did not work.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnlockError {
    /// Not the PIN.
    WrongPin,
    /// The stored key is damaged.
    Damaged,
}

/// The meting page.
#[component]
pub fn MetingPage(
    /// Language of the texts.
    lang: Lang,
    /// The meting.
    info: MetingInfo,
    /// Responses collected so far.
    count: usize,
    /// The number of students in the class, as the team entered it.
    class_size: Option<u32>,
    /// Keeps (or, with `None`, forgets) the number of students; returns whether it was kept.
    on_class_size: Callback<Option<u32>, bool>,
    /// Whether the key is unlocked already (this visit of the app).
    unlocked: bool,
    /// Unlocks with a PIN (slow).
    on_unlock: Callback<String, Result<(), UnlockError>>,
    /// Forgets the unlocked key.
    on_lock: Callback<()>,
    /// Takes in a batch of files or scans, each whole or not at all; their lines come once
    /// the device keeps what they added.
    on_incoming: Callback<Vec<Incoming>, ImportFuture>,
    /// Starts kiosk mode on this device.
    on_kiosk: Callback<()>,
    /// Back to the list.
    on_back: Callback<()>,
) -> impl IntoView {
    let t = team_words(lang);
    let v = crate::ui::team::i18n::vault::vault_words(lang);
    request_animation_frame(|| focus("question-title"));
    let count = RwSignal::new(count);
    let class_size = RwSignal::new(class_size);
    let unlocked = RwSignal::new(unlocked);
    let busy = RwSignal::new(false);
    let pin = RwSignal::new(String::new());
    let unlock_error = RwSignal::new(None::<UnlockError>);
    let copied = RwSignal::new(false);
    let scanning = RwSignal::new(false);
    let lines = RwSignal::new(Vec::<(usize, String, ImportLine)>::new());
    let numbered = StoredValue::new(0usize);
    let totals = RwSignal::new((0usize, 0usize, 0usize));
    let done = RwSignal::new(true);

    let unlock = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        unlock_error.set(None);
        leptos::task::spawn_local(async move {
            next_paint().await;
            match on_unlock.run(pin.get_untracked()) {
                Ok(()) => {
                    pin.set(String::new());
                    unlocked.set(true);
                    request_animation_frame(|| focus("import-heading"));
                }
                Err(e) => {
                    unlock_error.set(Some(e));
                    request_animation_frame(|| focus("unlock-pin"));
                }
            }
            busy.set(false);
        });
    };

    // Shows a few lines and their counts at once (one update per batch of lines, so a
    // batch of hundreds of files does not redraw the page per file).
    let record = move |batch: Vec<(String, ImportLine)>| {
        if batch.is_empty() {
            return;
        }
        let added: usize = batch.iter().map(|(_, l)| l.new).sum();
        count.update(|c| *c += added);
        totals.update(|(n, d, r)| {
            for (_, line) in &batch {
                *n += line.new;
                *d += line.duplicates;
                *r += usize::from(line.outcome == "refused");
            }
        });
        lines.update(|l| {
            for (name, line) in batch {
                let n = numbered.get_value();
                numbered.set_value(n + 1);
                l.push((n, name, line));
            }
        });
    };

    // Takes in the files picked or dropped, in the order given, a batch at a time.
    let take_files = move |files: web_sys::FileList| {
        let files: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
        if files.is_empty() {
            return;
        }
        done.set(false);
        lines.set(Vec::new());
        totals.set((0, 0, 0));
        leptos::task::spawn_local(async move {
            let started = js_sys::Date::now();
            // Every file's read starts at once, so the browser reads them side by side;
            // they are taken in in order. (Pictures go to the QR reader.) A file over its
            // kind's size limit is refused before a byte of it is read.
            let too_large = |f: &web_sys::File| {
                let kind = if f.type_().starts_with("image/") {
                    FileKind::Photo
                } else {
                    FileKind::Responses
                };
                check_size(kind, f.size()).err()
            };
            let reads: Vec<(web_sys::File, Option<JsFuture>)> = files
                .into_iter()
                .map(|f| {
                    let read = (!f.type_().starts_with("image/") && too_large(&f).is_none())
                        .then(|| JsFuture::from(f.array_buffer()));
                    (f, read)
                })
                .collect();
            let total = reads.len();
            // Per file of the batch: its name and what it holds, or its line already.
            let mut batch: Vec<(String, Result<Incoming, ImportLine>)> = Vec::new();
            for (n, (file, read)) in reads.into_iter().enumerate() {
                let name = file.name();
                let refused =
                    |text: String| ImportLine { outcome: "refused", new: 0, duplicates: 0, text };
                let item = if let Some(e) = too_large(&file) {
                    let size = megabytes(e.size, lang == Lang::Nl);
                    Err(refused(format!("{} {size}.", v.err_too_large)))
                } else {
                    let incoming = match read {
                        None => decode_image(&file).await.ok().map(Incoming::Codes),
                        Some(read) => read
                            .await
                            .ok()
                            .map(|b| Incoming::File(js_sys::Uint8Array::new(&b).to_vec())),
                    };
                    incoming.ok_or_else(|| refused(t.no_code.to_string()))
                };
                batch.push((name, item));
                if batch.len() == BATCH || n + 1 == total {
                    let mut incoming = Vec::new();
                    let mut names = Vec::new();
                    for (name, item) in std::mem::take(&mut batch) {
                        match item {
                            Ok(i) => {
                                incoming.push(i);
                                names.push((name, None));
                            }
                            Err(line) => names.push((name, Some(line))),
                        }
                    }
                    let mut taken = if incoming.is_empty() {
                        Vec::new()
                    } else {
                        on_incoming.run(incoming).await
                    }
                    .into_iter();
                    let shown: Vec<(String, ImportLine)> = names
                        .into_iter()
                        .filter_map(|(name, line)| Some((name, line.or_else(|| taken.next())?)))
                        .collect();
                    record(shown);
                }
            }
            let ms = js_sys::Date::now() - started;
            if let Some(w) = web_sys::window() {
                let _ = js_sys::Reflect::set(&w, &"__spiegelLastImportMs".into(), &ms.into());
            }
            done.set(true);
        });
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let input = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let Some(files) = input.as_ref().and_then(|i| i.files()) {
            take_files(files);
        }
        // Let the same file be picked again later.
        if let Some(input) = input {
            input.set_value("");
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        if let Some(files) = ev.data_transfer().and_then(|d| d.files()) {
            take_files(files);
        }
    };
    let on_code = Callback::new(move |code: Vec<u8>| {
        let pending = on_incoming.run(vec![Incoming::Codes(vec![code])]);
        leptos::task::spawn_local(async move {
            record(pending.await.into_iter().map(|line| ("QR".to_string(), line)).collect());
        });
    });

    let link = info.link.clone();
    let copy = move |_| {
        let link = link.clone();
        leptos::task::spawn_local(async move {
            copied.set(copy_text(&link).await);
        });
    };

    let locked_view = move || {
        view! {
            <form class="form" novalidate=true on:submit=unlock>
                <p>{v.unlock_intro}</p>
                <label class="form__label" for="unlock-pin">{v.field_unlock}</label>
                <input id="unlock-pin" class="form__input secret" type="text" autocomplete="off" autocapitalize="off"
                    spellcheck="false" data-1p-ignore="" data-lpignore="true"
                    data-testid="unlock-pin" prop:value=move || pin.get()
                    on:input=move |ev| pin.set(event_target_value(&ev)) />
                <p class="question__error" role="alert" data-testid="unlock-error">
                    {move || unlock_error.get().map(|e| match e {
                        UnlockError::WrongPin => v.wrong_pass,
                        UnlockError::Damaged => t.key_damaged,
                    })}
                </p>
                <p role="status">{move || busy.get().then_some(t.unlocking)}</p>
                <button type="submit" class="btn btn--primary" data-testid="unlock" disabled=move || busy.get()>{t.unlock}</button>
            </form>
        }
    };
    // Keyed by a running number: new lines are added, the ones shown stay as they are.
    let line_list = move || {
        view! {
            <For each=move || lines.get() key=|(n, _, _)| *n let:((_, name, line))>
                <li class=format!("import__line import__line--{}", line.outcome) data-outcome=line.outcome>
                    <span class="import__name">{name}</span>": "{line.text}
                </li>
            </For>
        }
    };
    let unlocked_view = move || {
        let labels = ScanLabels {
            title: t.scan_title,
            start_hint: t.scan_hint,
            denied: t.scan_denied,
            no_camera: t.scan_no_camera,
            close: t.scan_close,
        };
        view! {
            <h3 id="import-heading" tabindex="-1" class="import__heading">{t.import_files}</h3>
            <div class="import__drop" data-testid="drop-zone"
                on:dragover=move |ev: leptos::ev::DragEvent| ev.prevent_default()
                on:drop=on_drop>
                <label class="form__label" for="import-files">{t.import_files}</label>
                <input id="import-files" class="own__file" type="file" multiple=true
                    accept=".spiegel,application/octet-stream,image/*" data-testid="import-files" on:change=on_pick />
                <p class="question__hint">{t.drop_here}</p>
            </div>
            <Show when=move || scanning.get() fallback=move || view! {
                <button type="button" class="btn btn--secondary" data-testid="scan-start" on:click=move |_| scanning.set(true)>{t.scan}</button>
            }>
                <CameraScanner on_code labels=labels on_close=Callback::new(move |()| scanning.set(false)) />
            </Show>
            <p role="status" class="import__summary" data-testid="import-summary"
                data-done=move || done.get().to_string()
                data-new=move || totals.get().0
                data-duplicate=move || totals.get().1
                data-refused=move || totals.get().2>
                {move || {
                    let (n, d, r) = totals.get();
                    (!lines.with(Vec::is_empty)).then(|| format!("{n} {}, {d} {}, {r} {}", t.new, t.duplicate, t.refused))
                }}
            </p>
            <ul class="import__lines" data-testid="import-results">{line_list}</ul>
            <button type="button" class="btn btn--ghost" data-testid="lock"
                on:click=move |_| { scanning.set(false); unlocked.set(false); on_lock.run(()); }>{t.lock}</button>
        }
    };

    // The invitation's QR code as big as the screen allows, for a projector.
    let qr_bytes = StoredValue::new(info.link.clone().into_bytes());
    let link_text = StoredValue::new(info.link.clone());
    // "ontvangen: 27 van de 30" against the class size the team entered.
    let set_size = move |ev: leptos::ev::Event| {
        let size = event_target_value(&ev).trim().parse::<u32>().ok().filter(|n| *n > 0);
        if on_class_size.run(size) {
            class_size.set(size);
        }
    };
    let received = move || {
        let n = count.get();
        match class_size.get() {
            Some(size) => view! {
                {t.received}" "<span data-testid="collected-count">{n}</span>" "{t.of_the}" "
                <span data-testid="class-size-shown">{size}</span>
            }
            .into_any(),
            None => {
                view! { {t.received}" "<span data-testid="collected-count">{n}</span> }.into_any()
            }
        }
    };
    let too_many = move || {
        class_size.get().filter(|size| count.get() > *size as usize).map(|_| {
            view! { <p class="notice notice--warning" data-testid="too-many">{t.too_many}</p> }
        })
    };

    view! {
        <section class="start meting">
            <h1 id="question-title" tabindex="-1" data-testid="meting-title">{info.label}</h1>
            <p>{info.facts}</p>
            <h2>{t.invitation}</h2>
            <p>{t.invitation_intro}</p>
            <p data-testid="link-open">{t.link_open}</p>
            <label class="form__label" for="invite-link">{t.link}</label>
            <input id="invite-link" class="form__input" type="text" readonly=true data-testid="invite-link" prop:value=info.link.clone() />
            <button type="button" class="btn btn--secondary" data-testid="invite-copy" on:click=copy>
                {move || if copied.get() { t.copied } else { t.copy }}
            </button>
            <FullScreen id="invite" labelled_by="invite-large-title" open_label=t.show_large close_label=t.close_large
                small=move || view! { <QrCode bytes=qr_bytes.get_value() title=t.invitation_qr_title testid="invite-qr" /> }
                full=move || view! {
                    <h2 id="invite-large-title">{t.invitation}</h2>
                    <QrCode bytes=qr_bytes.get_value() title=t.invitation_qr_title testid="invite-qr-large" />
                    <p class="qr-full__link">{link_text.get_value()}</p>
                } />
            <p>{t.kiosk_intro}</p>
            <button type="button" class="btn btn--secondary" data-testid="kiosk-start" on:click=move |_| on_kiosk.run(())>{t.kiosk_start}</button>
            <label class="form__label" for="kiosk-link">{t.kiosk_link}</label>
            <input id="kiosk-link" class="form__input" type="text" readonly=true data-testid="kiosk-link" prop:value=info.kiosk_link.clone() />
            <h2>{t.collect_heading}</h2>
            <label class="form__label" for="class-size">{t.class_size}</label>
            <input id="class-size" class="form__input form__input--short" type="number" min="1" max="9999"
                inputmode="numeric" data-testid="class-size" aria-describedby="class-size-hint"
                prop:value=move || class_size.get().map(|n| n.to_string()).unwrap_or_default()
                on:change=set_size />
            <p id="class-size-hint" class="question__hint">{t.class_size_hint}</p>
            <p class="meting__received" role="status" data-testid="received">{received}</p>
            {too_many}
            {move || if unlocked.get() { unlocked_view().into_any() } else { locked_view().into_any() }}
            <div class="question__nav">
                <button type="button" class="btn btn--secondary" data-testid="meting-back" on:click=move |_| on_back.run(())>{t.back}</button>
            </div>
        </section>
    }
}
