# The words of the charts: titles, descriptions for screen readers,
# legends, captions and the month labels of the time axis.

## The chronology chart

chart-chronology-desc = Timeline, earliest first; each stretch of time is to scale, with breaks where time is left out.
chart-chronology-caption = Chronology on a time axis: each stretch of time is to scale; breaks mark time left out. Dates the source gives only in part are drawn as spans or fading marks, never as exact days.
chart-legend-held = held, or happened
chart-legend-planned = scheduled or proposed (dashed, hollow)
chart-legend-off = postponed or cancelled (crossed)
chart-legend-statement = statement
chart-legend-span = bar: only the month or year is known, or a period
chart-legend-fuzzy = fading: approximate, or the date is not known
chart-legend-inferred = dotted ring, *: year or other part inferred, not stated
chart-legend-break = axis break: time left out
chart-parts-inferred = ({ $parts } inferred)
chart-exact-date-unknown = (exact date unknown)

## The relations chart

chart-relations-desc = Who aligns with or rejects whose position, one relation a row:
chart-relations-caption = Relations between the actors, one a row: who aligns with or rejects whose position. Meetings are listed under Meetings.
chart-legend-aligns = aligns with (arrow)
chart-legend-rejects = rejects the position of (dashed, bar end)
chart-with = with { $link }

## The territorial control chart

chart-territory-desc = Bar chart of the share of each area under the controller, on a scale of 0 to 100 percent.
chart-territory-desc-end = Qualified figures are drawn as bounds or ranges, not exact values.
chart-territory-caption = Territorial control: each bar is the controller's share of the area.
chart-territory-as-of = As of: { $date }.
chart-territory-not-percent = Figures not in percent are in the table only.
chart-status-by = { $status } by { $controller }
chart-including = including { $names }
chart-as-of = (as of { $date })
chart-legend-solid = solid: the share
chart-legend-range = hatched: left open by the qualifier
chart-legend-bound = dashed line and arrow: a bound the value is below or above

## Captions' sources

chart-sources = { $count ->
    [one] Source:
   *[other] Sources:
}

## Months on the time axis, abbreviated

month-short-1 = Jan
month-short-2 = Feb
month-short-3 = Mar
month-short-4 = Apr
month-short-5 = May
month-short-6 = Jun
month-short-7 = Jul
month-short-8 = Aug
month-short-9 = Sep
month-short-10 = Oct
month-short-11 = Nov
month-short-12 = Dec
