//! The catalog: one Fluent bundle per language, built from the messages
//! shipped in `locales/` and those a user's template directory adds or
//! overrides.

use std::sync::{Arc, OnceLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use super::Lang;

/// The shipped messages: language, file name and text. Every language has
/// the same files, and every file the same keys (a test holds them so).
const BUILTIN: &[(Lang, &str, &str)] = &[
    (
        Lang::En,
        "labels.ftl",
        include_str!("../../locales/en/labels.ftl"),
    ),
    (
        Lang::En,
        "phrases.ftl",
        include_str!("../../locales/en/phrases.ftl"),
    ),
    (
        Lang::En,
        "charts.ftl",
        include_str!("../../locales/en/charts.ftl"),
    ),
    (
        Lang::Fr,
        "labels.ftl",
        include_str!("../../locales/fr/labels.ftl"),
    ),
    (
        Lang::Fr,
        "phrases.ftl",
        include_str!("../../locales/fr/phrases.ftl"),
    ),
    (
        Lang::Fr,
        "charts.ftl",
        include_str!("../../locales/fr/charts.ftl"),
    ),
    (
        Lang::De,
        "labels.ftl",
        include_str!("../../locales/de/labels.ftl"),
    ),
    (
        Lang::De,
        "phrases.ftl",
        include_str!("../../locales/de/phrases.ftl"),
    ),
    (
        Lang::De,
        "charts.ftl",
        include_str!("../../locales/de/charts.ftl"),
    ),
    (
        Lang::Ru,
        "labels.ftl",
        include_str!("../../locales/ru/labels.ftl"),
    ),
    (
        Lang::Ru,
        "phrases.ftl",
        include_str!("../../locales/ru/phrases.ftl"),
    ),
    (
        Lang::Ru,
        "charts.ftl",
        include_str!("../../locales/ru/charts.ftl"),
    ),
    (
        Lang::Uk,
        "labels.ftl",
        include_str!("../../locales/uk/labels.ftl"),
    ),
    (
        Lang::Uk,
        "phrases.ftl",
        include_str!("../../locales/uk/phrases.ftl"),
    ),
    (
        Lang::Uk,
        "charts.ftl",
        include_str!("../../locales/uk/charts.ftl"),
    ),
];

type Bundle = FluentBundle<Arc<FluentResource>>;

/// Messages in every language. Looking a key up never fails: a key a
/// language lacks is taken from English, and one English lacks too is
/// shown as the key itself.
pub struct Catalog {
    bundles: Vec<(Lang, Bundle)>,
}

impl std::fmt::Debug for Catalog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Catalog").finish_non_exhaustive()
    }
}

/// A user's Fluent file for one language, read up front with the
/// templates (`TEMPLATES/locales/<lang>/*.ftl`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserMessages {
    /// The language the file is for.
    pub lang: Lang,
    /// The file, as shown in errors.
    pub path: String,
    /// Its text.
    pub text: String,
}

/// A user's Fluent file that does not parse.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}:{line}:{column}: {message}")]
pub struct MessageError {
    /// The file.
    pub path: String,
    /// 1-based line of the first error.
    pub line: usize,
    /// 1-based column (in characters) of the first error.
    pub column: usize,
    /// What is wrong there.
    pub message: String,
}

/// The shipped resources, parsed once per process.
fn builtin_resources() -> &'static [(Lang, Arc<FluentResource>)] {
    static PARSED: OnceLock<Vec<(Lang, Arc<FluentResource>)>> = OnceLock::new();
    PARSED.get_or_init(|| {
        BUILTIN
            .iter()
            .map(|&(lang, _, text)| {
                // A shipped file that does not parse fails the catalog
                // tests; at run time its valid messages are still used.
                let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(r, _)| r);
                (lang, Arc::new(resource))
            })
            .collect()
    })
}

fn new_bundle(lang: Lang) -> Bundle {
    let id = lang
        .tag()
        .parse()
        .unwrap_or_else(|_| unic_langid::LanguageIdentifier::default());
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Isolation marks around every placeable would reach the output as
    // invisible characters; the author's text is marked up by `lang`
    // attributes instead.
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(match lang {
        Lang::En => format_number::<0>,
        Lang::Fr => format_number::<1>,
        Lang::De => format_number::<2>,
        Lang::Ru => format_number::<3>,
        Lang::Uk => format_number::<4>,
    }));
    bundle
}

/// Numbers placed in a message, written as the bundle's language writes
/// them (`1 200` in French); Fluent's own formatting has no grouping. The
/// language is a constant so that each bundle gets a plain function.
fn format_number<const LANG: usize>(
    value: &FluentValue,
    _: &intl_memoizer::concurrent::IntlLangMemoizer,
) -> Option<String> {
    match value {
        FluentValue::Number(n) => Some(super::number_text(n.value, Lang::ALL[LANG])),
        _ => None,
    }
}

impl Catalog {
    /// The shipped messages, built once per process.
    pub fn builtin() -> Arc<Catalog> {
        static BUILT: OnceLock<Arc<Catalog>> = OnceLock::new();
        BUILT
            .get_or_init(|| Arc::new(Catalog::with_user(&[]).unwrap_or_else(|_| Catalog::empty())))
            .clone()
    }

    fn empty() -> Catalog {
        Catalog {
            bundles: Lang::ALL.into_iter().map(|l| (l, new_bundle(l))).collect(),
        }
    }

    /// The shipped messages with a user's files added on top: their
    /// messages add keys or replace shipped ones of the same language.
    pub fn with_user(user: &[UserMessages]) -> Result<Catalog, MessageError> {
        let mut catalog = Catalog::empty();
        for (lang, resource) in builtin_resources() {
            let bundle = catalog.bundle_mut(*lang);
            // The shipped files never define a key twice (a test checks
            // it), so adding cannot fail in a way worth reporting.
            let _ = bundle.add_resource(resource.clone());
        }
        for file in user {
            let resource = match FluentResource::try_new(file.text.clone()) {
                Ok(r) => r,
                Err((_, errors)) => return Err(parse_error(file, &errors)),
            };
            catalog
                .bundle_mut(file.lang)
                .add_resource_overriding(Arc::new(resource));
        }
        Ok(catalog)
    }

    fn bundle_mut(&mut self, lang: Lang) -> &mut Bundle {
        let i = Lang::ALL.iter().position(|&l| l == lang).unwrap_or(0);
        &mut self.bundles[i].1
    }

    fn bundle(&self, lang: Lang) -> &Bundle {
        let i = Lang::ALL.iter().position(|&l| l == lang).unwrap_or(0);
        &self.bundles[i].1
    }

    /// Whether `lang` has a message `key` of its own (not by fallback).
    pub fn has(&self, lang: Lang, key: &str) -> bool {
        self.bundle(lang).has_message(key)
    }

    /// The message `key` in `lang`, with its variables; English when the
    /// language lacks it, the key itself when English does too.
    pub fn msg(&self, lang: Lang, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let bundle = if self.has(lang, key) {
            self.bundle(lang)
        } else {
            self.bundle(Lang::En)
        };
        let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
            return key.to_string();
        };
        let mut fluent_args = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        // A missing variable prints as its name in braces: visible, never
        // a failure.
        let mut errors = Vec::new();
        bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors)
            .into_owned()
    }

    /// The keys a shipped language defines, in file order: what the
    /// catalog tests compare across languages.
    pub fn builtin_keys(lang: Lang) -> Vec<&'static str> {
        BUILTIN
            .iter()
            .filter(|(l, _, _)| *l == lang)
            .flat_map(|(_, _, text)| message_ids(text))
            .collect()
    }
}

/// The ids of a Fluent file's messages: lines that start with an
/// identifier followed by `=`. Terms (`-name`) and comments are skipped.
fn message_ids(text: &str) -> impl Iterator<Item = &str> {
    text.lines().filter_map(|line| {
        let (id, _) = line.split_once('=')?;
        let id = id.trim_end();
        let valid = id.starts_with(|c: char| c.is_ascii_alphabetic())
            && id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        valid.then_some(id)
    })
}

fn parse_error(file: &UserMessages, errors: &[fluent_syntax::parser::ParserError]) -> MessageError {
    let first = errors.first();
    let offset = first.map_or(0, |e| e.pos.start).min(file.text.len());
    let before = file.text.get(..offset).unwrap_or("");
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    MessageError {
        path: file.path.clone(),
        line,
        column,
        message: first.map_or_else(
            || "the file is not valid Fluent".to_string(),
            |e| format!("not valid Fluent: {}", e.kind),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_key_falls_back_to_english_then_to_itself() {
        let user = UserMessages {
            lang: Lang::En,
            path: "x.ftl".into(),
            text: "only-english = Only English\n".into(),
        };
        let c = Catalog::with_user(&[user]).unwrap();
        assert_eq!(c.msg(Lang::Fr, "only-english", &[]), "Only English");
        assert_eq!(c.msg(Lang::Fr, "no-such-key", &[]), "no-such-key");
    }

    #[test]
    fn a_user_file_overrides_a_shipped_message() {
        let user = UserMessages {
            lang: Lang::De,
            path: "de.ftl".into(),
            text: "key-points = Das Wichtigste\n".into(),
        };
        let c = Catalog::with_user(&[user]).unwrap();
        assert_eq!(c.msg(Lang::De, "key-points", &[]), "Das Wichtigste");
        assert_ne!(c.msg(Lang::Fr, "key-points", &[]), "Das Wichtigste");
    }

    #[test]
    fn a_broken_user_file_is_refused_with_its_place() {
        let user = UserMessages {
            lang: Lang::Fr,
            path: "locales/fr/x.ftl".into(),
            text: "ok = fine\nbroken = { $\n".into(),
        };
        let e = Catalog::with_user(&[user]).unwrap_err();
        assert_eq!((e.path.as_str(), e.line), ("locales/fr/x.ftl", 2));
    }
}
