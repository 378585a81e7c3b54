//! Helpers shared by the areas of the integration tests, defined once.
#![allow(dead_code)]

pub mod command;
pub mod files;
pub mod hostile;
pub mod render;
pub mod serve;
pub mod special;
pub mod text;

pub use command::{brief, brief_in, run, run_in, stderr, stdout};
pub use files::{
    SEED, STORIES, entries, files_in, files_under, path_str, root, seed, shipped_briefs, story,
    tempdir, write, yaml_files,
};
pub use render::{render, render_file};
pub use text::{html_text, markdown_text, repeated_sentences};
