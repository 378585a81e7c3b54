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

## Фрагменти джерела, на яких ґрунтується елемент

source-passages = { $count ->
    [one] Фрагмент джерела
   *[other] Фрагменти джерела
}
source-passage-line = Фрагмент джерела: { $text }
in-the-source-link = У джерелі

## Фрази довідки про зміни, що складаються в коді

diff-no-changes = Змін немає.
diff-summary = Змін: { $total } ({ $parts }).
diff-brief-details = загальні відомості довідки: { diff-what }
diff-what = { $what ->
    [added] додано
    [removed] вилучено
   *[changed] змінено
}
diff-part = { kind-nouns }: { diff-what } { $n }
diff-kind-title = { $kind ->
    [brief] Довідка
    [key_point] Головне
    [actor] Учасники
    [source] Джерела
    [place] Місця
    [issue] Питання
    [event] Зустрічі та події
    [agreement] Домовленості та пропозиції
    [statement] Заяви
    [figure] Цифри
    [judgment] Оцінки
   *[gap] Прогалини
}
kind-noun = { $kind ->
    [brief] довідка
    [key_point] пункт головного
    [actor] учасник
    [source] джерело
    [place] місце
    [issue] питання
    [event] подія
    [agreement] домовленість
    [statement] заява
    [figure] цифра
    [judgment] оцінка
   *[gap] прогалина
}
kind-nouns = { $kind ->
    [brief] довідки
    [key_point] пункти головного
    [actor] учасники
    [source] джерела
    [place] місця
    [issue] питання
    [event] події
    [agreement] домовленості
    [statement] заяви
    [figure] цифри
    [judgment] оцінки
   *[gap] прогалини
}
diff-head-brief = Довідка
diff-head = { $noun } «{ $label }»
diff-changed = { $head }: { $first }
diff-also = { $text }; також змінено: { $more }
diff-added = Додано ({ $noun }): { $label }
diff-removed = Вилучено ({ $noun }): { $label }
diff-none = (немає)
diff-field = { $field ->
    [about] Про кого
    [according_to] За даними
    [aliases] Інші імена
    [aligns_with] Підтримує
    [applies_to] Стосується
    [areas] Території
    [as_of] Станом на
    [at] Під час
    [background] Передісторія
    [by] Автор заяви
    [conditions] Умови
    [confidence] Упевненість
    [controller] Під контролем
    [date] Дата
    [dateline] Місце
    [description] Опис
    [duration] Строк
    [end] Закінчення
    [fictional] Вигаданий сценарій
    [follows] Після
    [format] Формат
    [from] За підсумками
    [hedge] Застереження
    [id] Ідентифікатор
    [includes] Включно з
    [issue] Питання
    [item] Елемент
    [kind] Вид
    [level] Рівень
    [likelihood] Імовірність
    [location] Місце події
    [measure] Показник
    [members] Члени
    [name] Назва
    [note] Примітка
    [outlook] Перспективи
    [part_of] Входить до
    [participants] Учасники
    [parties] Сторони
    [published] Опубліковано
    [publisher] Видавець
    [purpose] Мета
    [quote] Цитата
    [quoted] Цитовані фрагменти
    [rejected_by] Відкинуто
    [reliability] Надійність
    [roles] Посади
    [sources] Джерела
    [start] Початок
    [stated] Формулювання
    [status] Статус
    [target] Цільовий строк
    [terms] Положення
    [text] Текст
    [title] Заголовок
    [topics] Теми
    [unattributed] Без зазначення автора
    [unnamed] Без імені
    [url] Посилання
    [value] Значення
    [verb] Дієслово
    [via] Через
    [vote] Голосування
   *[vote_members] Голоси членів
}
diff-field-change = { $label }: { $old } → { $new }
diff-field-added = { $label }: додано
diff-field-removed = { $label }: вилучено
diff-field-reworded = { $label }: переформульовано
# Whether a label or a capitalised phrase is lower-cased inside a sentence: `yes` or `no`.
lowercase-inside-sentence = yes
diff-as-of-changed = змінено дату, станом на яку наведено дані
diff-date-precise = дату уточнено до дня
diff-date-more-precise = дату уточнено до { diff-precision }
diff-date-less-precise = дата стала менш точною: до { diff-precision }
diff-date-no-longer-worked-out = дата стала менш точною: дату не встановлено
diff-precision = { $precision ->
    [day] дня
    [month] місяця
   *[year] року
}
diff-date-now-stated = тепер зазначена, а не виведена
diff-date-now-inferred = тепер частково виведена
diff-not-compared = { $why ->
    [measure] інший показник, не порівнюється
    [unit] інша одиниця, не порівнюється
   *[range] діапазон або формулювання, не порівнюється
}
diff-unqualified = без застережень
diff-same-number = те саме число, тепер { $now }, було { $was }
diff-delta = { $direction ->
    [up] зростання
   *[down] зниження
} на { $approximate ->
    [yes] приблизно { diff-amount }
   *[no] { diff-amount }
}
diff-amount = { $scale ->
    [percent] { $n ->
        [one] { $amount } відсотковий пункт
        [few] { $amount } відсоткові пункти
        [many] { $amount } відсоткових пунктів
       *[other] { $amount } відсоткового пункту
    }
    [other] { $amount } { $unit }
   *[none] { $amount }
}
diff-participants = учасники: { $names }
diff-parties = сторони: { $names }
diff-on-issue = щодо теми: { $issue }
diff-quote = цитата: { $text }
diff-quoted = цитовані фрагменти: { $text }
diff-conditions = умови: { $text }
diff-notes = { $a }; { $b }
diff-territory-label = { $named ->
    [yes] Контроль над територією ({ $areas }): { $controller }
   *[no] Контроль над територією ({ $areas })
}

## Звіт про покриття brief verify

verify-title = Покриття: { $title }
verify-summary = речення { $sentences }, числа { $numbers }, імена { $names }, дати { $dates }, дослівні цитати { $quotes }
verify-what = { $what ->
    [sentence] речення
    [number] число
    [name] ім'я
    [date] дата
   *[quote] цитата
}
verify-kind = { $what ->
    [sentence] Речення
    [number] Числа
    [name] Імена
    [date] Дати
   *[quote] Цитати
}
verify-kind-header = Вид
verify-covered = Покрито
verify-total = Усього
verify-not-covered-what = не покрито ({ $what }): { $text }
verify-at = { $what }, рядок { $line }, стовпець { $column }: { $text }
verify-source = Джерело { $source }: { $file }
verify-not-covered = Не покрито
verify-not-covered-lower = не покрито
verify-all-covered = Усе покрито.
verify-covered-by = покрито: { $items }
verify-legend-passage = фрагмент довідки
verify-legend-gap = речення, якого не стосується жоден фрагмент
verify-legend-miss = не враховано
