# Koban widget, Spanish.

launcher-label = Ayuda
panel-title = Ayuda
panel-close = Cerrar ayuda
language-label = Idioma
back = Atrás
loading = Cargando ayuda…
retry = Volver a intentarlo
error-network = Parece que no tienes conexión. Revísala y vuelve a intentarlo.
error-server = Algo salió mal por nuestra parte. Vuelve a intentarlo en un momento.
fallback-text = No se pudo cargar el panel de ayuda. Puedes contactarnos aquí:

home-greeting = ¿Cómo podemos ayudarte?
search-label = Buscar en la ayuda
search-placeholder = Buscar artículos y guías
search-results = { $count ->
    [one] { $count } resultado
   *[other] { $count } resultados
}
search-no-results = No hay resultados para “{ $query }”
search-no-results-hint = Prueba con otras palabras o pregunta a quienes saben.
search-ask-community = Preguntar a la comunidad
contact-support = Escribir a soporte
suggested-title = Sugerencias para esta página
categories-title = Explorar por tema
category-count = { $count ->
    [one] { $count } artículo
   *[other] { $count } artículos
}
announcements-title = Anuncios
channels-title = Otras formas de obtener ayuda
support-online = El soporte está disponible ahora
support-offline = El soporte no está disponible en este momento
support-hours = Horario de soporte: { $days }, de { $open } a { $close } (tu hora local)

article-updated = Actualizado: { $date }
article-fallback = Este artículo aún no está disponible en tu idioma, así que se muestra en el idioma original.
article-video = Ver la guía en video ({ $duration })
article-related = Artículos relacionados
article-helpful = ¿Te resultó útil?
article-yes = Sí
article-no = No
article-thanks = ¡Gracias por tus comentarios!
article-sorry = Lamentamos que no te haya servido. Nuestro equipo puede revisarlo.
article-not-found = No se encontró este artículo.

nudge-text = ¿{ $title }? Descubre cómo solucionarlo
nudge-dismiss = Descartar sugerencia

ticket-title = Escribir a soporte
ticket-required-note = Los campos marcados con * son obligatorios.
ticket-name = Tu nombre
ticket-email = Correo electrónico para responderte
ticket-category = Tema
ticket-subject = Asunto
ticket-description = Describe el problema
ticket-choose = Elige…
ticket-preview = Qué se envía con tu mensaje
ticket-preview-page = Página
ticket-preview-language = Idioma
ticket-preview-version = Versión del widget
ticket-preview-browser = Navegador
ticket-preview-context = Detalles de la página
ticket-transcript = Pasos de solución que seguiste
ticket-transcript-remove = Quitar los pasos del mensaje
ticket-transcript-keep = Volver a incluir los pasos
ticket-send = Enviar mensaje
ticket-sending = Enviando tu mensaje…
ticket-discard = Descartar borrador
ticket-queued-title = Mensaje guardado
ticket-queued = Guardado. Se enviará cuando vuelvas a estar en línea.
ticket-queued-subject = Asunto: { $subject }
ticket-send-now = Intentar enviar ahora
ticket-cancel = Cancelar envío
ticket-sent = Tu mensaje se envió.
ticket-sent-title = Mensaje enviado
ticket-reference = Tu referencia:
ticket-back = Volver a la ayuda
ticket-error-fields = Corrige los campos marcados abajo.
ticket-error-too-fast = ¡Qué rapidez! Revisa tu mensaje y vuelve a enviarlo.
ticket-error-too-large = El mensaje es demasiado grande. Acórtalo.
ticket-error-rejected = No pudimos aceptar tu mensaje. Contáctanos por otra vía.
ticket-error-required = Completa este campo.
ticket-error-too-long = Acórtalo a { $max } caracteres como máximo.
ticket-error-email = Escribe un correo electrónico como name@example.com.
ticket-error-url = Escribe una dirección web que empiece con https://.
ticket-error-number = Escribe un número.
ticket-error-option = Elige una de las opciones.
ticket-error-invalid = Revisa este campo.
ticket-files = Adjuntar archivos
ticket-files-help = { $count ->
    [one] Opcional. { $types }; hasta { $size }, un solo archivo.
   *[other] Opcional. { $types }; hasta { $size } cada uno, { $count } archivos como máximo.
}
ticket-files-uploading = Subiendo…
ticket-file-remove = Quitar { $name }
ticket-file-empty = “{ $name }” está vacío.
ticket-file-too-large = “{ $name }” pesa más de { $size }.
ticket-file-type = No se puede adjuntar “{ $name }”: solo se admiten archivos { $types }.
ticket-file-too-many = { $count ->
    [one] No se adjuntó “{ $name }”: un archivo como máximo.
   *[other] No se adjuntó “{ $name }”: { $count } archivos como máximo.
}
ticket-file-failed = No se pudo subir “{ $name }”. Vuelve a intentarlo.

flow-badge = Guía
flow-step = Paso { $number }
flow-back = Atrás
flow-restart = Empezar de nuevo
flow-try-this = Prueba esto
flow-worked = Funcionó
flow-not-worked = Sigue sin funcionar
flow-checking = Verificando…
flow-continue = Continuar
flow-done = Volver a la ayuda
flow-resume = Continuar donde lo dejaste
flow-not-found = No se encontró esta guía.
flow-fallback = Esta guía aún no está disponible en tu idioma, así que se muestra en el idioma original.

## Conversations: "Your requests", a request's thread, the reply box and the rating.
## All of them are the desk build's (the first download hands over when requests are followed).
conversation-requests-title = Tus solicitudes
conversation-none = Aún no tienes solicitudes.
conversation-unread = { $count ->
    [one] { $count } respuesta sin leer
   *[other] { $count } respuestas sin leer
}
conversation-status = { $status ->
    [open] Esperando respuesta de soporte
    [answered] Respondida
    [solved] Resuelta
   *[closed] Cerrada
}
conversation-status-changed = Estado: { $status }
conversation-entries = Conversación
conversation-files = Archivos adjuntos
conversation-you = Tú
conversation-support = Soporte
conversation-solve = Esto resolvió mi problema
conversation-reply-label = Tu respuesta
conversation-send = Enviar respuesta
conversation-sending = Enviando tu respuesta…
conversation-queued = No tienes conexión. Tu respuesta se guardó y se enviará cuando vuelvas a estar en línea.
conversation-failed = No se pudo enviar tu respuesta. Vuelve a intentarlo.
conversation-rate-question = ¿Qué te pareció la ayuda que recibiste?
conversation-rate-good = Buena
conversation-rate-bad = Mala
conversation-rate-pick = Elige “Buena” o “Mala”.
conversation-rate-comment = Comentario (opcional)
conversation-rate-send = Enviar valoración
conversation-rate-later = Ahora no
conversation-rate-change = Cambiar tu valoración
conversation-rated-good = Valoraste la ayuda como buena. ¡Gracias!
conversation-rated-bad = Valoraste la ayuda como mala. Gracias por contárnoslo.
conversation-time-seconds = hace un momento
conversation-time-minutes = { $count ->
    [one] hace { $count } minuto
   *[other] hace { $count } minutos
}
conversation-time-hours = { $count ->
    [one] hace { $count } hora
   *[other] hace { $count } horas
}
conversation-time-days = { $count ->
    [one] ayer
   *[other] hace { $count } días
}
conversation-time-weeks = { $count ->
    [one] hace { $count } semana
   *[other] hace { $count } semanas
}
conversation-time-months = { $count ->
    [one] hace { $count } mes
   *[other] hace { $count } meses
}
conversation-time-years = { $count ->
    [one] hace { $count } año
   *[other] hace { $count } años
}
ticket-follow = Seguir esta solicitud

## Unread badge

launcher-unread = { $count ->
    [one] { $label }, { $count } respuesta sin leer
   *[other] { $label }, { $count } respuestas sin leer
}
