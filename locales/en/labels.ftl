# Labels the built-in templates print: section titles, table headers,
# field names and the short phrases around the author's text. Templates
# ask for them with `t(key="...")`. A message never starts or ends with a
# space: Fluent trims them, so templates keep their own spacing.

## The banner of a fictional exercise

fictional-title = Fictional exercise scenario.
fictional-text = The events, people and figures in this brief are invented for training.
fictional-exercise = fictional exercise

## The header

dateline = Dateline
published = Published
published-on = published { $date }
as-of = As of
as-of-lower = as of
flash-title = Flash: { $title }

## Sections

key-points = Key points
key-point = Key point
key-point-n = key point { $n }
see = see
actors = Actors
chronology = Chronology
undated = Undated
undated-note = The source gives no date for these, and nothing places them in the sequence above.
date-notes = Date notes
meetings = Meetings
meetings-held = Held
meetings-under-way = Under way
meetings-upcoming = Upcoming
meetings-proposed = Proposed
meetings-called-off = Postponed or cancelled
votes = Votes
agreements = Agreements and proposals
positions = Positions
other-statements = Other statements
conditions-and-demands = Conditions and demands
relations = Relations
territorial-control = Territorial control
figures = Figures
figures-counts = Counts
figures-money = Money
figures-shares = Shares
figures-other = Other figures
background = Background
outlook = Outlook
judgments = Judgments
judgments-note = The author's assessments, not facts reported by the sources.
gaps = Gaps
gaps-note = What the sources leave unclear.
sources = Sources
latest = Latest
latest-undated-note = Reported without a date; their order is not known.
next = Next
caveats = Caveats
more-in-full-briefing = { $count } more in the full briefing

## Table headers and field names

actor = Actor
role-or-kind = Role or kind
date = Date
what = What
when = When
where = Where
status = Status
participants = Participants
level = Level
purpose = Purpose
topics = Topics
follows = Follows
note = Note
vote = Vote
body = Body
result = Result
parties = Parties
proposed-by = Proposed by
duration = Duration
starts = Starts
ends = Ends
target = Target
target-lower = target
from = From
term = Term
objection = Objection
who = Who
relation = Relation
with-whom = With whom
statement = Statement
controller = Controller
area = Area
figure = Figure
measure = Measure
according-to = According to
sources-wording = Source's wording
evidence = Evidence
in-the-source = in the source
includes = Includes

## Phrases around the author's text

not-named-in-sources = not named in the sources
also = also { $names }
not-attributed = Not attributed
claim-not-verified = claim, not verified by the source
in-plain-words = In plain words
no-speaker-named = No speaker named
belief-about = Belief about
conditions = Conditions
aligns-with = Aligns with
rejected-by = Rejected by { $name }
rejected-by-strength = Rejected { $strength } by { $name }
reported-via = Reported via
set-out-by = Set out by { $names }
with = with
conflicts-with = conflicts with
against = against
of-areas = of
confidence = { $level } confidence
open-question = Open question

## The index page

briefings = Briefings
brief = Brief
date-not-given = date not given
no-briefs = No briefs yet.

## The change briefing

what-changed = What changed: { $title }
old = Old
new = New
previously-titled = Previously titled
summary = Summary
changed = Changed
added = Added
removed = Removed
renamed-from = renamed from { $id }

## The passages of a source an item rests on

source-passages = { $count ->
    [one] Source passage
   *[other] Source passages
}
source-passage-line = Source passage: { $text }
in-the-source-link = In the source

## The change briefing's sentences, composed in code

diff-no-changes = No changes.
diff-summary = { $total ->
    [one] { $total } change
   *[other] { $total } changes
}: { $parts }.
diff-brief-details = the brief's own details { diff-what }
diff-what = { $what ->
    [added] added
    [removed] removed
   *[changed] changed
}
diff-part = { $n } { $n ->
    [one] { kind-noun }
   *[other] { kind-nouns }
} { diff-what }
diff-kind-title = { $kind ->
    [brief] The brief
    [key_point] Key points
    [actor] Actors
    [source] Sources
    [place] Places
    [issue] Issues
    [event] Meetings and events
    [agreement] Agreements and proposals
    [statement] Statements
    [figure] Figures
    [judgment] Judgments
   *[gap] Gaps
}
kind-noun = { $kind ->
    [brief] brief
    [key_point] key point
    [actor] actor
    [source] source
    [place] place
    [issue] issue
    [event] event
    [agreement] agreement
    [statement] statement
    [figure] figure
    [judgment] judgment
   *[gap] gap
}
kind-nouns = { $kind ->
    [brief] briefs
    [key_point] key points
    [actor] actors
    [source] sources
    [place] places
    [issue] issues
    [event] events
    [agreement] agreements
    [statement] statements
    [figure] figures
    [judgment] judgments
   *[gap] gaps
}
diff-head-brief = The brief
diff-head = { $noun } “{ $label }”
diff-changed = { $head }: { $first }
diff-also = { $text }; also changed: { $more }
diff-added = Added { $noun }: { $label }
diff-removed = Removed { $noun }: { $label }
diff-none = (none)
diff-field = { $field ->
    [about] About
    [according_to] According to
    [aliases] Aliases
    [aligns_with] Aligns with
    [applies_to] Applies to
    [areas] Areas
    [as_of] As of
    [at] At
    [background] Background
    [by] Speaker
    [conditions] Conditions
    [confidence] Confidence
    [controller] Controller
    [date] Date
    [dateline] Dateline
    [description] Description
    [duration] Duration
    [end] End
    [fictional] Fictional
    [follows] Follows
    [format] Format
    [from] From
    [hedge] Hedge
    [id] Id
    [includes] Includes
    [issue] Issue
    [item] Item
    [kind] Kind
    [level] Level
    [likelihood] Likelihood
    [location] Location
    [measure] Measure
    [members] Members
    [name] Name
    [note] Note
    [outlook] Outlook
    [part_of] Part of
    [participants] Participants
    [parties] Parties
    [published] Published
    [publisher] Publisher
    [purpose] Purpose
    [quote] Quote
    [quoted] Quoted fragments
    [rejected_by] Rejected by
    [reliability] Reliability
    [roles] Roles
    [sources] Sources
    [start] Start
    [stated] Stated
    [status] Status
    [target] Target
    [terms] Terms
    [text] Text
    [title] Title
    [topics] Topics
    [unattributed] Unattributed
    [unnamed] Unnamed
    [url] Link
    [value] Value
    [verb] Verb
    [via] Via
    [vote] Vote
   *[vote_members] Members' votes
}
diff-field-change = { $label }: { $old } → { $new }
diff-field-added = { $label } added
diff-field-removed = { $label } removed
diff-field-reworded = { $label } reworded
# Whether a label or a capitalised phrase is lower-cased inside a sentence: `yes` or `no`.
lowercase-inside-sentence = yes
diff-as-of-changed = as-of date changed
diff-date-precise = date made precise
diff-date-more-precise = date made more precise: to the { diff-precision }
diff-date-less-precise = date made less precise: to the { diff-precision }
diff-date-no-longer-worked-out = date made less precise: no date worked out
diff-precision = { $precision ->
    [day] day
    [month] month
   *[year] year
}
diff-date-now-stated = now stated, no longer inferred
diff-date-now-inferred = now partly inferred
diff-not-compared = { $why ->
    [measure] a different measure: not compared
    [unit] a different unit: not compared
   *[range] a range or a wording: not compared
}
diff-unqualified = unqualified
diff-same-number = the same number, now { $now }, was { $was }
diff-delta = { $direction ->
    [up] up
   *[down] down
} { $approximate ->
    [yes] about { diff-amount }
   *[no] { diff-amount }
}
diff-amount = { $scale ->
    [percent] { $n ->
        [one] { $amount } point
       *[other] { $amount } points
    }
    [other] { $amount } { $unit }
   *[none] { $amount }
}
diff-participants = participants: { $names }
diff-parties = parties: { $names }
diff-on-issue = on { $issue }
diff-quote = quote: { $text }
diff-quoted = quoted: { $text }
diff-conditions = conditions: { $text }
diff-notes = { $a }; { $b }
diff-territory-label = { $named ->
    [yes] Territorial control of { $areas } by { $controller }
   *[no] Territorial control of { $areas }
}

## The coverage report of brief verify

verify-title = Coverage: { $title }
verify-summary = sentences { $sentences }, numbers { $numbers }, names { $names }, dates { $dates }, quotes { $quotes } verbatim
verify-what = { $what ->
    [sentence] sentence
    [number] number
    [name] name
    [date] date
   *[quote] quote
}
verify-kind = { $what ->
    [sentence] Sentences
    [number] Numbers
    [name] Names
    [date] Dates
   *[quote] Quotes
}
verify-kind-header = Kind
verify-covered = Covered
verify-total = Total
verify-not-covered-what = { $what } not covered: { $text }
verify-at = { $what } at line { $line }, column { $column }: { $text }
verify-source = Source { $source }: { $file }
verify-not-covered = Not covered
verify-not-covered-lower = not covered
verify-all-covered = Everything is covered.
verify-covered-by = covered by { $items }
verify-legend-passage = a passage of the brief
verify-legend-gap = a sentence no passage reaches
verify-legend-miss = not accounted for
