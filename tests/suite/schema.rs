//! The JSON Schemas for editors (`schema/brief.schema.json` and
//! `schema/registry.schema.json`), checked with
//! an independent validator (the `jsonschema` crate) against the loader:
//! what `brief check` accepts, the schema accepts; what the loader refuses
//! for its shape, the schema refuses too.
//!
//! The committed file is regenerated with
//! `BRIEF_UPDATE_SCHEMA=1 cargo test --test suite schema::`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use brief::{Diagnostic, Limits};
use serde_json::{Value, json};

use crate::common::{self, yaml_files};

const COMMITTED: &str = "schema/brief.schema.json";
const REGISTRY_COMMITTED: &str = "schema/registry.schema.json";
const REGENERATE: &str = "BRIEF_UPDATE_SCHEMA=1 cargo test --test suite schema::";

fn schema() -> Value {
    serde_json::from_str(&brief::json_schema()).expect("the schema is JSON")
}

fn validator() -> jsonschema::Validator {
    jsonschema::draft7::new(&schema()).expect("the schema compiles as draft-07")
}

/// Reads YAML the way an editor's YAML extension hands it to the schema:
/// as plain JSON data (YAML 1.2: `yes` is a string, `2025-02-12` too).
fn yaml_to_json(source: &str) -> Value {
    let mut options = serde_saphyr::Options::default();
    options.strict_booleans = true;
    serde_saphyr::from_str_with_options(source, options)
        .unwrap_or_else(|e| panic!("not YAML that converts to JSON: {e}\n{source}"))
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The schema's complaints about an instance, one per line.
fn schema_errors(validator: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    validator
        .iter_errors(instance)
        .map(|e| format!("{} at `{}`", e, e.instance_path()))
        .collect()
}

fn check_errors(source: &str) -> Vec<Diagnostic> {
    let (_, diagnostics) = brief::check_str(source, &Limits::default());
    diagnostics.into_iter().filter(|d| d.is_error()).collect()
}

/// The errors `brief check` finds in a brief file, imports included.
fn check_file_errors(path: &Path) -> Vec<Diagnostic> {
    let checked = brief::check_file(path, None, &Limits::default()).expect("readable brief");
    checked
        .diagnostics
        .into_iter()
        .filter(|d| d.is_error())
        .collect()
}

/// Compares a committed schema file with what the library generates, or
/// rewrites it when `BRIEF_UPDATE_SCHEMA` is set.
fn assert_committed(committed_path: &str, generated: &str, function: &str) {
    let path = common::root().join(committed_path);
    if std::env::var_os("BRIEF_UPDATE_SCHEMA").is_some_and(|v| !v.is_empty() && v != "0") {
        std::fs::create_dir_all(path.parent().expect("has a parent")).expect("create schema/");
        std::fs::write(&path, generated).expect("write the schema");
        return;
    }
    let Ok(committed) = std::fs::read_to_string(&path) else {
        panic!("{committed_path} is missing: generate it with\n\n    {REGENERATE}\n");
    };
    if committed != generated {
        let line = committed
            .lines()
            .zip(generated.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| committed.lines().count().min(generated.lines().count()))
            + 1;
        panic!(
            "{committed_path} is not what `{function}` generates (first difference at \
             line {line}). The format changed: regenerate the file with\n\n    \
             {REGENERATE}\n\nand commit it."
        );
    }
}

#[test]
fn committed_schema_is_current() {
    assert_committed(COMMITTED, &brief::json_schema(), "brief::json_schema()");
}

#[test]
fn committed_registry_schema_is_current() {
    assert_committed(
        REGISTRY_COMMITTED,
        &brief::registry_json_schema(),
        "brief::registry_json_schema()",
    );
}

fn registry_validator() -> jsonschema::Validator {
    let schema: Value =
        serde_json::from_str(&brief::registry_json_schema()).expect("the schema is JSON");
    if let Err(e) = jsonschema::draft7::meta::validate(&schema) {
        panic!("not a valid draft-07 schema: {e}");
    }
    jsonschema::draft7::new(&schema).expect("the schema compiles as draft-07")
}

#[test]
fn registries_validate_against_the_registry_schema_only() {
    let registry = registry_validator();
    let brief = validator();
    for name in ["registry.yaml", "places.yaml"] {
        let path = common::root().join("tests/fixtures/imports").join(name);
        let instance = yaml_to_json(&read(&path));
        let errors = schema_errors(&registry, &instance);
        assert!(errors.is_empty(), "{name}: {}", errors.join("\n"));
        // As a brief it lacks `id` and `title`: the reason for a schema of its own.
        assert!(!schema_errors(&brief, &instance).is_empty(), "{name}");
    }
    // What the loader refuses in a registry, the schema refuses too.
    let broken = yaml_to_json(&read(
        &common::root().join("tests/fixtures/imports/broken.yaml"),
    ));
    let errors = schema_errors(&registry, &broken);
    assert!(errors.iter().any(|e| e.contains("rank")), "{errors:?}");
    assert!(errors.iter().any(|e| e.contains("persn")), "{errors:?}");
    for (yaml, why) in [
        ("id: story\ntitle: A story\n", "a brief's own keys"),
        ("events: []\n", "items a registry cannot hold"),
        (
            "actors:\n  - name: No id\n    kind: person\n",
            "an actor without id",
        ),
    ] {
        assert!(
            !schema_errors(&registry, &yaml_to_json(yaml)).is_empty(),
            "{why}: {yaml}"
        );
    }
    // A brief is not a registry.
    let seed = yaml_to_json(&read(&common::root().join("briefs/us-russia-talks.yaml")));
    assert!(!schema_errors(&registry, &seed).is_empty());
}

#[test]
fn schema_is_valid_draft_07() {
    let schema = schema();
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    if let Err(e) = jsonschema::draft7::meta::validate(&schema) {
        panic!("not a valid draft-07 schema: {e}");
    }
}

#[test]
fn every_valid_brief_validates() {
    let validator = validator();
    let mut files = common::shipped_briefs();
    files.extend(yaml_files("tests/fixtures/valid"));
    assert!(files.len() >= 5, "{files:?}");
    for path in files {
        let source = read(&path);
        let errors = check_file_errors(&path);
        assert!(errors.is_empty(), "{}: {errors:?}", path.display());
        let errors = schema_errors(&validator, &yaml_to_json(&source));
        assert!(
            errors.is_empty(),
            "{} passes `brief check` but not the schema:\n{}",
            path.display(),
            errors.join("\n")
        );
    }
}

#[test]
fn shipped_briefs_name_the_schema_on_their_first_line() {
    for path in common::shipped_briefs() {
        let source = read(&path);
        assert_eq!(
            source.lines().next(),
            Some("# yaml-language-server: $schema=../schema/brief.schema.json"),
            "{}",
            path.display()
        );
    }
}

/// Fixtures of `tests/fixtures/invalid/` that are wrong in shape, with the
/// code `brief check` gives them.
const STRUCTURAL: &[(&str, &str)] = &[
    ("empty.yaml", "empty-file"),
    ("invalid-date.yaml", "invalid-date"),
    ("malformed-date.yaml", "invalid-date"),
    ("missing-field-item.yaml", "missing-field"),
    ("missing-field.yaml", "missing-field"),
    ("null-title.yaml", "wrong-type"),
    ("only-comments.yaml", "empty-file"),
    ("several-errors-top-level.yaml", "unknown-field"),
    ("top-level-list.yaml", "wrong-type"),
    ("unknown-enum.yaml", "unknown-value"),
    ("unknown-field.yaml", "unknown-field"),
    ("wrong-type-list.yaml", "wrong-type"),
    ("wrong-type.yaml", "wrong-type"),
];

/// The code a fixture of `tests/fixtures/schema-invalid/` expects, from
/// its `# expect: CODE` line.
fn expected_code(source: &str) -> &str {
    source
        .lines()
        .find_map(|l| l.strip_prefix("# expect: "))
        .and_then(|rest| rest.split_whitespace().next())
        .expect("a `# expect: CODE` line")
}

#[test]
fn briefs_wrong_in_shape_fail_both_the_loader_and_the_schema() {
    let validator = validator();
    let mut cases: Vec<(PathBuf, String)> = STRUCTURAL
        .iter()
        .map(|(name, code)| {
            let path = common::root().join("tests/fixtures/invalid").join(name);
            (path, code.to_string())
        })
        .collect();
    let own = yaml_files("tests/fixtures/schema-invalid");
    assert!(own.len() >= 15, "{own:?}");
    for path in own {
        let code = expected_code(&read(&path)).to_string();
        cases.push((path, code));
    }
    for (path, code) in cases {
        let source = read(&path);
        let errors = check_errors(&source);
        assert!(
            errors.iter().any(|d| d.code == code),
            "{}: `brief check` should report `{code}`, reports {errors:?}",
            path.display()
        );
        // An empty file reads as null, which is not a map either.
        let instance = if source
            .lines()
            .all(|l| l.trim().is_empty() || l.starts_with('#'))
        {
            Value::Null
        } else {
            yaml_to_json(&source)
        };
        assert!(
            !validator.is_valid(&instance),
            "{}: `brief check` reports `{code}`, but the schema accepts it",
            path.display()
        );
    }
}

/// What only `brief check` can catch: the schema describes shapes, not
/// meaning. Each of these is accepted by the schema and refused by the
/// checker. When the schema learns one, move it to `schema-invalid/`.
#[test]
fn the_schema_leaves_meaning_to_brief_check() {
    let validator = validator();
    let head = "id: x\ntitle: T\n";
    let cases = [
        (
            "actors:\n  - {id: a, name: A, kind: person}\nplaces:\n  - {id: a, name: A}\n",
            "duplicate-id",
        ),
        (
            "statements:\n  - {id: s, by: nobody, kind: position, text: S}\n",
            "unknown-reference",
        ),
        ("published: 2025-02-23/2025-02-20\n", "invalid-date"),
        ("published: {}\n", "invalid-date"),
        (
            "events:\n  - {id: e, kind: meeting, title: M}\n",
            "missing-status",
        ),
        ("issues:\n  - {id: a★b, name: N}\n", "invalid-id"),
        ("title: \" \"\n", "empty-text"),
    ];
    for (body, code) in cases {
        let source = if body.starts_with("title:") {
            format!("id: x\n{body}")
        } else {
            format!("{head}{body}")
        };
        let errors = check_errors(&source);
        assert!(
            errors.iter().any(|d| d.code == code),
            "`brief check` should report `{code}` for\n{source}\nreports {errors:?}"
        );
        let errors = schema_errors(&validator, &yaml_to_json(&source));
        assert!(errors.is_empty(), "{source}\n{errors:?}");
    }
}

/// Which of `ids` the loader and the schema refuse, given as the ids of
/// `issues` in one brief. Each id is written as YAML escapes, so that any
/// character reaches the loader as it is.
fn refused_ids(validator: &jsonschema::Validator, ids: &[String]) -> (Vec<bool>, Vec<bool>) {
    let mut source = String::from("id: x\ntitle: T\nissues:\n");
    let mut lines = Vec::with_capacity(ids.len());
    for (i, id) in ids.iter().enumerate() {
        let escaped: String = id.chars().map(|c| format!("\\U{:08X}", c as u32)).collect();
        lines.push(4 + 2 * i as u32);
        source.push_str(&format!("  - id: \"{escaped}\"\n    name: N\n"));
    }
    let errors = check_errors(&source);
    let mut loader = vec![false; ids.len()];
    for d in &errors {
        // A control character is refused before ids are read.
        assert!(
            ["invalid-id", "control-character"].contains(&d.code),
            "{d:?}"
        );
        let i = lines
            .binary_search(&d.pos.line)
            .expect("an error on an id line");
        loader[i] = true;
    }
    let issues: Vec<Value> = ids
        .iter()
        .map(|id| json!({ "id": id, "name": "N" }))
        .collect();
    let instance = json!({ "id": "x", "title": "T", "issues": issues });
    let mut schema = vec![false; ids.len()];
    for e in validator.iter_errors(&instance) {
        let path = e.instance_path().to_string();
        let i: usize = path
            .strip_prefix("/issues/")
            .and_then(|rest| rest.strip_suffix("/id"))
            .and_then(|i| i.parse().ok())
            .unwrap_or_else(|| panic!("unexpected error at {path}: {e}"));
        schema[i] = true;
    }
    (loader, schema)
}

#[test]
fn the_id_pattern_agrees_with_the_checker() {
    let validator = validator();
    let good = [
        "trump-putin-call",
        "a_b.c",
        "2024",
        "München",
        "Зеленский",
        "キーウ",
    ];
    let bad = [
        "",
        "trump putin",
        "a/b",
        "a:b",
        "a—b",
        "a’b",
        "a\u{a0}b",
        "a→b",
    ];
    let ids: Vec<String> = good.iter().chain(&bad).map(|s| s.to_string()).collect();
    let (loader, schema) = refused_ids(&validator, &ids);
    for (i, id) in ids.iter().enumerate() {
        let refused = i >= good.len();
        assert_eq!(loader[i], refused, "the checker on {id:?}");
        assert_eq!(schema[i], refused, "the schema on {id:?}");
    }
    // Character by character: exact where the pattern claims to be, and
    // nowhere stricter than the checker (every 7th character of the rest
    // of the Basic Multilingual Plane, to keep the test quick).
    let exact =
        |c: char| matches!(c, '\0'..='\u{FF}' | '\u{2000}'..='\u{206F}' | '\u{2190}'..='\u{21FF}');
    let chars: Vec<char> = ('\u{1}'..='\u{FFFF}')
        .filter(|c| exact(*c) || (*c as u32).is_multiple_of(7))
        .collect();
    let ids: Vec<String> = chars.iter().map(|c| format!("a{c}b")).collect();
    let (loader, schema) = refused_ids(&validator, &ids);
    let mut refused = 0;
    for (i, c) in chars.iter().enumerate() {
        let at = format!("U+{:04X} in an id", *c as u32);
        if exact(*c) {
            assert_eq!(
                schema[i], loader[i],
                "{at}: the schema and the checker differ"
            );
        } else {
            assert!(
                !schema[i] || loader[i],
                "{at}: the schema refuses, the checker accepts"
            );
        }
        refused += usize::from(loader[i]);
    }
    assert!(
        refused > 500,
        "only {refused} characters refused: the test is off"
    );
}

/// Dates to try: every shape of day, month and year with edge values,
/// qualifiers, intervals and other shapes.
fn date_samples() -> Vec<String> {
    let mut points = Vec::new();
    for year in [
        "0000", "1900", "2000", "2023", "2024", "2100", "XXXX", "20XX", "999",
    ] {
        points.push(year.to_string());
        for month in ["00", "01", "02", "04", "09", "12", "13", "XX", "1", "0X"] {
            points.push(format!("{year}-{month}"));
            for day in ["00", "01", "28", "29", "30", "31", "32", "XX", "1"] {
                points.push(format!("{year}-{month}-{day}"));
            }
        }
    }
    let mut dates = points.clone();
    for p in [
        "2024",
        "2025-02",
        "2025-XX",
        "2025-02-12",
        "2024-02-29",
        "2025-02-XX",
        "XXXX",
    ] {
        for q in ["?", "~", "%", "?~", "!", "??"] {
            dates.push(format!("{p}{q}"));
        }
    }
    for (a, b) in [
        ("2025-02-20", "2025-02-23"),
        ("2025-02~", "2025-03-10"),
        ("2024", "2025-02-29"),
        ("2024", "2024-02-29?"),
        ("2025-13", "2026"),
        ("", "2025-06"),
        ("..", "2025-06"),
        ("2025-01", ""),
        ("2025-01", ".."),
        ("", ""),
        ("..", ".."),
        ("", ".."),
        ("...", "2025"),
        ("2025 ", "2026"),
        ("2025/2026", "2027"),
    ] {
        dates.push(format!("{a}/{b}"));
    }
    dates.extend(
        [
            " 2025-02-12 ",
            "Feb 12",
            "25-02-12",
            "2025/02/12",
            "2025-2-12",
            "2025-02-12T10:00",
            "-2025",
            "+2025",
            "2025-02-12-01",
            "2025--02",
            "",
            " ",
        ]
        .map(String::from),
    );
    dates
}

#[test]
fn the_date_pattern_agrees_with_the_checker() {
    let validator = validator();
    let mut accepted = 0;
    for (i, date) in date_samples().into_iter().enumerate() {
        let quoted = serde_json::to_string(&date).expect("a string serializes");
        let mut sources = vec![format!("id: x\ntitle: T\npublished: {quoted}\n")];
        // The map form's `value` goes through the same pattern; try some.
        if i.is_multiple_of(5) {
            sources.push(format!(
                "id: x\ntitle: T\npublished:\n  value: {quoted}\n  stated: S\n"
            ));
        }
        for source in sources {
            let loader = check_errors(&source).is_empty();
            let schema = validator.is_valid(&yaml_to_json(&source));
            assert_eq!(schema, loader, "{source}");
            accepted += usize::from(loader);
        }
    }
    assert!(
        accepted > 150,
        "only {accepted} dates accepted: the samples are off"
    );
}

#[test]
fn numbers_and_booleans_where_text_is_expected_are_accepted_as_the_loader_does() {
    let validator = validator();
    for source in [
        "id: 2024\ntitle: 1984\n",
        "id: x\ntitle: true\nactors:\n  - {id: 7, name: 1.10, kind: person}\n",
        "id: x\ntitle: T\npublished: 2014\n",
        "id: x\ntitle: T\npublished: {value: 2014, stated: 2014}\n",
        "id: x\ntitle: T\nsources: ~\nactors:\n",
    ] {
        assert!(check_errors(source).is_empty(), "{source}");
        let errors = schema_errors(&validator, &yaml_to_json(source));
        assert!(errors.is_empty(), "{source}\n{errors:?}");
    }
}

fn definition<'a>(root: &'a Value, reference: &str) -> (&'a str, &'a Value) {
    let name = reference
        .strip_prefix("#/definitions/")
        .unwrap_or_else(|| panic!("unexpected $ref {reference}"));
    let (key, value) = root["definitions"]
        .as_object()
        .expect("definitions")
        .get_key_value(name)
        .unwrap_or_else(|| panic!("no definition {name}"));
    (key.as_str(), value)
}

/// Records, as `(definition, property)` pairs, the properties `instance`
/// uses of `schema` (the definition `name`), following `$ref`, `allOf`,
/// `anyOf` and `items`.
fn cover(
    root: &Value,
    name: &str,
    schema: &Value,
    instance: &Value,
    used: &mut BTreeSet<(String, String)>,
) {
    if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        let (name, schema) = definition(root, reference);
        return cover(root, name, schema, instance, used);
    }
    for key in ["allOf", "anyOf"] {
        for branch in schema
            .get(key)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            cover(root, name, branch, instance, used);
        }
    }
    if let (Some(properties), Some(object)) = (
        schema.get("properties").and_then(Value::as_object),
        instance.as_object(),
    ) {
        for (key, value) in object {
            if let Some(property) = properties.get(key) {
                used.insert((name.to_string(), key.clone()));
                cover(root, name, property, value, used);
            }
        }
    }
    if let (Some(items), Some(array)) = (schema.get("items"), instance.as_array()) {
        for item in array {
            cover(root, name, items, item, used);
        }
    }
}

/// Every `(definition, property)` pair the schema declares.
fn declared(root: &Value) -> BTreeSet<(String, String)> {
    let mut all = BTreeSet::new();
    let mut add = |name: &str, schema: &Value| {
        for key in schema["properties"]
            .as_object()
            .into_iter()
            .flatten()
            .map(|(k, _)| k)
        {
            all.insert((name.to_string(), key.clone()));
        }
    };
    add("Brief", root);
    for (name, schema) in root["definitions"].as_object().expect("definitions") {
        add(name, schema);
    }
    all
}

#[test]
fn the_every_field_fixture_uses_every_field() {
    let root = schema();
    let path = common::root().join("tests/fixtures/valid/every-field.yaml");
    let source = read(&path);
    assert!(
        check_file_errors(&path).is_empty(),
        "{:?}",
        check_file_errors(&path)
    );
    let mut used = BTreeSet::new();
    cover(&root, "Brief", &root, &yaml_to_json(&source), &mut used);
    let missing: Vec<String> = declared(&root)
        .difference(&used)
        .map(|(name, key)| format!("{name}.{key}"))
        .collect();
    assert!(
        missing.is_empty(),
        "{} does not use {}",
        path.display(),
        missing.join(", ")
    );
}

#[test]
fn the_schema_command_prints_the_committed_schema() {
    let out = assert_cmd::Command::cargo_bin("brief")
        .unwrap()
        .arg("schema")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let committed =
        std::fs::read_to_string(common::root().join("schema/brief.schema.json")).unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), committed);
}
