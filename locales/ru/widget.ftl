# Koban widget, Russian.

launcher-label = Помощь
panel-title = Помощь
panel-close = Закрыть панель помощи
language-label = Язык
back = Назад
loading = Загрузка справки…
retry = Повторить
error-network = Похоже, вы не в сети. Проверьте подключение и попробуйте снова.
error-server = Что-то пошло не так на нашей стороне. Попробуйте ещё раз чуть позже.
fallback-text = Не удалось загрузить панель помощи. Вы можете связаться с нами здесь:

home-greeting = Чем мы можем помочь?
search-label = Поиск по справке
search-placeholder = Поиск статей и руководств
search-results = { $count ->
    [one] { $count } результат
    [few] { $count } результата
    [many] { $count } результатов
   *[other] { $count } результата
}
search-no-results = По запросу «{ $query }» ничего не найдено
search-no-results-hint = Попробуйте другие слова или спросите тех, кто разбирается.
search-ask-community = Спросить сообщество
contact-support = Связаться с поддержкой
suggested-title = Рекомендации для этой страницы
categories-title = Обзор по темам
category-count = { $count ->
    [one] { $count } статья
    [few] { $count } статьи
    [many] { $count } статей
   *[other] { $count } статьи
}
announcements-title = Объявления
channels-title = Другие способы получить помощь
support-online = Поддержка сейчас на связи
support-offline = Поддержка сейчас не на связи
support-hours = Часы работы поддержки: { $open }–{ $close } по вашему времени, { $days }

article-updated = Обновлено { $date }
article-fallback = Эта статья пока недоступна на вашем языке, поэтому показана на языке оригинала.
article-video = Смотреть видеоинструкцию ({ $duration })
article-related = Похожие статьи
article-helpful = Это было полезно?
article-yes = Да
article-no = Нет
article-thanks = Спасибо за отзыв!
article-sorry = Жаль, что это не помогло. Наша команда может разобраться.
article-not-found = Статья не найдена.

nudge-text = { $title }? Узнайте, как это исправить
nudge-dismiss = Скрыть подсказку

ticket-title = Связаться с поддержкой
ticket-required-note = Поля, отмеченные *, обязательны для заполнения.
ticket-name = Имя
ticket-email = Адрес электронной почты для ответа
ticket-category = Категория
ticket-subject = Тема
ticket-description = Опишите проблему
ticket-choose = Выберите…
ticket-preview = Что будет отправлено вместе с сообщением
ticket-preview-page = Страница
ticket-preview-language = Язык
ticket-preview-version = Версия виджета
ticket-preview-browser = Браузер
ticket-preview-context = Сведения о странице
ticket-transcript = Шаги, которые вы уже выполнили
ticket-transcript-remove = Убрать шаги из сообщения
ticket-transcript-keep = Снова добавить шаги
ticket-send = Отправить сообщение
ticket-sending = Отправляем сообщение…
ticket-discard = Удалить черновик
ticket-queued-title = Сообщение сохранено
ticket-queued = Сохранено — отправим, как только вы снова будете в сети.
ticket-queued-subject = Тема: { $subject }
ticket-send-now = Попробовать отправить сейчас
ticket-cancel = Отменить отправку
ticket-sent = Сообщение отправлено.
ticket-sent-title = Сообщение отправлено
ticket-reference = Номер обращения:
ticket-back = Вернуться к справке
ticket-error-fields = Исправьте поля, отмеченные ниже.
ticket-error-too-fast = Слишком быстро! Проверьте сообщение и отправьте его ещё раз.
ticket-error-too-large = Сообщение слишком большое. Сократите его.
ticket-error-rejected = Не удалось принять сообщение. Свяжитесь с нами другим способом.
ticket-error-required = Заполните это поле.
ticket-error-too-long = Сократите текст. Максимум символов: { $max }.
ticket-error-email = Введите адрес электронной почты в формате name@example.com.
ticket-error-url = Введите веб-адрес, который начинается с https://.
ticket-error-number = Введите число.
ticket-error-option = Выберите один из вариантов.
ticket-error-invalid = Проверьте это поле.
ticket-files = Прикрепить файлы
ticket-files-help = { $count ->
    [one] Необязательно. { $types }; до { $size } на файл, не более { $count } файла.
    [few] Необязательно. { $types }; до { $size } на файл, не более { $count } файлов.
    [many] Необязательно. { $types }; до { $size } на файл, не более { $count } файлов.
   *[other] Необязательно. { $types }; до { $size } на файл, не более { $count } файла.
}
ticket-files-uploading = Загрузка…
ticket-file-remove = Удалить { $name }
ticket-file-empty = Файл «{ $name }» пуст.
ticket-file-too-large = Файл «{ $name }» больше { $size }.
ticket-file-type = Файл «{ $name }» нельзя прикрепить: допускаются только файлы { $types }.
ticket-file-too-many = { $count ->
    [one] Файл «{ $name }» не добавлен: можно не более { $count } файла.
    [few] Файл «{ $name }» не добавлен: можно не более { $count } файлов.
    [many] Файл «{ $name }» не добавлен: можно не более { $count } файлов.
   *[other] Файл «{ $name }» не добавлен: можно не более { $count } файла.
}
ticket-file-failed = Не удалось загрузить файл «{ $name }». Попробуйте ещё раз.

flow-badge = Руководство
flow-step = Шаг { $number }
flow-back = Назад
flow-restart = Начать заново
flow-try-this = Попробуйте это
flow-worked = Помогло
flow-not-worked = Всё ещё не работает
flow-checking = Проверяем…
flow-continue = Продолжить
flow-done = Вернуться к справке
flow-resume = Продолжить с того места, где вы остановились
flow-not-found = Руководство не найдено.
flow-fallback = Это руководство пока недоступно на вашем языке, поэтому показано на языке оригинала.

## Conversations: "Your requests", a request's thread, the reply box and the rating.
## All of them are the desk build's (the first download hands over when requests are followed).
conversation-requests-title = Ваши обращения
conversation-none = У вас пока нет обращений.
conversation-unread = { $count ->
    [one] { $count } непрочитанный ответ
    [few] { $count } непрочитанных ответа
    [many] { $count } непрочитанных ответов
   *[other] { $count } непрочитанного ответа
}
conversation-status = { $status ->
    [open] Ожидает ответа поддержки
    [answered] Получен ответ
    [solved] Решено
   *[closed] Закрыто
}
conversation-status-changed = Статус: { $status }
conversation-entries = Переписка
conversation-files = Прикреплённые файлы
conversation-you = Вы
conversation-support = Поддержка
conversation-solve = Это решило мою проблему
conversation-reply-label = Ваш ответ
conversation-send = Отправить ответ
conversation-sending = Отправляем ответ…
conversation-queued = Вы не в сети. Ответ сохранён и будет отправлен, как только вы снова будете в сети.
conversation-failed = Не удалось отправить ответ. Попробуйте ещё раз.
conversation-rate-question = Как вы оцениваете полученную помощь?
conversation-rate-good = Хорошо
conversation-rate-bad = Плохо
conversation-rate-pick = Выберите «Хорошо» или «Плохо».
conversation-rate-comment = Комментарий (необязательно)
conversation-rate-send = Отправить оценку
conversation-rate-later = Не сейчас
conversation-rate-change = Изменить оценку
conversation-rated-good = Вы оценили помощь как хорошую. Спасибо!
conversation-rated-bad = Вы оценили помощь как плохую. Спасибо, что сообщили нам.
conversation-time-seconds = только что
conversation-time-minutes = { $count ->
    [one] { $count } минуту назад
    [few] { $count } минуты назад
    [many] { $count } минут назад
   *[other] { $count } минуты назад
}
conversation-time-hours = { $count ->
    [one] { $count } час назад
    [few] { $count } часа назад
    [many] { $count } часов назад
   *[other] { $count } часа назад
}
conversation-time-days = { $count ->
    [one] вчера
    [few] { $count } дня назад
    [many] { $count } дней назад
   *[other] { $count } дня назад
}
conversation-time-weeks = { $count ->
    [one] { $count } неделю назад
    [few] { $count } недели назад
    [many] { $count } недель назад
   *[other] { $count } недели назад
}
conversation-time-months = { $count ->
    [one] { $count } месяц назад
    [few] { $count } месяца назад
    [many] { $count } месяцев назад
   *[other] { $count } месяца назад
}
conversation-time-years = { $count ->
    [one] { $count } год назад
    [few] { $count } года назад
    [many] { $count } лет назад
   *[other] { $count } года назад
}
ticket-follow = Следить за обращением

## Unread badge

launcher-unread = { $count ->
    [one] { $label }, { $count } непрочитанный ответ
    [few] { $label }, { $count } непрочитанных ответа
    [many] { $label }, { $count } непрочитанных ответов
   *[other] { $label }, { $count } непрочитанного ответа
}
