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

## Головне, що називає елемент, та інші складені фрази

clause = { $before }, { $next }
key-point-statement = { $who }: { $words }
key-point-claim = { $who } (твердження, не перевірене джерелом): { $words }
key-point-labelled = { $label }: { $text }
key-point-target = цільовий строк: { $date }
key-point-held-by = під контролем: { $who }
key-point-as-of = станом на { $date }
quoted = «{ $text }»
speaker-verb = { $who }, { $verb }
according-to-verb = { $who } { $verb }
statement-short-on = { $who }, { $verb }, щодо теми: { $issue }
deadline-of = Строк: { $title }
relation-aligns-with = підтримує
colon = :
label-colon = { $label }{ colon }

## Види заяв: іменником і підписом

statement-kind = { $kind ->
    [quote] цитата
    [position] позиція
    [claim] твердження
    [conditions] умови
    [characterisation] оцінка
    [belief] думка
    [confirmation] підтвердження
    [accusation] звинувачення
    [denial] спростування
   *[other] заява
}
statement-kind-label = { $kind ->
    [quote] Цитата
    [position] Позиція
    [claim] Твердження (не перевірене джерелом)
    [conditions] Умови
    [characterisation] Оцінка
    [belief] Думка про інших
    [confirmation] Підтвердження
    [accusation] Звинувачення
    [denial] Спростування
   *[other] Заява
}

## Строк дії домовленості

duration-length = { $unit ->
    [hours] { $n ->
        [one] { $n } година
        [few] { $n } години
        [many] { $n } годин
       *[other] { $n } години
    }
    [weeks] { $n ->
        [one] { $n } тиждень
        [few] { $n } тижні
        [many] { $n } тижнів
       *[other] { $n } тижня
    }
    [months] { $n ->
        [one] { $n } місяць
        [few] { $n } місяці
        [many] { $n } місяців
       *[other] { $n } місяця
    }
    [years] { $n ->
        [one] { $n } рік
        [few] { $n } роки
        [many] { $n } років
       *[other] { $n } року
    }
   *[days] { $n ->
        [one] { $n } день
        [few] { $n } дні
        [many] { $n } днів
       *[other] { $n } дня
    }
}
duration-compound = { duration-length }
agreement-with-length = { $kind } на { $length }

## Цифри: до чого стосуються, що вимірюють, статус території

applies-each-of = для кожного: { $whom }
applies-combined-of = разом: { $whom }
applies-unclear-of = неясно, для кожного ({ $whom }) чи разом
applies-each-area = для кожної території
applies-areas-combined = для всіх територій разом
applies-unclear-areas = неясно, для кожної території чи для всіх разом
figure-measure = { $kind ->
    [territory] територіальний контроль
    [count] кількість
    [money] сума
    [votes] голоси
    [share] частка
   *[other] показник
}
control-status = { $status ->
    [annexed] анексовано
    [occupied] окуповано
    [claimed] предмет претензій
   *[controlled] під контролем
}

## Оцінки, джерела та голосування

likelihood = { $band ->
    [almost-no-chance] майже виключено (1–5 %)
    [very-unlikely] дуже малоймовірно (5–20 %)
    [unlikely] малоймовірно (20–45 %)
    [roughly-even] шанси приблизно рівні (45–55 %)
    [likely] ймовірно (55–80 %)
    [very-likely] дуже ймовірно (80–95 %)
   *[almost-certain] майже напевно (95–99 %)
}
confidence-level = { $level ->
    [low] низька
    [moderate] середня
   *[high] висока
}
source-kind = { $kind ->
    [news-article] новинна стаття
    [agency-report] повідомлення агентства
    [official-statement] офіційна заява
    [transcript] стенограма
    [interview] інтерв'ю
    [social-media-post] допис у соцмережах
    [dataset] набір даних
    [report] доповідь
   *[other] інше
}
ballot = { $ballot ->
    [for] За
    [against] Проти
    [abstain] Утрималися
   *[absent] Відсутні
}
vote-count = { $ballot ->
    [for] { $n } — за
    [against] { $n } — проти
    [abstain] { $n } — утрималися
   *[absent] { $n } — відсутні
}
vote-outcome = { $outcome ->
    [adopted] Ухвалено
   *[rejected] Відхилено
}
vote-outcome-tally = { vote-outcome }: { $tally }
