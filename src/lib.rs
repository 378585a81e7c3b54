//! `brief` turns the structured facts of a news story, written once in YAML,
//! into a faithful briefing note in Markdown or HTML.

pub mod date;
pub mod diagnostic;
pub mod load;
pub mod schema;
