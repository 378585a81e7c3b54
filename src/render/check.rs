//! Checks a user's templates for names no view has, before any brief is
//! rendered. Tera already refuses an unknown variable when it prints it,
//! but treats one in a condition (`{% if brief.dateln %}`) as false; a
//! misspelling there would silently drop a section.

use std::collections::HashSet;
use std::sync::OnceLock;

use schemars::{JsonSchema, Schema};

use super::{IndexView, TemplateContext};
use crate::diff::DiffView;

/// The names a user's templates may use, read from the JSON Schemas of the
/// views, so that a field added to a view is known here at once. Each list
/// is sorted and has no repeats.
pub(super) struct Names {
    /// The top-level variables of a brief's template context.
    pub context: Vec<String>,
    /// The top-level variables of the index page of a build.
    pub index: Vec<String>,
    /// The top-level variables of a change briefing of `brief diff`.
    pub diff: Vec<String>,
    /// Every field name of every object in the template contexts.
    pub fields: Vec<String>,
}

impl Names {
    /// The names, worked out on first use: only a user's templates are
    /// checked, so rendering with the built-in ones never pays for this.
    pub fn get() -> &'static Names {
        static NAMES: OnceLock<Names> = OnceLock::new();
        NAMES.get_or_init(Names::derive)
    }

    fn derive() -> Names {
        let (context, mut fields) = properties::<TemplateContext<'static>>();
        // A rendering option that no view has: a variable, never a field.
        fields.retain(|f| f != "fragment");
        let (index, index_fields) = properties::<IndexView>();
        let (diff, diff_fields) = properties::<DiffView>();
        fields.extend(index_fields);
        fields.extend(diff_fields);
        fields.sort();
        fields.dedup();
        Names {
            context,
            index,
            diff,
            fields,
        }
    }
}

/// The top-level properties of `T`'s JSON Schema, and every property of
/// every object in it (the top level included), each sorted.
fn properties<T: JsonSchema>() -> (Vec<String>, Vec<String>) {
    let schema: Schema = schemars::schema_for!(T);
    let keys = |object: &serde_json::Value| -> Vec<String> {
        object["properties"]
            .as_object()
            .map(|p| p.keys().cloned().collect())
            .unwrap_or_default()
    };
    let root = schema.as_value();
    let mut top = keys(root);
    top.sort();
    top.dedup();
    let mut all = top.clone();
    if let Some(defs) = root["$defs"].as_object() {
        for def in defs.values() {
            all.extend(keys(def));
        }
    }
    all.sort();
    all.dedup();
    (top, all)
}

/// The fields of `loop` inside a `{% for %}`.
const LOOP_FIELDS: &[&str] = &["index", "index0", "first", "last", "length"];

/// One token of a template tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tok<'a> {
    Ident(&'a str, usize),
    Str(&'a str),
    Punct(char),
    Other,
}

/// The tokens of every `{{ }}` and `{% %}` tag, skipping comments and
/// `{% raw %}` blocks. Offsets are bytes into `source`.
fn tokens(source: &str) -> Vec<Tok<'_>> {
    let bytes = source.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let mut raw = false;
    while i + 1 < bytes.len() {
        if bytes[i] != b'{' {
            i += 1;
            continue;
        }
        let close = match bytes[i + 1] {
            b'{' => "}}",
            b'%' => "%}",
            b'#' => {
                i = source[i..].find("#}").map_or(bytes.len(), |e| i + e + 2);
                continue;
            }
            _ => {
                i += 1;
                continue;
            }
        };
        let start = out.len();
        i += 2;
        while i < bytes.len() {
            let c = bytes[i];
            if source[i..].starts_with(close) {
                i += 2;
                break;
            }
            if c == b'"' || c == b'\'' || c == b'`' {
                let end = source[i + 1..]
                    .find(c as char)
                    .map_or(bytes.len(), |e| i + 1 + e);
                out.push(Tok::Str(&source[i + 1..end.min(bytes.len())]));
                i = end + 1;
            } else if c.is_ascii_alphabetic() || c == b'_' {
                let end = source[i..]
                    .find(|ch: char| !(ch.is_ascii_alphanumeric() || ch == '_'))
                    .map_or(bytes.len(), |e| i + e);
                out.push(Tok::Ident(&source[i..end], i));
                i = end;
            } else if c.is_ascii_digit() {
                while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == b'.') {
                    i += 1;
                }
                out.push(Tok::Other);
            } else if c.is_ascii_whitespace() || c == b'-' && out.len() == start {
                i += 1;
            } else {
                out.push(Tok::Punct(c as char));
                i += 1;
            }
        }
        // `{% raw %}` ... `{% endraw %}`: nothing inside is a tag.
        let tag = &out[start..];
        if close == "%}" && matches!(tag.first(), Some(Tok::Ident("raw", _))) {
            raw = true;
        }
        if raw {
            out.truncate(start);
            match source[i..].find("endraw") {
                Some(e) => {
                    i += e;
                    i = source[i..].find("%}").map_or(bytes.len(), |e| i + e + 2);
                }
                None => i = bytes.len(),
            }
            raw = false;
        }
        out.push(Tok::Other);
    }
    out
}

/// The problems with the names used in one template, each laid out with
/// its line. `top` lists the template's top-level variables as Tera sees
/// them (locals excluded).
pub(super) fn unknown_names(
    shown: &str,
    source: &str,
    top: &[&str],
    context: &[String],
) -> Vec<String> {
    let toks = tokens(source);
    // Keys of map literals written in the template (`{"a": 1}`) are
    // fields too.
    let mut own_keys: HashSet<&str> = HashSet::new();
    for w in toks.windows(2) {
        if let (Tok::Str(s) | Tok::Ident(s, _), Tok::Punct(':')) = (w[0], w[1]) {
            own_keys.insert(s);
        }
    }
    let fields = &Names::get().fields;
    let is_field = |name: &str| fields.iter().any(|f| f == name);
    let mut problems = Vec::new();
    let mut reported: HashSet<&str> = HashSet::new();
    for name in top {
        if context.iter().any(|c| c == name) || reported.contains(name) {
            continue;
        }
        // Point at the first use of the name that is not an attribute.
        let at = toks.iter().enumerate().find_map(|(k, t)| match t {
            Tok::Ident(s, at) if s == name && (k == 0 || toks[k - 1] != Tok::Punct('.')) => {
                Some(*at)
            }
            _ => None,
        });
        let Some(at) = at else { continue };
        reported.insert(name);
        let mut text = format!("unknown variable `{name}` in a template\n");
        text.push_str(&snippet(shown, source, at, name.len()));
        text.push_str(&help(name, context, "variables"));
        problems.push(text);
    }
    for (k, t) in toks.iter().enumerate() {
        let Tok::Ident(name, at) = *t else { continue };
        if k < 2 || toks[k - 1] != Tok::Punct('.') {
            continue;
        }
        let base = toks[k - 2];
        let known = match base {
            Tok::Ident("loop", _) => LOOP_FIELDS.contains(&name),
            Tok::Ident(..) | Tok::Punct(']') | Tok::Punct(')') => {
                is_field(name) || LOOP_FIELDS.contains(&name) || own_keys.contains(name)
            }
            _ => true,
        };
        if known || !reported.insert(name) {
            continue;
        }
        let mut text = format!("unknown field `{name}` in a template\n");
        text.push_str(&snippet(shown, source, at, name.len()));
        text.push_str(&help(name, fields, "fields"));
        problems.push(text);
    }
    problems
}

fn help(name: &str, known: &[String], what: &str) -> String {
    let mut out = String::new();
    if let Some(close) = crate::diagnostic::closest(name, known.iter().map(String::as_str)) {
        out.push_str(&format!("\n  = help: did you mean `{close}`?"));
    }
    out.push_str(&format!(
        "\n  = note: docs/templates.md lists the {what} templates can use; `brief render --format json` shows them for a brief"
    ));
    out
}

/// `--> file:line:column`, the line, and a caret under `len` bytes at
/// `offset`.
pub(super) fn snippet(shown: &str, source: &str, offset: usize, len: usize) -> String {
    let before = &source[..offset.min(source.len())];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    let text = source[line_start..].lines().next().unwrap_or("");
    let num = line.to_string();
    let pad = " ".repeat(num.len());
    let underline: String = before[line_start..]
        .chars()
        .map(|c| if c == '\t' { '\t' } else { ' ' })
        .collect();
    let width = source
        .get(offset..offset + len)
        .map_or(1, |s| s.chars().count().max(1));
    format!(
        "{pad}--> {shown}:{line}:{column}\n{pad} |\n{num} | {text}\n{pad} | {underline}{}",
        "^".repeat(width)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn misspelled_fields_and_variables_are_found_with_their_place() {
        let src = "{% for k in key_points %}\n{% if k.txt %}{{ loop.idx }}{% endif %}{% endfor %}{% if titel %}x{% endif %}";
        let problems = unknown_names("t.md", src, &["key_points", "titel"], &Names::get().context);
        assert_eq!(problems.len(), 3, "{problems:#?}");
        assert!(problems[0].starts_with("unknown variable `titel`"));
        assert!(problems[0].contains("--> t.md:2:58"), "{}", problems[0]);
        assert!(problems[1].contains("unknown field `txt`"));
        assert!(problems[1].contains("--> t.md:2:9"), "{}", problems[1]);
        assert!(problems[1].contains("did you mean `text`?"));
        assert!(problems[2].contains("unknown field `idx`"));
    }

    #[test]
    fn strings_comments_raw_blocks_and_own_maps_are_not_names() {
        let src = "{# {{ a.bogus }} #}{{ \"x.bogus\" }}{% raw %}{{ a.bogus }}{% endraw %}\
                   {% set m = {\"label\": 1} %}{{ m.label }}{{ 1.5 }}";
        assert_eq!(
            unknown_names("t.md", src, &[], &Names::get().context),
            Vec::<String>::new()
        );
    }

    #[test]
    fn the_built_in_templates_use_only_known_names() {
        for (name, source) in super::super::BUILTINS {
            assert_eq!(
                unknown_names(name, source, &[], &Names::get().context),
                Vec::<String>::new(),
                "{name}"
            );
        }
    }

    #[test]
    fn the_names_come_from_every_view() {
        let names = Names::get();
        for (list, known) in [
            (
                &names.context,
                &["brief", "charts", "fragment", "key_points"][..],
            ),
            (&names.index, &["actors", "briefs"][..]),
            (&names.diff, &["changes", "new", "old", "summary"][..]),
            // From the brief's view, the charts, the index and the diff.
            (
                &names.fields,
                &["dateline", "territory", "link", "old_id"][..],
            ),
        ] {
            for name in known {
                assert!(list.iter().any(|n| n == name), "{name} in {list:?}");
            }
            assert!(list.is_sorted(), "{list:?}");
            assert!(list.windows(2).all(|w| w[0] != w[1]), "{list:?}");
        }
        // A rendering flag, not a field of any object.
        assert!(!names.fields.iter().any(|f| f == "fragment"));
    }

    #[test]
    fn a_misspelt_field_is_still_refused() {
        let src = "{% if brief.datelin %}x{% endif %}";
        let problems = unknown_names("t.md", src, &["brief"], &Names::get().context);
        assert_eq!(problems.len(), 1, "{problems:#?}");
        assert!(problems[0].starts_with("unknown field `datelin`"));
        assert!(problems[0].contains("did you mean `dateline`?"));
    }
}
