//! The integration tests, built as one binary: one module per area, with
//! the helpers they share in `common`. One binary links once, where a file
//! per area linked the library and its dependencies once each.
//!
//! Run one area with a module filter: `cargo test --test suite cli::`.

mod common;

mod articles;
mod browser_charts;
mod browser_pdf;
mod browser_serve;
mod browser_xss;
mod build;
mod charts;
mod cli;
mod concise;
mod contributing;
mod controls;
mod corpus;
mod dates;
mod diagnostics;
mod diff;
mod draft;
mod draft_facts;
mod draft_props;
mod draft_quality;
mod escaping;
mod escaping_props;
mod events;
mod facts;
mod figures;
mod fuzz_regressions;
mod grounding;
mod help;
mod hostile;
mod html_validity;
mod imports;
mod init;
mod key_points;
mod languages;
mod mdbook;
mod migrate;
mod outputs;
mod prose;
mod reads;
mod real_briefs;
mod records;
mod schema;
mod serve;
mod sites;
mod snapshots;
mod statements;
mod synth;
mod template_reference;
mod templates;
mod verify;
mod verify_reports;
