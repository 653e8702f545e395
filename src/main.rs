//! Entry point of the browser app: installs the panic hook and mounts the Leptos app.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(spiegel::ui::App);
}

/// The app only runs in the browser; on the host this binary explains that and exits.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Spiegel runs in the browser: use `make run` and open http://127.0.0.1:8080");
}
