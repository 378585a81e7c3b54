//! What a section's checks need from the validator: somewhere to put
//! diagnostics and a way to look ids up. The validate stage implements
//! it, so sections never import the stage that drives them.

use super::handle::Handle;
use super::kind::Kind;
use super::reference::{Ref, Target};
use crate::diagnostic::Diagnostic;
use crate::pos::{Located, Pos};

/// The validator, as the checks of one section see it.
pub(crate) trait Checker {
    /// Records a diagnostic.
    fn push(&mut self, d: Diagnostic);

    /// Checks that `r` names an item of one of the kinds in `want`; the
    /// first kind names the section suggested when nothing has the id.
    fn reference_any(&mut self, r: &Located<String>, want: &[Kind]);

    /// The item with this id.
    fn lookup(&self, id: &str) -> Option<Handle>;

    /// Checks that `r` names an item of a kind it accepts.
    fn reference<K: Target>(&mut self, r: &Ref<K>) {
        self.reference_any(r, K::KINDS);
    }

    /// Checks that each of `rs` names an item of a kind it accepts.
    fn references<K: Target>(&mut self, rs: &[Ref<K>]) {
        for r in rs {
            self.reference(r);
        }
    }

    /// Refuses text that is empty or only blanks; `what` names it in the
    /// message ("the title", "the actor's name"...).
    fn not_blank(&mut self, text: &str, pos: Pos, what: &str) {
        if text.trim().is_empty() {
            let (label, help) = match what {
                "the title" => ("in this brief", "give the brief a title".to_string()),
                "`unattributed`" => (
                    "in this statement",
                    "say why the source names no speaker, or give `by`".to_string(),
                ),
                "a key point" => ("in this key point", "write the point, or remove it".into()),
                _ => ("in this item", format!("write {what}, or remove the item")),
            };
            self.push(
                Diagnostic::error("empty-text", pos, format!("{what} is empty"))
                    .with_label(label)
                    .with_help(help),
            );
        }
    }
}
