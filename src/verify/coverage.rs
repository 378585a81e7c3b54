//! How much of an article a brief covers: the article's sentences,
//! numbers, names, date expressions and quotations, each with the items
//! that account for it, or none.
//!
//! It works on plain inputs (the text, the located passages, what the
//! brief states), so it does not depend on how passages were found.

use std::collections::HashSet;
use std::ops::Range;

use serde::Serialize;

use crate::format::Qualifier;
use crate::scan::numbers::same;
use crate::scan::{self, Number};

/// A source's text with the passages of the brief located in it.
#[derive(Debug, Clone)]
pub struct Article<'a> {
    /// The source's id.
    pub source: &'a str,
    /// The text's file, as the brief names it.
    pub file: &'a str,
    /// The text.
    pub text: &'a str,
    /// The brief's passages located in it.
    pub passages: Vec<Claim>,
}

/// A located passage of an item: its evidence or its quote.
#[derive(Debug, Clone)]
pub struct Claim {
    /// The item, as a reader names it (`figure control-east`).
    pub item: String,
    /// Where the passage is in the text, in bytes.
    pub range: Range<usize>,
    /// Whether the passage is the item's quote.
    pub quote: bool,
}

/// A figure's number as the brief gives it.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureFact {
    /// The figure, as a reader names it.
    pub item: String,
    /// The value, or the low end of a range.
    pub value: Option<f64>,
    /// The high end of a range.
    pub high: Option<f64>,
    /// The qualifier.
    pub qualifier: Qualifier,
}

/// What the brief states, to account for what the article says.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    /// The figures' numbers.
    pub figures: Vec<FigureFact>,
    /// Actors' names and aliases and places' names.
    pub names: Vec<String>,
    /// Words the brief says need no item (`verify: ignore:`).
    pub ignore: Vec<String>,
    /// Every date's stated wording and time of day.
    pub dates: Vec<String>,
    /// Every date's value in words (`12 February 2025`): a date
    /// expression matches one when it gives the same parts, the year
    /// aside ("12 February", "February 12, 2025").
    pub values: Vec<String>,
}

/// A count of what is covered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Count {
    /// How many are covered.
    pub covered: usize,
    /// How many there are.
    pub total: usize,
}

impl Count {
    fn of(findings: &[Finding]) -> Count {
        Count {
            covered: findings.iter().filter(|f| f.covered).count(),
            total: findings.len(),
        }
    }

    fn add(&mut self, other: Count) {
        self.covered += other.covered;
        self.total += other.total;
    }
}

/// The counts of each kind of finding.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Sentences overlapped by a passage.
    pub sentences: Count,
    /// Numbers accounted for by a figure or a passage.
    pub numbers: Count,
    /// Names matched by an actor, a place or the ignore list.
    pub names: Count,
    /// Date expressions matched by a stated wording.
    pub dates: Count,
    /// Quotations the brief quotes verbatim.
    pub quotes: Count,
}

impl Summary {
    /// The one line `brief verify` prints: `sentences 14/15, numbers
    /// 6/6, names 11/12, dates 5/5, quotes 2/2 verbatim`.
    pub fn line(&self) -> String {
        let w = crate::i18n::words();
        let lang = w.lang();
        let c = |n: Count| {
            format!(
                "{}/{}",
                crate::i18n::localize_number(&group(n.covered), lang),
                crate::i18n::localize_number(&group(n.total), lang)
            )
        };
        w.msg(
            "verify-summary",
            &[
                ("sentences", c(self.sentences).into()),
                ("numbers", c(self.numbers).into()),
                ("names", c(self.names).into()),
                ("dates", c(self.dates).into()),
                ("quotes", c(self.quotes).into()),
            ],
        )
    }

    /// Whether anything is left uncovered.
    pub fn complete(&self) -> bool {
        [
            self.sentences,
            self.numbers,
            self.names,
            self.dates,
            self.quotes,
        ]
        .iter()
        .all(|c| c.covered == c.total)
    }

    fn add(&mut self, other: &Summary) {
        self.sentences.add(other.sentences);
        self.numbers.add(other.numbers);
        self.names.add(other.names);
        self.dates.add(other.dates);
        self.quotes.add(other.quotes);
    }
}

/// A count with thousands separators.
fn group(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// What a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum What {
    /// A sentence.
    Sentence,
    /// A number with its qualifier.
    Number,
    /// A name.
    Name,
    /// A date expression.
    Date,
    /// A direct quotation.
    Quote,
}

impl What {
    /// The word for it.
    /// The word in the reader's language (`verify-what`).
    pub fn shown(self) -> String {
        crate::i18n::words().msg("verify-what", &[("what", self.word().into())])
    }

    /// The kind as JSON and the messages name it: `sentence`, `number`...
    pub fn word(self) -> &'static str {
        match self {
            What::Sentence => "sentence",
            What::Number => "number",
            What::Name => "name",
            What::Date => "date",
            What::Quote => "quote",
        }
    }
}

/// One thing found in the article, and what covers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// What it is.
    pub what: What,
    /// Its text in the article.
    pub text: String,
    /// Its line in the article, from 1.
    pub line: usize,
    /// Its column, in characters from 1.
    pub column: usize,
    /// Its byte span in the article.
    #[serde(skip)]
    pub span: Range<usize>,
    /// Whether the brief covers it.
    pub covered: bool,
    /// The items that cover it, as a reader names them; words of the
    /// ignore list as `ignored`.
    pub by: Vec<String>,
}

/// The coverage of one source's text.
#[derive(Debug, Clone, Serialize)]
pub struct SourceCoverage {
    /// The source's id.
    pub source: String,
    /// The text's file.
    pub file: String,
    /// Its counts.
    pub summary: Summary,
    /// Every sentence.
    pub sentences: Vec<Finding>,
    /// Every number.
    pub numbers: Vec<Finding>,
    /// Every name.
    pub names: Vec<Finding>,
    /// Every date expression.
    pub dates: Vec<Finding>,
    /// Every direct quotation.
    pub quotes: Vec<Finding>,
    /// The text, for the HTML report.
    #[serde(skip)]
    pub text: String,
    /// The passages, for the HTML report.
    #[serde(skip)]
    pub passages: Vec<Range<usize>>,
}

impl SourceCoverage {
    /// Every finding, kind by kind.
    pub fn findings(&self) -> impl Iterator<Item = &Finding> {
        self.sentences
            .iter()
            .chain(&self.numbers)
            .chain(&self.names)
            .chain(&self.dates)
            .chain(&self.quotes)
    }
}

/// The whole report: the counts over every text, then each text.
#[derive(Debug, Clone, Serialize)]
pub struct Coverage {
    /// The brief's title.
    pub title: String,
    /// The counts over every text.
    pub summary: Summary,
    /// Every finding not covered, in the order of the texts.
    pub uncovered: Vec<Uncovered>,
    /// Each text.
    pub sources: Vec<SourceCoverage>,
}

/// A finding not covered, with where it is.
#[derive(Debug, Clone, Serialize)]
pub struct Uncovered {
    /// What it is: `sentence`, `number`, `name`, `date` or `quote`.
    pub what: What,
    /// The source's id.
    pub source: String,
    /// The text's file.
    pub file: String,
    /// Its text.
    pub text: String,
    /// Its line, from 1.
    pub line: usize,
    /// Its column, from 1.
    pub column: usize,
}

/// Line starts of a text, to give a byte its line and column.
struct Lines<'t> {
    text: &'t str,
    starts: Vec<usize>,
}

impl<'t> Lines<'t> {
    fn new(text: &'t str) -> Self {
        let starts = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
            .collect();
        Lines { text, starts }
    }

    fn at(&self, byte: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|s| *s <= byte);
        let start = self.starts[line - 1];
        (line, self.text[start..byte].chars().count() + 1)
    }
}

/// A lower-case form for comparing words: curly apostrophes straight,
/// runs of white space one space, a possessive dropped.
fn key(s: &str) -> String {
    let s = s.replace('’', "'").to_lowercase();
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    s.strip_suffix("'s").map(str::to_owned).unwrap_or(s)
}

/// The figures whose number and qualifier are the ones found.
fn figures_for(n: &Number, figures: &[FigureFact]) -> Vec<String> {
    figures
        .iter()
        .filter(|f| {
            let value = f
                .value
                .is_some_and(|v| same(v, n.value) || same(v, n.written));
            let high = match (f.high, n.high) {
                (Some(a), Some(b)) => same(a, b) || n.value != n.written,
                (None, None) => true,
                _ => false,
            };
            value && high && f.qualifier == n.qualifier
        })
        .map(|f| f.item.clone())
        .collect()
}

/// The items whose passages overlap `span`, each once, in order.
fn overlapping(span: &Range<usize>, passages: &[Claim]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for p in passages {
        if p.range.start < span.end && span.start < p.range.end && !out.contains(&p.item) {
            out.push(p.item.clone());
        }
    }
    out
}

/// The items whose passages hold all of `span`.
fn containing(span: &Range<usize>, passages: &[Claim]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for p in passages {
        if p.range.start <= span.start && span.end <= p.range.end && !out.contains(&p.item) {
            out.push(p.item.clone());
        }
    }
    out
}

/// The words of a date wording as compared: lower case, months and
/// weekdays in full, without ordinal endings, commas and prepositions.
fn date_words(s: &str) -> Vec<String> {
    use crate::scan::words::{MONTH_NAMES, WEEKDAY_NAMES};
    s.split(|c: char| c.is_whitespace() || c == ',')
        .map(|w| w.trim_matches(|c: char| c == '.' || c == '(' || c == ')'))
        .filter(|w| !w.is_empty())
        .map(|w| {
            let w = w.to_lowercase();
            if let Some(full) = MONTH_NAMES
                .get(w.as_str())
                .or(WEEKDAY_NAMES.get(w.as_str()))
            {
                return (*full).to_owned();
            }
            let digits = w.trim_end_matches(|c: char| c.is_alphabetic());
            if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
                return digits.trim_start_matches('0').to_owned();
            }
            w
        })
        .filter(|w| !["on", "in", "at", "of", "the"].contains(&w.as_str()))
        .collect()
}

/// Whether a name is matched by a known one: the same, or a run of its
/// words ("Okafor" in "Maria Okafor").
fn name_matches(name: &[&str], known: &[&str]) -> bool {
    !name.is_empty() && known.windows(name.len()).any(|w| w == name)
}

/// The coverage of one text.
pub fn cover(article: &Article, facts: &Facts) -> SourceCoverage {
    let text = article.text;
    let lines = Lines::new(text);
    let finding = |what: What, span: Range<usize>, by: Vec<String>| {
        let (line, column) = lines.at(span.start);
        Finding {
            what,
            text: text[span.clone()]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
            line,
            column,
            covered: !by.is_empty(),
            span,
            by,
        }
    };
    let passages = &article.passages;

    let sentences: Vec<Finding> = scan::find_sentences(text)
        .into_iter()
        .map(|s| {
            let by = overlapping(&s, passages);
            finding(What::Sentence, s, by)
        })
        .collect();

    let numbers: Vec<Finding> = scan::find_numbers(text)
        .into_iter()
        .map(|n| {
            let mut by = figures_for(&n, &facts.figures);
            for item in containing(&n.value_span, passages) {
                if !by.contains(&item) {
                    by.push(item);
                }
            }
            finding(What::Number, n.span, by)
        })
        .collect();

    let known: Vec<String> = facts.names.iter().map(|n| key(n)).collect();
    let known_words: Vec<Vec<&str>> = known.iter().map(|k| k.split(' ').collect()).collect();
    let ignore: HashSet<String> = facts.ignore.iter().map(|n| key(n)).collect();
    let seen: HashSet<String> = known
        .iter()
        .flat_map(|k| k.split(' ').map(str::to_owned))
        .chain(ignore.iter().cloned())
        .collect();
    let names: Vec<Finding> = scan::find_names(text, &seen)
        .into_iter()
        .map(|n| {
            let name = key(&text[n.name.clone()]);
            let words: Vec<&str> = name.split(' ').collect();
            let mut by: Vec<String> = facts
                .names
                .iter()
                .zip(&known_words)
                .filter(|(_, k)| name_matches(&words, k))
                .map(|(n, _)| n.clone())
                .take(1)
                .collect();
            if by.is_empty()
                && (ignore.contains(&name) || ignore.contains(&key(&text[n.span.clone()])))
            {
                by.push("ignored".into());
            }
            finding(What::Name, n.name, by)
        })
        .collect();

    let stated: Vec<Vec<String>> = facts.dates.iter().map(|d| date_words(d)).collect();
    let values: Vec<Vec<String>> = facts.values.iter().map(|d| date_words(d)).collect();
    let dates: Vec<Finding> = scan::find_dates(text)
        .into_iter()
        .map(|d| {
            let words = date_words(&text[d.span.clone()]);
            let wording = facts.dates.iter().zip(&stated).find(|(_, s)| {
                !words.is_empty()
                    && (words.iter().all(|w| s.contains(w))
                        || (!s.is_empty() && s.iter().all(|w| words.contains(w))))
            });
            let value = facts.values.iter().zip(&values).find(|(_, v)| {
                !words.is_empty()
                    && words.iter().all(|w| v.contains(w))
                    && words.len() + 1 >= v.len()
            });
            let by: Vec<String> = wording
                .map(|(d, _)| format!("stated `{d}`"))
                .or_else(|| value.map(|(d, _)| format!("date {d}")))
                .into_iter()
                .collect();
            finding(What::Date, d.span, by)
        })
        .collect();

    let quoted: Vec<Claim> = passages.iter().filter(|p| p.quote).cloned().collect();
    let quotes: Vec<Finding> = scan::find_quotes(text)
        .into_iter()
        .map(|q| {
            let by = overlapping(&q.inner, &quoted);
            finding(What::Quote, q.span, by)
        })
        .collect();

    let summary = Summary {
        sentences: Count::of(&sentences),
        numbers: Count::of(&numbers),
        names: Count::of(&names),
        dates: Count::of(&dates),
        quotes: Count::of(&quotes),
    };
    SourceCoverage {
        source: article.source.to_owned(),
        file: article.file.to_owned(),
        summary,
        sentences,
        numbers,
        names,
        dates,
        quotes,
        text: text.to_owned(),
        passages: passages.iter().map(|p| p.range.clone()).collect(),
    }
}

/// The coverage of every text, with the counts over all of them.
pub fn cover_all(articles: &[Article], facts: &Facts) -> Coverage {
    let sources: Vec<SourceCoverage> = articles.iter().map(|a| cover(a, facts)).collect();
    let mut summary = Summary::default();
    let mut uncovered = Vec::new();
    for s in &sources {
        summary.add(&s.summary);
        uncovered.extend(s.findings().filter(|f| !f.covered).map(|f| Uncovered {
            what: f.what,
            source: s.source.clone(),
            file: s.file.clone(),
            text: f.text.clone(),
            line: f.line,
            column: f.column,
        }));
    }
    Coverage {
        title: String::new(),
        summary,
        uncovered,
        sources,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Talks in Port Celest stalled on Tuesday, Maria Okafor said.\n\
        Nearly 20% of the 1,200 delegates left. “We will not sign,” said Ana Rell.\n\
        The Harbour Authority closed the port last week.";

    fn claim(item: &str, exact: &str, quote: bool) -> Claim {
        let start = TEXT.find(exact).expect("in the text");
        Claim {
            item: item.into(),
            range: start..start + exact.len(),
            quote,
        }
    }

    fn facts() -> Facts {
        Facts {
            figures: vec![FigureFact {
                item: "figure walkout".into(),
                value: Some(20.0),
                high: None,
                qualifier: Qualifier::Nearly,
            }],
            names: vec![
                "Maria Okafor".into(),
                "Port Celest".into(),
                "Ana Rell".into(),
            ],
            ignore: vec![],
            dates: vec!["on Tuesday".into()],
            values: vec![],
        }
    }

    fn article(passages: Vec<Claim>) -> Article<'static> {
        Article {
            source: "wire",
            file: "wire.txt",
            text: TEXT,
            passages,
        }
    }

    fn texts(f: &[Finding], covered: bool) -> Vec<&str> {
        f.iter()
            .filter(|f| f.covered == covered)
            .map(|f| f.text.as_str())
            .collect()
    }

    #[test]
    fn sentences_are_covered_by_overlapping_passages() {
        let a = article(vec![
            claim("event talks-stall", "Talks in Port Celest stalled", false),
            claim("statement rell", "We will not sign,", true),
        ]);
        let c = cover(&a, &facts());
        assert_eq!(
            c.summary.sentences,
            Count {
                covered: 2,
                total: 4
            }
        );
        assert_eq!(c.sentences[0].by, ["event talks-stall"]);
        assert_eq!(
            texts(&c.sentences, false),
            [
                "Nearly 20% of the 1,200 delegates left.",
                "The Harbour Authority closed the port last week."
            ]
        );
        assert_eq!((c.sentences[1].line, c.sentences[1].column), (2, 1));
        assert_eq!(
            c.summary.quotes,
            Count {
                covered: 1,
                total: 1
            }
        );
    }

    #[test]
    fn numbers_need_value_and_qualifier() {
        let c = cover(&article(vec![]), &facts());
        assert_eq!(texts(&c.numbers, true), ["Nearly 20%"]);
        assert_eq!(texts(&c.numbers, false), ["1,200 delegates"]);
        // A figure that lost its "nearly" does not account for the number.
        let mut f = facts();
        f.figures[0].qualifier = Qualifier::Unqualified;
        let c = cover(&article(vec![]), &f);
        assert_eq!(c.summary.numbers.covered, 0);
        // A passage holding the number accounts for it.
        let c = cover(
            &article(vec![claim(
                "event walkout",
                "the 1,200 delegates left",
                false,
            )]),
            &facts(),
        );
        assert_eq!(c.numbers[1].by, ["event walkout"]);
    }

    #[test]
    fn names_match_actors_places_and_the_ignore_list() {
        let c = cover(&article(vec![]), &facts());
        assert_eq!(texts(&c.names, false), ["Harbour Authority"]);
        assert_eq!(
            texts(&c.names, true),
            ["Port Celest", "Maria Okafor", "Ana Rell"]
        );
        let mut f = facts();
        f.ignore = vec!["harbour authority".into()];
        let c = cover(&article(vec![]), &f);
        assert!(c.names.iter().all(|n| n.covered));
        assert_eq!(c.names[3].by, ["ignored"]);
        // A surname alone is matched by the full name.
        let mut f = facts();
        f.names = vec!["Okafor".into()];
        let c = cover(&article(vec![]), &f);
        assert!(
            !c.names
                .iter()
                .any(|n| n.text == "Maria Okafor" && n.covered)
        );
    }

    #[test]
    fn a_name_after_a_demonym_and_title_matches_its_actor() {
        let text = "Arvenian Foreign Minister Teodora Vask met Rear Adm. Piet Rusk. \
                    A sign read “Count again”.";
        let a = Article {
            source: "wire",
            file: "wire.txt",
            text,
            passages: vec![],
        };
        let mut f = facts();
        f.names = vec!["Teodora Vask".into()];
        let c = cover(&a, &f);
        assert_eq!(texts(&c.names, true), ["Teodora Vask"]);
        // The rank is no part of the name left uncovered; the quotation's
        // first word is no name at all.
        assert_eq!(texts(&c.names, false), ["Piet Rusk"]);
    }

    #[test]
    fn dates_match_stated_wordings() {
        let c = cover(&article(vec![]), &facts());
        assert_eq!(texts(&c.dates, true), ["Tuesday"]);
        assert_eq!(texts(&c.dates, false), ["last week"]);
        let mut f = facts();
        f.values = vec!["12 February 2025".into(), "13 March 2025".into()];
        let text = "It was signed on February 12, 2025, and again on Feb. 13, in March.";
        let a = Article {
            text,
            ..article(vec![])
        };
        let c = cover(&a, &f);
        assert_eq!(texts(&c.dates, true), ["February 12, 2025"]);
        // A month alone is not matched by a day in it.
        assert_eq!(texts(&c.dates, false), ["Feb. 13", "March"]);
    }

    #[test]
    fn the_summary_line_and_the_uncovered_list() {
        let all = cover_all(&[article(vec![])], &facts());
        assert_eq!(
            all.summary.line(),
            "sentences 0/4, numbers 1/2, names 3/4, dates 1/2, quotes 0/1 verbatim"
        );
        assert!(!all.summary.complete());
        let first = &all.uncovered[0];
        assert_eq!(
            (first.what, first.line, first.column),
            (What::Sentence, 1, 1)
        );
        assert_eq!(first.file, "wire.txt");
        assert_eq!(group(12_345_678), "12,345,678");
        assert_eq!(group(999), "999");
    }
}
