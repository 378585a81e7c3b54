# Фрази, які складають подання. Див. locales/en/phrases.ftl:
# «nearly» (трохи менше) — «майже», ніколи не «близько».

## Переліки

and = і
or = або

## Місяці: називний відмінок окремо, родовий — у даті з числом

month-1 = січень
month-2 = лютий
month-3 = березень
month-4 = квітень
month-5 = травень
month-6 = червень
month-7 = липень
month-8 = серпень
month-9 = вересень
month-10 = жовтень
month-11 = листопад
month-12 = грудень
month-of-1 = січня
month-of-2 = лютого
month-of-3 = березня
month-of-4 = квітня
month-of-5 = травня
month-of-6 = червня
month-of-7 = липня
month-of-8 = серпня
month-of-9 = вересня
month-of-10 = жовтня
month-of-11 = листопада
month-of-12 = грудня

weekday-1 = понеділок
weekday-2 = вівторок
weekday-3 = середа
weekday-4 = четвер
weekday-5 = пʼятниця
weekday-6 = субота
weekday-7 = неділя

## Дати: «12 лютого 2025 р.»

date-day = { $day } { $month } { $year } р.
date-month = { $month } { $year } р.
date-year = { $year } р.
date-with-weekday = { $weekday }, { $date }
date-about = приблизно { $date }
date-between = { $start } — { $end }
date-from-onwards = починаючи з { $start }
date-from = з { $start }
date-until = до { $end }
date-unknown-interval = невідомо
date-recently = нещодавно
date-unknown = дата невідома

## Примітки в дужках

note-uncertain = неточно
note-start-uncertain = початок неточний
note-end-uncertain = завершення неточне
note-start-unknown = початок невідомий
note-end-unknown = завершення невідоме
note-inferred = виведена
note-parts-inferred = виведено: { $parts }
note-lead-stated = у джерелі: «{ $stated }»; { $inferred }
note-same-basis = { $lead }, як і для дати { $earlier }.
note-exact-date-unknown = точна дата невідома
part-year = рік
part-month = місяць
part-day = день

## Цифри: нерозривний пробіл перед %

figure-percent = { $n } %
figure-unit = { $n } { $unit }
figure-qualified = { $q } { $amount }
figure-between = від { $low } до { $high }
figure-range = { $low }–{ $high }
figure-qualified-range = { $q } { $low }–{ $high }
figure-each = по { $amount }
money-million = { $n } млн
money-billion = { $n } млрд
money-trillion = { $n } трлн

## Застереження при числах, за словом джерела

qualifier-unqualified = як зазначено
qualifier-exactly = рівно
qualifier-about = близько
qualifier-approximately = приблизно
qualifier-roughly = орієнтовно
qualifier-around = близько
qualifier-nearly = майже
qualifier-almost = майже
qualifier-close-to = майже
qualifier-over = понад
qualifier-more-than = більше ніж
qualifier-under = менше ніж
qualifier-less-than = менше ніж
qualifier-at-least = щонайменше
qualifier-at-most = щонайбільше
qualifier-up-to = до
qualifier-between = від

## Events: their kinds, statuses and the phrases naming them

event-label = { $kind }: { $names }
event-reference = { $kind } { $date }
event-phone-call = телефонна розмова
event-meeting = зустріч
event-talks = переговори
event-summit = саміт
event-visit = візит
event-speech = виступ
event-annexation = анексія
event-military-action = воєнні дії
event-agreement = угода
event-vote = голосування
event-other = подія
status-held = відбулося
status-under-way = триває
status-scheduled = заплановано
status-proposed = запропоновано
status-postponed = відкладено
status-cancelled = скасовано

## Attribution and the chronology's relation words

# The name stays as written, so the frame takes no case: "за даними: ..."
according-to-who = за даними: { $who }
relation-after = після
relation-before = до
relation-around = близько
relation-recent = нещодавно
placed-after = після: { $named }
placed-before = до: { $named }
placed-around = близько: { $named }
placed-recently = нещодавно

## Actors and agreements

actor-person = особа
actor-state = держава
actor-organisation = організація
actor-group = група
actor-document = документ
agreement-summary = { $head }, { $status }
objection-rejects = відкидає
agreement-agreement = угода
agreement-proposal = пропозиція
agreement-truce = перемир'я
agreement-ceasefire = припинення вогню
agreement-deal = домовленість
agreement-treaty = договір
agreement-resolution = резолюція
agreement-proposed = запропоновано
agreement-under-negotiation = обговорюється
agreement-agreed-in-principle = погоджено в принципі
agreement-agreed = погоджено
agreement-signed = підписано
agreement-in-force = діє
agreement-violated = порушено
agreement-collapsed = зірвано
agreement-expired = термін дії сплив
agreement-rejected = відхилено
actor-members = Члени: { $names }.

## Statements as the chronology names them

# Nouns, not verbs: a verb in the past tense would need the speaker's gender.
statement-what = { $kind ->
    [quote] висловлювання
    [position] позиція
    [claim] твердження
    [conditions] умови
    [characterisation] оцінка
    [belief] думка
    [confirmation] підтвердження
   *[other] заява
}
statement-reference = { $who }: { statement-what }
statement-reference-on = { $who }: { statement-what }, тема: { $issue }
statement-unattributed = Без зазначення джерела: заява
statement-unattributed-on = Без зазначення джерела: заява, тема: { $issue }
statement-by = заява: { $names }
statement-by-nobody = заява без зазначення джерела

## Figures compared, open questions, vote thresholds

compared-with = для порівняння: { $figure }
open-question-line = Відкрите питання: { $text }
vote-threshold = Поріг: { $threshold }
vote-result-threshold = { $result }; поріг: { $threshold }
