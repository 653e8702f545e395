//! The export as JSON text: keys in a fixed order (the order of the document types;
//! answers in the instrument's order), indented for reading, with each record, meting,
//! codebook item and aggregate row on a line of its own, so a large export stays compact
//! and diffs line by line. Records, the bulk of a large export, are written by a small
//! hand-made writer that gives the same bytes as serde, only faster.

use std::fmt::Write as _;
use std::io;

use serde::Serialize;
use serde_json::ser::Formatter;

use crate::domain::json::{array, object, string};

use super::{
    Anonymisation, Codebook, Coded, ExportDocument, ExportMeting, ExportResponse, MetingAggregates,
    Parameters,
};

/// The document without its records, field for field in the same order.
#[derive(Serialize)]
struct Head<'a> {
    spiegel_export: u32,
    created: &'a str,
    parameters: &'a Parameters,
    codebook: &'a Codebook,
    metingen: &'a [ExportMeting],
    anonymisation: &'a Anonymisation,
    aggregates: &'a [MetingAggregates],
}

/// The export as JSON text, ending in a newline.
pub fn to_json(doc: &ExportDocument) -> String {
    let records = doc.responses.as_deref().unwrap_or_default();
    let mut out = Vec::with_capacity(64 * 1024 + records.len() * 1024);
    let head = Head {
        spiegel_export: doc.spiegel_export,
        created: &doc.created,
        parameters: &doc.parameters,
        codebook: &doc.codebook,
        metingen: &doc.metingen,
        anonymisation: &doc.anonymisation,
        aggregates: &doc.aggregates,
    };
    let mut ser = serde_json::Serializer::with_formatter(&mut out, Layout::default());
    // Writing plain data into memory cannot fail; an empty text would not read back.
    if head.serialize(&mut ser).is_err() {
        return String::new();
    }
    let Ok(mut text) = String::from_utf8(out) else { return String::new() };
    if let Some(records) = &doc.responses {
        // Reopen the document object, which ends in a newline and `}`.
        text.truncate(text.trim_end_matches('}').trim_end().len());
        text.push_str(",\n  \"responses\": [");
        for (n, record) in records.iter().enumerate() {
            text.push_str(if n == 0 { "\n    " } else { ",\n    " });
            write_record(&mut text, record);
        }
        text.push_str(if records.is_empty() { "]\n}" } else { "\n  ]\n}" });
    }
    text.push('\n');
    text
}

/// One record, compact, exactly as serde would write it.
fn write_record(out: &mut String, r: &ExportResponse) {
    out.push_str("{\"id\":");
    string(out, &r.id);
    out.push_str(",\"meting\":");
    string(out, &r.meting);
    out.push_str(",\"period\":");
    string(out, &r.period);
    out.push_str(",\"answers\":");
    object(out, &r.answers, |out, coded| match coded {
        Coded::Number(n) => {
            // Writing into a String cannot fail.
            let _ = write!(out, "{n}");
        }
        Coded::Code(code) => string(out, code),
        Coded::Codes(codes) => array(out, codes, |out, code| string(out, code)),
        Coded::Rows(rows) => object(out, rows, |out, code| string(out, code)),
    });
    if !r.texts.is_empty() {
        out.push_str(",\"texts\":");
        object(out, &r.texts, |out, text| string(out, text));
    }
    out.push('}');
}

/// Pretty above a depth, compact below it. The depth depends on the top-level field: a
/// record (`responses`) or meting is one line; a codebook item or aggregate row is one line.
#[derive(Default)]
struct Layout {
    /// Nesting depth of the container being written (the document is 1).
    depth: usize,
    /// Per open container: whether it is written compactly.
    compact: Vec<bool>,
    /// Whether the open container has a value yet.
    has_value: bool,
    /// Writing a key of the document (depth 1) or of one of its objects (depth 2).
    in_key: usize,
    /// The top-level field being written.
    top_key: String,
    /// The field within it.
    second_key: String,
}

impl Layout {
    /// The depth from which containers in the current top-level field are compact.
    fn compact_from(&self) -> usize {
        match (self.top_key.as_str(), self.second_key.as_str()) {
            ("codebook", "instruments") => 6,
            ("codebook", _) => 4,
            ("aggregates", _) => 5,
            ("parameters" | "anonymisation", _) => 4,
            _ => 3,
        }
    }

    fn open<W: ?Sized + io::Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        let inherited = self.compact.last().copied().unwrap_or(false);
        self.compact.push(inherited || self.depth >= self.compact_from());
        self.has_value = false;
        w.write_all(bracket)
    }

    fn close<W: ?Sized + io::Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        let compact = self.compact.pop().unwrap_or(false);
        self.depth = self.depth.saturating_sub(1);
        if self.has_value && !compact {
            self.newline(w)?;
        }
        self.has_value = true;
        w.write_all(bracket)
    }

    fn newline<W: ?Sized + io::Write>(&self, w: &mut W) -> io::Result<()> {
        w.write_all(b"\n")?;
        for _ in 0..self.depth {
            w.write_all(b"  ")?;
        }
        Ok(())
    }

    fn item<W: ?Sized + io::Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        if !first {
            w.write_all(b",")?;
        }
        if self.compact.last().copied().unwrap_or(false) {
            Ok(())
        } else {
            self.newline(w)
        }
    }
}

impl Formatter for Layout {
    fn begin_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"[")
    }

    fn end_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.item(w, first)
    }

    fn end_array_value<W: ?Sized + io::Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"{")
    }

    fn end_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        if self.depth == 1 {
            self.in_key = 1;
            self.top_key.clear();
            self.second_key.clear();
        } else if self.depth == 2 {
            self.in_key = 2;
            self.second_key.clear();
        }
        self.item(w, first)
    }

    fn end_object_key<W: ?Sized + io::Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.in_key = 0;
        Ok(())
    }

    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        if self.compact.last().copied().unwrap_or(false) {
            w.write_all(b":")
        } else {
            w.write_all(b": ")
        }
    }

    fn end_object_value<W: ?Sized + io::Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        match self.in_key {
            1 => self.top_key.push_str(fragment),
            2 => self.second_key.push_str(fragment),
            _ => {}
        }
        w.write_all(fragment.as_bytes())
    }
}
