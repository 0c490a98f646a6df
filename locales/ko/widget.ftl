# Koban widget, Korean.

launcher-label = 도움말
panel-title = 도움말
panel-close = 도움말 닫기
language-label = 언어
back = 뒤로
loading = 도움말을 불러오는 중…
retry = 다시 시도
error-network = 오프라인 상태인 것 같아요. 연결을 확인하고 다시 시도해 주세요.
error-server = 저희 쪽에 문제가 생겼어요. 잠시 후 다시 시도해 주세요.
fallback-text = 도움말 패널을 불러올 수 없습니다. 다음 방법으로 문의하실 수 있습니다:

home-greeting = 무엇을 도와드릴까요?
search-label = 도움말 검색
search-placeholder = 문서 및 가이드 검색
search-results = 검색 결과 { $count }개
search-no-results = ‘{ $query }’에 대한 검색 결과가 없어요
search-no-results-hint = 다른 검색어를 사용하거나 잘 아는 사람들에게 물어보세요.
search-ask-community = 커뮤니티에 질문하기
contact-support = 지원팀에 문의하기
suggested-title = 이 페이지 관련 추천 문서
categories-title = 주제별로 찾아보기
category-count = 문서 { $count }개
announcements-title = 공지사항
channels-title = 도움을 받는 다른 방법
support-online = 지금 지원팀과 연락할 수 있어요
support-offline = 지금은 지원팀과 연락할 수 없어요
support-hours = 지원 시간: { $days } { $open }–{ $close }(사용자 현지 시간)

article-updated = 업데이트: { $date }
article-fallback = 이 문서는 아직 한국어로 제공되지 않아 원문 언어로 표시돼요.
article-video = 동영상 가이드 보기({ $duration })
article-related = 관련 문서
article-helpful = 도움이 되었나요?
article-yes = 예
article-no = 아니요
article-thanks = 의견을 보내 주셔서 감사해요!
article-sorry = 도움이 되지 못해 죄송해요. 저희 팀이 확인해 드릴 수 있어요.
article-not-found = 문서를 찾을 수 없어요.

nudge-text = { $title }? 해결 방법 알아보기
nudge-dismiss = 제안 닫기

ticket-title = 지원팀에 문의하기
ticket-required-note = * 표시된 항목은 필수예요.
ticket-name = 이름
ticket-email = 답변 받을 이메일 주소
ticket-category = 주제
ticket-subject = 제목
ticket-description = 문제 설명
ticket-choose = 선택…
ticket-preview = 메시지와 함께 전송되는 정보
ticket-preview-page = 페이지
ticket-preview-language = 언어
ticket-preview-version = 위젯 버전
ticket-preview-browser = 브라우저
ticket-preview-context = 페이지 세부 정보
ticket-transcript = 직접 시도한 문제 해결 단계
ticket-transcript-remove = 메시지에서 단계 제외하기
ticket-transcript-keep = 단계 다시 포함하기
ticket-send = 메시지 보내기
ticket-sending = 메시지를 보내는 중…
ticket-discard = 임시 저장 메시지 삭제
ticket-queued-title = 메시지를 저장했어요
ticket-queued = 저장했어요. 다시 온라인 상태가 되면 전송돼요.
ticket-queued-subject = 제목: { $subject }
ticket-send-now = 지금 보내기
ticket-cancel = 전송 취소
ticket-sent = 메시지를 보냈어요.
ticket-sent-title = 메시지 전송 완료
ticket-reference = 접수 번호:
ticket-back = 도움말로 돌아가기
ticket-error-fields = 아래 표시된 항목을 수정해 주세요.
ticket-error-too-fast = 너무 빨리 보내셨어요! 메시지를 확인하고 다시 보내 주세요.
ticket-error-too-large = 메시지가 너무 커요. 내용을 줄여 주세요.
ticket-error-rejected = 메시지를 접수할 수 없어요. 다른 방법으로 문의해 주세요.
ticket-error-required = 이 항목을 입력해 주세요.
ticket-error-too-long = { $max }자 이하로 줄여 주세요.
ticket-error-email = name@example.com 형식의 이메일 주소를 입력해 주세요.
ticket-error-url = https://로 시작하는 웹 주소를 입력해 주세요.
ticket-error-number = 숫자를 입력해 주세요.
ticket-error-option = 옵션 중 하나를 선택해 주세요.
ticket-error-invalid = 이 항목을 확인해 주세요.
ticket-files = 파일 첨부
ticket-files-help = 선택 사항이에요. { $types } 파일을 파일당 최대 { $size }, 최대 { $count }개까지 첨부할 수 있어요.
ticket-files-uploading = 업로드 중…
ticket-file-remove = { $name } 삭제
ticket-file-empty = ‘{ $name }’ 파일이 비어 있어요.
ticket-file-too-large = ‘{ $name }’ 파일이 { $size }보다 커요.
ticket-file-type = ‘{ $name }’ 파일은 첨부할 수 없어요. { $types } 파일만 첨부할 수 있어요.
ticket-file-too-many = ‘{ $name }’ 파일을 추가하지 못했어요. 최대 { $count }개까지 첨부할 수 있어요.
ticket-file-failed = ‘{ $name }’ 파일을 업로드하지 못했어요. 다시 시도해 주세요.

flow-badge = 가이드
flow-step = { $number }단계
flow-back = 뒤로
flow-restart = 처음부터 다시 하기
flow-try-this = 이렇게 해 보세요
flow-worked = 해결됐어요
flow-not-worked = 아직 해결되지 않았어요
flow-checking = 확인 중…
flow-continue = 계속
flow-done = 도움말로 돌아가기
flow-resume = 중단한 곳부터 계속하기
flow-not-found = 가이드를 찾을 수 없어요.
flow-fallback = 이 가이드는 아직 한국어로 제공되지 않아 원문 언어로 표시돼요.

## Conversations: "Your requests", a request's thread, the reply box and the rating.
## All of them are the desk build's (the first download hands over when requests are followed).
conversation-requests-title = 내 문의
conversation-none = 아직 문의 내역이 없어요.
conversation-unread = 읽지 않은 답변 { $count }개
conversation-status = { $status ->
    [open] 지원팀 답변 대기 중
    [answered] 답변 완료
    [solved] 해결됨
   *[closed] 종료됨
}
conversation-status-changed = 상태: { $status }
conversation-entries = 대화 내용
conversation-files = 첨부 파일
conversation-you = 나
conversation-support = 지원팀
conversation-solve = 문제가 해결됐어요
conversation-reply-label = 내 답장
conversation-send = 답장 보내기
conversation-sending = 답장을 보내는 중…
conversation-queued = 오프라인 상태예요. 답장이 저장되었고, 다시 온라인 상태가 되면 전송돼요.
conversation-failed = 답장을 보내지 못했어요. 다시 시도해 주세요.
conversation-rate-question = 받으신 도움은 어떠셨나요?
conversation-rate-good = 좋아요
conversation-rate-bad = 별로예요
conversation-rate-pick = ‘좋아요’ 또는 ‘별로예요’를 선택해 주세요.
conversation-rate-comment = 의견(선택 사항)
conversation-rate-send = 평가 보내기
conversation-rate-later = 나중에
conversation-rate-change = 평가 변경하기
conversation-rated-good = 도움을 ‘좋아요’로 평가하셨어요. 감사해요!
conversation-rated-bad = 도움을 ‘별로예요’로 평가하셨어요. 알려 주셔서 감사해요.
conversation-time-seconds = 방금 전
conversation-time-minutes = { $count }분 전
conversation-time-hours = { $count }시간 전
conversation-time-days = { $count ->
    [1] 어제
   *[other] { $count }일 전
}
conversation-time-weeks = { $count }주 전
conversation-time-months = { $count }개월 전
conversation-time-years = { $count }년 전
ticket-follow = 이 문의 팔로우하기

## Unread badge

launcher-unread = { $label }, 읽지 않은 답변 { $count }개
