//! A brief with a chosen text in every free-text field, for the escaping
//! tests: the starter's shape (every part of the format), with `text` in
//! each name, title, wording and note, and `prose` in the Markdown prose
//! fields (background, outlook).

/// `s` as a YAML double-quoted scalar: any string round-trips.
pub fn yaml_quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20
                || (0x7f..=0x9f).contains(&(c as u32))
                || c == '\u{feff}'
                || c == '\u{2028}'
                || c == '\u{2029}'
                || (0xfffe..=0xffff).contains(&(c as u32)) =>
            {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The brief, with `text` in every free-text field and `prose` in the
/// prose fields.
pub fn brief_with(text: &str, prose: &str) -> String {
    let t = yaml_quote(text);
    let p = yaml_quote(prose);
    format!(
        r#"id: hostile
title: {t}
dateline: {t}
published: 2031-05-14
key_points:
  - text: {t}
    sources: [article]
background: {p}
outlook: {p}
sources:
  - id: article
    name: {t}
    publisher: {t}
    kind: news-article
    url: https://example.org/article
    date: 2031-05-14
    reliability: {t}
  - id: statement
    name: {t}
    kind: official-statement
actors:
  - id: aldmann
    name: {t}
    kind: person
    aliases: [{t}]
    roles:
      - title: {t}
        of: aldoria
        portfolio: {t}
        sources: [article]
  - id: aldoria
    name: {t}
    kind: state
  - id: belmark
    name: {t}
    kind: state
  - id: commission
    name: {t}
    kind: organisation
    members: [aldoria, belmark]
  - id: residents
    name: {t}
    kind: group
    description: {t}
places:
  - id: islands
    name: {t}
    kind: region
    aliases: [{t}]
  - id: upper
    name: {t}
    kind: region
    part_of: islands
issues:
  - id: sovereignty
    name: {t}
    description: {t}
events:
  - id: landing
    kind: military-action
    title: {t}
    participants: [belmark]
    location: upper
    date:
      value: 2031-04
      stated: {t}
      inferred: [year]
      basis: {t}
    sources: [article]
  - id: talks
    kind: talks
    title: {t}
    participants: [aldoria, belmark]
    status: scheduled
    level: {t}
    purpose: {t}
    topics: [{t}]
    date:
      value: 2031-05-19/2031-05-23
      stated: {t}
    follows: [landing]
    sources: [article]
statements:
  - id: quote
    by: aldmann
    kind: quote
    verb: {t}
    text: {t}
    quote: {t}
    issue: sovereignty
    at: talks
    date: 2031-05-12
    via: [statement, article]
    sources: [article]
  - id: claim
    by: belmark
    kind: claim
    verb: {t}
    text: {t}
    issue: sovereignty
    rejected_by:
      - actor: aldoria
        strength: {t}
        sources: [statement]
    sources: [article]
  - id: conditions
    by: aldoria
    kind: conditions
    verb: {t}
    text: {t}
    conditions: [{t}, {t}]
    about: [residents]
    issue: sovereignty
    sources: [statement]
  - id: welcome
    by: commission
    kind: characterisation
    verb: {t}
    text: {t}
    issue: sovereignty
    aligns_with:
      - statement: claim
        framing: {t}
    sources: [article]
figures:
  - id: control
    controller: belmark
    areas: [upper]
    value: 40
    unit: percent
    qualifier: nearly
    stated: {t}
    as_of:
      value: 2031-05-13
      stated: {t}
    status: occupied
    sources: [article]
  - id: displaced
    measure: {t}
    areas: [upper]
    value: 1200
    unit: people
    qualifier: over
    stated: {t}
    as_of: 2031-05-13
    sources: [statement]
judgments:
  - text: {t}
    likelihood: likely
    confidence: low
    sources: [article]
gaps:
  - text: {t}
    about: [displaced, residents]
"#
    )
}

/// The classic payloads: markup, script, links, style and comment breaks,
/// template delimiters (Tera, mdBook, Liquid), Markdown structure.
pub const PAYLOADS: &[&str] = &[
    "<script>document.title='XSS-script'</script>",
    "<img src=x onerror=\"document.title='XSS-img'\">",
    "<svg onload=\"document.title='XSS-svg'\"></svg>",
    "<a href=\"javascript:document.title='XSS-a'\">click</a>",
    "javascript:document.title='XSS-js'",
    "</style><script>document.title='XSS-style'</script>",
    "</title><script>document.title='XSS-title'</script>",
    "<!-- a comment --> <!-- unclosed",
    "\"><script>document.title='XSS-attr'</script>",
    "' onmouseover='document.title=\"XSS-quote\"",
    "<iframe srcdoc=\"<script>parent.document.title='XSS-iframe'</script>\"></iframe>",
    "{{ brief.title }} {% if true %}TEMPLATE{% endif %} {# c #}",
    "{{#include ../secret.txt}} {{ #include ../secret.txt }}",
    "[a link](javascript:document.title='XSS-md') ![an image](javascript:x)",
    "<javascript:document.title='XSS-autolink'>",
    "a | b | c",
    "`code` ``more``",
    "# heading",
    "> quote",
    "- item",
    "1. item",
    "*em* **strong** _u_ ~~s~~",
    "line one\nline two\n\n# heading after a blank line",
    "trailing spaces  ",
    "&amp; &lt;script&gt; &#60;script&#62;",
    "[^1] [^note]: footnote",
    "\\ backslash \\<b>",
];
