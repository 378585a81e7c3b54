//! docs/templates.md, the reference for template authors, must list every
//! variable and field templates receive, and every helper: a field added to
//! the view without documentation fails here, and so does documentation
//! of a field that no longer exists.

use std::collections::BTreeMap;

use crate::common;

/// The page's sections: `### `Name`` headings and the `| `field` |` rows
/// of their tables.
fn documented() -> BTreeMap<String, Vec<String>> {
    let page = std::fs::read_to_string(common::root().join("docs/templates.md"))
        .expect("docs/templates.md exists");
    let mut sections: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in page.lines() {
        if let Some(heading) = line.strip_prefix("### ") {
            current = heading
                .split('`')
                .nth(1)
                .map(str::to_owned)
                .filter(|_| heading.starts_with('`'));
            if let Some(name) = &current {
                assert!(
                    sections.insert(name.clone(), Vec::new()).is_none(),
                    "docs/templates.md has two sections for `{name}`"
                );
            }
        } else if line.starts_with("## ") {
            current = None;
        } else if let (Some(name), Some(row)) = (&current, line.strip_prefix("| `")) {
            let field = row.split('`').next().unwrap_or_default().to_owned();
            sections.get_mut(name).unwrap().push(field);
        }
    }
    sections
}

/// Each object type of the view with its properties, from the JSON
/// Schema derived from the same Rust types the templates receive.
fn view_types() -> BTreeMap<String, Vec<String>> {
    let schema = serde_json::to_value(schemars::schema_for!(brief::View)).unwrap();
    let props = |v: &serde_json::Value| -> Vec<String> {
        v["properties"]
            .as_object()
            .map(|p| p.keys().cloned().collect())
            .unwrap_or_default()
    };
    let mut types = BTreeMap::new();
    let mut top = props(&schema);
    // The rendering options and charts templates also receive.
    top.push("fragment".to_owned());
    top.push("charts".to_owned());
    types.insert("View".to_owned(), top);
    let charts = serde_json::to_value(schemars::schema_for!(brief::render::ChartsView)).unwrap();
    types.insert("ChartsView".to_owned(), props(&charts));
    for (name, def) in schema["$defs"].as_object().unwrap() {
        let fields = props(def);
        if !fields.is_empty() {
            types.insert(name.clone(), fields);
        }
    }
    // The index page of a build gets a context of its own.
    let index = serde_json::to_value(schemars::schema_for!(brief::render::IndexView)).unwrap();
    types.insert("IndexView".to_owned(), props(&index));
    for (name, def) in index["$defs"].as_object().unwrap() {
        types.insert(name.clone(), props(def));
    }
    // So does the change briefing of `brief diff`.
    let diff = serde_json::to_value(schemars::schema_for!(brief::DiffView)).unwrap();
    types.insert("DiffView".to_owned(), props(&diff));
    for (name, def) in diff["$defs"].as_object().unwrap() {
        types.insert(name.clone(), props(def));
    }
    types
}

#[test]
fn every_view_type_and_field_is_documented() {
    let docs = documented();
    let mut missing = Vec::new();
    for (name, fields) in view_types() {
        let Some(rows) = docs.get(&name) else {
            missing.push(format!("no section `### `{name}`` for the type {name}"));
            continue;
        };
        for f in &fields {
            if !rows.contains(f) {
                missing.push(format!("`{name}.{f}` has no `| `{f}` |` row"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "docs/templates.md is out of date with the view:\n  {}",
        missing.join("\n  ")
    );
}

#[test]
fn nothing_documented_is_missing_from_the_view() {
    let types = view_types();
    let helpers = brief::render::HELPERS;
    let mut stale = Vec::new();
    for (name, rows) in documented() {
        if helpers.contains(&name.as_str()) {
            continue;
        }
        let Some(fields) = types.get(&name) else {
            stale.push(format!(
                "section `{name}` is neither a view type nor a helper"
            ));
            continue;
        };
        for r in rows {
            if !fields.contains(&r) {
                stale.push(format!("`{name}.{r}` is documented but not in the view"));
            }
        }
    }
    assert!(
        stale.is_empty(),
        "docs/templates.md documents what does not exist:\n  {}",
        stale.join("\n  ")
    );
}

#[test]
fn every_helper_is_documented() {
    let docs = documented();
    for h in brief::render::HELPERS {
        assert!(
            docs.contains_key(*h),
            "docs/templates.md has no section `### `{h}`` for the helper"
        );
    }
}

#[test]
fn every_built_in_template_and_block_is_documented() {
    let page = std::fs::read_to_string(common::root().join("docs/templates.md")).unwrap();
    for (name, source) in brief::render::BUILTINS {
        assert!(
            page.contains(&format!("`{name}`")),
            "{name} is not mentioned"
        );
        for block in source
            .split("{% block ")
            .skip(1)
            .filter_map(|s| s.split_whitespace().next())
        {
            assert!(
                page.contains(&format!("`{block}`")),
                "the block `{block}` of {name} is not mentioned"
            );
        }
    }
}
