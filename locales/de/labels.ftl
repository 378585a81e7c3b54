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
