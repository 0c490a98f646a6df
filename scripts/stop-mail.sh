#!/usr/bin/env bash
# Stops the test Postfix of scripts/start-mail.sh: deletes its queue, stops the master and waits
# until 127.0.0.1:$KOBAN_TEST_MAIL_PORT (default 2525) is closed. Keeps DIR (Maildirs, maillog).
set -euo pipefail

PORT="${KOBAN_TEST_MAIL_PORT:-2525}"
DIR="${KOBAN_TEST_MAIL_DIR:-/tmp/koban-mail}"
ETC="$DIR/etc"
export PATH="$PATH:/usr/sbin:/sbin"

[[ -f "$ETC/main.cf" ]] || exit 0
postsuper -c "$ETC" -d ALL >/dev/null 2>&1 || true
if postfix -c "$ETC" status >/dev/null 2>&1; then
  postfix -c "$ETC" stop >/dev/null 2>&1 || true
fi
# After `stop` the master lingers briefly (<defunct>) while the listener closes.
for _ in $(seq 1 100); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then exit 0; fi
  sleep 0.1
done
echo "stop-mail: 127.0.0.1:$PORT is still open" >&2
exit 1
