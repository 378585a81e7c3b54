//! Actors: people with their titles and states, states, organisations,
//! and unnamed sources; later mentions by surname, abbreviation or short
//! name linked to the same actor. Outlets the article relays are found
//! here too: they are sources, not actors.
//!
//! Precision first: a run of capitalised words is a person only when
//! something says so (a title, a role beside it, a reporting verb after
//! it, or its surname used alone elsewhere); a word is a state only when
//! the article also uses its demonym ("Arvenia" with "Arvenian"); a name
//! is an organisation when it holds an organisation's word
//! (`data/organisation-words.txt`); a phrase is an unnamed source only
//! when it attributes something ("diplomatic sources said").

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::ops::Range;

use super::model::{Actor, ActorKind, Ids, Relay, Role};
use super::words::{ORGANISATION_WORDS, REPORTING_VERBS, SOURCE_NOUN_WORDS, place_kind};
use super::{Context, Words};
use crate::scan::names::{Name, demonym, find_names};
use crate::scan::words::{COMMON_WORDS, TITLE_WORDS};

/// What the actor finder found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Found {
    /// The actors, in the order the article first names them.
    pub actors: Vec<Actor>,
    /// The outlets the article relays.
    pub relays: Vec<Relay>,
}

/// An actor being gathered: where the article names it first, and how.
#[derive(Debug, Clone)]
struct Draft {
    first: usize,
    actor: Actor,
    /// Where it is named, for evidence and for "its" to find it.
    mentions: Vec<usize>,
}

/// A word without a possessive ending.
fn bare(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word)
}

fn possessive(word: &str) -> bool {
    word.ends_with("'s") || word.ends_with("’s")
}

/// The stems a demonym may share with its country's name: "Arvenian" →
/// "arven", "arveni", "arvenia".
pub(crate) fn demonym_stems(lower: &str) -> Vec<&str> {
    ["ian", "ese", "ish", "an", "n", "i"]
        .iter()
        .filter_map(|end| lower.strip_suffix(end))
        .filter(|s| s.chars().count() >= 4)
        .collect()
}

/// The stems a country's name may share with its demonym: "Arvenia" →
/// "arvenia", "arven"; "Norvale" → "norvale", "norval".
pub(crate) fn country_stems(lower: &str) -> Vec<&str> {
    let mut out = vec![lower];
    for end in ["ia", "a", "e", "o", "y"] {
        if let Some(s) = lower.strip_suffix(end) {
            out.push(s);
        }
    }
    out.retain(|s| s.chars().count() >= 4);
    out
}

/// The actors and relayed outlets of the article.
pub fn find(cx: &Context, ids: &mut Ids) -> Found {
    let text = cx.text;
    let Some(body) = body_range(cx) else {
        return Found::default();
    };
    let words = Words::new(text);
    let in_body = |r: &Range<usize>| cx.sentence_at(r.start).is_some() && r.start >= body.start;

    // Relays first: their names are sources, never actors.
    let relays = find_relays(cx, &words, ids);
    let relay_names: HashSet<String> = relays.iter().map(|r| r.name.to_lowercase()).collect();
    let mut skip: HashSet<String> = relay_names.clone();
    if let Some(a) = cx.agency {
        skip.insert(a.to_lowercase());
    }

    // First pass: names as the finder sees them.
    let none = HashSet::new();
    let names: Vec<Name> = joined(
        text,
        find_names(text, &none)
            .into_iter()
            .filter(|n| in_body(&n.span))
            .filter(|n| !skip.contains(&text[n.name.clone()].to_lowercase()))
            .collect(),
    );

    // States: a one-word name whose demonym the article also uses. Each
    // demonym once, however often it is used, so that the words below are
    // compared with the few demonyms and not with every use of them.
    let demonyms: BTreeSet<String> = (0..words.toks.len())
        .filter(|&i| {
            words.is_word(i)
                && words.raw(i).starts_with(char::is_uppercase)
                && demonym(&words.lower[i])
                && (in_body(&words.toks[i].span) || words.toks[i].span.start < body.start)
        })
        .map(|i| words.lower[i].clone())
        .collect();
    let mut states: BTreeMap<String, Draft> = BTreeMap::new();
    for i in 0..words.toks.len() {
        let span = &words.toks[i].span;
        if !words.is_word(i) || !words.raw(i).starts_with(char::is_uppercase) || !in_body(span) {
            continue;
        }
        let name = bare(words.raw(i));
        let lower = name.to_lowercase();
        if skip.contains(&lower) || demonym(&lower) && demonyms.contains(&lower) {
            continue;
        }
        // Not the first word of a longer name ("Arvenia Road").
        if words.is_word(i + 1)
            && words.raw(i + 1).starts_with(char::is_uppercase)
            && !possessive(words.raw(i))
            && !words.toks[i + 1].after_break
        {
            continue;
        }
        let is_state = demonyms.iter().any(|d| {
            *d != lower
                && demonym_stems(d)
                    .iter()
                    .any(|s| country_stems(&lower).contains(s))
        });
        if is_state {
            let e = states.entry(lower).or_insert_with(|| Draft {
                first: span.start,
                actor: Actor {
                    name: name.to_owned(),
                    kind: ActorKind::State,
                    ..Actor::default()
                },
                mentions: Vec::new(),
            });
            e.mentions.push(span.start);
        }
    }
    let state_of_demonym = |d: &str| -> Option<String> {
        let d = d.to_lowercase();
        states
            .keys()
            .find(|k| {
                demonym_stems(&d)
                    .iter()
                    .any(|s| country_stems(k).contains(s))
            })
            .cloned()
    };

    // Organisations: names holding an organisation's word.
    let mut orgs: BTreeMap<String, Draft> = BTreeMap::new();
    for n in &names {
        // A title word inside an organisation's name is no title
        // ("Seravian Energy Producers' Association"): the whole run.
        let part = text[n.name.clone()].to_lowercase();
        let whole = part
            .split(|c: char| c.is_whitespace() || c == '-')
            .any(|w| ORGANISATION_WORDS.contains(bare(w).trim_end_matches(['\'', '’'])));
        let range = if whole {
            n.span.clone()
        } else {
            n.name.clone()
        };
        let name = &text[range];
        let lower = name.to_lowercase();
        if (n.title.is_some() && !whole) || states.contains_key(&lower) {
            continue;
        }
        let org = lower
            .split(|c: char| c.is_whitespace() || c == '-')
            .any(|w| ORGANISATION_WORDS.contains(bare(w)));
        // An organisation's word alone ("the Front", "the Council") is a
        // short name of one, linked below, not a name of its own.
        let alone = lower
            .split_whitespace()
            .all(|w| ORGANISATION_WORDS.contains(bare(w)));
        let org = org || lower.ends_with(" group");
        if !org || alone {
            continue;
        }
        let e = orgs.entry(lower).or_insert_with(|| Draft {
            first: n.name.start,
            actor: Actor {
                name: name.to_owned(),
                kind: ActorKind::Organisation,
                ..Actor::default()
            },
            mentions: Vec::new(),
        });
        e.mentions.push(n.name.start);
        // An abbreviation in brackets after it: "(I.R.C.M.)", "(CEC)".
        let after = &text[n.name.end..];
        if let Some(rest) = after.strip_prefix(" (")
            && let Some(close) = rest.find(')')
        {
            let abbr = &rest[..close];
            let letters = abbr.chars().filter(|c| c.is_alphabetic()).count();
            if (2..=8).contains(&letters)
                && abbr
                    .chars()
                    .all(|c| c.is_uppercase() || c == '.' || c == '-')
                && !e.actor.aliases.iter().any(|a| a == abbr)
            {
                e.actor.aliases.push(abbr.to_owned());
            }
        }
    }
    // Organisations written in lower case after a state's name or
    // demonym: "Norvale's foreign ministry", "the Halvorian health
    // ministry".
    lower_case_orgs(cx, &words, &states, &state_of_demonym, &mut orgs, &in_body);

    // People.
    let mut people: BTreeMap<String, Draft> = BTreeMap::new();
    // Surnames used alone, for the test "its surname is used alone".
    let single: HashSet<String> = names
        .iter()
        .filter(|n| !text[n.name.clone()].contains(char::is_whitespace))
        .map(|n| text[n.name.clone()].to_lowercase())
        .collect();
    let is_org_or_state = |lower: &str| {
        states.contains_key(lower)
            || orgs.contains_key(lower)
            || orgs
                .values()
                .any(|o| o.actor.aliases.iter().any(|a| a.to_lowercase() == lower))
    };
    for n in &names {
        let name = &text[n.name.clone()];
        let lower = name.to_lowercase();
        if is_org_or_state(&lower) {
            continue;
        }
        let parts: Vec<&str> = name.split_whitespace().collect();
        if parts.len() > 4
            || !parts.iter().all(|p| {
                p.starts_with(char::is_uppercase)
                    || crate::scan::words::NAME_PARTICLES.contains(p.to_lowercase().as_str())
            })
            || parts.iter().any(|p| {
                let l = p.to_lowercase();
                ORGANISATION_WORDS.contains(l.as_str())
                    || TITLE_WORDS.contains(l.trim_end_matches('.'))
                    || (demonym(&l) && state_of_demonym(&l).is_some())
                    || p.chars().filter(|c| c.is_uppercase()).count() > 1 && p.len() <= 5
            })
        {
            continue;
        }
        let surname = parts.last().map(|s| s.to_lowercase()).unwrap_or_default();
        let title = n.title.clone().map(|t| text[t].to_owned());
        let before = appositive_before(cx, &words, n);
        let after = appositive_after(cx, &words, n);
        let pre = lower_title_before(&words, n.span.start);
        let said = reporting_after(&words, n.span.end)
            || ((2..=3).contains(&parts.len())
                && parts
                    .last()
                    .is_none_or(|p| place_kind(&p.to_lowercase()).is_none())
                && inverted_attribution(&words, n.span.start));
        let full = parts.len() >= 2;
        let person = if full {
            title.is_some()
                || before.is_some()
                || after.is_some()
                || pre.is_some()
                || said
                || single.contains(&surname)
        } else {
            // One word: a person when titled ("Mr. Okafor"), else only a
            // later mention of someone (linked below).
            title.as_deref().is_some_and(|t| !t.trim().is_empty())
        };
        if !person {
            continue;
        }
        let key = if full {
            lower.clone()
        } else {
            // A titled surname: the person of that surname, if known.
            people
                .keys()
                .find(|k| k.rsplit(' ').next() == Some(lower.as_str()))
                .cloned()
                .unwrap_or(lower.clone())
        };
        let e = people.entry(key).or_insert_with(|| Draft {
            first: n.name.start,
            actor: Actor {
                name: name.to_owned(),
                kind: ActorKind::Person,
                ..Actor::default()
            },
            mentions: Vec::new(),
        });
        e.mentions.push(n.name.start);
        // The role: the title before the name (without a demonym, which
        // says the state), a lower-case title before it, a role in
        // apposition before or after.
        let mut of: Option<String> = None;
        let mut parts_of_title: Vec<String> = Vec::new();
        if let Some(t) = &title {
            let mut t = t.trim().to_owned();
            if let Some((first, rest)) = t.split_once(' ')
                && demonym(&first.to_lowercase())
                && let Some(s) = state_of_demonym(first)
            {
                of = Some(format!("state:{s}"));
                t = rest.to_owned();
            }
            parts_of_title.push(t);
        }
        if let Some(p) = &pre {
            // "army spokesman Col. Rafe Ilvas": the rank, then the post;
            // the army, when the article names one.
            parts_of_title.push(p.clone());
            if let Some(w) = p
                .split_whitespace()
                .find(|w| ORGANISATION_WORDS.contains(w.to_lowercase().as_str()))
            {
                of = Some(format!("near:{}@{}", w.to_lowercase(), n.span.start));
            }
        }
        if let Some((role, owner)) = before.or(after) {
            parts_of_title.push(role);
            if of.is_none() {
                of = owner;
            }
        }
        // "Deputy Foreign Minister Ana Korvel of Norvale".
        if of.is_none() {
            let rest = &text[n.name.end..];
            if let Some(r) = rest.strip_prefix(" of ") {
                let word: String = r
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '-')
                    .collect();
                if states.contains_key(&word.to_lowercase()) {
                    of = Some(format!("state:{}", word.to_lowercase()));
                }
            }
        }
        if !parts_of_title.is_empty() && e.actor.roles.is_empty() {
            let title = parts_of_title.join(", ");
            e.actor.roles.push(Role { title, of });
        }
    }
    // A government title with no state given, in an article that names
    // one state only: that state.
    if states.len() == 1 {
        let only = states.keys().next().cloned().unwrap_or_default();
        for p in people.values_mut() {
            for r in &mut p.actor.roles {
                let t = r.title.to_lowercase();
                let government = ["minister", "president", "premier", "chancellor"]
                    .iter()
                    .any(|w| t.split(|c: char| !c.is_alphabetic()).any(|x| x == *w));
                if r.of.is_none() && government {
                    r.of = Some(format!("state:{only}"));
                }
            }
        }
    }

    // Second pass with the surnames known: "Vask" alone at a sentence
    // start is the same person.
    let known: HashSet<String> = people
        .keys()
        .filter_map(|k| k.rsplit(' ').next())
        .filter(|s| k_has_space(&people, s))
        .map(str::to_owned)
        .collect();
    for n in find_names(text, &known) {
        if !in_body(&n.span) {
            continue;
        }
        let name = &text[n.name.clone()];
        if name.contains(char::is_whitespace) {
            continue;
        }
        let lower = name.to_lowercase();
        let owners: Vec<String> = people
            .iter()
            .filter(|(k, p)| {
                k.contains(' ')
                    && k.rsplit(' ').next() == Some(lower.as_str())
                    && p.first < n.name.start
            })
            .map(|(k, _)| k.clone())
            .collect();
        if let [owner] = owners.as_slice()
            && let Some(p) = people.get_mut(owner)
        {
            if !p.actor.aliases.iter().any(|a| a == name) {
                p.actor.aliases.push(name.to_owned());
            }
            p.mentions.push(n.name.start);
        }
    }
    // Abbreviations and short names of organisations used alone.
    link_org_mentions(cx, &words, &mut orgs, &in_body);

    // Unnamed sources.
    let name_starts: HashSet<usize> = names.iter().map(|n| n.name.start).collect();
    let groups = unnamed_sources(cx, &words, &name_starts);

    // All together, in the order of first mention; ids given in that order.
    let mut all: Vec<(String, Draft)> = Vec::new();
    all.extend(states.into_iter().map(|(k, d)| (format!("state:{k}"), d)));
    all.extend(orgs.into_iter().map(|(k, d)| (format!("org:{k}"), d)));
    all.extend(people.into_iter().map(|(k, d)| (format!("person:{k}"), d)));
    all.extend(groups.into_iter().map(|(k, d)| (format!("group:{k}"), d)));
    // At the same place, the state first ("Norvale's foreign ministry").
    all.sort_by(|a, b| {
        a.1.first
            .cmp(&b.1.first)
            .then_with(|| b.0.starts_with("state:").cmp(&a.0.starts_with("state:")))
            .then_with(|| a.0.cmp(&b.0))
    });
    // Whose role: "its" and "the group's" are the organisation named
    // last before the sentence; "the mission's", the one so called.
    let owners: Vec<(String, Option<String>)> = all
        .iter()
        .map(|(_, d)| {
            let of = d.actor.roles.first().and_then(|r| r.of.clone());
            (
                d.actor.name.clone(),
                of.and_then(|o| resolve_owner(&o, &all, cx)),
            )
        })
        .collect();
    for ((_, d), (_, of)) in all.iter_mut().zip(owners) {
        if let Some(r) = d.actor.roles.first_mut() {
            r.of = of;
        }
    }
    let mut id_of: BTreeMap<String, String> = BTreeMap::new();
    for (key, d) in &all {
        let base = match d.actor.kind {
            ActorKind::Person if !d.actor.unnamed => d
                .actor
                .name
                .rsplit(' ')
                .next()
                .unwrap_or(&d.actor.name)
                .to_owned(),
            ActorKind::Organisation => d
                .actor
                .aliases
                .iter()
                .find(|a| a.chars().all(|c| c.is_uppercase() || c == '.'))
                .map(|a| a.replace('.', ""))
                .unwrap_or_else(|| d.actor.name.clone()),
            _ => d.actor.name.clone(),
        };
        id_of.insert(key.clone(), ids.make(&base, "actor"));
    }
    let actors = all
        .into_iter()
        .map(|(key, mut d)| {
            d.actor.id = id_of.get(&key).cloned().unwrap_or_default();
            for r in &mut d.actor.roles {
                r.of = r.of.take().and_then(|o| id_of.get(&o).cloned());
            }
            let mut spans: Vec<Range<usize>> = d
                .mentions
                .iter()
                .filter_map(|&m| cx.sentence_at(m))
                .collect();
            spans.sort_by_key(|s| s.start);
            spans.dedup();
            d.actor.evidence = spans;
            d.actor
        })
        .collect();
    Found { actors, relays }
}

/// The key of the actor a role's owner names: `state:KEY` as it is,
/// `owner:WORD@AT` the organisation named last before byte AT (one so
/// called, when WORD is a noun of its name), `name-at:AT` the actor
/// named at byte AT.
fn resolve_owner(owner: &str, all: &[(String, Draft)], cx: &Context) -> Option<String> {
    if owner.starts_with("state:") {
        return Some(owner.to_owned());
    }
    if let Some(at) = owner.strip_prefix("name-at:") {
        let at: usize = at.parse().ok()?;
        return all
            .iter()
            .find(|(k, d)| !k.starts_with("person:") && d.mentions.contains(&at))
            .map(|(k, _)| k.clone());
    }
    let near = owner.starts_with("near:");
    let rest = owner
        .strip_prefix("owner:")
        .or_else(|| owner.strip_prefix("near:"))?;
    let (word, at) = rest.split_once('@')?;
    let at: usize = at.parse().ok()?;
    // "Its" looks back one sentence, no further.
    let since = cx
        .sentence_index(at)
        .and_then(|i| i.checked_sub(1))
        .map_or(at, |i| cx.sentences[i].start);
    let orgs = all
        .iter()
        .filter(|(k, _)| k.starts_with("org:") || k.starts_with("state:"));
    if !matches!(
        word,
        "its" | "group" | "party" | "organisation" | "organization"
    ) {
        let called: Vec<&(String, Draft)> = all
            .iter()
            .filter(|(k, d)| {
                k.starts_with("org:")
                    && (!near || d.mentions.iter().any(|&m| m >= since && m < at))
                    && (d
                        .actor
                        .name
                        .to_lowercase()
                        .split(' ')
                        .any(|w| bare(w) == word)
                        || d.actor
                            .aliases
                            .iter()
                            .any(|a| a.to_lowercase() == format!("the {word}")))
            })
            .collect();
        return match called.as_slice() {
            [one] => Some(one.0.clone()),
            _ => None,
        };
    }
    // The latest mention before the sentence; an organisation before a
    // state named at the same place ("Telmora's foreign ministry").
    orgs.filter_map(|(k, d)| {
        let last = d.mentions.iter().filter(|&&m| m < at && m >= since).max()?;
        Some((*last, k.starts_with("org:"), k.clone()))
    })
    .max()
    .map(|(_, _, k)| k)
}

fn k_has_space(people: &BTreeMap<String, Draft>, surname: &str) -> bool {
    people
        .keys()
        .any(|k| k.contains(' ') && k.rsplit(' ').next() == Some(surname))
}

/// Names as the name finder gives them, with two put together where a
/// plural possessive splits one ("Energy Producers' Association"), and a
/// party's lower-case word kept with its name ("the Green Coast group").
fn joined(text: &str, names: Vec<Name>) -> Vec<Name> {
    let mut out: Vec<Name> = Vec::new();
    for n in names {
        if let Some(last) = out.last_mut()
            && n.title.is_none()
            && text[last.name.end..].starts_with("' ")
            && n.name.start == last.name.end + 2
        {
            // A title word inside an organisation's name is no title
            // ("Seravian Energy Producers' Association").
            last.name = last.span.start..n.name.end;
            last.span.end = n.span.end;
            last.title = None;
            continue;
        }
        out.push(n);
    }
    for n in &mut out {
        if n.title.is_some() {
            continue;
        }
        let rest = &text[n.name.end..];
        for tail in [
            " group",
            " party",
            " movement",
            " coalition",
            " bloc",
            " alliance",
        ] {
            if rest.starts_with(tail)
                && !rest[tail.len()..].starts_with(char::is_alphanumeric)
                && !text[n.name.clone()].to_lowercase().ends_with(tail.trim())
            {
                n.name.end += tail.len();
                n.span.end += tail.len();
                break;
            }
        }
    }
    out
}

/// The bytes the body's sentences cover.
fn body_range(cx: &Context) -> Option<Range<usize>> {
    let first = cx.sentences.first()?;
    let last = cx.sentences.last()?;
    Some(first.start..last.end)
}

/// Whether word `i` is a reporting verb.
fn reporting(words: &Words, i: usize) -> bool {
    words.is_word(i) && REPORTING_VERBS.contains(words.lower[i].as_str())
}

/// Whether a reporting verb follows byte `at` (after an auxiliary
/// "has", "had" or "will", or a comma-free adverb).
fn reporting_after(words: &Words, at: usize) -> bool {
    let i = words.at(at);
    if reporting(words, i) {
        return true;
    }
    words.is_word(i)
        && matches!(
            words.lower[i].as_str(),
            "has" | "had" | "also" | "later" | "then"
        )
        && reporting(words, i + 1)
}

/// Whether the name at byte `at` is the speaker of an inverted
/// attribution: a reporting verb right before it, right after a
/// quotation's closing mark ("“…,” said Petr Daun").
fn inverted_attribution(words: &Words, at: usize) -> bool {
    let Some(verb) = words.before(at) else {
        return false;
    };
    reporting(words, verb)
        && words.text[..words.toks[verb].span.start]
            .trim_end()
            .ends_with(['”', '"'])
}

/// A lower-case post right before a name or its title: "army spokesman
/// Col. Rafe Ilvas", "government spokesman Lukas Brenn".
fn lower_title_before(words: &Words, at: usize) -> Option<String> {
    let last = words.before(at)?;
    if !words.is_word(last)
        || !words.raw(last).starts_with(char::is_lowercase)
        || !TITLE_WORDS.contains(words.lower[last].as_str())
    {
        return None;
    }
    let mut first = last;
    while first > 0
        && last - first < 2
        && words.is_word(first - 1)
        && words.raw(first - 1).starts_with(char::is_lowercase)
        && !COMMON_WORDS.contains(words.lower[first - 1].as_str())
        && !REPORTING_VERBS.contains(words.lower[first - 1].as_str())
    {
        first -= 1;
    }
    Some(words.text[words.toks[first].span.start..words.toks[last].span.end].to_owned())
}

/// A role in apposition before a name: "Its leader, Viktor Halm,", "the
/// Council's special envoy, Hanna Brisk,". The role's words, and whose
/// role it is (as a key of the actors being gathered) when a possessive
/// says so.
fn appositive_before(cx: &Context, words: &Words, n: &Name) -> Option<(String, Option<String>)> {
    let text = cx.text;
    let comma = words.before(n.span.start)?;
    if words.raw(comma) != "," {
        return None;
    }
    // Back to the clause's start: a mark other than a full stop of an
    // abbreviation, or the sentence's start.
    let sentence = cx.sentence_at(n.span.start)?;
    // Leads: "its", "the", a possessive, within nine words of the comma
    // and no mark between; the farthest one whose role reads as one.
    let mut best: Option<(Option<String>, usize)> = None;
    let mut k = comma;
    while k > 0
        && comma - k < 9
        && words.toks[k - 1].span.start >= sentence.start
        && words.is_word(k - 1)
    {
        k -= 1;
        let lead = words.lower[k].as_str();
        let candidate = if lead == "its" {
            Some((Some("its".to_owned()), k + 1))
        } else if lead == "the" && k + 1 < comma && possessive(words.raw(k + 1)) {
            Some((Some(bare(&words.lower[k + 1]).to_owned()), k + 2))
        } else if possessive(words.raw(k)) && !(k > 0 && words.lower[k - 1] == "the") {
            Some((Some(bare(lead).to_owned()), k + 1))
        } else if lead == "the" {
            Some((None, k + 1))
        } else {
            None
        };
        let Some((owner, start)) = candidate else {
            continue;
        };
        if start >= comma || !words.raw(start).starts_with(char::is_lowercase) {
            continue;
        }
        // Lower case but for names after "of" or "in".
        let readable = (start..comma).all(|m| {
            words.raw(m).starts_with(char::is_lowercase)
                || matches!(words.lower[m - 1].as_str(), "of" | "in")
        });
        let head = words.lower[start..comma]
            .iter()
            .any(|w| TITLE_WORDS.contains(w.as_str()) || w == "head");
        if readable && head {
            best = Some((owner, start));
        }
    }
    let (owner_word, role_start) = best?;
    let role = text[words.toks[role_start].span.start..words.toks[comma - 1].span.end].to_owned();
    let owner = owner_word.map(|w| format!("owner:{w}@{}", sentence.start));
    Some((role, owner))
}

/// A role in apposition after a name: "Dr. Nadia Ferro, governor of the
/// Seravian National Bank, said".
fn appositive_after(cx: &Context, words: &Words, n: &Name) -> Option<(String, Option<String>)> {
    let text = cx.text;
    let comma = words.at(n.span.end);
    if words.toks.get(comma).map(|t| t.text(text)) != Some(",") {
        return None;
    }
    let start = comma + 1;
    if !words.is_word(start)
        || !words.raw(start).starts_with(char::is_lowercase)
        || !TITLE_WORDS.contains(words.lower[start].as_str())
    {
        return None;
    }
    let mut end = start;
    while words.is_word(end + 1)
        && words.raw(end + 1).starts_with(char::is_lowercase)
        && end - start < 3
    {
        if words.lower[end + 1] == "of" {
            break;
        }
        end += 1;
    }
    let role = text[words.toks[start].span.start..words.toks[end].span.end].to_owned();
    // "of the Seravian National Bank": the owner, by name.
    let mut owner = None;
    if words.is_word(end + 1) && words.lower[end + 1] == "of" {
        let mut k = end + 2;
        if words.is_word(k) && words.lower[k] == "the" {
            k += 1;
        }
        if let Some(t) = words.toks.get(k) {
            owner = Some(format!("name-at:{}", t.span.start));
        }
    }
    Some((role, owner))
}

/// Organisations in lower case after a state's name or demonym.
fn lower_case_orgs(
    cx: &Context,
    words: &Words,
    states: &BTreeMap<String, Draft>,
    state_of_demonym: &dyn Fn(&str) -> Option<String>,
    orgs: &mut BTreeMap<String, Draft>,
    in_body: &dyn Fn(&Range<usize>) -> bool,
) {
    let text = cx.text;
    for i in 0..words.toks.len() {
        if !words.is_word(i)
            || !words.raw(i).starts_with(char::is_lowercase)
            || !ORGANISATION_WORDS.contains(words.lower[i].as_str())
            || !in_body(&words.toks[i].span)
        {
            continue;
        }
        // Up to two lower-case words before the head, then the state.
        let mut j = i;
        while j > 0
            && i - j < 2
            && words.is_word(j - 1)
            && words.raw(j - 1).starts_with(char::is_lowercase)
            && !COMMON_WORDS.contains(words.lower[j - 1].as_str())
            && !REPORTING_VERBS.contains(words.lower[j - 1].as_str())
        {
            j -= 1;
        }
        if j == 0 || !words.is_word(j - 1) {
            continue;
        }
        let lead = words.raw(j - 1);
        let lead_lower = bare(&words.lower[j - 1]).to_owned();
        // "according to the national audit office", "according to police".
        let according =
            |k: usize| k >= 2 && words.lower[k - 1] == "to" && words.lower[k - 2] == "according";
        let ends = !words.is_word(i + 1) || !words.raw(i + 1).starts_with(char::is_lowercase);
        if ends && (according(j) || (lead_lower == "the" && according(j - 1))) {
            let span = words.toks[j].span.start..words.toks[i].span.end;
            let name = &text[span.clone()];
            let key = name.to_lowercase();
            let known = orgs.keys().any(|k| k.ends_with(&key));
            if !known {
                let e = orgs.entry(key).or_insert_with(|| Draft {
                    first: span.start,
                    actor: Actor {
                        name: name.to_owned(),
                        kind: ActorKind::Organisation,
                        ..Actor::default()
                    },
                    mentions: Vec::new(),
                });
                e.mentions.push(span.start);
            }
            continue;
        }
        let states_it = if possessive(lead) {
            states.contains_key(&lead_lower)
        } else {
            lead.starts_with(char::is_uppercase)
                && demonym(&lead_lower)
                && state_of_demonym(&lead_lower).is_some()
        };
        if !states_it {
            continue;
        }
        let span = words.toks[j - 1].span.start..words.toks[i].span.end;
        let name = &text[span.clone()];
        let key = name.to_lowercase();
        let e = orgs.entry(key).or_insert_with(|| Draft {
            first: span.start,
            actor: Actor {
                name: name.to_owned(),
                kind: ActorKind::Organisation,
                ..Actor::default()
            },
            mentions: Vec::new(),
        });
        e.mentions.push(span.start);
    }
}

/// Links abbreviations used alone ("the CEC said") and short names
/// ("the Council", "the commission") to the one organisation they can
/// mean; a short name becomes an alias.
fn link_org_mentions(
    cx: &Context,
    words: &Words,
    orgs: &mut BTreeMap<String, Draft>,
    in_body: &dyn Fn(&Range<usize>) -> bool,
) {
    let text = cx.text;
    // Heads: the last word of each organisation's name, lower case.
    let mut heads: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (k, o) in orgs.iter() {
        if let Some(h) = o.actor.name.rsplit(' ').next() {
            heads.entry(h.to_lowercase()).or_default().push(k.clone());
        }
    }
    for i in 1..words.toks.len() {
        if !words.is_word(i) || !in_body(&words.toks[i].span) {
            continue;
        }
        let raw = words.raw(i);
        // An abbreviation alone.
        for o in orgs.values_mut() {
            if o.actor.aliases.iter().any(|a| a == bare(raw))
                && !o.mentions.contains(&words.toks[i].span.start)
            {
                o.mentions.push(words.toks[i].span.start);
            }
        }
        // "the Council": "the", then the head, then no capitalised word.
        if words.lower[i - 1] != "the" || !words.is_word(i - 1) {
            continue;
        }
        let word = bare(&words.lower[i]);
        let Some(owners) = heads.get(word) else {
            continue;
        };
        let next_cap = words.is_word(i + 1) && words.raw(i + 1).starts_with(char::is_uppercase);
        if owners.len() != 1 || next_cap {
            continue;
        }
        let Some(o) = orgs.get_mut(&owners[0]) else {
            continue;
        };
        let start = words.toks[i].span.start;
        if start >= o.first && start < o.first + o.actor.name.len() {
            continue;
        }
        // Not the organisation's own full name ("the Lorean Council").
        let short = format!("the {}", bare(raw));
        if o.first < start
            && !o.actor.name.eq_ignore_ascii_case(bare(raw))
            && !o.actor.aliases.contains(&short)
        {
            o.actor.aliases.push(short);
        }
        o.mentions.push(start);
        let _ = text;
    }
}

/// Unnamed sources: a phrase ending in a source's noun that attributes
/// something: it says (a reporting verb follows), or "according to"
/// comes before it.
fn unnamed_sources(
    cx: &Context,
    words: &Words,
    name_starts: &HashSet<usize>,
) -> BTreeMap<String, Draft> {
    let text = cx.text;
    let mut out: BTreeMap<String, Draft> = BTreeMap::new();
    for s in cx.sentences {
        let first = words.at(s.start);
        let last = words.at(s.end);
        for i in first..last {
            if !words.is_word(i) || !SOURCE_NOUN_WORDS.contains(words.lower[i].as_str()) {
                continue;
            }
            // Walk back over modifiers: lower-case adjectives, a demonym,
            // a capitalised name's words, a determiner "a", "an", "one".
            let mut j = i;
            while j > first && words.is_word(j - 1) && i - j < 3 {
                let w = words.lower[j - 1].as_str();
                if matches!(w, "a" | "an" | "one" | "several" | "some") {
                    j -= 1;
                    break;
                }
                if COMMON_WORDS.contains(w)
                    || REPORTING_VERBS.contains(w)
                    || matches!(w, "the" | "to" | "by" | "and" | "or")
                {
                    break;
                }
                j -= 1;
            }
            // Forward: "in Velmar", "at the hospital", "of the powers".
            let mut end = i;
            if words.is_word(i + 1)
                && matches!(words.lower[i + 1].as_str(), "in" | "at" | "of" | "from")
            {
                let mut k = i + 2;
                if words.is_word(k) && words.lower[k] == "the" {
                    k += 1;
                }
                if words.is_word(k) && !REPORTING_VERBS.contains(words.lower[k].as_str()) {
                    end = k;
                    // A name of two words ("in Port Celest").
                    if words.is_word(k + 1)
                        && words.raw(k).starts_with(char::is_uppercase)
                        && words.raw(k + 1).starts_with(char::is_uppercase)
                    {
                        end = k + 1;
                    }
                }
            }
            // Does it attribute? A reporting verb after it (past an
            // aside in commas, or "who spoke on condition of
            // anonymity"), or "according to" before it.
            let mut k = end + 1;
            if words.toks.get(k).map(|t| t.text(text)) == Some(",") {
                // ", speaking on condition of anonymity,".
                let mut m = k + 1;
                while m < last && words.toks[m].text(text) != "," && m - k < 8 {
                    m += 1;
                }
                if m < last && words.toks[m].text(text) == "," {
                    k = m + 1;
                }
            }
            let says = reporting(words, k)
                || (words.is_word(k)
                    && matches!(words.lower[k].as_str(), "have" | "has" | "had")
                    && (reporting(words, k + 1)
                        || (words.lower.get(k + 1).is_some_and(|w| w == "also")
                            && reporting(words, k + 2))));
            let according =
                j >= 2 && words.lower[j - 2] == "according" && words.lower[j - 1] == "to";
            let anonymous = text[words.toks[end].span.end..s.end]
                .trim_start_matches([',', ' '])
                .starts_with("who spoke on condition of anonymity");
            if !(says || according || anonymous) {
                continue;
            }
            let span = words.toks[j].span.start..words.toks[end].span.end;
            let mut name = text[span.clone()].to_owned();
            // A sentence's capital is not the name's, when the word is
            // an ordinary one ("Witnesses said", "Local officials").
            if span.start == s.start && !name_starts.contains(&span.start) {
                let mut cs = name.chars();
                if let Some(c) = cs.next() {
                    name = c.to_lowercase().chain(cs).collect();
                }
            }
            let singular = matches!(words.lower[j].as_str(), "a" | "an" | "one");
            let key = name.to_lowercase();
            let e = out.entry(key).or_insert_with(|| Draft {
                first: span.start,
                actor: Actor {
                    name: name.clone(),
                    kind: if singular {
                        ActorKind::Person
                    } else {
                        ActorKind::Group
                    },
                    unnamed: true,
                    ..Actor::default()
                },
                mentions: Vec::new(),
            });
            e.mentions.push(span.start);
        }
    }
    out
}

/// Outlets the article relays: "as reported by the Belmoran state
/// broadcaster BTV".
fn find_relays(cx: &Context, words: &Words, ids: &mut Ids) -> Vec<Relay> {
    let text = cx.text;
    let mut out: Vec<Relay> = Vec::new();
    for s in cx.sentences {
        let sentence = &text[s.clone()];
        let mut from = 0;
        while let Some(k) = sentence[from..].find("reported by ") {
            let at = s.start + from + k + "reported by ".len();
            from += k + "reported by ".len();
            // The clause up to a mark.
            let end = text[at..s.end]
                .find([',', ';', '.', '(', '“', '"'])
                .map_or(s.end, |e| at + e);
            // The last run of capitalised words in it is the outlet.
            let first = words.at(at);
            let last = words.at(end);
            let mut i = last;
            while i > first
                && !(words.is_word(i - 1) && words.raw(i - 1).starts_with(char::is_uppercase))
            {
                i -= 1;
            }
            if i == first {
                continue;
            }
            let name_end = i - 1;
            let mut name_start = name_end;
            while name_start > first
                && words.is_word(name_start - 1)
                && words.raw(name_start - 1).starts_with(char::is_uppercase)
                && !demonym(&words.lower[name_start - 1])
            {
                name_start -= 1;
            }
            let name =
                text[words.toks[name_start].span.start..words.toks[name_end].span.end].to_owned();
            let desc_start = first;
            let description = (desc_start < name_start).then(|| {
                text[words.toks[desc_start].span.start..words.toks[name_start - 1].span.end]
                    .to_owned()
            });
            if let Some(r) = out.iter_mut().find(|r| r.name == name) {
                r.evidence.push(s.clone());
                continue;
            }
            out.push(Relay {
                id: ids.make(&name, "outlet"),
                name,
                description: description.filter(|d| d != "the"),
                evidence: vec![s.clone()],
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::{DraftOptions, draft_model};

    fn actors(text: &str) -> Vec<Actor> {
        draft_model(text, &DraftOptions::new()).unwrap().actors
    }

    fn named<'a>(all: &'a [Actor], name: &str) -> Option<&'a Actor> {
        all.iter().find(|a| a.name == name)
    }

    #[test]
    fn people_with_titles_and_states() {
        let text = "Arvenian Foreign Minister Teodora Vask met the Belmoran envoy. \
                    Arvenia and Belmora disagree. Vask said little.";
        let all = actors(text);
        let vask = named(&all, "Teodora Vask").expect("Vask");
        assert_eq!(vask.kind, ActorKind::Person);
        assert_eq!(vask.aliases, ["Vask"]);
        assert_eq!(vask.roles[0].title, "Foreign Minister");
        let arvenia = named(&all, "Arvenia").expect("Arvenia");
        assert_eq!(arvenia.kind, ActorKind::State);
        assert_eq!(vask.roles[0].of.as_deref(), Some(arvenia.id.as_str()));
        assert!(named(&all, "Belmora").is_some());
    }

    #[test]
    fn a_demonym_in_the_headline_says_a_state_of_the_body() {
        let text = "Dalmorian rail strike goes on\n\nBy Ines Pardo\n\n\
                    KORSA, 3 February 2032 (Northline News) - Workers in Dalmoria struck. \
                    Dalmoria's central bank warned of a slowdown.";
        let all = actors(text);
        assert_eq!(
            named(&all, "Dalmoria").map(|a| a.kind),
            Some(ActorKind::State)
        );
        assert_eq!(
            named(&all, "Dalmoria's central bank").map(|a| a.kind),
            Some(ActorKind::Organisation)
        );
        // The agency and the byline are no actors.
        assert!(named(&all, "Northline News").is_none() && named(&all, "Ines Pardo").is_none());
    }

    #[test]
    fn a_capitalised_word_is_not_always_a_name() {
        // No demonym: no state; a place of two words is no person.
        let all = actors("Talks in Sollund ended. Separately, the Kell Bridge reopened.");
        assert!(all.is_empty(), "{all:?}");
    }

    #[test]
    fn organisations_and_abbreviations() {
        let all = actors(
            "The International Relief Coordination Mission (I.R.C.M.) runs a hospital. \
             The I.R.C.M. said more. Norvalese officials agreed with Norvale's foreign ministry.",
        );
        let m = named(&all, "International Relief Coordination Mission").expect("mission");
        assert_eq!(m.kind, ActorKind::Organisation);
        assert_eq!(m.aliases, ["I.R.C.M."]);
        assert_eq!(m.id, "ircm");
        let mfa = named(&all, "Norvale's foreign ministry").expect("ministry");
        assert_eq!(mfa.kind, ActorKind::Organisation);
        let officials = named(&all, "Norvalese officials");
        assert!(officials.is_none(), "no verb after them: {all:?}");
    }

    #[test]
    fn unnamed_sources_attribute() {
        let all = actors(
            "The meeting was held, diplomatic sources said. Local officials in Velmar, \
             speaking on condition of anonymity, put the toll higher. Officials left early.",
        );
        let s = named(&all, "diplomatic sources").expect("sources");
        assert!(s.unnamed && s.kind == ActorKind::Group);
        assert!(
            named(&all, "local officials in Velmar").is_some(),
            "{all:?}"
        );
        assert!(!all.iter().any(|a| a.name.eq_ignore_ascii_case("officials")));
    }

    #[test]
    fn roles_in_apposition() {
        let all = actors(
            "The Liberal Alliance objected. Its leader, Viktor Halm, said so. \
             Dr. Nadia Ferro, governor of the Seravian National Bank, agreed.",
        );
        let halm = named(&all, "Viktor Halm").expect("Halm");
        let alliance = named(&all, "Liberal Alliance").expect("alliance");
        assert_eq!(halm.roles[0].title, "leader");
        assert_eq!(halm.roles[0].of.as_deref(), Some(alliance.id.as_str()));
        let ferro = named(&all, "Nadia Ferro").expect("Ferro");
        let bank = named(&all, "Seravian National Bank").expect("bank");
        assert_eq!(ferro.roles[0].title, "Dr., governor");
        assert_eq!(ferro.roles[0].of.as_deref(), Some(bank.id.as_str()));
    }

    #[test]
    fn a_name_after_a_quotation_and_its_verb_is_a_person() {
        let all = actors(
            "“We won,” said Petr Daun, who leads the residents. Daun left. \
             “Not yet,” said Kell Bridge. We said Anna Mole was late.",
        );
        let daun = named(&all, "Petr Daun").expect("Daun");
        assert_eq!(daun.kind, ActorKind::Person);
        assert_eq!(daun.aliases, ["Daun"]);
        // A place's name, or a name after a verb with no quotation before
        // it, is no person by this rule.
        assert!(named(&all, "Kell Bridge").is_none(), "{all:?}");
        assert!(named(&all, "Anna Mole").is_none(), "{all:?}");
    }

    #[test]
    fn relayed_outlets_are_sources() {
        let text = "Halloran will attend, as reported by the Belmoran state broadcaster BTV. \
                    Halloran told BTV he would. Belmora agreed.";
        let d = draft_model(text, &DraftOptions::new()).unwrap();
        assert_eq!(d.relays.len(), 1);
        assert_eq!(d.relays[0].name, "BTV");
        assert_eq!(
            d.relays[0].description.as_deref(),
            Some("the Belmoran state broadcaster")
        );
        assert!(!d.actors.iter().any(|a| a.name == "BTV"));
    }
}
