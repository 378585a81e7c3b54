//! Looking items up once the brief is checked: what a section needs of
//! the rest of the brief to resolve its references into names.

use std::collections::HashMap;

use super::actor::SpeakerView;
use super::brief::Brief;
use super::figure::figure_display;
use super::handle::Handle;
use super::source::Cite;
use crate::pos::Located;

/// The checked brief, with the item each id names.
pub(crate) struct Lookup<'a> {
    /// The brief.
    pub(crate) b: &'a Brief,
    /// Every id, with the item it names.
    pub(crate) ids: &'a HashMap<String, Handle>,
}

impl Lookup<'_> {
    /// The index of the item `id` names in its section.
    pub(crate) fn index(&self, id: &str) -> usize {
        // Validation guarantees every reference resolves.
        self.ids[id].index()
    }

    /// The name of the actor `id` names.
    pub(crate) fn actor_name(&self, id: &str) -> String {
        self.b.actors[self.index(id)].name.clone()
    }

    /// The name of the place `id` names.
    pub(crate) fn place_name(&self, id: &str) -> String {
        self.b.places[self.index(id)].name.clone()
    }

    /// The sources `ids` name, numbered, in number order, each once.
    pub(crate) fn cites(&self, ids: &[Located<String>]) -> Vec<Cite> {
        let mut out: Vec<Cite> = ids
            .iter()
            .map(|r| {
                let i = self.index(&r.value);
                Cite {
                    n: i + 1,
                    id: r.value.clone(),
                    name: self.b.sources[i].name.clone(),
                }
            })
            .collect();
        out.sort_by_key(|c| c.n);
        out.dedup_by_key(|c| c.n);
        out
    }

    /// What a reader calls the item `id` names: its name, title, text
    /// or wording.
    pub(crate) fn label_of(&self, id: &str) -> String {
        let b = self.b;
        match self.ids[id] {
            Handle::Source(i) => b.sources[i].name.clone(),
            Handle::Actor(i) => b.actors[i].name.clone(),
            Handle::Place(i) => b.places[i].name.clone(),
            Handle::Issue(i) => b.issues[i].name.clone(),
            Handle::Event(i) => b.events[i].title.clone(),
            Handle::Statement(i) => b.statements[i].text.trim().to_string(),
            Handle::Figure(i) => {
                let f = &b.figures[i];
                f.stated.clone().unwrap_or_else(|| figure_display(f))
            }
        }
    }

    /// The speaker `by` names, with the first post they hold.
    pub(crate) fn speaker(&self, by: &Option<Located<String>>) -> Option<SpeakerView> {
        by.as_ref().map(|by| {
            let a = &self.b.actors[self.index(&by.value)];
            SpeakerView {
                name: a.name.trim().to_string(),
                role: a
                    .roles
                    .first()
                    .map(|r| match &r.of {
                        Some(of) => format!("{}, {}", r.title.trim(), self.actor_name(&of.value)),
                        None => r.title.trim().to_string(),
                    })
                    .unwrap_or_default(),
            }
        })
    }
}
