//! Entry point of the team app (`team.html`): installs the panic hook and mounts the
//! team's screens. A bundle of its own, so a student's phone never downloads it.

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
