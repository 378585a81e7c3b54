//! `Words`: the catalog and language views compose their phrases in.
//!
//! Resolving a brief builds its view in one call on one thread, and the
//! phrases (dates, figures) are composed deep inside every section's
//! view. Rather than thread a parameter through each of them, resolve
//! sets the words for the duration of the call ([`in_words`]) and the
//! phrase builders read them ([`words`]). Outside such a call the words
//! are the shipped English ones, so library users who never pick a
//! language get English.

use std::cell::RefCell;
use std::sync::Arc;

use fluent_bundle::FluentValue;

use super::{Catalog, Lang, localize_number};

/// A catalog and the language to take its messages in.
#[derive(Debug, Clone)]
pub struct Words {
    catalog: Arc<Catalog>,
    lang: Lang,
}

impl Words {
    /// The words of `lang` in `catalog`.
    pub fn new(catalog: Arc<Catalog>, lang: Lang) -> Self {
        Words { catalog, lang }
    }

    /// The shipped English words.
    pub fn english() -> Self {
        Words::new(Catalog::builtin(), Lang::En)
    }

    /// The language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The catalog.
    pub fn catalog(&self) -> &Arc<Catalog> {
        &self.catalog
    }

    /// A message with its variables (see [`Catalog::msg`]).
    pub fn msg(&self, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        self.catalog.msg(self.lang, key, args)
    }

    /// A message without variables.
    pub fn get(&self, key: &str) -> String {
        self.catalog.msg(self.lang, key, &[])
    }

    /// A number written the English way, in this language's separators.
    pub fn number(&self, english: &str) -> String {
        localize_number(english, self.lang)
    }
}

thread_local! {
    static CURRENT: RefCell<Option<Words>> = const { RefCell::new(None) };
}

/// Runs `f` with `words` as the words phrases are composed in, and puts
/// back the previous ones afterwards, even if `f` unwinds.
pub fn in_words<T>(words: &Words, f: impl FnOnce() -> T) -> T {
    struct Restore(Option<Words>);
    impl Drop for Restore {
        fn drop(&mut self) {
            let previous = self.0.take();
            CURRENT.with(|c| *c.borrow_mut() = previous);
        }
    }
    let previous = CURRENT.with(|c| c.borrow_mut().replace(words.clone()));
    let _restore = Restore(previous);
    f()
}

/// The words phrases are composed in now: those [`in_words`] set, or the
/// shipped English ones.
pub fn words() -> Words {
    CURRENT
        .with(|c| c.borrow().clone())
        .unwrap_or_else(Words::english)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_english_outside_a_scope_and_restored_after_one() {
        assert_eq!(words().lang(), Lang::En);
        let fr = Words::new(Catalog::builtin(), Lang::Fr);
        let inner = in_words(&fr, || {
            let de = Words::new(Catalog::builtin(), Lang::De);
            let nested = in_words(&de, || words().lang());
            (nested, words().lang())
        });
        assert_eq!(inner, (Lang::De, Lang::Fr));
        assert_eq!(words().lang(), Lang::En);
    }
}
