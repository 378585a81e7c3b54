//! Places: names ending in a place's word ("Lindqvist Palace", "Orsa
//! Islands"), names after one and "of" ("the town of Velmar", "the
//! villages of Orlach and Brunnit"), and names after "in" or "near" that
//! name no actor ("talks in Sollund"); the dateline's place too.

use std::collections::{BTreeMap, HashSet};
use std::ops::Range;

use super::model::{Ids, Place};
use super::words::place_kind;
use super::{Context, Words};
use crate::scan::find_names;
use crate::scan::words::TITLE_WORDS;

/// A place being gathered.
struct Found {
    first: usize,
    name: String,
    kind: String,
    mentions: Vec<usize>,
}

/// The places of the article. `dateline` is the dateline's place as
/// written (`SOLLUND`), if any.
pub fn find(cx: &Context, dateline: Option<&str>, ids: &mut Ids) -> Vec<Place> {
    let text = cx.text;
    let Some(body) = cx.sentences.first().map(|s| s.start) else {
        return Vec::new();
    };
    let words = Words::new(text);
    // Names that are actors' or outlets' are not places.
    let mut taken: HashSet<String> = HashSet::new();
    for a in cx.actors {
        taken.insert(a.name.to_lowercase());
        for alias in &a.aliases {
            taken.insert(alias.to_lowercase());
        }
        // "Norvale's foreign ministry": the state's name before it.
        if let Some((owner, _)) = a
            .name
            .split_once("'s ")
            .or_else(|| a.name.split_once("’s "))
        {
            taken.insert(owner.to_lowercase());
        }
    }
    for r in cx.relays {
        taken.insert(r.name.to_lowercase());
    }
    if let Some(a) = cx.agency {
        taken.insert(a.to_lowercase());
    }
    let known: HashSet<String> = HashSet::new();
    let names: Vec<_> = find_names(text, &known)
        .into_iter()
        .filter(|n| n.span.start >= body && cx.sentence_at(n.span.start).is_some())
        .filter(|n| n.title.is_none())
        .collect();
    let mut found: BTreeMap<String, Found> = BTreeMap::new();
    let mut last_of: Option<(usize, String)> = None;
    for n in &names {
        let name = text[n.name.clone()].trim_start_matches("The ").to_owned();
        let lower = name.to_lowercase();
        if taken.contains(&lower)
            || lower
                .split_whitespace()
                .any(|w| TITLE_WORDS.contains(w.trim_end_matches('.')))
        {
            continue;
        }
        let parts: Vec<&str> = name.split_whitespace().collect();
        let i = words.at(n.name.start);
        let before = |k: usize| -> Option<&str> {
            let j = i.checked_sub(k)?;
            words.is_word(j).then(|| words.lower[j].as_str())
        };
        // "Orsa Islands", "Lindqvist Palace".
        let by_word = parts
            .last()
            .filter(|_| parts.len() >= 2)
            .and_then(|w| place_kind(&w.to_lowercase()));
        // "the town of Velmar", "the villages of Orlach and Brunnit".
        let by_of = (before(1) == Some("of"))
            .then(|| before(2).and_then(place_kind))
            .flatten()
            .or_else(|| {
                let (end, kind) = last_of.as_ref()?;
                let j = i.checked_sub(2)?;
                (before(1) == Some("and") && words.toks[j].span.end == *end)
                    .then_some(kind.as_str())
                    .and_then(place_kind_of)
            });
        // "in Sollund", "near Orrin": one or two words.
        let by_in = matches!(before(1), Some("in" | "near" | "outside"))
            && parts.len() <= 2
            && !text[n.name.end..].starts_with(['\'', '’']);
        let kind = match (by_word, by_of) {
            (Some(k), _) | (None, Some(k)) => k.to_owned(),
            (None, None) if by_in => String::new(),
            _ => continue,
        };
        if by_of.is_some() {
            last_of = Some((n.name.end, kind.clone()));
        }
        let e = found.entry(lower).or_insert_with(|| Found {
            first: n.name.start,
            name: name.clone(),
            kind: kind.clone(),
            mentions: Vec::new(),
        });
        if e.kind.is_empty() {
            e.kind = kind;
        }
        e.mentions.push(n.name.start);
    }
    // The dateline's place: a city, spelt as the body spells it.
    if let Some(place) = dateline {
        let lower = place.to_lowercase();
        if !taken.contains(&lower) {
            let e = found.entry(lower.clone()).or_insert_with(|| Found {
                first: body,
                name: spelt(text, body, place),
                kind: "city".to_owned(),
                mentions: Vec::new(),
            });
            if e.kind.is_empty() {
                e.kind = "city".to_owned();
            }
            e.first = e.first.min(body);
        }
    }
    let mut all: Vec<Found> = found.into_values().collect();
    all.sort_by(|a, b| a.first.cmp(&b.first).then_with(|| a.name.cmp(&b.name)));
    all.into_iter()
        .map(|f| {
            let mut evidence: Vec<Range<usize>> = f
                .mentions
                .iter()
                .filter_map(|&m| cx.sentence_at(m))
                .collect();
            evidence.dedup();
            Place {
                id: ids.make(&f.name, "place"),
                name: f.name,
                kind: f.kind,
                part_of: None,
                evidence,
            }
        })
        .collect()
}

/// The kind word itself, when it is one ("city" for "city").
fn place_kind_of(kind: &str) -> Option<&'static str> {
    ["country", "region", "city", "site", "other"]
        .into_iter()
        .find(|k| *k == kind)
}

/// A dateline's place as the body spells it ("SOLLUND" → "Sollund"),
/// else with capitals only at the starts of its words.
pub fn spelt(text: &str, body: usize, place: &str) -> String {
    let lower = place.to_lowercase();
    let rest = &text[body..];
    if let Some(i) = rest.to_lowercase().find(&lower)
        && rest.is_char_boundary(i)
        && rest.is_char_boundary(i + place.len())
    {
        let found = &rest[i..i + place.len()];
        if found != place {
            return found.to_owned();
        }
    }
    place
        .split(' ')
        .map(|w| {
            let mut cs = w.chars();
            match cs.next() {
                Some(c) => c
                    .to_uppercase()
                    .chain(cs.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use crate::draft::{DraftOptions, draft_model};

    fn places(text: &str) -> Vec<(String, String)> {
        draft_model(text, &DraftOptions::new())
            .unwrap()
            .places
            .into_iter()
            .map(|p| (p.name, p.kind))
            .collect()
    }

    #[test]
    fn places_by_their_words() {
        let found = places(
            "Shells hit the villages of Orlach and Brunnit. Talks opened at the Lindqvist \
             Palace in Sollund, near the Orsa Islands.",
        );
        let has = |n: &str, k: &str| found.iter().any(|(a, b)| a == n && b == k);
        assert!(has("Orlach", "city") && has("Brunnit", "city"), "{found:?}");
        assert!(
            has("Lindqvist Palace", "site") && has("Orsa Islands", "region"),
            "{found:?}"
        );
        assert!(has("Sollund", ""), "{found:?}");
    }

    #[test]
    fn names_that_are_no_places() {
        // A person, a month, a title: no places.
        let found = places("Talks in February, said Prime Minister Oskar Venn in Rome.");
        assert_eq!(found, [("Rome".to_owned(), String::new())]);
        assert!(places("Prime Minister Oskar Venn spoke in Venn's name.").is_empty());
    }

    #[test]
    fn the_dateline_place_as_the_body_spells_it() {
        let found =
            places("Talks\n\nSOLLUND, 14 May 2031 (Meridian Press) - Talks in Sollund ended.");
        assert_eq!(found, [("Sollund".to_owned(), "city".to_owned())]);
    }
}
