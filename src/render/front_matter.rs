//! Front matter for static-site generators: a YAML (`---`, Hugo, Jekyll)
//! or TOML (`+++`, Zola, Hugo) block before the Markdown, so a rendered
//! brief drops into a site's content folder unchanged.

use std::fmt::Write as _;

use crate::resolve::View;

/// The front-matter language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum FrontMatter {
    /// `---` fenced YAML: `title`, `date`, `description`, `tags`.
    Yaml,
    /// `+++` fenced TOML: `title`, `date`, `description`, and `tags` under
    /// `[taxonomies]`, as Zola expects.
    Toml,
}

impl FrontMatter {
    /// Its name on the command line: `yaml` or `toml`.
    pub fn name(self) -> &'static str {
        match self {
            FrontMatter::Yaml => "yaml",
            FrontMatter::Toml => "toml",
        }
    }
}

/// The front matter of a brief: its title; its publication date when the
/// brief states an exact day (an approximate, inferred or partial date is
/// left out rather than given a precision it does not have); its first key
/// point as the description; the names of its actors as tags.
pub fn front_matter(view: &View, kind: FrontMatter) -> String {
    let title = &view.brief.title;
    let date = view
        .brief
        .published
        .as_ref()
        .filter(|d| d.exact)
        .and_then(|d| d.edtf.as_deref());
    let description = view.key_points.first().map(|k| k.text.as_str());
    let tags: Vec<&str> = view.actors.iter().map(|a| a.name.as_str()).collect();
    let mut out = String::new();
    match kind {
        FrontMatter::Yaml => {
            out.push_str("---\n");
            let _ = writeln!(out, "title: {}", quoted(title));
            if let Some(date) = date {
                let _ = writeln!(out, "date: {date}");
            }
            if let Some(d) = description {
                let _ = writeln!(out, "description: {}", quoted(d));
            }
            if !tags.is_empty() {
                out.push_str("tags:\n");
                for t in &tags {
                    let _ = writeln!(out, "  - {}", quoted(t));
                }
            }
            out.push_str("---\n\n");
        }
        FrontMatter::Toml => {
            out.push_str("+++\n");
            let _ = writeln!(out, "title = {}", quoted(title));
            if let Some(date) = date {
                let _ = writeln!(out, "date = {date}");
            }
            if let Some(d) = description {
                let _ = writeln!(out, "description = {}", quoted(d));
            }
            if !tags.is_empty() {
                let list: Vec<String> = tags.iter().map(|t| quoted(t)).collect();
                let _ = writeln!(out, "\n[taxonomies]\ntags = [{}]", list.join(", "));
            }
            out.push_str("+++\n\n");
        }
    }
    out
}

/// A double-quoted string valid in both YAML and TOML: backslash, quote
/// and control characters escaped.
pub(crate) fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_escapes_what_would_end_the_string() {
        assert_eq!(
            quoted("a \"b\" \\ c\nd\u{7}"),
            "\"a \\\"b\\\" \\\\ c\\nd\\u0007\""
        );
    }
}
