//! The fast path of loading: the node tree built straight from the YAML
//! parser's events, for the plain documents that briefs are.
//!
//! It gives up (returns `None`) on anything out of the ordinary: anchors,
//! aliases, tags, keys that are not plain text or that repeat, scalars
//! whose type is not obvious from their text, more than one document, a
//! syntax error, or a file anywhere near a resource limit. The full path
//! (serde-saphyr, under its budget) then reads the file again and reports
//! any problem with its exact diagnostics. On what it accepts, the fast
//! path builds the same tree as the full path, positions included: the
//! tests below compare the two on every brief and fixture. It costs about
//! half as much, which is most of the cost of loading a brief.

use std::borrow::Cow;

use serde_saphyr::granit_parser::{Event, Options, Parser, ScalarStyle, Span, StrInput};

use super::{Kind, Limits, Node};
use crate::pos::Pos;

/// An open list or map.
enum Open {
    Seq(Vec<Node>, Pos),
    /// Entries, and a key waiting for its value.
    Map(Vec<(Node, Node)>, Option<Node>, Pos),
}

/// The tree of `source`, or `None` to take the full path.
pub(super) fn parse(source: &str, limits: &Limits) -> Option<Node> {
    // The parser's own limits, as the full path sets them.
    let budget = serde_saphyr::Budget::default();
    let depth = limits.max_depth.min(Limits::MAX_DEPTH);
    let mut options = Options::default();
    options.simple_key_max_lookahead = budget.simple_key_max_lookahead;
    options.flow_nesting_limit = budget.flow_nesting_limit.max(depth + 1);
    options.block_nesting_limit = options.block_nesting_limit.max(depth.saturating_add(1));
    let mut parser = Parser::with_options(StrInput::new(source), options);
    // Well inside the limits, where both paths surely agree.
    let max_depth = depth.saturating_sub(2);
    let max_nodes = limits.max_nodes / 2;
    let mut stack: Vec<Open> = Vec::new();
    let mut root = None;
    let mut documents = 0;
    let mut nodes = 0;
    loop {
        let (event, span) = parser.next_event()?.ok()?;
        let node = match event {
            Event::StreamStart | Event::DocumentEnd => continue,
            Event::StreamEnd => break,
            Event::DocumentStart(..) => {
                documents += 1;
                if documents > 1 {
                    return None;
                }
                continue;
            }
            Event::Scalar(value, style, 0, None) => {
                let pos = pos_of(&span)?;
                let kind = scalar(value, style)?;
                let raw = match kind {
                    Kind::Bool(_) | Kind::Int(_) | Kind::UInt(_) | Kind::Float(_) => source
                        .get(pos.offset..pos.offset + pos.len)
                        .filter(|t| !t.is_empty())
                        .map(Box::from),
                    _ => None,
                };
                Node { kind, pos, raw }
            }
            Event::SequenceStart(_, 0, None) | Event::MappingStart(_, 0, None) => {
                if stack.len() >= max_depth {
                    return None;
                }
                let pos = pos_of(&span)?;
                stack.push(match event {
                    Event::SequenceStart(..) => Open::Seq(Vec::new(), pos),
                    _ => Open::Map(Vec::new(), None, pos),
                });
                continue;
            }
            Event::SequenceEnd => match stack.pop()? {
                Open::Seq(items, pos) => Node {
                    kind: Kind::Seq(items),
                    pos,
                    raw: None,
                },
                Open::Map(..) => return None,
            },
            Event::MappingEnd => match stack.pop()? {
                Open::Map(entries, None, pos) if distinct_keys(&entries) => Node {
                    kind: Kind::Map(entries),
                    pos,
                    raw: None,
                },
                _ => return None,
            },
            // Anchors, aliases, tags, comments.
            _ => return None,
        };
        nodes += 1;
        if nodes > max_nodes {
            return None;
        }
        match stack.last_mut() {
            None if root.is_none() => root = Some(node),
            None => return None,
            Some(Open::Seq(items, _)) => items.push(node),
            Some(Open::Map(entries, pending, _)) => match pending.take() {
                Some(key) => entries.push((key, node)),
                None if matches!(node.kind, Kind::Str(_)) => *pending = Some(node),
                None => return None,
            },
        }
    }
    let root = root?;
    (documents == 1 && stack.is_empty() && matches!(root.kind, Kind::Map(_))).then_some(root)
}

/// Where an event is, as the full path reports it.
fn pos_of(span: &Span) -> Option<Pos> {
    let start = span.start.byte_offset()?;
    let end = span.end.byte_offset()?;
    Some(Pos {
        file: 0,
        line: u32::try_from(span.start.line()).ok()?,
        column: u32::try_from(span.start.col() + 1).ok()?,
        offset: start,
        len: end.checked_sub(start)?,
    })
}

/// Whether no two keys of a map have the same text (keys are strings).
fn distinct_keys(entries: &[(Node, Node)]) -> bool {
    fn key(e: &(Node, Node)) -> &str {
        match &e.0.kind {
            Kind::Str(s) => s,
            _ => "",
        }
    }
    if entries.len() <= 16 {
        entries
            .iter()
            .enumerate()
            .all(|(i, a)| entries[..i].iter().all(|b| key(a) != key(b)))
    } else {
        let mut seen = std::collections::HashSet::with_capacity(entries.len());
        entries.iter().all(|e| seen.insert(key(e)))
    }
}

/// The value of a scalar, when its type is plain from its text: quoted
/// and block scalars are text; a plain scalar is null, a boolean, a
/// decimal number, or text that no YAML number can be written as. `None`
/// for the rest (signs, exponents, radixes, leading zeros, `.inf`...).
fn scalar(value: Cow<'_, str>, style: ScalarStyle) -> Option<Kind> {
    if style != ScalarStyle::Plain {
        return Some(Kind::Str(value.into_owned()));
    }
    let text = value.as_ref();
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Some(Kind::Null),
        "true" | "True" | "TRUE" => return Some(Kind::Bool(true)),
        "false" | "False" | "FALSE" => return Some(Kind::Bool(false)),
        _ => {}
    }
    let bytes = text.as_bytes();
    let first = bytes[0];
    if first.is_ascii_alphabetic() || first >= 0x80 {
        // Words that a number parser might take for infinity or NaN.
        let lower = text.to_ascii_lowercase();
        if matches!(lower.as_str(), "inf" | "infinity" | "nan") || text.trim() != text {
            return None;
        }
        return Some(Kind::Str(value.into_owned()));
    }
    if first.is_ascii_digit() {
        let leading_zero = |digits: &str| digits.len() > 1 && digits.starts_with('0');
        if bytes.iter().all(u8::is_ascii_digit) {
            if leading_zero(text) {
                return None;
            }
            return text.parse().ok().map(Kind::UInt);
        }
        if let Some((int, frac)) = text.split_once('.')
            && !int.is_empty()
            && !frac.is_empty()
            && !leading_zero(int)
            && int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit())
        {
            // Too many digits make infinity, which the full path refuses.
            return text
                .parse()
                .ok()
                .filter(|v: &f64| v.is_finite())
                .map(Kind::Float);
        }
        // Digits and inner dashes: a date such as `2025-02-12`.
        if bytes.iter().all(|b| b.is_ascii_digit() || *b == b'-') {
            return Some(Kind::Str(value.into_owned()));
        }
    }
    // Dates with EDTF marks (`2025-02~`, `2025-02-XX`, `../2025-06`,
    // `2025-02-20/2025-02-23`) and words after a number (`11 against`):
    // no number contains these characters.
    if (first.is_ascii_digit() || first == b'.')
        && bytes
            .iter()
            .any(|b| matches!(b, b'/' | b'~' | b'?' | b'%' | b'X' | b' '))
        && !bytes.contains(&b':')
    {
        return Some(Kind::Str(value.into_owned()));
    }
    // Anything else that cannot start a number is text.
    if !matches!(first, b'0'..=b'9' | b'+' | b'-' | b'.') && text.trim() == text {
        return Some(Kind::Str(value.into_owned()));
    }
    None
}

#[cfg(test)]
#[path = "../../benches/synth/mod.rs"]
mod synth;

#[cfg(test)]
mod tests {
    use super::*;

    /// The tree both ways: the fast path's, if it takes the file, and the
    /// full path's.
    fn both(source: &str) -> (Option<String>, String) {
        // Deeply nested fixtures need a deep stack, as the command has.
        let source = source.to_owned();
        std::thread::Builder::new()
            .stack_size(64 << 20)
            .spawn(move || {
                let limits = Limits::default();
                let fast = parse(&source, &limits).map(|n| format!("{n:?}"));
                let full = match super::super::parse_yaml_with(&source, &limits, false) {
                    Ok(n) => format!("{n:?}"),
                    Err(d) => format!("error: {d:?}"),
                };
                (fast, full)
            })
            .expect("a thread")
            .join()
            .expect("no panic")
    }

    fn same(source: &str) -> bool {
        match both(source) {
            (Some(fast), full) => {
                assert_eq!(fast, full, "the two paths differ on\n{source}");
                true
            }
            (None, _) => false,
        }
    }

    fn files_under(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("a readable directory") {
            let path = entry.expect("a readable entry").path();
            if path.is_dir() {
                files_under(&path, out);
            } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
                out.push(path);
            }
        }
    }

    #[test]
    fn both_paths_build_the_same_tree_for_every_brief_and_fixture() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        files_under(&root.join("briefs"), &mut files);
        files_under(&root.join("tests/fixtures"), &mut files);
        let mut fast = 0;
        for file in &files {
            let Ok(text) = std::fs::read_to_string(file) else {
                continue;
            };
            if same(&text) {
                fast += 1;
            }
        }
        // The shipped briefs all take the fast path.
        for name in [
            "us-russia-talks",
            "un-crimea-resolution-2014",
            "exercise-northern-strait",
        ] {
            let text = std::fs::read_to_string(root.join(format!("briefs/{name}.yaml")))
                .expect("a shipped brief");
            assert!(parse(&text, &Limits::default()).is_some(), "{name}");
        }
        assert!(
            fast >= files.len() / 2,
            "{fast} of {} took the fast path",
            files.len()
        );
        assert!(
            same(crate::STARTER),
            "the starter brief did not take the fast path"
        );
    }

    #[test]
    fn both_paths_build_the_same_tree_for_synthetic_briefs() {
        for (seed, items) in [(1, 56), (2, 56), (3, 500)] {
            let text = synth::brief(seed, items);
            assert!(same(&text), "seed {seed} did not take the fast path");
        }
    }

    #[test]
    fn scalars_the_fast_path_types_are_typed_the_same_by_both() {
        let scalars = [
            "20",
            "0",
            "99.5",
            "1.10",
            "0.5",
            "2014",
            "18446744073709551615",
            "true",
            "False",
            "TRUE",
            "null",
            "~",
            "Null",
            "",
            "yes",
            "no",
            "on",
            "off",
            "y",
            "n",
            "2025-02-12",
            "2025-02",
            "2025-02-12?",
            "2025-02~",
            "2025-02-12%",
            "2025-02-XX",
            "2025-XX",
            "2025-02-20/2025-02-23",
            "2032-03-02/..",
            "2025-01/",
            "../2025-06",
            "/2025-06",
            "2025-02~/2025-03-10",
            "text",
            "Infinity",
            "inf",
            "nan",
            "NaN",
            ".inf",
            "-.inf",
            ".NaN",
            "+1",
            "-1",
            "1e3",
            "1E3",
            "0x1F",
            "0o17",
            "0b101",
            "1_000",
            "012",
            "00",
            "1.",
            ".5",
            "1.5e3",
            "12:30",
            "1:20:30",
            "(a)",
            "$5",
            "/path",
            "é",
            "Ünïcode",
            "a b",
            "2025 02",
            "1 000",
            "0.0",
            "12.50",
            "3.14159265358979323846",
            "11 against",
            "13728 people",
            "1e3 people",
            ".5 of",
            "1.5 %",
            "0x1F apples",
            &format!("1{}.5", "0".repeat(400)),
        ];
        let mut typed = 0;
        for s in scalars {
            let doc = format!("k: {s}\n");
            if same(&doc) {
                typed += 1;
            }
            for quoted in [format!("k: \"{s}\"\n"), format!("k: '{s}'\n")] {
                assert!(same(&quoted), "{quoted}");
            }
        }
        assert!(typed > 40, "only {typed} scalars took the fast path");
    }

    #[test]
    fn anything_unusual_takes_the_full_path() {
        let limits = Limits::default();
        for doc in [
            "a: &x 1\nb: *x\n",
            "a: !!str 1\n",
            "a: 1\na: 2\n",
            "a: 1\n'a': 2\n",
            "? [a]\n: 1\n",
            "1: a\n",
            "a: 1\n---\nb: 2\n",
            "- a\n- b\n",
            "a: [1, 2\n",
            "a:\n\t- b\n",
            "a: .inf\n",
        ] {
            assert!(parse(doc, &limits).is_none(), "{doc}");
        }
        let deep = format!("{}1{}\n", "[".repeat(70), "]".repeat(70));
        assert!(parse(&format!("a: {deep}"), &limits).is_none());
    }
}
