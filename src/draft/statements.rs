//! Statements: direct quotes with their speaker and reporting verb, the
//! partial quotes inside a paraphrase, reported speech ("Brenn said the
//! matter was for the courts"), and the relay phrases around them ("as
//! reported by BTV", "Halloran told BTV").
//!
//! A quote's speaker is read from its attribution in the same sentence
//! (“…,” Korvel said; Draxl said: “…”) or, for a quote standing alone,
//! from the quote just before it. A quote whose words come from a thing
//! (a banner, a sign, a post) is `unattributed`, with what the article
//! says; a quote whose speaker cannot be told is left out.

use std::ops::Range;

use super::model::{Actor, ActorKind, Attribution, Event, Figure, Ids, Statement};
use super::words::REPORTING_VERBS;
use super::{Context, Words};
use crate::scan::find_quotes;
use crate::scan::words::WEEKDAY_NAMES;

/// The names an actor is known by, lower case, longest first.
struct Speakers<'a> {
    names: Vec<(String, &'a Actor)>,
}

impl<'a> Speakers<'a> {
    fn new(actors: &'a [Actor]) -> Self {
        let mut names: Vec<(String, &Actor)> = Vec::new();
        for a in actors {
            names.push((a.name.to_lowercase(), a));
            for alias in &a.aliases {
                names.push((alias.to_lowercase(), a));
            }
        }
        names.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        Speakers { names }
    }

    /// The actor a phrase names: the longest name or alias that ends it
    /// ("government spokesman Lukas Brenn") or starts it after a
    /// determiner ("the Council", "a nurse at the hospital"); an actor
    /// named inside it ("a sign on the door of the commission") is not
    /// its head.
    fn in_phrase(&self, phrase: &str) -> Option<&'a Actor> {
        let mut lower = phrase.trim().to_lowercase();
        // A clause's conjunction is no part of its subject ("while
        // Telmora denied firing and said").
        for c in [
            "while ",
            "and ",
            "but ",
            "as ",
            "when ",
            "after ",
            "although ",
            "though ",
            "because ",
            "then ",
        ] {
            if let Some(rest) = lower.strip_prefix(c) {
                lower = rest.to_owned();
                break;
            }
        }
        let bare = ["the ", "a ", "an "]
            .iter()
            .find_map(|d| lower.strip_prefix(d))
            .unwrap_or(&lower);
        self.names
            .iter()
            .find(|(n, _)| {
                !n.is_empty()
                    && (lower.ends_with(n.as_str())
                        && boundary(&lower, lower.len() - n.len(), n.len())
                        || bare.starts_with(n.as_str()) && boundary(bare, 0, n.len())
                        || lower.starts_with(n.as_str()) && boundary(&lower, 0, n.len()))
            })
            .map(|(_, a)| *a)
    }

    /// The distinct actors named anywhere in a phrase.
    fn all_in(&self, phrase: &str) -> Vec<&'a Actor> {
        let lower = phrase.to_lowercase();
        let mut out: Vec<&Actor> = Vec::new();
        for (n, a) in &self.names {
            if contains_word(&lower, n) && !out.iter().any(|o| o.id == a.id) {
                out.push(a);
            }
        }
        out
    }

    /// The person a pronoun at byte `at` stands for: the person named
    /// last before it, unless another name that is no actor's (a person
    /// the drafter does not know) comes between.
    fn person_before(&self, text: &str, at: usize) -> Option<&'a Actor> {
        let (pos, who) = self.last_person_before(text, at)?;
        let between = &text[pos..at];
        let known: std::collections::HashSet<String> = std::collections::HashSet::new();
        let stranger = crate::scan::find_names(between, &known)
            .into_iter()
            .any(|n| {
                let name = &between[n.name.clone()];
                name.split_whitespace().count() >= 2
                    && self.in_phrase(name).is_none()
                    && !self
                        .names
                        .iter()
                        .any(|(k, _)| k.contains(&name.to_lowercase()))
            });
        (!stranger).then_some(who)
    }

    /// The person named last before byte `at`, and where.
    fn last_person_before(&self, text: &str, at: usize) -> Option<(usize, &'a Actor)> {
        let before = text[..at].to_lowercase();
        self.names
            .iter()
            .filter(|(_, a)| a.kind == ActorKind::Person && !a.unnamed)
            .filter_map(|(n, a)| {
                let mut last = None;
                let mut from = 0;
                while let Some(k) = before[from..].find(n.as_str()) {
                    let i = from + k;
                    if boundary(&before, i, n.len()) {
                        last = Some(i);
                    }
                    from = i + n.len().max(1);
                }
                Some((last?, *a))
            })
            .max_by_key(|(i, _)| *i)
    }
}

/// Whether `needle` occurs in `hay` as whole words.
fn contains_word(hay: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return false;
    }
    hay.match_indices(needle)
        .any(|(i, _)| boundary(hay, i, needle.len()))
}

fn boundary(hay: &str, i: usize, len: usize) -> bool {
    !hay[..i].ends_with(char::is_alphanumeric)
        && !hay[i + len..].starts_with(char::is_alphanumeric)
        && !hay[i + len..].starts_with(['\'', '’'])
            | hay[i + len..].starts_with("'s")
            | hay[i + len..].starts_with("’s")
}

/// Words that end a reporting verb's phrase: a date, a clause.
fn ends_verb_phrase(lower: &str) -> bool {
    matches!(
        lower,
        "that"
            | "on"
            | "late"
            | "early"
            | "last"
            | "this"
            | "earlier"
            | "yesterday"
            | "today"
            | "adding"
            | "asking"
            | "as"
            | "and"
            | "but"
            | "while"
            | "when"
            | "because"
    ) || WEEKDAY_NAMES.contains_key(lower)
}

/// Verbs that say where a quote's words come from, beyond the reporting
/// verbs: a sign "read", a statement "called" something.
fn quoting_verb(lower: &str) -> bool {
    REPORTING_VERBS.contains(lower)
        || matches!(
            lower,
            "called" | "calling" | "calls" | "described" | "describing" | "read" | "reads"
        )
}

/// A pronoun standing for a person.
fn pronoun(lower: &str) -> bool {
    matches!(lower, "he" | "she")
}

/// Who said it, as found.
#[derive(Debug, Clone, PartialEq)]
enum Speaker {
    /// An actor of the draft.
    Actor(String),
    /// No one: what the article says instead.
    Unattributed(String),
}

/// An attribution: the speaker, the verb as written, and the relay the
/// words came through.
#[derive(Debug, Clone)]
struct Said {
    speaker: Speaker,
    verb: String,
    relay: Option<String>,
}

/// The statements of the article.
pub fn find(cx: &Context, ids: &mut Ids) -> Vec<Statement> {
    let text = cx.text;
    let words = Words::new(text);
    let speakers = Speakers::new(cx.actors);
    let Some(first) = cx.sentences.first() else {
        return Vec::new();
    };
    let quotes: Vec<_> = find_quotes(text)
        .into_iter()
        .filter(|q| q.span.start >= first.start)
        .collect();
    let mut out: Vec<Statement> = Vec::new();
    // The last full quote's attribution and where it ended, for a quote
    // standing alone after it.
    let mut last_full: Option<(usize, Said)> = None;
    let mut quoted_sentences: Vec<Range<usize>> = Vec::new();
    let mut i = 0;
    while i < quotes.len() {
        let q = &quotes[i];
        let Some(s) = sentences_around(cx, q.span.clone()) else {
            i += 1;
            continue;
        };
        quoted_sentences.push(s.clone());
        let before = &text[s.start..q.span.start];
        let after = &text[q.span.end..s.end];
        let alone_before = before.trim().is_empty();
        let attr_before = before.trim_end().ends_with(':')
            || before.trim_end().ends_with(',') && verb_at_end(&words, s.start, q.span.start);
        let full = alone_before || attr_before;
        if full {
            let said = if !after
                .trim_matches(|c: char| c.is_whitespace() || ".,".contains(c))
                .is_empty()
            {
                attribution_after(cx, &words, &speakers, q.span.end, s.end)
            } else if attr_before {
                attribution_before(cx, &words, &speakers, s.start, q.span.start)
            } else {
                // Standing alone: the speaker of the quote just before,
                // when nothing but that quote's sentence lies between.
                last_full
                    .as_ref()
                    .filter(|(end, _)| {
                        cx.sentence_index(*end)
                            .zip(cx.sentence_index(q.span.start))
                            .is_some_and(|(a, b)| b == a + 1)
                    })
                    .map(|(_, s)| s.clone())
            };
            let Some(said) = said else {
                i += 1;
                continue;
            };
            let inner = &text[q.inner.clone()];
            // The comma or full stop the attribution after it puts inside
            // the closing mark is not the speaker's.
            let attributed_after = !after
                .trim_matches(|c: char| c.is_whitespace() || ".".contains(c))
                .is_empty();
            let quote = if attributed_after {
                inner.trim_end().trim_end_matches([',', '.']).trim_end()
            } else {
                inner.trim_end().trim_end_matches(',').trim_end()
            };
            let relay = said.relay.clone().or_else(|| relayed(cx, &s));
            let stmt = statement(
                cx,
                ids,
                &said,
                "quote",
                quote,
                Some(quote),
                vec![s.clone()],
                relay,
            );
            if let Speaker::Actor(_) = said.speaker {
                last_full = Some((q.span.end, said.clone()));
            }
            out.push(stmt);
            // "…,” Ferro said, adding that …": what is added is a
            // statement of its own (partial quotes in it are found below).
            i += 1;
            continue;
        }
        // A partial quote inside a paraphrase: all the sentence's partial
        // quotes by the same verb make one statement.
        let mut group = vec![q.clone()];
        while i + 1 < quotes.len()
            && quotes[i + 1].span.start < s.end
            && quotes[i + 1].span.start > q.span.end
        {
            group.push(quotes[i + 1].clone());
            i += 1;
        }
        i += 1;
        if let Some(stmt) = partial(cx, &words, &speakers, ids, &s, &group) {
            out.push(stmt);
        }
    }
    // Reported speech with no quote: "Brenn said the matter was for the
    // courts", "…, Lind said", "…, adding that the navy would continue".
    for s in cx.sentences {
        if quotes
            .iter()
            .any(|q| q.span.start < s.end && q.span.end > s.start)
        {
            if let Some(stmt) = added(cx, &words, &speakers, ids, s, &out) {
                out.push(stmt);
            }
            continue;
        }
        if let Some(stmt) = reported(cx, &words, &speakers, ids, s) {
            out.push(stmt);
        }
        if let Some(stmt) = added(cx, &words, &speakers, ids, s, &out) {
            out.push(stmt);
        }
    }
    out.sort_by_key(|s| s.evidence.first().map_or(0, |e| e.start));
    out
}

/// The sentences a span lies in, as one range.
fn sentences_around(cx: &Context, span: Range<usize>) -> Option<Range<usize>> {
    let a = cx.sentence_index(span.start)?;
    let b = cx
        .sentence_index(span.end.saturating_sub(1))
        .unwrap_or(a)
        .max(a);
    Some(cx.sentences[a].start..cx.sentences[b].end)
}

/// Whether a reporting verb ends the text from `from` to `to` (before a
/// comma or colon): "He stated, “…”".
fn verb_at_end(words: &Words, from: usize, to: usize) -> bool {
    let Some(mut k) = words.before(to) else {
        return false;
    };
    if words.toks[k].span.start < from {
        return false;
    }
    if !words.is_word(k) {
        let Some(j) = k.checked_sub(1) else {
            return false;
        };
        k = j;
    }
    words.is_word(k) && REPORTING_VERBS.contains(words.lower[k].as_str())
}

/// The relay of a sentence: "as reported by BTV".
fn relayed(cx: &Context, s: &Range<usize>) -> Option<String> {
    let sentence = &cx.text[s.clone()];
    cx.relays
        .iter()
        .find(|r| {
            sentence.contains("reported by")
                && sentence.contains(&r.name)
                && r.evidence
                    .iter()
                    .any(|e| e.start <= s.start && s.end <= e.end || e == s)
        })
        .map(|r| r.id.clone())
}

/// The verb as written from token `v`: the verb with the object of
/// "told" ("told reporters", "told a news conference in Valda") or a
/// phrase in "in" or "by" ("said in a statement", "said by telephone"),
/// up to a comma, a date, "that" or the sentence's end; the index of its
/// last word.
fn verb_phrase(words: &Words, v: usize, end: usize) -> (String, usize) {
    let mut last = v;
    let object = matches!(words.lower[v].as_str(), "told" | "tells" | "tell");
    let phrase = words.is_word(v + 1)
        && matches!(words.lower[v + 1].as_str(), "in" | "by" | "at" | "during");
    if object || phrase {
        let mut k = v + 1;
        while k < words.toks.len()
            && words.toks[k].span.end <= end
            && words.is_word(k)
            && !ends_verb_phrase(&words.lower[k])
            && k - v <= 8
            && !quoting_verb(&words.lower[k])
        {
            last = k;
            k += 1;
        }
    }
    let phrase = &words.text[words.toks[v].span.start..words.toks[last].span.end];
    (phrase.to_owned(), last)
}

/// The subject of the verb at `v`: the comma-separated stretch before
/// it, past asides ("which controls the hills,", "speaking on condition
/// of anonymity,", "governor of the bank,"); its span, and whether a
/// comma comes before it (the attribution then follows what was said:
/// "…, the mission said").
fn subject_before(
    cx: &Context,
    words: &Words,
    speakers: &Speakers,
    first: usize,
    v: usize,
) -> Option<(Range<usize>, bool)> {
    // "Halm, …, said": an aside closes right before the verb.
    let comma_before_verb = v > first && words.raw(v - 1) == ",";
    let mut end = if comma_before_verb { v - 1 } else { v };
    for _ in 0..4 {
        let mut a = end;
        while a > first && words.is_word(a - 1) {
            a -= 1;
        }
        if a == end {
            return None;
        }
        let lead = words.lower[a].as_str();
        let lower_lead = words.raw(a).starts_with(char::is_lowercase);
        let aside =
            matches!(
                lead,
                "who" | "which" | "whose" | "where" | "speaking" | "asking" | "flanked"
            ) || (lower_lead && crate::scan::words::TITLE_WORDS.contains(lead) && a > first);
        let span = words.toks[a].span.start..words.toks[end - 1].span.end;
        let comma = a > first && words.raw(a - 1) == ",";
        if !aside && (speakers.in_phrase(&cx.text[span.clone()]).is_some() || !comma) {
            return Some((span, comma && !comma_before_verb));
        }
        if !comma {
            return None;
        }
        end = a - 1;
    }
    None
}

/// The attribution after a quote: “…,” Korvel told reporters. /
/// “…,” said Rell. / “…,” he said.
fn attribution_after(
    cx: &Context,
    words: &Words,
    speakers: &Speakers,
    from: usize,
    to: usize,
) -> Option<Said> {
    let first = words.at(from);
    let last = words.at(to);
    // The first quoting verb within ten words.
    let v = (first..last.min(first + 12))
        .find(|&k| words.is_word(k) && quoting_verb(&words.lower[k]))?;
    let subject_start = (first..v).find(|&k| words.is_word(k)).unwrap_or(v);
    let (speaker, verb_end_limit) = if subject_start < v {
        let span = words.toks[subject_start].span.start..words.toks[v - 1].span.end;
        (speaker_of(cx, words, speakers, span, from)?, to)
    } else {
        // "said Rell": the name after the verb.
        let k = v + 1;
        let name_end = (k..last)
            .take_while(|&m| words.is_word(m) && words.raw(m).starts_with(char::is_uppercase))
            .last()?;
        let span = words.toks[k].span.start..words.toks[name_end].span.end;
        let who = speakers.in_phrase(&cx.text[span.clone()])?;
        return Some(Said {
            speaker: Speaker::Actor(who.id.clone()),
            verb: words.raw(v).to_owned(),
            relay: None,
        });
    };
    let (verb, _) = verb_phrase(words, v, verb_end_limit);
    let relay = relay_in_verb(cx, &verb);
    Some(Said {
        speaker,
        verb,
        relay,
    })
}

/// The attribution before a quote: Draxl said: “…” / Asked …, Pell said: “…”.
fn attribution_before(
    cx: &Context,
    words: &Words,
    speakers: &Speakers,
    from: usize,
    to: usize,
) -> Option<Said> {
    let first = words.at(from);
    let last = words.at(to);
    // The last quoting verb before the colon.
    let v = (first..last)
        .rev()
        .find(|&k| words.is_word(k) && quoting_verb(&words.lower[k]))?;
    // The subject: back to the clause's start (a comma or the sentence's).
    let mut s = v;
    while s > first && words.is_word(s - 1) {
        s -= 1;
    }
    if s == v {
        return None;
    }
    let span = words.toks[s].span.start..words.toks[v - 1].span.end;
    let speaker = speaker_of(cx, words, speakers, span, from)?;
    let (verb, _) = verb_phrase(words, v, to);
    let verb = verb.trim_end_matches(':').to_owned();
    let relay = relay_in_verb(cx, &verb);
    Some(Said {
        speaker,
        verb,
        relay,
    })
}

/// A relayed outlet named in the verb: "told BTV".
fn relay_in_verb(cx: &Context, verb: &str) -> Option<String> {
    cx.relays
        .iter()
        .find(|r| contains_word(verb, &r.name))
        .map(|r| r.id.clone())
}

/// Who a subject phrase is: an actor it names, a person a pronoun stands
/// for, or, for a thing written in lower case ("a banner unfurled in the
/// public gallery"), no one. `None` when it cannot be told.
fn speaker_of(
    cx: &Context,
    words: &Words,
    speakers: &Speakers,
    span: Range<usize>,
    at: usize,
) -> Option<Speaker> {
    let phrase = cx.text[span.clone()].trim();
    let lower = phrase.to_lowercase();
    if pronoun(&lower) {
        return speakers
            .person_before(cx.text, at)
            .map(|a| Speaker::Actor(a.id.clone()));
    }
    if let Some(a) = speakers.in_phrase(phrase) {
        return Some(Speaker::Actor(a.id.clone()));
    }
    // A thing: lower-case words only (but for the sentence's capital),
    // and not a document someone signed or issued.
    let first = words.at(span.start);
    let last = words.at(span.end);
    // Capitals only inside a phrase in a preposition ("a wall near the
    // Ketterholm market"), not in the head ("Hanna Vore").
    let mut inside = false;
    let mut capitalised = false;
    for k in first..last {
        if !words.is_word(k) {
            continue;
        }
        if matches!(
            words.lower[k].as_str(),
            "on" | "near" | "at" | "in" | "of" | "to" | "from" | "outside" | "behind"
        ) {
            inside = true;
        }
        let start = Some(words.toks[k].span.start) == cx.sentence_at(span.start).map(|s| s.start);
        if words.raw(k).starts_with(char::is_uppercase) && !start && !inside {
            capitalised = true;
        }
    }
    if capitalised
        || contains_word(&lower, "by")
        || lower.split_whitespace().count() < 2
        || matches!(
            lower.split_whitespace().next(),
            Some("they" | "we" | "i" | "it" | "you")
        )
    {
        return None;
    }
    let mut cs = phrase.chars();
    let phrase: String = cs
        .next()
        .map(|c| c.to_lowercase().chain(cs).collect())
        .unwrap_or_default();
    Some(Speaker::Unattributed(format!(
        "{phrase}; the article names no author"
    )))
}

/// Builds a statement.
#[allow(clippy::too_many_arguments)]
fn statement(
    cx: &Context,
    ids: &mut Ids,
    said: &Said,
    kind: &str,
    text: &str,
    quote: Option<&str>,
    evidence: Vec<Range<usize>>,
    relay: Option<String>,
) -> Statement {
    let (by, unattributed) = match &said.speaker {
        Speaker::Actor(id) => (Some(id.clone()), None),
        Speaker::Unattributed(why) => (None, Some(why.clone())),
    };
    let base = match &by {
        Some(id) => format!("{id} {}", first_words(text, 3)),
        None => first_words(text, 4),
    };
    let via = match relay {
        Some(r) => vec![r, cx_source_id()],
        None => Vec::new(),
    };
    Statement {
        id: ids.make(&base, "statement"),
        by,
        unattributed,
        kind: kind.to_owned(),
        verb: Some(said.verb.clone()),
        text: text.to_owned(),
        quote: quote.map(str::to_owned),
        quoted: Vec::new(),
        date: None,
        according_to: None,
        via,
        evidence,
        conditions: Vec::new(),
        clause: None,
        attributes_only: false,
    }
    .with_context(cx)
}

/// The article's source id, as the head writes it.
fn cx_source_id() -> String {
    "article".to_owned()
}

trait WithContext {
    fn with_context(self, cx: &Context) -> Self;
}

impl WithContext for Statement {
    /// Evidence as the article's whole sentences, in order, once each.
    fn with_context(mut self, cx: &Context) -> Self {
        let mut spans: Vec<Range<usize>> = Vec::new();
        for e in &self.evidence {
            let (Some(a), Some(b)) = (
                cx.sentence_index(e.start),
                cx.sentence_index(e.end.saturating_sub(1)),
            ) else {
                continue;
            };
            for s in &cx.sentences[a..=b] {
                if !spans.contains(s) {
                    spans.push(s.clone());
                }
            }
        }
        spans.sort_by_key(|s| s.start);
        self.evidence = spans;
        self
    }
}

/// The first `n` words of a text, for an id.
fn first_words(text: &str, n: usize) -> String {
    text.split_whitespace()
        .take(n)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Partial quotes inside a paraphrase: "Venn called the strike “a crime
/// …”", "said the patrols were “routine and lawful”", "had “no
/// intention” of extending it".
fn partial(
    cx: &Context,
    words: &Words,
    speakers: &Speakers,
    ids: &mut Ids,
    s: &Range<usize>,
    group: &[crate::scan::Quote],
) -> Option<Statement> {
    let text = cx.text;
    let q = group.first()?;
    let first = words.at(s.start);
    let qi = words.at(q.span.start);
    // The quoting verb nearest before the quote.
    // Passive, no agent: "has been billed as “…”".
    let passive = passive_before(words, first, qi);
    let v = match &passive {
        Some(_) => qi.checked_sub(2)?,
        None => (first..qi)
            .rev()
            .find(|&k| words.is_word(k) && quoting_verb(&words.lower[k]))?,
    };
    let participle = words.lower[v].ends_with("ing");
    let said = if let Some((verb, _)) = &passive {
        Said {
            speaker: Speaker::Unattributed(format!(
                "the article says it \"{verb}\" without saying by whom"
            )),
            verb: verb.clone(),
            relay: None,
        }
    } else {
        // The subject: the clause before the verb; for a participle
        // ("adding", "calling"), the subject of the verb before it.
        let subject_verb = if participle {
            (first..v).rev().find(|&k| {
                words.is_word(k)
                    && quoting_verb(&words.lower[k])
                    && !words.lower[k].ends_with("ing")
            })
        } else {
            Some(v)
        };
        let span = match subject_verb {
            Some(sv) => subject_before(cx, words, speakers, first, sv)?.0,
            // "Paskal has rejected the findings, calling them “…”": the
            // sentence's subject, when its first clause names one actor
            // and starts with it.
            None => {
                let comma = (first..v).find(|&k| words.raw(k) == ",")?;
                let clause = s.start..words.toks[comma].span.start;
                let named = speakers.all_in(&text[clause.clone()]);
                let lead = words.toks[first].span.start..words.toks[first + 1].span.end;
                if named.len() != 1 || speakers.in_phrase(&text[lead.clone()]).is_none() {
                    return None;
                }
                lead
            }
        };
        let speaker = speaker_of(cx, words, speakers, span, s.start)?;
        let end = words.toks[v].span.end.max(q.span.start.min(s.end));
        let (verb, _) = verb_phrase(words, v, end);
        Said {
            relay: relay_in_verb(cx, &verb),
            speaker,
            verb,
        }
    };
    // The paraphrase: from after the verb (and "that") to the sentence's
    // end, without a relay phrase.
    let mut c = v + 1;
    if let Some((_, after)) = &passive {
        c = *after;
    } else {
        while c < qi
            && words.is_word(c)
            && !ends_verb_phrase(&words.lower[c])
            && !words.lower[c].starts_with("the")
            && words.toks[c].span.start < q.span.start
            && c - v < 4
            && !matches!(words.lower[c].as_str(), "his" | "her" | "its" | "their")
        {
            c += 1;
        }
        if words.is_word(c) && words.lower[c] == "that" {
            c += 1;
        }
        // "said last month that …": past a date to its "that".
        if let Some(t) = (c..qi.min(c + 6)).find(|&m| words.is_word(m) && words.lower[m] == "that")
            && (c..t).all(|m| words.is_word(m))
        {
            c = t + 1;
        }
    }
    let mut start = words.toks.get(c)?.span.start.min(q.span.start);
    if passive.is_some() {
        // What was so called: the whole sentence says it.
        start = s.start;
    }
    let mut end = s.end;
    let sentence = &text[start..s.end];
    if let Some(k) = sentence.find(", as reported by") {
        end = start + k;
    }
    let clause = text[start..end]
        .trim_end()
        .trim_end_matches(['.', ','])
        .to_owned();
    let last_q = group.last()?;
    if last_q.span.end > start + clause.len() {
        return None;
    }
    // The kind: a characterisation when the quote is what something "is"
    // or is "called"; a quote when a whole clause is quoted after
    // "that"; else a position quoting fragments.
    let before_q = words.before(q.span.start).map(|k| words.lower[k].as_str());
    let be = matches!(
        before_q,
        Some("is" | "was" | "were" | "are" | "been" | "be" | "as")
    );
    let calls = matches!(
        words.lower[v].as_str(),
        "called" | "calling" | "calls" | "described" | "describing"
    );
    let fragment = |r: &Range<usize>| text[r.clone()].to_owned();
    let relay = said.relay.clone().or_else(|| relayed(cx, s));
    let right_after_verb = words.before(q.span.start) == Some(v);
    // "said in a video posted on Wednesday that “…”": "that" close to
    // the verb, no comma between.
    let that_of_verb = before_q == Some("that")
        && words
            .before(q.span.start)
            .is_some_and(|t| t > v && t - v <= 7 && (v + 1..t).all(|m| words.is_word(m)));
    let whole_clause = group.len() == 1
        && (that_of_verb || right_after_verb)
        && text[q.span.end..s.end]
            .trim_matches(|c: char| c.is_whitespace() || c == '.')
            .is_empty()
        && (right_after_verb || text[q.inner.clone()].split_whitespace().count() >= 5);
    let mut stmt = if whole_clause {
        let quote = text[q.inner.clone()]
            .trim_end()
            .trim_end_matches([',', '.']);
        statement(
            cx,
            ids,
            &said,
            "quote",
            quote,
            Some(quote),
            vec![s.clone()],
            relay,
        )
    } else if group.len() == 1 && (be || calls || passive.is_some()) {
        let quote = text[q.inner.clone()].to_owned();
        statement(
            cx,
            ids,
            &said,
            "characterisation",
            &clause,
            Some(&quote),
            vec![s.clone()],
            relay,
        )
    } else {
        let mut st = statement(
            cx,
            ids,
            &said,
            "position",
            &clause,
            None,
            vec![s.clone()],
            relay,
        );
        st.quoted = group.iter().map(|g| fragment(&g.span)).collect();
        st
    };
    if stmt.text.is_empty() {
        stmt.text = clause;
    }
    Some(stmt)
}

/// A passive verb with no agent just before a quote: "has been billed
/// as", "was described as". The words, and the token after them.
fn passive_before(words: &Words, first: usize, qi: usize) -> Option<(String, usize)> {
    let k = qi.checked_sub(1)?;
    if k < first + 2 || !words.is_word(k) || words.lower[k] != "as" {
        return None;
    }
    let participle = k - 1;
    if !words.lower[participle].ends_with("ed") {
        return None;
    }
    let mut a = participle;
    while a > first
        && words.is_word(a - 1)
        && matches!(
            words.lower[a - 1].as_str(),
            "has" | "have" | "had" | "been" | "was" | "were" | "is" | "are" | "be" | "being"
        )
    {
        a -= 1;
    }
    if a == participle
        || !words.lower[a..participle]
            .iter()
            .any(|w| w == "been" || w == "was" || w == "were" || w == "is" || w == "are")
    {
        return None;
    }
    Some((
        words.text[words.toks[a].span.start..words.toks[k].span.end].to_owned(),
        qi,
    ))
}

/// The verbs of reported speech a statement is read from: "Brenn said
/// the matter was for the courts", "The Front accused the army of …".
const SPEECH_VERBS: [&str; 14] = [
    "said",
    "says",
    "say",
    "told",
    "added",
    "warned",
    "insisted",
    "argued",
    "claimed",
    "denied",
    "accused",
    "replied",
    "announced",
    "stated",
];

/// Reported speech in a sentence with no quote: "Brenn said the matter
/// was for the courts." / "Gedrun wants …, Lind said."
fn reported(
    cx: &Context,
    words: &Words,
    speakers: &Speakers,
    ids: &mut Ids,
    s: &Range<usize>,
) -> Option<Statement> {
    let text = cx.text;
    // A fact with a number, attributed after it ("At least 42 people
    // were killed, the ministry said"), is a figure's, attributed there.
    let numbered = text[s.clone()].contains(|c: char| c.is_ascii_digit());
    let first = words.at(s.start);
    let last = words.at(s.end);
    // "…, Lind said." at the end.
    let tail_verb = (first..last)
        .rev()
        .find(|&k| words.is_word(k))
        .filter(|&k| matches!(words.lower[k].as_str(), "said" | "says"));
    let near_comma = tail_verb.is_some_and(|v| (2..=4).any(|d| v >= d && words.raw(v - d) == ","));
    if near_comma {
        let v = tail_verb?;
        let comma = (first..v).rev().find(|&k| words.raw(k) == ",")?;
        let span = words.toks[comma + 1].span.start..words.toks[v - 1].span.end;
        let phrase = text[span.clone()].to_owned();
        let who = speakers.in_phrase(&phrase)?;
        if phrase.split_whitespace().count() > 4 {
            return None;
        }
        let clause = text[s.start..words.toks[comma].span.start]
            .trim()
            .to_owned();
        if clause.split_whitespace().count() < 4 || clause.contains("according to") {
            return None;
        }
        let said = Said {
            speaker: Speaker::Actor(who.id.clone()),
            verb: words.raw(v).to_owned(),
            relay: None,
        };
        let relay = relayed(cx, s);
        let mut st = statement(
            cx,
            ids,
            &said,
            "position",
            &clause,
            None,
            vec![s.clone()],
            relay,
        );
        st.clause = Some(s.start..s.start + clause.len());
        st.attributes_only = numbered;
        return Some(st);
    }
    // "<Speaker> said (that) <clause>": the verb among the first words,
    // its subject an actor.
    let v = (first..last.min(first + 30))
        .find(|&k| words.is_word(k) && SPEECH_VERBS.contains(&words.lower[k].as_str()))?;
    let (span, after_comma) = subject_before(cx, words, speakers, first, v)?;
    let phrase = &text[span.clone()];
    if phrase.split_whitespace().count() > 6 {
        return None;
    }
    let who = if pronoun(&phrase.to_lowercase()) {
        speakers.person_before(text, span.start)?
    } else {
        speakers.in_phrase(phrase)?
    };
    // The subject must be the actor, not something of theirs ("Halm's
    // party said"), unless the actor's name is so written ("Norvale's
    // foreign ministry").
    let possessive = |p: &str| p.contains("'s ") || p.contains("’s ");
    let lower_phrase = phrase.to_lowercase();
    if possessive(&lower_phrase)
        && !std::iter::once(&who.name)
            .chain(&who.aliases)
            .map(|n| n.to_lowercase())
            .any(|n| possessive(&n) && contains_word(&lower_phrase, &n))
    {
        return None;
    }
    // "Renn did not say whether …": nothing said.
    if v > first && matches!(words.lower[v - 1].as_str(), "not" | "never" | "n't") {
        return None;
    }
    let plain = matches!(
        words.lower[v].as_str(),
        "said" | "says" | "say" | "told" | "added"
    );
    let that = words.is_word(v + 1) && words.lower[v + 1] == "that";
    if !(plain || that) {
        return None;
    }
    let kind = match words.lower[v].as_str() {
        "denied" => "denial",
        "accused" => "accusation",
        "claimed" | "warned" => "claim",
        _ => "position",
    };
    let (verb, vend) = verb_phrase(words, v, s.end);
    // "Asked whether …, Brenn said the matter …": a clause after the
    // verb is what was said, whatever comes before.
    let clause_after = words.is_word(vend + 1);
    if after_comma && !clause_after {
        // "…, the mission said, …": what was said comes before.
        let raw = &text[s.start..span.start];
        let clause = raw.trim_end().trim_end_matches(',').trim().to_owned();
        let clause_start = s.start + (raw.len() - raw.trim_start().len());
        if clause.split_whitespace().count() < 4 || clause.contains("according to") {
            return None;
        }
        let said = Said {
            speaker: Speaker::Actor(who.id.clone()),
            relay: relay_in_verb(cx, &verb),
            verb,
        };
        let relay = said.relay.clone().or_else(|| relayed(cx, s));
        let mut st = statement(cx, ids, &said, kind, &clause, None, vec![s.clone()], relay);
        st.clause = Some(clause_start..clause_start + clause.len());
        // A fact with a number, attributed after it, is the fact's.
        st.attributes_only = numbered;
        return Some(st);
    }
    // "told reporters that": the clause after the verb's phrase.
    let mut c = vend + 1;
    if words.is_word(c) && words.lower[c] == "that" {
        c += 1;
    }
    // A date right after the verb ("said on Monday that") belongs to the
    // statement's date, not its text: skip to "that" if there is one.
    let mut rest_start = words.toks.get(c)?.span.start;
    let rest = &text[rest_start..s.end];
    let rest = match rest.find(" that ") {
        Some(k) if k < 30 && !words.is_word(c) || ends_verb_phrase(&words.lower[c]) => {
            rest_start += k + 6;
            &rest[k + 6..]
        }
        _ => rest,
    };
    let mut clause = rest.trim_end().trim_end_matches('.').to_owned();
    if let Some(k) = clause.find(", as reported by") {
        clause.truncate(k);
    }
    if clause.split_whitespace().count() < 4 {
        return None;
    }
    let said = Said {
        speaker: Speaker::Actor(who.id.clone()),
        relay: relay_in_verb(cx, &verb),
        verb,
    };
    let relay = said.relay.clone().or_else(|| relayed(cx, s));
    let mut st = statement(cx, ids, &said, kind, &clause, None, vec![s.clone()], relay);
    st.clause = Some(rest_start..rest_start + clause.len());
    Some(st)
}

/// Reported speech that tells a fact the drafter drafts gives the fact
/// its attribution: an event or figure told in a statement's clause
/// ("Deputy ministers held a meeting last week, diplomatic sources
/// said"; "Pell said the package would push the deficit to about 3.8%")
/// takes the speaker and verb as its `according_to`. The statement is
/// then dropped when the clause is the fact's: its one claim is an event,
/// or a figure (a figure with its number and unit before the clause's
/// first comma: "a coalition with the Greens would hold 56 seats"), or
/// it was kept only to attribute
/// ([`Statement::attributes_only`]). A clause that tells more ("would
/// pay for the meeting, put at around 450,000 crowns, and that
/// journalists …"; "nearly 60 civilians had died and accused …") stays a
/// statement, its figures attributed; so does a statement of
/// conditions, a quote, and one with quoted fragments.
pub fn attribute(
    text: &str,
    statements: &mut Vec<Statement>,
    events: &mut [Event],
    figures: &mut [Figure],
) {
    let inside = |c: &Range<usize>, at: &Option<Range<usize>>| {
        at.as_ref()
            .is_some_and(|a| c.start <= a.start && a.end <= c.end)
    };
    statements.retain(|st| {
        let (Some(c), Some(by)) = (&st.clause, &st.by) else {
            return true;
        };
        let attribution = Attribution {
            actor: Some(by.clone()),
            unnamed: None,
            verb: st.verb.clone(),
        };
        let mut told_events = 0;
        for e in events.iter_mut().filter(|e| inside(c, &e.at)) {
            told_events += 1;
            e.according_to.get_or_insert_with(|| attribution.clone());
        }
        let clause = &text[c.clone()];
        let main = c.start..c.start + clause.find([',', ';']).unwrap_or(clause.len());
        let mut figure_claim = false;
        for f in figures.iter_mut().filter(|f| inside(c, &f.at)) {
            figure_claim |= (f.value.is_some() || f.range.is_some())
                && f.unit.is_some()
                && inside(&main, &f.at);
            f.according_to.get_or_insert_with(|| attribution.clone());
        }
        let the_facts = (told_events > 0 || figure_claim) && !more_claims(clause);
        let plain = st.quote.is_none() && st.quoted.is_empty() && st.kind != "conditions";
        !(plain && (st.attributes_only || the_facts))
    });
}

/// Whether a clause of reported speech tells more than one thing: "…
/// and that …", "… but that …", "… and accused …".
fn more_claims(clause: &str) -> bool {
    let lower = clause.to_lowercase();
    lower.contains(" and that ")
        || lower.contains(" but that ")
        || lower.match_indices(" and ").any(|(i, _)| {
            let next = lower[i + 5..].split_whitespace().next().unwrap_or("");
            SPEECH_VERBS.contains(&next) || REPORTING_VERBS.contains(next)
        })
}

/// "…, adding that the navy would continue its patrols": what a speaker
/// adds after a statement of the same sentence, with no quote in it.
fn added(
    cx: &Context,
    words: &Words,
    _speakers: &Speakers,
    ids: &mut Ids,
    s: &Range<usize>,
    found: &[Statement],
) -> Option<Statement> {
    let text = cx.text;
    let k = text[s.clone()].find(", adding that ")?;
    let start = s.start + k + ", adding that ".len();
    let clause = text[start..s.end]
        .trim_end()
        .trim_end_matches('.')
        .to_owned();
    if clause.contains(['“', '"']) || clause.split_whitespace().count() < 4 {
        return None;
    }
    // The speaker of the statement in the same sentence.
    let prior = found
        .iter()
        .rev()
        .find(|st| st.evidence.contains(s) && st.by.is_some())?;
    let said = Said {
        speaker: Speaker::Actor(prior.by.clone()?),
        verb: "adding".to_owned(),
        relay: None,
    };
    let _ = words;
    Some(statement(
        cx,
        ids,
        &said,
        "position",
        &clause,
        None,
        vec![s.clone()],
        None,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::{DraftOptions, draft_model};

    fn statements(text: &str) -> Vec<Statement> {
        draft_model(text, &DraftOptions::new()).unwrap().statements
    }

    #[test]
    fn quotes_with_their_speakers() {
        let text = "Deputy Foreign Minister Ana Korvel of Norvale spoke. Norvalese diplomats agreed. \
                    “Both delegations will come, and we are grateful,” Korvel told reporters. \
                    “Nobody should expect a settlement.”";
        let all = statements(text);
        assert_eq!(all.len(), 2, "{all:?}");
        assert_eq!(all[0].by.as_deref(), Some("korvel"));
        assert_eq!(all[0].verb.as_deref(), Some("told reporters"));
        assert_eq!(
            all[0].quote.as_deref(),
            Some("Both delegations will come, and we are grateful")
        );
        assert_eq!(all[1].by.as_deref(), Some("korvel"));
        assert_eq!(
            all[1].quote.as_deref(),
            Some("Nobody should expect a settlement.")
        );
    }

    #[test]
    fn a_pronoun_stands_for_the_last_person_unless_a_stranger_comes_between() {
        let text = "Transport Minister Lena Hollis spoke. “The money is not there,” she said.";
        assert_eq!(statements(text)[0].by.as_deref(), Some("hollis"));
        let text = "Transport Minister Lena Hollis spoke. Maria Costa, who commutes, was angry. \
                    “Nobody asked us,” she said.";
        assert!(
            !statements(text)
                .iter()
                .any(|s| s.quote.as_deref() == Some("Nobody asked us")),
            "{:?}",
            statements(text)
        );
    }

    #[test]
    fn attribution_before_the_quote() {
        let text = "Prime Minister Helena Draxl spoke. Draxl said: “The package is large.”";
        let all = statements(text);
        let q = all.iter().find(|s| s.kind == "quote").expect("a quote");
        assert_eq!(q.by.as_deref(), Some("draxl"));
        assert_eq!(q.quote.as_deref(), Some("The package is large."));
    }

    #[test]
    fn a_quote_with_no_speaker() {
        // A thing's words: unattributed, with what the article says.
        let all = statements("A banner in the gallery read “Rebuild, don't rule”.");
        assert_eq!(all.len(), 1, "{all:?}");
        assert!(all[0].by.is_none());
        assert!(
            all[0]
                .unattributed
                .as_deref()
                .unwrap()
                .starts_with("a banner in the gallery")
        );
        // No speaker in reach: left out.
        assert!(statements("The talks went on. “We will see.”").is_empty());
    }

    #[test]
    fn partial_quotes() {
        let text = "Prime Minister Oskar Venn spoke. Venn called the strike “a crime”. \
                    Venn said the government had “no intention” of leaving.";
        let all = statements(text);
        let c = all
            .iter()
            .find(|s| s.kind == "characterisation")
            .expect("characterisation");
        assert_eq!(c.quote.as_deref(), Some("a crime"));
        assert_eq!(c.verb.as_deref(), Some("called"));
        let p = all
            .iter()
            .find(|s| s.kind == "position" && !s.quoted.is_empty())
            .expect("position");
        assert_eq!(p.quoted, ["“no intention”"]);
        assert!(p.text.contains("“no intention”"));
    }

    fn drafted(text: &str) -> crate::draft::Draft {
        let published = match crate::date::Edtf::parse("2031-05-14") {
            Ok(crate::date::Edtf::Point(p)) => p,
            _ => unreachable!(),
        };
        let options = DraftOptions {
            published: Some(published),
            ..DraftOptions::new()
        };
        draft_model(text, &options).unwrap()
    }

    fn according_to(a: &Option<Attribution>) -> Option<(&str, &str)> {
        let a = a.as_ref()?;
        Some((a.actor.as_deref()?, a.verb.as_deref()?))
    }

    #[test]
    fn reported_speech_that_tells_an_event_is_the_events() {
        let text = "Teodora Vask and Edvin Halloran are foreign ministers. Vask spoke. Halloran spoke. \
            Deputy ministers held a preparatory meeting last week in Dresk, diplomatic sources said. \
            Norvalese officials said they would host a second round in June if the first went well.";
        let d = drafted(text);
        assert_eq!(d.events.len(), 2, "{:?}", d.events);
        assert_eq!(
            according_to(&d.events[0].according_to),
            Some(("diplomatic-sources", "said"))
        );
        assert_eq!(
            according_to(&d.events[1].according_to),
            Some(("norvalese-officials", "said"))
        );
        assert!(d.statements.is_empty(), "{:?}", d.statements);
        // Reported speech that tells no event stays a statement.
        let text = "Teodora Vask is a foreign minister. \
            Norvalese officials said they would welcome a settlement if the first went well.";
        let d = drafted(text);
        assert!(d.events.is_empty(), "{:?}", d.events);
        assert_eq!(d.statements.len(), 1, "{:?}", d.statements);
        assert_eq!(d.statements[0].by.as_deref(), Some("norvalese-officials"));
        // Speech that tells an event and more: a statement, and the event
        // attributed.
        let text = "Teodora Vask is a foreign minister. \
            Norvalese officials said they would host a second round in June and that \
            the fishing grounds would be on the agenda.";
        let d = drafted(text);
        assert_eq!(d.events.len(), 1, "{:?}", d.events);
        assert_eq!(
            according_to(&d.events[0].according_to),
            Some(("norvalese-officials", "said"))
        );
        assert_eq!(d.statements.len(), 1, "{:?}", d.statements);
    }

    #[test]
    fn reported_speech_that_is_a_figure_is_the_figures() {
        // Its one claim is a figure: the figure's, attributed.
        let d = drafted(
            "Finance Minister Juri Pell spoke. \
            Pell said the package would push the budget deficit to about 3.8% of output.",
        );
        assert!(d.statements.is_empty(), "{:?}", d.statements);
        assert_eq!(d.figures.len(), 1, "{:?}", d.figures);
        assert_eq!(
            according_to(&d.figures[0].according_to),
            Some(("pell", "said"))
        );
        // Attributed after it: the figure's too.
        let d = drafted(
            "Finance Minister Juri Pell spoke. \
            The cap will hold the price at 0.28 florins per kilowatt-hour, Pell said.",
        );
        assert!(d.statements.is_empty(), "{:?}", d.statements);
        assert!(
            d.figures
                .iter()
                .all(|f| according_to(&f.according_to) == Some(("pell", "said"))),
            "{:?}",
            d.figures
        );
        // A figure among other claims: a statement, and the figure
        // attributed.
        let d = drafted(
            "Deputy Foreign Minister Ana Korvel spoke. Korvel said the government would pay for              the meeting, put at around 450,000 crowns, and that journalists would be admitted.",
        );
        assert_eq!(d.statements.len(), 1, "{:?}", d.statements);
        assert_eq!(
            according_to(&d.figures[0].according_to),
            Some(("korvel", "said"))
        );
        let d = drafted(
            "The Sardan Liberation Front spoke. The Sardan Liberation Front said nearly 60              civilians had died and accused government forces of firing the rockets.",
        );
        assert_eq!(d.statements.len(), 1, "{:?}", d.statements);
        assert!(more_claims("60 civilians had died and accused the army"));
        assert!(more_claims("it would pay, and that journalists would come"));
        assert!(!more_claims(
            "the deficit would rise to 3.8% and stay there"
        ));
    }

    #[test]
    fn an_actor_named_with_a_possessive_is_a_subject() {
        let text = "Norvalese diplomats met. \
                    Norvale's foreign ministry said the ministers would arrive by train from the coast.";
        let d = drafted(text);
        assert_eq!(d.statements.len(), 1, "{:?}", d.statements);
        // Something of an actor's is not the actor.
        let text = "Prime Minister Oskar Venn spoke. Venn's office said the minister would arrive by train.";
        assert!(
            drafted(text)
                .statements
                .iter()
                .all(|s| s.by.as_deref() != Some("venn")),
            "{:?}",
            drafted(text).statements
        );
    }

    #[test]
    fn relays_make_a_via_chain() {
        let text = "Belmoran Foreign Minister Edvin Halloran met Belmora's envoy. \
                    Halloran will attend, as reported by the state broadcaster BTV. \
                    Halloran told BTV: “We are coming to listen.”";
        let all = statements(text);
        let q = all.iter().find(|s| s.kind == "quote").expect("quote");
        assert_eq!(q.verb.as_deref(), Some("told BTV"));
        assert_eq!(q.via, ["btv", "article"]);
    }
}
