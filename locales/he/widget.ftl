# Koban widget, Hebrew.

launcher-label = עזרה
panel-title = עזרה
panel-close = סגירת העזרה
language-label = שפה
back = חזרה
loading = העזרה נטענת…
retry = ניסיון נוסף
error-network = נראה שאין חיבור לאינטרנט. יש לבדוק את החיבור ולנסות שוב.
error-server = משהו השתבש אצלנו. אפשר לנסות שוב בעוד רגע.
fallback-text = לא ניתן היה לטעון את חלונית העזרה. עדיין אפשר לפנות אלינו כאן:

home-greeting = איך אפשר לעזור?
search-label = חיפוש בעזרה
search-placeholder = חיפוש במאמרים ובמדריכים
search-results = { $count ->
    [one] תוצאה אחת
    [two] שתי תוצאות
   *[other] { $count } תוצאות
}
search-no-results = אין תוצאות עבור "{ $query }"
search-no-results-hint = אפשר לנסות מילים אחרות, או לשאול אנשים שמכירים את הנושא.
search-ask-community = לשאול את הקהילה
contact-support = פנייה לתמיכה
suggested-title = הצעות לדף הזה
categories-title = עיון לפי נושא
category-count = { $count ->
    [one] מאמר אחד
    [two] שני מאמרים
   *[other] { $count } מאמרים
}
announcements-title = הודעות
channels-title = דרכים נוספות לקבלת עזרה
support-online = התמיכה זמינה עכשיו
support-offline = התמיכה לא זמינה כרגע
support-hours = שעות התמיכה: { $open }–{ $close } לפי השעה המקומית, { $days }

article-updated = עודכן: { $date }
article-fallback = המאמר הזה עדיין לא זמין בשפה שלך, ולכן הוא מוצג בשפת המקור.
article-video = צפייה במדריך הווידאו ({ $duration })
article-related = מאמרים קשורים
article-helpful = המידע הזה עזר?
article-yes = כן
article-no = לא
article-thanks = תודה על המשוב!
article-sorry = מצטערים שזה לא עזר. הצוות שלנו יכול לבדוק את זה.
article-not-found = המאמר לא נמצא.

nudge-text = { $title }? כך פותרים את זה
nudge-dismiss = סגירת ההצעה

ticket-title = פנייה לתמיכה
ticket-required-note = שדות המסומנים ב-* הם שדות חובה.
ticket-name = השם שלך
ticket-email = כתובת אימייל לתשובה שלנו
ticket-category = נושא
ticket-subject = כותרת
ticket-description = תיאור הבעיה
ticket-choose = בחירה…
ticket-preview = מה נשלח יחד עם ההודעה שלך
ticket-preview-page = דף
ticket-preview-language = שפה
ticket-preview-version = גרסת הווידג׳ט
ticket-preview-browser = דפדפן
ticket-preview-context = פרטי הדף
ticket-transcript = שלבי פתרון הבעיות שביצעת
ticket-transcript-remove = הסרת השלבים מההודעה
ticket-transcript-keep = הוספת השלבים בחזרה
ticket-send = שליחת ההודעה
ticket-sending = ההודעה נשלחת…
ticket-discard = מחיקת הטיוטה
ticket-queued-title = ההודעה נשמרה
ticket-queued = נשמר — יישלח כשהחיבור לאינטרנט יחזור.
ticket-queued-subject = כותרת: { $subject }
ticket-send-now = לנסות לשלוח עכשיו
ticket-cancel = ביטול השליחה
ticket-sent = ההודעה שלך נשלחה.
ticket-sent-title = ההודעה נשלחה
ticket-reference = מספר הפנייה שלך:
ticket-back = חזרה לעזרה
ticket-error-fields = יש לתקן את השדות המסומנים למטה.
ticket-error-too-fast = זה היה מהיר! כדאי לבדוק את ההודעה ולשלוח אותה שוב.
ticket-error-too-large = ההודעה גדולה מדי. יש לקצר אותה.
ticket-error-rejected = לא ניתן לקבל את ההודעה שלך. אפשר לפנות אלינו בדרך אחרת.
ticket-error-required = יש למלא את השדה הזה.
ticket-error-too-long = יש לקצר ל-{ $max } תווים לכל היותר.
ticket-error-email = יש להזין כתובת אימייל, למשל name@example.com.
ticket-error-url = יש להזין כתובת אתר שמתחילה ב-https://.
ticket-error-number = יש להזין מספר.
ticket-error-option = יש לבחור אחת מהאפשרויות.
ticket-error-invalid = יש לבדוק את השדה הזה.
ticket-files = צירוף קבצים
ticket-files-help = { $count ->
    [one] לא חובה. { $types }; עד { $size }, קובץ אחד.
    [two] לא חובה. { $types }; עד { $size } לכל קובץ, עד שני קבצים.
   *[other] לא חובה. { $types }; עד { $size } לכל קובץ, עד { $count } קבצים.
}
ticket-files-uploading = מתבצעת העלאה…
ticket-file-remove = הסרת { $name }
ticket-file-empty = הקובץ "{ $name }" ריק.
ticket-file-too-large = הקובץ "{ $name }" גדול מ-{ $size }.
ticket-file-type = לא ניתן לצרף את "{ $name }": רק קובצי { $types }.
ticket-file-too-many = { $count ->
    [one] הקובץ "{ $name }" לא נוסף: אפשר לצרף קובץ אחד לכל היותר.
    [two] הקובץ "{ $name }" לא נוסף: אפשר לצרף עד שני קבצים.
   *[other] הקובץ "{ $name }" לא נוסף: אפשר לצרף עד { $count } קבצים.
}
ticket-file-failed = ההעלאה של "{ $name }" נכשלה. יש לנסות שוב.

flow-badge = מדריך
flow-step = שלב { $number }
flow-back = חזרה
flow-restart = התחלה מחדש
flow-try-this = אפשר לנסות את זה
flow-worked = זה עבד
flow-not-worked = עדיין לא עובד
flow-checking = בבדיקה…
flow-continue = המשך
flow-done = חזרה לעזרה
flow-resume = המשך מהמקום שבו הפסקת
flow-not-found = המדריך לא נמצא.
flow-fallback = המדריך הזה עדיין לא זמין בשפה שלך, ולכן הוא מוצג בשפת המקור.

## Conversations: "Your requests", a request's thread, the reply box and the rating.
## All of them are the desk build's (the first download hands over when requests are followed).
conversation-requests-title = הפניות שלך
conversation-none = עדיין אין לך פניות.
conversation-unread = { $count ->
    [one] תשובה אחת שלא נקראה
    [two] שתי תשובות שלא נקראו
   *[other] { $count } תשובות שלא נקראו
}
conversation-status = { $status ->
    [open] ממתינה לתשובה מהתמיכה
    [answered] נענתה
    [solved] נפתרה
   *[closed] סגורה
}
conversation-status-changed = סטטוס: { $status }
conversation-entries = השיחה
conversation-files = קבצים מצורפים
conversation-you = את/ה
conversation-support = תמיכה
conversation-solve = זה פתר את הבעיה שלי
conversation-reply-label = התשובה שלך
conversation-send = שליחת התשובה
conversation-sending = התשובה נשלחת…
conversation-queued = אין חיבור לאינטרנט. התשובה שלך נשמרה ותישלח כשהחיבור יחזור.
conversation-failed = לא ניתן היה לשלוח את התשובה שלך. יש לנסות שוב.
conversation-rate-question = איך הייתה העזרה שקיבלת?
conversation-rate-good = טובה
conversation-rate-bad = לא טובה
conversation-rate-pick = יש לבחור "טובה" או "לא טובה".
conversation-rate-comment = הערה (לא חובה)
conversation-rate-send = שליחת הדירוג
conversation-rate-later = לא עכשיו
conversation-rate-change = שינוי הדירוג
conversation-rated-good = דירגת את העזרה כטובה. תודה!
conversation-rated-bad = דירגת את העזרה כלא טובה. תודה שסיפרת לנו.
conversation-time-seconds = ממש עכשיו
conversation-time-minutes = { $count ->
    [one] לפני דקה
    [two] לפני שתי דקות
   *[other] לפני { $count } דקות
}
conversation-time-hours = { $count ->
    [one] לפני שעה
    [two] לפני שעתיים
   *[other] לפני { $count } שעות
}
conversation-time-days = { $count ->
    [one] אתמול
    [two] לפני יומיים
   *[other] לפני { $count } ימים
}
conversation-time-weeks = { $count ->
    [one] לפני שבוע
    [two] לפני שבועיים
   *[other] לפני { $count } שבועות
}
conversation-time-months = { $count ->
    [one] לפני חודש
    [two] לפני חודשיים
   *[other] לפני { $count } חודשים
}
conversation-time-years = { $count ->
    [one] לפני שנה
    [two] לפני שנתיים
   *[other] לפני { $count } שנים
}
ticket-follow = מעקב אחרי הפנייה הזו

## Unread badge

launcher-unread = { $count ->
    [one] { $label }, תשובה אחת שלא נקראה
    [two] { $label }, שתי תשובות שלא נקראו
   *[other] { $label }, { $count } תשובות שלא נקראו
}
