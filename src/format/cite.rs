//! A cited source as views show it: its number and name. Shared by the
//! link views in `names` and the evidence passages.

use schemars::JsonSchema;
use serde::Serialize;

/// A cited source: its number and name.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Cite {
    /// The source's number (1-based).
    pub n: usize,
    /// The source's id.
    pub id: String,
    /// The source's name.
    pub name: String,
}
