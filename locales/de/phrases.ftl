# Von den Ansichten zusammengesetzte Wendungen. Siehe
# locales/en/phrases.ftl: „nearly“ (knapp darunter) wird „knapp“, nie
# „etwa“.

## Aufzählungen

and = und
or = oder

## Monate

month-1 = Januar
month-2 = Februar
month-3 = März
month-4 = April
month-5 = Mai
month-6 = Juni
month-7 = Juli
month-8 = August
month-9 = September
month-10 = Oktober
month-11 = November
month-12 = Dezember
month-of-1 = Januar
month-of-2 = Februar
month-of-3 = März
month-of-4 = April
month-of-5 = Mai
month-of-6 = Juni
month-of-7 = Juli
month-of-8 = August
month-of-9 = September
month-of-10 = Oktober
month-of-11 = November
month-of-12 = Dezember

weekday-1 = Montag
weekday-2 = Dienstag
weekday-3 = Mittwoch
weekday-4 = Donnerstag
weekday-5 = Freitag
weekday-6 = Samstag
weekday-7 = Sonntag

## Daten: „12. Februar 2025“

date-day = { $day }. { $month } { $year }
date-month = { $month } { $year }
date-year = { $year }
date-with-weekday = { $weekday }, { $date }
date-about = etwa { $date }
date-between = zwischen { $start } und { $end }
date-from-onwards = ab { $start }
date-from = seit { $start }
date-until = bis { $end }
date-unknown-interval = unbekannt
date-recently = vor Kurzem
date-unknown = Datum unbekannt

## Anmerkungen in Klammern

note-uncertain = unsicher
note-start-uncertain = Beginn unsicher
note-end-uncertain = Ende unsicher
note-start-unknown = Beginn unbekannt
note-end-unknown = Ende unbekannt
note-inferred = erschlossen
note-parts-inferred = { $parts } erschlossen
note-lead-stated = angegeben als „{ $stated }“; { $inferred }
note-same-basis = { $lead }, wie beim { $earlier }.
note-exact-date-unknown = genaues Datum unbekannt
part-year = Jahr
part-month = Monat
part-day = Tag

## Zahlen: geschütztes Leerzeichen vor %

figure-percent = { $n } %
figure-unit = { $n } { $unit }
figure-qualified = { $q } { $amount }
figure-between = zwischen { $low } und { $high }
figure-range = { $low } bis { $high }
figure-qualified-range = { $q } { $low } bis { $high }
figure-each = je { $amount }
money-million = { $n } Mio.
money-billion = { $n } Mrd.
money-trillion = { $n } Billionen

## Einschränkungen, nach dem Wort der Quelle

qualifier-unqualified = wie angegeben
qualifier-exactly = genau
qualifier-about = etwa
qualifier-approximately = ungefähr
qualifier-roughly = rund
qualifier-around = um die
qualifier-nearly = knapp
qualifier-almost = fast
qualifier-close-to = knapp
qualifier-over = über
qualifier-more-than = mehr als
qualifier-under = unter
qualifier-less-than = weniger als
qualifier-at-least = mindestens
qualifier-at-most = höchstens
qualifier-up-to = bis zu
qualifier-between = zwischen

## Events: their kinds, statuses and the phrases naming them

event-label = { $kind }: { $names }
event-reference = { $kind } vom { $date }
event-phone-call = Telefonat
event-meeting = Treffen
event-talks = Gespräche
event-summit = Gipfeltreffen
event-visit = Besuch
event-speech = Rede
event-annexation = Annexion
event-military-action = Militäreinsatz
event-agreement = Abkommen
event-vote = Abstimmung
event-other = Ereignis
status-held = fand statt
status-under-way = läuft
status-scheduled = geplant
status-proposed = vorgeschlagen
status-postponed = verschoben
status-cancelled = abgesagt

## Attribution and the chronology's relation words

according-to-who = laut { $who }
relation-after = nach
relation-before = vor
relation-around = um
relation-recent = kürzlich
placed-after = nach: { $named }
placed-before = vor: { $named }
placed-around = um: { $named }
placed-recently = kürzlich

## Actors and agreements

actor-person = Person
actor-state = Staat
actor-organisation = Organisation
actor-group = Gruppe
actor-document = Dokument
agreement-summary = { $head }, { $status }
objection-rejects = lehnt ab
agreement-agreement = Abkommen
agreement-proposal = Vorschlag
agreement-truce = Waffenruhe
agreement-ceasefire = Waffenstillstand
agreement-deal = Vereinbarung
agreement-treaty = Vertrag
agreement-resolution = Resolution
agreement-proposed = vorgeschlagen
agreement-under-negotiation = in Verhandlung
agreement-agreed-in-principle = grundsätzlich vereinbart
agreement-agreed = vereinbart
agreement-signed = unterzeichnet
agreement-in-force = in Kraft
agreement-violated = verletzt
agreement-collapsed = gescheitert
agreement-expired = ausgelaufen
agreement-rejected = abgelehnt
actor-members = Mitglieder: { $names }.

## Statements as the chronology names them

statement-what = { $kind ->
    [quote] Äußerung
    [position] Position
    [claim] Behauptung
    [conditions] Bedingungen
    [characterisation] Einschätzung
    [belief] Auffassung
    [confirmation] Bestätigung
   *[other] Erklärung
}
statement-reference = { $who }: { statement-what }
statement-reference-on = { $who }: { statement-what } zu { $issue }
statement-unattributed = Nicht zugeordnet: eine Erklärung
statement-unattributed-on = Nicht zugeordnet: eine Erklärung zu { $issue }
statement-by = eine Erklärung von { $names }
statement-by-nobody = eine nicht zugeordnete Erklärung

## Figures compared, open questions, vote thresholds

compared-with = verglichen mit { $figure }
open-question-line = Offene Frage: { $text }
vote-threshold = Schwelle: { $threshold }
vote-result-threshold = { $result }; Schwelle: { $threshold }

## Kernpunkte, die ein Element nennen, und andere zusammengesetzte Sätze

clause = { $before }, { $next }
key-point-statement = { $who }: { $words }
key-point-claim = { $who }, in einer von der Quelle nicht überprüften Behauptung: { $words }
key-point-labelled = { $label }: { $text }
key-point-target = Ziel { $date }
key-point-held-by = kontrolliert von { $who }
key-point-as-of = Stand { $date }
quoted = „{ $text }“
speaker-verb = { $who }, { $verb }
according-to-verb = { $who } { $verb }
statement-short-on = { $who }, { $verb }, zu { $issue }
deadline-of = Frist: { $title }
relation-aligns-with = schließt sich an
colon = :
label-colon = { $label }{ colon }

## Arten von Äußerungen: als Substantiv und als Bezeichnung

statement-kind = { $kind ->
    [quote] Zitat
    [position] Position
    [claim] Behauptung
    [conditions] Bedingungen
    [characterisation] Einschätzung
    [belief] Überzeugung
    [confirmation] Bestätigung
    [accusation] Vorwurf
    [denial] Dementi
   *[other] Äußerung
}
statement-kind-label = { $kind ->
    [quote] Zitat
    [position] Position
    [claim] Behauptung (von der Quelle nicht überprüft)
    [conditions] Bedingungen
    [characterisation] Einschätzung
    [belief] Überzeugung über andere
    [confirmation] Bestätigung
    [accusation] Vorwurf
    [denial] Dementi
   *[other] Äußerung
}

## Die Dauer einer Vereinbarung

duration-length = { $unit ->
    [hours] { $n ->
        [one] { $n } Stunde
       *[other] { $n } Stunden
    }
    [weeks] { $n ->
        [one] { $n } Woche
       *[other] { $n } Wochen
    }
    [months] { $n ->
        [one] { $n } Monat
       *[other] { $n } Monate
    }
    [years] { $n ->
        [one] { $n } Jahr
       *[other] { $n } Jahre
    }
   *[days] { $n ->
        [one] { $n } Tag
       *[other] { $n } Tage
    }
}
duration-compound = { duration-length }
agreement-with-length = { $kind } für { $length }

## Zahlen: wofür sie gelten, was sie messen, Gebietsstatus

applies-each-of = jeweils für { $whom }
applies-combined-of = für { $whom } zusammen
applies-unclear-of = unklar, ob jeweils für { $whom } oder zusammen
applies-each-area = für jedes Gebiet
applies-areas-combined = für die Gebiete zusammen
applies-unclear-areas = unklar, ob für jedes Gebiet oder für alle zusammen
figure-measure = { $kind ->
    [territory] Gebietskontrolle
    [count] Zahl
    [money] Betrag
    [votes] Stimmen
    [share] Anteil
   *[other] Kennzahl
}
control-status = { $status ->
    [annexed] annektiert
    [occupied] besetzt
    [claimed] beansprucht
   *[controlled] kontrolliert
}

## Einschätzungen, Quellen und Abstimmungen

likelihood = { $band ->
    [almost-no-chance] nahezu ausgeschlossen (1–5 %)
    [very-unlikely] sehr unwahrscheinlich (5–20 %)
    [unlikely] unwahrscheinlich (20–45 %)
    [roughly-even] etwa gleich wahrscheinlich (45–55 %)
    [likely] wahrscheinlich (55–80 %)
    [very-likely] sehr wahrscheinlich (80–95 %)
   *[almost-certain] nahezu sicher (95–99 %)
}
confidence-level = { $level ->
    [low] gering
    [moderate] mittel
   *[high] hoch
}
source-kind = { $kind ->
    [news-article] Nachrichtenartikel
    [agency-report] Agenturmeldung
    [official-statement] offizielle Erklärung
    [transcript] Wortprotokoll
    [interview] Interview
    [social-media-post] Beitrag in sozialen Medien
    [dataset] Datensatz
    [report] Bericht
   *[other] Sonstiges
}
ballot = { $ballot ->
    [for] Dafür
    [against] Dagegen
    [abstain] Enthaltungen
   *[absent] Abwesend
}
vote-count = { $ballot ->
    [for] { $n } dafür
    [against] { $n } dagegen
    [abstain] { $n ->
        [one] { $n } Enthaltung
       *[other] { $n } Enthaltungen
    }
   *[absent] { $n } abwesend
}
vote-outcome = { $outcome ->
    [adopted] Angenommen
   *[rejected] Abgelehnt
}
vote-outcome-tally = { vote-outcome }: { $tally }
