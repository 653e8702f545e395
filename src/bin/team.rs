//! Entry point of the team app (`team.html`): installs the panic hook and mounts the
//! team's screens. A bundle of its own, so a student's phone never downloads it.

/// Talc, as in the student app (see docs/development.md, "Crates, and why").
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
fn main() {
    spiegel::ui::panic::install();
    leptos::mount::mount_to_body(spiegel::ui::team::App);
}

/// The app only runs in the browser; on the host this binary explains that and exits.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Spiegel runs in the browser: use `make run` and open http://127.0.0.1:8080");
}
