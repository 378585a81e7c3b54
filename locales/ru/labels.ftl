# Подписи встроенных шаблонов. См. locales/en/labels.ftl.

## Пометка учебного сценария

fictional-title = Вымышленный учебный сценарий.
fictional-text = События, лица и цифры в этой справке вымышлены для учебных целей.
fictional-exercise = учебный сценарий

## Шапка

dateline = Место
published = Опубликовано
published-on = опубликовано { $date }
as-of = По состоянию на
as-of-lower = по состоянию на
flash-title = Коротко: { $title }

## Разделы

key-points = Главное
key-point = Главное
key-point-n = пункт { $n } раздела «Главное»
see = см.
actors = Участники
chronology = Хронология
undated = Без даты
undated-note = Источник не датирует эти события, и ничто не позволяет поместить их в последовательность выше.
date-notes = Примечания к датам
meetings = Встречи
meetings-held = Состоялись
meetings-under-way = Идут
meetings-upcoming = Предстоят
meetings-proposed = Предложены
meetings-called-off = Перенесены или отменены
votes = Голосования
agreements = Соглашения и предложения
positions = Позиции сторон
other-statements = Прочие заявления
conditions-and-demands = Условия и требования
relations = Отношения
territorial-control = Контроль над территорией
figures = Цифры
figures-counts = Численность
figures-money = Суммы
figures-shares = Доли
figures-other = Прочие цифры
background = Предыстория
outlook = Перспективы
judgments = Оценки
judgments-note = Оценки автора, а не факты, сообщённые источниками.
gaps = Пробелы
gaps-note = Что остаётся неясным по источникам.
sources = Источники
latest = Последние события
latest-undated-note = Сообщены без даты; их порядок неизвестен.
next = Далее
caveats = Оговорки
more-in-full-briefing = { $count ->
    [one] ещё { $count } пункт в полной справке
    [few] ещё { $count } пункта в полной справке
    [many] ещё { $count } пунктов в полной справке
   *[other] ещё { $count } пункта в полной справке
}

## Заголовки таблиц и названия полей

actor = Участник
role-or-kind = Роль или тип
date = Дата
what = Что
when = Когда
where = Где
status = Статус
participants = Участники
level = Уровень
purpose = Цель
topics = Темы
follows = После
note = Примечание
vote = Голосование
body = Орган
result = Итог
parties = Стороны
proposed-by = Предложено
duration = Срок
starts = Начало
ends = Окончание
target = Целевой срок
target-lower = целевой срок
from = От
term = Положение
objection = Возражение
who = Кто
relation = Отношение
with-whom = С кем
statement = Заявление
controller = Под контролем
area = Территория
figure = Цифра
measure = Показатель
according-to = По данным
sources-wording = Формулировка источника
evidence = Подтверждение в источнике
in-the-source = в источнике
includes = Включает

## Вокруг текста автора

not-named-in-sources = не назван в источниках
also = также { $names }
not-attributed = Без указания автора
claim-not-verified = утверждение, не проверенное источником
in-plain-words = Суть
no-speaker-named = Говорящий не назван
belief-about = Убеждение относительно
conditions = Условия
aligns-with = Поддерживает
rejected-by = Отвергнуто: { $name }
rejected-by-strength = Отвергнуто ({ $strength }): { $name }
reported-via = Передано через
set-out-by = Выдвинуты: { $names }
with = с
conflicts-with = расходится с
against = против
of-areas = —
confidence = уверенность: { $level }
open-question = Открытый вопрос

## Указатель

briefings = Справки
brief = Справка
date-not-given = дата не указана
no-briefs = Справок пока нет.

## Справка об изменениях

what-changed = Что изменилось: { $title }
old = Было
new = Стало
previously-titled = Прежнее название
summary = Сводка
changed = Изменено
added = Добавлено
removed = Удалено
renamed-from = прежний идентификатор { $id }

## Фрагменты источника, на которых основан элемент

source-passages = { $count ->
    [one] Фрагмент источника
   *[other] Фрагменты источника
}
source-passage-line = Фрагмент источника: { $text }
in-the-source-link = В источнике

## Фразы справки об изменениях, составляемые в коде

diff-no-changes = Изменений нет.
diff-summary = Изменений: { $total } ({ $parts }).
diff-brief-details = общие сведения справки: { diff-what }
diff-what = { $what ->
    [added] добавлены
    [removed] удалены
   *[changed] изменены
}
diff-part = { kind-nouns }: { $what ->
    [added] добавлено
    [removed] удалено
   *[changed] изменено
} { $n }
diff-kind-title = { $kind ->
    [brief] Справка
    [key_point] Главное
    [actor] Участники
    [source] Источники
    [place] Места
    [issue] Вопросы
    [event] Встречи и события
    [agreement] Договорённости и предложения
    [statement] Заявления
    [figure] Цифры
    [judgment] Оценки
   *[gap] Пробелы
}
kind-noun = { $kind ->
    [brief] справка
    [key_point] пункт главного
    [actor] участник
    [source] источник
    [place] место
    [issue] вопрос
    [event] событие
    [agreement] договорённость
    [statement] заявление
    [figure] цифра
    [judgment] оценка
   *[gap] пробел
}
kind-nouns = { $kind ->
    [brief] справки
    [key_point] пункты главного
    [actor] участники
    [source] источники
    [place] места
    [issue] вопросы
    [event] события
    [agreement] договорённости
    [statement] заявления
    [figure] цифры
    [judgment] оценки
   *[gap] пробелы
}
diff-head-brief = Справка
diff-head = { $noun } «{ $label }»
diff-changed = { $head }: { $first }
diff-also = { $text }; также изменено: { $more }
diff-added = Добавлено ({ $noun }): { $label }
diff-removed = Удалено ({ $noun }): { $label }
diff-none = (нет)
diff-field = { $field ->
    [about] О ком
    [according_to] По данным
    [aliases] Другие имена
    [aligns_with] Поддерживает
    [applies_to] Относится к
    [areas] Территории
    [as_of] По состоянию на
    [at] Во время
    [background] Предыстория
    [by] Автор заявления
    [conditions] Условия
    [confidence] Уверенность
    [controller] Под контролем
    [date] Дата
    [dateline] Место
    [description] Описание
    [duration] Срок
    [end] Окончание
    [fictional] Вымышленный сценарий
    [follows] После
    [format] Формат
    [from] По итогам
    [hedge] Оговорка
    [id] Идентификатор
    [includes] Включая
    [issue] Вопрос
    [item] Элемент
    [kind] Вид
    [level] Уровень
    [likelihood] Вероятность
    [location] Место события
    [measure] Показатель
    [members] Члены
    [name] Название
    [note] Примечание
    [outlook] Перспективы
    [part_of] Входит в
    [participants] Участники
    [parties] Стороны
    [published] Опубликовано
    [publisher] Издатель
    [purpose] Цель
    [quote] Цитата
    [quoted] Цитируемые фрагменты
    [rejected_by] Отвергнуто
    [reliability] Надёжность
    [roles] Должности
    [sources] Источники
    [start] Начало
    [stated] Формулировка
    [status] Статус
    [target] Целевой срок
    [terms] Положения
    [text] Текст
    [title] Заголовок
    [topics] Темы
    [unattributed] Без указания автора
    [unnamed] Без имени
    [url] Ссылка
    [value] Значение
    [verb] Глагол
    [via] Через
    [vote] Голосование
   *[vote_members] Голоса членов
}
diff-field-change = { $label }: { $old } → { $new }
diff-field-added = { $label }: добавлено
diff-field-removed = { $label }: удалено
diff-field-reworded = { $label }: переформулировано
# Whether a label or a capitalised phrase is lower-cased inside a sentence: `yes` or `no`.
lowercase-inside-sentence = yes
diff-as-of-changed = изменена дата, на которую приведены данные
diff-date-precise = дата уточнена до дня
diff-date-more-precise = дата уточнена до { diff-precision }
diff-date-less-precise = дата стала менее точной: до { diff-precision }
diff-date-no-longer-worked-out = дата стала менее точной: дата не установлена
diff-precision = { $precision ->
    [day] дня
    [month] месяца
   *[year] года
}
diff-date-now-stated = теперь указана, а не выведена
diff-date-now-inferred = теперь частично выведена
diff-not-compared = { $why ->
    [measure] другой показатель, не сравнивается
    [unit] другая единица, не сравнивается
   *[range] диапазон или формулировка, не сравнивается
}
diff-unqualified = без оговорок
diff-same-number = то же число, теперь { $now }, было { $was }
diff-delta = { $direction ->
    [up] рост
   *[down] снижение
} на { $approximate ->
    [yes] примерно { diff-amount }
   *[no] { diff-amount }
}
diff-amount = { $scale ->
    [percent] { $n ->
        [one] { $amount } процентный пункт
        [few] { $amount } процентных пункта
        [many] { $amount } процентных пунктов
       *[other] { $amount } процентного пункта
    }
    [other] { $amount } { $unit }
   *[none] { $amount }
}
diff-participants = участники: { $names }
diff-parties = стороны: { $names }
diff-on-issue = по теме: { $issue }
diff-quote = цитата: { $text }
diff-quoted = цитируемые фрагменты: { $text }
diff-conditions = условия: { $text }
diff-notes = { $a }; { $b }
diff-territory-label = { $named ->
    [yes] Контроль над территорией ({ $areas }): { $controller }
   *[no] Контроль над территорией ({ $areas })
}

## Отчёт о покрытии brief verify

verify-title = Покрытие: { $title }
verify-summary = предложения { $sentences }, числа { $numbers }, имена { $names }, даты { $dates }, дословные цитаты { $quotes }
verify-what = { $what ->
    [sentence] предложение
    [number] число
    [name] имя
    [date] дата
   *[quote] цитата
}
verify-kind = { $what ->
    [sentence] Предложения
    [number] Числа
    [name] Имена
    [date] Даты
   *[quote] Цитаты
}
verify-kind-header = Вид
verify-covered = Покрыто
verify-total = Всего
verify-not-covered-what = не покрыто ({ $what }): { $text }
verify-at = { $what }, строка { $line }, столбец { $column }: { $text }
verify-source = Источник { $source }: { $file }
verify-not-covered = Не покрыто
verify-not-covered-lower = не покрыто
verify-all-covered = Всё покрыто.
verify-covered-by = покрыто: { $items }
verify-legend-passage = фрагмент справки
verify-legend-gap = предложение, которого не касается ни один фрагмент
verify-legend-miss = не учтено
