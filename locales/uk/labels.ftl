# Підписи вбудованих шаблонів. Див. locales/en/labels.ftl.

## Позначка навчального сценарію

fictional-title = Вигаданий навчальний сценарій.
fictional-text = Події, особи та цифри в цій довідці вигадано для навчання.
fictional-exercise = навчальний сценарій

## Шапка

dateline = Місце
published = Опубліковано
published-on = опубліковано { $date }
as-of = Станом на
as-of-lower = станом на
flash-title = Коротко: { $title }

## Розділи

key-points = Головне
key-point = Головне
key-point-n = пункт { $n } розділу «Головне»
see = див.
actors = Учасники
chronology = Хронологія
undated = Без дати
undated-note = Джерело не датує цих подій, і ніщо не дає змоги розмістити їх у послідовності вище.
date-notes = Примітки до дат
meetings = Зустрічі
meetings-held = Відбулися
meetings-under-way = Тривають
meetings-upcoming = Заплановані
meetings-proposed = Запропоновані
meetings-called-off = Перенесені або скасовані
votes = Голосування
agreements = Угоди та пропозиції
positions = Позиції сторін
other-statements = Інші заяви
conditions-and-demands = Умови та вимоги
relations = Відносини
territorial-control = Контроль над територією
figures = Цифри
figures-counts = Чисельність
figures-money = Суми
figures-shares = Частки
figures-other = Інші цифри
background = Передісторія
outlook = Перспективи
judgments = Оцінки
judgments-note = Оцінки автора, а не факти, повідомлені джерелами.
gaps = Прогалини
gaps-note = Що за джерелами лишається неясним.
sources = Джерела
latest = Останні події
latest-undated-note = Повідомлено без дати; їхній порядок невідомий.
next = Далі
caveats = Застереження
more-in-full-briefing = { $count ->
    [one] ще { $count } пункт у повній довідці
    [few] ще { $count } пункти в повній довідці
    [many] ще { $count } пунктів у повній довідці
   *[other] ще { $count } пункту в повній довідці
}

## Заголовки таблиць і назви полів

actor = Учасник
role-or-kind = Роль або тип
date = Дата
what = Що
when = Коли
where = Де
status = Статус
participants = Учасники
level = Рівень
purpose = Мета
topics = Теми
follows = Після
note = Примітка
vote = Голосування
body = Орган
result = Підсумок
parties = Сторони
proposed-by = Запропоновано
duration = Строк
starts = Початок
ends = Завершення
target = Цільовий строк
target-lower = цільовий строк
from = Від
term = Положення
objection = Заперечення
who = Хто
relation = Відношення
with-whom = З ким
statement = Заява
controller = Під контролем
area = Територія
figure = Цифра
measure = Показник
according-to = За даними
sources-wording = Формулювання джерела
evidence = Підтвердження в джерелі
in-the-source = у джерелі
includes = Охоплює

## Навколо тексту автора

not-named-in-sources = не названий у джерелах
also = також { $names }
not-attributed = Без зазначення автора
claim-not-verified = твердження, не перевірене джерелом
in-plain-words = Суть
no-speaker-named = Мовця не названо
belief-about = Переконання щодо
conditions = Умови
aligns-with = Підтримує
rejected-by = Відкинуто: { $name }
rejected-by-strength = Відкинуто ({ $strength }): { $name }
reported-via = Передано через
set-out-by = Висунуто: { $names }
with = з
conflicts-with = розходиться з
against = проти
of-areas = —
confidence = упевненість: { $level }
open-question = Відкрите питання

## Покажчик

briefings = Довідки
brief = Довідка
date-not-given = дату не вказано
no-briefs = Довідок поки немає.

## Довідка про зміни

what-changed = Що змінилося: { $title }
old = Було
new = Стало
previously-titled = Попередня назва
summary = Зведення
changed = Змінено
added = Додано
removed = Вилучено
renamed-from = попередній ідентифікатор { $id }
