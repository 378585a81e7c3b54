//! The reader's language: the languages a briefing is written in, the
//! catalog of their messages, and the numbers and dates of each locale.
//!
//! Every word `brief` itself writes into a briefing comes from here:
//! templates ask through the `t` function, views compose their phrases
//! through [`Words`]. Diagnostics and command-line messages stay English.

mod catalog;
mod lang;
mod number;
mod scope;

pub use catalog::{Catalog, MessageError, UserMessages};
pub use lang::{Lang, ParseLangError};
pub use number::{group_digits, localize_number, number_text};
pub use scope::{Words, in_words, words};
