//! Checks a user's templates for names no view has, before any brief is
//! rendered. Tera already refuses an unknown variable when it prints it,
//! but treats one in a condition (`{% if brief.dateln %}`) as false; a
//! misspelling there would silently drop a section.

use std::collections::HashSet;

/// The top-level variables of the template context.
pub(crate) const CONTEXT_KEYS: &[&str] = &[
    "actors",
    "brief",
    "charts",
    "chronology",
    "conditions",
    "figures",
    "fragment",
    "gaps",
    "judgments",
    "key_points",
    "latest",
    "meetings",
    "positions",
    "relations",
    "sources",
];

/// The top-level variables of the index page of a build.
pub(crate) const INDEX_KEYS: &[&str] = &["actors", "briefs"];

/// The top-level variables of a change briefing of `brief diff`.
pub(crate) const DIFF_KEYS: &[&str] = &[
    "changed", "changes", "new", "old", "sections", "summary", "version",
];

/// Every field name of every object in the template contexts.
pub(crate) const FIELDS: &[&str] = &[
    "about",
    "actors",
    "added",
    "after",
    "aliases",
    "aligns_with",
    "applies_to",
    "applies_to_text",
    "approximate",
    "areas",
    "areas_text",
    "as_of",
    "at",
    "attribution",
    "background",
    "basis",
    "bound",
    "brief",
    "briefs",
    "by",
    "called_off",
    "change",
    "changed",
    "changes",
    "charts",
    "chronology",
    "cites",
    "conditions",
    "confidence",
    "controller",
    "counts",
    "date",
    "dateline",
    "delta",
    "description",
    "display",
    "edtf",
    "exact",
    "fictional",
    "field",
    "fields",
    "figures",
    "follows",
    "framing",
    "from",
    "gaps",
    "held",
    "id",
    "includes",
    "inferred",
    "is_claim",
    "issue",
    "judgments",
    "key_point",
    "key_points",
    "kind",
    "kind_label",
    "label",
    "latest",
    "level",
    "likelihood",
    "link",
    "location",
    "measure",
    "meetings",
    "members",
    "n",
    "name",
    "new",
    "normalised",
    "note",
    "noun",
    "of",
    "old",
    "old_id",
    "other",
    "outlook",
    "participants",
    "portfolio",
    "position",
    "positions",
    "precision",
    "published",
    "publisher",
    "purpose",
    "qualifier",
    "quote",
    "rejected_by",
    "relations",
    "reliability",
    "removed",
    "role",
    "roles",
    "roles_text",
    "sections",
    "significance",
    "source_kind",
    "sources",
    "speaker",
    "stated",
    "statements",
    "status",
    "strength",
    "summary",
    "territorial",
    "territory",
    "text",
    "title",
    "to",
    "topics",
    "total",
    "unattributed",
    "unit",
    "upcoming",
    "url",
    "value",
    "verb",
    "version",
    "via",
    "who",
    "with_position",
];

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
    context: &[&str],
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
    let mut problems = Vec::new();
    let mut reported: HashSet<&str> = HashSet::new();
    for name in top {
        if context.contains(name) || reported.contains(name) {
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
                FIELDS.contains(&name) || LOOP_FIELDS.contains(&name) || own_keys.contains(name)
            }
            _ => true,
        };
        if known || !reported.insert(name) {
            continue;
        }
        let mut text = format!("unknown field `{name}` in a template\n");
        text.push_str(&snippet(shown, source, at, name.len()));
        text.push_str(&help(name, FIELDS, "fields"));
        problems.push(text);
    }
    problems
}

fn help(name: &str, known: &[&str], what: &str) -> String {
    let mut out = String::new();
    if let Some(close) = crate::diagnostic::closest(name, known.iter().copied()) {
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
        let problems = unknown_names("t.md", src, &["key_points", "titel"], CONTEXT_KEYS);
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
            unknown_names("t.md", src, &[], CONTEXT_KEYS),
            Vec::<String>::new()
        );
    }

    #[test]
    fn the_built_in_templates_use_only_known_names() {
        for (name, source) in super::super::BUILTINS {
            assert_eq!(
                unknown_names(name, source, &[], CONTEXT_KEYS),
                Vec::<String>::new(),
                "{name}"
            );
        }
    }

    #[test]
    fn lists_are_sorted_so_they_read_well_in_errors() {
        assert!(CONTEXT_KEYS.is_sorted());
        assert!(DIFF_KEYS.is_sorted());
        assert!(FIELDS.is_sorted());
    }
}

#[cfg(test)]
mod sync_tests {
    use super::*;

    /// Every property of every object of the view, from its JSON Schema.
    fn fields(schema: schemars::Schema) -> (Vec<String>, Vec<String>) {
        let schema = serde_json::to_value(schema).unwrap();
        let mut top: Vec<String> = schema["properties"]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect();
        let mut all = top.clone();
        for def in schema["$defs"]
            .as_object()
            .into_iter()
            .flat_map(|d| d.values())
        {
            if let Some(props) = def["properties"].as_object() {
                all.extend(props.keys().cloned());
            }
        }
        top.sort();
        (top, all)
    }

    #[test]
    fn the_known_names_match_the_views() {
        let (mut top, mut all) = fields(schemars::schema_for!(crate::resolve::View));
        top.push("fragment".into());
        top.push("charts".into());
        top.sort();
        assert_eq!(CONTEXT_KEYS, top, "CONTEXT_KEYS is out of date");
        let (index_top, index_all) = fields(schemars::schema_for!(crate::build::IndexView));
        assert_eq!(INDEX_KEYS, index_top, "INDEX_KEYS is out of date");
        all.extend(index_all);
        let (charts, _) = fields(schemars::schema_for!(crate::render::ChartsView));
        all.push("charts".into());
        all.extend(charts);
        let (diff_top, diff_all) = fields(schemars::schema_for!(crate::diff::DiffView));
        assert_eq!(DIFF_KEYS, diff_top, "DIFF_KEYS is out of date");
        all.extend(diff_all);
        all.sort();
        all.dedup();
        assert_eq!(FIELDS, all, "FIELDS is out of date");
    }
}
