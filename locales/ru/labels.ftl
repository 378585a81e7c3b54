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
