//! Site generators (`--site`): the pages Hugo, Zola and Jekyll expect in a
//! section of briefings, their front matter, and the URLs they serve each
//! page at, which the index and tag pages link to.

use std::fmt::Write as _;

use super::slug::slug;
use crate::render::{FrontMatter, quoted};
use crate::resolve::View;

/// A static-site generator a build writes a section for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Site {
    /// Hugo: `_index.md` section pages, pretty URLs (`story/`).
    Hugo,
    /// Zola: `_index.md` section pages in TOML, pretty URLs (`story/`).
    Zola,
    /// Jekyll: `index.md` pages with a layout, URLs ending in `.html`.
    Jekyll,
}

/// The directory, inside OUT, of the tag pages.
pub(super) const TAGS_DIR: &str = "tags";

impl Site {
    /// Every generator, in the order the command line lists them.
    pub const ALL: [Site; 3] = [Site::Hugo, Site::Zola, Site::Jekyll];

    /// Its name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Site::Hugo => "hugo",
            Site::Zola => "zola",
            Site::Jekyll => "jekyll",
        }
    }

    /// Its name in prose.
    pub fn title(self) -> &'static str {
        match self {
            Site::Hugo => "Hugo",
            Site::Zola => "Zola",
            Site::Jekyll => "Jekyll",
        }
    }

    /// The front matter it reads when none is asked for.
    pub fn default_front_matter(self) -> FrontMatter {
        match self {
            Site::Hugo | Site::Jekyll => FrontMatter::Yaml,
            Site::Zola => FrontMatter::Toml,
        }
    }

    /// Whether it reads front matter in this language: Hugo reads both,
    /// Zola TOML and Jekyll YAML only.
    pub fn reads(self, kind: FrontMatter) -> bool {
        match (self, kind) {
            (Site::Hugo, _)
            | (Site::Zola, FrontMatter::Toml)
            | (Site::Jekyll, FrontMatter::Yaml) => true,
            (Site::Zola, FrontMatter::Yaml) | (Site::Jekyll, FrontMatter::Toml) => false,
        }
    }

    /// The file of a section's own page in a directory.
    pub(super) fn section_file(self) -> &'static str {
        match self {
            Site::Hugo | Site::Zola => "_index.md",
            Site::Jekyll => "index.md",
        }
    }

    /// Whether an output of this name would take the place of a section
    /// page, or turn a Hugo section into a single page (`index.md`), or
    /// fall among the tag pages.
    pub(super) fn reserves(self, output: &str) -> bool {
        let file = output.rsplit('/').next().unwrap_or(output);
        output == format!("{TAGS_DIR}.md")
            || output.starts_with(&format!("{TAGS_DIR}/"))
            || file == "index.md"
            || file == "_index.md"
    }

    /// The URL of the briefing of the brief `rel` (`a/b.yaml`), relative
    /// to the section's own page and percent-encoded. Hugo and Zola serve
    /// `a/b/` (from the slug the front matter gives); Jekyll serves pages
    /// at their path with `.html`.
    pub(super) fn page_link(self, rel: &str) -> String {
        let stem = rel
            .strip_suffix(".yaml")
            .or_else(|| rel.strip_suffix(".yml"))
            .unwrap_or(rel);
        match self {
            Site::Hugo | Site::Zola => {
                let parts: Vec<String> = stem.split('/').map(page_slug).collect();
                format!("{}/", parts.join("/"))
            }
            Site::Jekyll => super::index::link(&format!("{stem}.html")),
        }
    }

    /// The URL of a tag's page, relative to the section's own page.
    pub(super) fn tag_link(self, slug: &str) -> String {
        format!("{TAGS_DIR}/{slug}/")
    }

    /// The file of a tag's page.
    pub(super) fn tag_file(self, slug: &str) -> String {
        format!("{TAGS_DIR}/{slug}/{}", self.section_file())
    }

    /// The front matter of a briefing: its title, the slug Hugo and Zola
    /// serve it at, its publication day when the brief states the exact
    /// day, its first key point as the description; Jekyll's layout.
    pub(super) fn briefing_front_matter(self, view: &View, kind: FrontMatter, rel: &str) -> String {
        let date = view
            .brief
            .published
            .as_ref()
            .filter(|d| d.exact)
            .and_then(|d| d.edtf.as_deref());
        let description = view.key_points.first().map(|k| k.text.as_str());
        let mut fields = Vec::new();
        if self == Site::Jekyll {
            fields.push(("layout", quoted("page")));
        }
        fields.push(("title", quoted(&view.brief.title)));
        if self != Site::Jekyll {
            let file = rel.rsplit('/').next().unwrap_or(rel);
            let stem = file
                .strip_suffix(".yaml")
                .or_else(|| file.strip_suffix(".yml"))
                .unwrap_or(file);
            fields.push(("slug", quoted(&page_slug(stem))));
        }
        if let Some(date) = date {
            fields.push(("date", date.to_owned()));
        }
        if let Some(d) = description {
            fields.push(("description", quoted(d)));
        }
        block(kind, &fields, None)
    }

    /// The front matter of a section page (the index, a tag page) titled
    /// `title`.
    pub(super) fn section_front_matter(self, kind: FrontMatter, title: &str) -> String {
        let mut fields = Vec::new();
        if self == Site::Jekyll {
            fields.push(("layout", quoted("page")));
        }
        fields.push(("title", quoted(title)));
        block(kind, &fields, None)
    }

    /// The page of the tag directory, which Hugo and Zola need for the
    /// tag pages to be sections of their own, and which they do not
    /// publish; Jekyll needs none.
    pub(super) fn tags_dir_page(self, kind: FrontMatter) -> Option<(String, String)> {
        let hidden = match (self, kind) {
            (Site::Hugo, FrontMatter::Yaml) => "_build:\n  render: never\n  list: never\n",
            // A table comes after every plain key.
            (Site::Hugo, FrontMatter::Toml) => "[_build]\nrender = \"never\"\nlist = \"never\"\n",
            (Site::Zola, _) => "render = false\n",
            (Site::Jekyll, _) => return None,
        };
        let text = block(kind, &[("title", quoted("Tags"))], Some(hidden));
        Some((format!("{TAGS_DIR}/{}", self.section_file()), text))
    }
}

/// A file name's stem as Hugo and Zola serve it: a slug, or the name
/// percent-encoded when nothing of it is a letter or digit.
fn page_slug(stem: &str) -> String {
    let s = slug(stem);
    if s.is_empty() {
        super::index::link(stem)
    } else {
        s
    }
}

/// A front-matter block of `fields` (key, value already written in the
/// language), then `extra` lines, already in the language; quoted strings
/// and dates are written the same in YAML and TOML.
fn block(kind: FrontMatter, fields: &[(&str, String)], extra: Option<&str>) -> String {
    let (fence, sep) = match kind {
        FrontMatter::Yaml => ("---", ": "),
        FrontMatter::Toml => ("+++", " = "),
    };
    let mut out = format!("{fence}\n");
    for (key, value) in fields {
        let _ = writeln!(out, "{key}{sep}{value}");
    }
    if let Some(extra) = extra {
        out.push_str(extra);
    }
    let _ = write!(out, "{fence}\n\n");
    out
}

/// The Markdown of a page without its first line when that line is a
/// level-1 heading (the title, which the front matter carries and a
/// site's layout prints), and without the blank lines after it.
pub(super) fn without_title(markdown: &str) -> &str {
    let Some(rest) = markdown.strip_prefix("# ") else {
        return markdown;
    };
    let after = rest.find('\n').map_or("", |i| &rest[i + 1..]);
    after.trim_start_matches('\n')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_linked_as_each_generator_serves_them() {
        assert_eq!(
            Site::Hugo.page_link("us-russia-talks.yaml"),
            "us-russia-talks/"
        );
        assert_eq!(
            Site::Zola.page_link("Europe/UN_Vote.yml"),
            "europe/un-vote/"
        );
        assert_eq!(
            Site::Jekyll.page_link("europe/un vote.yaml"),
            "europe/un%20vote.html"
        );
        assert_eq!(Site::Hugo.tag_link("united-states"), "tags/united-states/");
    }

    #[test]
    fn section_pages_tags_and_hugo_bundles_are_reserved() {
        for site in Site::ALL {
            assert!(site.reserves("tags.md"));
            assert!(site.reserves("tags/a.md"));
            assert!(site.reserves("a/index.md"));
            assert!(site.reserves("_index.md"));
            assert!(!site.reserves("tagsx.md"));
            assert!(!site.reserves("a/tags.md"));
        }
    }

    #[test]
    fn only_a_leading_level_one_heading_is_left_out() {
        assert_eq!(
            without_title("# Talks\n\n**Dateline:** x\n"),
            "**Dateline:** x\n"
        );
        assert_eq!(without_title("## Key points\n"), "## Key points\n");
        assert_eq!(without_title("#Talks\n"), "#Talks\n");
        assert_eq!(without_title("# Talks"), "");
    }

    #[test]
    fn the_tag_directory_page_is_never_published() {
        let (name, hugo) = Site::Hugo.tags_dir_page(FrontMatter::Yaml).unwrap();
        assert_eq!(name, "tags/_index.md");
        assert!(hugo.contains("_build:\n  render: never\n"));
        let (_, zola) = Site::Zola.tags_dir_page(FrontMatter::Toml).unwrap();
        assert_eq!(zola, "+++\ntitle = \"Tags\"\nrender = false\n+++\n\n");
        assert!(Site::Jekyll.tags_dir_page(FrontMatter::Yaml).is_none());
    }
}
