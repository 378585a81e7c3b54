//! Names: runs of capitalised words ("Maria Okafor", "Port Celest",
//! "U.S.", "Ministry of Foreign Affairs"), with particles inside them
//! ("de Klerk", "al-Bashir") and the title before them split off
//! ("Deputy Foreign Minister" | "Ana Rell").
//!
//! A capitalised word that begins a sentence is a name only when it is
//! not an ordinary word (`data/common-words.txt`) and either a
//! capitalised word follows it, the text capitalises it elsewhere in
//! mid-sentence, or the caller knows it (an actor's name). A quotation's
//! first word, a word after a full stop inside one and a word after a
//! dash or colon count as sentence starts. Months, weekdays and the date
//! finder's other words are not names.

use std::collections::HashSet;
use std::ops::Range;

use super::sentences::find_sentences;
use super::token::{Kind, tokens};
use super::words::{
    COMMON_WORDS, INSTITUTION_WORDS, MONTH_NAMES, NAME_PARTICLES, TITLE_WORDS, WEEKDAY_NAMES,
};

/// A name found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    /// The whole run, title included.
    pub span: Range<usize>,
    /// The name without its title ("Ana Rell").
    pub name: Range<usize>,
    /// The title before the name ("Deputy Foreign Minister"), if any.
    pub title: Option<Range<usize>>,
}

/// A word's own part: without a possessive ending or a full stop of an
/// abbreviated title.
fn bare(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word)
}

/// Whether a word is written as part of a name: it starts with a capital,
/// or with a particle joined by a hyphen to a capitalised rest
/// ("al-Bashir").
fn capitalised(word: &str) -> bool {
    if word.starts_with(char::is_uppercase) {
        return true;
    }
    word.split_once('-')
        .is_some_and(|(p, rest)| NAME_PARTICLES.contains(p) && rest.starts_with(char::is_uppercase))
}

/// Whether a lower-case word is a month or weekday name (full forms).
fn calendar_word(lower: &str) -> bool {
    MONTH_NAMES.get(lower).is_some_and(|f| *f == lower)
        || WEEKDAY_NAMES.get(lower).is_some_and(|f| *f == lower)
}

/// The names of `text`, in order. `known` holds lower-case names the
/// caller knows (an actor's name or alias): such a word is a name even
/// at a sentence start.
pub fn find_names(text: &str, known: &HashSet<String>) -> Vec<Name> {
    let toks = tokens(text);
    let words: Vec<&str> = toks.iter().map(|t| t.text(text)).collect();
    let lower: Vec<String> = words.iter().map(|w| bare(w).to_lowercase()).collect();
    let starts: HashSet<usize> = find_sentences(text).into_iter().map(|r| r.start).collect();
    // A token starts a sentence when its sentence starts at it, or only
    // opening marks stand between them ("“We", "# Talks").
    let mut at_start = vec![false; toks.len()];
    let mut opening = false;
    for (i, t) in toks.iter().enumerate() {
        let begins = starts.contains(&t.span.start) || opening;
        at_start[i] = begins && t.kind != Kind::Mark;
        let mark = t.kind == Kind::Mark;
        // After opening marks, after a dash or colon that opens a clause
        // ("PORT CELEST, Tuesday — Talks stalled", "(Meridian Press) -
        // The"), at a quotation's start ("read “Warm homes”") and after
        // a full stop inside one ("“We won. Everyone knows”"), a word is
        // capitalised as a sentence's first word is.
        let stop = mark
            && [".", "?", "!"].contains(&words[i])
            && !(i > 0 && TITLE_WORDS.contains(lower[i - 1].as_str()));
        opening = (begins && mark && "“\"‘'(#*-–—[".contains(words[i]))
            || (mark && ["—", "–", "-", "--", ":"].contains(&words[i]))
            || (mark && opens_quotation(text, t.span.start, words[i]))
            || stop;
    }
    // Words the text capitalises in mid-sentence somewhere.
    let mid: HashSet<&str> = (0..toks.len())
        .filter(|&i| toks[i].kind == Kind::Word && !at_start[i] && capitalised(words[i]))
        .map(|i| lower[i].as_str())
        .collect();
    let is_cap = |i: usize| {
        toks.get(i)
            .is_some_and(|t| t.kind == Kind::Word && capitalised(words[i]))
            && !calendar_word(&lower[i])
    };
    // A possessive ends a name ("Okafor's Unity Party") unless it is an
    // ordinary word's, which belongs to the name ("People's Party").
    let breaks_at = |k: usize| possessive(words[k]) && !COMMON_WORDS.contains(lower[k].as_str());
    // Whether title words from `k` are followed by a person's name: a
    // known word, or a capitalised word after two or more title words.
    let person_follows = |k: usize| {
        let mut m = k;
        while m < toks.len() && TITLE_WORDS.contains(lower[m].as_str()) && is_cap(m) {
            m += 1;
        }
        m > k
            && is_cap(m)
            && !TITLE_WORDS.contains(lower[m].as_str())
            && !INSTITUTION_WORDS.contains(lower[m].as_str())
            && (m - k >= 2 || known.contains(lower[m].as_str()))
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !is_cap(i) {
            i += 1;
            continue;
        }
        // The run: capitalised words, and particles or "of"/"for"
        // inside it with a capitalised word after them.
        let first = i;
        let mut end = i + 1;
        loop {
            if is_cap(end) && !toks[end].after_break && !breaks_at(end - 1) {
                end += 1;
                continue;
            }
            let particle = toks.get(end).is_some_and(|t| t.kind == Kind::Word)
                && NAME_PARTICLES.contains(lower[end].as_str())
                && words[end].starts_with(char::is_lowercase);
            let linking = matches!(lower.get(end).map(String::as_str), Some("of" | "for"))
                && (first..end).any(|k| INSTITUTION_WORDS.contains(lower[k].as_str()));
            // An abbreviated title's full stop: "Mr. Okafor", "Gen. Marr".
            // After a title word written out in full, a full stop that
            // starts a sentence ends the name ("at the Ministry of Labour.
            // Officials said"); after an abbreviation ("Amb.", "Capt.") it
            // does not, whatever the sentence splitter thinks.
            let title_stop = words.get(end) == Some(&".")
                && TITLE_WORDS.contains(lower[end - 1].as_str())
                && (lower[end - 1].chars().count() <= 4
                    || !toks
                        .get(end + 1)
                        .is_some_and(|t| starts.contains(&t.span.start)));
            // "of" before a person's title ends an institution's name:
            // "the Party of Prime Minister Andris Kolm" is two names.
            let linking = linking && !person_follows(end + 1);
            if (particle || linking || title_stop) && is_cap(end + 1) && !breaks_at(end - 1) {
                end += 2;
                continue;
            }
            break;
        }
        i = end;
        // At a sentence start, an ordinary word is dropped from the run;
        // a word alone there must be known or capitalised elsewhere.
        let mut a = first;
        if at_start[a] {
            let word = lower[a].as_str();
            let joined = end - a > 1 && possessive(words[a]);
            if COMMON_WORDS.contains(word) && !joined {
                a += 1;
            } else if end - a == 1 && !known.contains(word) && !mid.contains(word) {
                continue;
            }
        }
        // Particles do not start a name ("de" in "de Klerk" does, when
        // the text wrote it so after a capitalised word: kept above).
        while a < end && !is_cap(a) {
            a += 1;
        }
        if a >= end {
            continue;
        }
        // The title: title words at the front, when a name follows that
        // is not an institution ("Justice Ministry" is all name).
        // A demonym before a title word belongs to the title
        // ("Arvenian Foreign Minister" | "Teodora Vask"); so does another
        // capitalised word, a portfolio, when a name follows the title
        // words ("Mines Minister" | "Cora Velt").
        let mut n = a;
        if n + 1 < end && TITLE_WORDS.contains(lower[n + 1].as_str()) {
            let mut m = n + 1;
            while m < end && TITLE_WORDS.contains(lower[m].as_str()) {
                m += 1;
            }
            let portfolio = !TITLE_WORDS.contains(lower[n].as_str())
                && !INSTITUTION_WORDS.contains(lower[n].as_str())
                && m < end
                && is_cap(m)
                && !INSTITUTION_WORDS.contains(lower[m].as_str());
            if demonym(&lower[n]) || portfolio {
                n += 1;
            }
        }
        while n < end && TITLE_WORDS.contains(lower[n].as_str()) {
            n += 1;
            if n < end && toks[n].kind == Kind::Mark {
                n += 1;
            }
        }
        let institution = n < end && INSTITUTION_WORDS.contains(lower[n].as_str());
        if n == end || institution {
            if n == end && n > a {
                // Only title words: a role, not a name.
                continue;
            }
            n = a;
        }
        let last = end - 1;
        let name_end = toks[last].span.start + bare(words[last]).len();
        out.push(Name {
            span: toks[a].span.start..name_end,
            name: toks[n].span.start..name_end,
            title: (n > a).then(|| toks[a].span.start..toks[n - 1].span.end),
        });
    }
    out
}

/// Whether a word reads as a demonym: a people's adjective ending in
/// -an, -ese, -ish or -i ("Arvenian", "Norvalese", "Danish", "Omani").
pub fn demonym(lower: &str) -> bool {
    lower.chars().count() >= 5
        && ["an", "ese", "ish", "i"]
            .iter()
            .any(|end| lower.ends_with(end))
}

/// Whether a straight quotation mark at `at` opens a quotation: nothing
/// but white space or an opening bracket before it. Curly opening marks
/// always do.
fn opens_quotation(text: &str, at: usize, mark: &str) -> bool {
    match mark {
        "“" | "‘" | "«" => true,
        "\"" | "'" => text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| c.is_whitespace() || "([{—–".contains(c)),
        _ => false,
    }
}

/// Whether a word ends in a possessive: a name stops there ("Okafor's
/// Unity Party" is two names).
fn possessive(word: &str) -> bool {
    word.ends_with("'s") || word.ends_with("’s")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<&str> {
        find_names(text, &HashSet::new())
            .into_iter()
            .map(|n| &text[n.name])
            .collect()
    }

    #[test]
    fn runs_of_capitalised_words() {
        assert_eq!(
            names("Talks between Maria Okafor and the U.S. envoy in Port Celest stalled."),
            ["Maria Okafor", "U.S.", "Port Celest"]
        );
    }

    #[test]
    fn particles_and_prefixes() {
        assert_eq!(
            names("A letter from Frederik de Klerk reached Omar al-Bashir and Ludwig van Rell."),
            ["Frederik de Klerk", "Omar al-Bashir", "Ludwig van Rell"]
        );
        // A particle that no capitalised word follows is no part of one.
        assert_eq!(names("They met Okafor de facto."), ["Okafor"]);
    }

    #[test]
    fn titles_are_split_off() {
        let text = "said Deputy Foreign Minister Ana Rell, and Mr. Okafor agreed";
        let found = find_names(text, &HashSet::new());
        assert_eq!(found.len(), 2);
        assert_eq!(&text[found[0].name.clone()], "Ana Rell");
        assert_eq!(
            found[0].title.clone().map(|t| &text[t]),
            Some("Deputy Foreign Minister")
        );
        assert_eq!(&text[found[1].name.clone()], "Okafor");
        assert_eq!(found[1].title.clone().map(|t| &text[t]), Some("Mr."));
        // A title alone is a role; an institution after a title word is
        // a name whole.
        assert!(names("the Prime Minister said").is_empty());
        assert_eq!(names("the Justice Ministry said"), ["Justice Ministry"]);
    }

    #[test]
    fn institutions_go_on_with_of() {
        assert_eq!(
            names("the Ministry of Foreign Affairs and Okafor of Celestia"),
            ["Ministry of Foreign Affairs", "Okafor", "Celestia"]
        );
    }

    #[test]
    fn sentence_starts() {
        // An ordinary word at a start is not a name; the name after it is.
        assert_eq!(names("The Senate voted. Then it rose."), ["Senate"]);
        // A word alone at a start is a name when the text capitalises it
        // elsewhere, or the caller knows it.
        assert_eq!(
            names("Okafor spoke. Later, Okafor left."),
            ["Okafor", "Okafor"]
        );
        assert!(names("Negotiators spoke. Officials left.").is_empty());
        let known: HashSet<String> = ["rell".to_owned()].into();
        let found = find_names("Rell spoke.", &known);
        assert_eq!(found.len(), 1);
        // A run of two capitalised words at a start is a name.
        assert_eq!(names("Maria Okafor spoke."), ["Maria Okafor"]);
        // After an opening quotation mark too.
        assert_eq!(names("“We will stay,” she said."), Vec::<&str>::new());
    }

    #[test]
    fn a_clause_after_a_dash_starts_like_a_sentence() {
        assert_eq!(
            names("PORT CELEST, Tuesday — Talks stalled. Then Rell said: Nothing."),
            ["PORT CELEST", "Rell"]
        );
        assert_eq!(names("the Dockworkers' Union"), ["Dockworkers' Union"]);
    }

    fn titled(text: &str) -> Vec<(Option<&str>, &str)> {
        find_names(text, &HashSet::new())
            .into_iter()
            .map(|n| (n.title.map(|t| &text[t]), &text[n.name]))
            .collect()
    }

    #[test]
    fn a_quotation_starts_like_a_sentence() {
        // An ordinary capitalised word opening a quotation, or a clause
        // inside one, is not a name.
        assert!(names("A sign read “Warm homes, sound books”.").is_empty());
        assert!(names("Graffiti reads \"Three days is not peace\".").is_empty());
        assert!(names("She said: “We won. Everyone knows it.”").is_empty());
        assert!(names("she said “Count again” twice, and “Count” once").is_empty());
        // A word that is capitalised elsewhere mid-sentence, or known,
        // stays a name there, as does a run of capitalised words.
        assert_eq!(
            names("A sign read “Halm lies”. They booed Halm."),
            ["Halm", "Halm"]
        );
        let known: HashSet<String> = ["halm".to_owned()].into();
        assert_eq!(find_names("A sign read “Halm lies”.", &known).len(), 1);
        assert_eq!(names("It read “Maria Okafor lies”."), ["Maria Okafor"]);
        // An apostrophe inside a word opens nothing.
        assert_eq!(names("the Dockworkers' Union"), ["Dockworkers' Union"]);
    }

    #[test]
    fn a_dateline_hyphen_opens_a_sentence() {
        assert_eq!(
            names("in SOLLUND, March 3 (Meridian Press) - The talks began. The Senate met."),
            ["SOLLUND", "Meridian Press", "Senate"]
        );
        // Without the dash, a mid-sentence "The" is a name's part.
        assert_eq!(names("a trip to The Hague"), ["The Hague"]);
    }

    #[test]
    fn a_demonym_before_a_title_is_part_of_the_title() {
        assert_eq!(
            titled(
                "Arvenian Foreign Minister Teodora Vask met Belmoran Foreign Minister Edvin Halloran."
            ),
            [
                (Some("Arvenian Foreign Minister"), "Teodora Vask"),
                (Some("Belmoran Foreign Minister"), "Edvin Halloran")
            ]
        );
        assert_eq!(
            titled("said Danish Prime Minister Lars Holm"),
            [(Some("Danish Prime Minister"), "Lars Holm")]
        );
        // Without a title word after it, the word is the name's own.
        assert_eq!(titled("the Arvenian Museum"), [(None, "Arvenian Museum")]);
        // A short word is no demonym.
        assert_eq!(titled("met Ian Minister"), [(None, "Ian Minister")]);
    }

    #[test]
    fn a_portfolio_before_a_title_is_part_of_the_title() {
        assert_eq!(
            titled("Mines Minister Cora Velt met Transport Secretary Ivo Darn."),
            [
                (Some("Mines Minister"), "Cora Velt"),
                (Some("Transport Secretary"), "Ivo Darn")
            ]
        );
        // No name after the title words: the run stays whole.
        assert_eq!(titled("met Ian Minister"), [(None, "Ian Minister")]);
        // An institution after them is no person: all one name.
        assert_eq!(
            titled("the Mines Minister Office said"),
            [(None, "Mines Minister Office")]
        );
    }

    #[test]
    fn abbreviated_ranks_are_titles() {
        assert_eq!(
            titled("Rear Adm. Piet Rusk and Amb. Karin Lode met Gen. Marr, Col. Ash and Lt. Vey."),
            [
                (Some("Rear Adm."), "Piet Rusk"),
                (Some("Amb."), "Karin Lode"),
                (Some("Gen."), "Marr"),
                (Some("Col."), "Ash"),
                (Some("Lt."), "Vey")
            ]
        );
        // A full stop after a word that is no title ends the run.
        assert_eq!(
            names("They met Rusk. Lode left with Lode."),
            ["Rusk", "Lode", "Lode"]
        );
    }

    #[test]
    fn a_sentence_end_after_a_title_word_ends_the_name() {
        assert_eq!(
            names("Talks resume at the Ministry of Labour. Officials at the ministry agreed."),
            ["Ministry of Labour"]
        );
        assert_eq!(names("It fell to Gen. Marr to decide."), ["Marr"]);
    }

    #[test]
    fn a_possessive_inside_a_name() {
        // An ordinary word's possessive belongs to the name, also at a
        // sentence start; a name's possessive ends it.
        assert_eq!(
            names("the ruling People's Party won. People's Party officials cheered."),
            ["People's Party", "People's Party"]
        );
        assert_eq!(
            names("then Okafor's Unity Party won"),
            ["Okafor", "Unity Party"]
        );
        // "of" before a person's title splits an institution's name.
        assert_eq!(
            titled("the People's Party of Prime Minister Andris Kolm won"),
            [
                (None, "People's Party"),
                (Some("Prime Minister"), "Andris Kolm")
            ]
        );
        assert_eq!(
            titled("the Ministry of Foreign Affairs said"),
            [(None, "Ministry of Foreign Affairs")]
        );
        let known: HashSet<String> = ["kolm".to_owned()].into();
        let text = "the Party of President Kolm won";
        let found: Vec<&str> = find_names(text, &known)
            .into_iter()
            .map(|n| &text[n.name])
            .collect();
        assert_eq!(found, ["Party", "Kolm"]);
        assert_eq!(
            names("the Party of President Kolm won"),
            ["Party of President Kolm"]
        );
    }

    #[test]
    fn dates_and_possessives() {
        assert_eq!(
            names("on Tuesday in February, said Okafor's party"),
            ["Okafor"]
        );
        assert_eq!(
            names("Then Okafor's Unity Party won"),
            ["Okafor", "Unity Party"]
        );
    }
}
