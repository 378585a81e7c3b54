//! Events: meetings, talks, calls and summits from their words
//! (`data/meeting-words.txt`), with the actors the clause names as
//! participants, a known place as location, the status from the tense
//! (`data/event-status.txt`: "will meet" scheduled, "held" held, "are
//! meeting" under way, "never took place" cancelled, "would host ...
//! if" proposed; else from the date: before the publication date held,
//! after it scheduled) and the date of the clause; and votes from their
//! tally ("151 votes in favour, with 62 against and 19 abstentions", "by
//! 139 votes to 88", "92 in favour to 8 against").
//!
//! Left out: a meeting named with "the", "those" or "their" (one the
//! article has already told of), a clause with a negation ("had not
//! met") or a doubt ("whether they will meet"), and a meeting whose
//! status neither its words nor its date give.

use std::ops::Range;

use super::Context;
use super::dates::{clause_end, clause_start, near};
use super::model::{Event, Ids, Place, VoteTally};
use super::words::{ACTION_VERB_WORDS, ACTION_WORDS, EVENT_STATUS_WORDS, MEETING_WORDS};
use crate::scan::find_numbers;

/// The words of `text` with their spans, lower case: letters, digits,
/// inner apostrophes and hyphens.
pub fn words(text: &str) -> Vec<(Range<usize>, String)> {
    let mut out = Vec::new();
    let mut start = None;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let inner = matches!(c, '\'' | '’' | '-')
            && start.is_some()
            && chars.get(k + 1).is_some_and(|(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || inner {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push((s..i, text[s..i].to_lowercase().replace('’', "'")));
        }
    }
    if let Some(s) = start {
        out.push((s..text.len(), text[s..].to_lowercase().replace('’', "'")));
    }
    out
}

/// Whether the words `ws` start at word `i` of `words`.
pub fn phrase_at(words: &[(Range<usize>, String)], i: usize, ws: &[&str]) -> bool {
    ws.iter()
        .enumerate()
        .all(|(k, w)| words.get(i + k).is_some_and(|(_, x)| x == w))
}

/// The first place where a wording of `list` starts in `words`, with
/// its index and the word it maps to.
fn first_of<'l>(
    words: &[(Range<usize>, String)],
    list: &'l [(Vec<&'static str>, &'static str)],
) -> Option<(usize, &'l str)> {
    list.iter().find_map(|(ws, v)| {
        (0..words.len())
            .find(|&i| phrase_at(words, i, ws))
            .map(|i| (i, *v))
    })
}

/// The actors named in `range` of the article (by name or alias), as
/// ids, in the order first named.
pub fn mentions(cx: &Context, range: Range<usize>) -> Vec<String> {
    let text = &cx.text[range];
    let mut found: Vec<(usize, String)> = Vec::new();
    for a in cx.actors {
        if a.unnamed {
            continue;
        }
        let at = std::iter::once(&a.name)
            .chain(&a.aliases)
            .filter_map(|n| find_word(text, n))
            .min();
        if let Some(at) = at {
            found.push((at, a.id.clone()));
        }
    }
    found.sort();
    found.into_iter().map(|(_, id)| id).collect()
}

/// Where `name` stands in `text` as whole words.
pub fn find_word(text: &str, name: &str) -> Option<usize> {
    if name.is_empty() {
        return None;
    }
    let mut from = 0;
    while let Some(i) = text[from..].find(name) {
        let at = from + i;
        let end = at + name.len();
        let open = !text[..at].ends_with(|c: char| c.is_alphanumeric());
        let close = !text[end..].starts_with(|c: char| c.is_alphanumeric());
        if open && close {
            return Some(at);
        }
        from = at + name.chars().next().map_or(1, char::len_utf8);
    }
    None
}

/// A vote's tally found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Tally {
    /// Votes in favour.
    pub in_favour: u64,
    /// Votes against.
    pub against: u64,
    /// Abstentions, when given.
    pub abstaining: Option<u64>,
    /// The spans of its numbers in the sentence.
    pub spans: Vec<Range<usize>>,
}

/// The tallies of votes in a sentence (spans relative to it).
pub fn tallies(text: &str) -> Vec<Tally> {
    let numbers = find_numbers(text);
    let whole = |n: &crate::scan::Number| {
        (n.qualifier == crate::format::Qualifier::Unqualified && n.value.fract() == 0.0)
            .then_some(n.value as u64)
    };
    let lower = text.to_lowercase();
    let after = |n: &crate::scan::Number| lower[n.span.end..].trim_start().to_owned();
    let mut out = Vec::new();
    let mut k = 0;
    while k < numbers.len() {
        let n = &numbers[k];
        let Some(v) = whole(n) else {
            k += 1;
            continue;
        };
        let rest = after(n);
        // "151 votes in favour, with 62 against and 19 abstentions".
        if rest.starts_with("in favour") || rest.starts_with("in favor") {
            let mut t = Tally {
                in_favour: v,
                against: 0,
                abstaining: None,
                spans: vec![n.value_span.clone()],
            };
            let mut against = false;
            let mut j = k + 1;
            while let Some(m) = numbers.get(j).filter(|_| j <= k + 2) {
                let Some(w) = whole(m) else { break };
                let r = after(m);
                if r.starts_with("against") || m.unit == "against" {
                    t.against = w;
                    against = true;
                } else if m.unit.starts_with("abstention")
                    || ["abstention", "abstaining", "abstained"]
                        .iter()
                        .any(|a| r.starts_with(a))
                {
                    t.abstaining = Some(w);
                } else {
                    break;
                }
                t.spans.push(m.value_span.clone());
                j += 1;
            }
            if against {
                out.push(t);
                k = j;
                continue;
            }
        }
        // "by 139 votes to 88", "a vote of 171 to 58".
        let before = lower[..n.span.start].trim_end();
        if ((before.ends_with(" by") && n.unit == "votes")
            || before.ends_with("vote of")
            || before.ends_with("votes of"))
            && rest.starts_with("to ")
            && let Some(m) = numbers.get(k + 1)
            && let Some(w) = whole(m)
            && lower[n.span.end..m.span.start].trim() == "to"
        {
            out.push(Tally {
                in_favour: v,
                against: w,
                abstaining: None,
                spans: vec![n.value_span.clone(), m.value_span.clone()],
            });
            k += 2;
            continue;
        }
        k += 1;
    }
    out
}

/// Determiners before a meeting's noun that point back at one the
/// article has told of.
const BACK: [&str; 8] = [
    "the", "those", "these", "that", "this", "its", "their", "his",
];

/// Nouns of meeting words: others are verbs.
const NOUNS: [&str; 8] = [
    "meeting",
    "meetings",
    "talks",
    "negotiations",
    "summit",
    "call",
    "session",
    "round",
];

/// The events of the article, in order.
pub fn find(cx: &Context, places: &[Place], ids: &mut Ids) -> Vec<Event> {
    let mut out = Vec::new();
    for sentence in cx.sentences {
        let text = &cx.text[sentence.clone()];
        if let Some(e) = vote(cx, sentence, ids) {
            out.push(e);
            continue;
        }
        let ws = words(text);
        if ws.iter().any(|(_, w)| w == "whether") {
            continue;
        }
        if let Some(e) = meeting(cx, sentence, &ws, places, ids) {
            out.push(e);
        } else if let Some(e) = action(cx, sentence, &ws, places, ids) {
            out.push(e);
        }
    }
    out
}

/// A vote event from a tally in the sentence.
fn vote(cx: &Context, sentence: &Range<usize>, ids: &mut Ids) -> Option<Event> {
    let text = &cx.text[sentence.clone()];
    let t = tallies(text).into_iter().next()?;
    let ws = words(text);
    let has = |w: &str| ws.iter().any(|(_, x)| x == w);
    let outcome = if ["rejected", "defeated", "failed"].iter().any(|w| has(w)) {
        Some("rejected")
    } else if ["passed", "adopted", "approved"].iter().any(|w| has(w)) {
        Some("adopted")
    } else {
        None
    };
    let at = sentence.start + t.spans[0].start;
    let title = title(text);
    Some(Event {
        id: ids.make(&format!("vote {title}"), "vote"),
        kind: "vote".to_owned(),
        title,
        date: near(cx, sentence, at, true, Some(false)),
        evidence: vec![sentence.clone()],
        at: Some(sentence.start + t.spans[0].start..sentence.start + t.spans[0].end),
        vote: Some(VoteTally {
            in_favour: Some(t.in_favour),
            against: Some(t.against),
            abstaining: t.abstaining,
            outcome: outcome.map(str::to_owned),
            ..VoteTally::default()
        }),
        ..Event::default()
    })
}

/// A military action told of in a sentence, with its date in the same
/// clause: "Last month a strike on a bus station killed 11 people",
/// "fighters killed in clashes earlier this month".
fn action(
    cx: &Context,
    sentence: &Range<usize>,
    ws: &[(Range<usize>, String)],
    places: &[Place],
    ids: &mut Ids,
) -> Option<Event> {
    let text = &cx.text[sentence.clone()];
    let whole = 0..text.len();
    (0..ws.len()).find_map(|i| {
        let len = match ACTION_WORDS.iter().find(|m| phrase_at(ws, i, m)) {
            Some(m) => {
                let back = (1..=2).any(|k| {
                    i.checked_sub(k)
                        .and_then(|p| ws.get(p))
                        .is_some_and(|(_, w)| BACK.contains(&w.as_str()))
                });
                if back {
                    return None;
                }
                m.len()
            }
            None if ACTION_VERB_WORDS.contains(&ws[i].1.as_str()) => 1,
            None => return None,
        };
        if in_quote(text, ws[i].0.start) {
            return None;
        }
        let at = ws[i].0.start;
        let (cs, ce) = (
            clause_start(text, &whole, at),
            clause_end(text, &whole, ws[i + len - 1].0.end),
        );
        let clause = words(&text[cs..ce]);
        if clause.iter().any(|(_, w)| {
            matches!(w.as_str(), "not" | "no" | "never" | "none" | "nobody") || w.ends_with("n't")
        }) {
            return None;
        }
        let date = near(cx, sentence, sentence.start + at, false, Some(false))?;
        let location = places
            .iter()
            .filter_map(|p| find_word(&text[cs..ce], &p.name).map(|at| (at, p)))
            .min_by_key(|(at, _)| *at)
            .map(|(_, p)| p.id.clone());
        let title = title(&text[cs..ce]);
        Some(Event {
            id: ids.make(&title, "military-action"),
            kind: "military-action".to_owned(),
            title,
            participants: mentions(cx, sentence.start + cs..sentence.start + ce),
            location,
            date: Some(date),
            evidence: vec![sentence.clone()],
            at: Some(sentence.start + at..sentence.start + ws[i + len - 1].0.end),
            ..Event::default()
        })
    })
}

/// Whether byte `at` of `text` is inside a quotation: more opening
/// than closing quotation marks before it.
fn in_quote(text: &str, at: usize) -> bool {
    let before = &text[..at];
    before.matches('“').count() > before.matches('”').count()
        || before.matches('"').count() % 2 == 1
}

/// A title in the evidence's words: the sentence without its full stop.
fn title(text: &str) -> String {
    let t = text.trim().trim_end_matches(['.', '!', '?']).trim();
    let t = ["and ", "but ", "or ", "while "]
        .iter()
        .find_map(|c| t.strip_prefix(c))
        .unwrap_or(t);
    t.to_owned()
}

/// A meeting told of in a sentence.
fn meeting(
    cx: &Context,
    sentence: &Range<usize>,
    ws: &[(Range<usize>, String)],
    places: &[Place],
    ids: &mut Ids,
) -> Option<Event> {
    // The meeting words that tell of a new meeting, in order.
    let candidates: Vec<(usize, usize, &str)> = (0..ws.len())
        .filter_map(|i| {
            let (m, kind) = MEETING_WORDS.iter().find(|(m, _)| phrase_at(ws, i, m))?;
            let word = m[m.len() - 1];
            if NOUNS.contains(&word) {
                let back = |k: usize| {
                    i.checked_sub(k)
                        .and_then(|p| ws.get(p))
                        .is_some_and(|(_, w)| BACK.contains(&w.as_str()))
                };
                // "a call", "a telephone call": a call is a noun after "a".
                let indefinite = i
                    .checked_sub(1)
                    .and_then(|p| ws.get(p))
                    .is_some_and(|(_, w)| w == "a" || w == "an");
                if back(1) || back(2) || (word == "call" && m.len() == 1 && !indefinite) {
                    return None;
                }
            }
            Some((i, m.len(), *kind))
        })
        .collect();
    candidates
        .into_iter()
        .find_map(|(i, len, kind)| meeting_at(cx, sentence, ws, (i, len, kind), places, ids))
}

/// The meeting of the meeting word at word `i` (`len` words long).
fn meeting_at(
    cx: &Context,
    sentence: &Range<usize>,
    ws: &[(Range<usize>, String)],
    (i, len, kind): (usize, usize, &str),
    places: &[Place],
    ids: &mut Ids,
) -> Option<Event> {
    let text = &cx.text[sentence.clone()];
    let at = ws[i].0.start;
    // A meeting a speaker tells of in a quotation is the speaker's word.
    if in_quote(text, at) {
        return None;
    }
    let (cs, ce) = (
        clause_start(text, &(0..text.len()), at),
        clause_end(text, &(0..text.len()), ws[i + len - 1].0.end),
    );
    let clause = words(&text[cs..ce]);
    if clause
        .iter()
        .any(|(_, w)| w == "not" || w == "no" || w.ends_with("n't"))
        && !clause.iter().any(|(_, w)| w == "never")
    {
        return None;
    }
    let mut status = first_of(&clause, &EVENT_STATUS_WORDS).map(|(_, s)| s.to_owned());
    // "would host ... if": proposed, the condition may be past the clause.
    if status.as_deref() == Some("proposed")
        && !ws.iter().any(|(_, w)| w == "if")
        && clause.iter().any(|(_, w)| w == "would")
    {
        status = Some("scheduled".to_owned());
    }
    let future = match status.as_deref() {
        Some("scheduled" | "proposed" | "postponed") => Some(true),
        Some("held" | "cancelled") => Some(false),
        _ => None,
    };
    let s = sentence.start;
    let date = near(cx, sentence, s + at, false, future);
    if status.is_none() {
        // From the date: before the publication date held, after it
        // scheduled; with no date to go by, the meeting is left out.
        let value = date.as_ref()?.value.as_ref()?;
        let published = cx.published.map(|p| super::model::edtf(&p))?;
        let day = value.split('/').next_back().unwrap_or(value);
        let held = day < published.as_str();
        status = Some(if held { "held" } else { "scheduled" }.to_owned());
    }
    let participants = mentions(cx, s + cs..s + ce);
    let location = places
        .iter()
        .filter_map(|p| find_word(&text[cs..ce], &p.name).map(|at| (at, p)))
        .min_by_key(|(at, _)| *at)
        .map(|(_, p)| p.id.clone());
    let title = title(&text[cs..ce]);
    Some(Event {
        id: ids.make(&format!("{kind} {title}"), kind),
        kind: kind.to_owned(),
        title,
        participants,
        location,
        status,
        date,
        evidence: vec![sentence.clone()],
        at: Some(s + at..s + ws[i + len - 1].0.end),
        ..Event::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::model::Actor;

    fn point(s: &str) -> crate::date::Point {
        match crate::date::Edtf::parse(s) {
            Ok(crate::date::Edtf::Point(p)) => p,
            _ => panic!("{s}"),
        }
    }

    fn actor(id: &str, name: &str, aliases: &[&str]) -> Actor {
        Actor {
            id: id.to_owned(),
            name: name.to_owned(),
            aliases: aliases.iter().map(|a| (*a).to_owned()).collect(),
            ..Actor::default()
        }
    }

    fn events(text: &str, published: Option<&str>) -> Vec<Event> {
        let sentences = crate::scan::find_sentences(text);
        let actors = [
            actor("vask", "Teodora Vask", &["Vask"]),
            actor("halloran", "Edvin Halloran", &["Halloran"]),
            actor("arvenia", "Arvenia", &[]),
        ];
        let places = [Place {
            id: "dresk".to_owned(),
            name: "Dresk".to_owned(),
            ..Place::default()
        }];
        let cx = Context {
            text,
            sentences: &sentences,
            published: published.map(point),
            actors: &actors,
            relays: &[],
            agency: None,
            dates: &[],
        };
        find(&cx, &places, &mut Ids::new())
    }

    fn status(text: &str) -> Option<String> {
        let e = events(text, Some("2031-05-14"));
        assert!(e.len() <= 1, "{e:?}");
        e.into_iter().next().and_then(|e| e.status)
    }

    #[test]
    fn status_from_the_tense() {
        assert_eq!(
            status("Vask and Halloran are set to meet on Tuesday.").as_deref(),
            Some("scheduled")
        );
        assert_eq!(
            status("Vask and Halloran will meet on Tuesday.").as_deref(),
            Some("scheduled")
        );
        assert_eq!(
            status("Deputies held a preparatory meeting last week.").as_deref(),
            Some("held")
        );
        assert_eq!(
            status("Vask and Halloran met in Dresk.").as_deref(),
            Some("held")
        );
        assert_eq!(
            status("Vask and Halloran are meeting in Dresk tonight.").as_deref(),
            Some("under-way")
        );
        assert_eq!(
            status("A meeting of experts planned for 12 March 2030 never took place.").as_deref(),
            Some("cancelled")
        );
        assert_eq!(
            status(
                "Officials said they would host a second summit in June if the first went well."
            )
            .as_deref(),
            Some("proposed")
        );
        // No tense to go by: the date decides.
        assert_eq!(
            status("A telephone call between Vask and Halloran late on Friday.").as_deref(),
            Some("held")
        );
    }

    #[test]
    fn participants_location_and_date() {
        let e = &events(
            "Vask and Halloran held talks in Dresk on Tuesday, officials said.",
            Some("2031-05-14"),
        )[0];
        assert_eq!(e.kind, "talks");
        assert_eq!(e.participants, ["vask", "halloran"]);
        assert_eq!(e.location.as_deref(), Some("dresk"));
        let d = e.date.as_ref().unwrap();
        assert_eq!(d.value.as_deref(), Some("2031-05-13"));
        assert_eq!(d.stated, "on Tuesday");
        assert_eq!(e.title, "Vask and Halloran held talks in Dresk on Tuesday");
        let e = &events(
            "Talks failed, and a meeting planned for 12 March 2030 never took place.",
            None,
        )[0];
        assert_eq!(
            e.title,
            "a meeting planned for 12 March 2030 never took place"
        );
    }

    #[test]
    fn meetings_told_of_before_negated_or_doubted_are_left_out() {
        assert!(events("The talks follow weeks of silence.", Some("2031-05-14")).is_empty());
        assert!(events("Those talks collapsed after two days.", Some("2031-05-14")).is_empty());
        assert!(events("“We met on Tuesday,” Vask said.", Some("2031-05-14")).is_empty());
        assert!(
            events(
                "The delegations had not met face to face.",
                Some("2031-05-14")
            )
            .is_empty()
        );
        assert!(
            events(
                "Nobody said whether the two ministers will meet alone.",
                Some("2031-05-14")
            )
            .is_empty()
        );
        // No status and no date to tell it by.
        assert!(events("Vask called for a summit.", None).is_empty());
        assert!(events("Halloran called Vask a liar.", Some("2031-05-14")).is_empty());
    }

    #[test]
    fn military_actions_with_their_date() {
        let e = events(
            "Last month a strike on a bus station in Dresk killed 11 people.",
            Some("2031-09-19"),
        );
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].kind, "military-action");
        assert_eq!(e[0].status, None);
        assert_eq!(e[0].location.as_deref(), Some("dresk"));
        assert_eq!(
            e[0].date.as_ref().unwrap().value.as_deref(),
            Some("2031-08")
        );
        let e = events(
            "The ministry said guns fired 14 shells at Dresk late on Monday.",
            Some("2031-09-19"),
        );
        assert_eq!(e[0].kind, "military-action");
        assert_eq!(
            e[0].date.as_ref().unwrap().value.as_deref(),
            Some("2031-09-15")
        );
        assert!(
            events(
                "“None of our batteries fired on Tuesday,” he said.",
                Some("2031-09-19")
            )
            .is_empty()
        );
        assert!(
            events(
                "He said “they fired on Tuesday” to reporters.",
                Some("2031-09-19")
            )
            .is_empty()
        );
        assert!(
            events(
                "Its units had not fired a shot since Monday.",
                Some("2031-09-19")
            )
            .is_empty()
        );
        // One told of before, one with no date, and a strike of workers
        // with no date either.
        assert!(
            events(
                "Venn called the strike a crime on Monday.",
                Some("2031-09-19")
            )
            .is_empty()
        );
        assert!(events("A strike would hurt the port.", Some("2031-09-19")).is_empty());
    }

    #[test]
    fn votes_from_their_tally() {
        let e = events(
            "The bill won 151 votes in favour, with 62 against and 19 abstentions.",
            None,
        );
        assert_eq!(e.len(), 1);
        let v = e[0].vote.as_ref().unwrap();
        assert_eq!(
            (v.in_favour, v.against, v.abstaining),
            (Some(151), Some(62), Some(19))
        );
        assert_eq!(e[0].kind, "vote");
        let e = &events(
            "In a first reading, the bill passed by 139 votes to 88.",
            None,
        )[0];
        let v = e.vote.as_ref().unwrap();
        assert_eq!((v.in_favour, v.against), (Some(139), Some(88)));
        assert_eq!(v.outcome.as_deref(), Some("adopted"));
        let v = tallies("The motion passed 92 in favour to 8 against.");
        assert_eq!((v[0].in_favour, v[0].against), (92, 8));
        let v = tallies("It was extended by a vote of 171 to 58.");
        assert_eq!((v[0].in_favour, v[0].against), (171, 58));
        // Not tallies.
        assert!(tallies("Prices rose from 10 to 15 in favour of sellers.").is_empty());
        assert!(tallies("It fell by 5 to 3 points.").is_empty());
    }
}
