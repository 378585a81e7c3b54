//! Drafting a brief from an article.

pub mod score;
