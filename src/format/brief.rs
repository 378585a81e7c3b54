//! The brief itself: its own details (id, title, dates, prose) and its
//! sections; and the registry, a shared file of items briefs import.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::actor::Actor;
use super::agreement::Agreement;
use super::change::{Item, Sig, date, field, plain, text};
use super::checker::Checker;
use super::date_spec::{DateSpec, DateView, date_view};
use super::event::Event;
use super::figure::Figure;
use super::gap::Gap;
use super::handle::Handle;
use super::identified::Identified;
use super::issue::Issue;
use super::judgment::Judgment;
use super::key_point::KeyPoint;
use super::kind::Kind;
use super::place::Place;
use super::reference::RefVisitor;
use super::source::Source;
use super::statement::Statement;
use super::text::opt;
use super::verify::VerifySettings;
use crate::diagnostic::Diagnostic;
use crate::pos::{Items, Located};

/// The newest version of the format, the one `brief migrate` writes.
pub const FORMAT: u32 = 2;

/// A whole brief: one story, its facts, and where they came from.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Brief {
    /// Stable identifier of the brief, e.g. `us-russia-talks-2025-02`.
    // Not checked against the id syntax (see `docs/format.md`), so the
    // JSON Schema describes it as plain text, not as an id.
    #[schemars(with = "String")]
    pub id: Located<String>,
    /// The version of the format the brief is written in: `2` for this
    /// one. Absent means `1`, the first format, which still reads; `brief
    /// migrate` rewrites a brief as format 2.
    #[serde(default)]
    #[schemars(with = "Option<u32>", range(min = 1, max = 2))]
    pub format: Option<Located<u32>>,
    /// Headline of the briefing.
    pub title: String,
    /// The language the brief's own text is written in, as a BCP 47 tag
    /// (`en`, `fr`, `uk`, `pt-BR`); `en` when absent. The briefing marks
    /// the author's text with it when it differs from the language of the
    /// output; the text itself is never translated.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub lang: Option<Located<String>>,
    /// Place the story was filed from, as stated (e.g. `Moscow`).
    #[serde(default)]
    pub dateline: Option<String>,
    /// Publication date of the underlying reporting. Omit or set to `~`
    /// when the source does not give one; write a partial date when only
    /// part is known.
    #[serde(default)]
    pub published: Option<DateSpec>,
    /// Date the facts in this brief are current as of, when it differs
    /// from the publication date or the publication date is unknown.
    #[serde(default)]
    pub as_of: Option<DateSpec>,
    /// Shared files of actors, sources, places and issues (registries)
    /// this brief uses, as paths relative to this file (e.g.
    /// `_shared/actors.yaml`). Their ids resolve like the brief's own; only
    /// the items the brief refers to appear in the briefing.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub imports: Vec<Located<String>>,
    /// Marks a brief whose content is invented for training or testing.
    /// Rendered as a prominent label on every output.
    #[serde(default)]
    pub fictional: bool,
    /// Bottom line up front: the few points a reader must take away,
    /// most important first.
    #[serde(default)]
    pub key_points: Items<KeyPoint>,
    /// Context a reader needs, as Markdown prose.
    #[serde(default)]
    pub background: Option<String>,
    /// What to watch next, as Markdown prose.
    #[serde(default)]
    pub outlook: Option<String>,
    /// Where the facts came from. Every fact cites these by id.
    #[serde(default)]
    pub sources: Items<Source>,
    /// People, states, organisations and groups in the story.
    #[serde(default)]
    pub actors: Items<Actor>,
    /// Places referred to by events and figures.
    #[serde(default)]
    pub places: Items<Place>,
    /// Issues that positions and statements are about.
    #[serde(default)]
    pub issues: Items<Issue>,
    /// Meetings, calls and other events, held or planned.
    #[serde(default)]
    pub events: Items<Event>,
    /// Agreements and proposals: truces, ceasefires, deals, treaties,
    /// resolutions, agreed or only proposed.
    #[serde(default)]
    pub agreements: Items<Agreement>,
    /// Who said, claimed, demanded or believed what.
    #[serde(default)]
    pub statements: Items<Statement>,
    /// Territorial and other figures with their qualifiers.
    #[serde(default)]
    pub figures: Items<Figure>,
    /// The analyst's own judgments, kept apart from what sources report.
    #[serde(default)]
    pub judgments: Items<Judgment>,
    /// What the sources leave unclear or unstated.
    #[serde(default)]
    pub gaps: Items<Gap>,
    /// Settings for `brief verify`: the words of the sources' texts that
    /// need no item.
    #[serde(default)]
    pub verify: Option<VerifySettings>,
}

impl Brief {
    /// Hands every reference in the brief to `v`, section by section.
    /// Spelled out in full, so that a new section must say where its
    /// references are.
    pub(crate) fn visit_refs(&mut self, v: &mut impl RefVisitor) {
        let Brief {
            id: _,
            format: _,
            title: _,
            lang: _,
            dateline: _,
            published,
            as_of,
            imports: _,
            fictional: _,
            key_points,
            background: _,
            outlook: _,
            sources,
            actors,
            places,
            issues,
            events,
            agreements,
            statements,
            figures,
            judgments,
            gaps,
            verify: _,
        } = self;
        for d in [published, as_of].into_iter().flatten() {
            d.visit_refs(v);
        }
        key_points.0.iter_mut().for_each(|x| x.visit_refs(v));
        sources.0.iter_mut().for_each(|x| x.visit_refs(v));
        actors.0.iter_mut().for_each(|x| x.visit_refs(v));
        places.0.iter_mut().for_each(|x| x.visit_refs(v));
        issues.0.iter_mut().for_each(|x| x.visit_refs(v));
        events.0.iter_mut().for_each(|x| x.visit_refs(v));
        agreements.0.iter_mut().for_each(|x| x.visit_refs(v));
        statements.0.iter_mut().for_each(|x| x.visit_refs(v));
        figures.0.iter_mut().for_each(|x| x.visit_refs(v));
        judgments.0.iter_mut().for_each(|x| x.visit_refs(v));
        gaps.0.iter_mut().for_each(|x| x.visit_refs(v));
    }
}

/// A shared file that briefs import: actors, sources, places and issues
/// defined once for many briefs. It holds no story of its own.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Registry {
    /// Other shared files this one builds on, as paths relative to it.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub imports: Vec<Located<String>>,
    /// Sources, as in a brief.
    #[serde(default)]
    pub sources: Items<Source>,
    /// Actors, as in a brief.
    #[serde(default)]
    pub actors: Items<Actor>,
    /// Places, as in a brief.
    #[serde(default)]
    pub places: Items<Place>,
    /// Issues, as in a brief.
    #[serde(default)]
    pub issues: Items<Issue>,
}

/// One item with an id, as id collection and renaming see it.
pub(crate) struct IdItem<'a> {
    /// Its section and index there.
    pub handle: Handle,
    /// Its id.
    pub id: &'a Located<String>,
    /// The ids it had before.
    pub supersedes: &'a [Located<String>],
}

impl Brief {
    /// Checks the brief's own details: a title, and its dates.
    pub(crate) fn check_details(&self, c: &mut impl Checker) {
        if let Some(f) = &self.format
            && !(1..=FORMAT).contains(&f.value)
        {
            let (message, help) = if f.value > FORMAT {
                (
                    format!(
                        "this brief is written in format {}, which needs a newer brief",
                        f.value
                    ),
                    "upgrade brief to a version that reads it".to_string(),
                )
            } else {
                (
                    format!("there is no format {}", f.value),
                    format!("write `format: {FORMAT}`, or leave `format` out for format 1"),
                )
            };
            c.push(
                Diagnostic::error("unsupported-format", f.pos, message)
                    .with_label(format!(
                        "this version of brief reads formats 1 and {FORMAT}"
                    ))
                    .with_help(help),
            );
        }
        c.not_blank(&self.title, self.id.pos, "the title");
        if let Some(lang) = &self.lang {
            check_lang(lang, c);
        }
        for d in [&self.published, &self.as_of].into_iter().flatten() {
            d.check(c);
        }
    }

    /// Every item with an id, section by section (sources, actors, places,
    /// issues, events, statements, figures), each in its order.
    pub(crate) fn id_items(&self) -> Vec<IdItem<'_>> {
        // Spelled out in full so that a new section is a compile error
        // here until it says whether its items have ids.
        let Brief {
            id: _,
            format: _,
            title: _,
            lang: _,
            dateline: _,
            published: _,
            as_of: _,
            imports: _,
            fictional: _,
            key_points: _,
            background: _,
            outlook: _,
            sources,
            actors,
            places,
            issues,
            events,
            agreements,
            statements,
            figures,
            judgments: _,
            gaps: _,
            verify: _,
        } = self;
        let mut items = Vec::new();
        push_ids(&mut items, sources);
        push_ids(&mut items, actors);
        push_ids(&mut items, places);
        push_ids(&mut items, issues);
        push_ids(&mut items, events);
        push_ids(&mut items, agreements);
        push_ids(&mut items, statements);
        push_ids(&mut items, figures);
        items
    }
}

fn push_ids<'a, T: Identified>(items: &mut Vec<IdItem<'a>>, section: &'a Items<T>) {
    items.extend(section.iter().enumerate().map(|(index, x)| IdItem {
        handle: T::handle(index),
        id: x.id(),
        supersedes: x.supersedes(),
    }));
}

/// Metadata and prose of the brief.
#[derive(Debug, Serialize, JsonSchema)]
pub struct BriefView {
    /// The brief's id.
    pub id: String,
    /// Headline.
    pub title: String,
    /// The language of the brief's own text: its `lang`, `en` when absent.
    pub lang: String,
    /// Place filed from, if given.
    pub dateline: Option<String>,
    /// Publication date, if anything is known of it.
    pub published: Option<DateView>,
    /// As-of date, if given.
    pub as_of: Option<DateView>,
    /// Whether the brief is a fictional exercise.
    pub fictional: bool,
    /// Background, as Markdown prose.
    pub background: Option<String>,
    /// Outlook, as Markdown prose.
    pub outlook: Option<String>,
}

/// A brief's `lang` must be a well-formed BCP 47 tag: browsers and
/// screen readers act on the `lang` attribute it becomes. Any language is
/// allowed, not only those `brief` writes briefings in.
fn check_lang(lang: &Located<String>, c: &mut impl Checker) {
    let tag = lang.value.trim();
    if tag.parse::<unic_langid::LanguageIdentifier>().is_ok() && !tag.is_empty() {
        return;
    }
    c.push(
        Diagnostic::error(
            "invalid-lang",
            lang.pos,
            format!("`{tag}` is not a language tag"),
        )
        .with_label("not a BCP 47 language tag")
        .with_help("write the language of the brief's text as a tag such as `en`, `fr`, `de`, `ru`, `uk` or `pt-BR`"),
    );
}

impl Brief {
    /// The language of the brief's own text, as its tag: `en` when not
    /// given.
    pub fn text_lang(&self) -> String {
        self.lang
            .as_ref()
            .map_or_else(|| "en".to_string(), |l| l.value.trim().to_string())
    }

    /// The view of the brief's own details.
    pub(crate) fn details_view(&self) -> BriefView {
        let b = self;
        BriefView {
            id: b.id.value.clone(),
            title: b.title.trim().to_string(),
            lang: b.text_lang(),
            dateline: opt(&b.dateline),
            published: b.published.as_ref().map(date_view),
            as_of: b.as_of.as_ref().map(date_view),
            fictional: b.fictional,
            background: opt(&b.background),
            outlook: opt(&b.outlook),
        }
    }
}

impl Brief {
    /// The brief's own details as `brief diff` compares them.
    pub(crate) fn change_item(&self, v: &BriefView) -> Item {
        let b = self;
        let mut item = Item::new(Kind::Brief, 0, None);
        item.label = v.title.clone();
        item.fields = vec![
            field("id", "Id", Sig::Detail, plain(&b.id.value)),
            field(
                "format",
                "Format",
                Sig::Detail,
                plain(&b.format.as_ref().map_or(1, |f| f.value).to_string()),
            ),
            field("title", "Title", Sig::Wording, plain(&b.title)),
            field("dateline", "Dateline", Sig::Detail, text(&b.dateline)),
            field("published", "Published", Sig::Detail, date(&b.published)),
            field("as_of", "As of", Sig::Detail, date(&b.as_of)),
            field(
                "fictional",
                "Fictional",
                Sig::Detail,
                plain(if b.fictional { "yes" } else { "no" }),
            ),
            field(
                "background",
                "Background",
                Sig::Wording,
                text(&b.background),
            ),
            field("outlook", "Outlook", Sig::Wording, text(&b.outlook)),
        ];
        item
    }
}
