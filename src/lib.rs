//! `brief` turns the structured facts of a news story, written once in YAML,
//! into a faithful briefing note in Markdown or HTML.
//!
//! The pipeline has four stages, one module each:
//! [`load`] (YAML → raw [`format`] types) → [`validate`] (→ checked
//! [`Model`], every problem at once) → [`resolve`] (→ [`View`] for
//! templates) → [`render`] (Tera → Markdown or HTML).
//!
//! ```
//! let yaml = "id: demo\ntitle: A demo brief\nkey_points:\n  - text: Nothing happened.\n";
//! let renderer = brief::Renderer::new().unwrap();
//! let out = brief::render_str(yaml, &brief::Limits::default(), &renderer, &brief::RenderOptions::default())
//!     .unwrap();
//! assert!(out.text.starts_with("# A demo brief\n"));
//! ```

pub mod build;
pub mod date;
pub mod diagnostic;
pub mod diff;
pub mod disk;
pub mod draft;
pub mod draft_score;
pub mod format;
pub mod ground;
mod hash;
pub mod i18n;
pub mod imports;
pub mod json_schema;
pub mod load;
pub mod mdbook;
pub mod migrate;
pub mod output;
pub mod pdf;
pub mod pipeline;
pub mod pos;
pub mod render;
pub mod resolve;
pub mod scan;
pub mod serve;
mod url;
pub mod validate;
pub mod verify;
pub mod watcher;

pub use build::{BuildOptions, BuildSummary, Site, build};
pub use diagnostic::{Diagnostic, Severity};
pub use diff::DiffView;
pub use disk::{ReadError, decode_source, read_source};
pub use draft::{DraftError, DraftOptions, draft};
pub use i18n::Lang;
pub use imports::ImportScope;
pub use json_schema::{json_schema, registry_json_schema};
pub use load::Limits;
pub use output::write_atomically;
pub use pipeline::{Checked, Error, Rendered, check_file, check_source, check_str, render_str};
pub use pos::{Files, Located, Pos};
pub use render::{Format, FrontMatter, RenderError, RenderOptions, Renderer};
pub use resolve::View;
pub use validate::Model;

/// A starter brief: a commented, fictional example that uses every part of
/// the format and checks with no errors or warnings. `brief init` writes
/// it. Its first line names the JSON Schema, `brief.schema.json`, beside
/// the file (see [`json_schema()`]).
///
/// ```
/// let (model, diagnostics) = brief::check_str(brief::STARTER, &brief::Limits::default());
/// assert!(model.is_some() && diagnostics.is_empty());
/// ```
pub const STARTER: &str = include_str!("starter.yaml");
