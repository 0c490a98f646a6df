# Koban widget, Portuguese (Brazil).

launcher-label = Ajuda
panel-title = Ajuda
panel-close = Fechar ajuda
language-label = Idioma
back = Voltar
loading = Carregando ajuda…
retry = Tentar novamente
error-network = Parece que você está offline. Verifique sua conexão e tente novamente.
error-server = Algo deu errado do nosso lado. Tente novamente em instantes.
fallback-text = Não foi possível carregar o painel de ajuda. Você ainda pode falar conosco por aqui:

home-greeting = Como podemos ajudar?
search-label = Pesquisar na ajuda
search-placeholder = Pesquisar artigos e guias
search-results = { $count ->
    [one] { $count } resultado
   *[other] { $count } resultados
}
search-no-results = Nenhum resultado para “{ $query }”
search-no-results-hint = Tente outras palavras ou pergunte a quem entende do assunto.
search-ask-community = Perguntar à comunidade
contact-support = Falar com o suporte
suggested-title = Sugestões para esta página
categories-title = Explorar por tema
category-count = { $count ->
    [one] { $count } artigo
   *[other] { $count } artigos
}
announcements-title = Comunicados
channels-title = Outras formas de obter ajuda
support-online = O suporte está online agora
support-offline = O suporte está offline no momento
support-hours = Horário de atendimento: { $open }–{ $close } (no seu horário local), { $days }

article-updated = Atualizado em { $date }
article-fallback = Este artigo ainda não está disponível no seu idioma, por isso é exibido no idioma original.
article-video = Assistir ao guia em vídeo ({ $duration })
article-related = Artigos relacionados
article-helpful = Isso foi útil?
article-yes = Sim
article-no = Não
article-thanks = Agradecemos seu feedback!
article-sorry = Que pena que isso não ajudou. Nossa equipe pode dar uma olhada.
article-not-found = Não foi possível encontrar este artigo.

nudge-text = { $title }? Veja como resolver
nudge-dismiss = Dispensar sugestão

ticket-title = Falar com o suporte
ticket-required-note = Os campos marcados com * são obrigatórios.
ticket-name = Seu nome
ticket-email = E-mail para nossa resposta
ticket-category = Tópico
ticket-subject = Assunto
ticket-description = Descreva o problema
ticket-choose = Selecione…
ticket-preview = O que é enviado com sua mensagem
ticket-preview-page = Página
ticket-preview-language = Idioma
ticket-preview-version = Versão do widget
ticket-preview-browser = Navegador
ticket-preview-context = Detalhes da página
ticket-transcript = Etapas de solução de problemas que você seguiu
ticket-transcript-remove = Remover as etapas da mensagem
ticket-transcript-keep = Incluir as etapas novamente
ticket-send = Enviar mensagem
ticket-sending = Enviando sua mensagem…
ticket-discard = Descartar rascunho
ticket-queued-title = Mensagem salva
ticket-queued = Salva — será enviada quando você estiver online de novo.
ticket-queued-subject = Assunto: { $subject }
ticket-send-now = Tentar enviar agora
ticket-cancel = Cancelar envio
ticket-sent = Sua mensagem foi enviada.
ticket-sent-title = Mensagem enviada
ticket-reference = Seu código de referência:
ticket-back = Voltar para a ajuda
ticket-error-fields = Corrija os campos marcados abaixo.
ticket-error-too-fast = Essa foi rápida! Confira sua mensagem e envie novamente.
ticket-error-too-large = A mensagem é grande demais. Encurte o texto.
ticket-error-rejected = Não foi possível aceitar sua mensagem. Entre em contato conosco de outra forma.
ticket-error-required = Preencha este campo.
ticket-error-too-long = Reduza o texto para no máximo { $max } caracteres.
ticket-error-email = Insira um endereço de e-mail como nome@example.com.
ticket-error-url = Insira um endereço da web que comece com https://.
ticket-error-number = Insira um número.
ticket-error-option = Escolha uma das opções.
ticket-error-invalid = Verifique este campo.
ticket-files = Anexar arquivos
ticket-files-help = { $count ->
    [one] Opcional. { $types }; até { $size }, no máximo { $count } arquivo.
   *[other] Opcional. { $types }; até { $size } cada, no máximo { $count } arquivos.
}
ticket-files-uploading = Fazendo upload…
ticket-file-remove = Remover { $name }
ticket-file-empty = “{ $name }” está vazio.
ticket-file-too-large = “{ $name }” é maior que { $size }.
ticket-file-type = Não é possível anexar “{ $name }”: somente arquivos { $types }.
ticket-file-too-many = { $count ->
    [one] “{ $name }” não foi adicionado: no máximo { $count } arquivo.
   *[other] “{ $name }” não foi adicionado: no máximo { $count } arquivos.
}
ticket-file-failed = Não foi possível fazer o upload de “{ $name }”. Tente novamente.

flow-badge = Guia
flow-step = Etapa { $number }
flow-back = Voltar
flow-restart = Recomeçar
flow-try-this = Tente isto
flow-worked = Funcionou
flow-not-worked = Ainda não funciona
flow-checking = Verificando…
flow-continue = Continuar
flow-done = Voltar para a ajuda
flow-resume = Continuar de onde você parou
flow-not-found = Não foi possível encontrar este guia.
flow-fallback = Este guia ainda não está disponível no seu idioma, por isso é exibido no idioma original.

## Conversations: "Your requests", a request's thread, the reply box and the rating.
## All of them are the desk build's (the first download hands over when requests are followed).
conversation-requests-title = Suas solicitações
conversation-none = Você ainda não tem solicitações.
conversation-unread = { $count ->
    [one] { $count } resposta não lida
   *[other] { $count } respostas não lidas
}
conversation-status = { $status ->
    [open] Aguardando o suporte
    [answered] Respondida
    [solved] Resolvida
   *[closed] Fechada
}
conversation-status-changed = Status: { $status }
conversation-entries = Conversa
conversation-files = Arquivos anexados
conversation-you = Você
conversation-support = Suporte
conversation-solve = Isso resolveu meu problema
conversation-reply-label = Sua resposta
conversation-send = Enviar resposta
conversation-sending = Enviando sua resposta…
conversation-queued = Você está offline. Sua resposta foi salva e será enviada quando você estiver online de novo.
conversation-failed = Não foi possível enviar sua resposta. Tente novamente.
conversation-rate-question = Como foi a ajuda que você recebeu?
conversation-rate-good = Boa
conversation-rate-bad = Ruim
conversation-rate-pick = Escolha “Boa” ou “Ruim”.
conversation-rate-comment = Comentário (opcional)
conversation-rate-send = Enviar avaliação
conversation-rate-later = Agora não
conversation-rate-change = Alterar sua avaliação
conversation-rated-good = Você avaliou a ajuda como boa. Obrigado!
conversation-rated-bad = Você avaliou a ajuda como ruim. Obrigado por nos contar.
conversation-time-seconds = agora mesmo
conversation-time-minutes = { $count ->
    [one] há { $count } minuto
   *[other] há { $count } minutos
}
conversation-time-hours = { $count ->
    [one] há { $count } hora
   *[other] há { $count } horas
}
conversation-time-days = { $count ->
    [one] ontem
   *[other] há { $count } dias
}
conversation-time-weeks = { $count ->
    [one] há { $count } semana
   *[other] há { $count } semanas
}
conversation-time-months = { $count ->
    [one] há { $count } mês
   *[other] há { $count } meses
}
conversation-time-years = { $count ->
    [one] há { $count } ano
   *[other] há { $count } anos
}
ticket-follow = Acompanhar esta solicitação

## Unread badge

launcher-unread = { $count ->
    [one] { $label }, { $count } resposta não lida
   *[other] { $label }, { $count } respostas não lidas
}
