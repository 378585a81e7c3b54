//! Briefings in five languages: every message in every language, no
//! English written straight into a template or a phrase builder, plural
//! forms, the seed's qualifiers, dates and figures per language, `lang`
//! attributes, and snapshots of two briefs in every language.

use std::path::Path;

use brief::i18n::{Catalog, Lang};
use brief::{Format, Limits, RenderOptions, Renderer};

use crate::common::root;

const SEED: &str = "briefs/us-russia-talks.yaml";
const SECOND: &str = "briefs/israel-hezbollah-ceasefire-2024-11.yaml";

/// A shipped brief rendered in `lang`.
fn render(path: &str, format: Format, lang: Lang) -> String {
    let checked = brief::check_file(&root().join(path), None, &Limits::default()).unwrap();
    let renderer = Renderer::new().unwrap();
    let options = RenderOptions {
        format,
        lang,
        ..RenderOptions::default()
    };
    checked.render(&renderer, &options).unwrap().text
}

/// A brief given as text rendered in `lang`.
fn render_text(yaml: &str, format: Format, lang: Lang) -> String {
    let renderer = Renderer::new().unwrap();
    let options = RenderOptions {
        format,
        lang,
        ..RenderOptions::default()
    };
    brief::render_str(yaml, &Limits::default(), &renderer, &options)
        .unwrap()
        .text
}

#[test]
fn every_language_has_exactly_the_english_keys() {
    let english = Catalog::builtin_keys(Lang::En);
    assert!(english.len() > 100, "only {} English keys", english.len());
    let mut seen = std::collections::HashSet::new();
    for k in &english {
        assert!(seen.insert(*k), "`{k}` is defined twice in English");
    }
    for lang in Lang::ALL {
        let keys = Catalog::builtin_keys(lang);
        let missing: Vec<_> = english.iter().filter(|k| !keys.contains(k)).collect();
        let extra: Vec<_> = keys.iter().filter(|k| !english.contains(k)).collect();
        assert!(missing.is_empty(), "{lang} lacks {missing:?}");
        assert!(extra.is_empty(), "{lang} has keys English lacks: {extra:?}");
        let catalog = Catalog::builtin();
        for k in &english {
            assert!(catalog.has(lang, k), "{lang}: `{k}` does not parse");
        }
    }
}

#[test]
fn every_key_a_template_asks_for_exists() {
    let catalog = Catalog::builtin();
    for (name, source) in brief::render::BUILTINS {
        for (i, _) in source.match_indices("t(key=\"") {
            let rest = &source[i + 7..];
            let key = &rest[..rest.find('"').unwrap()];
            // `"meetings-" ~ group[0]`: the groups' keys are checked below.
            if key.ends_with('-') {
                continue;
            }
            assert!(catalog.has(Lang::En, key), "{name} asks for `{key}`");
        }
    }
    for group in ["held", "under-way", "upcoming", "proposed", "called-off"] {
        assert!(catalog.has(Lang::En, &format!("meetings-{group}")));
    }
}

/// The reader-facing text of a template: what is left once comments,
/// tags, expressions, HTML markup and Markdown link targets (`](#gaps)`)
/// are taken out.
fn template_text(source: &str) -> String {
    let mut text = String::new();
    let unlinked = strip_link_targets(&strip_styles(source));
    let mut rest = unlinked.as_str();
    while !rest.is_empty() {
        let next = ["{#", "{{", "{%", "<"]
            .iter()
            .filter_map(|open| rest.find(open).map(|i| (i, *open)))
            .min();
        let Some((i, open)) = next else {
            text.push_str(rest);
            break;
        };
        text.push_str(&rest[..i]);
        let close = match open {
            "{#" => "#}",
            "{{" => "}}",
            "{%" => "%}",
            _ => ">",
        };
        let after = &rest[i + open.len()..];
        let end = after.find(close).map_or(after.len(), |e| e + close.len());
        rest = &after[end..];
    }
    text
}

/// The source without its `page_style` blocks: CSS, not text.
fn strip_styles(source: &str) -> String {
    let (open, close) = ("{% block page_style %}", "{% endblock page_style %}");
    match (source.find(open), source.find(close)) {
        (Some(a), Some(b)) if a < b => format!("{}{}", &source[..a], &source[b + close.len()..]),
        _ => source.to_string(),
    }
}

/// The source without the targets of its Markdown links: `](#...)`.
fn strip_link_targets(source: &str) -> String {
    let mut out = String::new();
    let mut rest = source;
    while let Some(i) = rest.find("](#") {
        out.push_str(&rest[..=i]);
        let after = &rest[i + 1..];
        rest = &after[after.find(')').map_or(after.len(), |e| e + 1)..];
    }
    out.push_str(rest);
    out
}

/// String literals inside `{{ }}` and `{% %}` that hold letters and are
/// not a message key, a block or template name, or a value compared with.
fn template_literals(source: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (open, close) in [("{{", "}}"), ("{%", "%}")] {
        for (i, _) in source.match_indices(open) {
            let inner = &source[i + 2..];
            let inner = &inner[..inner.find(close).unwrap_or(inner.len())];
            let mut parts = inner.split('"');
            let mut before = parts.next().unwrap_or("").to_string();
            while let (Some(lit), Some(after)) = (parts.next(), parts.next()) {
                let b = before.trim_end();
                let allowed = b.ends_with("key=")
                    || b.ends_with("==")
                    || b.ends_with("!=")
                    || b.ends_with("extends")
                    || b.ends_with("include")
                    || b.ends_with('[')
                    || !lit.chars().any(char::is_alphabetic);
                if !allowed {
                    found.push(lit.to_string());
                }
                before = after.to_string();
            }
        }
    }
    found
}

#[test]
fn templates_write_no_reader_facing_english_of_their_own() {
    for (name, source) in brief::render::BUILTINS {
        if name.ends_with(".css") {
            continue;
        }
        let text = template_text(source);
        let words: Vec<&str> = text
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .collect();
        assert!(words.is_empty(), "{name} writes {words:?} directly");
        let literals = template_literals(source);
        assert!(literals.is_empty(), "{name} has literals {literals:?}");
    }
}

#[test]
fn the_scan_catches_english_in_a_template() {
    assert_eq!(
        template_text("<h2>Key points</h2>{{ x }}").trim(),
        "Key points"
    );
    assert_eq!(template_text("[{{ x }}](#key-points) and").trim(), "[] and");
    assert_eq!(template_text("<h2>{{ t(key=\"key-points\") }}</h2>"), "");
    assert_eq!(
        template_literals("{{ x or \"date not given\" }}"),
        ["date not given"]
    );
    assert!(template_literals("{% if a.kind != \"person\" %}{{ t(key=\"who\") }}").is_empty());
}

/// The functions that compose reader-facing phrases in Rust, by file.
const PHRASE_BUILDERS: &[(&str, &[&str])] = &[
    (
        "src/date.rs",
        &[
            "fn plain(",
            "fn phrase(",
            "pub fn phrase(",
            "pub fn weekday_name(",
        ],
    ),
    ("src/format/date_spec.rs", &["fn concise("]),
    (
        "src/format/figure.rs",
        &["fn money_text(", "pub(crate) fn figure_display("],
    ),
    (
        "src/format/text.rs",
        &["pub(crate) fn join_and(", "pub(crate) fn join_or("],
    ),
];

/// The body of the function whose signature starts with `signature`.
fn body<'a>(source: &'a str, signature: &str) -> &'a str {
    let start = source
        .find(signature)
        .unwrap_or_else(|| panic!("no `{signature}`"));
    let open = start + source[start..].find('{').unwrap();
    let mut depth = 0;
    for (i, c) in source[open..].char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return &source[open..open + i];
                }
            }
            _ => {}
        }
    }
    &source[open..]
}

/// String literals of Rust code that a reader could see: those with a
/// letter that are not a message key (`date-about`), a variable name
/// (`date`) or a format string of placeholders only (`{}-{}`).
fn english_literals(code: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut parts = code.split('"');
    parts.next();
    while let (Some(lit), Some(_)) = (parts.next(), parts.next()) {
        let without_placeholders: String = {
            let mut out = String::new();
            let mut depth = 0;
            for c in lit.chars() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    c if depth == 0 => out.push(c),
                    _ => {}
                }
            }
            out
        };
        let key = without_placeholders
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !key && without_placeholders.chars().any(char::is_alphabetic) {
            found.push(lit.to_string());
        }
    }
    found
}

#[test]
fn phrase_builders_take_every_word_from_the_messages() {
    for (file, functions) in PHRASE_BUILDERS {
        let source = std::fs::read_to_string(root().join(file)).unwrap();
        for f in *functions {
            let found = english_literals(body(&source, f));
            assert!(found.is_empty(), "{file} `{f}` writes {found:?}");
        }
    }
    assert_eq!(english_literals(r#"format!("{} each", x)"#), ["{} each"]);
    assert!(english_literals(r#"w.msg("figure-each", &[("amount", a)])"#).is_empty());
}

#[test]
fn russian_and_ukrainian_have_three_plural_forms() {
    let c = Catalog::builtin();
    let form = |lang, n: i64| c.msg(lang, "more-in-full-briefing", &[("count", n.into())]);
    let ru: Vec<String> = [1, 2, 5, 11, 21, 22]
        .iter()
        .map(|n| form(Lang::Ru, *n))
        .collect();
    assert_eq!(
        ru,
        [
            "ещё 1 пункт в полной справке",
            "ещё 2 пункта в полной справке",
            "ещё 5 пунктов в полной справке",
            "ещё 11 пунктов в полной справке",
            "ещё 21 пункт в полной справке",
            "ещё 22 пункта в полной справке",
        ]
    );
    let uk: Vec<String> = [1, 2, 5, 11, 21, 22]
        .iter()
        .map(|n| form(Lang::Uk, *n))
        .collect();
    assert_eq!(
        uk,
        [
            "ще 1 пункт у повній довідці",
            "ще 2 пункти в повній довідці",
            "ще 5 пунктів у повній довідці",
            "ще 11 пунктів у повній довідці",
            "ще 21 пункт у повній довідці",
            "ще 22 пункти в повній довідці",
        ]
    );
    assert_eq!(form(Lang::En, 1200), "1,200 more in the full briefing");
    assert_eq!(
        form(Lang::Fr, 1200),
        "1\u{202F}200 autres dans la note complète"
    );
    assert_eq!(form(Lang::Fr, 1), "1 autre dans la note complète");
}

#[test]
fn html_pages_carry_the_output_language() {
    for lang in Lang::ALL {
        let html = render(SEED, Format::Html, lang);
        assert!(html.contains(&format!("<html lang=\"{lang}\">")), "{lang}");
    }
}

#[test]
fn the_author_text_is_marked_when_its_language_differs() {
    let yaml = "id: x\nlang: uk\ntitle: Переговори в Ер-Ріяді\nkey_points:\n  - text: Делегації зустрілися.\n";
    let en = render_text(yaml, Format::Html, Lang::En);
    assert!(
        en.contains("<h1 lang=\"uk\">Переговори в Ер-Ріяді</h1>"),
        "{en}"
    );
    assert!(
        en.contains("<span lang=\"uk\">Делегації зустрілися.</span>"),
        "{en}"
    );
    let uk = render_text(yaml, Format::Html, Lang::Uk);
    assert!(uk.contains("<h1>Переговори в Ер-Ріяді</h1>"), "{uk}");
    assert!(uk.contains("<html lang=\"uk\">"));
    assert!(!uk.contains(" lang=\"uk\">Дел"));
}

#[test]
fn the_brief_text_is_never_translated() {
    let yaml = "id: x\ntitle: Talks in Riyadh\nkey_points:\n  - text: The delegations met.\n";
    for lang in Lang::ALL {
        let md = render_text(yaml, Format::Markdown, lang);
        assert!(md.contains("# Talks in Riyadh"), "{lang}");
        assert!(md.contains("- The delegations met."), "{lang}");
    }
}

/// The seed's qualifiers, dates and figures as each language writes them.
#[test]
fn the_seed_reads_right_in_every_language() {
    let cases: &[(Lang, &[&str], &[&str])] = &[
        (
            Lang::En,
            &["nearly 20%", "18 February 2025", "## Key points"],
            &[],
        ),
        (
            Lang::Fr,
            &[
                "près de 20\u{202F}%",
                "18 février 2025",
                "## Points clés",
                "## Chronologie",
            ],
            &[
                "nearly 20%[^1]",
                "18 February 2025",
                "## Key points",
                "environ 20",
            ],
        ),
        (
            Lang::De,
            &["knapp 20\u{A0}%", "18\\. Februar 2025", "## Kernpunkte"],
            &["nearly 20%[^1]", "18 February 2025", "etwa 20"],
        ),
        (
            Lang::Ru,
            &["почти 20\u{A0}%", "18 февраля 2025 г.", "## Главное"],
            &["nearly 20%[^1]", "18 February 2025", "около 20"],
        ),
        (
            Lang::Uk,
            &["майже 20\u{A0}%", "18 лютого 2025 р.", "## Головне"],
            &["nearly 20%[^1]", "18 February 2025", "близько 20"],
        ),
    ];
    for (lang, has, lacks) in cases {
        let md = render(SEED, Format::Markdown, *lang);
        for s in *has {
            assert!(md.contains(s), "{lang}: no `{s}` in\n{md}");
        }
        for s in *lacks {
            assert!(!md.contains(s), "{lang}: `{s}` in\n{md}");
        }
    }
}

#[test]
fn numbers_group_and_mark_decimals_per_language() {
    let yaml = "id: x\ntitle: T\nfigures:\n  - id: f\n    measure: aid\n    kind: money\n    value: 3500000000\n    qualifier: unqualified\n    unit: USD\n  - id: g\n    measure: troops\n    value: 12500.5\n    unit: soldiers\n    qualifier: over\n";
    let expect = [
        (Lang::En, ["3.5 billion USD", "over 12,500.5 soldiers"]),
        (
            Lang::Fr,
            ["3,5 milliards USD", "plus de 12\u{202F}500,5 soldiers"],
        ),
        (Lang::De, ["3,5 Mrd. USD", "über 12.500,5 soldiers"]),
        (Lang::Ru, ["3,5 млрд USD", "свыше 12\u{A0}500,5 soldiers"]),
        (Lang::Uk, ["3,5 млрд USD", "понад 12\u{A0}500,5 soldiers"]),
    ];
    for (lang, wants) in expect {
        let html = render_text(yaml, Format::Html, lang);
        for w in wants {
            assert!(html.contains(w), "{lang}: no `{w}`");
        }
    }
}

#[test]
fn two_briefs_render_as_pinned_in_every_language() {
    for path in [SEED, SECOND] {
        let stem = Path::new(path)
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        for lang in Lang::ALL {
            if lang == Lang::En {
                // English is pinned by the `snapshots` module.
                continue;
            }
            let md = render(path, Format::Markdown, lang);
            insta::assert_snapshot!(format!("{stem}.{lang}.md"), md);
            let html = render(path, Format::Html, lang);
            insta::assert_snapshot!(format!("{stem}.{lang}.html"), html);
        }
    }
}

/// Event kinds and statuses, the chronology's relation words and the
/// "according to" frame, as each language writes them; the CSS class of
/// a status stays the brief's code.
#[test]
fn event_words_are_in_the_reader_language() {
    let yaml = "id: x\ntitle: T\nactors:\n  - id: a\n    name: Ann\n    kind: person\n  - id: b\n    name: Bo\n    kind: person\nevents:\n  - id: call\n    kind: phone-call\n    title: Ann calls Bo\n    participants: [a, b]\n    status: under-way\n    date: 2025-02-12\n  - id: talks\n    kind: talks\n    title: Talks follow\n    participants: [a]\n    status: scheduled\n    follows: [call]\n    according_to: {unnamed: diplomatic sources}\n    date: {after: call}\n";
    let cases: &[(Lang, &[&str], &[&str])] = &[
        (
            Lang::En,
            &[
                "Phone call: Ann and Bo",
                "under way",
                "after: Phone call: Ann and Bo",
                "according to diplomatic sources",
            ],
            &[],
        ),
        (
            Lang::Fr,
            &[
                "Entretien téléphonique\u{202F}: Ann et Bo",
                "en cours",
                "après\u{202F}: Entretien téléphonique",
                "prévu",
                "selon diplomatic sources",
            ],
            &["Phone call", "under way", "scheduled", "according to"],
        ),
        (
            Lang::De,
            &[
                "Telefonat: Ann und Bo",
                "läuft",
                "nach: Telefonat",
                "geplant",
                "laut diplomatic sources",
            ],
            &["Phone call", "under way", "scheduled", "according to"],
        ),
        (
            Lang::Ru,
            &[
                "Телефонный разговор: Ann и Bo",
                "идёт",
                "после: Телефонный разговор",
                "запланировано",
                "по данным: diplomatic sources",
            ],
            &["Phone call", "under way", "scheduled", "according to"],
        ),
        (
            Lang::Uk,
            &[
                "Телефонна розмова: Ann і Bo",
                "триває",
                "після: Телефонна розмова",
                "заплановано",
                "за даними: diplomatic sources",
            ],
            &["Phone call", "under way", "scheduled", "according to"],
        ),
    ];
    for (lang, has, lacks) in cases {
        let md = render_text(yaml, Format::Markdown, *lang);
        let html = render_text(yaml, Format::Html, *lang);
        for s in *has {
            assert!(md.contains(s), "{lang}: no `{s}` in\n{md}");
        }
        for s in *lacks {
            assert!(!md.contains(s), "{lang}: `{s}` in\n{md}");
        }
        assert!(html.contains("class=\"status status-under-way\""), "{lang}");
    }
}

/// Functions of the view code, besides every `fn view(`, that compose a
/// phrase a briefing shows.
const VIEW_PHRASES: &[(&str, &[&str])] = &[
    (
        "src/format/event.rs",
        &[
            "pub(crate) fn label(",
            "pub(crate) fn reference(",
            "pub fn shown(",
        ],
    ),
    ("src/format/actor.rs", &["pub fn shown("]),
    ("src/format/agreement.rs", &["pub fn shown("]),
    (
        "src/resolve.rs",
        &[
            "fn relation_text(",
            "fn named(",
            "fn statement_reference(",
            "fn event_sentence(",
            "fn statement_sentence(",
            "fn agreement_sentence(",
            "fn figure_sentence(",
        ],
    ),
];

/// Literals the view code may hold: values compared with or sorted by,
/// anchors and section ids, never shown as words. Each entry is a phrase
/// still to translate or a code; keep it short.
const VIEW_ALLOWED: &[&str] = &[
    // Anchors of a key point's item: `#event-ID`.
    "{kind}-{id}",
    "item:{}",
];

/// Every body of `fn view(` in `source`.
fn view_bodies(source: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(i) = source[at..].find("fn view(") {
        out.push(body(&source[at + i..], "fn view("));
        at += i + "fn view(".len();
    }
    out
}

#[test]
fn view_code_takes_every_word_from_the_messages() {
    let mut found = Vec::new();
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(root().join("src/format"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.push(root().join("src/resolve.rs"));
    files.sort();
    for path in files {
        let source = std::fs::read_to_string(&path).unwrap();
        let file = path.strip_prefix(root()).unwrap().display().to_string();
        let mut bodies = view_bodies(&source);
        for (f, functions) in VIEW_PHRASES {
            if file == *f {
                bodies.extend(functions.iter().map(|sig| body(&source, sig)));
            }
        }
        for b in bodies {
            for lit in english_literals(b) {
                if !VIEW_ALLOWED.contains(&lit.as_str()) {
                    found.push(format!("{file}: {lit:?}"));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "English in view code:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_view_scan_sees_every_view_function() {
    let source =
        "fn view(&self) { \"held\" }\nfn other() { \"x y\" }\nfn view(&self) { \"according to\" }";
    let bodies = view_bodies(source);
    assert_eq!(bodies.len(), 2);
    assert_eq!(english_literals(bodies[1]), ["according to"]);
}

/// Files that write a briefing's, a chart's, a change briefing's or a
/// coverage report's words in Rust: every word in them comes from the
/// messages. Their tests (after `#[cfg(test)]`) and comments are not
/// scanned.
const WORDED_FILES: &[&str] = &[
    "src/render/dialect/html.rs",
    "src/render/dialect/markdown.rs",
    "src/render/dialect/mod.rs",
    "src/render/helpers.rs",
    "src/render/charts/axis.rs",
    "src/render/charts/chronology.rs",
    "src/render/charts/legend.rs",
    "src/render/charts/mermaid.rs",
    "src/render/charts/relations.rs",
    "src/render/charts/svg.rs",
    "src/render/charts/territory.rs",
    "src/diff/mod.rs",
    "src/verify/report.rs",
    "src/verify/coverage.rs",
    "src/resolve.rs",
];

/// Literals of those files that are not words for a reader, by how they
/// start: error messages for template authors (which stay English, as
/// diagnostics do), Mermaid syntax, CSS and attribute values. Keep it
/// short.
const WORDED_ALLOWED: &[&str] = &[
    // Template errors, for the template's author.
    "the `{filter}` filter ",
    "takes ",
    "a source (with `n`) or",
    "a source or a list of",
    "a list of passages",
    "passages (with `exact`)",
    "a date (with `text`)",
    "an actor or speaker (with `name`)",
    // Mermaid's and CSS's own words, and a link's relation.
    "```mermaid",
    "  classDef ",
    "\\\n.article p",
    "noopener noreferrer",
];

/// The reader-facing phrases of Rust code: literals that, once markup
/// (`<g class="x">`), placeholders (`{}`) and escapes are taken out, hold
/// two words in a row or a capitalised word. Attributes (`#[...]`) and
/// the messages of `expect` are not scanned.
fn reader_phrases(code: &str) -> Vec<String> {
    let code = code.split("#[cfg(test)]").next().unwrap_or(code);
    let code: String = code
        .lines()
        .filter(|l| !l.trim_start().starts_with("//") && !l.trim_start().starts_with("#["))
        .map(|l| {
            l.replace("\\\\", "")
                .replace("\\\"", "'")
                .replace("'\"'", "'q'")
        })
        .collect::<Vec<_>>()
        .join("\n");
    let mut found = Vec::new();
    let mut parts = code.split('"');
    let mut before = parts.next().unwrap_or("");
    while let (Some(lit), Some(after)) = (parts.next(), parts.next()) {
        let expect = before.trim_end().ends_with("expect(");
        before = after;
        if expect || WORDED_ALLOWED.iter().any(|a| lit.starts_with(a)) {
            continue;
        }
        let mut text = String::new();
        let (mut tag, mut brace) = (false, 0);
        for c in lit.chars() {
            match c {
                '<' => tag = true,
                '>' if tag => tag = false,
                '{' => brace += 1,
                '}' if brace > 0 => brace -= 1,
                c if !tag && brace == 0 => text.push(c),
                _ => {}
            }
        }
        let text = text.replace("\\n", " ");
        let two_in_a_row = text
            .split(|c: char| !(c.is_alphabetic() || c == ' '))
            .any(|run| run.split_whitespace().filter(|w| w.len() > 1).count() >= 2);
        let capitalised = text
            .split(|c: char| !c.is_alphabetic())
            .any(|w| w.chars().count() >= 3 && w.starts_with(char::is_uppercase));
        if two_in_a_row || capitalised {
            found.push(lit.to_string());
        }
    }
    found
}

#[test]
fn charts_dialects_diff_and_reports_take_their_words_from_the_messages() {
    let mut found = Vec::new();
    for file in WORDED_FILES {
        let source = std::fs::read_to_string(root().join(file)).unwrap();
        for lit in reader_phrases(&source) {
            found.push(format!("{file}: {lit:?}"));
        }
    }
    assert!(found.is_empty(), "English in code:\n{}", found.join("\n"));
}

#[test]
fn the_phrase_scan_catches_english_put_back() {
    let html = r#"fn f() { out.push_str("Source passage"); }"#;
    assert_eq!(reader_phrases(html), ["Source passage"]);
    let md = r#"let l = format!("Source passage: “{}”", escaped(&p.exact));"#;
    assert_eq!(reader_phrases(md), ["Source passage: “{}”"]);
    assert_eq!(
        reader_phrases(r#"write!(o, " (as of {})", x)"#),
        [" (as of {})"]
    );
    assert_eq!(
        reader_phrases(r#"const M: [&str; 2] = ["Jan", "Feb"];"#),
        ["Jan", "Feb"]
    );
    assert!(reader_phrases(r#"w.msg("chart-legend-held", &[("n", 1.into())])"#).is_empty());
    assert!(reader_phrases(r#"write!(o, "<g class=\"legend\" font-size=\"11\">")"#).is_empty());
    // Comments and tests are not what a reader sees.
    assert!(
        reader_phrases("// Source passage\n#[cfg(test)]\nfn t() { \"Source passage\" }").is_empty()
    );
}

/// The key points that name an item, an agreement's length, the source
/// passages and the charts, in each language.
#[test]
fn composed_sentences_passages_and_charts_are_in_the_reader_language() {
    let seed = |lang| render(SEED, Format::Markdown, lang);
    let fr = seed(Lang::Fr);
    assert!(fr.contains("- Russian and U.S. diplomats meet, prévu, Sergei Ryabkov confirmed"));
    assert!(
        fr.contains("- Contrôle territorial\u{202F}: près de 20\u{202F}%, contrôlé par Russia")
    );
    assert!(fr.contains("**Lieu\u{202F}:** Moscow"), "{fr}");
    assert!(!fr.contains("held by") && !fr.contains(", scheduled,"));
    let ru = seed(Lang::Ru);
    assert!(
        ru.contains("почти 20\u{A0}%, под контролем: Russia"),
        "{ru}"
    );
    let truce = |lang| render(SECOND, Format::Markdown, lang);
    assert!(truce(Lang::Fr).contains("trêve de 60 jours, statut"));
    assert!(truce(Lang::De).contains("Waffenruhe für 60 Tage, in Kraft"));
    assert!(truce(Lang::Ru).contains("перемирие сроком 60 дней"));
    assert!(truce(Lang::Uk).contains("перемир'я на 60 днів"));
    assert!(truce(Lang::En).contains("60-day truce, in force"));
    let grounded = "briefs/calder-ferry-strike-2031-03.yaml";
    let de = render(grounded, Format::Html, Lang::De);
    assert!(de.contains("<summary>Belegstelle</summary>"), "{de}");
    assert!(de.contains(">März 2031"), "{de}");
    assert!(de.contains("Zeitleiste, älteste zuerst"));
    for english in [
        "Source passage",
        "In the source",
        "Timeline,",
        "Mar 2031",
        "Source:",
    ] {
        assert!(!de.contains(english), "de: {english}");
    }
    let md = render(grounded, Format::Markdown, Lang::Fr);
    assert!(
        md.contains("Passage de la source\u{202F}: «\u{202F}"),
        "{md}"
    );
    assert!(md.contains("— [dans la source](<"));
}

/// `brief diff` and `brief verify` write their own words in the reader's
/// language too; JSON keys stay English.
#[test]
fn diff_and_verify_reports_are_in_the_reader_language() {
    let dir = root().join("tests/fixtures/diff");
    let diff = |lang: &str| {
        crate::common::brief_in(&dir)
            .args(["diff", "kinds-old.yaml", "kinds-new.yaml", "--lang", lang])
            .output()
            .unwrap()
    };
    let fr = String::from_utf8(diff("fr").stdout).unwrap();
    assert!(fr.contains("36 changements\u{202F}:"), "{fr}");
    assert!(fr.contains("Ajout\u{202F}: acteur, Ivo Brandt"), "{fr}");
    let de = String::from_utf8(diff("de").stdout).unwrap();
    assert!(de.contains("gestiegen um etwa 5 Prozentpunkte"), "{de}");
    assert!(de.contains("Status: geplant → fand statt"), "{de}");
    let verify = |lang: &str, format: &str| {
        let out = crate::common::brief()
            .args([
                "verify",
                "briefs/calder-ferry-strike-2031-03.yaml",
                "--lang",
                lang,
                "-f",
                format,
            ])
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let uk = verify("uk", "md");
    assert!(uk.starts_with("# Покриття: "), "{uk}");
    assert!(uk.contains("| Речення |"), "{uk}");
    let html = verify("de", "html");
    assert!(html.contains("<html lang=\"de\">") && html.contains("<h3>Nicht abgedeckt</h3>"));
    let json = verify("fr", "json");
    assert!(
        json.contains("\"uncovered\"") && json.contains("\"what\": \"sentence\""),
        "{json}"
    );
}
