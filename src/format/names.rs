//! What a section needs of the rest of a checked brief to show its
//! references: names, titles and numbered citations. The stages that
//! resolve a brief implement it; sections never see the whole brief.

use schemars::JsonSchema;
use serde::Serialize;

pub use super::cite::Cite;
use super::evidence::{Evidence, EvidenceView};
use super::reference::{
    Actors, AnyItem, Events, Figures, Issues, Places, Ref, Sources, Statements,
};
use crate::pos::Pos;

/// Another figure as a link: its id, what it says, and whom it is
/// according to.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct FigureLink {
    /// The figure's id, for an anchor (`#figure-ID`).
    pub id: String,
    /// Its display: qualifier, number, unit and "each" (`about 1,200 people each`).
    pub display: String,
    /// Whom it is according to, as a phrase (`according to the health
    /// ministry`), or empty.
    pub according_to: String,
}

/// A speaker with the post they held.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct SpeakerView {
    /// Name.
    pub name: String,
    /// First role in one phrase, without the portfolio
    /// (`Deputy Foreign Minister, Russia`), or empty.
    pub role: String,
    /// Whether the name is a description of an unnamed person
    /// (`a senior U.S. official`), not a name.
    pub unnamed: bool,
    /// Whether the speaker is a document (`the draft resolution`).
    pub document: bool,
}

/// The names of the items a checked brief's references name.
pub(crate) trait Names {
    /// The name of the actor `r` names.
    fn actor_name(&self, r: &Ref<Actors>) -> String;
    /// The name of the place `r` names.
    fn place_name(&self, r: &Ref<Places>) -> String;
    /// What a reader calls the event `r` names, briefly: its kind and
    /// participants (`Phone call: Donald Trump and Vladimir Putin`), for
    /// a line that refers to the event without repeating its title.
    fn event_label(&self, r: &Ref<Events>) -> String;
    /// The title of the event `r` names.
    fn event_title(&self, r: &Ref<Events>) -> String;
    /// The name of the issue `r` names.
    fn issue_name(&self, r: &Ref<Issues>) -> String;
    /// The source `r` names, with its number.
    fn source(&self, r: &Ref<Sources>) -> Cite;
    /// The statement `r` names: its speakers' names joined (`Russia and
    /// Ukraine`), if it has any, its text, and the short reference other
    /// sections link to it by (`Russia, maintains, on the land`).
    fn statement(&self, r: &Ref<Statements>) -> (Option<String>, String, String);
    /// What a reader calls the item `r` names: its name, title, text or
    /// wording.
    fn label_of(&self, r: &Ref<AnyItem>) -> String;
    /// The figure `r` names, as a link: its display and attribution.
    fn figure_link(&self, r: &Ref<Figures>) -> FigureLink;
    /// The speaker `by` names, with the first post they hold.
    fn speaker(&self, by: &Ref<Actors>) -> SpeakerView;
    /// An item's evidence, each passage with its source and a link to it;
    /// `cited` are the item's sources.
    fn evidence(&self, evidence: &Evidence, cited: &[Ref<Sources>]) -> Vec<EvidenceView>;
    /// A link straight to the words of the quote written at `at` in its
    /// source's page (a Text Fragment), when grounding found the quote in
    /// the text of a source with a web address.
    fn quote_link(&self, at: Pos) -> Option<String>;

    /// The sources `rs` name, numbered, in number order, each once.
    fn cites(&self, rs: &[Ref<Sources>]) -> Vec<Cite> {
        let mut out: Vec<Cite> = rs.iter().map(|r| self.source(r)).collect();
        out.sort_by_key(|c| c.n);
        out.dedup_by_key(|c| c.n);
        out
    }
}
