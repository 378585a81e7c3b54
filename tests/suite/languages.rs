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
                "Entretien téléphonique : Ann et Bo",
                "en cours",
                "après : Entretien téléphonique",
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
        &["fn relation_text(", "fn named(", "fn statement_reference("],
    ),
];

/// Literals the view code may hold: values compared with or sorted by,
/// anchors and section ids, never shown as words. Each entry is a phrase
/// still to translate or a code; keep it short.
const VIEW_ALLOWED: &[&str] = &[
    // Anchors of a key point's item: `#event-ID`.
    "{kind}-{id}",
    "item:{}",
    // A duration's stated length, English compounds still to translate.
    "{}-{}",
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
