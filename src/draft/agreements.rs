//! Agreements, proposals and conditions, only where the wording is
//! explicit.
//!
//! - An agreement: a noun of `data/agreement-words.txt` ("ceasefire",
//!   "truce", "deal", "bill") with a wording of its status in the same
//!   sentence (`data/agreement-status.txt`: "agreed", "signed", "took
//!   effect", "collapsed", "rejected"), not an adjective before the noun
//!   ("a rejected bill" tells of no rejection). A noun after "the",
//!   "its" or "their" names one already told of and is left out.
//! - Conditions: a sentence where a party says it will act only on a
//!   condition ("unless", "only if": `data/condition-words.txt`) and the
//!   article names who says so (an actor after "according to", before a
//!   reporting verb at the end, or the subject): a statement of kind
//!   `conditions`, the condition in the article's words.

use std::ops::Range;

use super::Context;
use super::dates::{clause_end, near};
use super::events::{find_word, mentions, phrase_at, words};
use super::model::{Agreement, Ids, Statement};
use super::words::{AGREEMENT_STATUS_WORDS, AGREEMENT_WORDS, CONDITION_WORDS};

/// Determiners before a noun that point back at one already told of.
const BACK: [&str; 7] = ["the", "those", "these", "that", "its", "their", "this"];

/// The agreements of the article, in order.
pub fn find(cx: &Context, ids: &mut Ids) -> Vec<Agreement> {
    let mut out = Vec::new();
    for sentence in cx.sentences {
        if let Some(a) = agreement(cx, sentence, ids) {
            out.push(a);
        }
    }
    out
}

fn agreement(cx: &Context, sentence: &Range<usize>, ids: &mut Ids) -> Option<Agreement> {
    let text = &cx.text[sentence.clone()];
    let ws = words(text);
    let (noun, len, kind) = (0..ws.len()).find_map(|i| {
        let (m, kind) = AGREEMENT_WORDS.iter().find(|(m, _)| phrase_at(&ws, i, m))?;
        let back = i
            .checked_sub(1)
            .and_then(|p| ws.get(p))
            .is_some_and(|(_, w)| BACK.contains(&w.as_str()));
        (!back).then_some((i, m.len(), *kind))
    })?;
    // The status: the first wording of the list found in the sentence
    // that is not an adjective just before the noun.
    let (at, status) = AGREEMENT_STATUS_WORDS.iter().find_map(|(m, status)| {
        (0..ws.len())
            .find(|&i| phrase_at(&ws, i, m) && i + m.len() != noun)
            .map(|i| (i, *status))
    })?;
    let (_, noun_end) = (ws[noun].0.start, ws[noun + len - 1].0.end);
    let title_end = clause_end(text, &(0..text.len()), noun_end);
    // The title: from the noun's article to the end of its clause.
    let from = (0..noun)
        .rev()
        .take(3)
        .find(|&k| matches!(ws[k].1.as_str(), "a" | "an"))
        .map_or(ws[noun].0.start, |k| ws[k].0.start);
    let title = text[from..title_end]
        .trim()
        .trim_end_matches('.')
        .to_owned();
    let future = matches!(status, "proposed").then_some(true);
    let date = near(
        cx,
        sentence,
        sentence.start + ws[at].0.start,
        true,
        future.or(Some(false)),
    );
    Some(Agreement {
        id: ids.make(&title, kind),
        kind: kind.to_owned(),
        title,
        parties: mentions(cx, sentence.clone()),
        status: Some(status.to_owned()),
        date,
        evidence: vec![sentence.clone()],
        ..Agreement::default()
    })
}

/// Reporting verbs that end a sentence's attribution (", Lind said").
const REPORTING: [&str; 6] = ["said", "says", "told", "added", "announced", "stated"];

/// Statements of kind `conditions`, in order.
pub fn conditions(cx: &Context, ids: &mut Ids) -> Vec<Statement> {
    let mut out = Vec::new();
    for sentence in cx.sentences {
        let text = &cx.text[sentence.clone()];
        let ws = words(text);
        let Some((i, len)) = (0..ws.len()).find_map(|i| {
            CONDITION_WORDS
                .iter()
                .find(|c| phrase_at(&ws, i, c))
                .map(|c| (i, c.len()))
        }) else {
            continue;
        };
        let start = ws[i + len - 1].0.end;
        let end = clause_end(text, &(0..text.len()), start);
        let condition = text[start..end].trim().trim_end_matches('.').to_owned();
        if condition.split_whitespace().count() < 2 {
            continue;
        }
        let Some((by, verb)) = speaker(cx, sentence, ws[i].0.start) else {
            continue;
        };
        let body = text.trim().trim_end_matches('.').to_owned();
        out.push(Statement {
            id: ids.make(&format!("{by} conditions"), "conditions"),
            by: Some(by),
            kind: "conditions".to_owned(),
            verb: Some(verb),
            text: body,
            evidence: vec![sentence.clone()],
            conditions: vec![condition],
            ..Statement::default()
        });
    }
    out
}

/// Adds statements of kind `conditions` to `statements`: one that tells
/// the same sentence by the same speaker, with no quote of its own,
/// becomes the statement of conditions instead of standing beside it.
pub fn merge_conditions(statements: &mut Vec<Statement>, found: Vec<Statement>) {
    for c in found {
        let same = statements.iter_mut().find(|s| {
            s.quote.is_none()
                && !s.attributes_only
                && s.by == c.by
                && s.evidence.first() == c.evidence.first()
                && s.kind != "conditions"
        });
        match same {
            Some(s) => {
                s.kind = c.kind;
                s.conditions = c.conditions;
            }
            None => statements.push(c),
        }
    }
}

/// Who says what sentence `sentence` says, with the verb as written:
/// an actor after "according to", an actor in a last clause with a
/// reporting verb (", Lind said"), or the first actor named before
/// byte `before` of the sentence.
fn speaker(cx: &Context, sentence: &Range<usize>, before: usize) -> Option<(String, String)> {
    let text = &cx.text[sentence.clone()];
    let named = |r: Range<usize>| -> Option<(usize, String)> {
        let mut found: Vec<(usize, &str)> = cx
            .actors
            .iter()
            .filter_map(|a| {
                std::iter::once(&a.name)
                    .chain(&a.aliases)
                    .filter_map(|n| find_word(&text[r.clone()], n))
                    .min()
                    .map(|at| (at, a.id.as_str()))
            })
            .collect();
        found.sort();
        found
            .first()
            .map(|(at, id)| (r.start + at, (*id).to_owned()))
    };
    if let Some(i) = text.find("according to") {
        // The actor right after it ("according to a Telmoran official"),
        // not one further on ("according to the text released by the
        // Council": the text is the source).
        let from = i + "according to".len();
        let to = clause_end(text, &(0..text.len()), from);
        return named(from..to)
            .filter(|(at, _)| text[from..*at].split_whitespace().count() <= 1)
            .map(|(_, a)| (a, "according to".to_owned()));
    }
    if let Some(comma) = text.rfind(',') {
        let tail = &text[comma..];
        if let Some(verb) = words(tail)
            .into_iter()
            .find(|(_, w)| REPORTING.contains(&w.as_str()))
        {
            return named(comma..text.len()).map(|(_, a)| (a, tail[verb.0].to_owned()));
        }
    }
    // "Halm said his party would vote for it only if ...".
    let subject = mentions(cx, sentence.start..sentence.start + before)
        .into_iter()
        .next()?;
    let verb = words(&text[..before])
        .into_iter()
        .find(|(_, w)| REPORTING.contains(&w.as_str()))?;
    Some((subject, text[verb.0].to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::model::Actor;

    fn actor(id: &str, name: &str, aliases: &[&str], unnamed: bool) -> Actor {
        Actor {
            id: id.to_owned(),
            name: name.to_owned(),
            aliases: aliases.iter().map(|a| (*a).to_owned()).collect(),
            unnamed,
            ..Actor::default()
        }
    }

    fn with<T>(text: &str, f: impl FnOnce(&Context, &mut Ids) -> T) -> T {
        let sentences = crate::scan::find_sentences(text);
        let actors = [
            actor("telmora", "Telmora", &[], false),
            actor("gedrun", "Gedrun", &[], false),
            actor("lind", "Ostap Lind", &["Lind"], false),
            actor("official", "a Telmoran official", &[], true),
        ];
        let cx = Context {
            text,
            sentences: &sentences,
            published: crate::date::Edtf::parse("2031-07-22")
                .ok()
                .and_then(|e| e.point().copied()),
            actors: &actors,
            relays: &[],
            agency: None,
            dates: &[],
        };
        f(&cx, &mut Ids::new())
    }

    #[test]
    fn agreements_where_the_wording_is_explicit() {
        let a = with(
            "An earlier truce, agreed on 3 January, collapsed within a week.",
            find,
        );
        assert_eq!(a.len(), 1);
        assert_eq!(
            (a[0].kind.as_str(), a[0].status.as_deref()),
            ("truce", Some("collapsed"))
        );
        let d = a[0].date.as_ref().unwrap();
        assert_eq!(
            (d.value.as_deref(), d.stated.as_str()),
            (Some("2031-01-03"), "on 3 January")
        );
        let a = with(
            "Telmora and Gedrun signed a ceasefire in Savonne on Monday.",
            find,
        );
        assert_eq!(a[0].kind, "ceasefire");
        assert_eq!(a[0].status.as_deref(), Some("signed"));
        assert_eq!(a[0].parties, ["telmora", "gedrun"]);
        assert_eq!(a[0].title, "a ceasefire in Savonne on Monday");
        let a = with(
            "The assembly rejected a bill to extend the emergency.",
            find,
        );
        assert_eq!(
            (a[0].kind.as_str(), a[0].status.as_deref()),
            ("proposal", Some("rejected"))
        );
    }

    #[test]
    fn no_agreement_without_explicit_wording() {
        // No status.
        assert!(with("Both sides want a ceasefire.", find).is_empty());
        // One already told of.
        assert!(with("The ceasefire collapsed on Monday.", find).is_empty());
        // An adjective is no rejection.
        assert!(with("A rejected bill cannot return for 30 days.", find).is_empty());
        // No agreement's noun.
        assert!(with("They agreed on a seating plan.", find).is_empty());
    }

    #[test]
    fn conditions_join_a_statement_of_the_same_sentence() {
        let c = with(
            "Gedrun will not sign unless Telmora pulls back, Lind said.",
            conditions,
        );
        let told = Statement {
            id: "lind-said".to_owned(),
            by: Some("lind".to_owned()),
            kind: "position".to_owned(),
            evidence: c[0].evidence.clone(),
            ..Statement::default()
        };
        let quoted = Statement {
            quote: Some("We will not sign".to_owned()),
            ..told.clone()
        };
        let mut statements = vec![told];
        merge_conditions(&mut statements, c.clone());
        assert_eq!(statements.len(), 1);
        assert_eq!(statements[0].kind, "conditions");
        assert_eq!(statements[0].conditions, ["Telmora pulls back"]);
        // A quote stays a quote; the conditions stand beside it.
        let mut statements = vec![quoted];
        merge_conditions(&mut statements, c);
        assert_eq!(statements.len(), 2);
    }

    #[test]
    fn conditions_with_who_sets_them() {
        let s = with(
            "Telmora will agree to an extension only if Gedrun's troops leave two hilltops, according to a Telmoran official.",
            conditions,
        );
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].by.as_deref(), Some("official"));
        assert_eq!(s[0].verb.as_deref(), Some("according to"));
        assert_eq!(s[0].conditions, ["Gedrun's troops leave two hilltops"]);
        let s = with(
            "Gedrun will not sign unless Telmora pulls back its guns, Lind said.",
            conditions,
        );
        assert_eq!(s[0].by.as_deref(), Some("lind"));
        assert_eq!(s[0].verb.as_deref(), Some("said"));
        assert_eq!(s[0].conditions, ["Telmora pulls back its guns"]);
        // Nobody named as saying it.
        assert!(with("Prices will rise unless the levy passes.", conditions).is_empty());
        // A condition of a text, not of a party.
        assert!(
            with(
                "The truce ends on Wednesday unless the sides extend it, according to the text released by Telmora.",
                conditions
            )
            .is_empty()
        );
        // "on condition of anonymity" sets no condition.
        assert!(
            with(
                "An official, speaking on condition of anonymity, said talks would go on.",
                conditions
            )
            .is_empty()
        );
    }
}
