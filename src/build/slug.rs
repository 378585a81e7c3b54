//! Slugs for site URLs: lowercase ASCII letters, digits and single
//! hyphens, the same whatever the generator does to a path, and each tag
//! its own even when two names make the same slug.

use std::collections::{BTreeMap, BTreeSet};

/// The longest slug a tag gets, in bytes: a name can be a sentence, and a
/// file name has a limit (255 bytes on most file systems).
const MAX_TAG_SLUG: usize = 64;

/// `text` as a slug: letters transliterated to ASCII, lowercased,
/// apostrophes dropped (`Ukraine's`: `ukraines`), and every run of
/// anything else other than a letter or digit (a `/`, a space, a quote)
/// made one hyphen, none at either end. Empty when nothing of it is a
/// letter or digit.
pub fn slug(text: &str) -> String {
    let ascii = deunicode::deunicode(text);
    let mut out = String::with_capacity(ascii.len());
    let mut gap = false;
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            if gap && !out.is_empty() {
                out.push('-');
            }
            gap = false;
            out.push(c.to_ascii_lowercase());
        } else if c != '\'' {
            gap = true;
        }
    }
    out
}

/// A slug for each tag (id, shown name): from the name, else the id,
/// else `tag`; at most [`MAX_TAG_SLUG`] bytes, cut after a whole word
/// when there is one. Tags whose slugs collide are taken in id order: the first
/// keeps the slug, the next get `-2`, `-3`, skipping any slug another tag
/// has of its own, so the result depends only on the set of tags.
pub fn tag_slugs<'a>(
    tags: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> BTreeMap<String, String> {
    let mut by_base: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
    for (id, name) in tags {
        let base = [slug(name), slug(id)]
            .into_iter()
            .find(|s| !s.is_empty())
            .map(shortened)
            .unwrap_or_else(|| "tag".to_owned());
        by_base.entry(base).or_default().insert(id);
    }
    let mut taken: BTreeSet<String> = by_base.keys().cloned().collect();
    let mut slugs = BTreeMap::new();
    for (base, ids) in &by_base {
        let mut ids = ids.iter();
        if let Some(first) = ids.next() {
            slugs.insert((*first).to_owned(), base.clone());
        }
        let mut n = 2;
        for id in ids {
            let mut candidate = format!("{base}-{n}");
            while taken.contains(&candidate) {
                n += 1;
                candidate = format!("{base}-{n}");
            }
            taken.insert(candidate.clone());
            slugs.insert((*id).to_owned(), candidate);
            n += 1;
        }
    }
    slugs
}

/// A slug of at most [`MAX_TAG_SLUG`] bytes: cut at the last hyphen that
/// fits, or mid-word when a single word is longer.
fn shortened(mut s: String) -> String {
    if s.len() <= MAX_TAG_SLUG {
        return s;
    }
    let cut = match s[..=MAX_TAG_SLUG].rfind('-') {
        Some(i) if i > 0 => i,
        _ => MAX_TAG_SLUG,
    };
    s.truncate(cut);
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_lowercase_ascii_with_single_hyphens() {
        assert_eq!(slug("United States"), "united-states");
        assert_eq!(slug("AC/DC"), "ac-dc");
        assert_eq!(slug("  Hamas / PIJ -- "), "hamas-pij");
        assert_eq!(slug("../../etc"), "etc");
        assert_eq!(slug("O'Neill & Sons"), "oneill-sons");
        assert_eq!(slug("Ukraine’s allies"), "ukraines-allies");
        assert_eq!(slug("Zelenskyy (Зеленський)"), "zelenskyy-zelenskii");
        assert_eq!(slug("Côte d’Ivoire"), "cote-divoire");
        assert_eq!(slug("São Tomé"), "sao-tome");
        assert_eq!(slug("!?"), "");
    }

    #[test]
    fn a_tag_with_a_slash_gets_one_flat_slug() {
        let slugs = tag_slugs([("ns", "Northern/Southern Alliance")]);
        assert_eq!(slugs["ns"], "northern-southern-alliance");
        assert!(!slugs["ns"].contains('/'));
    }

    #[test]
    fn colliding_slugs_are_numbered_in_id_order() {
        let slugs = tag_slugs([("us-b", "U.S."), ("us-a", "US"), ("u", "U S")]);
        assert_eq!(slugs["u"], "u-s");
        assert_eq!(slugs["us-a"], "us");
        assert_eq!(slugs["us-b"], "u-s-2");
    }

    #[test]
    fn a_numbered_slug_never_takes_another_tags_own() {
        let slugs = tag_slugs([("a", "Army"), ("b", "ARMY"), ("c", "Army 2")]);
        assert_eq!(slugs["a"], "army");
        assert_eq!(slugs["c"], "army-2");
        assert_eq!(slugs["b"], "army-3");
    }

    #[test]
    fn a_long_name_makes_a_short_slug_cut_after_a_word() {
        let name = "Ministry of ".repeat(30);
        let slugs = tag_slugs([("m", name.as_str()), ("n", name.as_str())]);
        assert!(slugs["m"].len() <= MAX_TAG_SLUG, "{}", slugs["m"]);
        assert!(slugs["m"].starts_with("ministry-of-ministry") && slugs["m"].ends_with("-of"));
        assert_eq!(slugs["n"], format!("{}-2", slugs["m"]));
        let word = "x".repeat(300);
        assert_eq!(
            tag_slugs([("w", word.as_str())])["w"],
            "x".repeat(MAX_TAG_SLUG)
        );
    }

    #[test]
    fn the_order_tags_come_in_does_not_matter() {
        let tags = [("x", "Éire"), ("y", "EIRE"), ("z", "eire")];
        let mut reversed = tags;
        reversed.reverse();
        assert_eq!(tag_slugs(tags), tag_slugs(reversed));
    }

    #[test]
    fn a_name_without_letters_falls_back_to_the_id_then_tag() {
        let slugs = tag_slugs([("sources-1", "???"), ("_", "!!")]);
        assert_eq!(slugs["sources-1"], "sources-1");
        assert_eq!(slugs["_"], "tag");
    }
}
