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
