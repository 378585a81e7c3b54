//! `brief mdbook`, the mdBook preprocessor: the real binary on the JSON
//! mdBook sends it, and (ignored unless mdBook is installed; run by
//! `.ci/run`) a real `mdbook build` of the book in
//! `tests/fixtures/mdbook/`.

use std::path::{Path, PathBuf};
use std::process::Output;

use mdbook_preprocessor::book::{Book, BookItem};
use serde_json::{Value, json};

use crate::common::{brief_in, root, run, stderr};

/// The fixture book; its chapters name `briefs/` of the package.
fn fixture_book() -> PathBuf {
    root().join("tests/fixtures/mdbook")
}

/// `brief mdbook ARGS`, from the book's root as mdBook runs it, with
/// `input` on standard input.
fn brief_mdbook(root: &Path, args: &[&str], input: &str) -> Output {
    brief_in(root)
        .arg("mdbook")
        .args(args)
        .write_stdin(input)
        .output()
        .expect("brief runs")
}

/// A chapter as mdBook 0.5 serializes `mdbook_core::book::Chapter`.
fn chapter(name: &str, file: &str, content: &str) -> Value {
    json!({"Chapter": {
        "name": name,
        "content": content,
        "number": [1],
        "sub_items": [],
        "path": file,
        "source_path": file,
        "parent_names": [],
    }})
}

/// The `[context, book]` pair mdBook writes on the preprocessor's
/// standard input (`PreprocessorContext`, then `Book`).
fn input(root: &Path, preprocessor: Value, items: Vec<Value>) -> String {
    let context = json!({
        "root": root,
        "config": {
            "book": {"title": "Briefings", "authors": [], "src": "src"},
            "preprocessor": {"brief": preprocessor},
        },
        "renderer": "html",
        "mdbook_version": mdbook_preprocessor::MDBOOK_VERSION,
    });
    json!([context, {"items": items}]).to_string()
}

/// The contents of the book's chapters, in order.
fn contents(book: &Book) -> Vec<String> {
    book.chapters().map(|c| c.content.clone()).collect()
}

#[test]
fn supports_every_renderer() {
    for renderer in ["html", "markdown", "epub", "anything"] {
        let out = brief_mdbook(&fixture_book(), &["supports", renderer], "");
        assert_eq!(out.status.code(), Some(0), "{renderer}: {}", stderr(&out));
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn expands_the_directives_of_a_book() {
    let seed = "../../../../briefs/us-russia-talks.yaml";
    let items = vec![
        chapter("Talks", "talks.md", &format!("{{{{#brief {seed}}}}}\n")),
        json!("Separator"),
        json!({"PartTitle": "Details"}),
        chapter(
            "Territory",
            "territory.md",
            &format!(
                "# Territory\n\nWritten \\{{{{#brief {seed}}}}}.\n\n{{{{#brief {seed} section=territory level=2}}}}\n"
            ),
        ),
        chapter("Plain", "plain.md", "No briefs here {{#include x.md}}.\n"),
    ];
    let out = brief_mdbook(
        &fixture_book(),
        &[],
        &input(&fixture_book(), json!({"command": "brief mdbook"}), items),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let book: Book = serde_json::from_slice(&out.stdout).expect("stdout is a book");
    assert_eq!(book.items.len(), 5);
    assert_eq!(book.items[1], BookItem::Separator);
    assert_eq!(book.items[2], BookItem::PartTitle("Details".into()));
    let contents = contents(&book);

    let talks = &contents[0];
    assert!(
        talks.starts_with("# Russian and U.S. diplomats set to meet"),
        "{talks}"
    );
    assert!(talks.contains("nearly 20%"));
    assert!(talks.contains("## Territorial control"));
    assert!(talks.contains("[^us-russia-talks-1]: **News article datelined Moscow**"));
    assert!(!talks.contains("{{#brief"));

    let territory = &contents[1];
    assert!(
        territory.starts_with(&format!(
            "# Territory\n\nWritten {{{{#brief {seed}}}}}.\n\n## Territorial control\n"
        )),
        "{territory}"
    );
    assert!(territory.contains("nearly 20%[^us-russia-talks-1]"));
    assert!(territory.contains("\n[^us-russia-talks-1]: **News article"));
    assert!(!territory.contains("## Key points"));

    assert_eq!(contents[2], "No briefs here {{#include x.md}}.\n");
}

#[test]
fn reads_templates_from_book_toml() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("house")).unwrap();
    std::fs::write(
        dir.path().join("house/house.md"),
        "{% extends \"brief.md\" %}{% block footer %}\n*Prepared by the desk.*\n{% endblock footer %}",
    )
    .unwrap();
    let seed = root().join("briefs/us-russia-talks.yaml");
    let items = vec![
        chapter(
            "All",
            "all.md",
            &format!("{{{{#brief {}}}}}\n", seed.display()),
        ),
        chapter(
            "Footer",
            "footer.md",
            &format!("{{{{#brief {} section=footer}}}}\n", seed.display()),
        ),
    ];
    let settings = json!({"command": "brief mdbook", "templates": "house", "template": "house"});
    let out = brief_mdbook(dir.path(), &[], &input(dir.path(), settings, items));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let book: Book = serde_json::from_slice(&out.stdout).unwrap();
    let contents = contents(&book);
    assert!(contents[0].starts_with("# Russian and U.S."));
    assert!(
        contents[0].ends_with("*Prepared by the desk.*\n\n"),
        "{}",
        contents[0]
    );
    assert_eq!(contents[1], "*Prepared by the desk.*\n\n");

    // A template that does not exist fails the book, whatever it holds.
    let items = vec![chapter(
        "Flash",
        "flash.md",
        &format!("{{{{#brief {} section=footer}}}}\n", seed.display()),
    )];
    let settings = json!({"command": "brief mdbook", "template": "flsh"});
    let out = brief_mdbook(dir.path(), &[], &input(dir.path(), settings, items));
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("no Markdown template named `flsh.md`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_brief_with_errors_fails_the_book_with_its_diagnostics() {
    let items = vec![
        chapter("Good", "good.md", "Fine.\n"),
        chapter(
            "Bad",
            "bad.md",
            "Intro\n\n{{#brief ../../invalid/unknown-reference.yaml}}\n",
        ),
    ];
    let out = brief_mdbook(
        &fixture_book(),
        &[],
        &input(&fixture_book(), json!({"command": "brief mdbook"}), items),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "no book is printed");
    let err = stderr(&out);
    // The diagnostic as `brief check` prints it, the file named from the
    // book's root.
    let check = run(&["check", "tests/fixtures/invalid/unknown-reference.yaml"]);
    let diagnostic = stderr(&check).replace(
        "tests/fixtures/invalid/unknown-reference.yaml",
        "../invalid/unknown-reference.yaml",
    );
    let diagnostic = diagnostic.split("\nerror: checked").next().unwrap();
    assert!(diagnostic.starts_with("error[E"), "{diagnostic}");
    assert!(err.starts_with(diagnostic), "{err}\n---\n{diagnostic}");
    assert!(err.contains(
        "error: `{{#brief ../../invalid/unknown-reference.yaml}}` in chapter `Bad` (src/bad.md:3): could not render `../invalid/unknown-reference.yaml` due to 1 error\n"
    ), "{err}");
    assert!(err.ends_with("error: could not expand the briefs of the book due to 1 error\n"));
}

#[test]
fn a_missing_file_an_unknown_section_or_a_malformed_directive_fails() {
    let seed = "../../../../briefs/us-russia-talks.yaml";
    let items = vec![chapter(
        "Broken",
        "broken.md",
        &format!(
            "{{{{#brief nowhere.yaml}}}}\n{{{{#brief {seed} section=teritory}}}}\n{{{{#brief {seed} colour=red}}}}\n"
        ),
    )];
    let out = brief_mdbook(
        &fixture_book(),
        &[],
        &input(&fixture_book(), json!({"command": "brief mdbook"}), items),
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains(
        "error: `{{#brief nowhere.yaml}}` in chapter `Broken` (src/broken.md:1): cannot read `src/nowhere.yaml`: "
    ), "{err}");
    assert!(err.contains(&format!(
        "error: `{{{{#brief {seed} section=teritory}}}}` in chapter `Broken` (src/broken.md:2): no block named `teritory` in `brief.md`\n  = help: did you mean `territory`?\n  = note: the blocks of `brief.md` are header, sections, key_points,"
    )), "{err}");
    assert!(
        err.contains("(src/broken.md:3): unknown option `colour`"),
        "{err}"
    );
    assert!(err.ends_with("due to 3 errors\n"), "{err}");
}

#[test]
fn an_unknown_setting_fails() {
    let out = brief_mdbook(
        &fixture_book(),
        &[],
        &input(
            &fixture_book(),
            json!({"command": "brief mdbook", "templtes": "x"}),
            vec![],
        ),
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.starts_with(
            "error: `[preprocessor.brief]` in book.toml has an unknown key `templtes`\n  = help: did you mean `templates`?"
        ),
        "{err}"
    );
}

#[test]
fn input_that_is_not_a_book_fails() {
    let out = brief_mdbook(&fixture_book(), &[], "{\"not\": \"a book\"}");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).starts_with("error: cannot read the book mdBook passes on standard input")
    );
}

/// The `mdbook` binary: `MDBOOK` if set, else `mdbook` on the PATH.
fn mdbook() -> std::process::Command {
    std::process::Command::new(std::env::var_os("MDBOOK").unwrap_or_else(|| "mdbook".into()))
}

/// Builds the book at `book` with the real mdBook into a new directory,
/// with this `brief` first on the PATH (book.toml says `brief mdbook`).
/// Fails on any error or warning.
fn build_book(book: &Path) -> tempfile::TempDir {
    let (out_dir, log) = run_mdbook_build(book);
    assert!(!log.contains("WARN"), "{log}");
    assert!(!log.contains("ERROR"), "{log}");
    out_dir
}

/// Runs `mdbook build` on `book` into a new directory, with this `brief`
/// first on the PATH; fails unless it succeeds. Returns the directory
/// and what mdBook printed.
fn run_mdbook_build(book: &Path) -> (tempfile::TempDir, String) {
    let version = mdbook().arg("--version").output().expect("mdbook runs");
    let version = String::from_utf8_lossy(&version.stdout).into_owned();
    assert!(
        version.starts_with("mdbook v0.5."),
        "mdBook 0.5 is needed, not {version}"
    );
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_brief"));
    let mut path = vec![bin.parent().unwrap().to_path_buf()];
    path.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    let out_dir = tempfile::tempdir().unwrap();
    let out = mdbook()
        .arg("build")
        .arg(book)
        .arg("--dest-dir")
        .arg(out_dir.path())
        .env("PATH", std::env::join_paths(path).unwrap())
        .output()
        .expect("mdbook runs");
    let log = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{log}");
    (out_dir, log)
}

#[test]
#[ignore = "needs mdBook 0.5 (MDBOOK or on the PATH); run by .ci/run"]
fn mdbook_builds_a_book_with_briefs() {
    let out_dir = build_book(&fixture_book());

    let talks = std::fs::read_to_string(out_dir.path().join("talks.html")).unwrap();
    assert!(talks.contains("nearly 20%"));
    assert!(
        talks.contains(">Russian and U.S. diplomats set to meet at the end of the week</a></h1>")
    );
    assert!(talks.contains("id=\"footnote-us-russia-talks-1\""));
    assert!(!talks.contains("{{#brief"));

    let territory = std::fs::read_to_string(out_dir.path().join("territory.html")).unwrap();
    assert!(territory.contains("nearly 20%"));
    assert!(territory.contains(">Territorial control</a></h2>"));
    assert!(!territory.contains(">Key points<"));
    // The escaped directive is shown as written.
    assert!(
        territory.contains("{{#brief ../../../../briefs/us-russia-talks.yaml section=territory}}")
    );
}

/// The project's own guide, `docs/`, is an mdBook whose examples chapter
/// embeds the shipped briefs through the preprocessor.
#[test]
#[ignore = "needs mdBook 0.5 (MDBOOK or on the PATH); run by .ci/run"]
fn the_user_guide_builds_with_the_shipped_briefs() {
    let out_dir = build_book(&root().join("docs"));
    let examples = std::fs::read_to_string(out_dir.path().join("examples.html")).unwrap();
    assert!(examples.contains("nearly 20%"));
    assert!(examples.contains("over 99%"));
    assert!(examples.contains("Resolution 68/262"), "the Crimea brief");
    assert!(examples.contains("fictional"), "the exercise brief");
    assert!(!examples.contains("{{#brief"));
    // Directives shown in code are left as written.
    let integrations = std::fs::read_to_string(out_dir.path().join("integrations.html")).unwrap();
    assert!(integrations.contains("{{#brief ../briefs/us-russia-talks.yaml}}"));
    let format = std::fs::read_to_string(out_dir.path().join("format.html")).unwrap();
    assert!(format.contains("E0025"));
}

/// Every page of `docs/` is a chapter of the guide, and every chapter
/// exists.
#[test]
fn the_user_guide_lists_every_page() {
    let docs = root().join("docs");
    let summary = std::fs::read_to_string(docs.join("SUMMARY.md")).unwrap();
    let mut listed: Vec<String> = summary
        .split("](")
        .skip(1)
        .map(|rest| rest[..rest.find(')').unwrap()].to_string())
        .collect();
    listed.sort();
    let mut pages: Vec<String> = std::fs::read_dir(&docs)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".md") && n != "SUMMARY.md")
        .collect();
    pages.sort();
    assert_eq!(listed, pages);
}

#[test]
#[ignore = "needs mdBook 0.5 (MDBOOK or on the PATH); run by .ci/run"]
fn include_directives_in_a_brief_are_not_expanded_by_mdbook() {
    // A book whose brief holds mdBook directives in its text and prose,
    // next to a file they name: mdBook's own preprocessors, which run
    // after ours, must not include it.
    let secret = "SECRET-FILE-CONTENTS";
    let book = tempfile::tempdir().unwrap();
    let root = book.path();
    std::fs::create_dir(root.join("src")).unwrap();
    std::fs::write(root.join("secret.txt"), secret).unwrap();
    std::fs::write(
        root.join("book.toml"),
        "[book]\ntitle = \"Hostile\"\n\n[preprocessor.brief]\ncommand = \"brief mdbook\"\nbefore = [\"links\"]\n",
    )
    .unwrap();
    std::fs::write(
        root.join("src/SUMMARY.md"),
        "# Summary\n\n- [Brief](brief.md)\n",
    )
    .unwrap();
    std::fs::write(root.join("src/brief.md"), "{{#brief hostile.yaml}}\n").unwrap();
    let payload = "{{#include ../secret.txt}} {{ #include ../secret.txt }} {{#rustdoc_include ../secret.txt}} {{#title Hijacked}}";
    std::fs::write(
        root.join("src/hostile.yaml"),
        format!(
            "id: hostile\ntitle: {payload:?}\nbackground: {payload:?}\ngaps:\n  - text: {payload:?}\n"
        ),
    )
    .unwrap();
    let (out_dir, _) = run_mdbook_build(root);
    let html = std::fs::read_to_string(out_dir.path().join("brief.html")).unwrap();
    assert!(!html.contains(secret), "mdBook included the file");
    assert!(!html.contains("<title>Hijacked"), "mdBook took the title");
    // The reader sees the directives as written.
    assert!(html.contains("{{#include ../secret.txt}}"), "{html}");
}
