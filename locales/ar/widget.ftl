# Koban widget, Arabic.

launcher-label = مساعدة
panel-title = المساعدة
panel-close = إغلاق المساعدة
language-label = اللغة
back = رجوع
loading = جارٍ تحميل المساعدة…
retry = إعادة المحاولة
error-network = يبدو أنك غير متصل بالإنترنت. تحقق من الاتصال ثم أعد المحاولة.
error-server = حدث خطأ من جانبنا. يُرجى إعادة المحاولة بعد قليل.
fallback-text = تعذّر تحميل لوحة المساعدة. لا يزال بإمكانك التواصل معنا من هنا:

home-greeting = كيف يمكننا مساعدتك؟
search-label = البحث في المساعدة
search-placeholder = ابحث في المقالات والأدلة
search-results = { $count ->
    [zero] لا توجد نتائج
    [one] نتيجة واحدة
    [two] نتيجتان
    [few] { $count } نتائج
    [many] { $count } نتيجة
   *[other] { $count } نتيجة
}
search-no-results = لا توجد نتائج لـ «{ $query }»
search-no-results-hint = جرّب كلمات أخرى، أو اسأل أصحاب الخبرة.
search-ask-community = اسأل المجتمع
contact-support = التواصل مع الدعم
suggested-title = مقترحات لهذه الصفحة
categories-title = تصفّح حسب الموضوع
category-count = { $count ->
    [zero] لا توجد مقالات
    [one] مقالة واحدة
    [two] مقالتان
    [few] { $count } مقالات
    [many] { $count } مقالة
   *[other] { $count } مقالة
}
announcements-title = الإعلانات
channels-title = طرق أخرى للحصول على المساعدة
support-online = فريق الدعم متاح الآن
support-offline = فريق الدعم غير متاح حاليًا
support-hours = ساعات الدعم: { $open }–{ $close } بتوقيتك المحلي، { $days }

article-updated = آخر تحديث: { $date }
article-fallback = هذه المقالة غير متوفرة بلغتك بعد، لذا تُعرض بلغتها الأصلية.
article-video = شاهد الدليل المصوّر ({ $duration })
article-related = مقالات ذات صلة
article-helpful = هل كان هذا مفيدًا؟
article-yes = نعم
article-no = لا
article-thanks = شكرًا على ملاحظاتك!
article-sorry = نأسف لأن هذا لم يساعدك. يمكن لفريقنا أن يلقي نظرة.
article-not-found = تعذّر العثور على هذه المقالة.

nudge-text = { $title }؟ تعرّف على طريقة الحل
nudge-dismiss = تجاهل الاقتراح

ticket-title = التواصل مع الدعم
ticket-required-note = الحقول المميزة بعلامة * مطلوبة.
ticket-name = اسمك
ticket-email = بريدك الإلكتروني لتلقي ردّنا
ticket-category = الموضوع
ticket-subject = عنوان الرسالة
ticket-description = صِف المشكلة
ticket-choose = اختر…
ticket-preview = ما يُرسل مع رسالتك
ticket-preview-page = الصفحة
ticket-preview-language = اللغة
ticket-preview-version = إصدار الأداة
ticket-preview-browser = المتصفح
ticket-preview-context = تفاصيل الصفحة
ticket-transcript = خطوات حل المشكلة التي جرّبتها
ticket-transcript-remove = إزالة الخطوات من الرسالة
ticket-transcript-keep = تضمين الخطوات مرة أخرى
ticket-send = إرسال الرسالة
ticket-sending = جارٍ إرسال رسالتك…
ticket-discard = حذف المسودة
ticket-queued-title = تم حفظ الرسالة
ticket-queued = تم الحفظ — سيتم الإرسال عند عودة اتصالك بالإنترنت.
ticket-queued-subject = عنوان الرسالة: { $subject }
ticket-send-now = حاول الإرسال الآن
ticket-cancel = إلغاء الإرسال
ticket-sent = تم إرسال رسالتك.
ticket-sent-title = تم إرسال الرسالة
ticket-reference = الرقم المرجعي:
ticket-back = العودة إلى المساعدة
ticket-error-fields = يُرجى تصحيح الحقول المشار إليها أدناه.
ticket-error-too-fast = كان ذلك سريعًا! يُرجى مراجعة رسالتك وإرسالها مرة أخرى.
ticket-error-too-large = الرسالة كبيرة جدًا. يُرجى اختصارها.
ticket-error-rejected = تعذّر قبول رسالتك. يُرجى التواصل معنا بطريقة أخرى.
ticket-error-required = يُرجى ملء هذا الحقل.
ticket-error-too-long = يُرجى اختصار النص بحيث لا يتجاوز عدد أحرفه { $max }.
ticket-error-email = يُرجى إدخال عنوان بريد إلكتروني مثل name@example.com.
ticket-error-url = يُرجى إدخال عنوان ويب يبدأ بـ https://.
ticket-error-number = يُرجى إدخال رقم.
ticket-error-option = يُرجى اختيار أحد الخيارات.
ticket-error-invalid = يُرجى التحقق من هذا الحقل.
ticket-files = إرفاق ملفات
ticket-files-help = { $count ->
    [zero] اختياري. { $types }؛ حتى { $size } لكل ملف، { $count } ملفات كحد أقصى.
    [one] اختياري. { $types }؛ حتى { $size }، ملف واحد.
    [two] اختياري. { $types }؛ حتى { $size } لكل ملف، ملفان كحد أقصى.
    [few] اختياري. { $types }؛ حتى { $size } لكل ملف، { $count } ملفات كحد أقصى.
    [many] اختياري. { $types }؛ حتى { $size } لكل ملف، { $count } ملفًا كحد أقصى.
   *[other] اختياري. { $types }؛ حتى { $size } لكل ملف، { $count } ملف كحد أقصى.
}
ticket-files-uploading = جارٍ الرفع…
ticket-file-remove = إزالة { $name }
ticket-file-empty = الملف «{ $name }» فارغ.
ticket-file-too-large = حجم الملف «{ $name }» أكبر من { $size }.
ticket-file-type = لا يمكن إرفاق «{ $name }»: يُسمح بملفات { $types } فقط.
ticket-file-too-many = { $count ->
    [zero] لم تتم إضافة الملف «{ $name }»: لا يمكن إرفاق ملفات.
    [one] لم تتم إضافة الملف «{ $name }»: ملف واحد كحد أقصى.
    [two] لم تتم إضافة الملف «{ $name }»: ملفان كحد أقصى.
    [few] لم تتم إضافة الملف «{ $name }»: { $count } ملفات كحد أقصى.
    [many] لم تتم إضافة الملف «{ $name }»: { $count } ملفًا كحد أقصى.
   *[other] لم تتم إضافة الملف «{ $name }»: { $count } ملف كحد أقصى.
}
ticket-file-failed = تعذّر رفع «{ $name }». يُرجى إعادة المحاولة.

flow-badge = دليل
flow-step = الخطوة { $number }
flow-back = رجوع
flow-restart = البدء من جديد
flow-try-this = جرّب هذا
flow-worked = نجح ذلك
flow-not-worked = لا تزال المشكلة قائمة
flow-checking = جارٍ التحقق…
flow-continue = متابعة
flow-done = العودة إلى المساعدة
flow-resume = المتابعة من حيث توقفت
flow-not-found = تعذّر العثور على هذا الدليل.
flow-fallback = هذا الدليل غير متوفر بلغتك بعد، لذا يُعرض بلغته الأصلية.

## Conversations: "Your requests", a request's thread, the reply box and the rating.
## All of them are the desk build's (the first download hands over when requests are followed).
conversation-requests-title = طلباتك
conversation-none = ليست لديك أي طلبات بعد.
conversation-unread = { $count ->
    [zero] لا توجد ردود غير مقروءة
    [one] رد واحد غير مقروء
    [two] ردّان غير مقروءين
    [few] { $count } ردود غير مقروءة
    [many] { $count } ردًا غير مقروء
   *[other] { $count } رد غير مقروء
}
conversation-status = { $status ->
    [open] بانتظار ردّ الدعم
    [answered] تم الرد
    [solved] تم الحل
   *[closed] مغلق
}
conversation-status-changed = الحالة: { $status }
conversation-entries = المحادثة
conversation-files = الملفات المرفقة
conversation-you = أنت
conversation-support = الدعم
conversation-solve = هذا حلّ مشكلتي
conversation-reply-label = ردّك
conversation-send = إرسال الرد
conversation-sending = جارٍ إرسال ردّك…
conversation-queued = أنت غير متصل بالإنترنت. تم حفظ ردّك وسيتم إرساله عند عودة اتصالك بالإنترنت.
conversation-failed = تعذّر إرسال ردّك. يُرجى إعادة المحاولة.
conversation-rate-question = كيف كانت المساعدة التي تلقيتها؟
conversation-rate-good = جيدة
conversation-rate-bad = سيئة
conversation-rate-pick = اختر «جيدة» أو «سيئة».
conversation-rate-comment = تعليق (اختياري)
conversation-rate-send = إرسال التقييم
conversation-rate-later = ليس الآن
conversation-rate-change = تغيير تقييمك
conversation-rated-good = قيّمت المساعدة بأنها جيدة. شكرًا لك!
conversation-rated-bad = قيّمت المساعدة بأنها سيئة. شكرًا لإخبارنا.
conversation-time-seconds = الآن
conversation-time-minutes = { $count ->
    [zero] قبل { $count } دقيقة
    [one] قبل دقيقة واحدة
    [two] قبل دقيقتين
    [few] قبل { $count } دقائق
    [many] قبل { $count } دقيقة
   *[other] قبل { $count } دقيقة
}
conversation-time-hours = { $count ->
    [zero] قبل { $count } ساعة
    [one] قبل ساعة واحدة
    [two] قبل ساعتين
    [few] قبل { $count } ساعات
    [many] قبل { $count } ساعة
   *[other] قبل { $count } ساعة
}
conversation-time-days = { $count ->
    [zero] قبل { $count } يوم
    [one] أمس
    [two] قبل يومين
    [few] قبل { $count } أيام
    [many] قبل { $count } يومًا
   *[other] قبل { $count } يوم
}
conversation-time-weeks = { $count ->
    [zero] قبل { $count } أسبوع
    [one] قبل أسبوع واحد
    [two] قبل أسبوعين
    [few] قبل { $count } أسابيع
    [many] قبل { $count } أسبوعًا
   *[other] قبل { $count } أسبوع
}
conversation-time-months = { $count ->
    [zero] قبل { $count } شهر
    [one] قبل شهر واحد
    [two] قبل شهرين
    [few] قبل { $count } أشهر
    [many] قبل { $count } شهرًا
   *[other] قبل { $count } شهر
}
conversation-time-years = { $count ->
    [zero] قبل { $count } سنة
    [one] قبل سنة واحدة
    [two] قبل سنتين
    [few] قبل { $count } سنوات
    [many] قبل { $count } سنة
   *[other] قبل { $count } سنة
}
ticket-follow = متابعة هذا الطلب

## Unread badge

launcher-unread = { $count ->
    [zero] { $label }، لا توجد ردود غير مقروءة
    [one] { $label }، رد واحد غير مقروء
    [two] { $label }، ردّان غير مقروءين
    [few] { $label }، { $count } ردود غير مقروءة
    [many] { $label }، { $count } ردًا غير مقروء
   *[other] { $label }، { $count } رد غير مقروء
}
