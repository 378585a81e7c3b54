# Phrases the views compose: dates, figures and lists. Each keeps the
# meaning of the English exactly: an inferred or approximate date is never
# shown as stated, and a qualifier keeps its strength ("nearly" is never
# "about").

## Lists

and = and
or = or

## Months: `month-N` on its own (`February 2025`), `month-of-N` in a date
## with a day (`12 February 2025`).

month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
month-of-1 = January
month-of-2 = February
month-of-3 = March
month-of-4 = April
month-of-5 = May
month-of-6 = June
month-of-7 = July
month-of-8 = August
month-of-9 = September
month-of-10 = October
month-of-11 = November
month-of-12 = December

weekday-1 = Monday
weekday-2 = Tuesday
weekday-3 = Wednesday
weekday-4 = Thursday
weekday-5 = Friday
weekday-6 = Saturday
weekday-7 = Sunday

## Dates

date-day = { $day } { $month } { $year }
date-month = { $month } { $year }
date-year = { $year }
date-with-weekday = { $weekday }, { $date }
date-about = about { $date }
date-between = between { $start } and { $end }
date-from-onwards = from { $start } onwards
date-from = from { $start }
date-until = until { $end }
date-unknown-interval = unknown
date-recently = recently
date-unknown = date unknown

## Notes in brackets after a date

note-uncertain = uncertain
note-start-uncertain = start uncertain
note-end-uncertain = end uncertain
note-start-unknown = start unknown
note-end-unknown = end unknown
note-inferred = inferred
note-parts-inferred = { $parts } inferred
note-lead-stated = stated as "{ $stated }"; { $inferred }
note-same-basis = { $lead } as for { $earlier }.
note-exact-date-unknown = exact date unknown
part-year = year
part-month = month
part-day = day

## Figures

figure-percent = { $n }%
figure-unit = { $n } { $unit }
figure-qualified = { $q } { $amount }
figure-between = between { $low } and { $high }
figure-range = { $low } to { $high }
figure-qualified-range = { $q } { $low } to { $high }
figure-each = { $amount } each
money-million = { $n } million
money-billion = { $n } billion
money-trillion = { $n } trillion

## Qualifiers, by the source's word

qualifier-unqualified = as stated
qualifier-exactly = exactly
qualifier-about = about
qualifier-approximately = approximately
qualifier-roughly = roughly
qualifier-around = around
qualifier-nearly = nearly
qualifier-almost = almost
qualifier-close-to = close to
qualifier-over = over
qualifier-more-than = more than
qualifier-under = under
qualifier-less-than = less than
qualifier-at-least = at least
qualifier-at-most = at most
qualifier-up-to = up to
qualifier-between = between

## Events: their kinds, statuses and the phrases naming them

event-label = { $kind }: { $names }
event-reference = the { $kind } of { $date }
event-phone-call = phone call
event-meeting = meeting
event-talks = talks
event-summit = summit
event-visit = visit
event-speech = speech
event-annexation = annexation
event-military-action = military action
event-agreement = agreement
event-vote = vote
event-other = event
status-held = held
status-under-way = under way
status-scheduled = scheduled
status-proposed = proposed
status-postponed = postponed
status-cancelled = cancelled

## Attribution and the chronology's relation words

according-to-who = according to { $who }
relation-after = after
relation-before = before
relation-around = around
relation-recent = recent
placed-after = after: { $named }
placed-before = before: { $named }
placed-around = around: { $named }
placed-recently = recently

## Actors and agreements

actor-person = person
actor-state = state
actor-organisation = organisation
actor-group = group
actor-document = document
agreement-summary = { $head }, { $status }
objection-rejects = rejects
agreement-agreement = agreement
agreement-proposal = proposal
agreement-truce = truce
agreement-ceasefire = ceasefire
agreement-deal = deal
agreement-treaty = treaty
agreement-resolution = resolution
agreement-proposed = proposed
agreement-under-negotiation = under negotiation
agreement-agreed-in-principle = agreed in principle
agreement-agreed = agreed
agreement-signed = signed
agreement-in-force = in force
agreement-violated = violated
agreement-collapsed = collapsed
agreement-expired = expired
agreement-rejected = rejected
actor-members = Members: { $names }.

## Statements as the chronology names them

statement-what = { $kind ->
    [quote] spoke
    [position] stated a position
    [claim] made a claim
    [conditions] set out conditions
    [characterisation] commented
    [belief] expressed a view
    [confirmation] confirmed a point
   *[other] made a statement
}
statement-reference = { $who } { statement-what }
statement-reference-on = { $who } { statement-what } on { $issue }
statement-unattributed = Not attributed: a statement
statement-unattributed-on = Not attributed: a statement on { $issue }
statement-by = a statement by { $names }
statement-by-nobody = an unattributed statement

## Figures compared, open questions, vote thresholds

compared-with = compared with { $figure }
open-question-line = Open question: { $text }
vote-threshold = Threshold: { $threshold }
vote-result-threshold = { $result }; threshold: { $threshold }

## Key points that name an item, and other sentences the views compose

clause = { $before }, { $next }
key-point-statement = { $who }: { $words }
key-point-claim = { $who }, in a claim not verified by the source: { $words }
key-point-labelled = { $label }: { $text }
key-point-target = target { $date }
key-point-held-by = held by { $who }
key-point-as-of = as of { $date }
quoted = “{ $text }”
speaker-verb = { $who }, { $verb }
according-to-verb = { $who } { $verb }
statement-short-on = { $who }, { $verb }, on { $issue }
deadline-of = Deadline: { $title }
relation-aligns-with = aligns with
colon = :
label-colon = { $label }{ colon }

## Statement kinds: as a noun, and as a label

statement-kind = { $kind ->
    [quote] quote
    [position] position
    [claim] claim
    [conditions] conditions
    [characterisation] characterisation
    [belief] belief
    [confirmation] confirmation
    [accusation] accusation
    [denial] denial
   *[other] statement
}
statement-kind-label = { $kind ->
    [quote] Quote
    [position] Position
    [claim] Claim (not verified by the source)
    [conditions] Conditions
    [characterisation] Characterisation
    [belief] Belief about others
    [confirmation] Confirmation
    [accusation] Accusation
    [denial] Denial
   *[other] Statement
}

## An agreement's length

duration-length = { $unit ->
    [hours] { $n ->
        [one] { $n } hour
       *[other] { $n } hours
    }
    [weeks] { $n ->
        [one] { $n } week
       *[other] { $n } weeks
    }
    [months] { $n ->
        [one] { $n } month
       *[other] { $n } months
    }
    [years] { $n ->
        [one] { $n } year
       *[other] { $n } years
    }
   *[days] { $n ->
        [one] { $n } day
       *[other] { $n } days
    }
}
duration-compound = { $unit ->
    [hours] { $n }-hour
    [weeks] { $n }-week
    [months] { $n }-month
    [years] { $n }-year
   *[days] { $n }-day
}
agreement-with-length = { $compound } { $kind }

## Figures: how they apply, what they measure, territorial status

applies-each-of = for each of { $whom }
applies-combined-of = for { $whom } combined
applies-unclear-of = unclear whether for each of { $whom } or combined
applies-each-area = for each area
applies-areas-combined = for the areas combined
applies-unclear-areas = unclear whether for each area or combined
figure-measure = { $kind ->
    [territory] territorial control
    [count] count
    [money] amount
    [votes] votes
    [share] share
   *[other] figure
}
control-status = { $status ->
    [annexed] annexed
    [occupied] occupied
    [claimed] claimed
   *[controlled] controlled
}

## Judgments, sources and votes

likelihood = { $band ->
    [almost-no-chance] almost no chance (1–5%)
    [very-unlikely] very unlikely (5–20%)
    [unlikely] unlikely (20–45%)
    [roughly-even] roughly even chance (45–55%)
    [likely] likely (55–80%)
    [very-likely] very likely (80–95%)
   *[almost-certain] almost certain (95–99%)
}
confidence-level = { $level ->
    [low] low
    [moderate] moderate
   *[high] high
}
source-kind = { $kind ->
    [news-article] news article
    [agency-report] agency report
    [official-statement] official statement
    [transcript] transcript
    [interview] interview
    [social-media-post] social media post
    [dataset] dataset
    [report] report
   *[other] other
}
ballot = { $ballot ->
    [for] For
    [against] Against
    [abstain] Abstained
   *[absent] Absent
}
vote-count = { $ballot ->
    [for] { $n } in favour
    [against] { $n } against
    [abstain] { $n } abstaining
   *[absent] { $n } absent
}
vote-outcome = { $outcome ->
    [adopted] Adopted
   *[rejected] Rejected
}
vote-outcome-tally = { vote-outcome }: { $tally }
