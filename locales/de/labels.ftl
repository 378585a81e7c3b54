# Beschriftungen der eingebauten Vorlagen. Siehe locales/en/labels.ftl.

## Hinweis auf eine fiktive Übung

fictional-title = Fiktives Übungsszenario.
fictional-text = Die Ereignisse, Personen und Zahlen in diesem Lagebild sind für Übungszwecke erfunden.
fictional-exercise = fiktive Übung

## Kopf

dateline = Ort
published = Veröffentlicht
published-on = veröffentlicht am { $date }
as-of = Stand
as-of-lower = Stand
flash-title = Kurzlage: { $title }

## Abschnitte

key-points = Kernpunkte
key-point = Kernpunkt
key-point-n = Kernpunkt { $n }
see = siehe
actors = Akteure
chronology = Chronologie
undated = Ohne Datum
undated-note = Die Quelle nennt hierfür kein Datum, und nichts ordnet sie in die obige Abfolge ein.
date-notes = Anmerkungen zu Daten
meetings = Treffen
meetings-held = Stattgefunden
meetings-under-way = Laufend
meetings-upcoming = Bevorstehend
meetings-proposed = Vorgeschlagen
meetings-called-off = Verschoben oder abgesagt
votes = Abstimmungen
agreements = Abkommen und Vorschläge
positions = Positionen
other-statements = Weitere Äußerungen
conditions-and-demands = Bedingungen und Forderungen
relations = Beziehungen
territorial-control = Gebietskontrolle
figures = Zahlen
figures-counts = Zählungen
figures-money = Geldbeträge
figures-shares = Anteile
figures-other = Weitere Zahlen
background = Hintergrund
outlook = Ausblick
judgments = Einschätzungen
judgments-note = Einschätzungen des Verfassers, keine von den Quellen berichteten Tatsachen.
gaps = Offene Punkte
gaps-note = Was die Quellen offenlassen.
sources = Quellen
latest = Neueste Entwicklungen
latest-undated-note = Ohne Datum berichtet; ihre Reihenfolge ist nicht bekannt.
next = Als Nächstes
caveats = Vorbehalte
more-in-full-briefing = { $count ->
    [one] { $count } weiterer im vollständigen Lagebild
   *[other] { $count } weitere im vollständigen Lagebild
}

## Tabellenköpfe und Feldnamen

actor = Akteur
role-or-kind = Rolle oder Art
date = Datum
what = Was
when = Wann
where = Wo
status = Status
participants = Teilnehmer
level = Ebene
purpose = Zweck
topics = Themen
follows = Folgt auf
note = Anmerkung
vote = Abstimmung
body = Gremium
result = Ergebnis
parties = Parteien
proposed-by = Vorgeschlagen von
duration = Dauer
starts = Beginn
ends = Ende
target = Ziel
target-lower = Ziel
from = Von
term = Bestimmung
objection = Einwand
who = Wer
relation = Beziehung
with-whom = Mit wem
statement = Äußerung
controller = Kontrolliert von
area = Gebiet
figure = Zahl
measure = Größe
according-to = Laut
sources-wording = Wortlaut der Quelle
evidence = Beleg
in-the-source = in der Quelle
includes = Umfasst

## Rund um den Text des Verfassers

not-named-in-sources = in den Quellen nicht namentlich genannt
also = auch { $names }
not-attributed = Ohne Zuschreibung
claim-not-verified = Behauptung, von der Quelle nicht überprüft
in-plain-words = Sinngemäß
no-speaker-named = Kein Sprecher genannt
belief-about = Überzeugung zu
conditions = Bedingungen
aligns-with = Schließt sich an
rejected-by = Zurückgewiesen von { $name }
rejected-by-strength = { $strength } zurückgewiesen von { $name }
reported-via = Übermittelt über
set-out-by = Gestellt von { $names }
with = mit
conflicts-with = widerspricht
against = gegenüber
of-areas = von
confidence = Zuversicht: { $level }
open-question = Offene Frage

## Übersichtsseite

briefings = Lagebilder
brief = Lagebild
date-not-given = Datum nicht angegeben
no-briefs = Noch keine Lagebilder.

## Änderungsübersicht

what-changed = Was sich geändert hat: { $title }
old = Alt
new = Neu
previously-titled = Früherer Titel
summary = Zusammenfassung
changed = Geändert
added = Hinzugefügt
removed = Entfernt
renamed-from = umbenannt von { $id }

## Die Stellen einer Quelle, auf denen ein Element beruht

source-passages = { $count ->
    [one] Belegstelle
   *[other] Belegstellen
}
source-passage-line = Belegstelle: { $text }
in-the-source-link = In der Quelle

## Die Sätze des Änderungsbriefings, im Code zusammengesetzt

diff-no-changes = Keine Änderungen.
diff-summary = { $total ->
    [one] { $total } Änderung
   *[other] { $total } Änderungen
}: { $parts }.
diff-brief-details = Angaben zum Briefing: { diff-what }
diff-what = { $what ->
    [added] ergänzt
    [removed] entfernt
   *[changed] geändert
}
diff-part = { kind-nouns }: { $n } { diff-what }
diff-kind-title = { $kind ->
    [brief] Das Briefing
    [key_point] Kernpunkte
    [actor] Akteure
    [source] Quellen
    [place] Orte
    [issue] Streitfragen
    [event] Treffen und Ereignisse
    [agreement] Vereinbarungen und Vorschläge
    [statement] Äußerungen
    [figure] Zahlen
    [judgment] Einschätzungen
   *[gap] Lücken
}
kind-noun = { $kind ->
    [brief] Briefing
    [key_point] Kernpunkt
    [actor] Akteur
    [source] Quelle
    [place] Ort
    [issue] Streitfrage
    [event] Ereignis
    [agreement] Vereinbarung
    [statement] Äußerung
    [figure] Zahl
    [judgment] Einschätzung
   *[gap] Lücke
}
kind-nouns = { $kind ->
    [brief] Briefings
    [key_point] Kernpunkte
    [actor] Akteure
    [source] Quellen
    [place] Orte
    [issue] Streitfragen
    [event] Ereignisse
    [agreement] Vereinbarungen
    [statement] Äußerungen
    [figure] Zahlen
    [judgment] Einschätzungen
   *[gap] Lücken
}
diff-head-brief = Das Briefing
diff-head = { $noun } „{ $label }“
diff-changed = { $head }: { $first }
diff-also = { $text }; außerdem geändert: { $more }
diff-added = Neu – { $noun }: { $label }
diff-removed = Entfernt – { $noun }: { $label }
diff-none = (keine Angabe)
diff-field = { $field ->
    [about] Betrifft
    [according_to] Laut
    [aliases] Andere Namen
    [aligns_with] Schließt sich an
    [applies_to] Gilt für
    [areas] Gebiete
    [as_of] Stand
    [at] Bei
    [background] Hintergrund
    [by] Sprecher
    [conditions] Bedingungen
    [confidence] Zuversicht
    [controller] Kontrolliert von
    [date] Datum
    [dateline] Ort
    [description] Beschreibung
    [duration] Dauer
    [end] Ende
    [fictional] Fiktiv
    [follows] Folgt auf
    [format] Format
    [from] Aus
    [hedge] Vorbehalt
    [id] Kennung
    [includes] Einschließlich
    [issue] Streitfrage
    [item] Element
    [kind] Art
    [level] Ebene
    [likelihood] Wahrscheinlichkeit
    [location] Ort des Ereignisses
    [measure] Messgröße
    [members] Mitglieder
    [name] Name
    [note] Anmerkung
    [outlook] Ausblick
    [part_of] Teil von
    [participants] Teilnehmer
    [parties] Parteien
    [published] Veröffentlicht
    [publisher] Herausgeber
    [purpose] Zweck
    [quote] Zitat
    [quoted] Zitierte Teile
    [rejected_by] Zurückgewiesen von
    [reliability] Verlässlichkeit
    [roles] Ämter
    [sources] Quellen
    [start] Beginn
    [stated] Wortlaut
    [status] Status
    [target] Ziel
    [terms] Bedingungen der Vereinbarung
    [text] Text
    [title] Titel
    [topics] Themen
    [unattributed] Ohne Zuschreibung
    [unnamed] Ungenannt
    [url] Link
    [value] Wert
    [verb] Verb
    [via] Über
    [vote] Abstimmung
   *[vote_members] Stimmen der Mitglieder
}
diff-field-change = { $label }: { $old } → { $new }
diff-field-added = { $label } ergänzt
diff-field-removed = { $label } entfernt
diff-field-reworded = { $label } umformuliert
# Whether a label or a capitalised phrase is lower-cased inside a sentence: `yes` or `no`.
lowercase-inside-sentence = no
diff-as-of-changed = Stichtag geändert
diff-date-precise = Datum auf den Tag genau
diff-date-more-precise = Datum genauer: auf { diff-precision } genau
diff-date-less-precise = Datum ungenauer: nur noch auf { diff-precision } genau
diff-date-no-longer-worked-out = Datum ungenauer: kein Datum mehr ermittelt
diff-precision = { $precision ->
    [day] den Tag
    [month] den Monat
   *[year] das Jahr
}
diff-date-now-stated = jetzt angegeben, nicht mehr erschlossen
diff-date-now-inferred = jetzt teilweise erschlossen
diff-not-compared = { $why ->
    [measure] andere Messgröße, nicht verglichen
    [unit] andere Einheit, nicht verglichen
   *[range] eine Spanne oder ein Wortlaut, nicht verglichen
}
diff-unqualified = ohne Einschränkung
diff-same-number = dieselbe Zahl, jetzt { $now }, vorher { $was }
diff-delta = { $direction ->
    [up] gestiegen
   *[down] gesunken
} um { $approximate ->
    [yes] etwa { diff-amount }
   *[no] { diff-amount }
}
diff-amount = { $scale ->
    [percent] { $n ->
        [one] { $amount } Prozentpunkt
       *[other] { $amount } Prozentpunkte
    }
    [other] { $amount } { $unit }
   *[none] { $amount }
}
diff-participants = Teilnehmer: { $names }
diff-parties = Parteien: { $names }
diff-on-issue = zu { $issue }
diff-quote = Zitat: { $text }
diff-quoted = zitierte Teile: { $text }
diff-conditions = Bedingungen: { $text }
diff-notes = { $a }; { $b }
diff-territory-label = { $named ->
    [yes] Gebietskontrolle über { $areas } durch { $controller }
   *[no] Gebietskontrolle über { $areas }
}

## Der Abdeckungsbericht von brief verify

verify-title = Abdeckung: { $title }
verify-summary = Sätze { $sentences }, Zahlen { $numbers }, Namen { $names }, Daten { $dates }, wörtliche Zitate { $quotes }
verify-what = { $what ->
    [sentence] Satz
    [number] Zahl
    [name] Name
    [date] Datum
   *[quote] Zitat
}
verify-kind = { $what ->
    [sentence] Sätze
    [number] Zahlen
    [name] Namen
    [date] Daten
   *[quote] Zitate
}
verify-kind-header = Art
verify-covered = Abgedeckt
verify-total = Gesamt
verify-not-covered-what = { $what } nicht abgedeckt: { $text }
verify-at = { $what } in Zeile { $line }, Spalte { $column }: { $text }
verify-source = Quelle { $source }: { $file }
verify-not-covered = Nicht abgedeckt
verify-not-covered-lower = nicht abgedeckt
verify-all-covered = Alles ist abgedeckt.
verify-covered-by = abgedeckt durch { $items }
verify-legend-passage = eine Stelle des Briefings
verify-legend-gap = ein Satz, den keine Stelle erreicht
verify-legend-miss = nicht erfasst
