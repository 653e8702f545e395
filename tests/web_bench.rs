//! `make bench` (browser part): the figures whose budgets hold in the browser, measured in
//! headless Chromium on the release build. Not a test: it asserts nothing, and only
//! `make bench` runs it:
//!
//! ```sh
//! cargo test --offline --release --target wasm32-unknown-unknown --test web_bench -- --nocapture
//! ```
//!
//! (`make test-web` runs `--test web` only.) With `--nocapture`, wasm-bindgen-test-runner
//! copies what the page writes with `console.log` to the terminal, so every figure is a
//! `console_log!` line. Each figure is one `#[wasm_bindgen_test]` function over the
//! shared data of `data()`: a new figure (exporting 20,000 responses for issue 6, say) is
//! one more function. The data are the host bench's (`tests/bench.rs`), made by the same
//! generator (`tests/common/synthetic.rs`) with the same seed, and the lines read the same.
//! On the host this file compiles to nothing.
#![cfg(target_arch = "wasm32")]

#[path = "common/synthetic.rs"]
mod synthetic;

use std::hint::black_box;
use std::sync::OnceLock;

use spiegel::domain::analysis::{analyse_tables, Settings, Table};
use spiegel::domain::export::to_json;
use synthetic::{
    bench_meting, export_sheet, export_students, Runs, Workload, ANALYSIS, ANALYSIS_BUDGET_MS,
    CODING, EXPORT, EXPORT_BUDGET_MS, EXPORT_CODING, EXPORT_JSON,
};
use wasm_bindgen_test::{console_log, wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// What every figure measures on: the workload and its tables.
struct Data {
    /// Both built-in vragenlijsten and 20,000 + 1,000 synthetic responses.
    workload: Workload,
    /// The student responses coded into a table.
    students: Table,
    /// The staff responses coded into a table.
    staff: Table,
}

/// The data, made on first use (and the heading printed then).
fn data() -> &'static Data {
    static DATA: OnceLock<Data> = OnceLock::new();
    DATA.get_or_init(|| {
        console_log!("Spiegel browser benchmarks (headless Chromium, release build; median, min and max of the runs)");
        let start = now();
        let workload = Workload::generate();
        let students = Table::of(&workload.student, &workload.students);
        let staff = Table::of(&workload.staff, &workload.staff_responses);
        console_log!(
            "  (making the synthetic responses and their tables: {:.0} ms, not a figure)",
            now() - start
        );
        Data { workload, students, staff }
    })
}

/// The page's clock, in milliseconds.
fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// `runs` timings of `f` on the page's clock.
fn timed(runs: usize, f: impl FnMut()) -> Runs {
    Runs::measure(runs, now, f)
}

/// Coding 20,000 student and 1,000 staff responses into tables, as the team device does
/// once when it opens them.
#[wasm_bindgen_test]
fn coding() {
    let Data { workload: w, .. } = data();
    let runs = timed(7, || {
        black_box(Table::of(&w.student, black_box(&w.students)));
        black_box(Table::of(&w.staff, black_box(&w.staff_responses)));
    });
    console_log!("  {}", runs.line(CODING, None));
}

/// The whole analysis from the tables (issue 5: at most 100 ms in the browser).
#[wasm_bindgen_test]
fn analysis() {
    let Data { workload: w, students, staff } = data();
    let settings = Settings::default();
    let runs = timed(21, || {
        black_box(analyse_tables(&w.student, &w.staff, black_box(students), staff, &settings));
    });
    console_log!("  {}", runs.line(ANALYSIS, Some(ANALYSIS_BUDGET_MS)));
}

/// The anonymised export of 20,000 student responses, JSON included (issue 6: at most
/// 300 ms in the browser).
#[wasm_bindgen_test]
fn export() {
    let Data { workload: w, .. } = data();
    let meting = bench_meting(&w.student);
    let coding = timed(5, || {
        black_box(export_sheet(w));
    });
    console_log!("  {}", coding.line(EXPORT_CODING, None));
    let sheet = export_sheet(w);
    let runs = timed(5, || {
        black_box(export_students(w, &meting, &sheet));
    });
    console_log!("  {}", runs.line(EXPORT, Some(EXPORT_BUDGET_MS)));
    let doc = export_students(w, &meting, &sheet);
    let mut bytes = 0;
    let json = timed(5, || bytes = black_box(to_json(&doc)).len());
    let what = format!("{EXPORT_JSON} ({:.1} MB)", bytes as f64 / 1e6);
    console_log!("  {}", json.line(&what, None));
}

/// Unlocking a meting's key with its passphrase: Argon2id at the app's settings
/// (`seal::DEFAULT_KDF`), as every unlock and restore runs it.
#[wasm_bindgen_test]
fn unlock_with_a_passphrase_argon2id() {
    use spiegel::domain::seal::{unwrap_key, wrap_with, KeyPair, DEFAULT_KDF};
    let keys = KeyPair::from_seed([7; 32]);
    let phrase = "kaas brug vogel taart muis";
    let wrapped = wrap_with(&keys, phrase, [1; 16], [2; 12], DEFAULT_KDF);
    let mut times = Vec::new();
    for _ in 0..3 {
        let start = now();
        let opened = unwrap_key(&wrapped, black_box(phrase));
        times.push(now() - start);
        black_box(opened.is_ok());
    }
    times.sort_by(f64::total_cmp);
    console_log!(
        "  unlock with a passphrase ({DEFAULT_KDF}, in wasm): {:.0} ms (min {:.0}, max {:.0})",
        times[1],
        times[0],
        times[2]
    );
}
