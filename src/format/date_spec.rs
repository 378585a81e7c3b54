//! Dates as sources give them: the raw form in a brief, and the checks
//! that what is said to be inferred is there to infer.

use std::collections::HashMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::checker::Checker;
use super::reference::{DatedItems, Ref, RefVisitor};
use super::text::{join_and, join_and_str, opt};
use crate::date::{Edtf, MONTH_NAMES, WEEKDAY_NAMES};
use crate::diagnostic::Diagnostic;
use crate::pos::{Located, Pos};

/// A date as a source gives it. In YAML, either a plain EDTF string (the
/// shorthand for a date the source states exactly as written, e.g.
/// `2025-02-12`) or a map in the [`DateFull`] form that keeps the wording
/// and says what was inferred.
#[derive(Debug, Clone)]
pub struct DateSpec {
    /// The normalised date, when it can be worked out.
    pub value: Option<Edtf>,
    /// The wording in the source.
    pub stated: Option<String>,
    /// Parts of `value` inferred rather than stated.
    pub inferred: Vec<DatePart>,
    /// How the inferred parts were worked out.
    pub basis: Option<String>,
    /// The time of day, as stated.
    pub time: Option<String>,
    /// The item this date comes after.
    pub after: Option<Ref<DatedItems>>,
    /// The item this date comes before.
    pub before: Option<Ref<DatedItems>>,
    /// The item this date is around the time of.
    pub around: Option<Ref<DatedItems>>,
    /// Shortly before the brief was published.
    pub recent: bool,
    /// Where the date was written.
    pub pos: Pos,
}

/// A date with its wording kept.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DateFull {
    /// The normalised date in EDTF (levels 0–1): `2025-02-12`, `2025-02`,
    /// `2025`, `2025-02-12?` (uncertain), `2025-02~` (approximate),
    /// `2025-02-XX` (day unspecified), `2025-02-20/2025-02-23` (interval),
    /// `2025-02-12/..` (open end). Leave out when it cannot be worked out.
    #[serde(default)]
    pub value: Option<Edtf>,
    /// The wording in the source (e.g. `February 12`, `end of the week`).
    #[serde(default)]
    pub stated: Option<String>,
    /// Parts of `value` not stated by the source but inferred by the
    /// author: any of `year`, `month`, `day`.
    #[serde(default)]
    pub inferred: Vec<DatePart>,
    /// How the inferred parts were worked out.
    #[serde(default)]
    pub basis: Option<String>,
    /// The time of day as stated (`20:00 local time`, `late on Friday`).
    #[serde(default)]
    pub time: Option<String>,
    /// The id of an item (event, statement or figure) this date comes
    /// after, when the source places it only so ("three weeks after the
    /// vote", "for the fourth day running").
    #[serde(default)]
    pub after: Option<Ref<DatedItems>>,
    /// The id of an item this date comes before.
    #[serde(default)]
    pub before: Option<Ref<DatedItems>>,
    /// The id of an item this date is around the time of.
    #[serde(default)]
    pub around: Option<Ref<DatedItems>>,
    /// `true`: shortly before the brief was published ("recent attacks").
    /// Give at most one of `after`, `before`, `around` and `recent`.
    #[serde(default)]
    pub recent: bool,
}

/// How an undated item is placed: relative to another item, or to the
/// time of publication.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateRelation {
    /// After another item.
    After,
    /// Before another item.
    Before,
    /// Around the time of another item.
    Around,
    /// Shortly before publication.
    Recent,
}

impl DateRelation {
    /// The relation as templates see it: `after`, `before`, `around` or
    /// `recent`.
    pub fn text(self) -> &'static str {
        match self {
            DateRelation::After => "after",
            DateRelation::Before => "before",
            DateRelation::Around => "around",
            DateRelation::Recent => "recent",
        }
    }
}

impl DateRelation {
    /// The relation in the reader's words.
    pub fn shown(self) -> String {
        let key = match self {
            DateRelation::After => "relation-after",
            DateRelation::Before => "relation-before",
            DateRelation::Around => "relation-around",
            DateRelation::Recent => "relation-recent",
        };
        crate::i18n::words().get(key)
    }
}

impl Serialize for DateRelation {
    /// Templates see the relation in the reader's words.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.shown())
    }
}

/// Which parts of a date a wording gives, by the rule documented in
/// `docs/format.md`: a year when it has a 4-digit year; a month when it
/// has a month's name or abbreviation, or a numeric date; a day when it
/// has a day number next to a month's name, an ordinal, or a numeric date.
/// A weekday gives none of them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Given {
    pub(crate) year: bool,
    pub(crate) month: bool,
    pub(crate) day: bool,
}

/// Whether `name` starts with `prefix`, ignoring ASCII case.
fn starts_with_ignoring_case(name: &str, prefix: &str) -> bool {
    name.len() >= prefix.len()
        && name.is_char_boundary(prefix.len())
        && name[..prefix.len()].eq_ignore_ascii_case(prefix)
}

/// Whether a word is a month's name or its abbreviation (`Feb`, `Sept.`).
/// "May" counts only capitalised, as the modal verb is common in wording.
fn is_month(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    let lower = w.to_ascii_lowercase();
    if lower == "may" {
        return w.starts_with('M');
    }
    MONTH_NAMES.iter().any(|m| {
        m.eq_ignore_ascii_case(&lower)
            || (lower.len() >= 3
                && starts_with_ignoring_case(m, &lower)
                && (lower.len() == 3 || lower == "sept"))
    })
}

/// Whether a word is a day of the week (`Tuesday`, `Tue`).
fn is_weekday(word: &str) -> bool {
    let lower = word.trim_end_matches('.').to_ascii_lowercase();
    WEEKDAY_NAMES.iter().any(|d| {
        d.eq_ignore_ascii_case(&lower) || (lower.len() == 3 && starts_with_ignoring_case(d, &lower))
    })
}

/// A day number: `12`, or an ordinal `12th`, with whether it is an ordinal.
fn day_number(word: &str) -> Option<(u32, bool)> {
    let digits: String = word.chars().take_while(char::is_ascii_digit).collect();
    if digits.is_empty() || digits.len() > 2 {
        return None;
    }
    let rest = word[digits.len()..].to_ascii_lowercase();
    let n: u32 = digits.parse().ok()?;
    if !(1..=31).contains(&n) {
        return None;
    }
    match rest.as_str() {
        "" => Some((n, false)),
        "st" | "nd" | "rd" | "th" => Some((n, true)),
        _ => None,
    }
}

impl Given {
    /// The parts `wording` gives.
    pub(crate) fn by(wording: &str) -> Given {
        let mut g = Given::default();
        // Numeric dates: groups of digits joined by `/`, `.` or `-`.
        for token in wording.split(|c: char| c.is_whitespace() || c == ',') {
            let token = token.trim_matches(|c: char| !c.is_ascii_alphanumeric());
            let groups: Vec<&str> = token.split(['/', '.', '-']).collect();
            if groups.len() >= 2
                && groups.len() <= 3
                && groups
                    .iter()
                    .all(|x| !x.is_empty() && x.len() <= 4 && x.bytes().all(|b| b.is_ascii_digit()))
            {
                let long = groups.iter().any(|x| x.len() == 4);
                g.month = true;
                if groups.len() == 3 || !long {
                    g.day = true;
                }
            }
        }
        let words: Vec<&str> = wording
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '.'))
            .map(|w| w.trim_matches('.'))
            .filter(|w| !w.is_empty())
            .collect();
        for (i, w) in words.iter().enumerate() {
            if w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()) {
                g.year = true;
            }
            if is_month(w) {
                g.month = true;
            }
            if let Some((_, ordinal)) = day_number(w) {
                // "12 February", "February 12", "12th of February".
                let near =
                    |j: Option<usize>| j.and_then(|j| words.get(j)).is_some_and(|x| is_month(x));
                let before = near(i.checked_sub(1));
                let after = near(Some(i + 1))
                    || (words
                        .get(i + 1)
                        .is_some_and(|x| x.eq_ignore_ascii_case("of"))
                        && near(Some(i + 2)));
                if ordinal || before || after {
                    g.day = true;
                }
            }
        }
        g
    }

    fn gives(self, part: DatePart) -> bool {
        match part {
            DatePart::Year => self.year,
            DatePart::Month => self.month,
            DatePart::Day => self.day,
        }
    }
}

/// The EDTF date a wording states in full, when it gives a year and
/// nothing of its date is left to infer: `March 2025` is `2025-03`,
/// `12 February 2025` and `February 12, 2025` are `2025-02-12`, `2014` is
/// `2014`. None for a wording without a year ("Tuesday", "February 12").
pub(crate) fn edtf_of_wording(wording: &str) -> Option<String> {
    let given = Given::by(wording);
    if !given.year {
        return None;
    }
    let words: Vec<&str> = wording
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '.'))
        .map(|w| w.trim_matches('.'))
        .filter(|w| !w.is_empty())
        .collect();
    let year = words
        .iter()
        .find(|w| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))?;
    let month = words.iter().position(|w| is_month(w));
    let Some(m) = month else {
        // A year alone; a numeric date is left to the author.
        return (!given.month).then(|| year.to_string());
    };
    let lower = words[m].to_ascii_lowercase();
    let number = MONTH_NAMES
        .iter()
        .position(|name| starts_with_ignoring_case(name, &lower[..3.min(lower.len())]))?
        + 1;
    let day = [m.checked_sub(1), Some(m + 1)]
        .into_iter()
        .flatten()
        .filter_map(|j| words.get(j))
        .find_map(|w| day_number(w).map(|(d, _)| d));
    Some(match day {
        Some(d) => format!("{year}-{number:02}-{d:02}"),
        None if given.day => return None,
        None => format!("{year}-{number:02}"),
    })
}

/// Whether a wording names a day of the week.
fn names_weekday(wording: &str) -> bool {
    wording
        .split(|c: char| !c.is_ascii_alphabetic())
        .any(is_weekday)
}

/// A part of a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum DatePart {
    /// The year.
    Year,
    /// The month.
    Month,
    /// The day.
    Day,
}

impl DatePart {
    /// The part's name, as written in `inferred`.
    pub fn name(self) -> &'static str {
        match self {
            DatePart::Year => "year",
            DatePart::Month => "month",
            DatePart::Day => "day",
        }
    }
}

impl DateSpec {
    /// Checks that the date says something, and that every part it says
    /// was inferred is in its value.
    pub(crate) fn check(&self, c: &mut impl Checker) {
        let d = self;
        let relations = d.relations();
        if relations.len() > 1 {
            let names: Vec<&str> = relations.iter().map(|(r, _)| r.text()).collect();
            c.push(
                Diagnostic::error(
                    "conflicting-date-relation",
                    relations[1].1,
                    format!(
                        "the date is placed by both `{}` and `{}`",
                        names[0], names[1]
                    ),
                )
                .with_label("a second relation")
                .with_help(format!(
                    "keep only the one the source states, of {}",
                    join_and(&names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>())
                )),
            );
        }
        for r in [&d.after, &d.before, &d.around].into_iter().flatten() {
            c.reference(r);
        }
        if let Some(t) = &d.time {
            c.not_blank(t, d.pos, "the time of day");
        }
        let placed = !relations.is_empty();
        match &d.value {
            None if !d.inferred.is_empty() => c.push(
                Diagnostic::error(
                    "invalid-date",
                    d.pos,
                    "`inferred` names parts of a date, but there is no `value`",
                )
                .with_label("no `value`")
                .with_help("add the inferred `value`, or remove `inferred`"),
            ),
            None if d.stated.is_none() && !placed => c.push(
                Diagnostic::error(
                    "invalid-date",
                    d.pos,
                    "the date has neither a `value` nor a `stated` wording",
                )
                .with_label("no `value` or `stated`")
                .with_help(
                    "leave the date out when nothing is known of it, or place it with `after`, `before`, `around` or `recent: true`",
                ),
            ),
            Some(value) => {
                for part in &d.inferred {
                    let name = part.name();
                    if !value.has_part(name) {
                        c.push(
                            Diagnostic::error(
                                "invalid-date",
                                d.pos,
                                format!(
                                    "`inferred` lists the {name}, but the date `value` has no {name}"
                                ),
                            )
                            .with_label(format!("no {name} in `value`"))
                            .with_help(format!(
                                "remove `{name}` from `inferred`, or give the inferred {name} in `value`"
                            )),
                        );
                    }
                }
                if !d.inferred.is_empty() && d.stated.is_none() {
                    c.push(
                        Diagnostic::warning(
                            "inferred-without-wording",
                            d.pos,
                            "the date is partly inferred but the source's wording is not kept",
                        )
                        .with_label("no `stated` wording")
                        .with_help("add `stated:` with the date as the source words it"),
                    );
                }
                d.check_uninferred(value, c);
                d.check_weekday(value, c);
            }
            None => {}
        }
    }

    /// Warns when the source's wording does not give a part the value
    /// has, and `inferred` does not say so: the part was inferred all the
    /// same, and a reader must not take it as stated.
    fn check_uninferred(&self, value: &Edtf, c: &mut impl Checker) {
        let missing = self.uninferred(value);
        if missing.is_empty() {
            return;
        }
        let names: Vec<&str> = missing.iter().map(|p| p.name()).collect();
        let all: Vec<&str> = self.effective_inferred().iter().map(|p| p.name()).collect();
        let stated = self.stated.as_deref().unwrap_or_default().trim();
        c.push(
            Diagnostic::warning(
                "uninferred-date-part",
                self.pos,
                format!(
                    "the wording `{stated}` does not give the {}, but `inferred` does not list it",
                    join_and_str(&names)
                ),
            )
            .with_label(format!("{} not in the wording", join_and_str(&names)))
            .with_help(format!(
                "add `inferred: [{}]`, and say how in `basis:`; the briefing shows these parts as inferred either way",
                all.join(", ")
            )),
        );
    }

    /// Warns when the wording names a day of the week that the value's
    /// day is not: one of the two is wrong.
    fn check_weekday(&self, value: &Edtf, c: &mut impl Checker) {
        let Some(stated) = &self.stated else { return };
        let named: Vec<&str> = stated
            .split(|ch: char| !ch.is_ascii_alphabetic())
            .filter(|w| is_weekday(w))
            .collect();
        let Some(day) = value
            .point()
            .filter(|p| p.day.is_some() && !p.approximate && !p.uncertain)
            .and_then(|p| p.weekday())
        else {
            return;
        };
        if named.is_empty()
            || named.iter().any(|w| {
                day.to_ascii_lowercase()
                    .starts_with(&w.to_ascii_lowercase())
            })
        {
            return;
        }
        c.push(
            Diagnostic::warning(
                "weekday-mismatch",
                self.pos,
                format!(
                    "the wording `{}` names {}, but {value} is a {day}",
                    stated.trim(),
                    named[0]
                ),
            )
            .with_label(format!("{value} is a {day}"))
            .with_help("check the `value` against the source's wording"),
        );
    }

    /// The parts of `value` that the wording does not give and that
    /// `inferred` does not list.
    fn uninferred(&self, value: &Edtf) -> Vec<DatePart> {
        let Some(stated) = &self.stated else {
            return Vec::new();
        };
        let given = Given::by(stated);
        [DatePart::Year, DatePart::Month, DatePart::Day]
            .into_iter()
            .filter(|p| value.has_part(p.name()) && !given.gives(*p) && !self.inferred.contains(p))
            .collect()
    }

    /// The parts inferred: those listed in `inferred`, and those the
    /// wording does not give, in the order year, month, day.
    pub(crate) fn effective_inferred(&self) -> Vec<DatePart> {
        let extra = self
            .value
            .as_ref()
            .map(|v| self.uninferred(v))
            .unwrap_or_default();
        [DatePart::Year, DatePart::Month, DatePart::Day]
            .into_iter()
            .filter(|p| self.inferred.contains(p) || extra.contains(p))
            .collect()
    }

    /// The relations written, each with where its item is named.
    fn relations(&self) -> Vec<(DateRelation, Pos)> {
        let mut out = Vec::new();
        for (kind, r) in [
            (DateRelation::After, &self.after),
            (DateRelation::Before, &self.before),
            (DateRelation::Around, &self.around),
        ] {
            if let Some(r) = r {
                out.push((kind, r.pos));
            }
        }
        if self.recent {
            out.push((DateRelation::Recent, self.pos));
        }
        out
    }

    /// The one relation that places the date, and the item it names:
    /// the first written when (wrongly) there are several.
    pub fn relation(&self) -> Option<(DateRelation, Option<&Ref<DatedItems>>)> {
        for (kind, r) in [
            (DateRelation::After, &self.after),
            (DateRelation::Before, &self.before),
            (DateRelation::Around, &self.around),
        ] {
            if let Some(r) = r {
                return Some((kind, Some(r)));
            }
        }
        self.recent.then_some((DateRelation::Recent, None))
    }

    /// Hands the date's references to `v`.
    pub(crate) fn visit_refs(&mut self, v: &mut impl RefVisitor) {
        v.visit_opt(&mut self.after);
        v.visit_opt(&mut self.before);
        v.visit_opt(&mut self.around);
    }
}

/// Checks the relations between dates across a brief: each item (its id
/// and date, in the order written) placed relative to another must name
/// a different item that has a date, and relations must not run in a
/// cycle, as the chronology could place none of its items.
pub(crate) fn check_relations(
    items: &[(&Located<String>, Option<&DateSpec>)],
    c: &mut impl Checker,
) {
    let by_id: HashMap<&str, usize> = items
        .iter()
        .enumerate()
        .map(|(i, (id, _))| (id.value.as_str(), i))
        .collect();
    // The item each one is placed relative to, when it names one.
    let mut next: Vec<Option<usize>> = vec![None; items.len()];
    for (i, (id, date)) in items.iter().enumerate() {
        let Some((kind, Some(r))) = date.and_then(DateSpec::relation) else {
            continue;
        };
        if r.value == id.value {
            c.push(
                Diagnostic::error(
                    "self-reference",
                    r.pos,
                    format!(
                        "the date of `{}` is placed {} itself",
                        id.value,
                        kind.text()
                    ),
                )
                .with_label("the item itself")
                .with_help("name another item, or leave the relation out"),
            );
            continue;
        }
        let Some(&j) = by_id.get(r.value.as_str()) else {
            continue;
        };
        let target = items[j].1;
        if target.is_none_or(|t| t.value.is_none() && t.relation().is_none()) {
            let mut d = Diagnostic::error(
                "undated-relation-target",
                r.pos,
                format!(
                    "the date of `{}` is placed {} `{}`, which has no date",
                    id.value,
                    kind.text(),
                    r.value
                ),
            )
            .with_label(format!("`{}` has no date", r.value))
            .with_help(format!(
                "give `{}` a date (a `value`, or a relation of its own), or place this date another way",
                r.value
            ));
            if let Some(t) = target {
                d = d.with_related(t.pos, format!("the date of `{}`", r.value));
            }
            c.push(d);
            continue;
        }
        next[i] = Some(j);
    }
    // Each item has at most one successor: walk each chain once, and a
    // chain that comes back to an item of its own walk is a cycle.
    const NEW: u8 = 0;
    const OPEN: u8 = 1;
    const DONE: u8 = 2;
    let mut state = vec![NEW; items.len()];
    for start in 0..items.len() {
        let mut walk = Vec::new();
        let mut at = Some(start);
        while let Some(i) = at {
            if state[i] != NEW {
                if state[i] == OPEN {
                    let cycle_from = walk.iter().position(|&w| w == i).unwrap_or(0);
                    let members = &walk[cycle_from..];
                    let first = *members.iter().min().unwrap_or(&i);
                    let names: Vec<String> = members
                        .iter()
                        .map(|&m| format!("`{}`", items[m].0.value))
                        .collect();
                    let pos = items[first]
                        .1
                        .and_then(DateSpec::relation)
                        .and_then(|(_, r)| r)
                        .map_or(items[first].0.pos, |r| r.pos);
                    c.push(
                        Diagnostic::error(
                            "date-relation-cycle",
                            pos,
                            format!(
                                "the dates of {} are placed relative to each other in a circle",
                                join_and(&names)
                            ),
                        )
                        .with_label("starts a circle of relations")
                        .with_help(
                            "give one of them a `value`, or place it relative to an item outside the circle",
                        ),
                    );
                }
                break;
            }
            state[i] = OPEN;
            walk.push(i);
            at = next[i];
        }
        for w in walk {
            state[w] = DONE;
        }
    }
}

/// A date as a reader should see it.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct DateView {
    /// The one phrase to print, concise, never an inferred date presented
    /// as stated and never with nested brackets: `Tuesday, 13 May 2031
    /// (inferred)`, `12 February 2025 (year inferred)`, `June 2024`, `this
    /// week (exact date unknown)`, with the time of day after a comma. The
    /// wording and basis of inferred dates are in the brief's `date_notes`.
    pub text: String,
    /// The source's wording, if kept.
    pub stated: Option<String>,
    /// The normalised date in words (`12 February 2025`), if known.
    pub normalised: Option<String>,
    /// The EDTF value (`2025-02-12`), if known; for machine-readable
    /// attributes such as `<time datetime>` when `exact` is true.
    pub edtf: Option<String>,
    /// Whether the source states an exact day (nothing inferred,
    /// approximate or uncertain).
    pub exact: bool,
    /// Parts inferred by the author: `year`, `month`, `day`.
    #[schemars(with = "Vec<String>")]
    pub inferred: Vec<DatePart>,
    /// How the inferred parts were worked out.
    pub basis: Option<String>,
    /// The parsed value, for charts; templates have `edtf`.
    #[serde(skip)]
    #[schemars(skip)]
    pub(crate) value: Option<Edtf>,
    /// `day`, `month`, `year`, or `unknown`.
    #[schemars(with = "String")]
    pub precision: DatePrecision,
    /// The time of day as stated, if given.
    pub time: Option<String>,
    /// How an item with this date is placed besides its value: `after`,
    /// `before`, `around` (another item, `relative_to`), `recent` (shortly
    /// before publication), or null.
    #[schemars(with = "Option<String>")]
    pub relation: Option<DateRelation>,
    /// The id of the item `relation` names, if any.
    pub relative_to: Option<String>,
}

/// The full explanation of an inferred date, given once per distinct date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct DateNoteView {
    /// The date as printed (its `text`).
    pub date: String,
    /// The source's wording.
    pub stated: Option<String>,
    /// Parts inferred: `year`, `month`, `day`.
    pub inferred: Vec<String>,
    /// How they were worked out.
    pub basis: Option<String>,
    /// The explanation in one line: `stated as "Tuesday"; year, month and
    /// day inferred. The article is dated 14 May 2031.`
    pub text: String,
}

impl DateNoteView {
    /// The note of a date, if it has inferred parts to explain.
    pub(crate) fn of(d: &DateView) -> Option<DateNoteView> {
        if d.inferred.is_empty() {
            return None;
        }
        let parts: Vec<&str> = d.inferred.iter().map(|p| p.name()).collect();
        let mut text = note_lead(d.stated.as_deref(), &parts);
        if let Some(b) = &d.basis {
            text.push_str(". ");
            text.push_str(b);
        }
        if !text.ends_with(['.', '!', '?']) {
            text.push('.');
        }
        Some(DateNoteView {
            date: d.text.clone(),
            stated: d.stated.clone(),
            inferred: parts.iter().map(|p| p.to_string()).collect(),
            basis: d.basis.clone(),
            text,
        })
    }
}

impl DateNoteView {
    /// The note when an earlier note, of the date `earlier`, already gave
    /// the same basis: it refers to that note instead of repeating it.
    pub(crate) fn same_basis_as(mut self, earlier: &str) -> DateNoteView {
        let parts: Vec<&str> = self.inferred.iter().map(String::as_str).collect();
        // The earlier date without its own note in brackets: "as for
        // 25 September 2024", never a bracket inside the sentence.
        let earlier = earlier.split(" (").next().unwrap_or(earlier);
        self.text = crate::i18n::words().msg(
            "note-same-basis",
            &[
                ("lead", note_lead(self.stated.as_deref(), &parts).into()),
                ("earlier", earlier.into()),
            ],
        );
        self
    }
}

/// The start of a date note: the wording and the parts inferred, in the
/// reader's language.
fn note_lead(stated: Option<&str>, parts: &[&str]) -> String {
    let w = crate::i18n::words();
    let names: Vec<String> = parts.iter().map(|p| w.get(&format!("part-{p}"))).collect();
    let inferred = w.msg("note-parts-inferred", &[("parts", join_and(&names).into())]);
    match stated {
        Some(s) => w.msg(
            "note-lead-stated",
            &[("stated", s.into()), ("inferred", inferred.into())],
        ),
        None => capital(&inferred),
    }
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// How finely a date is known: the finest part its value gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatePrecision {
    /// To the day.
    Day,
    /// To the month.
    Month,
    /// To the year, or a period between dates.
    Year,
    /// No date was worked out.
    Unknown,
}

impl DatePrecision {
    /// The precision of a date's value: that of its first bound with a
    /// date, or a year for an interval whose bounds are both open.
    fn of(value: Option<&Edtf>) -> DatePrecision {
        use crate::date::Bound;
        let p = match value {
            None => return DatePrecision::Unknown,
            Some(Edtf::Point(p) | Edtf::Interval(Bound::Point(p), _)) => p,
            Some(Edtf::Interval(Bound::Open | Bound::Unknown, Bound::Point(p))) => p,
            Some(Edtf::Interval(Bound::Open | Bound::Unknown, Bound::Open | Bound::Unknown)) => {
                return DatePrecision::Year;
            }
        };
        match (p.month, p.day) {
            (_, Some(_)) => DatePrecision::Day,
            (Some(_), None) => DatePrecision::Month,
            (None, None) => DatePrecision::Year,
        }
    }

    /// The precision in words: `day`, `month`, `year` or `unknown`.
    pub fn text(self) -> &'static str {
        match self {
            DatePrecision::Day => "day",
            DatePrecision::Month => "month",
            DatePrecision::Year => "year",
            DatePrecision::Unknown => "unknown",
        }
    }
}

impl Serialize for DatePrecision {
    /// Templates see the precision in words, as [`DatePrecision::text`] gives it.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.text())
    }
}

impl Serialize for DatePart {
    /// Templates see the part's name, as [`DatePart::name`] gives it.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

/// The reader-facing form of a date. The principle: never print an
/// inferred or approximate date as if the source had stated it, and say
/// it briefly; the long explanation is the date's note.
pub(crate) fn date_view(d: &DateSpec) -> DateView {
    let stated = opt(&d.stated);
    let inferred = d.effective_inferred();
    let exact = inferred.is_empty() && d.value.as_ref().is_some_and(Edtf::is_exact_day);
    let time = opt(&d.time);
    let relation = d.relation();
    let text = concise(d, &inferred, stated.as_deref(), time.as_deref());
    DateView {
        text,
        stated,
        edtf: d.value.as_ref().map(|_| edtf_string(d)),
        normalised: d.value.as_ref().map(|v| v.to_string()),
        exact,
        inferred,
        basis: opt(&d.basis),
        precision: DatePrecision::of(d.value.as_ref()),
        value: d.value,
        time,
        relation: relation.map(|(k, _)| k),
        relative_to: relation.and_then(|(_, r)| r).map(|r| r.value.clone()),
    }
}

/// The one phrase: the date (or the wording, when there is no value),
/// then its notes in one pair of brackets, then the time of day.
fn concise(
    d: &DateSpec,
    inferred: &[DatePart],
    stated: Option<&str>,
    time: Option<&str>,
) -> String {
    let w = crate::i18n::words();
    let mut notes: Vec<String> = Vec::new();
    let mut text = match &d.value {
        Some(v) => {
            let (mut phrase, edtf_notes) = v.phrase();
            if stated.is_some_and(names_weekday)
                && let Some(day) = v
                    .point()
                    .filter(|p| p.day.is_some() && !p.approximate)
                    .and_then(|p| p.weekday_name())
            {
                phrase = w.msg(
                    "date-with-weekday",
                    &[("weekday", day.into()), ("date", phrase.into())],
                );
            }
            notes.extend(edtf_notes);
            let has: Vec<DatePart> = [DatePart::Year, DatePart::Month, DatePart::Day]
                .into_iter()
                .filter(|p| v.has_part(p.name()))
                .collect();
            if !inferred.is_empty() {
                if has.iter().all(|p| inferred.contains(p)) {
                    notes.push(w.get("note-inferred"));
                } else {
                    let names: Vec<String> = inferred
                        .iter()
                        .map(|p| w.get(&format!("part-{}", p.name())))
                        .collect();
                    notes.push(w.msg("note-parts-inferred", &[("parts", join_and(&names).into())]));
                }
            }
            phrase
        }
        None => {
            let recent =
                stated.is_none() && matches!(d.relation(), Some((DateRelation::Recent, _)));
            let base = match (stated, d.relation()) {
                (Some(s), _) => s.to_string(),
                (None, Some((DateRelation::Recent, _))) => w.get("date-recently"),
                (None, Some(_)) => String::new(),
                (None, None) if time.is_some() => String::new(),
                (None, None) => w.get("date-unknown"),
            };
            if !base.is_empty() && !recent {
                notes.push(w.get("note-exact-date-unknown"));
            }
            if base.is_empty() && time.is_none() {
                w.get("note-exact-date-unknown")
            } else {
                base
            }
        }
    };
    if !notes.is_empty() {
        text.push_str(&format!(" ({})", notes.join("; ")));
    }
    if let Some(t) = time {
        if text.is_empty() {
            text = t.to_string();
        } else {
            text.push_str(", ");
            text.push_str(t);
        }
    }
    text
}

fn edtf_string(d: &DateSpec) -> String {
    use crate::date::{Bound, Point};
    fn point(p: &Point) -> String {
        let mut s = format!("{:04}", p.year);
        if let Some(m) = p.month {
            s.push_str(&format!("-{m:02}"));
        }
        if let Some(day) = p.day {
            s.push_str(&format!("-{day:02}"));
        }
        s.push_str(match (p.uncertain, p.approximate) {
            (true, true) => "%",
            (true, false) => "?",
            (false, true) => "~",
            _ => "",
        });
        s
    }
    let bound = |b: &Bound| match b {
        Bound::Point(p) => point(p),
        Bound::Open => "..".to_string(),
        Bound::Unknown => String::new(),
    };
    match d.value.as_ref() {
        Some(Edtf::Point(p)) => point(p),
        Some(Edtf::Interval(a, b)) => format!("{}/{}", bound(a), bound(b)),
        None => String::new(),
    }
}

/// The parts of a date's value that its `stated` wording does not give
/// and `inferred` does not list: parts the author inferred without saying
/// so ([`Given`] says what a wording gives). Empty when the date has no
/// wording or no value.
pub(crate) fn unmarked_inferred_parts(d: &DateSpec) -> Vec<DatePart> {
    match &d.value {
        Some(value) if d.stated.is_some() => d.uninferred(value),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(value: Option<&str>, stated: Option<&str>, inferred: &[DatePart]) -> DateSpec {
        DateSpec {
            value: value.map(|v| Edtf::parse(v).expect("a valid date")),
            stated: stated.map(str::to_string),
            inferred: inferred.to_vec(),
            basis: None,
            time: None,
            after: None,
            before: None,
            around: None,
            recent: false,
            pos: Pos::default(),
        }
    }

    #[test]
    fn a_wording_that_states_a_whole_date_gives_its_edtf() {
        assert_eq!(edtf_of_wording("March 2025").as_deref(), Some("2025-03"));
        assert_eq!(edtf_of_wording("in March 2025").as_deref(), Some("2025-03"));
        assert_eq!(
            edtf_of_wording("12 February 2025").as_deref(),
            Some("2025-02-12")
        );
        assert_eq!(
            edtf_of_wording("February 12, 2025").as_deref(),
            Some("2025-02-12")
        );
        assert_eq!(edtf_of_wording("Sept. 2024").as_deref(), Some("2024-09"));
        assert_eq!(edtf_of_wording("in 2014").as_deref(), Some("2014"));
        assert_eq!(edtf_of_wording("Tuesday"), None);
        assert_eq!(edtf_of_wording("February 12"), None);
        assert_eq!(edtf_of_wording("this week"), None);
    }

    #[test]
    fn what_a_wording_gives() {
        let g = |s: &str| {
            let g = Given::by(s);
            (g.year, g.month, g.day)
        };
        assert_eq!(g("Tuesday"), (false, false, false));
        assert_eq!(g("on Tue."), (false, false, false));
        assert_eq!(g("next week"), (false, false, false));
        assert_eq!(g("yesterday"), (false, false, false));
        assert_eq!(g("February 12"), (false, true, true));
        assert_eq!(g("12 Feb"), (false, true, true));
        assert_eq!(g("12th of February"), (false, true, true));
        assert_eq!(g("on the 12th"), (false, false, true));
        assert_eq!(g("in April"), (false, true, false));
        assert_eq!(g("Sept. 2024"), (true, true, false));
        assert_eq!(g("12 February 2025"), (true, true, true));
        assert_eq!(g("Tuesday 9 March"), (false, true, true));
        assert_eq!(g("12/02/2025"), (true, true, true));
        assert_eq!(g("12.02."), (false, true, true));
        assert_eq!(g("2025-02"), (true, true, false));
        assert_eq!(g("in 2014"), (true, false, false));
        // "may" as a verb is no month; 20:00 is no date.
        assert_eq!(g("talks may resume at 20:00"), (false, false, false));
        assert_eq!(g("in May"), (false, true, false));
        // A number too big for a day, next to a month, is none.
        assert_eq!(g("40 March"), (false, true, false));
    }

    #[test]
    fn a_weekday_that_the_value_is_not_is_reported() {
        struct Collect(Vec<&'static str>);
        impl Checker for Collect {
            fn push(&mut self, d: Diagnostic) {
                self.0.push(d.code);
            }
            fn reference_any(&mut self, _: &Located<String>, _: &[super::super::kind::Kind]) {}
            fn lookup(&self, _: &str) -> Option<super::super::handle::Handle> {
                None
            }
        }
        let codes = |value: &str, stated: &str| {
            let mut c = Collect(Vec::new());
            spec(
                Some(value),
                Some(stated),
                &[DatePart::Year, DatePart::Month, DatePart::Day],
            )
            .check(&mut c);
            c.0
        };
        assert_eq!(codes("2031-05-13", "on Tuesday"), Vec::<&str>::new());
        assert_eq!(codes("2031-05-13", "Tue"), Vec::<&str>::new());
        assert_eq!(codes("2031-05-14", "on Tuesday"), ["weekday-mismatch"]);
        // A month has no weekday to compare.
        assert!(!codes("2031-05", "on Tuesday").contains(&"weekday-mismatch"));
    }

    #[test]
    fn parts_the_wording_does_not_give_are_inferred() {
        let d = spec(Some("2031-05-13"), Some("Tuesday"), &[]);
        assert_eq!(
            d.effective_inferred(),
            [DatePart::Year, DatePart::Month, DatePart::Day]
        );
        let v = date_view(&d);
        assert_eq!(v.text, "Tuesday, 13 May 2031 (inferred)");
        assert!(!v.exact);
        let d = spec(Some("2025-02-12"), Some("February 12"), &[]);
        assert_eq!(date_view(&d).text, "12 February 2025 (year inferred)");
        let d = spec(Some("2025-02-12"), Some("12 February 2025"), &[]);
        assert_eq!(date_view(&d).text, "12 February 2025");
        assert!(date_view(&d).exact);
        let d = spec(Some("2024-06"), None, &[]);
        assert_eq!(date_view(&d).text, "June 2024");
        let d = spec(None, Some("this week"), &[]);
        assert_eq!(date_view(&d).text, "this week (exact date unknown)");
        let mut d = spec(Some("2025-02-12"), None, &[]);
        d.time = Some("20:00 local time".into());
        assert_eq!(date_view(&d).text, "12 February 2025, 20:00 local time");
    }

    #[test]
    fn no_date_text_has_nested_brackets() {
        let values = [
            None,
            Some("2025-02-12"),
            Some("2025-02"),
            Some("2025"),
            Some("2025-02-12?"),
            Some("2025-02~"),
            Some("2025-02-12%"),
            Some("2025-02-XX"),
            Some("2025-02-20/2025-02-23"),
            Some("2025-02-20?/2025-02-23~"),
            Some("2025-02-12/.."),
            Some("2025-01?/"),
            Some("../2025-06"),
            Some("/2025-06?"),
        ];
        let stated = [
            None,
            Some("Tuesday"),
            Some("February 12"),
            Some("this week"),
            Some("2025"),
        ];
        let parts = [DatePart::Year, DatePart::Month, DatePart::Day];
        let mut seen = 0;
        for value in values {
            for s in stated {
                for mask in 0..8u8 {
                    let inferred: Vec<DatePart> = (0..3)
                        .filter(|i| mask & (1 << i) != 0)
                        .map(|i| parts[i])
                        .collect();
                    for time in [None, Some("late on Friday")] {
                        for recent in [false, true] {
                            let mut d = spec(value, s, &inferred);
                            d.time = time.map(str::to_string);
                            d.recent = recent;
                            let v = date_view(&d);
                            let mut depth = 0i32;
                            for c in v.text.chars() {
                                match c {
                                    '(' => depth += 1,
                                    ')' => depth -= 1,
                                    _ => {}
                                }
                                assert!((0..=1).contains(&depth), "{:?}", v.text);
                            }
                            assert_eq!(depth, 0, "{:?}", v.text);
                            assert!(!v.text.trim().is_empty(), "{d:?}");
                            if let Some(n) = DateNoteView::of(&v) {
                                assert!(!n.text.contains('('), "{:?}", n.text);
                            }
                            seen += 1;
                        }
                    }
                }
            }
        }
        assert!(seen > 1000);
    }
}
