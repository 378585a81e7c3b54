//! Whether an item was added, removed or changed between two versions.

use serde::Serialize;

/// What happened to an item between two versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    /// Only the new version has it.
    Added,
    /// Only the old version has it.
    Removed,
    /// Both have it, with different facts or wording.
    Changed,
}

impl ChangeKind {
    /// The name in machine-readable output, and the verb in a summary:
    /// `added`, `removed` or `changed`.
    pub fn name(self) -> &'static str {
        match self {
            ChangeKind::Added => "added",
            ChangeKind::Removed => "removed",
            ChangeKind::Changed => "changed",
        }
    }
}

impl Serialize for ChangeKind {
    /// Machine-readable output sees the name, as [`ChangeKind::name`] gives it.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}
