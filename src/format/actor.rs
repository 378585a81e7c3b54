//! Actors: the people, states, organisations and groups in the story,
//! with the posts they hold.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::change::{Item, Refs, Sig, Value, field, norm, plain, shown, strings, text};
use super::checker::Checker;
use super::handle::Handle;
use super::identified::Identified;
use super::kind::Kind;
use super::names::Cite;
use super::names::Names;
use super::reference::{Actors, Ref, RefVisitor, Sources};
use super::text::opt;
use crate::pos::Located;

/// A person, state, organisation or loose group.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    /// Identifier facts refer to this actor by.
    pub id: Located<String>,
    /// Earlier ids of this same item, when its id was renamed: `brief diff`
    /// then matches it with the item of that id in an older version, so
    /// its history stays linked. A superseded id cannot be used in this
    /// brief, neither as an id nor in a reference.
    #[serde(default)]
    pub supersedes: Vec<Located<String>>,
    /// Set by `brief draft` on an item it wrote: the item is still to be
    /// reviewed against its source. Each is a warning
    /// (`drafted-not-reviewed`); delete the line once the item is reviewed.
    #[serde(default)]
    #[schemars(with = "Option<bool>")]
    pub drafted: Option<Located<bool>>,
    /// Name as used in the briefing. For an unnamed person
    /// (`unnamed: true`), the description the source gives instead
    /// (`a senior U.S. official`).
    pub name: String,
    /// What kind of actor this is.
    pub kind: ActorKind,
    /// The source does not name this actor: `name` is a description
    /// (`a senior U.S. official`), and the briefing shows it as one,
    /// never as if it were a name.
    #[serde(default)]
    pub unnamed: bool,
    /// Other spellings and names (e.g. `Zelensky`, `Zelenskyy`).
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Posts the actor holds, as stated by the sources.
    #[serde(default)]
    pub roles: Vec<Role>,
    /// For groups: known members, as actor ids. A loose group such as
    /// "Ukraine's Western European allies" may leave this empty.
    #[serde(default)]
    pub members: Vec<Ref<Actors>>,
    /// One line of description, where the name alone is not enough.
    #[serde(default)]
    pub description: Option<String>,
}

/// Kinds of actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ActorKind {
    /// A named individual.
    Person,
    /// A state or its government.
    State,
    /// A formal organisation: ministry, alliance, company, agency.
    Organisation,
    /// A loose or unnamed group of people or states.
    Group,
    /// A document speaking for itself, such as a draft resolution or a
    /// communiqué: its name reads as the document (`the draft resolution`).
    Document,
}

/// A post held by a person: the office, in which state or organisation,
/// and the portfolio where stated.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Role {
    /// The office as stated (e.g. `Deputy Foreign Minister`).
    pub title: String,
    /// The state or organisation the office belongs to, as an actor id.
    #[serde(default)]
    pub of: Option<Ref<Actors>>,
    /// What the holder is responsible for, where stated
    /// (e.g. `U.S.-Russia relations`), as data.
    #[serde(default)]
    pub portfolio: Option<String>,
    /// The role as the source puts it, shown after the office instead of
    /// the bare portfolio (e.g. `responsible for U.S.-Russia relations`).
    #[serde(default)]
    pub stated: Option<String>,
    /// Sources stating this role.
    #[serde(default)]
    pub sources: Vec<Ref<Sources>>,
}

impl Actor {
    /// Hands each reference of the actor, and of its roles, to `v`.
    /// Spelled out in full, so that a new field must say whether it is a
    /// reference.
    pub(crate) fn visit_refs(&mut self, v: &mut impl RefVisitor) {
        let Actor {
            id: _,
            supersedes: _,
            drafted: _,
            name: _,
            kind: _,
            unnamed: _,
            aliases: _,
            roles,
            members,
            description: _,
        } = self;
        for role in roles {
            let Role {
                title: _,
                of,
                portfolio: _,
                stated: _,
                sources,
            } = role;
            v.visit_opt(of);
            v.visit_all(sources);
        }
        v.visit_all(members);
    }
}

impl Identified for Actor {
    fn handle(index: usize) -> Handle {
        Handle::Actor(index)
    }

    fn id(&self) -> &Located<String> {
        &self.id
    }

    fn supersedes(&self) -> &[Located<String>] {
        &self.supersedes
    }
}

impl Actor {
    /// Checks the name and the references of roles and members.
    pub(crate) fn check(&self, c: &mut impl Checker) {
        super::drafted::check(self.drafted.as_ref(), "actor", &self.id.value, c);
        c.not_blank(&self.name, self.id.pos, "the actor's name");
        for role in &self.roles {
            if let Some(stated) = &role.stated {
                c.not_blank(stated, self.id.pos, "the role as stated");
            }
            if let Some(of) = &role.of {
                c.reference(of);
            }
            c.references(&role.sources);
        }
        c.references(&self.members);
    }

    /// The ids this actor refers to: what an imported actor brings along.
    pub(crate) fn refers_to(&self) -> impl Iterator<Item = &str> {
        self.roles
            .iter()
            .flat_map(|role| {
                let of = role.of.iter().map(|r| r.as_str());
                of.chain(role.sources.iter().map(|r| r.as_str()))
            })
            .chain(self.members.iter().map(|r| r.as_str()))
    }
}

/// A person, state, organisation or group.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ActorView {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// `person`, `state`, `organisation`, `group` or `document`.
    #[schemars(with = "String")]
    pub kind: ActorKind,
    /// The kind in the briefing's language, to show.
    pub kind_text: String,
    /// Whether `name` is a description of an unnamed actor
    /// (`a senior U.S. official`) rather than a name.
    pub unnamed: bool,
    /// Other names.
    pub aliases: Vec<String>,
    /// Posts held.
    pub roles: Vec<RoleView>,
    /// The roles in one phrase, e.g. `Deputy Foreign Minister, Russia,
    /// responsible for U.S.-Russia relations`; empty when none.
    pub roles_text: String,
    /// Names of known members, for groups.
    pub members: Vec<String>,
    /// Description.
    pub description: Option<String>,
    /// The roles, description and members in one line, as the Actors
    /// section shows them after the name and kind; empty when there are
    /// none.
    pub details: String,
}

/// A post held by a person.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct RoleView {
    /// The office.
    pub title: String,
    /// Name of the state or organisation, if given.
    pub of: Option<String>,
    /// Portfolio, if stated.
    pub portfolio: Option<String>,
    /// The role as the source puts it, if given.
    pub stated: Option<String>,
    /// The role in one phrase: `Deputy Foreign Minister, Russia,
    /// responsible for U.S.-Russia relations` (the stated wording), or
    /// `Deputy Foreign Minister, Russia (U.S.-Russia relations)` (the
    /// portfolio, when there is no stated wording).
    pub text: String,
    /// Sources stating the role.
    pub cites: Vec<Cite>,
}

impl Role {
    /// The role's view.
    pub(crate) fn view(&self, l: &dyn Names) -> RoleView {
        let r = self;
        let of = r.of.as_ref().map(|o| l.actor_name(o));
        let mut text = r.title.trim().to_string();
        if let Some(of) = &of {
            text = format!("{text}, {of}");
        }
        let stated = opt(&r.stated);
        if let Some(st) = &stated {
            text = format!("{text}, {st}");
        } else if let Some(p) = opt(&r.portfolio) {
            text = format!("{text} ({p})");
        }
        RoleView {
            title: r.title.clone(),
            of,
            portfolio: opt(&r.portfolio),
            stated,
            text,
            cites: l.cites(&r.sources),
        }
    }
}

impl Actor {
    /// The actor's view.
    pub(crate) fn view(&self, l: &dyn Names) -> ActorView {
        let a = self;
        let roles: Vec<RoleView> = a.roles.iter().map(|r| r.view(l)).collect();
        let roles_text = roles
            .iter()
            .map(|r| r.text.as_str())
            .collect::<Vec<_>>()
            .join("; ");
        let members: Vec<String> = a.members.iter().map(|m| l.actor_name(m)).collect();
        let description = opt(&a.description);
        let mut details: Vec<String> = Vec::new();
        if !roles_text.is_empty() {
            details.push(end_sentence(&roles_text));
        }
        if let Some(d) = &description {
            details.push(end_sentence(d));
        }
        if !members.is_empty() {
            details.push(
                crate::i18n::words().msg("actor-members", &[("names", members.join(", ").into())]),
            );
        }
        ActorView {
            id: a.id.value.clone(),
            name: a.name.trim().to_string(),
            kind: a.kind,
            kind_text: a.kind.shown(),
            unnamed: a.unnamed,
            aliases: a.aliases.clone(),
            roles_text,
            roles,
            members,
            description,
            details: details.join(" "),
        }
    }
}

/// `s` ending in a full stop, unless it already ends a sentence.
fn end_sentence(s: &str) -> String {
    if s.ends_with(['.', '!', '?']) {
        s.to_string()
    } else {
        format!("{s}.")
    }
}

impl ActorKind {
    /// The kind in words: `person`, `state`, `organisation`, `group` or
    /// `document`.
    pub fn text(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::State => "state",
            ActorKind::Organisation => "organisation",
            ActorKind::Group => "group",
            ActorKind::Document => "document",
        }
    }

    /// The kind in the reader's language.
    pub fn shown(self) -> String {
        let key = match self {
            ActorKind::Person => "actor-person",
            ActorKind::State => "actor-state",
            ActorKind::Organisation => "actor-organisation",
            ActorKind::Group => "actor-group",
            ActorKind::Document => "actor-document",
        };
        crate::i18n::words().get(key)
    }
}

impl Actor {
    /// The actor as `brief diff` compares it; `i` is its place in its section.
    pub(crate) fn change_item(&self, i: usize, v: &ActorView, refs: &Refs) -> Item {
        let a = self;
        let mut item = Item::new(Kind::Actor, i, Some(&a.id));
        item.supersedes = a.supersedes.iter().map(|s| s.value.clone()).collect();
        item.label = v.name.clone();
        let mut d = v.kind.text().to_owned();
        if !v.roles_text.is_empty() {
            d = format!("{d}; {}", v.roles_text);
        }
        if let Some(desc) = &v.description {
            d = format!("{d}; {}", shown(desc));
        }
        item.description = Some(d);
        let roles = a
            .roles
            .iter()
            .zip(&v.roles)
            .map(|(r, rv)| {
                let key = format!(
                    "{}\u{1f}{:?}\u{1f}{:?}\u{1f}{:?}",
                    norm(&r.title),
                    r.of.as_ref().map(|o| refs.canon(&o.value)),
                    r.portfolio.as_deref().map(norm),
                    r.stated.as_deref().map(norm)
                );
                (key, rv.text.clone())
            })
            .collect();
        item.fields = vec![
            field("name", "Name", Sig::Wording, plain(&a.name)),
            field("kind", "Kind", Sig::Detail, plain(v.kind.text())),
            field(
                "unnamed",
                "Unnamed",
                Sig::Detail,
                Value::Text(a.unnamed.then(|| "yes".to_owned())),
            ),
            field("aliases", "Aliases", Sig::Wording, strings(&a.aliases)),
            field("roles", "Roles", Sig::Detail, Value::Set(roles)),
            field(
                "members",
                "Members",
                Sig::Detail,
                refs.refs(&a.members, &v.members),
            ),
            field(
                "description",
                "Description",
                Sig::Wording,
                text(&a.description),
            ),
        ];
        item
    }
}

impl Serialize for ActorKind {
    /// Templates see the kind in words, as [`ActorKind::text`] gives them.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.text())
    }
}
