# Die Wörter der Diagramme: Titel, Beschreibungen für Screenreader,
# Legenden, Bildunterschriften und die Monate der Zeitachse.

## Die Chronologie

chart-chronology-desc = Zeitleiste, älteste zuerst; jeder Zeitabschnitt ist maßstabsgetreu, mit Unterbrechungen, wo Zeit ausgelassen ist.
chart-chronology-caption = Chronologie auf einer Zeitachse: jeder Zeitabschnitt ist maßstabsgetreu; Unterbrechungen markieren ausgelassene Zeit. Daten, die die Quelle nur teilweise nennt, erscheinen als Spannen oder verblassende Marken, nie als genaue Tage.
chart-legend-held = fand statt oder geschah
chart-legend-planned = geplant oder vorgeschlagen (gestrichelt, hohl)
chart-legend-off = verschoben oder abgesagt (durchgestrichen)
chart-legend-statement = Äußerung
chart-legend-span = Balken: nur Monat oder Jahr bekannt, oder ein Zeitraum
chart-legend-fuzzy = verblassend: ungefähr, oder das Datum ist unbekannt
chart-legend-inferred = gepunkteter Ring, *: Jahr oder anderer Teil erschlossen, nicht angegeben
chart-legend-break = Achsenbruch: ausgelassene Zeit
chart-parts-inferred = ({ $parts } erschlossen)
chart-exact-date-unknown = (genaues Datum unbekannt)

## Die Beziehungen

chart-relations-desc = Wer sich wessen Position anschließt oder sie zurückweist, eine Beziehung je Zeile:
chart-relations-caption = Beziehungen zwischen den Akteuren, eine je Zeile: wer sich wessen Position anschließt oder sie zurückweist. Treffen stehen unter Treffen.
chart-legend-aligns = schließt sich an (Pfeil)
chart-legend-rejects = weist die Position zurück (gestrichelt, Querstrich)
chart-with = mit { $link }

## Die Gebietskontrolle

chart-territory-desc = Balkendiagramm des Anteils jedes Gebiets unter der Kontrolle des Akteurs, auf einer Skala von 0 bis 100 Prozent.
chart-territory-desc-end = Zahlen mit Einschränkung erscheinen als Grenzen oder Spannen, nicht als genaue Werte.
chart-territory-caption = Gebietskontrolle: jeder Balken ist der Anteil des Gebiets, den der Akteur kontrolliert.
chart-territory-as-of = Stand: { $date }.
chart-territory-not-percent = Zahlen, die nicht in Prozent angegeben sind, stehen nur in der Tabelle.
chart-status-by = { $status } von { $controller }
chart-including = einschließlich { $names }
chart-as-of = (Stand { $date })
chart-legend-solid = voll: der Anteil
chart-legend-range = schraffiert: durch die Einschränkung offen gelassen
chart-legend-bound = gestrichelte Linie und Pfeil: eine Grenze, unter oder über der der Wert liegt

## Die Quellen der Bildunterschriften

chart-sources = { $count ->
    [one] Quelle:
   *[other] Quellen:
}

## Die Monate der Zeitachse, abgekürzt

month-short-1 = Jan.
month-short-2 = Feb.
month-short-3 = März
month-short-4 = Apr.
month-short-5 = Mai
month-short-6 = Juni
month-short-7 = Juli
month-short-8 = Aug.
month-short-9 = Sept.
month-short-10 = Okt.
month-short-11 = Nov.
month-short-12 = Dez.
