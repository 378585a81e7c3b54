//! The one YAML writer of a draft. Deterministic (items in the order the
//! finders give them, fields in a fixed order), every string quoted, so
//! that any character (quote marks, `:`, `#`, a leading `-`, a line
//! break) stays inside its value; comments for the author.

use std::fmt::Write as _;
use std::ops::Range;

use super::DraftOptions;
use super::model::{
    Actor, Agreement, Attribution, Draft, DraftDate, Event, Figure, Place, Relay, Statement,
};
use super::passage::{Context, Passages};

/// The draft as YAML text.
pub fn write(d: &Draft, article: &str, options: &DraftOptions) -> String {
    let mut w = Writer {
        out: String::new(),
        article,
        grounded: d.source.text.is_some(),
        source: d.source.id.clone(),
        passages: None,
    };
    w.header(d, options);
    w.top(d);
    w.sources(d);
    w.list("actors", &d.actors, Writer::actor);
    w.list("places", &d.places, Writer::place);
    w.list("events", &d.events, Writer::event);
    w.list("agreements", &d.agreements, Writer::agreement);
    w.list("statements", &d.statements, Writer::statement);
    w.list("figures", &d.figures, Writer::figure);
    w.suggestions(d);
    w.out
}

/// A YAML string: double-quoted, with `\` escapes for what needs them.
pub fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            // A brief refuses control characters, these among them; to
            // grounding, which compares passages with every run of white
            // space as one space, a space is the same.
            c if c.is_whitespace() && crate::load::controls::forbidden(c) => out.push(' '),
            c if c.is_control() || c == '\u{feff}' || c == '\u{2028}' || c == '\u{2029}' => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// An id or a word of the format's vocabulary: written plain when it is
/// a plain word that YAML reads as a string, else quoted.
fn word(s: &str) -> String {
    let plain = s.starts_with(|c: char| c.is_ascii_lowercase())
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !matches!(
            s,
            "true" | "false" | "null" | "yes" | "no" | "on" | "off" | "y" | "n"
        );
    if plain { s.to_owned() } else { quoted(s) }
}

/// A comment line's text: on one line, whatever it holds.
fn comment(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

struct Writer<'a> {
    out: String,
    article: &'a str,
    /// Whether the source has a `text:`: evidence is written as data,
    /// else as comments.
    grounded: bool,
    source: String,
    /// The article normalised and indexed, to tell passages apart; made
    /// when the first passage is written.
    passages: Option<Passages<'a>>,
}

impl Writer<'_> {
    fn line(&mut self, indent: usize, s: &str) {
        for _ in 0..indent {
            self.out.push(' ');
        }
        self.out.push_str(s);
        self.out.push('\n');
    }

    fn field(&mut self, indent: usize, key: &str, value: &str) {
        self.line(indent, &format!("{key}: {}", quoted(value)));
    }

    fn opt(&mut self, indent: usize, key: &str, value: Option<&str>) {
        if let Some(v) = value {
            self.field(indent, key, v);
        }
    }

    fn words(&mut self, indent: usize, key: &str, values: &[String]) {
        if !values.is_empty() {
            let list: Vec<String> = values.iter().map(|v| word(v)).collect();
            self.line(indent, &format!("{key}: [{}]", list.join(", ")));
        }
    }

    fn strings(&mut self, indent: usize, key: &str, values: &[String]) {
        if !values.is_empty() {
            self.line(indent, &format!("{key}:"));
            for v in values {
                self.line(indent + 2, &format!("- {}", quoted(v)));
            }
        }
    }

    fn header(&mut self, d: &Draft, options: &DraftOptions) {
        let from = options
            .article_label
            .clone()
            .or_else(|| d.source.text.clone())
            .unwrap_or_else(|| "standard input".to_owned());
        self.line(
            0,
            &format!("# Drafted by `brief draft` from {}.", comment(&from)),
        );
        self.line(
            0,
            "# Review every item against the article, correct or remove it, then",
        );
        self.line(
            0,
            "# delete its `drafted: true`: until then `brief check` warns about it.",
        );
        if !self.grounded {
            self.line(
                0,
                "# The article was read from standard input, so the source has no `text:`",
            );
            self.line(
                0,
                "# and the items no `evidence:`; each item's passages are given as comments.",
            );
        }
    }

    fn top(&mut self, d: &Draft) {
        self.line(0, "format: 2");
        self.line(0, &format!("id: {}", word(&d.id)));
        self.field(0, "title", &d.title);
        self.opt(0, "dateline", d.dateline.as_deref());
        if let Some(p) = &d.published {
            self.date(0, "published", p);
        }
    }

    fn sources(&mut self, d: &Draft) {
        self.out.push('\n');
        self.line(0, "sources:");
        let s = &d.source;
        self.line(2, &format!("- id: {}", word(&s.id)));
        self.field(4, "name", &s.name);
        self.opt(4, "publisher", s.publisher.as_deref());
        self.line(4, &format!("kind: {}", word(&s.kind)));
        self.opt(4, "text", s.text.as_deref());
        if let Some(date) = &s.date {
            self.date(4, "date", date);
        }
        for r in &d.relays {
            self.relay(r);
        }
    }

    fn relay(&mut self, r: &Relay) {
        self.line(2, &format!("- id: {}", word(&r.id)));
        self.field(4, "name", &r.name);
        self.line(4, "kind: other");
        self.opt(4, "reliability", r.description.as_deref());
        self.passages_as_comments(4, &r.evidence);
    }

    fn list<T>(&mut self, key: &str, items: &[T], each: fn(&mut Self, &T)) {
        if items.is_empty() {
            return;
        }
        self.out.push('\n');
        self.line(0, &format!("{key}:"));
        for item in items {
            each(self, item);
        }
    }

    /// An item's first line and its marker.
    fn start(&mut self, id: &str) {
        self.line(2, &format!("- id: {}", word(id)));
        self.line(4, "drafted: true");
    }

    fn actor(&mut self, a: &Actor) {
        self.start(&a.id);
        self.field(4, "name", &a.name);
        self.line(4, &format!("kind: {}", a.kind.key()));
        if a.unnamed {
            self.line(4, "unnamed: true");
        }
        if !a.aliases.is_empty() {
            let list: Vec<String> = a.aliases.iter().map(|s| quoted(s)).collect();
            self.line(4, &format!("aliases: [{}]", list.join(", ")));
        }
        if !a.roles.is_empty() {
            self.line(4, "roles:");
            for r in &a.roles {
                self.field(6, "- title", &r.title);
                if let Some(of) = &r.of {
                    self.line(8, &format!("of: {}", word(of)));
                }
                let source = word(&self.source);
                self.line(8, &format!("sources: [{source}]"));
            }
        }
        // Actors carry no evidence in the format: the first passage that
        // names them, for the reviewer.
        let first: Vec<Range<usize>> = a.evidence.iter().take(1).cloned().collect();
        self.passages_as_comments(4, &first);
    }

    fn place(&mut self, p: &Place) {
        self.start(&p.id);
        self.field(4, "name", &p.name);
        if !p.kind.is_empty() {
            self.line(4, &format!("kind: {}", word(&p.kind)));
        }
        if let Some(of) = &p.part_of {
            self.line(4, &format!("part_of: {}", word(of)));
        }
        let first: Vec<Range<usize>> = p.evidence.iter().take(1).cloned().collect();
        self.passages_as_comments(4, &first);
    }

    fn event(&mut self, e: &Event) {
        self.start(&e.id);
        self.evidence(&e.evidence);
        self.line(4, &format!("kind: {}", word(&e.kind)));
        self.field(4, "title", &e.title);
        self.words(4, "participants", &e.participants);
        if let Some(l) = &e.location {
            self.line(4, &format!("location: {}", word(l)));
        }
        if let Some(s) = &e.status {
            self.line(4, &format!("status: {}", word(s)));
        }
        if let Some(date) = &e.date {
            self.date(4, "date", date);
        }
        if let Some(v) = &e.vote {
            self.line(4, "vote:");
            for (key, n) in [
                ("in_favour", v.in_favour),
                ("against", v.against),
                ("abstaining", v.abstaining),
                ("absent", v.absent),
            ] {
                if let Some(n) = n {
                    self.line(6, &format!("{key}: {n}"));
                }
            }
            self.opt(6, "threshold", v.threshold.as_deref());
            if let Some(o) = &v.outcome {
                self.line(6, &format!("outcome: {}", word(o)));
            }
        }
        self.attribution(4, "according_to", e.according_to.as_ref());
        self.cite();
    }

    fn agreement(&mut self, a: &Agreement) {
        self.start(&a.id);
        self.evidence(&a.evidence);
        self.line(4, &format!("kind: {}", word(&a.kind)));
        self.field(4, "title", &a.title);
        self.words(4, "parties", &a.parties);
        if let Some(s) = &a.status {
            self.line(4, &format!("status: {}", word(s)));
        }
        self.strings(4, "terms", &a.terms);
        if let Some(date) = &a.date {
            self.date(4, "date", date);
        }
        self.attribution(4, "according_to", a.according_to.as_ref());
        self.cite();
    }

    fn statement(&mut self, s: &Statement) {
        self.start(&s.id);
        self.evidence(&s.evidence);
        if let Some(by) = &s.by {
            self.line(4, &format!("by: {}", word(by)));
        }
        self.opt(4, "unattributed", s.unattributed.as_deref());
        self.line(4, &format!("kind: {}", word(&s.kind)));
        self.opt(4, "verb", s.verb.as_deref());
        self.field(4, "text", &s.text);
        self.opt(4, "quote", s.quote.as_deref());
        self.strings(4, "quoted", &s.quoted);
        self.strings(4, "conditions", &s.conditions);
        if let Some(date) = &s.date {
            self.date(4, "date", date);
        }
        self.attribution(4, "according_to", s.according_to.as_ref());
        self.words(4, "via", &s.via);
        self.cite();
    }

    fn figure(&mut self, f: &Figure) {
        self.start(&f.id);
        self.evidence(&f.evidence);
        self.line(4, &format!("kind: {}", word(&f.kind)));
        self.field(4, "measure", &f.measure);
        if let Some(v) = &f.value {
            self.line(4, &format!("value: {v}"));
        }
        if let Some((lo, hi)) = &f.range {
            self.line(4, &format!("low: {lo}"));
            self.line(4, &format!("high: {hi}"));
        }
        self.opt(4, "unit", f.unit.as_deref());
        if let Some(q) = &f.qualifier {
            self.line(4, &format!("qualifier: {}", word(q)));
        }
        self.field(4, "stated", &f.stated);
        self.attribution(4, "according_to", f.according_to.as_ref());
        if let Some(date) = &f.as_of {
            self.date(4, "as_of", date);
        }
        self.cite();
    }

    fn cite(&mut self) {
        let source = word(&self.source);
        self.line(4, &format!("sources: [{source}]"));
    }

    fn attribution(&mut self, indent: usize, key: &str, a: Option<&Attribution>) {
        let Some(a) = a else { return };
        self.line(indent, &format!("{key}:"));
        if let Some(actor) = &a.actor {
            self.line(indent + 2, &format!("actor: {}", word(actor)));
        }
        self.opt(indent + 2, "unnamed", a.unnamed.as_deref());
        self.opt(indent + 2, "verb", a.verb.as_deref());
    }

    fn date(&mut self, indent: usize, key: &str, d: &DraftDate) {
        self.line(indent, &format!("{key}:"));
        if let Some(v) = &d.value {
            self.line(indent + 2, &format!("value: {}", quoted(v)));
        }
        if !d.stated.is_empty() {
            self.field(indent + 2, "stated", &d.stated);
        }
        if !d.inferred.is_empty() {
            self.line(
                indent + 2,
                &format!("inferred: [{}]", d.inferred.join(", ")),
            );
        }
        self.opt(indent + 2, "basis", d.basis.as_deref());
        self.opt(indent + 2, "time", d.time.as_deref());
    }

    /// An item's evidence: data when the source has a text, else comments.
    fn evidence(&mut self, spans: &[Range<usize>]) {
        if spans.is_empty() {
            return;
        }
        if !self.grounded {
            self.passages_as_comments(4, spans);
            return;
        }
        let article = self.article;
        let passages = self.passages.get_or_insert_with(|| Passages::new(article));
        let found: Vec<(Range<usize>, Context)> = spans
            .iter()
            .map(|s| (s.clone(), passages.context(s)))
            .collect();
        if found
            .iter()
            .any(|(_, c)| !matches!(c, Context::Ambiguous(_)))
        {
            self.line(4, "evidence:");
        }
        for (s, context) in &found {
            let passage = self.article[s.clone()].to_owned();
            match context {
                Context::Unique => self.line(6, &format!("- {}", quoted(&passage))),
                // The same words elsewhere: the words around tell them
                // apart.
                Context::Around { prefix, suffix } => {
                    self.line(6, &format!("- exact: {}", quoted(&passage)));
                    if let Some(prefix) = prefix {
                        self.line(8, &format!("prefix: {}", quoted(prefix)));
                    }
                    if let Some(suffix) = suffix {
                        self.line(8, &format!("suffix: {}", quoted(suffix)));
                    }
                }
                // Nothing in reach tells them apart: for the author.
                Context::Ambiguous(n) => {
                    let passage = comment(&passage);
                    self.line(
                        4,
                        &format!("# from the article (its words occur {n} times): {passage}"),
                    );
                }
            }
        }
    }

    fn passages_as_comments(&mut self, indent: usize, spans: &[Range<usize>]) {
        for s in spans {
            let passage = comment(&self.article[s.clone()]);
            self.line(indent, &format!("# from the article: {passage}"));
        }
    }

    fn suggestions(&mut self, d: &Draft) {
        if d.suggestions.is_empty() {
            return;
        }
        self.out.push('\n');
        self.line(0, "# Found but not drafted, for the author to look at:");
        for s in &d.suggestions {
            self.line(0, &format!("# - {}", comment(&s.text)));
            for e in &s.evidence {
                let passage = comment(&self.article[e.clone()]);
                self.line(0, &format!("#   {passage}"));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_quoted_safely() {
        assert_eq!(quoted("a: b # c"), "\"a: b # c\"");
        assert_eq!(quoted("say \"no\"\n- \\"), "\"say \\\"no\\\"\\n- \\\\\"");
        assert_eq!(quoted("\u{7}"), "\"\\u0007\"");
        assert_eq!(quoted("a\r\nb\u{c}c\u{85}d"), "\"a \\nb c d\"");
        assert_eq!(word("vask-2"), "vask-2");
        assert_eq!(word("no"), "\"no\"");
        assert_eq!(word("Vask"), "\"Vask\"");
    }

    #[test]
    fn comments_stay_on_one_line() {
        assert_eq!(comment("a\nb\r\n  c"), "a b c");
    }
}
