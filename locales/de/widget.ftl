# Koban widget, German.

launcher-label = Hilfe
panel-title = Hilfe
panel-close = Hilfe schließen
language-label = Sprache
back = Zurück
loading = Hilfe wird geladen…
retry = Erneut versuchen
error-network = Du scheinst offline zu sein. Prüfe deine Verbindung und versuche es erneut.
error-server = Bei uns ist etwas schiefgelaufen. Bitte versuche es gleich noch einmal.
fallback-text = Die Hilfe konnte nicht geladen werden. Sie erreichen uns weiterhin hier:

home-greeting = Wie können wir helfen?
search-label = Hilfe durchsuchen
search-placeholder = Artikel und Anleitungen durchsuchen
search-results = { $count ->
    [one] { $count } Ergebnis
   *[other] { $count } Ergebnisse
}
search-no-results = Keine Ergebnisse für „{ $query }“
search-no-results-hint = Versuche es mit anderen Begriffen oder frag Leute, die sich auskennen.
search-ask-community = Community fragen
contact-support = Support kontaktieren
suggested-title = Vorschläge für diese Seite
categories-title = Nach Thema stöbern
category-count = { $count ->
    [one] { $count } Artikel
   *[other] { $count } Artikel
}
announcements-title = Ankündigungen
channels-title = Weitere Hilfemöglichkeiten
support-online = Der Support ist jetzt online
support-offline = Der Support ist gerade offline
support-hours = Supportzeiten: { $open }–{ $close } (deine Ortszeit), { $days }

article-updated = Aktualisiert: { $date }
article-fallback = Dieser Artikel ist noch nicht in deiner Sprache verfügbar und wird daher in der Originalsprache angezeigt.
article-video = Videoanleitung ansehen ({ $duration })
article-related = Ähnliche Artikel
article-helpful = War das hilfreich?
article-yes = Ja
article-no = Nein
article-thanks = Danke für dein Feedback!
article-sorry = Schade, dass das nicht geholfen hat. Unser Team kann sich das ansehen.
article-not-found = Dieser Artikel wurde nicht gefunden.

nudge-text = { $title }? So behebst du das Problem
nudge-dismiss = Vorschlag ausblenden

ticket-title = Support kontaktieren
ticket-required-note = Mit * markierte Felder sind Pflichtfelder.
ticket-name = Dein Name
ticket-email = E-Mail-Adresse für unsere Antwort
ticket-category = Thema
ticket-subject = Betreff
ticket-description = Beschreibe das Problem
ticket-choose = Auswählen…
ticket-preview = Was mit deiner Nachricht gesendet wird
ticket-preview-page = Seite
ticket-preview-language = Sprache
ticket-preview-version = Widget-Version
ticket-preview-browser = Browser
ticket-preview-context = Seitendetails
ticket-transcript = Deine bisherigen Schritte zur Fehlerbehebung
ticket-transcript-remove = Schritte aus der Nachricht entfernen
ticket-transcript-keep = Schritte wieder einfügen
ticket-send = Nachricht senden
ticket-sending = Deine Nachricht wird gesendet…
ticket-discard = Entwurf verwerfen
ticket-queued-title = Nachricht gespeichert
ticket-queued = Gespeichert – wird gesendet, sobald du wieder online bist.
ticket-queued-subject = Betreff: { $subject }
ticket-send-now = Jetzt senden
ticket-cancel = Senden abbrechen
ticket-sent = Deine Nachricht wurde gesendet.
ticket-sent-title = Nachricht gesendet
ticket-reference = Deine Referenznummer:
ticket-back = Zurück zur Hilfe
ticket-error-fields = Bitte korrigiere die unten markierten Felder.
ticket-error-too-fast = Das ging schnell! Bitte prüfe deine Nachricht und sende die Nachricht erneut.
ticket-error-too-large = Die Nachricht ist zu groß. Bitte kürze den Text.
ticket-error-rejected = Deine Nachricht konnte nicht angenommen werden. Bitte kontaktiere uns auf anderem Weg.
ticket-error-required = Bitte fülle dieses Feld aus.
ticket-error-too-long = Bitte kürze den Text auf höchstens { $max } Zeichen.
ticket-error-email = Bitte gib eine E-Mail-Adresse wie name@example.com ein.
ticket-error-url = Bitte gib eine Webadresse ein, die mit https:// beginnt.
ticket-error-number = Bitte gib eine Zahl ein.
ticket-error-option = Bitte wähle eine der Optionen aus.
ticket-error-invalid = Bitte prüfe dieses Feld.
ticket-files = Dateien anhängen
ticket-files-help = { $count ->
    [one] Optional. { $types }; bis zu { $size }, eine Datei.
   *[other] Optional. { $types }; bis zu { $size } pro Datei, höchstens { $count } Dateien.
}
ticket-files-uploading = Wird hochgeladen…
ticket-file-remove = { $name } entfernen
ticket-file-empty = „{ $name }“ ist leer.
ticket-file-too-large = „{ $name }“ ist größer als { $size }.
ticket-file-type = „{ $name }“ kann nicht angehängt werden: nur Dateien vom Typ { $types }.
ticket-file-too-many = { $count ->
    [one] „{ $name }“ wurde nicht hinzugefügt: höchstens eine Datei.
   *[other] „{ $name }“ wurde nicht hinzugefügt: höchstens { $count } Dateien.
}
ticket-file-failed = „{ $name }“ konnte nicht hochgeladen werden. Bitte versuche es erneut.

flow-badge = Anleitung
flow-step = Schritt { $number }
flow-back = Zurück
flow-restart = Von vorn beginnen
flow-try-this = Probier das
flow-worked = Das hat funktioniert
flow-not-worked = Funktioniert immer noch nicht
flow-checking = Wird geprüft…
flow-continue = Weiter
flow-done = Zurück zur Hilfe
flow-resume = Dort weitermachen, wo du aufgehört hast
flow-not-found = Diese Anleitung wurde nicht gefunden.
flow-fallback = Diese Anleitung ist noch nicht in deiner Sprache verfügbar und wird daher in der Originalsprache angezeigt.

## Conversations: "Your requests", a request's thread, the reply box and the rating.
## All of them are the desk build's (the first download hands over when requests are followed).
conversation-requests-title = Deine Anfragen
conversation-none = Du hast noch keine Anfragen.
conversation-unread = { $count ->
    [one] { $count } ungelesene Antwort
   *[other] { $count } ungelesene Antworten
}
conversation-status = { $status ->
    [open] Wartet auf den Support
    [answered] Beantwortet
    [solved] Gelöst
   *[closed] Geschlossen
}
conversation-status-changed = Status: { $status }
conversation-entries = Unterhaltung
conversation-files = Angehängte Dateien
conversation-you = Du
conversation-support = Support
conversation-solve = Das hat mein Problem gelöst
conversation-reply-label = Deine Antwort
conversation-send = Antwort senden
conversation-sending = Deine Antwort wird gesendet…
conversation-queued = Du bist offline. Deine Antwort ist gespeichert und wird gesendet, sobald du wieder online bist.
conversation-failed = Deine Antwort konnte nicht gesendet werden. Bitte versuche es erneut.
conversation-rate-question = Wie war die Hilfe, die du bekommen hast?
conversation-rate-good = Gut
conversation-rate-bad = Schlecht
conversation-rate-pick = Wähle „Gut“ oder „Schlecht“.
conversation-rate-comment = Kommentar (optional)
conversation-rate-send = Bewertung senden
conversation-rate-later = Nicht jetzt
conversation-rate-change = Bewertung ändern
conversation-rated-good = Du hast die Hilfe als gut bewertet. Danke!
conversation-rated-bad = Du hast die Hilfe als schlecht bewertet. Danke für deine Rückmeldung.
conversation-time-seconds = gerade eben
conversation-time-minutes = { $count ->
    [one] vor { $count } Minute
   *[other] vor { $count } Minuten
}
conversation-time-hours = { $count ->
    [one] vor { $count } Stunde
   *[other] vor { $count } Stunden
}
conversation-time-days = { $count ->
    [one] gestern
   *[other] vor { $count } Tagen
}
conversation-time-weeks = { $count ->
    [one] vor { $count } Woche
   *[other] vor { $count } Wochen
}
conversation-time-months = { $count ->
    [one] vor { $count } Monat
   *[other] vor { $count } Monaten
}
conversation-time-years = { $count ->
    [one] vor { $count } Jahr
   *[other] vor { $count } Jahren
}
ticket-follow = Diese Anfrage verfolgen

## Unread badge

launcher-unread = { $count ->
    [one] { $label }, { $count } ungelesene Antwort
   *[other] { $label }, { $count } ungelesene Antworten
}
