//! Places: names ending in a place's word ("Lindqvist Palace", "Orsa
//! Islands"), names after one and "of" ("the town of Velmar", "the
//! villages of Orlach and Brunnit"), and names after "in" or "near" that
//! name no actor ("talks in Sollund"); the dateline's place too.

use std::collections::{BTreeMap, HashSet};
use std::ops::Range;

use super::actors::{country_stems, demonym_stems};
use super::model::{ActorKind, Ids, Place};
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
    // "the Kell Bridge crossing", "the Velmar district": a place named
    // with a place's word after it, in lower case, is a place of its own
    // ("Kell Bridge crossing"); the bare name is a place only by its
    // other mentions.
    let mut extended: Vec<Found> = Vec::new();
    for f in found.values_mut() {
        let mut from = body;
        while let Some(k) = text[from..].find(&f.name) {
            let m = from + k;
            from = m + f.name.len();
            let whole = !text[..m].ends_with(char::is_alphanumeric) && cx.sentence_at(m).is_some();
            let Some((word, kind)) = word_after(text, m, &f.name)
                .filter(|_| whole)
                .and_then(|w| Some((w, place_kind(w)?)))
            else {
                continue;
            };
            f.mentions.retain(|&n| !(n <= m && m <= n + 4));
            let name = format!("{} {word}", f.name);
            match extended.iter_mut().find(|e| e.name == name) {
                Some(e) => e.mentions.push(m),
                None => extended.push(Found {
                    first: m,
                    name,
                    kind: kind.to_owned(),
                    mentions: vec![m],
                }),
            }
        }
    }
    found.retain(|_, f| !f.mentions.is_empty());
    for e in extended {
        found.entry(e.name.to_lowercase()).or_insert(e);
    }
    // "the Norvalese capital", "the Halvorian town of Velmar": a state
    // whose demonym places a city or region in it is a country, and the
    // place named after "of" is part of it.
    let mut part_of: Vec<(String, String)> = Vec::new();
    for state in cx.actors.iter().filter(|a| a.kind == ActorKind::State) {
        let stems = country_stems_of(&state.name);
        for k in 0..words.toks.len().saturating_sub(1) {
            let at = words.toks[k].span.start;
            if at < body
                || cx.sentence_at(at).is_none()
                || !words.is_word(k)
                || !words.is_word(k + 1)
                || !words.raw(k).starts_with(char::is_uppercase)
                || !matches!(place_kind(&words.lower[k + 1]), Some("city" | "region"))
                || !demonym_stems(&words.lower[k])
                    .iter()
                    .any(|d| stems.iter().any(|s| s == d))
            {
                continue;
            }
            let e = found
                .entry(format!("{} (country)", state.name.to_lowercase()))
                .or_insert_with(|| Found {
                    first: at,
                    name: state.name.clone(),
                    kind: "country".to_owned(),
                    mentions: Vec::new(),
                });
            e.mentions.push(at);
            // "… town of Velmar".
            if words.lower.get(k + 2).map(String::as_str) == Some("of")
                && let Some(n) = names.iter().find(|n| {
                    let i = words.at(n.name.start);
                    i == k + 3
                })
            {
                let place = text[n.name.clone()].to_lowercase();
                part_of.push((place, state.name.clone()));
            }
        }
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
    let mut countries: Vec<(String, String)> = Vec::new();
    let mut places: Vec<Place> = all
        .into_iter()
        .map(|f| {
            let mut evidence: Vec<Range<usize>> = f
                .mentions
                .iter()
                .filter_map(|&m| cx.sentence_at(m))
                .collect();
            evidence.dedup();
            let id = ids.make(&f.name, "place");
            if f.kind == "country" {
                countries.push((f.name.clone(), id.clone()));
            }
            Place {
                id,
                name: f.name,
                kind: f.kind,
                part_of: None,
                evidence,
            }
        })
        .collect();
    for p in &mut places {
        p.part_of = part_of
            .iter()
            .find(|(place, _)| *place == p.name.to_lowercase())
            .and_then(|(_, state)| countries.iter().find(|(n, _)| n == state))
            .map(|(_, id)| id.clone());
    }
    places
}

/// The stems a state's name shares with its demonym.
fn country_stems_of(name: &str) -> Vec<String> {
    country_stems(&name.to_lowercase())
        .into_iter()
        .map(str::to_owned)
        .collect()
}

/// The word right after the name `name` mentioned at byte `at` of
/// `text`, when it is a word in lower case ("crossing" in "Kell Bridge
/// crossing").
fn word_after<'t>(text: &'t str, at: usize, name: &str) -> Option<&'t str> {
    let k = text.get(at..)?.find(name).filter(|&k| k <= 4)?;
    let rest = text[at + k + name.len()..].strip_prefix(' ')?;
    let end = rest
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(rest.len());
    let word = &rest[..end];
    (!word.is_empty() && word.chars().all(char::is_lowercase)).then_some(word)
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
    fn a_place_named_with_a_place_word_after_it() {
        let found = places(
            "Talks opened at the Lindqvist Palace on the reopening of the Kell Bridge crossing. \
            Shells hit the town of Velmar. Many died in the Velmar district.",
        );
        let names: Vec<&str> = found.iter().map(|(n, _)| n.as_str()).collect();
        assert!(names.contains(&"Kell Bridge crossing"), "{found:?}");
        assert!(!names.contains(&"Kell Bridge"), "{found:?}");
        assert!(
            names.contains(&"Velmar") && names.contains(&"Velmar district"),
            "{found:?}"
        );
        // A word that is no place's, or in capitals, adds nothing.
        let found = places("Shells hit the town of Velmar. The Velmar talks failed.");
        assert_eq!(found, [("Velmar".to_owned(), "city".to_owned())]);
        assert_eq!(
            super::word_after("the Kell Bridge crossing", 4, "Kell Bridge"),
            Some("crossing")
        );
        assert_eq!(
            super::word_after("the Kell Bridge Crossing", 4, "Kell Bridge"),
            None
        );
    }

    #[test]
    fn a_state_whose_demonym_places_a_town_is_a_country() {
        let text = "Rockets hit the Halvorian town of Velmar. Halvoria blamed the rebels.";
        let d = draft_model(text, &DraftOptions::new()).unwrap();
        let halvoria = d
            .places
            .iter()
            .find(|p| p.name == "Halvoria")
            .expect("Halvoria");
        assert_eq!(halvoria.kind, "country");
        let velmar = d
            .places
            .iter()
            .find(|p| p.name == "Velmar")
            .expect("Velmar");
        assert_eq!(velmar.part_of.as_deref(), Some(halvoria.id.as_str()));
        // A demonym before no place's word: the state is no place.
        let text = "Halvorian troops hit the town of Velmar. Halvoria blamed the rebels.";
        let d = draft_model(text, &DraftOptions::new()).unwrap();
        assert!(
            !d.places.iter().any(|p| p.name == "Halvoria"),
            "{:?}",
            d.places
        );
        assert_eq!(
            d.places
                .iter()
                .find(|p| p.name == "Velmar")
                .unwrap()
                .part_of,
            None
        );
    }

    #[test]
    fn the_dateline_place_as_the_body_spells_it() {
        let found =
            places("Talks\n\nSOLLUND, 14 May 2031 (Meridian Press) - Talks in Sollund ended.");
        assert_eq!(found, [("Sollund".to_owned(), "city".to_owned())]);
    }
}
