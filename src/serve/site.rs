//! What is served: one brief at `/`, or a directory of briefs with their
//! index at `/` and each brief's page at the name `build` gives it. Every
//! page is rendered when asked for, from the files as they are then; only
//! the compiled templates are kept, and only while the template files are
//! unchanged.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use crate::build::{briefs_in, index_view};
use crate::load::Limits;
use crate::pipeline::{Checked, check_file};
use crate::render::{BUILTINS, Format, RenderOptions, Renderer, TemplateDir};

/// How to serve.
#[derive(Debug, Clone, Default)]
pub struct ServeOptions {
    /// A brief, or a directory of briefs.
    pub path: PathBuf,
    /// The user's template directory.
    pub templates: Option<PathBuf>,
    /// The template each brief is rendered with (`None`: `brief`).
    pub template: Option<String>,
    /// The directory imports must stay inside; `None`: the served
    /// directory, or for one brief as `render` decides.
    pub import_root: Option<PathBuf>,
    /// Resource limits for each brief.
    pub limits: Limits,
    /// The language of the pages.
    pub lang: crate::i18n::Lang,
}

/// What a request asks for, once its path is known to be inside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// The index of a directory.
    Index,
    /// A brief, by its path (relative to the directory, or the file).
    Brief(PathBuf),
}

/// A page to send: its HTML, and the files it was made from (to watch).
#[derive(Debug)]
pub struct Page {
    /// The whole HTML document.
    pub html: String,
    /// Every file read for it (the brief and its imports).
    pub read: Vec<PathBuf>,
}

/// The served brief or directory.
#[derive(Debug)]
pub struct Site {
    options: ServeOptions,
    /// The directory's real path; `None` when serving one brief.
    dir: Option<PathBuf>,
    renderer: Mutex<Option<Compiled>>,
}

/// The templates' (name, text) and what they compiled to.
type Compiled = (Vec<(String, String)>, Arc<Renderer>);

/// Why a site cannot be served at all.
#[derive(Debug, thiserror::Error)]
pub enum SiteError {
    /// The path cannot be read.
    #[error("cannot read `{path}`: {source}")]
    Read {
        /// The path given.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

impl Site {
    /// A site for `options.path`, which must exist.
    pub fn new(options: ServeOptions) -> Result<Site, SiteError> {
        let read = |source| SiteError::Read {
            path: options.path.clone(),
            source,
        };
        let meta = std::fs::metadata(&options.path).map_err(read)?;
        let dir = match meta.is_dir() {
            true => Some(std::fs::canonicalize(&options.path).map_err(read)?),
            false => None,
        };
        Ok(Site {
            options,
            dir,
            renderer: Mutex::new(None),
        })
    }

    /// The directories to watch: the served path (recursively when a
    /// directory, else the brief's own directory) and the templates.
    pub fn watched(&self) -> Vec<(PathBuf, bool)> {
        let mut dirs = Vec::new();
        match &self.dir {
            Some(dir) => dirs.push((dir.clone(), true)),
            None => {
                let parent = self.options.path.parent().filter(|p| *p != Path::new(""));
                dirs.push((parent.unwrap_or(Path::new(".")).to_path_buf(), false));
            }
        }
        if let Some(t) = &self.options.templates {
            dirs.push((t.clone(), true));
        }
        dirs
    }

    /// What a decoded request path names, if anything: with one brief,
    /// only `/` (or `/index.html`); with a directory, its index and each
    /// brief's page, when the brief's real path is inside the directory
    /// (a symbolic link out of it names nothing).
    pub fn target(&self, path: &str) -> Option<Target> {
        if self.dir.is_none() {
            return matches!(path, "" | "index.html")
                .then(|| Target::Brief(self.options.path.clone()));
        }
        if matches!(path, "" | "index.html") {
            return Some(Target::Index);
        }
        // The brief is looked for by name rather than by walking the
        // directory: `a/b.html` is `a/b.yaml`, else `a/b.yml`, as `build`
        // names them, and only where `build` looks for briefs.
        let stem = path.strip_suffix(".html")?;
        let hidden = |s: &str| s.starts_with('.') || s.starts_with('_');
        if stem.split('/').any(hidden) {
            return None;
        }
        ["yaml", "yml"].iter().find_map(|ext| {
            let rel = format!("{stem}.{ext}");
            let file = self.options.path.join(&rel);
            self.inside(&file).then_some(Target::Brief(file))
        })
    }

    /// Whether `file` is a file whose real path is inside the directory.
    fn inside(&self, file: &Path) -> bool {
        let Some(dir) = &self.dir else {
            return false;
        };
        file.is_file() && std::fs::canonicalize(file).is_ok_and(|r| r.starts_with(dir))
    }

    /// The briefs `build` would find in the directory whose real path is
    /// inside it (a symbolic link out of it is left out).
    fn briefs(&self) -> Result<Vec<String>, crate::build::BuildError> {
        let mut briefs = briefs_in(&self.options.path)?;
        briefs.retain(|rel| self.inside(&self.options.path.join(rel)));
        Ok(briefs)
    }

    /// The page of a target, rendered now. A brief with errors gives the
    /// page of its diagnostics.
    pub fn page(&self, target: &Target) -> Page {
        let renderer = match self.renderer() {
            Ok(r) => r,
            Err(message) => return problem_page("The templates have errors", &message),
        };
        match target {
            Target::Brief(file) => self.brief_page(file, &renderer),
            Target::Index => self.index_page(&renderer),
        }
    }

    fn import_root(&self) -> Option<&Path> {
        self.options
            .import_root
            .as_deref()
            .or(self.dir.as_ref().map(|_| self.options.path.as_path()))
    }

    fn check(&self, file: &Path) -> Result<Checked, String> {
        check_file(file, self.import_root(), &self.options.limits)
            .map_err(|e| format!("cannot read `{}`: {e}", file.display()))
    }

    fn brief_page(&self, file: &Path, renderer: &Renderer) -> Page {
        let label = file.display().to_string();
        let checked = match self.check(file) {
            Ok(c) => c,
            Err(message) => return problem_page(&format!("{label} cannot be read"), &message),
        };
        let read = checked
            .files
            .iter()
            .map(|(n, _)| PathBuf::from(n))
            .collect();
        let options = RenderOptions {
            format: Format::Html,
            template: self.options.template.clone(),
            lang: self.options.lang,
            ..RenderOptions::default()
        };
        let html = match checked.render(renderer, &options) {
            Ok(rendered) => rendered.text,
            Err(crate::Error::Invalid(diagnostics)) => {
                let mut text = String::new();
                for d in &diagnostics {
                    text.push_str(&d.render_in(&checked.files));
                    text.push('\n');
                }
                let errors = diagnostics.iter().filter(|d| d.is_error()).count();
                let s = if errors == 1 { "" } else { "s" };
                text.push_str(&format!(
                    "error: could not render `{label}` due to {errors} error{s}\n"
                ));
                problem_page(&format!("{label} has errors"), &text).html
            }
            Err(e) => problem_page(&format!("{label} could not be rendered"), &e.to_string()).html,
        };
        Page { html, read }
    }

    fn index_page(&self, renderer: &Renderer) -> Page {
        let briefs = match self.briefs() {
            Ok(b) => b,
            Err(e) => return problem_page("The briefs cannot be listed", &e.to_string()),
        };
        let mut read = Vec::new();
        let checked: Vec<(String, Option<Checked>)> = briefs
            .into_iter()
            .map(|rel| {
                let c = self.check(&self.options.path.join(&rel)).ok();
                if let Some(c) = &c {
                    read.extend(c.files.iter().map(|(n, _)| PathBuf::from(n)));
                }
                (rel, c)
            })
            .collect();
        let models: Vec<(String, Option<&crate::Model>)> = checked
            .iter()
            .map(|(rel, c)| (rel.clone(), c.as_ref().and_then(|c| c.model.as_ref())))
            .collect();
        let view = index_view(&models, Format::Html, self.options.lang);
        match renderer.render_page("index.html", &view) {
            Ok(html) => Page { html, read },
            Err(e) => problem_page("The index could not be rendered", &e.to_string()),
        }
    }

    /// The templates compiled, again only when a template file changed.
    fn renderer(&self) -> Result<Arc<Renderer>, String> {
        let lock = || self.renderer.lock().unwrap_or_else(PoisonError::into_inner);
        let Some(dir) = &self.options.templates else {
            if let Some((_, r)) = &*lock() {
                return Ok(r.clone());
            }
            let r = Arc::new(Renderer::new().map_err(|e| e.to_string())?);
            *lock() = Some((Vec::new(), r.clone()));
            return Ok(r);
        };
        let read = TemplateDir::read(dir).map_err(|e| e.to_string())?;
        let key: Vec<(String, String)> = read
            .templates
            .iter()
            .map(|t| (t.name.clone(), t.source.clone()))
            .collect();
        if let Some((k, r)) = &*lock()
            && *k == key
        {
            return Ok(r.clone());
        }
        let r = Arc::new(Renderer::with_templates(&read).map_err(|e| e.to_string())?);
        *lock() = Some((key, r.clone()));
        Ok(r)
    }
}

/// A page in the look of a briefing that shows a problem as text: the
/// diagnostics `brief check` prints, or an error.
pub fn problem_page(title: &str, text: &str) -> Page {
    let style = BUILTINS
        .iter()
        .find(|(name, _)| *name == "style.css")
        .map_or("", |(_, css)| css);
    let title = escape(title);
    let html = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">\n\
         <title>{title}</title>\n<style>\n{style}\npre.diagnostics {{ white-space: pre-wrap; overflow-x: auto; }}\n</style>\n</head>\n<body>\n\
         <main class=\"brief\">\n<h1>{title}</h1>\n\
         <p class=\"note\">Fix them and save: this page reloads by itself.</p>\n\
         <pre class=\"diagnostics\">{}</pre>\n</main>\n</body>\n</html>\n",
        escape(text)
    );
    Page {
        html,
        read: Vec::new(),
    }
}

/// Text made safe inside HTML elements and quoted attributes.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_page_escapes_its_text() {
        let page = problem_page("a <b>", "x: <script>alert(1)</script> & 'q'");
        assert!(page.html.contains("<h1>a &lt;b&gt;</h1>"));
        assert!(
            page.html
                .contains("x: &lt;script&gt;alert(1)&lt;/script&gt; &amp; &#39;q&#39;")
        );
        assert!(!page.html.contains("<script>"));
    }

    #[test]
    fn only_briefs_inside_the_directory_are_targets() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        std::fs::create_dir_all(root.join("sub")).unwrap();
        std::fs::write(root.join("a.yaml"), "").unwrap();
        std::fs::write(root.join("sub/b.yml"), "").unwrap();
        std::fs::write(root.join("_shared.yaml"), "").unwrap();
        std::fs::write(dir.path().join("secret.yaml"), "").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(dir.path().join("secret.yaml"), root.join("out.yaml")).unwrap();
        let site = Site::new(ServeOptions {
            path: root.clone(),
            ..ServeOptions::default()
        })
        .unwrap();
        assert_eq!(site.target(""), Some(Target::Index));
        assert_eq!(
            site.target("a.html"),
            Some(Target::Brief(root.join("a.yaml")))
        );
        assert_eq!(
            site.target("sub/b.html"),
            Some(Target::Brief(root.join("sub/b.yml")))
        );
        for none in [
            "a.yaml",
            "a.md",
            "_shared.html",
            "secret.html",
            "out.html",
            "sub",
        ] {
            assert_eq!(site.target(none), None, "{none}");
        }
    }
}
