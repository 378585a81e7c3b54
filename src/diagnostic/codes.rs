//! The table of diagnostic kinds: each kind's kebab-case name and its
//! stable numbered code, kept append-only.

/// Every kind of diagnostic: its kebab-case name and its stable numbered
/// code. Errors are numbered `E0001`…, warnings `W0001`…
///
/// The table is append-only: a kind keeps its number forever, a new kind
/// takes the next free number of its letter, and the number of a kind
/// that is no longer reported is never given to another. The reference
/// (`docs/format.md`) documents each entry.
pub const CODES: &[(&str, &str)] = &[
    // Reading the file.
    ("invalid-utf8", "E0001"),
    ("too-large", "E0002"),
    ("empty-file", "E0003"),
    ("yaml-syntax", "E0004"),
    ("duplicate-key", "E0005"),
    ("limit-exceeded", "E0006"),
    // Matching the format.
    ("unknown-field", "E0007"),
    ("missing-field", "E0008"),
    ("wrong-type", "E0009"),
    ("unknown-value", "E0010"),
    ("invalid-value", "E0011"),
    ("invalid-date", "E0012"),
    // Checking the meaning.
    ("invalid-id", "E0013"),
    ("duplicate-id", "E0014"),
    ("unknown-reference", "E0015"),
    ("wrong-reference", "E0016"),
    ("self-reference", "E0017"),
    ("empty-text", "E0018"),
    ("missing-status", "E0019"),
    ("missing-speaker", "E0020"),
    ("conflicting-attribution", "E0021"),
    ("missing-quote", "E0022"),
    ("missing-conditions", "E0023"),
    ("out-of-range", "E0024"),
    // Imports.
    ("import-not-found", "E0025"),
    ("import-outside-root", "E0026"),
    ("import-cycle", "E0027"),
    // Safety of the output.
    ("invalid-url", "E0030"),
    // Warnings.
    ("unsourced", "W0001"),
    ("inferred-without-wording", "W0002"),
    ("negative-figure", "W0003"),
    ("follows-out-of-order", "W0004"),
    ("unused-actor", "W0005"),
    ("figure-without-date", "W0006"),
    ("scheduled-in-the-past", "W0007"),
    // Renamed ids (`supersedes`).
    ("superseded-id-defined", "E0040"),
    ("superseded-twice", "E0041"),
    ("superseded-reference", "E0042"),
    // Attribution of facts (`according_to`).
    ("invalid-attribution", "E0043"),
    // Characters a briefing's text cannot hold, or should not.
    ("control-character", "E0044"),
    ("bidi-control", "W0008"),
    // Dates placed relative to other items, and inferred parts.
    ("conflicting-date-relation", "E0050"),
    ("date-relation-cycle", "E0051"),
    ("undated-relation-target", "E0052"),
    ("uninferred-date-part", "W0010"),
    ("weekday-mismatch", "W0011"),
    // Events, votes, agreements and proposals.
    ("vote-on-other-event", "E0060"),
    ("duplicate-vote-member", "E0061"),
    ("agreement-ends-before-start", "W0020"),
    // Figures of any measure.
    ("invalid-range", "E0070"),
    ("missing-figure-value", "E0071"),
    ("qualifier-mismatch", "E0072"),
    ("not-territory", "E0073"),
    ("unattributed-conflict", "W0030"),
    // Statements and their speakers.
    ("quoted-not-in-text", "E0080"),
    ("duplicate-speaker", "E0081"),
    // The format's version, and key points.
    ("unsupported-format", "E0090"),
    ("invalid-key-point", "E0091"),
    ("duplicate-key-point", "W0050"),
    // The language of the brief's text.
    ("invalid-lang", "E0092"),
    // Grounding in the sources' texts (`text:`, `evidence:`).
    ("text-not-found", "E0100"),
    ("text-outside-root", "E0101"),
    ("quote-not-found", "E0102"),
    ("passage-not-found", "E0103"),
    ("ambiguous-passage", "E0104"),
    ("evidence-source-needed", "E0105"),
    ("evidence-without-text", "E0106"),
    ("figure-not-in-evidence", "E0107"),
    ("qualifier-not-in-evidence", "E0108"),
    ("date-not-in-evidence", "E0109"),
    ("bracketed-insertion", "W0100"),
    ("qualifier-wording-differs", "W0101"),
    ("speaker-not-named", "W0102"),
    // Drafts (`brief draft`).
    ("drafted-not-reviewed", "W0103"),
];

/// The numbered code (`E0015`) of a diagnostic kind, by its kebab-case
/// name (`unknown-reference`); `None` for a name not in [`CODES`].
pub fn code_number(name: &str) -> Option<&'static str> {
    CODES.iter().find(|(n, _)| *n == name).map(|(_, c)| *c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_code_table_is_well_formed() {
        let mut seen_names = std::collections::HashSet::new();
        // Numbers increase down the table; ranges are reserved for areas
        // of work, so there may be gaps between them.
        let mut last = [0u32, 0u32];
        for (name, code) in CODES {
            assert!(seen_names.insert(*name), "{name} is listed twice");
            assert!(
                name.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{name} is not kebab-case"
            );
            let (letter, number) = code.split_at(1);
            let slot = match letter {
                "E" => 0,
                "W" => 1,
                _ => panic!("{code}: codes start with E or W"),
            };
            assert_eq!(number.len(), 4, "{code}");
            let n: u32 = number
                .parse()
                .unwrap_or_else(|_| panic!("{code}: not a number"));
            assert!(n > last[slot], "{code} ({name}): numbers increase");
            last[slot] = n;
        }
    }

    /// Every code the sources construct a diagnostic with is in the table,
    /// with the letter of its severity.
    #[test]
    fn every_code_used_in_the_sources_is_in_the_table() {
        // Every Rust file of the library, wherever a check lives (but this
        // one, whose patterns would match themselves).
        fn rust_files(dir: &std::path::Path, out: &mut Vec<String>) {
            let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().flatten().collect();
            entries.sort_by_key(|e| e.path());
            for entry in entries {
                let path = entry.path();
                if path.is_dir() {
                    rust_files(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs")
                    && !path.ends_with("diagnostic/codes.rs")
                {
                    out.push(std::fs::read_to_string(&path).unwrap());
                }
            }
        }
        let mut sources = Vec::new();
        rust_files(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut sources,
        );
        let mut found = 0;
        for source in &sources {
            for (ctor, letter) in [
                ("Diagnostic::error(", 'E'),
                ("Diagnostic::warning(", 'W'),
                ("DeError::new(", 'E'),
            ] {
                for (i, _) in source.match_indices(ctor) {
                    let rest = source[i + ctor.len()..].trim_start();
                    let Some(rest) = rest.strip_prefix('"') else {
                        continue;
                    };
                    let name = &rest[..rest.find('"').unwrap()];
                    let code = code_number(name)
                        .unwrap_or_else(|| panic!("`{name}` is not in diagnostic::CODES"));
                    assert!(code.starts_with(letter), "`{name}` is {code}");
                    found += 1;
                }
            }
        }
        assert!(found > 30, "only {found} constructors found");
    }
}
