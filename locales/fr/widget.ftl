# Koban widget, French.

launcher-label = Aide
panel-title = Aide
panel-close = Fermer l’aide
language-label = Langue
back = Retour
loading = Chargement de l’aide…
retry = Réessayer
error-network = Vous semblez être hors ligne. Vérifiez votre connexion et réessayez.
error-server = Un problème est survenu de notre côté. Veuillez réessayer dans un instant.
fallback-text = Le panneau d’aide n’a pas pu se charger. Vous pouvez toujours nous joindre ici :

home-greeting = Comment pouvons-nous vous aider ?
search-label = Rechercher dans l’aide
search-placeholder = Rechercher des articles et des guides
search-results = { $count ->
    [one] { $count } résultat
   *[other] { $count } résultats
}
search-no-results = Aucun résultat pour « { $query } »
search-no-results-hint = Essayez d’autres mots ou demandez à ceux qui s’y connaissent.
search-ask-community = Demander à la communauté
contact-support = Contacter l’assistance
suggested-title = Suggestions pour cette page
categories-title = Parcourir par thème
category-count = { $count ->
    [one] { $count } article
   *[other] { $count } articles
}
announcements-title = Annonces
channels-title = Autres moyens d’obtenir de l’aide
support-online = L’assistance est disponible
support-offline = L’assistance est indisponible pour le moment
support-hours = Horaires de l’assistance : { $days }, de { $open } à { $close } (heure locale)

article-updated = Mis à jour : { $date }
article-fallback = Cet article n’est pas encore disponible dans votre langue ; il est donc affiché dans sa langue d’origine.
article-video = Regarder le guide vidéo ({ $duration })
article-related = Articles associés
article-helpful = Cet article vous a-t-il été utile ?
article-yes = Oui
article-no = Non
article-thanks = Merci pour votre retour !
article-sorry = Désolés que cela ne vous ait pas aidé. Notre équipe peut y jeter un œil.
article-not-found = Cet article est introuvable.

nudge-text = { $title } ? Découvrez comment résoudre le problème
nudge-dismiss = Ignorer la suggestion

ticket-title = Contacter l’assistance
ticket-required-note = Les champs marqués d’un * sont obligatoires.
ticket-name = Votre nom
ticket-email = Adresse e-mail pour notre réponse
ticket-category = Thème
ticket-subject = Objet
ticket-description = Décrivez le problème
ticket-choose = Choisir…
ticket-preview = Ce qui est envoyé avec votre message
ticket-preview-page = Page
ticket-preview-language = Langue
ticket-preview-version = Version du widget
ticket-preview-browser = Navigateur
ticket-preview-context = Détails de la page
ticket-transcript = Étapes de dépannage que vous avez suivies
ticket-transcript-remove = Retirer les étapes du message
ticket-transcript-keep = Inclure à nouveau les étapes
ticket-send = Envoyer le message
ticket-sending = Envoi de votre message…
ticket-discard = Supprimer le brouillon
ticket-queued-title = Message enregistré
ticket-queued = Enregistré. Il sera envoyé dès que vous serez de nouveau en ligne.
ticket-queued-subject = Objet : { $subject }
ticket-send-now = Essayer d’envoyer maintenant
ticket-cancel = Annuler l’envoi
ticket-sent = Votre message a été envoyé.
ticket-sent-title = Message envoyé
ticket-reference = Votre référence :
ticket-back = Retour à l’aide
ticket-error-fields = Veuillez corriger les champs signalés ci-dessous.
ticket-error-too-fast = C’était rapide ! Vérifiez votre message, puis renvoyez-le.
ticket-error-too-large = Le message est trop volumineux. Veuillez le raccourcir.
ticket-error-rejected = Votre message n’a pas pu être accepté. Veuillez nous contacter par un autre moyen.
ticket-error-required = Veuillez remplir ce champ.
ticket-error-too-long = Veuillez raccourcir ce texte à { $max } caractères maximum.
ticket-error-email = Veuillez saisir une adresse e-mail du type name@example.com.
ticket-error-url = Veuillez saisir une adresse web commençant par https://.
ticket-error-number = Veuillez saisir un nombre.
ticket-error-option = Veuillez choisir l’une des options.
ticket-error-invalid = Veuillez vérifier ce champ.
ticket-files = Joindre des fichiers
ticket-files-help = { $count ->
    [one] Facultatif. { $types } ; { $size } maximum, un seul fichier.
   *[other] Facultatif. { $types } ; { $size } maximum par fichier, { $count } fichiers au plus.
}
ticket-files-uploading = Importation…
ticket-file-remove = Retirer { $name }
ticket-file-empty = « { $name } » est vide.
ticket-file-too-large = « { $name } » dépasse { $size }.
ticket-file-type = Impossible de joindre « { $name } » : seuls les fichiers { $types } sont acceptés.
ticket-file-too-many = { $count ->
    [one] « { $name } » n’a pas été ajouté : un seul fichier autorisé.
   *[other] « { $name } » n’a pas été ajouté : { $count } fichiers maximum.
}
ticket-file-failed = Impossible d’importer « { $name } ». Veuillez réessayer.

flow-badge = Guide
flow-step = Étape { $number }
flow-back = Retour
flow-restart = Recommencer
flow-try-this = Essayez ceci
flow-worked = Ça a fonctionné
flow-not-worked = Ça ne fonctionne toujours pas
flow-checking = Vérification…
flow-continue = Continuer
flow-done = Retour à l’aide
flow-resume = Reprendre là où vous vous étiez arrêté
flow-not-found = Ce guide est introuvable.
flow-fallback = Ce guide n’est pas encore disponible dans votre langue ; il est donc affiché dans sa langue d’origine.

## Conversations: "Your requests", a request's thread, the reply box and the rating.
## All of them are the desk build's (the first download hands over when requests are followed).
conversation-requests-title = Vos demandes
conversation-none = Vous n’avez encore aucune demande.
conversation-unread = { $count ->
    [one] { $count } réponse non lue
   *[other] { $count } réponses non lues
}
conversation-status = { $status ->
    [open] En attente de l’assistance
    [answered] Réponse reçue
    [solved] Résolue
   *[closed] Fermée
}
conversation-status-changed = Statut : { $status }
conversation-entries = Conversation
conversation-files = Fichiers joints
conversation-you = Vous
conversation-support = Assistance
conversation-solve = Cela a résolu mon problème
conversation-reply-label = Votre réponse
conversation-send = Envoyer la réponse
conversation-sending = Envoi de votre réponse…
conversation-queued = Vous êtes hors ligne. Votre réponse est enregistrée et sera envoyée dès que vous serez de nouveau en ligne.
conversation-failed = Votre réponse n’a pas pu être envoyée. Veuillez réessayer.
conversation-rate-question = Comment avez-vous trouvé l’aide reçue ?
conversation-rate-good = Bonne
conversation-rate-bad = Mauvaise
conversation-rate-pick = Choisissez « Bonne » ou « Mauvaise ».
conversation-rate-comment = Commentaire (facultatif)
conversation-rate-send = Envoyer l’évaluation
conversation-rate-later = Pas maintenant
conversation-rate-change = Modifier votre évaluation
conversation-rated-good = Vous avez jugé l’aide bonne. Merci !
conversation-rated-bad = Vous avez jugé l’aide mauvaise. Merci de nous l’avoir signalé.
conversation-time-seconds = à l’instant
conversation-time-minutes = { $count ->
    [one] il y a { $count } minute
   *[other] il y a { $count } minutes
}
conversation-time-hours = { $count ->
    [one] il y a { $count } heure
   *[other] il y a { $count } heures
}
conversation-time-days = { $count ->
    [one] hier
   *[other] il y a { $count } jours
}
conversation-time-weeks = { $count ->
    [one] il y a { $count } semaine
   *[other] il y a { $count } semaines
}
conversation-time-months = { $count ->
    [one] il y a { $count } mois
   *[other] il y a { $count } mois
}
conversation-time-years = { $count ->
    [one] il y a { $count } an
   *[other] il y a { $count } ans
}
ticket-follow = Suivre cette demande

## Unread badge

launcher-unread = { $count ->
    [one] { $label }, { $count } réponse non lue
   *[other] { $label }, { $count } réponses non lues
}
