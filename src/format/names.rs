//! What a section needs of the rest of a checked brief to show its
//! references: names, titles and numbered citations. The stages that
//! resolve a brief implement it; sections never see the whole brief.

use schemars::JsonSchema;
use serde::Serialize;

use crate::pos::Located;

/// A cited source: its number and name.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Cite {
    /// The source's number (1-based).
    pub n: usize,
    /// The source's id.
    pub id: String,
    /// The source's name.
    pub name: String,
}

/// A speaker with the post they held.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct SpeakerView {
    /// Name.
    pub name: String,
    /// First role in one phrase, without the portfolio
    /// (`Deputy Foreign Minister, Russia`), or empty.
    pub role: String,
}

/// The names of the items a checked brief's ids name. Every id passed in
/// has been checked by validation.
pub(crate) trait Names {
    /// The name of the actor `id` names.
    fn actor_name(&self, id: &str) -> String;
    /// The name of the place `id` names.
    fn place_name(&self, id: &str) -> String;
    /// The title of the event `id` names.
    fn event_title(&self, id: &str) -> String;
    /// The name of the issue `id` names.
    fn issue_name(&self, id: &str) -> String;
    /// The source `id` names, with its number.
    fn source(&self, id: &str) -> Cite;
    /// The statement `id` names: its speaker's name, if it has one, and
    /// its text.
    fn statement(&self, id: &str) -> (Option<String>, String);
    /// What a reader calls the item `id` names: its name, title, text
    /// or wording.
    fn label_of(&self, id: &str) -> String;
    /// The speaker `by` names, with the first post they hold.
    fn speaker(&self, by: &Option<Located<String>>) -> Option<SpeakerView>;

    /// The sources `ids` name, numbered, in number order, each once.
    fn cites(&self, ids: &[Located<String>]) -> Vec<Cite> {
        let mut out: Vec<Cite> = ids.iter().map(|r| self.source(&r.value)).collect();
        out.sort_by_key(|c| c.n);
        out.dedup_by_key(|c| c.n);
        out
    }
}
