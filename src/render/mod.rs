//! Stage 4, render: [`View`] → Markdown, HTML or JSON through Tera
//! templates.
//!
//! The built-in templates in `templates/` are compiled into the binary; a
//! user's template directory ([`TemplateDir`]) can replace any of them or
//! add new ones. Markdown and HTML are dialects (`dialect/`), and each
//! gets its own Tera instance because each needs its own escaping: HTML
//! entities for HTML pages, backslash escapes for Markdown pages, so that
//! a name containing `|` or `*` stays one table cell of plain text. Every
//! template is escaped; only the helpers' own markup is marked safe.

pub mod charts;
mod check;
mod dialect;
mod error;
mod front_matter;
mod helpers;
mod index_view;
mod options;
mod templates;
mod tidy;

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, OnceLock};

use serde::Serialize;
use tera::{Context, ErrorKind, Tera};

use self::dialect::{Dialect, Output, json};
use self::tidy::{tidy, with_head};
use crate::diff::DiffView;
use crate::i18n::{Catalog, Lang, Words};
use crate::resolve::View;

pub use charts::{ChartsView, Diagrams};
pub use dialect::html::markdown_to_safe_html;
pub use dialect::markdown::{escape_markdown, markdown_to_safe_markdown};
pub use error::RenderError;
pub(crate) use front_matter::quoted;
pub use front_matter::{FrontMatter, front_matter};
pub use helpers::HELPERS;
pub use index_view::{IndexActor, IndexBrief, IndexLink, IndexView};
pub use options::{Format, RenderOptions};
pub use templates::{
    BUILTIN_PREFIX, BUILTINS, HTML_PIECES, MAX_TEMPLATE_BYTES, MAX_TEMPLATES, Origin, TemplateDir,
    TemplateInfo, TemplateKind, UserTemplate, export_builtins,
};

/// What templates receive: the view, plus the rendering options they may
/// act on. `brief render --format json` prints exactly this, and a user's
/// templates are checked against its schema.
#[derive(Serialize, schemars::JsonSchema)]
struct TemplateContext<'a> {
    #[serde(flatten)]
    view: &'a View,
    fragment: bool,
    charts: ChartsView,
}

/// The Tera context for a view: the same data as [`TemplateContext`],
/// built without going through a flattened struct (which serde buffers
/// field by field). The charts are markup, so they go in as safe strings
/// that print without escaping; each chart's text is freed as soon as it
/// is copied.
fn tera_context(context: TemplateContext) -> Result<Context, RenderError> {
    // Taken apart in full, so a field added to the JSON context is a
    // compile error here until templates get it too.
    let TemplateContext {
        view,
        fragment,
        charts,
    } = context;
    let mut context = Context::from_serialize(view)
        .map_err(|e| RenderError::data(format!("cannot build the template context: {e}"), e))?;
    context.insert("fragment", &fragment);
    context.insert_value("charts", charts_value(charts));
    Ok(context)
}

/// The charts as templates see them: safe strings.
fn charts_value(charts: ChartsView) -> tera::Value {
    let ChartsView {
        territory,
        chronology,
        relations,
    } = charts;
    let charts: std::collections::BTreeMap<&'static str, tera::Value> = [
        ("territory", territory),
        ("chronology", chronology),
        ("relations", relations),
    ]
    .into_iter()
    .map(|(k, v)| (k, tera::Value::safe_string(&v)))
    .collect();
    tera::Value::from(charts)
}

/// A view lent to the renderer, or given to it to free early.
enum Held<'a> {
    Borrowed(&'a View),
    Owned(Box<View>),
}

/// Compiled templates for every format. Build it once and render many
/// briefs with it.
pub struct Renderer {
    markdown: Instance,
    html: Instance,
    /// Compile every template of a format together (a user's directory),
    /// not page by page.
    whole: bool,
    infos: Vec<TemplateInfo>,
    /// Template name → what to call it in messages (its file).
    shown: HashMap<String, String>,
    /// Template name → the template it extends.
    parents: HashMap<String, String>,
    /// The messages templates and views take their words from: the
    /// shipped ones and the user's.
    catalog: Arc<Catalog>,
}

/// The templates of one format, and their compiled form once needed.
struct Instance {
    sources: Vec<(String, Cow<'static, str>)>,
    /// Every template of the format, compiled together.
    tera: OnceLock<Result<Tera, RenderError>>,
    /// With the built-ins alone: each page compiled with only the
    /// templates it names, on first use, so that rendering one briefing
    /// does not pay for compiling the others.
    pages: Vec<(String, OnceLock<Result<Tera, RenderError>>)>,
}

impl Instance {
    fn new(sources: Vec<(String, Cow<'static, str>)>) -> Self {
        let pages = sources
            .iter()
            .filter(|(n, _)| TemplateKind::of(n) != TemplateKind::Part)
            .map(|(n, _)| (n.clone(), OnceLock::new()))
            .collect();
        Self {
            sources,
            tera: OnceLock::new(),
            pages,
        }
    }

    /// `page` and the templates it needs: those it names in quotes
    /// (`extends`, `include`, `import`), and theirs in turn. A template
    /// named in other text is included too, which costs only time.
    fn needed_by(&self, page: &str) -> Vec<(&str, &str)> {
        let mut needed = vec![page];
        let mut i = 0;
        while let Some(&name) = needed.get(i) {
            i += 1;
            let Some((_, source)) = self.sources.iter().find(|(n, _)| n == name) else {
                continue;
            };
            for (other, _) in &self.sources {
                let named = source.contains(&format!("\"{other}\""))
                    || source.contains(&format!("'{other}'"));
                if named && !needed.contains(&other.as_str()) {
                    needed.push(other);
                }
            }
        }
        self.sources
            .iter()
            .filter(|(n, _)| needed.contains(&n.as_str()))
            .map(|(n, s)| (n.as_str(), s.as_ref()))
            .collect()
    }
}

impl fmt::Debug for Renderer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Renderer")
            .field("templates", &self.infos)
            .finish_non_exhaustive()
    }
}

/// The template name `options` asks for: `--template` with the format's
/// extension added when it has none, else `DEFAULT.EXT`. A name whose
/// extension is another format's is refused.
fn requested_name(options: &RenderOptions, default: &str) -> Result<String, RenderError> {
    let format = options.format;
    let ext = format.extension();
    match &options.template {
        None => Ok(format!("{default}.{ext}")),
        Some(name) => match TemplateKind::of(name).format() {
            Some(f) if f == format => Ok(name.clone()),
            Some(f) => Err(RenderError::request(format!(
                "the template `{name}` renders {}, not {}",
                f.describe(),
                format.describe()
            ))),
            None => Ok(format!("{name}.{ext}")),
        },
    }
}

impl Renderer {
    /// A renderer with the built-in templates.
    pub fn new() -> Result<Self, RenderError> {
        Self::build(None)
    }

    /// A renderer with the templates of a user's directory on top of the
    /// built-ins (see [`TemplateDir::read`]).
    pub fn with_templates(dir: &TemplateDir) -> Result<Self, RenderError> {
        Self::build(Some(dir))
    }

    fn build(user: Option<&TemplateDir>) -> Result<Self, RenderError> {
        let mut infos = Vec::new();
        let mut shown = HashMap::new();
        let mut sources: Vec<(String, Cow<'static, str>)> = Vec::new();
        for &(name, source) in BUILTINS {
            let builtin_name = format!("{BUILTIN_PREFIX}{name}");
            let origin = match user.and_then(|u| u.get(name)) {
                Some(t) => Origin::Overridden(t.path.clone()),
                None => {
                    shown.insert(name.to_owned(), builtin_name.clone());
                    sources.push((name.to_owned(), Cow::Borrowed(source)));
                    Origin::BuiltIn
                }
            };
            infos.push(TemplateInfo {
                name: name.to_owned(),
                kind: TemplateKind::of(name),
                origin,
            });
            if user.is_some() {
                sources.push((builtin_name, Cow::Borrowed(source)));
            }
        }
        for t in user.map(|u| u.templates.as_slice()).unwrap_or_default() {
            shown.insert(t.name.clone(), t.path.display().to_string());
            sources.push((t.name.clone(), Cow::Owned(t.source.clone())));
            if BUILTINS.iter().all(|(n, _)| *n != t.name) {
                infos.push(TemplateInfo {
                    name: t.name.clone(),
                    kind: TemplateKind::of(&t.name),
                    origin: Origin::User(t.path.clone()),
                });
            }
        }
        infos.sort_by(|a, b| a.name.cmp(&b.name));

        // Pages go to the instance of their format; parts go to both, but
        // the built-in stylesheet only to HTML.
        let (mut md_sources, mut html_sources) = (Vec::new(), Vec::new());
        for (name, source) in &sources {
            let base = name.strip_prefix(BUILTIN_PREFIX).unwrap_or(name);
            let builtin_part = user.is_none_or(|u| u.get(base).is_none())
                && BUILTINS.iter().any(|(n, _)| *n == base);
            let pair = (name.clone(), source.clone());
            match TemplateKind::of(name) {
                TemplateKind::Markdown => md_sources.push(pair),
                TemplateKind::Html => html_sources.push(pair),
                TemplateKind::Part if builtin_part => html_sources.push(pair),
                TemplateKind::Part => {
                    md_sources.push(pair.clone());
                    html_sources.push(pair);
                }
            }
        }
        let mut renderer = Renderer {
            markdown: Instance::new(md_sources),
            html: Instance::new(html_sources),
            whole: user.is_some(),
            infos,
            shown,
            parents: HashMap::new(),
            catalog: match user {
                Some(u) if !u.messages.is_empty() => Arc::new(
                    Catalog::with_user(&u.messages)
                        .map_err(|e| RenderError::files(e.to_string()))?,
                ),
                _ => Catalog::builtin(),
            },
        };
        renderer.check_parents(&sources)?;
        if let Some(user) = user {
            // A user's templates are compiled and checked up front, so a
            // broken one is reported before any brief is read.
            renderer.tera(Dialect::Markdown)?;
            renderer.tera(Dialect::Html)?;
            renderer.check_names(user)?;
        }
        Ok(renderer)
    }

    /// The compiled templates of a dialect, compiled on first use: a
    /// Markdown rendering never pays for the HTML templates.
    fn tera(&self, dialect: Dialect) -> Result<&Tera, RenderError> {
        let instance = self.instance(dialect);
        instance
            .tera
            .get_or_init(|| {
                let sources = instance
                    .sources
                    .iter()
                    .map(|(n, s)| (n.as_str(), s.as_ref()));
                self.compile(dialect, sources)
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    /// The compiled templates to render `page` with: with the built-ins
    /// alone, that page and what it needs; else every template of the
    /// dialect (compiled and checked up front).
    fn tera_for(&self, dialect: Dialect, page: &str) -> Result<&Tera, RenderError> {
        let instance = self.instance(dialect);
        if self.whole {
            return self.tera(dialect);
        }
        match instance.pages.iter().find(|(n, _)| n == page) {
            Some((_, tera)) => tera
                .get_or_init(|| self.compile(dialect, instance.needed_by(page).into_iter()))
                .as_ref()
                .map_err(Clone::clone),
            None => self.tera(dialect),
        }
    }

    fn instance(&self, dialect: Dialect) -> &Instance {
        match dialect {
            Dialect::Markdown => &self.markdown,
            Dialect::Html => &self.html,
        }
    }

    fn compile<'s>(
        &self,
        dialect: Dialect,
        sources: impl Iterator<Item = (&'s str, &'s str)>,
    ) -> Result<Tera, RenderError> {
        let mut tera = Tera::new();
        tera.set_escape_fn(dialect.escape_fn());
        // Escape in every template, whatever its extension: a part
        // included by a page must not be a way around escaping.
        tera.autoescape_on([""]);
        helpers::register(&mut tera, dialect);
        helpers::register_messages(&mut tera, dialect, self.catalog.clone());
        tera.add_raw_templates(sources)
            .map(|()| tera)
            .map_err(|e| self.report(e, None))
    }

    /// The words of `lang`: what a view is resolved in before this
    /// renderer renders it (see [`crate::resolve::resolve_in`]).
    pub fn words(&self, lang: Lang) -> Words {
        Words::new(self.catalog.clone(), lang)
    }

    /// Every template available: built-in, overridden or the user's own,
    /// sorted by name.
    pub fn templates(&self) -> &[TemplateInfo] {
        &self.infos
    }

    /// The name of the template that `options` selects, checked to exist.
    pub fn template_name(&self, options: &RenderOptions) -> Result<String, RenderError> {
        let format = options.format;
        let name = requested_name(options, "brief")?;
        let pages: Vec<&str> = self
            .infos
            .iter()
            .filter(|t| {
                t.kind.format() == Some(format)
                    && !t.name.starts_with("index.")
                    && !is_diff_template(&t.name)
                    && !HTML_PIECES.contains(&t.name.as_str())
            })
            .map(|t| t.name.as_str())
            .collect();
        if name.starts_with("index.") {
            return Err(RenderError::request(format!(
                "the template `{name}` lays out the index page of `brief build`; it cannot render a single brief"
            )));
        }
        if is_diff_template(&name) {
            return Err(RenderError::request(format!(
                "the template `{name}` lays out a change briefing of `brief diff`; it cannot render a single brief"
            )));
        }
        if HTML_PIECES.contains(&name.as_str()) {
            return Err(RenderError::request(format!(
                "the template `{name}` is part of the HTML pages; it cannot render a single brief"
            )));
        }
        if pages.contains(&name.as_str()) {
            return Ok(name);
        }
        let mut message = format!("no {} template named `{name}`", format.describe());
        if let Some(close) = crate::diagnostic::closest(&name, pages.iter().copied()) {
            message.push_str(&format!("\n  = help: did you mean `{close}`?"));
        }
        message.push_str(&format!(
            "\n  = note: {} templates: {}",
            format.describe(),
            pages.join(", ")
        ));
        Err(RenderError::request(message))
    }

    /// The name of the change-briefing template that `options` selects
    /// for [`Renderer::render_diff`], checked to exist: `diff.md` or
    /// `diff.html` by default, else a template whose name starts with
    /// `diff.` or `diff-`.
    pub fn diff_template_name(&self, options: &RenderOptions) -> Result<String, RenderError> {
        let format = options.format;
        let name = requested_name(options, "diff")?;
        let pages: Vec<&str> = self
            .infos
            .iter()
            .filter(|t| t.kind.format() == Some(format) && is_diff_template(&t.name))
            .map(|t| t.name.as_str())
            .collect();
        if pages.contains(&name.as_str()) {
            return Ok(name);
        }
        let mut message = if self.infos.iter().any(|t| t.name == name) {
            format!(
                "the template `{name}` does not lay out a change briefing: the names of those start with `diff.` or `diff-`"
            )
        } else {
            format!(
                "no {} change-briefing template named `{name}`",
                format.describe()
            )
        };
        if let Some(close) = crate::diagnostic::closest(&name, pages.iter().copied()) {
            message.push_str(&format!("\n  = help: did you mean `{close}`?"));
        }
        message.push_str(&format!(
            "\n  = note: {} change-briefing templates: {}",
            format.describe(),
            pages.join(", ")
        ));
        Err(RenderError::request(message))
    }

    /// Renders a change briefing (see [`crate::diff`]) with `diff.md`,
    /// `diff.html`, or the template `options` names; as JSON, the view
    /// itself. `fragment` and `front_matter` do not apply.
    pub fn render_diff(
        &self,
        view: &DiffView,
        options: &RenderOptions,
    ) -> Result<String, RenderError> {
        let dialect = match options.format.output() {
            Output::Templates(dialect) => dialect,
            Output::Json => {
                json::no_template(options.template.as_deref())?;
                return json::write(view);
            }
        };
        let name = self.diff_template_name(options)?;
        let tera = self.tera(dialect)?;
        let context = Context::from_serialize(view)
            .map_err(|e| RenderError::data(format!("cannot build the template context: {e}"), e))?;
        let out = tera
            .render(&name, &context)
            .map_err(|e| self.report(e, Some(&name)))?;
        Ok(tidy(out))
    }

    /// Renders a view.
    pub fn render(&self, view: &View, options: &RenderOptions) -> Result<String, RenderError> {
        self.render_view(Held::Borrowed(view), options)
    }

    /// [`Renderer::render`] of a view it may free as soon as the data for
    /// the templates is built: a large brief then needs less memory.
    pub(crate) fn render_owned(
        &self,
        view: View,
        options: &RenderOptions,
    ) -> Result<String, RenderError> {
        self.render_view(Held::Owned(Box::new(view)), options)
    }

    /// Renders in the words of the options' language: the kinds and
    /// statuses of a view are written in them as the view is serialized.
    fn render_view(&self, view: Held<'_>, options: &RenderOptions) -> Result<String, RenderError> {
        crate::i18n::in_words(&self.words(options.lang), || {
            self.render_view_in(view, options)
        })
    }

    fn render_view_in(
        &self,
        view: Held<'_>,
        options: &RenderOptions,
    ) -> Result<String, RenderError> {
        let view_ref = match &view {
            Held::Borrowed(v) => *v,
            Held::Owned(v) => v,
        };
        let dialect = match options.format.output() {
            Output::Templates(dialect) => dialect,
            Output::Json => {
                json::no_template(options.template.as_deref())?;
                return json::write(&TemplateContext {
                    view: view_ref,
                    fragment: options.fragment,
                    charts: options.charts(view_ref)?,
                });
            }
        };
        let head = options.head(view_ref, dialect)?;
        let name = self.template_name(options)?;
        let tera = self.tera_for(dialect, &name)?;
        let context = tera_context(TemplateContext {
            view: view_ref,
            fragment: options.fragment,
            charts: options.charts(view_ref)?,
        })?;
        drop(view);
        let out = tera
            .render(&name, &context)
            .map_err(|e| self.report(e, Some(&name)))?;
        drop(context);
        Ok(with_head(head, out))
    }

    /// Renders a view in each of `options` (Markdown or HTML, with the
    /// same `fragment`), building the templates' data once for all of
    /// them: what `brief build` does with each brief.
    pub(crate) fn render_each(
        &self,
        view: &View,
        options: &[RenderOptions],
    ) -> Result<Vec<String>, RenderError> {
        let lang = options.first().map_or(crate::i18n::Lang::En, |o| o.lang);
        crate::i18n::in_words(&self.words(lang), || self.render_each_in(view, options))
    }

    fn render_each_in(
        &self,
        view: &View,
        options: &[RenderOptions],
    ) -> Result<Vec<String>, RenderError> {
        let fragment = options.first().is_some_and(|f| f.fragment);
        let dialects: Option<Vec<Dialect>> = options
            .iter()
            .map(|o| match o.format.output() {
                Output::Templates(dialect) if o.fragment == fragment => Some(dialect),
                Output::Templates(_) | Output::Json => None,
            })
            .collect();
        let dialects = match dialects {
            Some(d) if d.len() >= 2 => d,
            _ => return options.iter().map(|o| self.render(view, o)).collect(),
        };
        let mut context = tera_context(TemplateContext {
            view,
            fragment,
            charts: ChartsView::default(),
        })?;
        let mut outs = Vec::with_capacity(options.len());
        for (o, dialect) in options.iter().zip(dialects) {
            // The charts differ by dialect: SVG in HTML, Mermaid in Markdown.
            context.insert_value("charts", charts_value(o.charts(view)?));
            let head = o.head(view, dialect)?;
            let name = self.template_name(o)?;
            let out = self
                .tera_for(dialect, &name)?
                .render(&name, &context)
                .map_err(|e| self.report(e, Some(&name)))?;
            outs.push(with_head(head, out));
        }
        Ok(outs)
    }

    /// Renders a page that is not one brief, such as the index of a
    /// build, with `template` (e.g. `index.md`) and any serializable
    /// context.
    pub fn render_page<T: Serialize>(
        &self,
        template: &str,
        context: &T,
    ) -> Result<String, RenderError> {
        let dialect = match TemplateKind::of(template).dialect() {
            Some(d) => d,
            None => {
                return Err(RenderError::request(format!(
                    "the template `{template}` is not a Markdown or HTML page"
                )));
            }
        };
        if !self.infos.iter().any(|t| t.name == template) {
            return Err(RenderError::request(format!(
                "no template named `{template}`"
            )));
        }
        let tera = self.tera_for(dialect, template)?;
        let context = Context::from_serialize(context)
            .map_err(|e| RenderError::data(format!("cannot build the template context: {e}"), e))?;
        let out = tera
            .render(template, &context)
            .map_err(|e| self.report(e, Some(template)))?;
        Ok(tidy(out))
    }

    /// A fingerprint of every template's name and content: it changes when
    /// any template does, so a build can tell whether its outputs are
    /// stale.
    pub fn fingerprint(&self) -> u64 {
        let mut h = crate::hash::Fingerprint::new();
        for (name, source) in self.markdown.sources.iter().chain(&self.html.sources) {
            h.write(name.as_bytes());
            h.write(&[0]);
            h.write(source.as_bytes());
            h.write(&[0]);
        }
        h.finish()
    }

    /// The `{% block %}` names of the template that `options` selects,
    /// including those it inherits, in the order they first appear (the
    /// parent's first).
    pub fn blocks(&self, options: &RenderOptions) -> Result<Vec<String>, RenderError> {
        let name = self.template_name(options)?;
        let sources = match options.format.output() {
            Output::Templates(dialect) => &self.instance(dialect).sources,
            // No template renders JSON, so `template_name` refused it.
            Output::Json => return Ok(Vec::new()),
        };
        let mut chain = vec![name.as_str()];
        while let Some(parent) = self.parents.get(*chain.last().unwrap_or(&"")) {
            if chain.contains(&parent.as_str()) {
                break;
            }
            chain.push(parent);
        }
        let mut blocks: Vec<String> = Vec::new();
        for template in chain.iter().rev() {
            let Some((_, source)) = sources.iter().find(|(n, _)| n == template) else {
                continue;
            };
            for block in templates::block_names(source) {
                if !blocks.iter().any(|b| b == block) {
                    blocks.push(block.to_owned());
                }
            }
        }
        Ok(blocks)
    }

    /// Renders one `{% block %}` of the template that `options` selects,
    /// such as `territory` of `brief.md`: the territorial-control table
    /// alone. Markdown and HTML only. An unknown block is an error that
    /// lists the template's blocks.
    ///
    /// ```
    /// let yaml = "id: demo\ntitle: A demo\nkey_points:\n  - text: Nothing happened.\n";
    /// let (model, _) = brief::check_str(yaml, &brief::Limits::default());
    /// let view = brief::resolve::resolve(&model.unwrap());
    /// let renderer = brief::Renderer::new().unwrap();
    /// let options = brief::RenderOptions::default();
    /// let md = renderer.render_block(&view, &options, "key_points").unwrap();
    /// assert_eq!(md, "## Key points\n\n- Nothing happened.\n");
    /// let error = renderer.render_block(&view, &options, "keypoints").unwrap_err();
    /// assert!(error.to_string().contains("did you mean `key_points`?"));
    /// ```
    pub fn render_block(
        &self,
        view: &View,
        options: &RenderOptions,
        block: &str,
    ) -> Result<String, RenderError> {
        let dialect = match options.format.output() {
            Output::Templates(dialect) => dialect,
            Output::Json => {
                return Err(RenderError::request(
                    "JSON output has no blocks: it uses no template",
                ));
            }
        };
        let name = self.template_name(options)?;
        let blocks = self.blocks(options)?;
        if !blocks.iter().any(|b| b == block) {
            let mut message = format!("no block named `{block}` in `{name}`");
            if let Some(close) =
                crate::diagnostic::closest(block, blocks.iter().map(String::as_str))
            {
                message.push_str(&format!("\n  = help: did you mean `{close}`?"));
            }
            message.push_str(&format!(
                "\n  = note: the blocks of `{name}` are {}",
                blocks.join(", ")
            ));
            return Err(RenderError::request(message));
        }
        let tera = self.tera_for(dialect, &name)?;
        let context = crate::i18n::in_words(&self.words(options.lang), || {
            tera_context(TemplateContext {
                view,
                fragment: options.fragment,
                charts: options.charts(view)?,
            })
        })?;
        let out = tera
            .render_block(&name, block, &context)
            .map_err(|e| self.report(e, Some(&name)))?;
        Ok(tidy(out))
    }

    /// What to call a template in messages: its file for the user's,
    /// `builtin/NAME` for the built-ins.
    fn show<'a>(&'a self, name: &'a str) -> &'a str {
        self.shown.get(name).map(String::as_str).unwrap_or(name)
    }

    /// Refuses variables and fields that no view has, in the user's
    /// templates: Tera would render a misspelled name in a condition as
    /// false, silently.
    fn check_names(&self, user: &TemplateDir) -> Result<(), RenderError> {
        let mut problems = Vec::new();
        for t in &user.templates {
            // A part is in the Markdown instance whatever else includes it.
            let dialect = TemplateKind::of(&t.name)
                .dialect()
                .unwrap_or(Dialect::Markdown);
            let tera = self.tera(dialect)?;
            let top: Vec<&str> = tera
                .get_template_variables(&t.name)
                .map(|v| v.into_iter().collect())
                .unwrap_or_default();
            let names = check::Names::get();
            let context = if t.name.starts_with("index.") {
                &names.index
            } else if is_diff_template(&t.name) {
                &names.diff
            } else {
                &names.context
            };
            problems.extend(check::unknown_names(
                self.show(&t.name),
                &t.source,
                &top,
                context,
            ));
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(RenderError::template(problems.join("\n\n")))
        }
    }

    /// Records what each template extends, and refuses a parent that does
    /// not exist, pointing at it.
    fn check_parents(
        &mut self,
        sources: &[(String, Cow<'static, str>)],
    ) -> Result<(), RenderError> {
        let names: Vec<&str> = sources.iter().map(|(n, _)| n.as_str()).collect();
        for (name, source) in sources {
            let Some((parent, offset)) = templates::extends_target(source) else {
                continue;
            };
            if !names.contains(&parent) {
                let mut message = format!(
                    "`{}` extends `{parent}`, which is not a template",
                    self.show(name)
                );
                message.push('\n');
                message.push_str(&check::snippet(
                    self.show(name),
                    source,
                    offset,
                    parent.len(),
                ));
                if let Some(close) = crate::diagnostic::closest(parent, names.iter().copied()) {
                    message.push_str(&format!("\n  = help: did you mean `{close}`?"));
                }
                return Err(RenderError::template(message));
            }
            self.parents.insert(name.clone(), parent.to_owned());
        }
        Ok(())
    }

    /// Turns a Tera error into our message: template names become file
    /// paths, and the extends chain of the rendered template is listed.
    fn report(&self, e: tera::Error, rendering: Option<&str>) -> RenderError {
        let mut message = match e.kind() {
            ErrorKind::CircularExtend {
                tpl,
                inheritance_chain,
            } => format!(
                "templates extend each other in a circle: {} → {}",
                inheritance_chain
                    .iter()
                    .map(|n| format!("`{}`", self.show(n)))
                    .collect::<Vec<_>>()
                    .join(" → "),
                self.show(tpl)
            ),
            ErrorKind::CircularInclude { include_chain, .. } => format!(
                "templates include each other in a circle: {}",
                include_chain
                    .iter()
                    .map(|n| format!("`{}`", self.show(n)))
                    .collect::<Vec<_>>()
                    .join(" → ")
            ),
            _ => {
                let mut text = e.to_string();
                let mut source = std::error::Error::source(&e);
                while let Some(s) = source {
                    let more = s.to_string();
                    if !text.contains(&more) {
                        text.push_str("\n  caused by: ");
                        text.push_str(&more);
                    }
                    source = s.source();
                }
                let mut text = text.strip_prefix("error: ").unwrap_or(&text).to_owned();
                if text.starts_with("Unknown filter") {
                    text.push_str(&format!(
                        "\n  = note: brief's helpers are {}; Tera's built-in filters are also available",
                        HELPERS.join(", ")
                    ));
                }
                self.shown_paths(text)
            }
        };
        if let Some(name) = rendering {
            let mut chain = vec![name];
            while let Some(parent) = self.parents.get(*chain.last().unwrap_or(&name)) {
                if chain.contains(&parent.as_str()) {
                    break;
                }
                chain.push(parent);
            }
            if chain.len() > 1 {
                let mut note = format!("\n  = note: while rendering `{}`", self.show(chain[0]));
                for parent in &chain[1..] {
                    note.push_str(&format!(", which extends `{}`", self.show(parent)));
                }
                message.push_str(&note);
            }
        }
        RenderError::template(message)
    }

    /// Replaces template names by their files in a Tera report's
    /// `--> NAME:line:col` and `called from NAME:line:col` lines.
    fn shown_paths(&self, mut text: String) -> String {
        let mut names: Vec<(&String, &String)> =
            self.shown.iter().filter(|(n, p)| n != p).collect();
        // Longer names first, so `builtin/brief.md` is not hit by `brief.md`.
        names.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(b.0)));
        for (name, path) in names {
            for lead in ["--> ", "called from "] {
                text = text.replace(&format!("{lead}{name}:"), &format!("{lead}{path}:"));
            }
        }
        text
    }
}

/// Whether a template lays out a change briefing of `brief diff`: its
/// name starts with `diff.` or `diff-` (`diff.md`, `diff-house.html`).
fn is_diff_template(name: &str) -> bool {
    name.starts_with("diff.") || name.starts_with("diff-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_pages_inherit_the_layout_blocks() {
        let yaml = "id: demo\ntitle: A <demo>\nkey_points:\n  - text: Nothing happened.\n";
        let (model, _) = crate::pipeline::check_str(yaml, &crate::Limits::default());
        let view = crate::resolve::resolve(&model.unwrap());
        let renderer = Renderer::new().unwrap();
        let options = RenderOptions {
            format: Format::Html,
            ..RenderOptions::default()
        };
        let blocks = renderer.blocks(&options).unwrap();
        assert_eq!(
            blocks[..6],
            ["head", "title", "style", "page_style", "page", "header"]
        );
        let head = renderer.render_block(&view, &options, "head").unwrap();
        assert!(head.contains("Content-Security-Policy"), "{head}");
        assert!(head.contains("<title>A &lt;demo&gt;</title>"), "{head}");
    }
}
