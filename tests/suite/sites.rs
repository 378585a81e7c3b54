//! `brief build --site`: the section of a Hugo, Zola or Jekyll site, its
//! front matter, tag pages and links; and (ignored, run by `.ci/run`) the
//! example sites built by the real Hugo and Jekyll.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use crate::common::{self, path_str, root, run, stderr, stdout, write};

/// A small valid brief: one key point (`fact`), one position per actor.
fn brief_yaml(
    id: &str,
    title: &str,
    published: &str,
    actors: &[(&str, &str)],
    fact: &str,
) -> String {
    let mut y = format!(
        "id: {id}\ntitle: \"{title}\"\npublished: {published}\nkey_points:\n  - text: \"{fact}\"\nactors:\n"
    );
    for (id, name) in actors {
        y.push_str(&format!(
            "  - id: {id}\n    name: \"{name}\"\n    kind: organisation\n"
        ));
    }
    y.push_str("statements:\n");
    for (id, _) in actors {
        y.push_str(&format!(
            "  - id: s-{id}\n    kind: position\n    by: {id}\n    text: Something.\n"
        ));
    }
    y
}

/// Three fictional briefs: one dated in the future, one in a folder with
/// a name a generator would rewrite, and actors whose names make the
/// same slug, contain `/` and are not in Latin letters.
fn site_sources() -> tempfile::TempDir {
    let dir = common::tempdir();
    write(
        &dir.path().join("talks.yaml"),
        &brief_yaml(
            "talks",
            "Harbour talks open in Velmar",
            "2025-02-18",
            &[("acdc", "AC/DC"), ("kyiv", "Київ")],
            "Delegates from Velmar and Ostria met at the harbour office.",
        ),
    );
    write(
        &dir.path().join("later.yaml"),
        &brief_yaml(
            "later",
            "Velmar plans a ferry census",
            "2999-01-01",
            &[("ac-dc2", "Ac Dc"), ("kyiv", "Київ")],
            "The census of ferries will start in the spring.",
        ),
    );
    write(
        &dir.path().join("europe/Vote_Count.yaml"),
        &brief_yaml(
            "vote-count",
            "Ostria counts the harbour vote",
            "2025-03",
            &[("acdc", "AC/DC")],
            "The count took three days.",
        ),
    );
    dir
}

/// `brief build SRC --out OUT ARGS…`.
fn build(src: &Path, out: &Path, args: &[&str]) -> std::process::Output {
    let mut all = vec!["build", path_str(src), "--out", path_str(out)];
    all.extend(args);
    run(&all)
}

/// Every file under `dir` (relative path with `/`, text), the build
/// record aside.
fn files(dir: &Path) -> BTreeMap<String, String> {
    common::files_under(dir)
        .into_iter()
        .map(|rel| rel.to_str().unwrap().replace('\\', "/"))
        .filter(|name| !name.starts_with('.'))
        .map(|name| {
            let text = fs::read_to_string(dir.join(&name)).unwrap();
            (name, text)
        })
        .collect()
}

/// The front matter of a page, fences included.
fn front_matter(page: &str) -> &str {
    let fence = &page[..4];
    let end = page[4..]
        .find(&format!("\n{fence}"))
        .expect("closing fence")
        + 4
        + 5;
    &page[..end]
}

/// The front matter's fields, parsed with a real parser.
fn fields(page: &str) -> serde_json::Value {
    let block = front_matter(page);
    let inner = &block[4..block.len() - 4];
    if block.starts_with("+++") {
        serde_json::to_value(
            toml::from_str::<toml::Table>(inner).unwrap_or_else(|e| panic!("{e}\n{inner}")),
        )
        .unwrap()
    } else {
        serde_saphyr::from_str(inner).unwrap_or_else(|e| panic!("{e}\n{inner}"))
    }
}

/// What one generator's section looks like: the index, the tag directory
/// page, one tag page and one briefing's front matter.
fn section_snapshot(
    built: &BTreeMap<String, String>,
    index: &str,
    tags: Option<&str>,
    tag: &str,
    page: &str,
) -> String {
    let mut s = format!("== {index}\n{}", built[index]);
    if let Some(tags) = tags {
        s.push_str(&format!("== {tags}\n{}", built[tags]));
    }
    s.push_str(&format!("== {tag}\n{}", built[tag]));
    s.push_str(&format!(
        "== {page} (front matter)\n{}",
        front_matter(&built[page])
    ));
    s
}

#[test]
fn hugo_gets_section_pages_pretty_links_and_tag_pages() {
    let src = site_sources();
    let out = common::tempdir();
    let o = build(src.path(), out.path(), &["--site", "hugo"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let built = files(out.path());
    let names: Vec<&str> = built.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        [
            "_index.md",
            "europe/Vote_Count.md",
            "later.md",
            "tags/_index.md",
            "tags/ac-dc-2/_index.md",
            "tags/ac-dc/_index.md",
            "tags/kiyiv/_index.md",
            "talks.md",
        ]
    );
    let index = &built["_index.md"];
    // Pretty URLs, relative to the section; never `talks.md`.
    assert!(index.contains("](talks/)"), "{index}");
    assert!(index.contains("](later/)"), "{index}");
    assert!(index.contains("](europe/vote-count/)"), "{index}");
    assert!(!index.contains(".md)"), "{index}");
    // Each actor's name kept, linked to a flat tag page.
    assert!(index.contains("[AC/DC](tags/ac-dc-2/)"), "{index}");
    assert!(index.contains("[Ac Dc](tags/ac-dc/)"), "{index}");
    assert!(index.contains("[Київ](tags/kiyiv/)"), "{index}");
    let kyiv = &built["tags/kiyiv/_index.md"];
    assert_eq!(fields(kyiv)["title"], "Київ");
    assert!(
        kyiv.contains("](../../talks/)") && kyiv.contains("](../../later/)"),
        "{kyiv}"
    );
    assert!(!kyiv.contains("Ostria counts"), "{kyiv}");

    let talks = fields(&built["talks.md"]);
    assert_eq!(talks["title"], "Harbour talks open in Velmar");
    assert_eq!(talks["slug"], "talks");
    assert_eq!(fields(&built["europe/Vote_Count.md"])["slug"], "vote-count");
    // Only an exact day is a date.
    assert!(fields(&built["europe/Vote_Count.md"]).get("date").is_none());
    insta::assert_snapshot!(
        "hugo_section",
        section_snapshot(
            &built,
            "_index.md",
            Some("tags/_index.md"),
            "tags/ac-dc-2/_index.md",
            "talks.md"
        )
    );
}

#[test]
fn the_title_is_left_to_the_front_matter() {
    let src = site_sources();
    for site in ["hugo", "zola", "jekyll"] {
        let out = common::tempdir();
        let o = build(src.path(), out.path(), &["--site", site]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        for (name, text) in files(out.path()) {
            let body = &text[front_matter(&text).len()..];
            assert!(
                !body.lines().any(|l| l.starts_with("# ")),
                "{site} {name}:\n{text}"
            );
        }
        let talks = fs::read_to_string(out.path().join("talks.md")).unwrap();
        assert!(
            talks.contains("\n\n**Published:** 18 February 2025"),
            "{talks}"
        );
    }
    // Without --site the briefing keeps its title.
    let out = common::tempdir();
    let o = build(src.path(), out.path(), &["--front-matter", "yaml"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let talks = fs::read_to_string(out.path().join("talks.md")).unwrap();
    assert!(
        talks.contains("---\n\n# Harbour talks open in Velmar\n"),
        "{talks}"
    );
}

#[test]
fn a_brief_dated_in_the_future_keeps_its_date_and_hugo_is_told_to_show_it() {
    let src = site_sources();
    for site in ["hugo", "zola", "jekyll"] {
        let out = common::tempdir();
        let o = build(src.path(), out.path(), &["--site", site]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let later = fs::read_to_string(out.path().join("later.md")).unwrap();
        let f = fields(&later);
        assert!(
            f["date"].to_string().contains("2999-01-01"),
            "{site}: {later}"
        );
        // Nothing that would hide it.
        for key in ["draft", "publishDate", "expiryDate", "published"] {
            assert!(f.get(key).is_none(), "{site}: {later}");
        }
        let index = fs::read_to_string(out.path().join(if site == "jekyll" {
            "index.md"
        } else {
            "_index.md"
        }))
        .unwrap();
        assert!(index.contains("Velmar plans a ferry census"), "{index}");
    }
    // Hugo leaves out pages dated after the build unless told: the
    // example site tells it.
    let config: toml::Table =
        toml::from_str(&fs::read_to_string(root().join("examples/sites/hugo/hugo.toml")).unwrap())
            .unwrap();
    assert_eq!(config["buildFuture"].as_bool(), Some(true));
}

#[test]
fn jekyll_gets_index_pages_with_a_layout_and_html_links() {
    let src = site_sources();
    let out = common::tempdir();
    let o = build(src.path(), out.path(), &["--site", "jekyll"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let built = files(out.path());
    let names: Vec<&str> = built.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        [
            "europe/Vote_Count.md",
            "index.md",
            "later.md",
            "tags/ac-dc-2/index.md",
            "tags/ac-dc/index.md",
            "tags/kiyiv/index.md",
            "talks.md",
        ]
    );
    let index = &built["index.md"];
    assert!(index.contains("](talks.html)"), "{index}");
    assert!(index.contains("](europe/Vote_Count.html)"), "{index}");
    assert!(index.contains("[AC/DC](tags/ac-dc-2/)"), "{index}");
    assert!(built["tags/kiyiv/index.md"].contains("](../../talks.html)"));
    for (name, text) in &built {
        assert_eq!(fields(text)["layout"], "page", "{name}");
    }
    insta::assert_snapshot!(
        "jekyll_section",
        section_snapshot(&built, "index.md", None, "tags/kiyiv/index.md", "talks.md")
    );
}

/// Page keys Zola accepts (its documentation's "Front matter" of pages).
const ZOLA_PAGE_KEYS: &[&str] = &[
    "title",
    "description",
    "date",
    "updated",
    "weight",
    "draft",
    "render",
    "slug",
    "path",
    "aliases",
    "authors",
    "in_search_index",
    "template",
    "taxonomies",
    "extra",
];

/// Section keys Zola accepts (its documentation's "Front matter" of
/// sections).
const ZOLA_SECTION_KEYS: &[&str] = &[
    "title",
    "description",
    "draft",
    "sort_by",
    "weight",
    "template",
    "page_template",
    "paginate_by",
    "paginate_path",
    "paginate_reversed",
    "insert_anchor_links",
    "in_search_index",
    "render",
    "redirect_to",
    "transparent",
    "aliases",
    "generate_feeds",
    "extra",
];

/// Whether Zola's slugify leaves `s` as it is: lowercase ASCII letters,
/// digits and single inner hyphens.
fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
}

/// Zola is not packaged here, so its output is held to the rules of its
/// documentation instead of a real build: TOML between `+++` lines, every
/// section a directory with `_index.md` (up to the section's root), only
/// the keys it knows for pages and sections, dates as TOML dates, and
/// pages served at the slug their front matter gives, which the index
/// links to.
#[test]
fn zola_output_follows_zolas_front_matter_and_section_rules() {
    let src = site_sources();
    let out = common::tempdir();
    let o = build(src.path(), out.path(), &["--site", "zola"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let built = files(out.path());
    let mut sections = BTreeSet::new();
    for (name, text) in &built {
        assert!(text.starts_with("+++\n"), "{name}");
        let block = front_matter(text);
        assert!(block.ends_with("\n+++\n"), "{name}");
        assert!(text[block.len()..].starts_with('\n'), "{name}");
        let table: toml::Table =
            toml::from_str(&block[4..block.len() - 5]).unwrap_or_else(|e| panic!("{name}: {e}"));
        let is_section = name.ends_with("/_index.md") || name == "_index.md";
        let allowed = if is_section {
            ZOLA_SECTION_KEYS
        } else {
            ZOLA_PAGE_KEYS
        };
        for key in table.keys() {
            assert!(
                allowed.contains(&key.as_str()),
                "{name}: `{key}` is not a Zola key"
            );
        }
        assert!(table["title"].is_str(), "{name}");
        if let Some(date) = table.get("date") {
            let date = date
                .as_datetime()
                .unwrap_or_else(|| panic!("{name}: a date, not {date}"));
            assert!(date.date.is_some(), "{name}");
        }
        if let Some(render) = table.get("render") {
            assert!(render.is_bool(), "{name}");
        }
        if is_section {
            sections.insert(name.rsplit_once('/').map_or("", |(dir, _)| dir).to_owned());
        } else {
            assert!(is_slug(table["slug"].as_str().unwrap()), "{name}");
        }
    }
    // Every tag page's directory and its parents are sections.
    for dir in sections.clone() {
        let mut d = dir.as_str();
        while let Some((parent, _)) = d.rsplit_once('/') {
            assert!(sections.contains(parent), "{dir} has no section above it");
            d = parent;
        }
        if !dir.is_empty() {
            assert!(sections.contains(""), "the root has no _index.md");
        }
    }
    // The index links each page at its slug, under its folder's slug.
    let index = &built["_index.md"];
    for (page, link) in [
        ("talks.md", "talks/"),
        ("europe/Vote_Count.md", "europe/vote-count/"),
    ] {
        let slug = fields(&built[page])["slug"].as_str().unwrap().to_owned();
        assert!(link.ends_with(&format!("{slug}/")), "{page}");
        assert!(index.contains(&format!("]({link})")), "{index}");
    }
    for link in index
        .split("](")
        .skip(1)
        .filter_map(|l| l.split(')').next())
    {
        assert!(
            link.split('/').filter(|p| !p.is_empty()).all(is_slug),
            "{link}"
        );
    }
    insta::assert_snapshot!(
        "zola_section",
        section_snapshot(
            &built,
            "_index.md",
            Some("tags/_index.md"),
            "tags/kiyiv/_index.md",
            "talks.md"
        )
    );
}

/// Plain `--front-matter toml`, for a Zola site that declares a `tags`
/// taxonomy: `taxonomies` is a map from taxonomy to a list of names, and
/// the date a TOML date.
#[test]
fn zola_taxonomies_are_a_map_of_lists() {
    let o = run(&[
        "render",
        "briefs/un-crimea-resolution-2014.yaml",
        "--front-matter",
        "toml",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let md = stdout(&o);
    let block = front_matter(&md);
    let table: toml::Table = toml::from_str(&block[4..block.len() - 5]).unwrap();
    for key in table.keys() {
        assert!(ZOLA_PAGE_KEYS.contains(&key.as_str()), "`{key}`");
    }
    let taxonomies = table["taxonomies"].as_table().expect("a map");
    for (name, terms) in taxonomies {
        let terms = terms.as_array().unwrap_or_else(|| panic!("{name}: a list"));
        assert!(terms.iter().all(toml::Value::is_str), "{name}");
    }
    let date = table["date"].as_datetime().unwrap();
    assert_eq!(date.to_string(), "2014-03-27");
}

#[test]
fn check_agrees_with_what_a_site_build_writes() {
    for site in ["hugo", "zola", "jekyll"] {
        let src = site_sources();
        let out = common::tempdir();
        let o = build(src.path(), out.path(), &["--site", site]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let o = build(src.path(), out.path(), &["--site", site, "--check"]);
        assert_eq!(o.status.code(), Some(0), "{site}: {}", stderr(&o));
        assert!(
            !stderr(&o).contains("stale") && !stderr(&o).contains("missing"),
            "{}",
            stderr(&o)
        );

        // A brief edited: its page and the pages that list it are stale;
        // an actor renamed: the slugs move, so an old tag page is extra and
        // a new one missing.
        let edit = |name: &str, from: &str, to: &str| {
            let path = src.path().join(name);
            let text = fs::read_to_string(&path).unwrap();
            fs::write(&path, text.replace(from, to)).unwrap();
        };
        edit("talks.yaml", "Harbour talks open", "Harbour talks close");
        edit("later.yaml", "\"Ac Dc\"", "\"AC-DC Ltd\"");
        let o = build(src.path(), out.path(), &["--site", site, "--check"]);
        assert_eq!(o.status.code(), Some(1), "{site}");
        let err = stderr(&o);
        let section = if site == "jekyll" {
            "index.md"
        } else {
            "_index.md"
        };
        let at = |name: &str| out.path().join(name).display().to_string();
        assert!(
            err.contains(&format!("stale: {}\n", at("talks.md"))),
            "{site}: {err}"
        );
        assert!(
            err.contains(&format!("stale: {}\n", at(section))),
            "{site}: {err}"
        );
        assert!(
            err.contains(&format!(
                "missing: {}\n",
                at(&format!("tags/ac-dc-ltd/{section}"))
            )),
            "{site}: {err}"
        );
        assert!(
            err.contains(&format!(
                "obsolete: {}\n",
                at(&format!("tags/ac-dc-2/{section}"))
            )),
            "{site}: {err}"
        );

        // Built again: the old tag page is removed, and the check passes.
        let o = build(src.path(), out.path(), &["--site", site]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert!(
            !out.path().join("tags/ac-dc-2").join(section).exists(),
            "{site}"
        );
        let o = build(src.path(), out.path(), &["--site", site, "--check"]);
        assert_eq!(o.status.code(), Some(0), "{site}: {}", stderr(&o));
    }
}

#[test]
fn site_flags_that_do_not_go_together_are_refused() {
    let src = site_sources();
    let out = common::tempdir();
    for (args, message) in [
        (
            vec!["--site", "zola", "--front-matter", "yaml"],
            "error: Zola does not read yaml front matter\n\nhelp: leave out `--front-matter`: `--site zola` writes toml\n",
        ),
        (
            vec!["--site", "jekyll", "--front-matter", "toml"],
            "error: Jekyll does not read toml front matter\n\nhelp: leave out `--front-matter`: `--site jekyll` writes yaml\n",
        ),
        (
            vec!["--site", "hugo", "-f", "md,html"],
            "error: --site hugo writes Markdown pages only; Hugo turns them into HTML\n\nhelp: leave out `--format`, or build the other formats into another directory\n",
        ),
    ] {
        let o = build(src.path(), out.path(), &args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert_eq!(stderr(&o), message, "{args:?}");
    }
    // Hugo reads TOML too.
    let o = build(
        src.path(),
        out.path(),
        &["--site", "hugo", "--front-matter", "toml"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let index = fs::read_to_string(out.path().join("_index.md")).unwrap();
    assert!(
        index.starts_with("+++\ntitle = \"Briefings\"\n+++\n"),
        "{index}"
    );
    let tags = fs::read_to_string(out.path().join("tags/_index.md")).unwrap();
    assert_eq!(fields(&tags)["_build"]["render"], "never");
}

#[test]
fn a_brief_that_would_take_a_site_page_fails_and_the_rest_are_built() {
    let src = site_sources();
    let fact = "Something was said.";
    write(
        &src.path().join("tags/first.yaml"),
        &brief_yaml("first", "First", "2025-01-01", &[("a", "A")], fact),
    );
    write(
        &src.path().join("europe/index.yaml"),
        &brief_yaml("bundle", "Bundle", "2025-01-01", &[("a", "A")], fact),
    );
    let out = common::tempdir();
    let o = build(src.path(), out.path(), &["--site", "hugo"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    for name in ["tags/first.md", "europe/index.md"] {
        assert!(
            err.contains(&format!("its output `{name}` would overwrite that of the site's section and tag pages; rename one")),
            "{err}"
        );
    }
    assert!(out.path().join("talks.md").is_file());
    assert!(!out.path().join("europe/index.md").exists());
}

/// Outside tools: the real Hugo and Jekyll build the example sites.
mod end_to_end {
    use super::*;

    /// The brief of each shipped briefing: (file stem, title, first key
    /// point, actor ids).
    fn shipped() -> Vec<(String, String, String, Vec<String>)> {
        common::shipped_briefs()
            .into_iter()
            .map(|path| {
                let checked = brief::check_file(&path, None, &brief::Limits::default()).unwrap();
                let view = brief::resolve::resolve(checked.model.as_ref().unwrap());
                (
                    path.file_stem().unwrap().to_str().unwrap().to_owned(),
                    view.brief.title.clone(),
                    view.key_points[0].text.clone(),
                    view.actors.iter().map(|a| a.id.clone()).collect(),
                )
            })
            .collect()
    }

    /// Text as compared: letters and digits only, lowercased, entities
    /// dropped, so typographic quotes and escaping do not count.
    fn letters(text: &str) -> String {
        let text = common::html_text(text);
        let mut out = String::new();
        let mut rest = text.as_str();
        while let Some(amp) = rest.find('&') {
            out.push_str(&rest[..amp]);
            rest = &rest[amp..];
            match rest.find(';').filter(|i| *i < 10) {
                Some(end) => rest = &rest[end + 1..],
                None => {
                    out.push('&');
                    rest = &rest[1..];
                }
            }
        }
        out.push_str(rest);
        out.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    }

    fn shows(page: &Path, text: &str) -> bool {
        let html = fs::read_to_string(page).unwrap_or_else(|e| panic!("{}: {e}", page.display()));
        letters(&html).contains(&letters(text))
    }

    /// The example site copied to a temporary directory, without what a
    /// local build left in it.
    fn example(name: &str) -> tempfile::TempDir {
        let dir = common::tempdir();
        let from = root().join("examples/sites").join(name);
        for rel in common::files_under(&from) {
            write(
                &dir.path().join(&rel),
                &fs::read_to_string(from.join(&rel)).unwrap(),
            );
        }
        for generated in [
            "content/briefs",
            "public",
            "briefs",
            "_site",
            ".jekyll-cache",
        ] {
            let _ = fs::remove_dir_all(dir.path().join(generated));
        }
        dir
    }

    /// The `href`s of a page.
    fn links(html: &str) -> Vec<String> {
        html.split("href=\"")
            .skip(1)
            .filter_map(|h| h.split('"').next())
            .map(str::to_owned)
            .collect()
    }

    /// Every link of the page at URL path `at` (such as `/briefs/`)
    /// leads to a page of the site in `public`.
    fn assert_links_resolve(public: &Path, at: &str) {
        let file = public.join(at.trim_start_matches('/')).join("index.html");
        let html = fs::read_to_string(&file).unwrap();
        let found = links(&html);
        assert!(found.len() > 3, "{html}");
        for link in found {
            let link = link.split('#').next().unwrap();
            if link.is_empty() || link.contains("://") {
                continue;
            }
            let mut path: Vec<&str> = if link.starts_with('/') {
                Vec::new()
            } else {
                at.split('/').filter(|p| !p.is_empty()).collect()
            };
            for part in link.split('/') {
                match part {
                    "" | "." => {}
                    ".." => {
                        path.pop();
                    }
                    p => path.push(p),
                }
            }
            let mut target = public.join(path.join("/"));
            if link.ends_with('/') || target.is_dir() {
                target = target.join("index.html");
            }
            assert!(
                target.is_file(),
                "{at} links to {link}, which is not {}",
                target.display()
            );
        }
    }

    /// Every briefing page shows its title and first key point; every
    /// tag page its actor's name and its briefings' titles; there is a
    /// tag page for every actor; the index's links all lead to pages.
    /// `link` is a briefing's link from the index (`story/`).
    fn assert_site(public: &Path, out: &Path, section_file: &str, link: &dyn Fn(&str) -> String) {
        let page_of = |link: &str| {
            let page = public.join("briefs").join(link);
            if link.ends_with('/') {
                page.join("index.html")
            } else {
                page
            }
        };
        let briefs = shipped();
        for (stem, title, fact, _) in &briefs {
            let page = page_of(&link(stem));
            assert!(shows(&page, title), "{} lacks its title", page.display());
            assert!(
                shows(&page, fact),
                "{} lacks its first key point",
                page.display()
            );
        }
        let actors: BTreeSet<&String> = briefs.iter().flat_map(|b| &b.3).collect();
        let tags: Vec<String> = common::entries(&out.join("tags"))
            .into_iter()
            .filter(|t| out.join("tags").join(t).is_dir())
            .collect();
        assert_eq!(tags.len(), actors.len(), "a tag page per actor");
        for tag in tags {
            let source =
                fs::read_to_string(out.join("tags").join(&tag).join(section_file)).unwrap();
            let name = fields(&source)["title"].as_str().unwrap().to_owned();
            let page = page_of(&format!("tags/{tag}/"));
            assert!(shows(&page, &name), "{} lacks {name}", page.display());
            let listed: Vec<&String> = briefs
                .iter()
                .filter(|b| source.contains(&format!("](../../{})", link(&b.0))))
                .map(|b| &b.1)
                .collect();
            assert!(!listed.is_empty(), "{tag} lists no briefing:\n{source}");
            for title in listed {
                assert!(shows(&page, title), "{} lacks {title}", page.display());
            }
        }
        assert_links_resolve(public, "/briefs/");
    }

    /// A tool: the variable `var` if set, else `name` on the PATH.
    fn tool(var: &str, name: &str) -> std::process::Command {
        std::process::Command::new(std::env::var_os(var).unwrap_or_else(|| name.into()))
    }

    fn run_tool(mut cmd: std::process::Command) {
        let o = cmd.output().unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
        let log = format!(
            "{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        );
        assert!(o.status.success(), "{cmd:?}:\n{log}");
        assert!(
            !log.contains("WARN") && !log.contains("Warning"),
            "{cmd:?}:\n{log}"
        );
    }

    #[test]
    #[ignore = "needs Hugo (HUGO or on the PATH); run by .ci/run"]
    fn hugo_builds_the_example_site_with_every_page() {
        let site = example("hugo");
        let out = site.path().join("content/briefs");
        let o = build(&root().join("briefs"), &out, &["--site", "hugo"]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let public = site.path().join("public");
        let mut hugo = tool("HUGO", "hugo");
        hugo.arg("--source")
            .arg(site.path())
            .arg("--destination")
            .arg(&public);
        run_tool(hugo);
        assert_site(&public, &out, "_index.md", &|stem| format!("{stem}/"));
    }

    #[test]
    #[ignore = "needs Jekyll (JEKYLL or on the PATH); run by .ci/run"]
    fn jekyll_builds_the_example_site_with_every_page() {
        let site = example("jekyll");
        let out = site.path().join("briefs");
        let o = build(&root().join("briefs"), &out, &["--site", "jekyll"]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let public = site.path().join("_site");
        let mut jekyll = tool("JEKYLL", "jekyll");
        jekyll
            .arg("build")
            .arg("--source")
            .arg(site.path())
            .arg("--destination")
            .arg(&public);
        run_tool(jekyll);
        assert_site(&public, &out, "index.md", &|stem| format!("{stem}.html"));
    }
}
