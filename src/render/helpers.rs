//! The template helpers: filters registered once on each Tera instance.
//!
//! Every helper has the same name in both dialects and does the right
//! thing for the dialect it renders: `cite` gives footnote markers in
//! Markdown and superscript links in HTML. What differs lives in
//! [`super::dialect`]. docs/templates.md documents them for template
//! authors.

use std::fmt::Write as _;

use std::sync::Arc;

use fluent_bundle::FluentValue;
use tera::{Kwargs, State, Tera, TeraResult, Value};

use crate::i18n::{Catalog, Lang, Words};

use super::dialect::{Dialect, Passage, markdown};

/// The names of the helpers, for documentation and tests.
pub const HELPERS: &[&str] = &[
    "actor",
    "cite",
    "colon",
    "date",
    "escape_md",
    "evidence",
    "figure",
    "markdown",
];

/// Registers every helper on a Tera instance that renders `dialect`.
pub(super) fn register(tera: &mut Tera, dialect: Dialect) {
    tera.register_filter("markdown", move |s: &str, k: Kwargs, _: &State| {
        only("markdown", &k, &[])?;
        Ok::<_, tera::Error>(dialect.prose(s))
    });
    tera.register_filter("escape_md", move |s: &str, k: Kwargs, _: &State| {
        only("escape_md", &k, &[])?;
        Ok::<_, tera::Error>(dialect.markdown_escaped(&markdown::escaped(s)))
    });
    tera.register_filter("cite", move |v: &Value, k: Kwargs, _: &State| {
        only("cite", &k, &[])?;
        cite(v, dialect)
    });
    tera.register_filter("figure", |v: &Value, k: Kwargs, _: &State| figure(v, &k));
}

/// Registers `t`, the function templates take their words from:
/// `t(key="key-points")`, `t(key="more-in-full-briefing", count=3)`. The
/// language is the context's `lang`; every other argument is a variable
/// of the message. The variables are escaped for the dialect and the
/// message itself is trusted, like a template's own text, so the result
/// prints as it is.
pub(super) fn register_messages(tera: &mut Tera, dialect: Dialect, catalog: Arc<Catalog>) {
    let c = catalog.clone();
    tera.register_function("t", move |k: Kwargs, state: &State| {
        translate(&c, dialect, &k, state)
    });
    let c = catalog.clone();
    tera.register_filter("evidence", move |v: &Value, k: Kwargs, state: &State| {
        only("evidence", &k, &[])?;
        evidence(v, dialect, &Words::new(c.clone(), lang_of(state)?))
    });
    let c = catalog.clone();
    tera.register_filter("actor", move |v: &Value, k: Kwargs, state: &State| {
        actor(v, &k, &Words::new(c.clone(), lang_of(state)?))
    });
    let c = catalog.clone();
    tera.register_filter("date", move |v: &Value, k: Kwargs, state: &State| {
        date(v, &k, dialect, &Words::new(c.clone(), lang_of(state)?))
    });
    tera.register_filter("colon", move |v: &Value, k: Kwargs, state: &State| {
        only("colon", &k, &[])?;
        let text = match v.as_str() {
            Some(s) if v.is_safe() => s.to_owned(),
            Some(s) => dialect.escaped_text(s),
            None => dialect.escaped_text(&v.to_string()),
        };
        let lang = lang_of(state)?;
        Ok::<_, tera::Error>(Value::safe_string(&catalog.msg(
            lang,
            "label-colon",
            &[("label", text.into())],
        )))
    });
}

/// The briefing's language: the context's `lang`, English without one.
fn lang_of(state: &State) -> TeraResult<Lang> {
    match state.get::<String>("lang")? {
        Some(tag) => tag
            .parse::<Lang>()
            .map_err(|e| tera::Error::message(e.to_string())),
        None => Ok(Lang::En),
    }
}

fn translate(
    catalog: &Catalog,
    dialect: Dialect,
    kwargs: &Kwargs,
    state: &State,
) -> TeraResult<Value> {
    let key: &str = kwargs.must_get("key")?;
    let lang = lang_of(state)?;
    let mut args: Vec<(&str, FluentValue<'_>)> = Vec::new();
    for (name, value) in kwargs.iter() {
        let Some(name) = name.as_str().filter(|n| *n != "key") else {
            continue;
        };
        let value = if let Some(n) = value.as_i64() {
            FluentValue::from(n)
        } else if let Some(n) = value.as_f64() {
            FluentValue::from(n)
        } else if let Some(text) = value.as_str() {
            FluentValue::from(dialect.escaped_text(text))
        } else {
            FluentValue::from(dialect.escaped_text(&value.to_string()))
        };
        args.push((name, value));
    }
    Ok(Value::safe_string(&catalog.msg(lang, key, &args)))
}

/// Refuses keyword arguments a helper does not take, so a misspelled one
/// is an error rather than silently ignored.
fn only(filter: &str, kwargs: &Kwargs, allowed: &[&str]) -> TeraResult<()> {
    for (key, _) in kwargs.iter() {
        let key = key.as_str().unwrap_or_default();
        if !allowed.contains(&key) {
            let takes = match allowed {
                [] => "takes no arguments".to_owned(),
                _ => format!("takes only `{}`", allowed.join("`, `")),
            };
            return Err(tera::Error::message(format!(
                "the `{filter}` filter has no argument `{key}`; it {takes}"
            )));
        }
    }
    Ok(())
}

fn str_at<'a>(v: &'a Value, key: &'a str) -> Option<&'a str> {
    v.get_from_path(key)
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
}

fn wrong_type(filter: &str, expected: &str, v: &Value) -> tera::Error {
    tera::Error::message(format!(
        "the `{filter}` filter expects {expected}, but got {}",
        v.name()
    ))
}

/// `cites | cite`: footnote markers for a list of sources (or one source,
/// or a source number).
fn cite(v: &Value, dialect: Dialect) -> TeraResult<Value> {
    let mut out = String::new();
    let source = |c: &Value| -> TeraResult<(u64, Option<String>)> {
        match c.get_from_path("n").and_then(Value::as_u64) {
            Some(n) => Ok((n, str_at(c, "name").map(str::to_owned))),
            None => Err(wrong_type(
                "cite",
                "a source (with `n`) or a list of them",
                c,
            )),
        }
    };
    if v.is_none() || v.is_undefined() {
        return Ok(Value::safe_string(""));
    }
    if let Some(n) = v.as_u64() {
        dialect.cite(&mut out, n, None);
    } else if let Some(items) = v.as_array() {
        for c in items {
            let (n, name) = source(c)?;
            dialect.cite(&mut out, n, name.as_deref());
        }
    } else if v.is_map() {
        let (n, name) = source(v)?;
        dialect.cite(&mut out, n, name.as_deref());
    } else {
        return Err(wrong_type("cite", "a source or a list of sources", v));
    }
    Ok(Value::safe_string(&out))
}

/// `item.evidence | evidence`: an item's source passages, each with its
/// source and a link to it (HTML: folded in a `<details>`; Markdown: one
/// line each, joined by hard breaks).
fn evidence(v: &Value, dialect: Dialect, words: &Words) -> TeraResult<Value> {
    if v.is_none() || v.is_undefined() {
        return Ok(Value::safe_string(""));
    }
    let Some(items) = v.as_array() else {
        return Err(wrong_type("evidence", "a list of passages", v));
    };
    let mut passages = Vec::new();
    for e in items {
        let Some(exact) = str_at(e, "exact") else {
            return Err(wrong_type("evidence", "passages (with `exact`)", e));
        };
        passages.push(Passage {
            exact: exact.to_owned(),
            n: e.get_from_path("source.n").and_then(Value::as_u64),
            name: str_at(e, "source.name").map(str::to_owned),
            link: str_at(e, "link").map(str::to_owned),
        });
    }
    Ok(Value::safe_string(&dialect.evidence(&passages, words)))
}

/// `d | date`: a date as the reader should see it; `missing` replaces
/// the default text for an absent date.
fn date(v: &Value, kwargs: &Kwargs, dialect: Dialect, words: &Words) -> TeraResult<Value> {
    only("date", kwargs, &["missing"])?;
    if v.is_none() || v.is_undefined() {
        let missing: Option<&str> = kwargs.get("missing")?;
        return Ok(match missing {
            Some(m) => dialect.missing_date(m),
            None => dialect.missing_date(&words.get("date-not-given")),
        });
    }
    let Some(text) = v.get_from_path("text").and_then(Value::as_str) else {
        return Err(wrong_type("date", "a date (with `text`)", v));
    };
    Ok(dialect.date(v, text))
}

/// `f | figure`: the figure with its qualifier (`nearly 20%`); with
/// `wording=true`, the source's own wording follows when it differs.
fn figure(v: &Value, kwargs: &Kwargs) -> TeraResult<Value> {
    only("figure", kwargs, &["wording"])?;
    let Some(display) = v.get_from_path("display").and_then(Value::as_str) else {
        return Err(wrong_type("figure", "a figure (with `display`)", v));
    };
    let wording: Option<bool> = kwargs.get("wording")?;
    let mut out = display.to_owned();
    if wording.unwrap_or(false)
        && let Some(stated) = str_at(v, "stated")
        && stated != display
    {
        let _ = write!(out, " (source: “{stated}”)");
    }
    Ok(Value::normal_string(&out))
}

/// `a | actor`: a name with the role in brackets, for actors (`roles_text`)
/// and speakers (`role`); `role=false` gives the name alone.
fn actor(v: &Value, kwargs: &Kwargs, words: &Words) -> TeraResult<Value> {
    only("actor", kwargs, &["role"])?;
    if v.is_none() || v.is_undefined() {
        return Ok(Value::normal_string(&words.get("not-attributed")));
    }
    let Some(name) = str_at(v, "name") else {
        return Err(wrong_type("actor", "an actor or speaker (with `name`)", v));
    };
    let with_role: Option<bool> = kwargs.get("role")?;
    let role = str_at(v, "role").or_else(|| str_at(v, "roles_text"));
    Ok(Value::normal_string(&match role {
        Some(role) if with_role.unwrap_or(true) => format!("{name} ({role})"),
        _ => name.to_owned(),
    }))
}
