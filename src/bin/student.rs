//! Entry point of the student app (`index.html`): installs the panic hook and mounts the
//! student's screens: start, runs, invitations, receipts, kiosk mode.

#[cfg(target_arch = "wasm32")]
fn main() {
    spiegel::ui::panic::install();
    leptos::mount::mount_to_body(spiegel::ui::student::App);
}

/// The app only runs in the browser; on the host this binary explains that and exits.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Spiegel runs in the browser: use `make run` and open http://127.0.0.1:8080");
}
