//! Synthetic briefs for the benchmarks: deterministic for a seed, shaped
//! like the seed article's brief (`briefs/us-russia-talks.yaml`), and of
//! any size.
//!
//! A brief of `items` items holds about that many top-level list items,
//! split like the seed brief's: per 56 items, 4 key points, 2 sources, 12
//! actors (people with roles, states, organisations, groups with
//! members), 7 places, 5 issues, 4 events (meetings held and scheduled,
//! calls, undated events that follow others), 11 statements of every
//! kind, 3 figures, 1 judgment and 7 gaps. Dates take every form the
//! format accepts (days, months, inferred years, approximate days,
//! intervals, stated wording only), and some text holds characters that
//! need escaping. Every generated brief checks with no errors and no
//! warnings (`tests/suite/synth.rs`).
//!
//! Shared by `benches/pipeline.rs`, `examples/gen_briefs.rs` and
//! `tests/suite/synth.rs` through `#[path]`; it uses nothing but `std`.
#![allow(dead_code)]

use std::fmt::Write;

/// The number of items of a brief the size of the seed brief.
pub const SEED_ITEMS: usize = 56;

/// A small, fast, deterministic generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[self.below(list.len())]
    }
}

const WORDS: &[&str] = &[
    "talks",
    "delegation",
    "ministry",
    "border",
    "ceasefire",
    "sanctions",
    "envoy",
    "region",
    "agreement",
    "officials",
    "security",
    "forces",
    "statement",
    "proposal",
    "negotiations",
    "relations",
    "government",
    "territory",
    "conditions",
    "meeting",
    "summit",
    "council",
    "representatives",
    "report",
    "progress",
    "pressure",
    "support",
    "withdrawal",
    "control",
    "exchange",
    "prisoners",
    "corridor",
    "shipping",
    "grain",
    "energy",
    "pipeline",
    "troops",
    "observers",
    "mission",
    "mandate",
    "vote",
    "resolution",
    "assembly",
    "capital",
    "coast",
    "strait",
    "island",
    "allies",
    "partners",
    "framework",
    "guarantees",
    "elections",
    "referendum",
    "annexation",
    "occupation",
    "aid",
    "reconstruction",
    "the",
    "of",
    "and",
    "in",
    "on",
    "with",
    "for",
    "to",
    "after",
    "before",
    "over",
    "under",
    "new",
    "further",
    "renewed",
    "limited",
    "direct",
    "indirect",
    "formal",
    "informal",
    "bilateral",
    "regional",
];

const VERBS: &[&str] = &[
    "said",
    "stated",
    "claims",
    "maintains",
    "reiterated",
    "confirmed",
    "warned",
    "denied",
    "insists",
    "according to",
    "suggested",
    "announced",
];

const FIRST: &[&str] = &[
    "Anna", "Sergei", "Maria", "Pieter", "Olena", "James", "Li", "Fatima", "Jonas", "Elif",
    "Tomas", "Ingrid", "Rafael", "Amira", "Viktor", "Chloé",
];

const LAST: &[&str] = &[
    "Kovacs",
    "Lindqvist",
    "Moreau",
    "Petrenko",
    "Okafor",
    "Nakamura",
    "Haddad",
    "Novak",
    "Brennan",
    "Sørensen",
    "Costa",
    "Weber",
    "Ivanova",
    "Mensah",
    "Duarte",
    "Kask",
];

const STATES: &[&str] = &[
    "Varnia", "Ostria", "Halden", "Merovia", "Talland", "Korvia", "Estmark", "Lusan",
];

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Characters that must be escaped in Markdown or HTML, mixed into some
/// text so rendering pays for escaping as real briefs do.
const SPICE: &[&str] = &[
    "“quoted”",
    "a | b",
    "*emphasis*",
    "<tag>",
    "R&D",
    "snake_case",
    "[brackets]",
    "it's",
];

/// A day as `(year, month, day)`, `n` days after 1 January 2020.
fn day(n: usize) -> (u32, u32, u32) {
    let mut rest = n as u32;
    let mut year = 2020;
    loop {
        let len = if year % 4 == 0 { 366 } else { 365 };
        if rest < len {
            break;
        }
        rest -= len;
        year += 1;
    }
    let feb = if year % 4 == 0 { 29 } else { 28 };
    let lens = [31, feb, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let mut month = 0;
    while rest >= lens[month] {
        rest -= lens[month];
        month += 1;
    }
    (year, month as u32 + 1, rest + 1)
}

fn iso(n: usize) -> String {
    let (y, m, d) = day(n);
    format!("{y:04}-{m:02}-{d:02}")
}

struct Gen {
    rng: Rng,
    out: String,
}

impl Gen {
    fn words(&mut self, n: usize) -> String {
        let mut s = String::new();
        for i in 0..n {
            if i > 0 {
                s.push(' ');
            }
            if self.rng.below(40) == 0 {
                s.push_str(self.rng.pick(SPICE));
            } else {
                s.push_str(self.rng.pick(WORDS));
            }
        }
        s
    }

    /// A sentence of `min..min+spread` words, capitalised, with a full stop.
    fn sentence(&mut self, min: usize, spread: usize) -> String {
        let n = min + self.rng.below(spread);
        let mut s = self.words(n);
        if let Some(first) = s.get(..1) {
            let upper = first.to_uppercase();
            s.replace_range(..1, &upper);
        }
        s.push('.');
        s
    }

    fn line(&mut self, indent: usize, text: &str) {
        for _ in 0..indent {
            self.out.push(' ');
        }
        self.out.push_str(text);
        self.out.push('\n');
    }

    /// `key: >-` and the text folded over lines of about 72 columns.
    fn folded(&mut self, indent: usize, key: &str, text: &str) {
        self.line(indent, &format!("{key}: >-"));
        self.fold(indent + 2, text);
    }

    /// A list item starting with a folded `key: >-` at `indent`.
    fn folded_item(&mut self, indent: usize, key: &str, text: &str) {
        self.line(indent, &format!("- {key}: >-"));
        self.fold(indent + 4, text);
    }

    fn fold(&mut self, indent: usize, text: &str) {
        let mut line = String::new();
        for word in text.split(' ') {
            if !line.is_empty() && indent + line.len() + word.len() > 72 {
                let l = std::mem::take(&mut line);
                self.line(indent, &l);
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        self.line(indent, &line);
    }

    fn list(&mut self, indent: usize, key: &str, ids: &[String]) {
        if !ids.is_empty() {
            self.line(indent, &format!("{key}: [{}]", ids.join(", ")));
        }
    }
}

/// Counts of each list for a brief of about `items` items.
struct Counts {
    key_points: usize,
    sources: usize,
    actors: usize,
    places: usize,
    issues: usize,
    events: usize,
    statements: usize,
    figures: usize,
    judgments: usize,
    gaps: usize,
}

impl Counts {
    fn new(items: usize) -> Self {
        let n =
            |weight: usize, min: usize| ((items * weight + SEED_ITEMS / 2) / SEED_ITEMS).max(min);
        Counts {
            key_points: n(4, 1),
            sources: n(2, 2),
            actors: n(12, 4),
            places: n(7, 2),
            issues: n(5, 1),
            events: n(4, 2),
            statements: n(11, 2),
            figures: n(3, 1),
            judgments: n(1, 0),
            gaps: n(7, 1),
        }
    }
}

/// The kind of actor `i`: a state first, then a mix like the seed's.
fn actor_kind(i: usize) -> &'static str {
    [
        "state",
        "person",
        "person",
        "group",
        "person",
        "state",
        "organisation",
        "person",
        "group",
        "person",
        "state",
        "person",
    ][i % 12]
}

/// A brief of about `items` top-level list items (at least a few of each
/// kind), generated from `seed`: the same arguments give the same text.
pub fn brief(seed: u64, items: usize) -> String {
    let c = Counts::new(items);
    let mut g = Gen {
        rng: Rng(seed ^ 0x5EED_B1EF),
        out: String::with_capacity(items * 260 + 2048),
    };
    let src: Vec<String> = (0..c.sources).map(|i| format!("source-{i}")).collect();
    let actor_ids: Vec<String> = (0..c.actors)
        .map(|i| {
            let kind = actor_kind(i);
            match kind {
                "person" => format!(
                    "{}-{i}",
                    LAST[i % LAST.len()]
                        .to_lowercase()
                        .replace('ø', "o")
                        .replace('é', "e")
                ),
                _ => format!("{kind}-{i}"),
            }
        })
        .collect();
    let states: Vec<usize> = (0..c.actors)
        .filter(|&i| actor_kind(i) == "state")
        .collect();
    let persons: Vec<usize> = (0..c.actors)
        .filter(|&i| actor_kind(i) == "person")
        .collect();
    let place_ids: Vec<String> = (0..c.places).map(|i| format!("place-{i}")).collect();
    let issue_ids: Vec<String> = (0..c.issues).map(|i| format!("issue-{i}")).collect();
    let event_ids: Vec<String> = (0..c.events).map(|i| format!("event-{i}")).collect();
    let statement_ids: Vec<String> = (0..c.statements).map(|i| format!("stmt-{i}")).collect();
    let figure_ids: Vec<String> = (0..c.figures).map(|i| format!("figure-{i}")).collect();
    let cite = |i: usize| vec![src[i % src.len()].clone()];
    // Events are two days apart, statements spread over the same span.
    let span = 2 * c.events;

    let _ = writeln!(
        g.out,
        "# Synthetic brief (seed {seed}, {items} items), generated for the benchmarks."
    );
    let _ = writeln!(g.out, "id: synthetic-{seed}-{items}");
    let title = g.sentence(6, 6);
    let title = title
        .trim_end_matches('.')
        .replace(['“', '”', '*', '[', ']'], "");
    g.line(0, &format!("title: {title}"));
    g.line(
        0,
        &format!("dateline: {}", STATES[seed as usize % STATES.len()]),
    );
    g.line(0, "published:");
    g.line(2, &format!("value: {}", iso(span + 3)));
    let (_, m, d) = day(span + 3);
    g.line(2, &format!("stated: {} {d}", MONTHS[m as usize - 1]));
    g.line(2, "inferred: [year]");
    g.out.push('\n');

    g.line(0, "key_points:");
    for i in 0..c.key_points {
        let text = g.sentence(18, 14);
        g.folded_item(2, "text", &text);
        let s = cite(i);
        g.list(4, "sources", &s);
    }
    g.out.push('\n');

    g.line(0, "background: |");
    for _ in 0..2 {
        let p = format!("{} {}", g.sentence(14, 10), g.sentence(14, 10));
        g.fold(2, &p);
        g.line(0, "");
    }
    let bold = g_words_plain(&mut g.rng, 4);
    g.line(2, &format!("- **{bold}**"));
    let italic = g_words_plain(&mut g.rng, 5);
    g.line(2, &format!("- *{italic}*"));
    g.out.push('\n');
    g.line(0, "outlook: |");
    let p = g.sentence(25, 15);
    g.fold(2, &p);
    g.out.push('\n');

    g.line(0, "sources:");
    let kinds = [
        "news-article",
        "agency-report",
        "official-statement",
        "dataset",
        "report",
    ];
    for (i, id) in src.iter().enumerate() {
        g.line(2, &format!("- id: {id}"));
        let name = g_words_plain(&mut g.rng, 5);
        g.line(4, &format!("name: {}", capitalise(&name)));
        if i % 2 == 1 {
            g.line(
                4,
                &format!("publisher: {} News Agency", STATES[i % STATES.len()]),
            );
        }
        g.line(4, &format!("kind: {}", kinds[i % kinds.len()]));
        if i % 3 == 0 {
            g.line(4, &format!("url: https://example.org/reports/{i}"));
            g.line(4, &format!("date: {}", iso(span + 1)));
        }
        let r = g.sentence(8, 10);
        g.folded(4, "reliability", &r);
    }
    g.out.push('\n');

    g.line(0, "actors:");
    for (i, id) in actor_ids.iter().enumerate() {
        let kind = actor_kind(i);
        g.line(2, &format!("- id: {id}"));
        let name = match kind {
            "person" => format!(
                "{} {}",
                FIRST[(i / 2 + seed as usize) % FIRST.len()],
                LAST[i % LAST.len()]
            ),
            "state" => format!("{} {}", STATES[i % STATES.len()], i / STATES.len() + 1),
            "organisation" => format!("Ministry of {}", capitalise(g.rng.pick(WORDS))),
            _ => format!("{} officials", STATES[(i + 3) % STATES.len()]),
        };
        g.line(4, &format!("name: {name}"));
        g.line(4, &format!("kind: {kind}"));
        if i % 5 == 1 {
            g.line(
                4,
                &format!(
                    "aliases: [{}, {}]",
                    LAST[i % LAST.len()],
                    name.to_uppercase()
                ),
            );
        }
        match kind {
            "person" => {
                g.line(4, "roles:");
                let of = &actor_ids[states[i % states.len()]];
                let titles = [
                    "Foreign Minister",
                    "Deputy Foreign Minister",
                    "President",
                    "Envoy",
                ];
                g.line(6, &format!("- title: {}", titles[i % titles.len()]));
                g.line(8, &format!("of: {of}"));
                if i % 3 == 0 {
                    let p = g_words_plain(&mut g.rng, 3);
                    g.line(8, &format!("portfolio: {p}"));
                }
                let s = cite(i);
                g.list(8, "sources", &s);
            }
            "group" if !persons.is_empty() => {
                let a = &actor_ids[persons[i % persons.len()]];
                let b = &actor_ids[persons[(i + 1) % persons.len()]];
                if a != b {
                    g.line(4, &format!("members: [{a}, {b}]"));
                }
                let d = g.sentence(4, 6);
                g.line(
                    4,
                    &format!(
                        "description: {}",
                        d.replace(['“', '”', '*', '[', ']', '<', '>'], "")
                    ),
                );
            }
            _ => {}
        }
    }
    g.out.push('\n');

    g.line(0, "places:");
    let mut country = 0;
    for (i, id) in place_ids.iter().enumerate() {
        g.line(2, &format!("- id: {id}"));
        let kind = if i % 4 == 0 {
            country = i;
            "country"
        } else if i % 4 == 3 {
            "city"
        } else {
            "region"
        };
        let name = match kind {
            "country" => STATES[(i / 4) % STATES.len()].to_string(),
            _ => format!("{} {kind} {i}", capitalise(g.rng.pick(WORDS))),
        };
        g.line(4, &format!("name: {name}"));
        g.line(4, &format!("kind: {kind}"));
        if kind != "country" {
            g.line(4, &format!("part_of: {}", place_ids[country]));
        }
    }
    g.out.push('\n');

    g.line(0, "issues:");
    for id in &issue_ids {
        g.line(2, &format!("- id: {id}"));
        let name = g_words_plain(&mut g.rng, 4);
        g.line(4, &format!("name: {}", capitalise(&name)));
    }
    g.out.push('\n');

    g.line(0, "events:");
    let event_kinds = [
        "phone-call",
        "meeting",
        "talks",
        "summit",
        "visit",
        "speech",
        "military-action",
        "agreement",
    ];
    for (e, id) in event_ids.iter().enumerate() {
        let undated = e % 8 == 6;
        let kind = if undated {
            "talks"
        } else {
            event_kinds[e % event_kinds.len()]
        };
        g.line(2, &format!("- id: {id}"));
        g.line(4, &format!("kind: {kind}"));
        let title = g.sentence(6, 8);
        g.folded(4, "title", &title);
        let mut participants = vec![
            actor_ids[(2 * e) % c.actors].clone(),
            actor_ids[(2 * e + 1) % c.actors].clone(),
        ];
        let mut a = e;
        while a < c.actors {
            if !participants.contains(&actor_ids[a]) {
                participants.push(actor_ids[a].clone());
            }
            a += c.events;
        }
        g.list(4, "participants", &participants);
        if e % 2 == 0 {
            g.line(4, &format!("location: {}", place_ids[e % c.places]));
        }
        let today = 2 * e;
        if undated {
            g.line(4, "status: scheduled");
            g.line(4, "date:");
            g.line(6, "stated: at the end of the week");
            g.line(4, "level: departmental heads");
            let p = g_words_plain(&mut g.rng, 6);
            g.line(4, &format!("purpose: to discuss {p}"));
        } else {
            if e % 8 < 5 {
                let status = if e % 16 == 12 { "postponed" } else { "held" };
                g.line(4, &format!("status: {status}"));
            }
            match e % 8 {
                1 => {
                    let (_, m, d) = day(today);
                    g.line(4, "date:");
                    g.line(6, &format!("value: {}", iso(today)));
                    g.line(6, &format!("stated: {} {d}", MONTHS[m as usize - 1]));
                    g.line(6, "inferred: [year]");
                    g.line(
                        6,
                        "basis: The source gives no year; the sequence of events implies it.",
                    );
                }
                2 => g.line(4, &format!("date: {}", &iso(today)[..7])),
                4 => g.line(4, &format!("date: {}~", iso(today))),
                5 => g.line(4, &format!("date: {}/{}", iso(today), iso(today + 1))),
                _ => g.line(4, &format!("date: {}", iso(today))),
            }
        }
        if e % 3 == 0 {
            g.line(4, "topics:");
            for _ in 0..2 {
                let t = g_words_plain(&mut g.rng, 4);
                g.line(6, &format!("- {t}"));
            }
        }
        if e > 0 && (undated || e % 3 == 1) {
            g.line(4, &format!("follows: [{}]", event_ids[e - 1]));
        }
        let s = cite(e);
        g.list(4, "sources", &s);
    }
    g.out.push('\n');

    g.line(0, "statements:");
    let statement_kinds = [
        "position",
        "claim",
        "quote",
        "characterisation",
        "confirmation",
        "belief",
        "conditions",
        "position",
        "quote",
        "claim",
        "position",
    ];
    for (s, id) in statement_ids.iter().enumerate() {
        let kind = statement_kinds[s % statement_kinds.len()];
        g.line(2, &format!("- id: {id}"));
        let speaker = if persons.is_empty() {
            s % c.actors
        } else {
            persons[s % persons.len()]
        };
        if s % 11 == 3 {
            g.line(
                4,
                "unattributed: the source does not say who holds this view",
            );
        } else {
            g.line(4, &format!("by: {}", actor_ids[speaker]));
        }
        g.line(4, &format!("kind: {kind}"));
        let verb = g.rng.pick(VERBS);
        g.line(4, &format!("verb: {verb}"));
        let text = g.sentence(10, 14);
        g.folded(4, "text", &text);
        if kind == "quote" {
            let q = format!("{}… {}", g.sentence(8, 10), g.sentence(6, 8));
            g.folded(4, "quote", &q);
        }
        if s % 7 != 5 {
            g.line(4, &format!("issue: {}", issue_ids[s % c.issues]));
        }
        if kind == "belief" {
            let about = vec![
                actor_ids[(s + 1) % c.actors].clone(),
                actor_ids[(s + 2) % c.actors].clone(),
            ];
            g.list(4, "about", &about);
        }
        if kind == "conditions" {
            g.line(4, "conditions:");
            for _ in 0..2 + s % 2 {
                let cnd = g
                    .sentence(6, 8)
                    .replace(['“', '”', '*', '[', ']', '<', '>'], "");
                g.line(6, &format!("- {cnd}"));
            }
        }
        if s % 4 == 0 {
            let when = s * span / c.statements.max(1);
            g.line(4, &format!("date: {}", iso(when)));
        }
        if s % 5 == 2 {
            g.line(4, &format!("at: {}", event_ids[s % c.events]));
        }
        if s % 6 == 5 {
            g.line(4, "aligns_with:");
            g.line(6, &format!("- statement: {}", statement_ids[s - 1]));
            if s % 12 == 5 {
                g.line(8, "framing: the source's framing");
            }
        }
        if s % 9 == 4 && !states.is_empty() {
            g.line(4, "rejected_by:");
            g.line(
                6,
                &format!("- actor: {}", actor_ids[states[s % states.len()]]),
            );
            g.line(8, "strength: firmly");
            let r = cite(s + 1);
            g.list(8, "sources", &r);
        }
        if kind == "quote" && s % 2 == 0 {
            let via = vec![src[(s + 1) % src.len()].clone(), src[s % src.len()].clone()];
            g.list(4, "via", &via);
        }
        let cites = cite(s);
        g.list(4, "sources", &cites);
        if s % 4 == 1 {
            let n = g.sentence(8, 10);
            g.folded(4, "note", &n);
        }
    }
    g.out.push('\n');

    g.line(0, "figures:");
    let qualifiers = [
        "nearly",
        "unqualified",
        "over",
        "about",
        "at-least",
        "exactly",
    ];
    for (f, id) in figure_ids.iter().enumerate() {
        g.line(2, &format!("- id: {id}"));
        let measure = f % 4 == 3;
        if measure {
            g.line(4, "measure: people displaced");
        } else if !states.is_empty() {
            g.line(
                4,
                &format!("controller: {}", actor_ids[states[f % states.len()]]),
            );
        }
        let n_areas = 1 + f % 3;
        let areas: Vec<String> = (0..n_areas)
            .map(|k| place_ids[(f + k) % c.places].clone())
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        g.list(4, "areas", &areas);
        if areas.len() > 1 {
            g.line(
                4,
                &format!("applies_to: {}", ["each", "total", "unclear"][f % 3]),
            );
        }
        let qualifier = qualifiers[f % qualifiers.len()];
        let (value, unit, words) = if measure {
            let v = 1000 + g.rng.below(90_000);
            (v.to_string(), "people", format!("{v} people"))
        } else {
            let v = g.rng.below(1000) as f64 / 10.0;
            (format!("{v}"), "percent", format!("{v}% of the area"))
        };
        g.line(4, &format!("value: {value}"));
        g.line(4, &format!("unit: {unit}"));
        g.line(4, &format!("qualifier: {qualifier}"));
        let stated = if qualifier == "unqualified" {
            words
        } else {
            format!("{} {words}", qualifier.replace('-', " "))
        };
        g.line(4, &format!("stated: {stated}"));
        if f % 2 == 0 {
            g.line(4, &format!("as_of: {}", iso(span)));
        } else {
            g.line(4, "as_of:");
            g.line(6, "stated: currently");
        }
        if !measure {
            if f % 3 == 0 && c.places > n_areas {
                g.line(
                    4,
                    &format!("includes: [{}]", place_ids[(f + n_areas) % c.places]),
                );
            }
            g.line(
                4,
                &format!(
                    "status: {}",
                    ["controlled", "occupied", "annexed", "claimed"][f % 4]
                ),
            );
        }
        let s = cite(f);
        g.list(4, "sources", &s);
    }
    g.out.push('\n');

    if c.judgments > 0 {
        g.line(0, "judgments:");
        let likelihoods = ["likely", "unlikely", "roughly-even", "very-likely"];
        for j in 0..c.judgments {
            let t = g.sentence(10, 10);
            g.folded_item(2, "text", &t);
            g.line(
                4,
                &format!("likelihood: {}", likelihoods[j % likelihoods.len()]),
            );
            g.line(
                4,
                &format!("confidence: {}", ["low", "moderate", "high"][j % 3]),
            );
            let s = cite(j);
            g.list(4, "sources", &s);
        }
        g.out.push('\n');
    }

    g.line(0, "gaps:");
    let every: Vec<&Vec<String>> = vec![&event_ids, &figure_ids, &statement_ids, &actor_ids];
    for i in 0..c.gaps {
        let t = g.sentence(12, 12);
        g.folded_item(2, "text", &t);
        let list = every[i % every.len()];
        let about = vec![
            list[i % list.len()].clone(),
            list[(i + 1) % list.len()].clone(),
        ];
        let mut about: Vec<String> = about
            .into_iter()
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        about.sort();
        g.list(4, "about", &about);
    }
    g.out
}

/// Words with no character that YAML or Markdown treats specially.
fn g_words_plain(rng: &mut Rng, n: usize) -> String {
    let mut s = String::new();
    for i in 0..n {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(rng.pick(WORDS));
    }
    s
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// A news article of about `words` words, generated from `seed`: the
/// same arguments give the same text. Paragraphs of a few sentences, with
/// names, titles, numbers with qualifiers, date expressions and direct
/// quotes, so every finder of `brief verify` has work to do.
pub fn article(seed: u64, words: usize) -> String {
    let mut rng = Rng(seed ^ 0xA871_C1E5);
    let mut out = String::with_capacity(words * 7);
    let mut count = 0;
    let mut sentence = 0;
    while count < words {
        let first = rng.pick(FIRST);
        let last = rng.pick(LAST);
        let state = rng.pick(STATES);
        let n = 2 + rng.below(3);
        let mut body: Vec<String> = (0..n).map(|_| rng.pick(WORDS).to_string()).collect();
        let text = match sentence % 6 {
            0 => format!(
                "{first} {last} said the {} in {state} had {} {}.",
                body.join(" "),
                rng.pick(VERBS),
                rng.pick(WORDS)
            ),
            1 => format!(
                "Nearly {}% of the {} {} on {} {}, officials in {state} said.",
                1 + rng.below(99),
                body.pop().unwrap_or_default(),
                rng.pick(VERBS),
                1 + rng.below(28),
                rng.pick(MONTHS)
            ),
            2 => format!(
                "“The {} will not {} the {},” Deputy Foreign Minister {first} {last} said late on Friday.",
                body.join(" "),
                rng.pick(VERBS),
                rng.pick(WORDS)
            ),
            3 => format!(
                "About {},{:03} {} were reported last week, more than {} the year before.",
                1 + rng.below(9),
                rng.below(1000),
                rng.pick(WORDS),
                10 + rng.below(90)
            ),
            4 => format!(
                "The {} of {state} met the {} on Tuesday, and {first} {last} was there.",
                rng.pick(WORDS),
                body.join(" ")
            ),
            _ => format!(
                "Between {} and {} {} {} in {} {}.",
                1 + rng.below(10),
                11 + rng.below(10),
                body.join(" "),
                rng.pick(VERBS),
                rng.pick(MONTHS),
                2020 + rng.below(10)
            ),
        };
        count += text.split_whitespace().count();
        out.push_str(&text);
        sentence += 1;
        out.push_str(if sentence % 4 == 0 { "\n\n" } else { " " });
    }
    out
}

/// The sentences of an article made by [`article`], as byte ranges of
/// it: each ends with its full stop, before a space or a blank line.
pub fn article_sentences(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices('.') {
        let next = text[i + 1..].chars().next();
        if next.is_none_or(|c| c == ' ' || c == '\n') {
            out.push(start..i + 1);
            start = i + 1 + text[i + 1..].len() - text[i + 1..].trim_start().len();
        }
    }
    out
}

/// A brief of about `items` items grounded in `text`, an article made
/// by [`article`] with the same `seed` and read from `article.txt` next
/// to the brief. Its events take as evidence sentences spread evenly
/// over the article; its statements quote the article's quotations,
/// with the sentence around each as evidence, and are made by the
/// people named there (an actor for each speaker). Only sentences that
/// occur once are taken, so every passage is found once; an article of
/// fewer such sentences than `items` has several items share one. The
/// brief checks with no errors and no warnings.
pub fn grounded(seed: u64, items: usize, text: &str) -> String {
    let sentences = article_sentences(text);
    let unique: Vec<&str> = sentences
        .iter()
        .map(|r| &text[r.clone()])
        .filter(|s| text.matches(s).count() == 1)
        .collect();
    // Evenly spread; in an article of fewer sentences than items, items
    // share a sentence, so the brief has `items` items at any length.
    let chosen: Vec<&str> = if unique.is_empty() {
        Vec::new()
    } else {
        (0..items)
            .map(|n| unique[n * unique.len() / items])
            .collect()
    };
    let person = |f: &str, l: &str| {
        format!("{f}-{l}")
            .to_lowercase()
            .replace('ø', "o")
            .replace('é', "e")
    };
    let yaml = |s: &str| format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""));
    let mut out = String::with_capacity(items * 300 + 4096);
    let _ = writeln!(
        out,
        "# Synthetic grounded brief (seed {seed}, {items} items), generated for the benchmarks."
    );
    let _ = writeln!(out, "id: grounded-{seed}-{items}");
    out.push_str("title: A synthetic brief grounded in a synthetic article\n");
    out.push_str("dateline: Varnia\npublished: 2031-03-12\n\n");
    out.push_str("sources:\n  - id: article\n    name: A synthetic article\n");
    out.push_str("    kind: news-article\n    text: article.txt\n\n");
    // The speakers, by id: an actor for each, and for no one else.
    let mut speakers = std::collections::BTreeMap::new();
    let mut events = String::from("events:\n");
    let mut statements = String::from("statements:\n");
    for (n, s) in chosen.iter().enumerate() {
        // A quotation: “The … the …,” Deputy Foreign Minister First Last said …
        let quoted = s.strip_prefix('“').and_then(|rest| rest.split_once(",”"));
        match quoted {
            Some((quote, after)) => {
                let name: Vec<&str> = after
                    .trim_start_matches(" Deputy Foreign Minister ")
                    .split(' ')
                    .take(2)
                    .collect();
                let _ = writeln!(statements, "  - id: stmt-{n}");
                let id = person(name[0], name[1]);
                let _ = writeln!(statements, "    by: {id}");
                speakers.insert(id, format!("{} {}", name[0], name[1]));
                statements.push_str("    kind: quote\n    verb: said\n");
                let _ = writeln!(statements, "    text: {}", yaml(quote));
                let _ = writeln!(statements, "    quote: {}", yaml(quote));
                statements.push_str("    sources: [article]\n");
                let _ = writeln!(statements, "    evidence: {}", yaml(s));
            }
            None => {
                let _ = writeln!(events, "  - id: event-{n}");
                events.push_str("    kind: other\n");
                let _ = writeln!(events, "    title: Event {n}");
                events.push_str("    status: held\n    sources: [article]\n");
                let _ = writeln!(events, "    evidence: {}", yaml(s));
            }
        }
    }
    out.push_str("actors:\n");
    for (id, name) in &speakers {
        let _ = writeln!(out, "  - id: {id}\n    name: {name}\n    kind: person");
    }
    out.push('\n');
    out.push_str(&events);
    out.push('\n');
    out.push_str(&statements);
    out
}
