//! The index pages (`index.md`, `index.html`): every brief, newest first,
//! and every actor with the briefs that mention them; rendered again only
//! when what they show, or how, changed.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::error::BuildError;
use super::fingerprint::{Settings, Stamp, outputs_untouched, stamps};
use super::options::BuildOptions;
use super::plan::{index_names, output_name};
use super::site::{Site, without_title};
use super::slug::tag_slugs;
use super::write::OutDir;
use crate::hash::Fingerprint;
use crate::render::{FrontMatter, Renderer};
use crate::render::{IndexActor, IndexBrief, IndexLink, IndexView};

/// What the index needs of a brief, kept in the build record so an
/// up-to-date brief need not be read again.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub(super) struct Entry {
    id: String,
    title: String,
    dateline: Option<String>,
    published: Option<String>,
    /// Earliest possible publication day, `YYYY-MM-DD`, for sorting.
    sort_date: Option<String>,
    key_point: Option<String>,
    fictional: bool,
    /// (id, name) of each actor.
    actors: Vec<(String, String)>,
}

impl Entry {
    /// The entry of a brief, from its model and its view.
    pub fn new(model: &crate::Model, view: &crate::View) -> Entry {
        Entry {
            id: view.brief.id.clone(),
            title: view.brief.title.clone(),
            dateline: view.brief.dateline.clone(),
            published: view.brief.published.as_ref().map(|d| d.text.clone()),
            sort_date: model
                .brief()
                .published
                .as_ref()
                .and_then(|d| d.value.as_ref())
                .and_then(|v| v.earliest())
                .map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
            key_point: view.key_points.first().map(|k| k.text.clone()),
            fictional: view.brief.fictional,
            actors: view
                .actors
                .iter()
                .map(|a| (a.id.clone(), a.name.clone()))
                .collect(),
        }
    }

    /// The entry of a brief that has errors, listed by its path so that
    /// a preview can link to its diagnostics.
    pub fn broken(rel: &str) -> Entry {
        Entry {
            id: rel.to_string(),
            title: rel.to_string(),
            dateline: None,
            published: None,
            sort_date: None,
            key_point: Some("This brief has errors: open it to see them.".to_string()),
            fictional: false,
            actors: Vec::new(),
        }
    }

    /// Feeds everything the index shows of this entry (listed under
    /// `key`) into `h`, each text preceded by its length so that no two
    /// different entries feed the same bytes.
    fn fingerprint_into(&self, key: &str, h: &mut Fingerprint) {
        // Every field, so that a new one cannot be forgotten here.
        let Entry {
            id,
            title,
            dateline,
            published,
            sort_date,
            key_point,
            fictional,
            actors,
        } = self;
        let mut text = |t: Option<&str>| match t {
            Some(t) => {
                h.write(&(t.len() as u64 + 1).to_le_bytes());
                h.write(t.as_bytes());
            }
            None => h.write(&0u64.to_le_bytes()),
        };
        text(Some(key));
        text(Some(id));
        text(Some(title));
        text(dateline.as_deref());
        text(published.as_deref());
        text(sort_date.as_deref());
        text(key_point.as_deref());
        text(Some(if *fictional { "fictional" } else { "" }));
        text(Some(&actors.len().to_string()));
        for (id, name) in actors {
            text(Some(id));
            text(Some(name));
        }
    }
}

/// The index pages as written.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct IndexRecord {
    /// What decided them: the settings and every entry.
    pub fingerprint: u64,
    /// Their names, one per format.
    pub outputs: Vec<String>,
    /// Each page's stamp as written.
    pub stamps: Vec<Option<Stamp>>,
}

/// The index pages of a build: kept as they are, or rendered again.
pub(super) enum IndexPages {
    /// What they show and how are as when they were written, and they are
    /// untouched since: their record is kept.
    Current(IndexRecord),
    /// Rendered anew: (name, text) of each page, and the fingerprint to
    /// record once they are written.
    Rendered {
        /// Each page's name and text.
        files: Vec<(String, String)>,
        /// What decided them.
        fingerprint: u64,
    },
}

impl IndexPages {
    /// The index pages of `entries` ((source path, entry), in path order).
    pub fn new(
        entries: &[(String, Entry)],
        last: Option<&IndexRecord>,
        settings: &Settings,
        renderer: &Renderer,
        options: &BuildOptions,
        out: &Path,
    ) -> Result<IndexPages, BuildError> {
        let site = options
            .site()
            .map(|(site, kind)| SitePages::new(entries, site, kind, options.lang));
        let names = match &site {
            Some(pages) => pages.names(),
            None => index_names(options),
        };
        let fingerprint = {
            let mut h = settings.start();
            for (key, entry) in entries {
                entry.fingerprint_into(key, &mut h);
            }
            h.finish()
        };
        if !options.force
            && !options.check
            && let Some(last) = last
            && last.fingerprint == fingerprint
            && last.outputs == names
            && outputs_untouched(out, &last.outputs, &last.stamps)
        {
            return Ok(IndexPages::Current(last.clone()));
        }
        let files = match site {
            Some(pages) => pages.render(renderer)?,
            None => {
                let mut files = Vec::with_capacity(names.len());
                for (format, name) in options.formats.iter().zip(names) {
                    let link = |path: &str| link(&output_name(path, *format));
                    let text = renderer
                        .render_page(&name, &view(entries, &link, options.lang))
                        .map_err(BuildError::Index)?;
                    files.push((name, text));
                }
                files
            }
        };
        Ok(IndexPages::Rendered { files, fingerprint })
    }

    /// Writes the pages rendered anew (adding their names to `written`
    /// when their content changed); the record of the pages.
    pub fn write(
        self,
        out_dir: &OutDir,
        written: &mut Vec<PathBuf>,
    ) -> Result<IndexRecord, BuildError> {
        let (files, fingerprint) = match self {
            IndexPages::Current(kept) => return Ok(kept),
            IndexPages::Rendered { files, fingerprint } => (files, fingerprint),
        };
        let mut outputs = Vec::with_capacity(files.len());
        for (name, text) in files {
            if out_dir.write_if_changed(&name, &text)? {
                written.push(PathBuf::from(&name));
            }
            outputs.push(name);
        }
        Ok(IndexRecord {
            fingerprint,
            stamps: stamps(out_dir.path(), &outputs),
            outputs,
        })
    }

    /// The pages to write (none when current).
    pub fn files(&self) -> &[(String, String)] {
        match self {
            IndexPages::Current(_) => &[],
            IndexPages::Rendered { files, .. } => files,
        }
    }
}

/// A relative path made safe as a link: everything but unreserved
/// characters and `/` is percent-encoded.
pub(super) fn link(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The pages of a site's section: its own page (the index), the page of
/// the tag directory, and a page per tag (each actor) listing its
/// briefings.
struct SitePages<'a> {
    site: Site,
    kind: FrontMatter,
    entries: &'a [(String, Entry)],
    /// The index, with each actor's tag page.
    index: IndexView,
    /// Each actor's slug, by id.
    slugs: BTreeMap<String, String>,
}

impl<'a> SitePages<'a> {
    fn new(
        entries: &'a [(String, Entry)],
        site: Site,
        kind: FrontMatter,
        lang: crate::i18n::Lang,
    ) -> Self {
        let link = |path: &str| site.page_link(path);
        let mut index = view(entries, &link, lang);
        let slugs = tag_slugs(
            index
                .actors
                .iter()
                .map(|a| (a.id.as_str(), a.name.as_str())),
        );
        for actor in &mut index.actors {
            actor.page = slugs.get(&actor.id).map(|slug| site.tag_link(slug));
        }
        SitePages {
            site,
            kind,
            entries,
            index,
            slugs,
        }
    }

    /// Every page's name, in the order [`SitePages::render`] writes them.
    fn names(&self) -> Vec<String> {
        let mut names = vec![self.site.section_file().to_owned()];
        names.extend(self.site.tags_dir_page(self.kind).map(|(name, _)| name));
        for actor in &self.index.actors {
            names.push(self.site.tag_file(&self.slugs[&actor.id]));
        }
        names
    }

    /// Every page: front matter, then the `index.md` template's page
    /// without its title, which the front matter carries.
    fn render(self, renderer: &Renderer) -> Result<Vec<(String, String)>, BuildError> {
        let site = self.site;
        let page = |title: &str, view: &IndexView| -> Result<String, BuildError> {
            let body = renderer
                .render_page("index.md", view)
                .map_err(BuildError::Index)?;
            let mut text = site.section_front_matter(self.kind, title) + without_title(&body);
            if !text.ends_with('\n') {
                text.push('\n');
            }
            Ok(text)
        };
        let mut files = vec![(
            site.section_file().to_owned(),
            page("Briefings", &self.index)?,
        )];
        files.extend(site.tags_dir_page(self.kind));
        for actor in &self.index.actors {
            // Tag pages are two levels below the section's page.
            let link = |path: &str| format!("../../{}", site.page_link(path));
            let tagged: Vec<(String, Entry)> = self
                .entries
                .iter()
                .filter(|(_, e)| e.actors.iter().any(|(id, _)| *id == actor.id))
                .cloned()
                .collect();
            let mut view = view(&tagged, &link, self.index.lang);
            view.actors.clear();
            let name = site.tag_file(&self.slugs[&actor.id]);
            files.push((name, page(&actor.name, &view)?));
        }
        Ok(files)
    }
}

/// The index of `entries`, each brief linked by `link` (of its source
/// path).
pub(super) fn view(
    entries: &[(String, Entry)],
    link: &dyn Fn(&str) -> String,
    lang: crate::i18n::Lang,
) -> IndexView {
    let mut order: Vec<&(String, Entry)> = entries.iter().collect();
    // Newest first; undated last; then by path.
    order.sort_by(|a, b| match (&a.1.sort_date, &b.1.sort_date) {
        (Some(x), Some(y)) => y.cmp(x).then(a.0.cmp(&b.0)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.0.cmp(&b.0),
    });
    let briefs: Vec<IndexBrief> = order
        .iter()
        .map(|(path, e)| IndexBrief {
            id: e.id.clone(),
            title: e.title.clone(),
            dateline: e.dateline.clone(),
            published: e.published.clone(),
            key_point: e.key_point.clone(),
            fictional: e.fictional,
            link: link(path),
        })
        .collect();
    let mut actors: BTreeMap<String, IndexActor> = BTreeMap::new();
    for ((_, e), b) in order.iter().zip(&briefs) {
        for (id, name) in &e.actors {
            let actor = actors.entry(id.clone()).or_insert_with(|| IndexActor {
                id: id.clone(),
                name: name.clone(),
                page: None,
                briefs: Vec::new(),
            });
            actor.briefs.push(IndexLink {
                title: b.title.clone(),
                link: b.link.clone(),
            });
        }
    }
    let mut actors: Vec<IndexActor> = actors.into_values().collect();
    actors.sort_by(|a, b| {
        a.name
            .to_lowercase()
            .cmp(&b.name.to_lowercase())
            .then(a.id.cmp(&b.id))
    });
    IndexView {
        lang,
        briefs,
        actors,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fingerprint(key: &str, e: &Entry) -> u64 {
        let mut h = Fingerprint::new();
        e.fingerprint_into(key, &mut h);
        h.finish()
    }

    #[test]
    fn every_field_the_index_shows_counts_in_its_fingerprint() {
        let base = Entry {
            id: "a".into(),
            title: "Talks".into(),
            dateline: Some("Riyadh".into()),
            published: Some("12 February 2025".into()),
            sort_date: Some("2025-02-12".into()),
            key_point: Some("They met.".into()),
            fictional: false,
            actors: vec![("us".into(), "United States".into())],
        };
        let mut seen = std::collections::HashSet::new();
        assert!(seen.insert(fingerprint("a.yaml", &base)));
        assert!(seen.insert(fingerprint("b.yaml", &base)));
        type Change = Box<dyn Fn(&mut Entry)>;
        let changes: Vec<Change> = vec![
            Box::new(|e| e.id = "b".into()),
            Box::new(|e| e.title = "Talk".into()),
            Box::new(|e| e.dateline = None),
            Box::new(|e| e.dateline = Some(String::new())),
            Box::new(|e| e.published = None),
            Box::new(|e| e.sort_date = Some("2025-02-13".into())),
            Box::new(|e| e.key_point = None),
            Box::new(|e| e.fictional = true),
            Box::new(|e| e.actors.clear()),
            Box::new(|e| e.actors[0].1 = "USA".into()),
            Box::new(|e| e.actors.push(("ru".into(), "Russia".into()))),
            // Text moved from one field to the next.
            Box::new(|e| {
                e.id = "aT".into();
                e.title = "alks".into();
            }),
        ];
        for (i, change) in changes.iter().enumerate() {
            let mut e = base.clone();
            change(&mut e);
            assert!(seen.insert(fingerprint("a.yaml", &e)), "change {i}");
        }
    }
}
