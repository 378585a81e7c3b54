//! An item's evidence located in its source's text: each passage found,
//! and found once.

use std::ops::Range;

use super::locate::{closest, describe, find_all};
use super::{Grounder, ItemRef, Passage, PassageKind, excerpt, line_col, pos_in};
use crate::diagnostic::Diagnostic;
use crate::format::{Evidence, Ref, Selector, Sources, join_and};

/// Finds each passage of `evidence` in the text it is in; returns those
/// found, as (text, range of the original text), and records them.
pub(super) fn check(
    g: &mut Grounder,
    item: &ItemRef,
    evidence: &Evidence,
    cited: &[Ref<Sources>],
) -> Vec<(usize, Range<usize>)> {
    let mut found = Vec::new();
    for s in &evidence.0 {
        let Some(t) = text_for(g, s, cited) else {
            continue;
        };
        if let Some(r) = locate(g, s, t) {
            g.grounding.passages.push(Passage {
                source: g.grounding.texts[t].source.clone(),
                item: item.clone(),
                kind: PassageKind::Evidence,
                range: r.clone(),
                at: s.exact.pos,
            });
            found.push((t, r));
        }
    }
    found
}

/// The text a passage is in: its `source`'s, else that of the one cited
/// source with a text.
fn text_for(g: &mut Grounder, s: &Selector, cited: &[Ref<Sources>]) -> Option<usize> {
    let sources = &g.model.brief().sources;
    if let Some(r) = &s.source {
        let id = r.index().and_then(|i| sources.get(i))?.id.value.clone();
        let t = g.text_index(&id);
        if t.is_none() {
            g.diags.push(
                Diagnostic::error(
                    "evidence-without-text",
                    r.pos,
                    format!("the source `{id}` has no text to find this passage in"),
                )
                .with_label("no `text:`")
                .with_help(format!(
                    "give the source `{id}` a `text:` with the path of its text, or name a source that has one"
                )),
            );
        }
        return t;
    }
    let texts = g.texts_of(cited);
    match texts.as_slice() {
        [one] => Some(*one),
        [] => {
            g.diags.push(
                Diagnostic::error(
                    "evidence-without-text",
                    s.pos,
                    "none of the sources this item cites has a text to find this passage in",
                )
                .with_label("no source with a `text:`")
                .with_help("cite the source the passage is from, and give that source a `text:`"),
            );
            None
        }
        several => {
            let ids: Vec<String> = several
                .iter()
                .map(|&t| format!("`{}`", g.grounding.texts[t].source))
                .collect();
            g.diags.push(
                Diagnostic::error(
                    "evidence-source-needed",
                    s.pos,
                    format!(
                        "this item cites {} sources with a text: which one is the passage in?",
                        several.len()
                    ),
                )
                .with_label("no `source:`")
                .with_help(format!(
                    "write the passage as a map with `exact` and `source`, one of {}",
                    crate::format::join_or(&ids)
                )),
            );
            None
        }
    }
}

/// The one place passage `s` is in text `t`; a diagnostic when it is in
/// none, or in several.
fn locate(g: &mut Grounder, s: &Selector, t: usize) -> Option<Range<usize>> {
    let text = &g.grounding.texts[t];
    let found = find_all(
        text,
        &s.exact.value,
        s.prefix.as_deref(),
        s.suffix.as_deref(),
    );
    match found.len() {
        1 => return found.into_iter().next(),
        0 => {
            let d = not_found(text, s);
            g.diags.push(d);
        }
        n => {
            let places: Vec<String> = found.iter().map(|r| line_col(text, r.start)).collect();
            let d = Diagnostic::error(
                "ambiguous-passage",
                s.exact.pos,
                format!(
                    "the passage occurs {n} times in the text of `{}`",
                    text.source
                ),
            )
            .with_label(format!("found {n} times"))
            .with_related(pos_in(text, found[0].clone()), "found here, and elsewhere")
            .with_help(format!(
                "found at {} in {}; add a `prefix` or a `suffix`, the words just before or after the one meant",
                join_and(&places),
                text.path
            ));
            g.diags.push(d);
        }
    }
    None
}

/// A passage not found: where the closest one is and how it differs.
fn not_found(text: &super::SourceText, s: &Selector) -> Diagnostic {
    let in_context = s.prefix.is_some() || s.suffix.is_some();
    let bare = in_context && !find_all(text, &s.exact.value, None, None).is_empty();
    let d = Diagnostic::error(
        "passage-not-found",
        s.exact.pos,
        format!(
            "the passage is not in the text of `{}` ({})",
            text.source, text.path
        ),
    );
    if bare {
        return d
            .with_label("not found with this prefix or suffix")
            .with_help(
                "the exact words are in the text, but not with the `prefix` or `suffix` given: copy them from the text",
            );
    }
    let d = d.with_label("not found");
    match closest(text, &s.exact.value) {
        Some(c) => {
            let how = describe(&c.words);
            d.with_related(
                pos_in(text, c.range.clone()),
                format!("closest passage: {how}"),
            )
            .with_help(format!(
                "the closest passage, at {}:{}, reads “{}”: {how}",
                text.path,
                line_col(text, c.range.start),
                excerpt(&text.text[c.range.clone()])
            ))
        }
        None => d.with_help("copy the passage from the text, word for word"),
    }
}
