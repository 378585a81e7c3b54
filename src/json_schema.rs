//! The brief format as a JSON Schema (draft-07), for editors.
//!
//! The schema is generated from the serde types in [`crate::format`], so
//! their doc comments become the descriptions an editor shows on hover.
//! The types the loader deserializes by hand ([`Located`], [`Items`],
//! [`DateSpec`], [`Edtf`]) get hand-written schemas here that say what the
//! loader really accepts. `schema/brief.schema.json` is this output,
//! committed; `tests/suite/schema.rs` keeps the two equal.
//!
//! The schema checks shape, not meaning: unknown keys, types, enumeration
//! values, required keys, id syntax and date syntax. References, duplicate
//! ids and the other rules of [`crate::validate`] stay with `brief check`.

use std::borrow::Cow;

use schemars::generate::SchemaSettings;
use schemars::transform::RecursiveTransform;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde_json::{Value, json};

use crate::date::Edtf;
use crate::format::{
    Attribution, AttributionFull, Brief, DateFull, DateSpec, Evidence, Ref, Registry, Selector,
    SelectorFull, Speakers,
};
use crate::pos::{Items, Located};

/// The schema's `$id`.
pub const SCHEMA_ID: &str = "urn:brief:brief.schema.json";

/// The brief format as a JSON Schema (draft-07): pretty-printed JSON with
/// keys in sorted order, ending with a newline. The same on every call.
pub fn json_schema() -> String {
    schema_text::<Brief>(SCHEMA_ID, "brief")
}

/// The registry's `$id`.
pub const REGISTRY_SCHEMA_ID: &str = "urn:brief:registry.schema.json";

/// The format of a registry, a shared file that briefs import (sources,
/// actors, places, issues and imports only), as a JSON Schema like
/// [`json_schema`].
pub fn registry_json_schema() -> String {
    schema_text::<Registry>(REGISTRY_SCHEMA_ID, "brief registry")
}

fn schema_text<T: JsonSchema>(id: &str, title: &str) -> String {
    let mut schema = SchemaSettings::draft07()
        .with_transform(RecursiveTransform(widen_text))
        .with_transform(RecursiveTransform(tidy))
        .with_transform(RecursiveTransform(enum_descriptions))
        .into_generator()
        .into_root_schema_for::<T>();
    schema.insert("$id".into(), id.into());
    schema.insert("title".into(), title.into());
    let mut value = schema.to_value();
    value.sort_all_objects();
    let mut text = serde_json::to_string_pretty(&value).expect("a JSON value always serializes");
    text.push('\n');
    text
}

/// The types that a string field also accepts: the loader takes a number
/// or boolean written where text is expected as that text, as written
/// (`title: 1984`), while an editor reads it as a number.
const TEXT_TYPES: [&str; 3] = ["string", "number", "boolean"];

/// Widens a plain `"type": "string"` (no enumeration, no pattern) to
/// [`TEXT_TYPES`], keeping a `"null"` that an `Option` added.
fn widen_text(schema: &mut Schema) {
    let Some(obj) = schema.as_object_mut() else {
        return;
    };
    if ["enum", "const", "pattern"]
        .iter()
        .any(|k| obj.contains_key(*k))
    {
        return;
    }
    let nullable = match obj.get("type") {
        Some(Value::String(t)) if t == "string" => false,
        Some(Value::Array(ts)) if ts == &[json!("string"), json!("null")] => true,
        _ => return,
    };
    let mut types: Vec<Value> = TEXT_TYPES.iter().map(|t| json!(t)).collect();
    if nullable {
        types.push(json!("null"));
    }
    obj.insert("type".into(), Value::Array(types));
}

/// Drops what helps no author: a `default` of nothing (`null`, `[]`),
/// which an editor would insert on completion, and the hard line breaks
/// of doc comments, so that descriptions wrap in a hover.
fn tidy(schema: &mut Schema) {
    let Some(obj) = schema.as_object_mut() else {
        return;
    };
    let empty = |d: &Value| d.is_null() || d.as_array().is_some_and(Vec::is_empty);
    if obj.get("default").is_some_and(empty) {
        obj.remove("default");
    }
    if let Some(Value::String(d)) = obj.get_mut("description") {
        *d = d
            .split("\n\n")
            .map(|para| para.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect::<Vec<_>>()
            .join("\n\n");
    }
}

/// Turns the `oneOf` of one-value `const` schemas that schemars makes for
/// an enumeration with documented variants into a plain `enum`, which
/// every editor completes and reports clearly, with the variants' doc
/// comments as `enumDescriptions` (shown on hover and in completion lists
/// by the VS Code JSON and YAML extensions).
fn enum_descriptions(schema: &mut Schema) {
    let Some(obj) = schema.as_object_mut() else {
        return;
    };
    let Some(Value::Array(variants)) = obj.get("oneOf") else {
        return;
    };
    let mut values = Vec::new();
    let mut descriptions = Vec::new();
    for variant in variants {
        let Some(v) = variant.as_object() else {
            return;
        };
        let only_const = v
            .keys()
            .all(|k| matches!(k.as_str(), "const" | "type" | "description"));
        match (v.get("const"), v.get("type")) {
            (Some(value @ Value::String(_)), Some(t)) if t == "string" && only_const => {
                values.push(value.clone());
                descriptions.push(v.get("description").cloned().unwrap_or(json!("")));
            }
            _ => return,
        }
    }
    obj.remove("oneOf");
    obj.insert("type".into(), json!("string"));
    obj.insert("enum".into(), Value::Array(values));
    obj.insert("enumDescriptions".into(), Value::Array(descriptions));
}

/// What validate accepts as an id: letters, digits, `-`, `_` and `.`.
///
/// Exact for ASCII, Latin-1, General Punctuation (dashes, curly quotes,
/// odd spaces) and arrows; other non-ASCII characters are let through and
/// left to `brief check`. Unicode property classes (`\p{L}`) would be
/// exact, but editors that compile patterns without the `u` flag read
/// `\p` as a plain `p` and would then refuse every id.
const ID_PATTERN: &str = concat!(
    "^(?:[-.0-9A-Z_a-z\\u00AA\\u00B2\\u00B3\\u00B5\\u00B9\\u00BA\\u00BC-\\u00BE",
    "\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u00FF]",
    "|[^\\u0000-\\u00FF\\u2000-\\u206F\\u2190-\\u21FF])+$"
);

/// The definition of an id, or an id it supersedes (every [`Located`]
/// string in the format is one, except the brief's own `id`, which is not
/// checked, and the paths it imports). References ([`Ref`]) share it.
impl JsonSchema for Located<String> {
    fn schema_name() -> Cow<'static, str> {
        "Id".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An id: letters, digits, `-`, `_` and `.`, e.g. `trump-putin-call`. \
                Ids are unique across the brief; a reference names the id of an item \
                of the kind the field expects.",
            "type": TEXT_TYPES,
            "pattern": ID_PATTERN,
            "patternErrorMessage": "An id is letters, digits, `-`, `_` and `.` only, e.g. `trump-putin-call`.",
        })
    }
}

/// A reference is written as the id it names, so it shares the schema
/// (and the definition) of every other id.
impl<K> JsonSchema for Ref<K> {
    fn schema_name() -> Cow<'static, str> {
        <Located<String>>::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
        <Located<String>>::schema_id()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        <Located<String>>::json_schema(generator)
    }
}

/// A number (the only other [`Located`] value in the format), written
/// unquoted: the loader refuses `"20"`.
impl JsonSchema for Located<f64> {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "number".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "number" })
    }
}

/// A top-level list: it may also be set to `~` (null).
impl<T: JsonSchema> JsonSchema for Items<T> {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        format!("Items_{}", T::schema_name()).into()
    }

    fn schema_id() -> Cow<'static, str> {
        format!("{}::Items<{}>", module_path!(), T::schema_id()).into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": ["array", "null"],
            "items": generator.subschema_for::<T>(),
        })
    }
}

/// Builds the EDTF pattern of [`Edtf::parse`]: see `src/date.rs`.
fn edtf_pattern() -> String {
    const YEAR: &str = "[0-9]{4}";
    // Years with a 29 February, as `days_in_month` counts them.
    const LEAP_YEAR: &str =
        "(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)";
    const MONTH: &str = "(?:0[1-9]|1[0-2])";
    // A month and a day that exists in it (29 February: see LEAP_YEAR).
    const MONTH_DAY: &str = concat!(
        "(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])",
        "|(?:0[13-9]|1[0-2])-(?:29|30)",
        "|(?:0[13578]|1[02])-31)"
    );
    // YYYY, YYYY-MM, YYYY-MM-DD, with `XX` for an unspecified month or
    // day (not a day without its month), then `?`, `~` or `%`.
    let point =
        format!("(?:{LEAP_YEAR}-02-29|{YEAR}(?:-{MONTH_DAY}|-(?:{MONTH}|XX)(?:-XX)?)?)[?~%]?");
    // A point, or an interval with at least one known end: `..` is an
    // open end, an empty side an unknown one.
    format!("^\\s*(?:{point}(?:/(?:{point}|\\.\\.)?)?|(?:\\.\\.)?/{point})\\s*$")
}

/// An EDTF string ([`Edtf::parse`]), or a bare year written as a number.
impl JsonSchema for Edtf {
    fn schema_name() -> Cow<'static, str> {
        "Edtf".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A date in EDTF (levels 0–1): `2025-02-12`, `2025-02`, `2025`, \
                `2025-02-12?` (uncertain), `2025-02~` (approximate), `2025-02-12%` (both), \
                `2025-02-XX` (day unspecified), `2025-02-20/2025-02-23` (interval), \
                `2025-02-12/..` (open end), `2025-01/` (end unknown), `../2025-06`, `/2025-06`.",
            "anyOf": [
                {
                    "type": "string",
                    "pattern": edtf_pattern(),
                    "patternErrorMessage": "Not an EDTF date of the accepted forms, or a day that \
                        does not exist. Write `2025-02-12`, `2025-02`, `2025`, `2025-02~` \
                        (approximate), `2025-02-12?` (uncertain) or `2025-02-20/2025-02-23` \
                        (interval).",
                },
                { "type": "integer", "minimum": 1000, "maximum": 9999 },
            ],
        })
    }
}

/// Either form of a date: the plain EDTF string or the [`DateFull`] map.
impl JsonSchema for DateSpec {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A date as a source gives it: a plain EDTF string (the shorthand \
                for a date the source states exactly as written, e.g. `2025-02-12`), or a map \
                with `value` (EDTF), `stated` (the source's wording), `inferred` and `basis`, \
                `time`, and at most one of `after`, `before`, `around` (an item's id) or \
                `recent: true` for a date placed only relative to something else. A wording \
                such as `Tuesday` goes in `stated`, never as the plain form.",
            "anyOf": [
                generator.subschema_for::<Edtf>(),
                generator.subschema_for::<DateFull>(),
            ],
        })
    }
}

impl JsonSchema for Attribution {
    fn schema_name() -> Cow<'static, str> {
        "Attribution".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "Whom a fact is according to: an actor id (the shorthand), or a map \
                with `actor` or `unnamed` (an unnamed source described in words) and the \
                reporting `verb`.",
            "anyOf": [
                { "type": "string" },
                generator.subschema_for::<AttributionFull>(),
            ],
        })
    }
}

impl JsonSchema for Evidence {
    fn schema_name() -> Cow<'static, str> {
        "Evidence".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let one = generator.subschema_for::<Selector>();
        json_schema!({
            "description": "The passages of the sources' texts an item rests on: one passage \
                or a list. A passage is its exact words (the shorthand), or a map with `exact` \
                and, to tell repeats apart, `prefix` and `suffix`, and `source` when the item \
                cites several sources with a text.",
            "anyOf": [
                one,
                { "type": "array", "items": one },
            ],
        })
    }
}

impl JsonSchema for Selector {
    fn schema_name() -> Cow<'static, str> {
        "Passage".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A passage of a source's text: its exact words, or a map with \
                `exact`, `prefix`, `suffix` and `source`.",
            "anyOf": [
                { "type": "string" },
                generator.subschema_for::<SelectorFull>(),
            ],
        })
    }
}

impl JsonSchema for Speakers {
    fn schema_name() -> Cow<'static, str> {
        "Speakers".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "Who made a statement: an actor id, or a list of actor ids for a \
                statement made by several parties.",
            "anyOf": [
                { "type": "string" },
                { "type": "array", "items": { "type": "string" } },
            ],
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_is_stable_and_ends_with_a_newline() {
        let a = json_schema();
        assert_eq!(a, json_schema());
        assert!(a.ends_with("}\n"));
        let v: Value = serde_json::from_str(&a).unwrap();
        assert_eq!(v["$schema"], "http://json-schema.org/draft-07/schema#");
        assert_eq!(v["$id"], SCHEMA_ID);
        assert_eq!(v["additionalProperties"], false);
    }

    #[test]
    fn the_registry_schema_allows_only_shared_items() {
        let v: Value = serde_json::from_str(&registry_json_schema()).unwrap();
        assert_eq!(v["$id"], REGISTRY_SCHEMA_ID);
        assert_eq!(v["additionalProperties"], false);
        let keys: Vec<&str> = v["properties"]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys, ["actors", "imports", "issues", "places", "sources"]);
        assert!(v.get("required").is_none(), "{}", v["required"]);
    }
}
