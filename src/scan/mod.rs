//! Finders over an article's text: sentences, numbers, dates, names and
//! quotes, each a pure function returning byte spans of the text.
//!
//! They know nothing of briefs: `brief verify` compares what they find
//! with a brief's items, and anything else that reads an article (a
//! draft of a brief from it) can use them as they are. Their word lists
//! are data in the repository (`data/*.txt`), read by [`words`].

pub mod dates;
pub mod names;
pub mod normal;
pub mod numbers;
pub mod quotes;
pub mod sentences;
pub mod token;
pub mod words;

pub use dates::{DateExpr, find_dates};
pub use names::{Name, find_names};
pub use numbers::{Number, find_numbers, read_numbers};
pub use quotes::{Quote, find_quotes};
pub use sentences::find_sentences;
