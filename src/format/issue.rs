//! Issues: what positions and statements are about.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::change::{Item, Sig, field, plain, shown, text};
use super::checker::Checker;
use super::handle::Handle;
use super::identified::Identified;
use super::kind::Kind;
use super::reference::RefVisitor;
use super::text::opt;
use crate::pos::Located;

/// An issue that statements take positions on.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Issue {
    /// Identifier statements refer to this issue by.
    pub id: Located<String>,
    /// Earlier ids of this same item, when its id was renamed: `brief diff`
    /// then matches it with the item of that id in an older version, so
    /// its history stays linked. A superseded id cannot be used in this
    /// brief, neither as an id nor in a reference.
    #[serde(default)]
    pub supersedes: Vec<Located<String>>,
    /// Short name of the issue (e.g. `Ukraine's NATO membership`).
    pub name: String,
    /// One line of description.
    #[serde(default)]
    pub description: Option<String>,
}

impl Issue {
    /// Hands each reference of the issue to `v`: it has none. Spelled
    /// out in full, so that a new field must say whether it is one.
    pub(crate) fn visit_refs(&mut self, _: &mut impl RefVisitor) {
        let Issue {
            id: _,
            supersedes: _,
            name: _,
            description: _,
        } = self;
    }
}

impl Identified for Issue {
    fn handle(index: usize) -> Handle {
        Handle::Issue(index)
    }

    fn id(&self) -> &Located<String> {
        &self.id
    }

    fn supersedes(&self) -> &[Located<String>] {
        &self.supersedes
    }
}

impl Issue {
    /// Checks the name.
    pub(crate) fn check(&self, c: &mut impl Checker) {
        c.not_blank(&self.name, self.id.pos, "the issue's name");
    }
}

/// An issue.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct IssueView {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Description.
    pub description: Option<String>,
}

impl Issue {
    /// The issue's view.
    pub(crate) fn view(&self) -> IssueView {
        IssueView {
            id: self.id.value.clone(),
            name: self.name.trim().to_string(),
            description: opt(&self.description),
        }
    }
}

impl Issue {
    /// The issue as `brief diff` compares it; `i` is its place in its section.
    pub(crate) fn change_item(&self, i: usize) -> Item {
        let x = self;
        let mut item = Item::new(Kind::Issue, i, Some(&x.id));
        item.supersedes = x.supersedes.iter().map(|s| s.value.clone()).collect();
        item.label = x.name.trim().to_owned();
        item.description = x
            .description
            .as_deref()
            .map(shown)
            .filter(|d| !d.is_empty());
        item.fields = vec![
            field("name", "Name", Sig::Wording, plain(&x.name)),
            field(
                "description",
                "Description",
                Sig::Wording,
                text(&x.description),
            ),
        ];
        item
    }
}
