//! `brief migrate`: rewrites a brief of format 1 as format 2 by text edits
//! at known places, never by writing the YAML out again, so that its
//! comments, key order, quoting and layout stay as the author left them.
//!
//! Format 2 adds `format: 2`, and says which parts of a date were
//! inferred: a date whose `stated` wording does not give a part of its
//! `value` (see `format::date_spec::parts_given`) gets that part in
//! `inferred`. Nothing else changes: every format 1 brief reads the same.

use std::fmt;

use crate::diagnostic::Diagnostic;
use crate::format::{self, DatePart, DateSpec, FORMAT};
use crate::load::{self, Limits};
use crate::pos::Pos;
use crate::validate::Model;

/// What migrating a brief gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Migration {
    /// The brief in the current format: the input itself when it needed
    /// no change.
    pub text: String,
    /// Each change made, in words, in the order of the file; empty when
    /// the brief was already in the current format.
    pub changes: Vec<String>,
}

impl Migration {
    /// Whether the brief needed a change.
    pub fn changed(&self) -> bool {
        !self.changes.is_empty()
    }
}

/// Why a brief cannot be migrated by text edits: where, and what to do
/// by hand instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MigrateError {
    /// Where the edit was needed (line and column from 1; zero when it
    /// concerns the whole brief).
    pub pos: Pos,
    /// What stopped it.
    pub message: String,
}

impl fmt::Display for MigrateError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        if self.pos.line > 0 {
            write!(f, "{}:{}: ", self.pos.line, self.pos.column)?;
        }
        write!(
            f,
            "{}; migrate it by hand: add `format: {FORMAT}`, and list in each date's `inferred` the parts its `stated` wording does not give",
            self.message
        )
    }
}

impl std::error::Error for MigrateError {}

/// One text edit: replace `len` bytes at `offset` with `text`.
struct Edit {
    offset: usize,
    len: usize,
    text: String,
    what: String,
}

/// Migrates `source`, the text of the brief checked as `model` (without
/// errors). A brief already at the current format is returned unchanged,
/// byte for byte. A brief whose layout gives no place for an edit (the
/// whole brief written as one flow map, say) is refused with a located
/// [`MigrateError`], as is an edit that would not read back as the current
/// format: the caller then writes nothing.
pub fn migrate(source: &str, model: &Model, limits: &Limits) -> Result<Migration, MigrateError> {
    let brief = model.brief();
    if brief.format.as_ref().is_some_and(|f| f.value >= FORMAT) {
        return Ok(Migration {
            text: source.to_string(),
            changes: Vec::new(),
        });
    }
    let newline = if source.contains("\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    let mut edits = vec![format_edit(source, brief, newline)?];
    for d in dates(brief) {
        if let Some(edit) = inferred_edit(source, d, newline)? {
            edits.push(edit);
        }
    }
    edits.sort_by_key(|e| e.offset);
    let changes = edits.iter().map(|e| e.what.clone()).collect();
    let mut text = source.to_string();
    for e in edits.iter().rev() {
        text.replace_range(e.offset..e.offset + e.len, &e.text);
    }
    verify(&text, limits)?;
    Ok(Migration { text, changes })
}

/// Whether the brief is in a format older than the current one (no
/// `format`, or `format: 1`).
pub fn needs_migration(model: &Model) -> bool {
    model
        .brief()
        .format
        .as_ref()
        .is_none_or(|f| f.value < FORMAT)
}

/// The edit that sets `format: 2`: the value replaced when `format: 1` is
/// written, else a line added after the top-level `id`, so that a comment
/// above `id` stays with the brief's first line.
fn format_edit(source: &str, brief: &format::Brief, newline: &str) -> Result<Edit, MigrateError> {
    if let Some(f) = &brief.format {
        return Ok(Edit {
            offset: f.pos.offset,
            len: f.pos.len,
            text: FORMAT.to_string(),
            what: format!(
                "line {}: `format: {}` becomes `format: {FORMAT}`",
                f.pos.line, f.value
            ),
        });
    }
    let id = &brief.id.pos;
    let line_start = source[..id.offset].rfind('\n').map_or(0, |i| i + 1);
    let key = &source[line_start..id.offset];
    // Only a block map at the top, with `id` at the start of its line,
    // gives a line of its own to add after.
    let plain_key = key.starts_with("id") && key[2..].trim_start().starts_with(':');
    if !plain_key || id.file != 0 {
        return Err(unplaceable(
            *id,
            "cannot place `format: 2`: the top-level `id` is not at the start of a line",
        ));
    }
    let end = id.offset + id.len;
    let line_end = match source[end..].find('\n') {
        Some(i) => end + i + 1,
        None => source.len(),
    };
    let text = if line_end == source.len() && !source.ends_with('\n') {
        format!("{newline}format: {FORMAT}")
    } else {
        format!("format: {FORMAT}{newline}")
    };
    Ok(Edit {
        offset: line_end,
        len: 0,
        text,
        what: format!("line {}: added `format: {FORMAT}`", id.line + 1),
    })
}

/// Every date written in the brief itself (not in a file it imports).
fn dates(b: &format::Brief) -> Vec<&DateSpec> {
    let mut out: Vec<&DateSpec> = Vec::new();
    out.extend(b.published.iter());
    out.extend(b.as_of.iter());
    out.extend(b.sources.iter().filter_map(|s| s.date.as_ref()));
    out.extend(b.events.iter().filter_map(|e| e.date.as_ref()));
    out.extend(b.statements.iter().filter_map(|s| s.date.as_ref()));
    out.extend(b.figures.iter().filter_map(|f| f.as_of.as_ref()));
    out.retain(|d| d.pos.file == 0);
    out
}

/// The edit that lists in `inferred` the parts of `d` its wording does not
/// give, if there are any.
fn inferred_edit(source: &str, d: &DateSpec, newline: &str) -> Result<Option<Edit>, MigrateError> {
    let missing = format::unmarked_inferred_parts(d);
    if missing.is_empty() {
        return Ok(None);
    }
    let mut all: Vec<DatePart> = d.inferred.clone();
    all.extend(missing.iter().copied());
    let list = [DatePart::Year, DatePart::Month, DatePart::Day]
        .into_iter()
        .filter(|p| all.contains(p))
        .map(DatePart::name)
        .collect::<Vec<_>>()
        .join(", ");
    let added = missing
        .iter()
        .map(|p| p.name())
        .collect::<Vec<_>>()
        .join(", ");
    let what = format!("line {}: `inferred` lists {added}", d.pos.line);
    let span = map_text(source, d.pos.offset);
    // An `inferred` already written: its flow list `[...]` is rewritten.
    if !d.inferred.is_empty() {
        let Some(key) = find_key(span, "inferred") else {
            return Err(unplaceable(
                d.pos,
                "cannot find this date's `inferred` list",
            ));
        };
        let after = &span[key..];
        let (Some(open), Some(close)) = (after.find('['), after.find(']')) else {
            return Err(unplaceable(
                d.pos,
                "cannot extend this date's `inferred`: write it as a list in brackets, `[year]`",
            ));
        };
        if after[..open].contains('\n') || open > close {
            return Err(unplaceable(
                d.pos,
                "cannot extend this date's `inferred`: write it as a list in brackets, `[year]`",
            ));
        }
        return Ok(Some(Edit {
            offset: d.pos.offset + key + open,
            len: close - open + 1,
            text: format!("[{list}]"),
            what,
        }));
    }
    if let Some(rest) = span.strip_prefix('{') {
        // A flow map: the key goes first inside the braces.
        let gap = rest.len() - rest.trim_start_matches(' ').len();
        return Ok(Some(Edit {
            offset: d.pos.offset + 1 + gap,
            len: 0,
            text: format!("inferred: [{list}], "),
            what,
        }));
    }
    // A block map: the key goes on a line of its own before the map's
    // first key, at the same indentation.
    let line_start = source[..d.pos.offset].rfind('\n').map_or(0, |i| i + 1);
    let prefix = &source[line_start..d.pos.offset];
    if !prefix.chars().all(|c| c == ' ') {
        return Err(unplaceable(d.pos, "cannot place `inferred` in this date"));
    }
    Ok(Some(Edit {
        offset: d.pos.offset,
        len: 0,
        text: format!("inferred: [{list}]{newline}{prefix}"),
        what,
    }))
}

/// The text of the map that starts at `offset`: a flow map to its closing
/// brace, a block map to the last line indented at least as far as its
/// first key.
fn map_text(source: &str, offset: usize) -> &str {
    let rest = &source[offset..];
    if rest.starts_with('{') {
        let mut depth = 0usize;
        for (i, c) in rest.char_indices() {
            match c {
                '{' | '[' => depth += 1,
                '}' | ']' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        return &rest[..=i];
                    }
                }
                _ => {}
            }
        }
        return rest;
    }
    let line_start = source[..offset].rfind('\n').map_or(0, |i| i + 1);
    let indent = offset - line_start;
    let mut end = match rest.find('\n') {
        Some(i) => i + 1,
        None => return rest,
    };
    for line in rest[end..].split_inclusive('\n') {
        let body = line.trim_start_matches(' ');
        let blank = body.trim().is_empty() || body.starts_with('#');
        if !blank && line.len() - body.len() < indent {
            break;
        }
        end += line.len();
    }
    &rest[..end]
}

/// The offset in `span` of the key `name` followed by a colon, at the
/// start of a line or after `{` or `,`.
fn find_key(span: &str, name: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = span[from..].find(name) {
        let at = from + i;
        let before = span[..at].trim_end_matches(' ');
        let starts = before.is_empty() || before.ends_with(['\n', '{', ',']);
        if starts
            && span[at + name.len()..]
                .trim_start_matches(' ')
                .starts_with(':')
        {
            return Some(at);
        }
        from = at + name.len();
    }
    None
}

/// Reads the migrated text back: it must load with no error and say it
/// is the current format, or nothing is written.
fn verify(text: &str, limits: &Limits) -> Result<(), MigrateError> {
    let loaded = load::load(text, limits);
    if let Some(d) = loaded.diagnostics.into_iter().find(Diagnostic::is_error) {
        return Err(unplaceable(
            d.pos,
            &format!("the migrated brief would not read back: {}", d.message),
        ));
    }
    match loaded.brief.and_then(|b| b.format) {
        Some(f) if f.value == FORMAT => Ok(()),
        _ => Err(unplaceable(
            Pos::default(),
            "the migrated brief does not read as format 2",
        )),
    }
}

fn unplaceable(pos: Pos, message: &str) -> MigrateError {
    MigrateError {
        pos,
        message: message.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn migrated(source: &str) -> Migration {
        let limits = Limits::default();
        let (model, diagnostics) = crate::pipeline::check_str(source, &limits);
        let model = model.unwrap_or_else(|| panic!("{diagnostics:?}"));
        migrate(source, &model, &limits).unwrap()
    }

    #[test]
    fn format_1_written_out_becomes_2() {
        let m = migrated("format: 1 # old\nid: x\ntitle: T\n");
        assert_eq!(m.text, "format: 2 # old\nid: x\ntitle: T\n");
    }

    #[test]
    fn line_endings_and_a_missing_last_newline_are_kept() {
        let m = migrated("id: x\r\ntitle: T\r\n");
        assert_eq!(m.text, "id: x\r\nformat: 2\r\ntitle: T\r\n");
        let m = migrated("title: T\nid: x");
        assert_eq!(m.text, "title: T\nid: x\nformat: 2");
    }

    #[test]
    fn a_date_whose_wording_gives_every_part_is_left_alone() {
        let source = "id: x\ntitle: T\npublished: {stated: 12 February 2025, value: 2025-02-12}\n";
        let m = migrated(source);
        assert_eq!(m.changes.len(), 1, "{:?}", m.changes);
        assert!(
            m.text
                .ends_with("published: {stated: 12 February 2025, value: 2025-02-12}\n")
        );
    }

    #[test]
    fn a_brief_as_one_flow_map_is_refused_with_its_place() {
        let limits = Limits::default();
        let source = "{id: x, title: T}\n";
        let (model, _) = crate::pipeline::check_str(source, &limits);
        let e = migrate(source, &model.unwrap(), &limits).unwrap_err();
        assert_eq!((e.pos.line, e.pos.column), (1, 6));
    }
}
