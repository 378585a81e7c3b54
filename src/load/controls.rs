//! Control and bidirectional characters in a brief's text: the first have
//! no place in a briefing and are refused, the second are warned about.

use super::{Kind, Node};
use crate::diagnostic::{Diagnostic, bidi_control};

/// A control character a briefing cannot hold: C0 and C1 controls and
/// DEL, which a terminal or a page would act on or show as garbage; tab
/// and line feed are text. (A carriage return has become a line feed by
/// the time this runs, unless it was written as an escape.)
pub(crate) fn forbidden(c: char) -> bool {
    c.is_control() && c != '\t' && c != '\n'
}

/// One error per string (key or value) holding a [`forbidden`] character,
/// and one warning per string holding a [`bidi_control`], in document
/// order. Walks with a list of its own, so that deep YAML needs no stack.
pub(super) fn check(root: &Node) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let mut pending = vec![root];
    while let Some(node) = pending.pop() {
        match &node.kind {
            Kind::Str(s) => {
                if let Some(c) = s.chars().find(|&c| forbidden(c)) {
                    found.push(
                        Diagnostic::error(
                            "control-character",
                            node.pos,
                            format!("the text holds the control character {}", name(c)),
                        )
                        .with_help(
                            "remove it: a briefing's text may hold tabs and line breaks, \
                             but no other control characters",
                        ),
                    );
                } else if let Some(c) = s.chars().find(|&c| bidi_control(c)) {
                    found.push(
                        Diagnostic::warning(
                            "bidi-control",
                            node.pos,
                            format!(
                                "the text holds the invisible bidirectional control {}, \
                                 which can make it read differently from what it says",
                                name(c)
                            ),
                        )
                        .with_help(
                            "remove it, unless the text needs it to show right-to-left words",
                        ),
                    );
                }
            }
            Kind::Seq(items) => pending.extend(items.iter().rev()),
            Kind::Map(entries) => {
                for (k, v) in entries.iter().rev() {
                    pending.push(v);
                    pending.push(k);
                }
            }
            _ => {}
        }
    }
    found
}

/// `U+001B`, with a name for the common ones.
fn name(c: char) -> String {
    let known = match c {
        '\u{0}' => "null",
        '\u{7}' => "bell",
        '\u{8}' => "backspace",
        '\u{b}' => "vertical tab",
        '\u{c}' => "form feed",
        '\r' => "carriage return",
        '\u{1b}' => "escape",
        '\u{7f}' => "delete",
        '\u{85}' => "next line",
        '\u{9b}' => "control sequence introducer",
        '\u{202E}' => "right-to-left override",
        '\u{202D}' => "left-to-right override",
        '\u{2066}'..='\u{2068}' => "directional isolate",
        '\u{2069}' => "pop directional isolate",
        '\u{200E}' | '\u{200F}' | '\u{061C}' => "directional mark",
        _ => "",
    };
    let code = format!("U+{:04X}", u32::from(c));
    if known.is_empty() {
        code
    } else {
        format!("{code} ({known})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        for c in [
            '\u{0}', '\u{7}', '\u{1b}', '\r', '\u{7f}', '\u{85}', '\u{9b}',
        ] {
            assert!(forbidden(c), "{c:?}");
        }
        for c in ['\t', '\n', 'a', 'é', '\u{202E}'] {
            assert!(!forbidden(c), "{c:?}");
        }
        assert_eq!(name('\u{1b}'), "U+001B (escape)");
        assert_eq!(name('\u{1}'), "U+0001");
    }
}
