//! Why rendering failed: one typed error for everything that leaves the
//! render module.

use std::fmt;
use std::sync::Arc;

/// Why a rendering, a template directory or an export failed. Each
/// variant carries its whole message for a reader (the `Display` text);
/// those caused by an I/O or data error also keep that error as their
/// `source`.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum RenderError {
    /// The options ask for what the format or the templates do not have:
    /// a missing template, one of another format or kind, an unknown
    /// block, diagrams or front matter that do not fit the format.
    Request(String),
    /// A template could not be compiled or rendered, or names a parent, a
    /// variable or a field that does not exist. The message names the
    /// template's file, line and column, shows the line, and lists the
    /// templates it was included from or extends.
    Template(String),
    /// A template directory could not be read, or the built-ins could not
    /// be exported into one.
    Files {
        /// What went wrong, naming the path.
        message: String,
        /// The I/O error behind it, if any.
        source: Option<Arc<std::io::Error>>,
    },
    /// The data could not be handed to templates or written as JSON.
    Data {
        /// What went wrong.
        message: String,
        /// The serialization error behind it.
        source: Arc<dyn std::error::Error + Send + Sync>,
    },
}

impl RenderError {
    /// A [`RenderError::Request`].
    pub(crate) fn request(message: impl Into<String>) -> Self {
        RenderError::Request(message.into())
    }

    /// A [`RenderError::Template`].
    pub(crate) fn template(message: impl Into<String>) -> Self {
        RenderError::Template(message.into())
    }

    /// A [`RenderError::Files`] with no I/O error behind it.
    pub(crate) fn files(message: impl Into<String>) -> Self {
        RenderError::Files {
            message: message.into(),
            source: None,
        }
    }

    /// A [`RenderError::Files`] caused by `source`.
    pub(crate) fn io(message: impl Into<String>, source: std::io::Error) -> Self {
        RenderError::Files {
            message: message.into(),
            source: Some(Arc::new(source)),
        }
    }

    /// A [`RenderError::Data`] caused by `source`.
    pub(crate) fn data(
        message: impl Into<String>,
        source: impl std::error::Error + Send + Sync + 'static,
    ) -> Self {
        RenderError::Data {
            message: message.into(),
            source: Arc::new(source),
        }
    }

    /// The text a reader sees.
    fn message(&self) -> &str {
        match self {
            RenderError::Request(m) | RenderError::Template(m) => m,
            RenderError::Files { message, .. } | RenderError::Data { message, .. } => message,
        }
    }
}

/// Two errors are equal when they are of the same kind with the same
/// message: the message already holds its source's text, and I/O errors
/// cannot be compared themselves.
impl PartialEq for RenderError {
    fn eq(&self, other: &Self) -> bool {
        std::mem::discriminant(self) == std::mem::discriminant(other)
            && self.message() == other.message()
    }
}

impl Eq for RenderError {}

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message())
    }
}

impl std::error::Error for RenderError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            RenderError::Request(_) | RenderError::Template(_) => None,
            RenderError::Files { source, .. } => source
                .as_deref()
                .map(|e| e as &(dyn std::error::Error + 'static)),
            RenderError::Data { source, .. } => Some(source.as_ref()),
        }
    }
}
