# Фразы, которые составляют представления. См. locales/en/phrases.ftl:
# «nearly» (чуть меньше) — «почти», никогда не «около».

## Перечисления

and = и
or = или

## Месяцы: именительный падеж отдельно, родительный — в дате с числом

month-1 = январь
month-2 = февраль
month-3 = март
month-4 = апрель
month-5 = май
month-6 = июнь
month-7 = июль
month-8 = август
month-9 = сентябрь
month-10 = октябрь
month-11 = ноябрь
month-12 = декабрь
month-of-1 = января
month-of-2 = февраля
month-of-3 = марта
month-of-4 = апреля
month-of-5 = мая
month-of-6 = июня
month-of-7 = июля
month-of-8 = августа
month-of-9 = сентября
month-of-10 = октября
month-of-11 = ноября
month-of-12 = декабря

weekday-1 = понедельник
weekday-2 = вторник
weekday-3 = среда
weekday-4 = четверг
weekday-5 = пятница
weekday-6 = суббота
weekday-7 = воскресенье

## Даты: «12 февраля 2025 г.»

date-day = { $day } { $month } { $year } г.
date-month = { $month } { $year } г.
date-year = { $year } г.
date-with-weekday = { $weekday }, { $date }
date-about = примерно { $date }
date-between = { $start } — { $end }
date-from-onwards = начиная с { $start }
date-from = с { $start }
date-until = до { $end }
date-unknown-interval = неизвестно
date-recently = недавно
date-unknown = дата неизвестна

## Примечания в скобках

note-uncertain = не точно
note-start-uncertain = начало не точно
note-end-uncertain = окончание не точно
note-start-unknown = начало неизвестно
note-end-unknown = окончание неизвестно
note-inferred = выведена
note-parts-inferred = выведено: { $parts }
note-lead-stated = в источнике: «{ $stated }»; { $inferred }
note-same-basis = { $lead }, как и для даты { $earlier }.
note-exact-date-unknown = точная дата неизвестна
part-year = год
part-month = месяц
part-day = день

## Цифры: неразрывный пробел перед %

figure-percent = { $n } %
figure-unit = { $n } { $unit }
figure-qualified = { $q } { $amount }
figure-between = от { $low } до { $high }
figure-range = { $low }–{ $high }
figure-qualified-range = { $q } { $low }–{ $high }
figure-each = по { $amount }
money-million = { $n } млн
money-billion = { $n } млрд
money-trillion = { $n } трлн

## Оговорки при числах, по слову источника

qualifier-unqualified = как указано
qualifier-exactly = ровно
qualifier-about = около
qualifier-approximately = приблизительно
qualifier-roughly = примерно
qualifier-around = порядка
qualifier-nearly = почти
qualifier-almost = почти
qualifier-close-to = почти
qualifier-over = свыше
qualifier-more-than = более
qualifier-under = менее
qualifier-less-than = меньше
qualifier-at-least = не менее
qualifier-at-most = не более
qualifier-up-to = до
qualifier-between = от

## Events: their kinds, statuses and the phrases naming them

event-label = { $kind }: { $names }
event-reference = { $kind } { $date }
event-phone-call = телефонный разговор
event-meeting = встреча
event-talks = переговоры
event-summit = саммит
event-visit = визит
event-speech = выступление
event-annexation = аннексия
event-military-action = военные действия
event-agreement = соглашение
event-vote = голосование
event-other = событие
status-held = состоялось
status-under-way = идёт
status-scheduled = запланировано
status-proposed = предложено
status-postponed = отложено
status-cancelled = отменено

## Attribution and the chronology's relation words

# The name stays as written, so the frame takes no case: "по данным: ..."
according-to-who = по данным: { $who }
relation-after = после
relation-before = до
relation-around = около
relation-recent = недавно
placed-after = после: { $named }
placed-before = до: { $named }
placed-around = около: { $named }
placed-recently = недавно

## Actors and agreements

actor-person = лицо
actor-state = государство
actor-organisation = организация
actor-group = группа
actor-document = документ
agreement-summary = { $head }, { $status }
objection-rejects = отвергает
agreement-agreement = соглашение
agreement-proposal = предложение
agreement-truce = перемирие
agreement-ceasefire = прекращение огня
agreement-deal = сделка
agreement-treaty = договор
agreement-resolution = резолюция
agreement-proposed = предложено
agreement-under-negotiation = обсуждается
agreement-agreed-in-principle = согласовано в принципе
agreement-agreed = согласовано
agreement-signed = подписано
agreement-in-force = действует
agreement-violated = нарушено
agreement-collapsed = сорвано
agreement-expired = срок действия истёк
agreement-rejected = отклонено
actor-members = Члены: { $names }.

## Statements as the chronology names them

# Nouns, not verbs: a verb in the past tense would need the speaker's gender.
statement-what = { $kind ->
    [quote] высказывание
    [position] позиция
    [claim] утверждение
    [conditions] условия
    [characterisation] оценка
    [belief] мнение
    [confirmation] подтверждение
   *[other] заявление
}
statement-reference = { $who }: { statement-what }
statement-reference-on = { $who }: { statement-what }, тема: { $issue }
statement-unattributed = Без указания источника: заявление
statement-unattributed-on = Без указания источника: заявление, тема: { $issue }
statement-by = заявление: { $names }
statement-by-nobody = заявление без указания источника

## Figures compared, open questions, vote thresholds

compared-with = для сравнения: { $figure }
open-question-line = Открытый вопрос: { $text }
vote-threshold = Порог: { $threshold }
vote-result-threshold = { $result }; порог: { $threshold }

## Главное, называющее элемент, и другие составные фразы

clause = { $before }, { $next }
key-point-statement = { $who }: { $words }
key-point-claim = { $who } (утверждение, не проверенное источником): { $words }
key-point-labelled = { $label }: { $text }
key-point-target = целевой срок: { $date }
key-point-held-by = под контролем: { $who }
key-point-as-of = по состоянию на { $date }
quoted = «{ $text }»
speaker-verb = { $who }, { $verb }
according-to-verb = { $who } { $verb }
statement-short-on = { $who }, { $verb }, по теме: { $issue }
deadline-of = Срок: { $title }
relation-aligns-with = поддерживает
colon = :
label-colon = { $label }{ colon }

## Виды заявлений: существительным и подписью

statement-kind = { $kind ->
    [quote] цитата
    [position] позиция
    [claim] утверждение
    [conditions] условия
    [characterisation] оценка
    [belief] мнение
    [confirmation] подтверждение
    [accusation] обвинение
    [denial] опровержение
   *[other] заявление
}
statement-kind-label = { $kind ->
    [quote] Цитата
    [position] Позиция
    [claim] Утверждение (не проверено источником)
    [conditions] Условия
    [characterisation] Оценка
    [belief] Мнение о других
    [confirmation] Подтверждение
    [accusation] Обвинение
    [denial] Опровержение
   *[other] Заявление
}

## Срок действия договорённости

duration-length = { $unit ->
    [hours] { $n ->
        [one] { $n } час
        [few] { $n } часа
        [many] { $n } часов
       *[other] { $n } часа
    }
    [weeks] { $n ->
        [one] { $n } неделя
        [few] { $n } недели
        [many] { $n } недель
       *[other] { $n } недели
    }
    [months] { $n ->
        [one] { $n } месяц
        [few] { $n } месяца
        [many] { $n } месяцев
       *[other] { $n } месяца
    }
    [years] { $n ->
        [one] { $n } год
        [few] { $n } года
        [many] { $n } лет
       *[other] { $n } года
    }
   *[days] { $n ->
        [one] { $n } день
        [few] { $n } дня
        [many] { $n } дней
       *[other] { $n } дня
    }
}
duration-compound = { duration-length }
agreement-with-length = { $kind } сроком { $length }

## Цифры: к чему относятся, что измеряют, статус территории

applies-each-of = для каждого: { $whom }
applies-combined-of = в сумме: { $whom }
applies-unclear-of = неясно, для каждого ({ $whom }) или в сумме
applies-each-area = для каждой территории
applies-areas-combined = для всех территорий вместе
applies-unclear-areas = неясно, для каждой территории или для всех вместе
figure-measure = { $kind ->
    [territory] территориальный контроль
    [count] число
    [money] сумма
    [votes] голоса
    [share] доля
   *[other] показатель
}
control-status = { $status ->
    [annexed] аннексировано
    [occupied] оккупировано
    [claimed] предмет притязаний
   *[controlled] под контролем
}

## Оценки, источники и голосования

likelihood = { $band ->
    [almost-no-chance] почти исключено (1–5 %)
    [very-unlikely] крайне маловероятно (5–20 %)
    [unlikely] маловероятно (20–45 %)
    [roughly-even] шансы примерно равны (45–55 %)
    [likely] вероятно (55–80 %)
    [very-likely] весьма вероятно (80–95 %)
   *[almost-certain] почти наверняка (95–99 %)
}
confidence-level = { $level ->
    [low] низкая
    [moderate] средняя
   *[high] высокая
}
source-kind = { $kind ->
    [news-article] новостная статья
    [agency-report] сообщение агентства
    [official-statement] официальное заявление
    [transcript] стенограмма
    [interview] интервью
    [social-media-post] публикация в соцсетях
    [dataset] набор данных
    [report] доклад
   *[other] другое
}
ballot = { $ballot ->
    [for] За
    [against] Против
    [abstain] Воздержались
   *[absent] Отсутствовали
}
vote-count = { $ballot ->
    [for] { $n } — за
    [against] { $n } — против
    [abstain] { $n } — воздержались
   *[absent] { $n } — отсутствовали
}
vote-outcome = { $outcome ->
    [adopted] Принято
   *[rejected] Отклонено
}
vote-outcome-tally = { vote-outcome }: { $tally }
