# Koban's email to a requester about an agent's reply, Korean.
# Compiled by crates/koban-server/src/mail/i18n.rs; not the widget's strings (those are in locales/).

email-subject = Re: [{ $reference }] { $subject }
email-reply-above = 이 줄 위에 답장을 입력해 주세요
email-wrote = { $name } 답변:
email-quote = { $date }, { $name } 작성:
email-support = 지원팀
email-you = 고객님
email-attachments = 이 답변의 첨부 파일: { $files }
email-reference = 접수 번호: { $reference }
email-link = 대화 보기
email-link-line = 대화 보기: { $url }
email-footer = 지원팀에 문의하셔서 이 메일을 보내 드립니다. 이 메일에 회신하시면 대화에 추가됩니다.
