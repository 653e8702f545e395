//! JSON written by hand, byte for byte as `serde_json::to_string` writes it: for output
//! where serde's generic code would cost too much (the export's records, of which there
//! can be 20,000) or would add serde_json to the student's download (the run in progress,
//! `storage::session_json`).

use std::fmt::Write as _;

/// A JSON string, escaped as serde_json does: `"` and `\`, the short escapes for
/// backspace, form feed, newline, carriage return and tab, `\u00XX` for the other
/// control characters; everything else as it is.
pub fn string(out: &mut String, s: &str) {
    out.push('"');
    if s.bytes().all(|b| b >= 0x20 && b != b'"' && b != b'\\') {
        out.push_str(s);
    } else {
        for c in s.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\u{8}' => out.push_str("\\b"),
                '\u{c}' => out.push_str("\\f"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                c if c < ' ' => {
                    // Writing into a String cannot fail.
                    let _ = write!(out, "\\u{:04x}", u32::from(c));
                }
                c => out.push(c),
            }
        }
    }
    out.push('"');
}

/// A JSON array of `items`, each written by `item`.
pub fn array<T>(
    out: &mut String,
    items: impl IntoIterator<Item = T>,
    item: impl Fn(&mut String, T),
) {
    out.push('[');
    for (n, v) in items.into_iter().enumerate() {
        if n > 0 {
            out.push(',');
        }
        item(out, v);
    }
    out.push(']');
}

/// A JSON object of `entries` in the order given, each value written by `value`.
pub fn object<K: AsRef<str>, V>(
    out: &mut String,
    entries: impl IntoIterator<Item = (K, V)>,
    value: impl Fn(&mut String, V),
) {
    out.push('{');
    for (n, (key, v)) in entries.into_iter().enumerate() {
        if n > 0 {
            out.push(',');
        }
        string(out, key.as_ref());
        out.push(':');
        value(out, v);
    }
    out.push('}');
}

#[cfg(test)]
mod tests {
    use super::string;

    #[test]
    fn strings_are_escaped_as_serde_does() {
        for s in [
            "plain",
            "quote \" and \\ slash",
            "tab\tline\nend\r",
            "\u{1}\u{8}\u{c}\u{1f}\u{7f}",
            "é ü 😀",
        ] {
            let mut out = String::new();
            string(&mut out, s);
            assert_eq!(out, serde_json::to_string(s).unwrap_or_default());
        }
    }
}
