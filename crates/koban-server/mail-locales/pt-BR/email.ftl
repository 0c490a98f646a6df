# Koban's email to a requester about an agent's reply, Brazilian Portuguese.
# Compiled by crates/koban-server/src/mail/i18n.rs; not the widget's strings (those are in locales/).

email-subject = Re: [{ $reference }] { $subject }
email-reply-above = Digite sua resposta acima desta linha
email-wrote = { $name } escreveu:
email-quote = Em { $date }, { $name } escreveu:
email-support = Suporte
email-you = Você
email-attachments = Arquivos anexados a esta resposta: { $files }
email-reference = Código de referência: { $reference }
email-link = Ver a conversa
email-link-line = Ver a conversa: { $url }
email-footer = Você recebeu este e-mail porque entrou em contato com o suporte. Responda a ele e sua resposta será adicionada à conversa.
