//! The intermediate draft: plain data the finders fill in and the writer
//! turns into YAML. Every item has an id (made unique by [`Ids`]) and the
//! byte spans of the whole sentences of the article it rests on.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

/// A draft of a brief, read from one article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Draft {
    /// The brief's id.
    pub id: String,
    /// The brief's title (the headline, or `--title`).
    pub title: String,
    /// When the article was published.
    pub published: Option<DraftDate>,
    /// The place the article was filed from (the dateline's).
    pub dateline: Option<String>,
    /// The article as a source.
    pub source: DraftSource,
    /// Outlets the article relays (`as reported by BTV`): sources, not
    /// actors.
    pub relays: Vec<Relay>,
    /// People, states, organisations and groups.
    pub actors: Vec<Actor>,
    /// Places.
    pub places: Vec<Place>,
    /// Meetings, calls, talks and other events.
    pub events: Vec<Event>,
    /// Quotes and positions.
    pub statements: Vec<Statement>,
    /// Figures.
    pub figures: Vec<Figure>,
    /// Agreements, proposals and conditions.
    pub agreements: Vec<Agreement>,
    /// What the drafter found but is unsure of: written as comments.
    pub suggestions: Vec<Suggestion>,
}

/// The article as the brief's source.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DraftSource {
    /// The source's id (`article`).
    pub id: String,
    /// Its name: the headline.
    pub name: String,
    /// The format's kind word (`agency-report`, `news-article`).
    pub kind: String,
    /// The publisher: the agency and the byline's name, when given.
    pub publisher: Option<String>,
    /// What `text:` says (a path relative to the brief), when the article
    /// is a file.
    pub text: Option<String>,
    /// The publication date.
    pub date: Option<DraftDate>,
}

/// An outlet the article relays, a source of its own.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Relay {
    /// Its id.
    pub id: String,
    /// Its name as written (`BTV`).
    pub name: String,
    /// How the article describes it (`the Belmoran state broadcaster`).
    pub description: Option<String>,
    /// The sentences naming it.
    pub evidence: Vec<Range<usize>>,
}

/// A date as the article states it, with what was inferred.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DraftDate {
    /// The date in EDTF, when it can be given.
    pub value: Option<String>,
    /// The article's wording (`on Tuesday`, `14 May 2031`).
    pub stated: String,
    /// The parts of `value` the wording does not give (`year`, `month`,
    /// `day`).
    pub inferred: Vec<&'static str>,
    /// How the inferred parts were found.
    pub basis: Option<String>,
    /// A time of day as written (`10:00 local time`).
    pub time: Option<String>,
}

/// What kind of actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub enum ActorKind {
    /// A person.
    #[default]
    Person,
    /// A state.
    State,
    /// An organisation or institution.
    Organisation,
    /// A group (named or not).
    Group,
}

impl ActorKind {
    /// The word the format uses.
    pub fn key(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::State => "state",
            ActorKind::Organisation => "organisation",
            ActorKind::Group => "group",
        }
    }
}

/// A role of a person: a title, of a state or organisation.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Role {
    /// The title as written (`Foreign Minister`, `Rear Adm.`).
    pub title: String,
    /// The actor id of the state or organisation, when the article gives
    /// it.
    pub of: Option<String>,
}

/// A person, state, organisation or group.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Actor {
    /// Its id.
    pub id: String,
    /// Its name as written.
    pub name: String,
    /// What kind of actor.
    pub kind: ActorKind,
    /// Other names the article uses (a surname, an abbreviation).
    pub aliases: Vec<String>,
    /// Its roles.
    pub roles: Vec<Role>,
    /// An unnamed source (`diplomatic sources`).
    pub unnamed: bool,
    /// The sentences that name it.
    pub evidence: Vec<Range<usize>>,
}

/// A place.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Place {
    /// Its id.
    pub id: String,
    /// Its name as written.
    pub name: String,
    /// The format's kind word (`city`, `country`, `site`...); empty when
    /// the article does not say.
    pub kind: String,
    /// The place it is part of, as a place id.
    pub part_of: Option<String>,
    /// The sentences that name it.
    pub evidence: Vec<Range<usize>>,
}

/// An event.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Event {
    /// Its id.
    pub id: String,
    /// The format's kind word (`meeting`, `talks`, `phone-call`...).
    pub kind: String,
    /// A title (words of the evidence).
    pub title: String,
    /// Actor ids.
    pub participants: Vec<String>,
    /// A place id.
    pub location: Option<String>,
    /// The format's status word (`scheduled`, `held`, `under-way`...).
    pub status: Option<String>,
    /// When.
    pub date: Option<DraftDate>,
    /// Whom it is reported according to.
    pub according_to: Option<Attribution>,
    /// The sentences it rests on.
    pub evidence: Vec<Range<usize>>,
    /// A vote's tally, for an event of kind `vote`.
    pub vote: Option<VoteTally>,
    /// Where its word (`meeting`, `held talks`, a tally's first number)
    /// stands in the article: bytes. Not written.
    pub at: Option<Range<usize>>,
}

/// The tally and outcome of a vote, as the article gives them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct VoteTally {
    /// Votes in favour.
    pub in_favour: Option<u64>,
    /// Votes against.
    pub against: Option<u64>,
    /// Abstentions.
    pub abstaining: Option<u64>,
    /// Members absent.
    pub absent: Option<u64>,
    /// The majority needed, as stated.
    pub threshold: Option<String>,
    /// The format's outcome word (`adopted`, `rejected`).
    pub outcome: Option<String>,
}

/// Whom something is according to.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Attribution {
    /// An actor id (a named or unnamed actor of the draft).
    pub actor: Option<String>,
    /// An unnamed source in words, when there is no actor for it.
    pub unnamed: Option<String>,
    /// The reporting verb as written.
    pub verb: Option<String>,
}

/// A statement.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Statement {
    /// Its id.
    pub id: String,
    /// The speaker, as an actor id.
    pub by: Option<String>,
    /// Why there is no speaker, when there is none.
    pub unattributed: Option<String>,
    /// The format's kind word (`quote`, `position`, `characterisation`...).
    pub kind: String,
    /// The reporting verb as written (`told reporters`).
    pub verb: Option<String>,
    /// The statement in words (for a drafted quote, the quote itself).
    pub text: String,
    /// The verbatim quote.
    pub quote: Option<String>,
    /// Fragments of `text` quoted verbatim.
    pub quoted: Vec<String>,
    /// When it was made.
    pub date: Option<DraftDate>,
    /// Whom it is reported according to (a relay's attribution).
    pub according_to: Option<Attribution>,
    /// The chain of sources it came through, as source ids, nearest
    /// first (`[btv, article]`).
    pub via: Vec<String>,
    /// The sentences it rests on.
    pub evidence: Vec<Range<usize>>,
    /// For a statement of kind `conditions`: the conditions, in the
    /// article's words.
    pub conditions: Vec<String>,
    /// For reported speech ("Brenn said the matter was for the courts"),
    /// what was said: bytes of the article. An event or figure told in it
    /// takes the statement's speaker as its `according_to`. Not written.
    pub clause: Option<Range<usize>>,
    /// Reported speech that only attributes what its clause tells ("At
    /// least 42 people were killed, the ministry said": the figure's):
    /// it gives its attribution and is dropped, never written.
    pub attributes_only: bool,
}

/// A figure.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Figure {
    /// Its id.
    pub id: String,
    /// The format's kind word (`count`, `share`, `money`...).
    pub kind: String,
    /// What it measures, in words of the evidence.
    pub measure: String,
    /// The number, as the format writes it (`1200000000`, `40`).
    pub value: Option<String>,
    /// A range's ends, when it is a range.
    pub range: Option<(String, String)>,
    /// The unit (`percent`, `officials`).
    pub unit: Option<String>,
    /// The format's qualifier word (`about`, `more-than`...).
    pub qualifier: Option<String>,
    /// The article's wording.
    pub stated: String,
    /// Whom it is according to.
    pub according_to: Option<Attribution>,
    /// When it holds.
    pub as_of: Option<DraftDate>,
    /// The sentences it rests on.
    pub evidence: Vec<Range<usize>>,
    /// Where its wording (`stated`) stands in the article: bytes. Not
    /// written.
    pub at: Option<Range<usize>>,
}

/// An agreement, proposal or set of conditions.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Agreement {
    /// Its id.
    pub id: String,
    /// The format's kind word.
    pub kind: String,
    /// A title (words of the evidence).
    pub title: String,
    /// Actor ids.
    pub parties: Vec<String>,
    /// The format's status word.
    pub status: Option<String>,
    /// Its terms, in words of the evidence.
    pub terms: Vec<String>,
    /// When.
    pub date: Option<DraftDate>,
    /// Whom it is reported according to.
    pub according_to: Option<Attribution>,
    /// The sentences it rests on.
    pub evidence: Vec<Range<usize>>,
}

/// Something the drafter is unsure of, for the author to look at: written
/// as a comment, never as data.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Suggestion {
    /// What to look at.
    pub text: String,
    /// The sentences it is about.
    pub evidence: Vec<Range<usize>>,
}

/// A day, month or year in EDTF (`2031-05-14`, `2031-05`, `2031`).
pub fn edtf(p: &crate::date::Point) -> String {
    match (p.month, p.day) {
        (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", p.year),
        (Some(m), None) => format!("{:04}-{m:02}", p.year),
        _ => format!("{:04}", p.year),
    }
}

/// Makes ids: slugs of words, unique in one draft.
#[derive(Debug, Default)]
pub struct Ids {
    used: BTreeSet<String>,
    /// For each base, the number to try next, so that the thousandth
    /// `workers` does not try the 999 taken before it.
    next: BTreeMap<String, usize>,
}

impl Ids {
    /// A new maker with no id used.
    pub fn new() -> Ids {
        Ids::default()
    }

    /// Marks an id as used (one made elsewhere, like `article`).
    pub fn reserve(&mut self, id: &str) {
        self.used.insert(id.to_owned());
    }

    /// A unique id from `words`: lower-case letters and digits joined by
    /// hyphens, at most five words; `-2`, `-3`... when taken; `fallback`
    /// when the words give nothing.
    pub fn make(&mut self, words: &str, fallback: &str) -> String {
        let mut base = slug(words);
        if base.is_empty() {
            base = slug(fallback);
        }
        if base.is_empty() {
            base = "item".to_owned();
        }
        let mut id = base.clone();
        let mut n = self.next.get(&base).copied().unwrap_or(2);
        while self.used.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.next.insert(base, n);
        self.used.insert(id.clone());
        id
    }
}

/// Lower-case ASCII letters and digits of `words`, joined by hyphens, at
/// most five words; accented letters lose their accents where they have a
/// plain form, other characters end a word. An id starts with a letter.
pub fn slug(words: &str) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut cur = String::new();
    for c in words.chars() {
        let plain = plain_letter(c);
        match plain {
            Some(p) => cur.push(p),
            None => {
                if c == '\'' || c == '’' {
                    continue;
                }
                if !cur.is_empty() {
                    parts.push(std::mem::take(&mut cur));
                }
            }
        }
    }
    if !cur.is_empty() {
        parts.push(cur);
    }
    while parts
        .first()
        .is_some_and(|p| !p.starts_with(|c: char| c.is_ascii_lowercase()))
    {
        parts.remove(0);
    }
    parts.truncate(5);
    parts.join("-")
}

/// A character as a lower-case ASCII letter or digit, if it has one.
fn plain_letter(c: char) -> Option<char> {
    if c.is_ascii_alphanumeric() {
        return Some(c.to_ascii_lowercase());
    }
    let lower = c.to_lowercase().next()?;
    let p = match lower {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ğ' => 'g',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => 'i',
        'ł' | 'ľ' | 'ĺ' => 'l',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ř' | 'ŕ' => 'r',
        'ś' | 'š' | 'ş' | 'ș' => 's',
        'ť' | 'ţ' | 'ț' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        _ => return None,
    };
    Some(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(slug("Teodora Vask"), "teodora-vask");
        assert_eq!(
            slug("Norvale's foreign ministry"),
            "norvales-foreign-ministry"
        );
        assert_eq!(slug("Škoda Ćorić"), "skoda-coric");
        assert_eq!(slug("2031 talks in Sollund"), "talks-in-sollund");
        assert_eq!(
            slug("one two three four five six"),
            "one-two-three-four-five"
        );
        assert_eq!(slug("“—”"), "");
    }

    #[test]
    fn ids_are_unique() {
        let mut ids = Ids::new();
        ids.reserve("article");
        assert_eq!(ids.make("Article", "x"), "article-2");
        assert_eq!(ids.make("Vask", "x"), "vask");
        assert_eq!(ids.make("Vask", "x"), "vask-2");
        assert_eq!(ids.make("", "quote"), "quote");
        assert_eq!(ids.make("“”", ""), "item");
    }
}
