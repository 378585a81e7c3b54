//! mdBook integration: `brief mdbook` is an mdBook preprocessor that
//! replaces `{{#brief FILE}}` in a book's chapters by the rendered
//! Markdown of that brief.
//!
//! The directive forms:
//!
//! - `{{#brief FILE}}`: the whole brief, rendered with `brief.md` (or the
//!   template set in `book.toml`). `FILE` is relative to the directory of
//!   the chapter's source file, as for mdBook's `{{#include}}`.
//! - `{{#brief FILE section=NAME}}`: one `{% block NAME %}` of the
//!   template, such as `territory` or `key_points`.
//! - `level=N` (1 to 6, with either form): shifts the headings so that the
//!   outermost heading of the inserted text is of level `N`; deeper
//!   headings keep their distance below it, down to level 6.
//! - `\{{#brief ...}}`: stays as written, without the backslash.
//!
//! Footnote labels are prefixed with the brief's id, so two briefs in one
//! chapter keep their sources apart, and a section gets the definitions of
//! the sources it cites. Everything here works on mdBook's [`Book`] and
//! [`Chapter`] values, with no process or standard input involved: the
//! command line reads the book, calls [`run`] and prints the result.
//!
//! ```
//! use brief::mdbook::{Directive, Found, find};
//! let found = find("See {{#brief talks.yaml section=territory level=2}}.");
//! assert_eq!(
//!     found[0].kind,
//!     Found::Directive(Directive {
//!         path: "talks.yaml".into(),
//!         section: Some("territory".into()),
//!         level: Some(2),
//!     })
//! );
//! ```

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::ops::Range;
use std::path::{Component, Path, PathBuf};

use mdbook_preprocessor::PreprocessorContext;
use mdbook_preprocessor::book::{Book, Chapter};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use serde::Deserialize;

use crate::render::TemplateDir;
use crate::{Diagnostic, Format, Limits, RenderOptions, Renderer, View};

/// The name of the preprocessor's table in `book.toml`:
/// `[preprocessor.brief]`.
pub const NAME: &str = "brief";

/// The keys of `[preprocessor.brief]` that mdBook itself reads.
const MDBOOK_KEYS: &[&str] = &["command", "before", "after", "optional", "renderers"];
/// The keys of `[preprocessor.brief]` that `brief` reads.
const OUR_KEYS: &[&str] = &["templates", "template"];
/// The options a directive takes.
const DIRECTIVE_KEYS: &[&str] = &["section", "level"];

/// The settings of `[preprocessor.brief]` in `book.toml`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Settings {
    /// `templates = "DIR"`: a template directory, as with `--templates`,
    /// already joined to the book's root.
    pub templates: Option<PathBuf>,
    /// `template = "NAME"`: the template to render, as with `--template`
    /// (always as Markdown).
    pub template: Option<String>,
}

#[derive(Deserialize)]
struct Table {
    templates: Option<PathBuf>,
    template: Option<String>,
    #[serde(flatten)]
    other: BTreeMap<String, serde::de::IgnoredAny>,
}

impl Settings {
    /// Reads `[preprocessor.brief]` from the context mdBook passes. An
    /// unknown key is an error, with a did-you-mean.
    pub fn from_context(ctx: &PreprocessorContext) -> Result<Self, Error> {
        let key = format!("preprocessor.{NAME}");
        let table: Option<Table> = ctx
            .config
            .get(&key)
            .map_err(|e| Error::Config(format!("`[{key}]` in book.toml: {e:#}")))?;
        let Some(table) = table else {
            return Ok(Settings::default());
        };
        for name in table.other.keys() {
            if !MDBOOK_KEYS.contains(&name.as_str()) {
                let mut message = format!("`[{key}]` in book.toml has an unknown key `{name}`");
                let known = OUR_KEYS.iter().chain(MDBOOK_KEYS).copied();
                if let Some(close) = crate::diagnostic::closest(name, known) {
                    message.push_str(&format!("\n  = help: did you mean `{close}`?"));
                }
                message.push_str(&format!(
                    "\n  = note: brief reads {}",
                    OUR_KEYS
                        .iter()
                        .map(|k| format!("`{k}`"))
                        .collect::<Vec<_>>()
                        .join(" and ")
                ));
                return Err(Error::Config(message));
            }
        }
        Ok(Settings {
            templates: table.templates.map(|dir| ctx.root.join(dir)),
            template: table.template,
        })
    }

    /// The renderer these settings ask for: the built-in templates, with
    /// the template directory on top if one is set.
    pub fn renderer(&self) -> Result<Renderer, Error> {
        let renderer = match &self.templates {
            None => Renderer::new(),
            Some(dir) => TemplateDir::read(dir).and_then(|d| Renderer::with_templates(&d)),
        };
        let renderer = renderer.map_err(|e| Error::Config(e.to_string()))?;
        renderer
            .template_name(&self.render_options())
            .map_err(|e| Error::Config(format!("`template` in book.toml: {e}")))?;
        Ok(renderer)
    }

    /// The options every brief of the book is rendered with.
    pub fn render_options(&self) -> RenderOptions {
        RenderOptions {
            format: Format::Markdown,
            template: self.template.clone(),
            ..RenderOptions::default()
        }
    }
}

/// A `{{#brief ...}}` directive, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    /// The brief file, relative to the chapter's directory.
    pub path: PathBuf,
    /// `section=NAME`: render only that block of the template.
    pub section: Option<String>,
    /// `level=N`: the heading level of the outermost heading inserted.
    pub level: Option<u8>,
}

/// What a `{{#brief` in a chapter is.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Found {
    /// A directive to expand.
    Directive(Directive),
    /// `\{{#brief ...`: the backslash goes, the rest stays as written.
    Escaped,
    /// A directive that cannot be read, and why.
    Malformed(String),
}

/// A `{{#brief` found in a chapter's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span<'a> {
    /// Its byte range in the text: the whole directive, or for an escaped
    /// one, the backslash alone.
    pub range: Range<usize>,
    /// The directive as written (for an escaped one, without the
    /// backslash).
    pub text: &'a str,
    /// What it is.
    pub kind: Found,
}

/// Finds every `{{#brief ...}}` in a chapter's text, in order. Spaces may
/// follow `{{`, as in mdBook's own directives; the directive must close
/// with `}}` on the same line. Inline code and code blocks are left alone,
/// so that documentation can show a directive as written.
pub fn find(content: &str) -> Vec<Span<'_>> {
    let mut out = Vec::new();
    if !content.contains("#brief") {
        return out;
    }
    let code = code_ranges(content);
    let mut from = 0;
    while let Some(i) = content[from..].find("{{") {
        let start = from + i;
        from = start + 2;
        if let Some(r) = code.iter().find(|r| r.contains(&start)) {
            from = r.end.max(from);
            continue;
        }
        let after = content[start + 2..].trim_start_matches([' ', '\t']);
        let Some(rest) = after.strip_prefix("#brief") else {
            continue;
        };
        if !(rest.is_empty() || rest.starts_with([' ', '\t', '\r', '\n', '}'])) {
            continue; // `{{#briefing}}` is someone else's.
        }
        let line_end = content[start..]
            .find('\n')
            .map_or(content.len(), |n| start + n);
        let close = content[start..line_end].find("}}").map(|n| start + n + 2);
        if start > 0 && content.as_bytes()[start - 1] == b'\\' {
            out.push(Span {
                range: start - 1..start,
                text: &content[start..close.unwrap_or(line_end)],
                kind: Found::Escaped,
            });
            from = close.unwrap_or(line_end).max(from);
            continue;
        }
        let Some(end) = close else {
            out.push(Span {
                range: start..line_end,
                text: &content[start..line_end],
                kind: Found::Malformed("the directive does not end with `}}` on its line".into()),
            });
            from = line_end.max(from);
            continue;
        };
        let args_start = start + 2 + (content[start + 2..].len() - after.len()) + "#brief".len();
        let kind = match parse_args(&content[args_start..end - 2]) {
            Ok(d) => Found::Directive(d),
            Err(message) => Found::Malformed(message),
        };
        out.push(Span {
            range: start..end,
            text: &content[start..end],
            kind,
        });
        from = end;
    }
    out
}

/// The byte ranges of a chapter's inline code and code blocks.
fn code_ranges(content: &str) -> Vec<Range<usize>> {
    use pulldown_cmark::{Event, Options, Parser, Tag};
    let options = Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES;
    Parser::new_ext(content, options)
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Code(_) | Event::Start(Tag::CodeBlock(_)) => Some(range),
            _ => None,
        })
        .collect()
}

/// Parses what follows `#brief`: the file, then `key=value` options.
pub fn parse_args(args: &str) -> Result<Directive, String> {
    let mut words = args.split_whitespace();
    let Some(path) = words.next() else {
        return Err("no brief file given\n  = help: write `{{#brief path/to/brief.yaml}}`".into());
    };
    let mut directive = Directive {
        path: PathBuf::from(path),
        section: None,
        level: None,
    };
    let mut seen: Vec<&str> = Vec::new();
    for word in words {
        let Some((key, value)) = word.split_once('=') else {
            return Err(format!(
                "`{word}` is not an option: options are written `key=value`\n  = note: the options are `section=NAME` and `level=N`"
            ));
        };
        if seen.contains(&key) {
            return Err(format!("the option `{key}` is given twice"));
        }
        seen.push(key);
        match key {
            "section" if !value.is_empty() => directive.section = Some(value.to_owned()),
            "section" => {
                return Err("`section=` needs a block name, such as `section=territory`".into());
            }
            "level" => match value.parse::<u8>() {
                Ok(n @ 1..=6) => directive.level = Some(n),
                _ => {
                    return Err(format!(
                        "`level={value}`: the level is a number from 1 to 6"
                    ));
                }
            },
            _ => {
                let mut message = format!("unknown option `{key}`");
                if let Some(close) = crate::diagnostic::closest(key, DIRECTIVE_KEYS.iter().copied())
                {
                    message.push_str(&format!("\n  = help: did you mean `{close}`?"));
                }
                message.push_str("\n  = note: the options are `section=NAME` and `level=N`");
                return Err(message);
            }
        }
    }
    Ok(directive)
}

/// Where a directive is: the chapter and the line of its source file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The chapter's name.
    pub chapter: String,
    /// The chapter's file, relative to the book's root.
    pub file: Option<PathBuf>,
    /// The line of the directive in that file, from 1.
    pub line: usize,
    /// The directive as written.
    pub directive: String,
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` in chapter `{}`", self.directive, self.chapter)?;
        if let Some(file) = &self.file {
            write!(f, " ({}:{})", file.display(), self.line)?;
        }
        Ok(())
    }
}

/// A brief's diagnostics, with what is needed to print them.
#[derive(Debug, Clone)]
pub struct BriefReport {
    /// The brief's file as shown in messages: its path relative to the
    /// book's root (where mdBook runs preprocessors).
    pub label: String,
    /// Its text and those of its imports, for the lines diagnostics quote.
    pub files: crate::Files,
    /// The diagnostics, errors first if any.
    pub diagnostics: Vec<Diagnostic>,
}

/// Why a book, or one directive in it, could not be processed.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum Error {
    /// `[preprocessor.brief]` is wrong, or its templates are.
    Config(String),
    /// A directive is malformed, names a file that cannot be read or a
    /// section that does not exist, or a template failed.
    Directive {
        /// Where.
        place: Place,
        /// What went wrong.
        message: String,
    },
    /// A brief has errors.
    Invalid {
        /// The first directive that names it.
        place: Place,
        /// The brief's diagnostics.
        brief: Box<BriefReport>,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Config(message) => f.write_str(message),
            Error::Directive { place, message } => write!(f, "{place}: {message}"),
            Error::Invalid { place, brief } => {
                let n = brief.diagnostics.iter().filter(|d| d.is_error()).count();
                write!(
                    f,
                    "{place}: could not render `{}` due to {n} error{}",
                    brief.label,
                    if n == 1 { "" } else { "s" }
                )
            }
        }
    }
}

impl std::error::Error for Error {}

/// What expanding a book found besides the book itself.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Briefs with warnings (each brief once).
    pub warnings: Vec<BriefReport>,
    /// Every error; the book is good only when there is none.
    pub errors: Vec<Error>,
}

/// Where the book is, and how to render its briefs.
#[derive(Debug)]
pub struct Expander<'a> {
    /// The book's root directory (where `book.toml` is).
    pub root: PathBuf,
    /// The chapters' directory, relative to the root (`book.src`).
    pub src: PathBuf,
    /// The templates.
    pub renderer: &'a Renderer,
    /// The options of every rendering (Markdown).
    pub options: RenderOptions,
    /// The resource limits for reading briefs.
    pub limits: Limits,
    /// Briefs already read, by file; `None` when the brief failed.
    cache: HashMap<PathBuf, Option<Loaded>>,
}

#[derive(Debug)]
struct Loaded {
    view: View,
    id: String,
}

/// Runs the preprocessor on what mdBook passes: reads the settings,
/// compiles the templates, and expands every directive of the book.
pub fn run(ctx: &PreprocessorContext, mut book: Book) -> Result<(Book, Outcome), Error> {
    let settings = Settings::from_context(ctx)?;
    let renderer = settings.renderer()?;
    let mut expander = Expander::new(
        &ctx.root,
        &ctx.config.book.src,
        &renderer,
        settings.render_options(),
    );
    let outcome = expander.expand_book(&mut book);
    Ok((book, outcome))
}

impl<'a> Expander<'a> {
    /// An expander for the book at `root`, whose chapters are in `src`
    /// (relative to `root`).
    pub fn new(root: &Path, src: &Path, renderer: &'a Renderer, options: RenderOptions) -> Self {
        Self {
            root: root.to_path_buf(),
            src: src.to_path_buf(),
            renderer,
            options,
            limits: Limits::default(),
            cache: HashMap::new(),
        }
    }

    /// Expands the directives of every chapter (drafts have no content).
    pub fn expand_book(&mut self, book: &mut Book) -> Outcome {
        let mut outcome = Outcome::default();
        book.for_each_chapter_mut(|chapter| self.expand_chapter(chapter, &mut outcome));
        outcome
    }

    /// Expands the directives of one chapter. On an error the directive
    /// stays as written, and the error is added to `outcome`.
    pub fn expand_chapter(&mut self, chapter: &mut Chapter, outcome: &mut Outcome) {
        let spans = find(&chapter.content);
        if spans.is_empty() {
            return;
        }
        let source_path = chapter.source_path.as_ref().or(chapter.path.as_ref());
        let chapter_file = source_path.map(|p| normalize(&self.src.join(p)));
        let dir = source_path
            .and_then(|p| p.parent())
            .map(|p| self.src.join(p))
            .unwrap_or_else(|| self.src.clone());
        let mut out = String::with_capacity(chapter.content.len());
        let mut done = 0;
        let mut footnotes = Footnotes::default();
        for span in &spans {
            out.push_str(&chapter.content[done..span.range.start]);
            done = span.range.end;
            let place = || Place {
                chapter: chapter.name.clone(),
                file: chapter_file.clone(),
                line: chapter.content[..span.range.start].matches('\n').count() + 1,
                directive: span.text.to_owned(),
            };
            let result = match &span.kind {
                Found::Escaped => Ok(String::new()),
                Found::Malformed(message) => Err(Some(Error::Directive {
                    place: place(),
                    message: message.clone(),
                })),
                Found::Directive(d) => self.expand(d, &dir, &mut footnotes, place, outcome),
            };
            match result {
                Ok(text) => out.push_str(&text),
                Err(error) => {
                    out.push_str(&chapter.content[span.range.clone()]);
                    outcome.errors.extend(error);
                }
            }
        }
        out.push_str(&chapter.content[done..]);
        chapter.content = out;
    }

    /// The text that replaces one directive. `Err(None)`: the brief
    /// already failed and was reported.
    fn expand(
        &mut self,
        directive: &Directive,
        dir: &Path,
        footnotes: &mut Footnotes,
        place: impl Fn() -> Place,
        outcome: &mut Outcome,
    ) -> Result<String, Option<Error>> {
        let fail = |message: String| {
            Some(Error::Directive {
                place: place(),
                message,
            })
        };
        let relative = dir.join(&directive.path);
        let label = normalize(&relative).display().to_string();
        let path = self.root.join(&relative);
        let key = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
        if !self.cache.contains_key(&key) {
            match self.load(&path, &label, &place, outcome) {
                Ok(l) => {
                    self.cache.insert(key.clone(), Some(l));
                }
                Err(e) => {
                    self.cache.insert(key.clone(), None);
                    return Err(Some(e));
                }
            }
        }
        let Some(Some(brief)) = self.cache.get(&key) else {
            return Err(None);
        };
        let renderer = self.renderer;
        let text = match &directive.section {
            None => renderer.render(&brief.view, &self.options),
            Some(block) => renderer.render_block(&brief.view, &self.options, block),
        }
        .map_err(|e| fail(e.to_string()))?;
        let definitions = if directive.section.is_some() {
            renderer
                .render(&brief.view, &self.options)
                .map(|full| footnote_definitions(&full))
                .map_err(|e| fail(e.to_string()))?
        } else {
            Vec::new()
        };
        let prefix = footnotes.prefix(&key, &brief.id);
        let text = footnotes.relabel(&text, &definitions, &prefix);
        Ok(match directive.level {
            Some(level) => shift_headings(&text, level),
            None => text,
        })
    }

    fn load(
        &self,
        path: &Path,
        label: &str,
        place: &impl Fn() -> Place,
        outcome: &mut Outcome,
    ) -> Result<Loaded, Error> {
        let source = match crate::disk::read_regular_source(path, &self.limits) {
            Ok(s) => s,
            Err(crate::disk::ReadError::Invalid(d, lossy)) => {
                return Err(Error::Invalid {
                    place: place(),
                    brief: Box::new(BriefReport {
                        label: label.to_owned(),
                        files: crate::Files::new(label, lossy),
                        diagnostics: vec![*d],
                    }),
                });
            }
            Err(crate::disk::ReadError::Io(e)) => {
                return Err(Error::Directive {
                    place: place(),
                    message: format!("cannot read `{label}`: {e}"),
                });
            }
        };
        // Imports may come from anywhere in the book's directory.
        let scope = crate::ImportScope::for_file(path, Some(&self.root));
        let crate::pipeline::Checked {
            model,
            diagnostics,
            files,
            grounding,
        } = crate::pipeline::check_source(label, source, Some(&scope), &self.limits);
        let report = BriefReport {
            label: label.to_owned(),
            files,
            diagnostics,
        };
        let Some(model) = model else {
            return Err(Error::Invalid {
                place: place(),
                brief: Box::new(report),
            });
        };
        let view = crate::resolve::resolve_grounded(&model, grounding.as_ref());
        if !report.diagnostics.is_empty() {
            outcome.warnings.push(report);
        }
        // The id is free text: keep what a footnote label can hold.
        let mut id: String = view
            .brief
            .id
            .chars()
            .map(|c| {
                if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                    c
                } else {
                    '-'
                }
            })
            .collect();
        if id.is_empty() {
            id.push_str("brief");
        }
        Ok(Loaded { view, id })
    }
}

/// The Markdown extensions mdBook enables that change where blocks are.
fn markdown_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// The footnote labels of one chapter: which prefix each brief file got,
/// and which definitions are already in the chapter.
#[derive(Debug, Default)]
struct Footnotes {
    prefixes: HashMap<PathBuf, String>,
    defined: HashSet<String>,
}

impl Footnotes {
    /// The label prefix of a brief file: its id, made unique in the
    /// chapter if two files share it.
    fn prefix(&mut self, file: &Path, id: &str) -> String {
        if let Some(p) = self.prefixes.get(file) {
            return p.clone();
        }
        let mut prefix = format!("{id}-");
        let mut n = 1;
        while self.prefixes.values().any(|p| *p == prefix) {
            n += 1;
            prefix = format!("{id}~{n}-");
        }
        self.prefixes.insert(file.to_path_buf(), prefix.clone());
        prefix
    }

    /// Prefixes the footnote labels of `text`; appends the definitions
    /// (from `definitions`) it cites but lacks; drops the definitions this
    /// chapter already has, which mdBook would warn about.
    fn relabel(&mut self, text: &str, definitions: &[(String, String)], prefix: &str) -> String {
        let mut text = text.to_owned();
        if !definitions.is_empty() {
            let (cited, defined) = footnote_labels(&text, definitions);
            let mut extra = String::new();
            for (label, definition) in definitions {
                if cited.contains(label) && !defined.contains(label) {
                    extra.push('\n');
                    extra.push_str(definition.trim_end());
                    extra.push('\n');
                }
            }
            if !extra.is_empty() {
                text.push_str(&extra);
            }
        }
        let mut edits: Vec<(Range<usize>, String)> = Vec::new();
        let mut events = Parser::new_ext(&text, markdown_options()).into_offset_iter();
        while let Some((event, range)) = events.next() {
            match event {
                Event::FootnoteReference(_) => {
                    if let Some(label) = label_range(&text, range.start) {
                        edits.push((label.clone(), format!("{prefix}{}", &text[label])));
                    }
                }
                Event::Start(Tag::FootnoteDefinition(_)) => {
                    let Some(label) = label_range(&text, range.start) else {
                        continue;
                    };
                    let new = format!("{prefix}{}", &text[label.clone()]);
                    if self.defined.insert(new.to_lowercase()) {
                        edits.push((label, new));
                    } else {
                        // Skip the definition whole, with what it holds.
                        for (event, _) in events.by_ref() {
                            if matches!(event, Event::End(TagEnd::FootnoteDefinition)) {
                                break;
                            }
                        }
                        edits.push((range, String::new()));
                    }
                }
                _ => {}
            }
        }
        apply(&text, edits)
    }
}

/// The range of the label of the `[^label]` at `start`.
fn label_range(text: &str, start: usize) -> Option<Range<usize>> {
    let rest = text.get(start..)?.strip_prefix("[^")?;
    let end = rest.find(']')?;
    Some(start + 2..start + 2 + end)
}

/// The footnote definitions of a rendered brief: label (lower case) and
/// the definition's text.
fn footnote_definitions(markdown: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (event, range) in Parser::new_ext(markdown, markdown_options()).into_offset_iter() {
        if let Event::Start(Tag::FootnoteDefinition(label)) = event {
            out.push((label.to_lowercase(), markdown[range].to_owned()));
        }
    }
    out
}

/// The footnote labels `text` cites and defines (lower case). The
/// definitions are appended while parsing, so that a citation of a source
/// the text does not define is still seen as one.
fn footnote_labels(
    text: &str,
    definitions: &[(String, String)],
) -> (HashSet<String>, HashSet<String>) {
    let mut probe = text.to_owned();
    for (_, definition) in definitions {
        probe.push_str("\n\n");
        probe.push_str(definition);
    }
    let (mut cited, mut defined) = (HashSet::new(), HashSet::new());
    for (event, range) in Parser::new_ext(&probe, markdown_options()).into_offset_iter() {
        match event {
            Event::FootnoteReference(label) if range.start < text.len() => {
                cited.insert(label.to_lowercase());
            }
            Event::Start(Tag::FootnoteDefinition(label)) if range.start < text.len() => {
                defined.insert(label.to_lowercase());
            }
            _ => {}
        }
    }
    (cited, defined)
}

/// Shifts every heading so that the outermost one is of `level`; the
/// others keep their distance below it, down to level 6. Setext headings
/// (underlined) become ATX headings (`## Title`).
pub fn shift_headings(markdown: &str, level: u8) -> String {
    let mut headings = Vec::new();
    for (event, range) in Parser::new_ext(markdown, markdown_options()).into_offset_iter() {
        if let Event::Start(Tag::Heading { level, .. }) = event {
            headings.push((level as i32, range));
        }
    }
    let Some(top) = headings.iter().map(|(l, _)| *l).min() else {
        return markdown.to_owned();
    };
    let shift = i32::from(level) - top;
    if shift == 0 {
        return markdown.to_owned();
    }
    let mut edits = Vec::new();
    for (old, range) in headings {
        let new = "#".repeat((old + shift).clamp(1, 6) as usize);
        let text = &markdown[range.clone()];
        if text.starts_with('#') {
            let hashes = text.len() - text.trim_start_matches('#').len();
            edits.push((range.start..range.start + hashes, new));
        } else {
            // Setext: the text lines, then an underline of `=` or `-`.
            let body = text.trim_end();
            let body = body.rsplit_once('\n').map_or(body, |(b, _)| b);
            let joined: Vec<&str> = body.lines().map(str::trim).collect();
            edits.push((range, format!("{new} {}\n", joined.join(" "))));
        }
    }
    apply(markdown, edits)
}

/// Applies non-overlapping replacements, given in any order.
fn apply(text: &str, mut edits: Vec<(Range<usize>, String)>) -> String {
    edits.sort_by_key(|(r, _)| r.start);
    let mut out = String::with_capacity(text.len());
    let mut done = 0;
    for (range, new) in edits {
        if range.start < done {
            continue;
        }
        out.push_str(&text[done..range.start]);
        out.push_str(&new);
        done = range.end;
    }
    out.push_str(&text[done..]);
    out
}

/// Resolves `.` and `..` without touching the file system, for the paths
/// shown in messages.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => match out.components().next_back() {
                Some(Component::Normal(_)) => {
                    out.pop();
                }
                Some(Component::RootDir | Component::Prefix(_)) => {}
                _ => out.push(".."),
            },
            other => out.push(other),
        }
    }
    if out.as_os_str().is_empty() {
        out.push(".");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn directive(path: &str, section: Option<&str>, level: Option<u8>) -> Found {
        Found::Directive(Directive {
            path: path.into(),
            section: section.map(Into::into),
            level,
        })
    }

    #[test]
    fn parses_the_directive_forms() {
        let text = "a {{#brief x.yaml}} b {{ #brief  dir/y.yaml  section=territory level=3 }} c";
        let found = find(text);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].kind, directive("x.yaml", None, None));
        assert_eq!(found[0].text, "{{#brief x.yaml}}");
        assert_eq!(&text[found[0].range.clone()], "{{#brief x.yaml}}");
        assert_eq!(
            found[1].kind,
            directive("dir/y.yaml", Some("territory"), Some(3))
        );
        assert!(found[1].text.ends_with("level=3 }}"));
    }

    #[test]
    fn leaves_other_directives_alone() {
        assert!(find("{{#include x.md}} {{#briefing x}} {{brief}} {x}").is_empty());
    }

    #[test]
    fn directives_in_code_are_left_as_written() {
        let text = "Write `{{#brief x.yaml}}` to embed.\n\n```text\n{{#brief y.yaml}}\n\\{{#brief z.yaml}}\n```\n\n    {{#brief indented.yaml}}\n\n{{#brief real.yaml}}\n";
        let found = find(text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].text, "{{#brief real.yaml}}");
    }

    #[test]
    fn an_escaped_directive_loses_its_backslash_only() {
        let text = "see \\{{#brief x.yaml}} here";
        let found = find(text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].kind, Found::Escaped);
        assert_eq!(found[0].range, 4..5);
        assert_eq!(found[0].text, "{{#brief x.yaml}}");
    }

    #[test]
    fn reports_malformed_directives() {
        let malformed = |text: &str| match &find(text)[..] {
            [
                Span {
                    kind: Found::Malformed(m),
                    ..
                },
            ] => m.clone(),
            other => panic!("{text}: {other:?}"),
        };
        assert!(malformed("{{#brief}}").contains("no brief file given"));
        assert!(malformed("{{#brief x.yaml\nmore}}").contains("does not end with `}}`"));
        assert!(malformed("{{#brief x.yaml secton=a}}").contains("did you mean `section`?"));
        assert!(malformed("{{#brief x.yaml level=7}}").contains("from 1 to 6"));
        assert!(malformed("{{#brief x.yaml level=two}}").contains("from 1 to 6"));
        assert!(malformed("{{#brief x.yaml section=}}").contains("needs a block name"));
        assert!(malformed("{{#brief x.yaml territory}}").contains("`key=value`"));
        assert!(malformed("{{#brief x.yaml level=2 level=3}}").contains("given twice"));
    }

    #[test]
    fn shifts_headings_from_the_outermost() {
        let md = "# Title\n\ntext\n\n## Part\n\n```\n# not a heading\n```\n\n### Sub\n";
        assert_eq!(
            shift_headings(md, 2),
            "## Title\n\ntext\n\n### Part\n\n```\n# not a heading\n```\n\n#### Sub\n"
        );
        assert_eq!(
            shift_headings("## Part\n\n### Sub\n", 1),
            "# Part\n\n## Sub\n"
        );
        assert_eq!(
            shift_headings("# A\n\n###### F\n", 3),
            "### A\n\n###### F\n"
        );
        assert_eq!(shift_headings("Title\n=====\n\nx\n", 3), "### Title\n\nx\n");
        assert_eq!(shift_headings("no headings\n", 4), "no headings\n");
    }

    #[test]
    fn prefixes_footnotes_and_adds_the_cited_definitions() {
        let full =
            "# T\n\nA fact.[^1] Another.[^2]\n\n## Sources\n\n[^1]: **One**\n[^2]: **Two**\n";
        let definitions = footnote_definitions(full);
        assert_eq!(definitions.len(), 2);
        let mut notes = Footnotes::default();
        let prefix = notes.prefix(Path::new("a.yaml"), "talks");
        assert_eq!(prefix, "talks-");
        let section = notes.relabel("| x[^2] |\n", &definitions, &prefix);
        assert_eq!(section, "| x[^talks-2] |\n\n[^talks-2]: **Two**\n");
        // The same brief again: its definition of 2 is not repeated.
        let whole = notes.relabel(full, &[], &prefix);
        assert!(whole.contains("A fact.[^talks-1] Another.[^talks-2]"));
        assert!(whole.contains("[^talks-1]: **One**"));
        assert!(!whole.contains("[^talks-2]: "), "{whole}");
        // Another file with the same id gets labels of its own.
        assert_eq!(notes.prefix(Path::new("b.yaml"), "talks"), "talks~2-");
        assert_eq!(notes.prefix(Path::new("a.yaml"), "talks"), "talks-");
    }

    /// Expands `content` as the chapter `briefs/talks.md` of a book whose
    /// root is the package, so directives name the shipped briefs.
    fn expand(content: &str) -> (String, Outcome) {
        let renderer = Renderer::new().unwrap();
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut expander = Expander::new(
            root,
            Path::new("briefs"),
            &renderer,
            RenderOptions::default(),
        );
        let mut chapter = Chapter::new("Talks", content.to_owned(), "talks.md", Vec::new());
        let mut outcome = Outcome::default();
        expander.expand_chapter(&mut chapter, &mut outcome);
        (chapter.content, outcome)
    }

    fn seed() -> String {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("briefs/us-russia-talks.yaml");
        let source = std::fs::read_to_string(path).unwrap();
        crate::pipeline::render_str(
            &source,
            &Limits::default(),
            &Renderer::new().unwrap(),
            &RenderOptions::default(),
        )
        .unwrap()
        .text
    }

    fn messages(outcome: &Outcome) -> Vec<String> {
        outcome.errors.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn a_whole_brief_replaces_its_directive() {
        let (out, outcome) = expand("Intro\n\n{{#brief us-russia-talks.yaml}}\n\nAfter.\n");
        assert!(outcome.errors.is_empty(), "{:?}", messages(&outcome));
        let expected = seed().replace("[^", "[^us-russia-talks-");
        assert_eq!(out, format!("Intro\n\n{expected}\n\nAfter.\n"));
        assert!(out.contains("\n# Russian and U.S. diplomats"));
        assert!(out.contains("nearly 20%"));
    }

    #[test]
    fn a_section_comes_with_the_sources_it_cites() {
        let (out, outcome) = expand("{{#brief us-russia-talks.yaml section=territory level=3}}\n");
        assert!(outcome.errors.is_empty(), "{:?}", messages(&outcome));
        assert!(out.starts_with("### Territorial control\n"), "{out}");
        assert!(!out.contains("## Key points"));
        assert!(out.contains("nearly 20%[^us-russia-talks-1]"));
        assert_eq!(
            out.matches("[^us-russia-talks-1]: **News article").count(),
            1
        );
        // A second section of the same brief does not define them again.
        let (out, _) = expand(
            "{{#brief us-russia-talks.yaml section=territory}}\n\n{{#brief us-russia-talks.yaml section=key_points}}\n",
        );
        assert!(out.contains("## Key points"));
        assert_eq!(out.matches("[^us-russia-talks-1]:").count(), 1, "{out}");
    }

    #[test]
    fn an_escaped_directive_stays_literal() {
        let (out, outcome) = expand("Write \\{{#brief us-russia-talks.yaml}} to embed.\n");
        assert!(outcome.errors.is_empty());
        assert_eq!(out, "Write {{#brief us-russia-talks.yaml}} to embed.\n");
    }

    #[test]
    fn an_unknown_section_is_an_error_listing_the_blocks() {
        let text = "# T\n\n{{#brief us-russia-talks.yaml section=teritory}}\n";
        let (out, outcome) = expand(text);
        assert_eq!(out, text, "a failed directive stays as written");
        let [Error::Directive { place, message }] = &outcome.errors[..] else {
            panic!("{:?}", messages(&outcome));
        };
        assert_eq!(place.line, 3);
        assert_eq!(place.file.as_deref(), Some(Path::new("briefs/talks.md")));
        assert!(message.starts_with("no block named `teritory` in `brief.md`"));
        assert!(message.contains("= help: did you mean `territory`?"));
        assert!(message.contains("header, sections, key_points"));
        assert!(outcome.errors[0].to_string().starts_with(
            "`{{#brief us-russia-talks.yaml section=teritory}}` in chapter `Talks` (briefs/talks.md:3): no block"
        ));
    }

    #[test]
    fn a_missing_file_or_a_malformed_directive_is_an_error() {
        let (_, outcome) = expand("{{#brief missing.yaml}}\n{{#brief}}\n");
        let messages = messages(&outcome);
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(
            messages[0].starts_with(
                "`{{#brief missing.yaml}}` in chapter `Talks` (briefs/talks.md:1): cannot read `briefs/missing.yaml`: "
            ),
            "{}",
            messages[0]
        );
        assert!(messages[1].contains("(briefs/talks.md:2): no brief file given"));
    }

    #[test]
    fn a_brief_with_errors_is_reported_once() {
        let bad = "{{#brief ../tests/fixtures/invalid/unknown-reference.yaml}}\n";
        let (_, outcome) = expand(&format!("{bad}{bad}"));
        let [Error::Invalid { place, brief }] = &outcome.errors[..] else {
            panic!("{:?}", messages(&outcome));
        };
        assert_eq!(place.line, 1);
        assert_eq!(brief.label, "tests/fixtures/invalid/unknown-reference.yaml");
        assert!(brief.diagnostics.iter().any(Diagnostic::is_error));
        assert!(outcome.errors[0].to_string().contains(
            "could not render `tests/fixtures/invalid/unknown-reference.yaml` due to 1 error"
        ));
    }

    #[test]
    fn warnings_do_not_fail() {
        let (out, outcome) = expand("{{#brief ../tests/fixtures/valid/warnings-only.yaml}}\n");
        assert!(outcome.errors.is_empty(), "{:?}", messages(&outcome));
        assert!(out.starts_with("# "));
        assert_eq!(outcome.warnings.len(), 1);
        assert_eq!(
            outcome.warnings[0].label,
            "tests/fixtures/valid/warnings-only.yaml"
        );
    }

    #[test]
    fn reads_the_settings_from_book_toml() {
        use std::str::FromStr;
        let context = |toml: &str| {
            let config = mdbook_preprocessor::config::Config::from_str(toml).unwrap();
            PreprocessorContext::new("/book".into(), config, "html".into())
        };
        let settings = Settings::from_context(&context(
            "[preprocessor.brief]\ncommand = \"brief mdbook\"\nbefore = [\"links\"]\ntemplates = \"house\"\ntemplate = \"flash\"\n",
        ))
        .unwrap();
        assert_eq!(settings.templates, Some(PathBuf::from("/book/house")));
        assert_eq!(settings.template.as_deref(), Some("flash"));
        assert_eq!(
            Settings::from_context(&context("[book]\ntitle = \"x\"\n")).unwrap(),
            Settings::default()
        );
        let error = Settings::from_context(&context("[preprocessor.brief]\ntempaltes = \"x\"\n"))
            .unwrap_err()
            .to_string();
        assert!(error.contains("unknown key `tempaltes`"), "{error}");
        assert!(error.contains("did you mean `templates`?"), "{error}");
    }

    #[test]
    fn normalizes_paths_for_messages() {
        assert_eq!(
            normalize(Path::new("src/./a/../../../briefs/x.yaml")),
            PathBuf::from("../briefs/x.yaml")
        );
        assert_eq!(normalize(Path::new("/a/../b")), PathBuf::from("/b"));
    }
}
