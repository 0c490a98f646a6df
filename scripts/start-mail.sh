#!/usr/bin/env bash
# Starts (idempotently) a throwaway Postfix for the e2e mail tests and prints its SMTP port on
# stdout, e.g.:
#   export KOBAN_TEST_MAIL_PORT="$(scripts/start-mail.sh)"
# Listens on 127.0.0.1:$KOBAN_TEST_MAIL_PORT (default 2525) only; everything lives under
# DIR=$KOBAN_TEST_MAIL_DIR (default /tmp/koban-mail):
#   etc/       main.cf, master.cf, transport, vmailbox (texthash: maps, no postmap)
#   spool/     the queue (queue_directory); data/ Postfix's data_directory
#   maillog    Postfix's log (postlogd), printed on failure
#   mail/      Maildirs: mail/agents.test/{team,agent,mika}/, mail/users.test/{ada,bob}/
#   bin/koban  a copy of $KOBAN_TEST_MAIL_BIN (default target/server/koban), re-copied on every run;
#              a stub that exits 75 (deferred) while that binary does not exist
#   bin/koban-ingest  the pipe command: koban mail ingest --config DIR/koban.toml "$@"
#   koban.toml the ingest's config, written by the tests (an empty placeholder here)
#   attachments/  owned by koban-mail, for the tests' `attachments_dir`
# Domains: reply.test goes to the pipe transport `koban` (as the user koban-mail: pipe(8) refuses
# root); agents.test and users.test are virtual Maildir domains; nothing else is delivered
# (default_transport = error), so no mail leaves the machine. Needs root (Postfix, useradd);
# installs the Debian packages postfix and swaks if they are missing.
# Stop it with scripts/stop-mail.sh.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PORT="${KOBAN_TEST_MAIL_PORT:-2525}"
DIR="${KOBAN_TEST_MAIL_DIR:-/tmp/koban-mail}"
BIN="${KOBAN_TEST_MAIL_BIN:-$ROOT/target/server/koban}"
USER_NAME=koban-mail
MAILBOXES=(team@agents.test agent@agents.test mika@agents.test ada@users.test bob@users.test)

die() { echo "start-mail: $*" >&2; exit 1; }
[[ $(id -u) -eq 0 ]] || die "must run as root (Postfix's master and useradd)"
export PATH="$PATH:/usr/sbin:/sbin"
if [[ ! -x /usr/sbin/postfix || ! -x /usr/bin/swaks ]]; then
  # As scripts/install-tools.sh test: no recommends, and no system configuration, so the package
  # starts no Postfix of its own.
  echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
  (DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postfix swaks >&2 ||
    { apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postfix swaks >&2; })
fi
[[ "$PORT" =~ ^[0-9]+$ ]] || die "KOBAN_TEST_MAIL_PORT is not a port: $PORT"
mkdir -p "$DIR"
DIR="$(cd "$DIR" && pwd -P)"
# master.cf splits argv on white space and main.cf knows no quoting: keep DIR plain.
[[ "$DIR" =~ ^/[A-Za-z0-9._/-]+$ ]] || die "KOBAN_TEST_MAIL_DIR must be a plain absolute path: $DIR"
ETC="$DIR/etc"

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; }
fail() {
  echo "start-mail: $*" >&2
  if [[ -f "$DIR/maillog" ]]; then echo "--- $DIR/maillog (last 40 lines)" >&2; tail -n 40 "$DIR/maillog" >&2; fi
  exit 1
}

# The pipe user: a system account without a shell or home.
if ! id "$USER_NAME" >/dev/null 2>&1; then
  useradd --system --user-group --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$USER_NAME"
fi
UID_N="$(id -u "$USER_NAME")"
GID_N="$(id -g "$USER_NAME")"

# Layout and ownership. DIR and its parents must be traversable by postfix and koban-mail.
chmod 0755 "$DIR"
mkdir -p "$ETC" "$DIR/spool" "$DIR/data" "$DIR/mail" "$DIR/bin" "$DIR/attachments"
chown root:root "$ETC" "$DIR/spool" "$DIR/bin"
chmod 0755 "$ETC" "$DIR/spool" "$DIR/bin"
chown postfix "$DIR/data" && chmod 0700 "$DIR/data"
chown "$USER_NAME:$USER_NAME" "$DIR/mail" "$DIR/attachments"
chmod 0755 "$DIR/mail" "$DIR/attachments"
for box in "${MAILBOXES[@]}"; do
  md="$DIR/mail/${box#*@}/${box%@*}"
  mkdir -p "$md/tmp" "$md/new" "$md/cur"
  chown -R "$USER_NAME:$USER_NAME" "$DIR/mail/${box#*@}"
done
if [[ ! -e "$DIR/koban.toml" ]]; then
  printf '# Written by the e2e tests (tests/e2e/mail-support.mjs: writeIngestConfig).\n' >"$DIR/koban.toml"
fi
chmod 0644 "$DIR/koban.toml"

# The server binary the pipe runs: replaced atomically (a running ingest keeps its old inode).
if [[ -x "$BIN" ]]; then
  install -m 0755 "$BIN" "$DIR/bin/koban.new"
else
  echo "start-mail: $BIN does not exist yet: the pipe answers 75 (deferred) until it does" >&2
  printf '#!/bin/sh\necho "4.3.0 koban is not installed in the test mail server"\nexit 75\n' >"$DIR/bin/koban.new"
  chmod 0755 "$DIR/bin/koban.new"
fi
mv -f "$DIR/bin/koban.new" "$DIR/bin/koban"
cat >"$DIR/bin/koban-ingest.new" <<EOF
#!/bin/sh
# Postfix's pipe command (master.cf, service koban): runs as $USER_NAME in the queue directory
# with only PATH, LANG and MAIL_CONFIG set, so the config path is given here.
exec $DIR/bin/koban mail ingest --config $DIR/koban.toml "\$@"
EOF
chmod 0755 "$DIR/bin/koban-ingest.new"
mv -f "$DIR/bin/koban-ingest.new" "$DIR/bin/koban-ingest"

# Configuration (rewritten on every run; a running instance is reloaded below).
cat >"$ETC/main.cf" <<EOF
# Test-only Postfix written by scripts/start-mail.sh: 127.0.0.1:$PORT, nothing leaves the machine.
compatibility_level = 3.6
queue_directory = $DIR/spool
data_directory = $DIR/data
maillog_file = $DIR/maillog
maillog_file_prefixes = $DIR
myhostname = mail.test
myorigin = mail.test
inet_interfaces = loopback-only
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
mydestination =
local_recipient_maps =
alias_maps =
alias_database =
biff = no
recipient_delimiter = +
default_transport = error:5.1.2 the test mail server delivers only to its test domains
relay_transport = error:5.1.2 the test mail server delivers only to its test domains
relay_domains = reply.test
transport_maps = texthash:$ETC/transport
koban_destination_recipient_limit = 1
koban_time_limit = 60s
virtual_mailbox_domains = agents.test users.test
virtual_mailbox_base = $DIR/mail
virtual_mailbox_maps = texthash:$ETC/vmailbox
virtual_uid_maps = static:$UID_N
virtual_gid_maps = static:$GID_N
virtual_minimum_uid = $UID_N
message_size_limit = 30000000
virtual_mailbox_limit = 60000000
in_flow_delay = 0
queue_run_delay = 1s
minimal_backoff_time = 1s
maximal_backoff_time = 2s
EOF
printf 'reply.test\tkoban:\n' >"$ETC/transport"
: >"$ETC/vmailbox"
for box in "${MAILBOXES[@]}"; do printf '%s\t%s/%s/\n' "$box" "${box#*@}" "${box%@*}" >>"$ETC/vmailbox"; done
# Every service unchrooted (the queue lives in DIR); only the smtpd listens, on 127.0.0.1.
cat >"$ETC/master.cf" <<EOF
# service  type  private unpriv chroot wakeup maxproc command
127.0.0.1:$PORT inet n - n - - smtpd
pickup     unix  n - n 60 1 pickup
cleanup    unix  n - n - 0 cleanup
qmgr       unix  n - n 300 1 qmgr
rewrite    unix  - - n - - trivial-rewrite
bounce     unix  - - n - 0 bounce
defer      unix  - - n - 0 bounce
trace      unix  - - n - 0 bounce
verify     unix  - - n - 1 verify
flush      unix  n - n 1000? 0 flush
proxymap   unix  - - n - - proxymap
proxywrite unix  - - n - 1 proxymap
showq      unix  n - n - - showq
error      unix  - - n - - error
retry      unix  - - n - - error
discard    unix  - - n - - discard
virtual    unix  - n n - - virtual
anvil      unix  - - n - 1 anvil
scache     unix  - - n - 1 scache
postlog    unix-dgram n - n - 1 postlogd
koban      unix  - n n - - pipe
  flags=DRhqu null_sender= user=$USER_NAME argv=$DIR/bin/koban-ingest --sender \${sender} --recipient \${recipient}
EOF
chmod 0644 "$ETC"/*

if postfix -c "$ETC" status >/dev/null 2>&1; then
  postfix -c "$ETC" reload >/dev/null 2>&1 || fail "postfix reload failed"
else
  postfix -c "$ETC" check >/dev/null 2>&1 || fail "postfix check failed (run: postfix -c $ETC check)"
  # A fresh start: drop mail a previous, killed run left in the queue.
  postsuper -c "$ETC" -d ALL >/dev/null 2>&1 || true
  port_open && fail "127.0.0.1:$PORT is already in use by another process"
  postfix -c "$ETC" start >/dev/null 2>&1 || fail "postfix start failed"
fi
for _ in $(seq 1 100); do
  if port_open; then echo "$PORT"; exit 0; fi
  sleep 0.1
done
fail "Postfix did not listen on 127.0.0.1:$PORT"
