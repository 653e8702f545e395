//! The built-in vragenlijsten for the apps: compiled in (the feature `embed-builtins`,
//! as in the tests), or fetched in their checked form, as the files `make dist` writes
//! next to the page ([`BuiltinFile::path`]). A student's phone fetches only the version
//! its invitation names; the team device all.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::domain::builtin::BuiltinFile;
use crate::domain::instrument::Instrument;
use crate::domain::text::Lang;
use crate::ui::i18n::words;

/// A built-in vragenlijst could not be loaded: no network and no offline copy yet, or a
/// damaged file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoadError;

/// The files, parsed, if every one is compiled in; `None` when some must be fetched.
pub fn embedded(files: &[&'static BuiltinFile]) -> Option<Vec<Instrument>> {
    files.iter().map(|f| f.json.and_then(|_| f.parse().ok())).collect()
}

/// Every file, compiled in or fetched (the requests all start at once).
pub async fn load(files: Vec<&'static BuiltinFile>) -> Result<Vec<Instrument>, LoadError> {
    let window = web_sys::window().ok_or(LoadError)?;
    let started: Vec<_> = files
        .iter()
        .map(|f| (f, f.json.is_none().then(|| window.fetch_with_str(&f.path()))))
        .collect();
    let mut out = Vec::with_capacity(files.len());
    for (file, request) in started {
        let instrument = match request {
            None => file.parse().map_err(|_| LoadError)?,
            Some(request) => file.read_checked(&bytes_of(request).await?).map_err(|_| LoadError)?,
        };
        out.push(instrument);
    }
    Ok(out)
}

async fn bytes_of(request: js_sys::Promise) -> Result<Vec<u8>, LoadError> {
    let response = JsFuture::from(request).await.map_err(|_| LoadError)?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| LoadError)?;
    if !response.ok() {
        return Err(LoadError);
    }
    let buffer = response.array_buffer().map_err(|_| LoadError)?;
    let buffer = JsFuture::from(buffer).await.map_err(|_| LoadError)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Shows `ready` with the parsed `files` once they are loaded: at once when they are
/// compiled in, otherwise after fetching them, with a short loading text meanwhile and a
/// plain message if they cannot be loaded.
pub fn when_loaded<V: IntoView + 'static>(
    files: Vec<&'static BuiltinFile>,
    lang: RwSignal<Lang>,
    ready: impl FnOnce(Vec<Instrument>) -> V + 'static,
) -> AnyView {
    if let Some(list) = embedded(&files) {
        return ready(list).into_any();
    }
    let state = RwSignal::new(None::<Result<Vec<Instrument>, LoadError>>);
    leptos::task::spawn_local(async move { state.set(Some(load(files).await)) });
    let ready = StoredValue::new_local(Some(ready));
    (move || match state.get() {
        None => {
            view! { <p class="loading" role="status">{words(lang.get_untracked()).loading}</p> }
                .into_any()
        }
        Some(Err(LoadError)) => view! {
            <p class="notice notice--error" role="alert" data-testid="builtin-error">
                {move || words(lang.get()).err_builtin_load}
            </p>
        }
        .into_any(),
        Some(Ok(list)) => match ready.try_update_value(Option::take).flatten() {
            Some(ready) => ready(list).into_any(),
            None => ().into_any(),
        },
    })
    .into_any()
}
