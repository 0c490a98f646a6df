// Live connections on one `koban` process (issue 17: "the bench holds 1,000 idle live connections
// on one process and reports its memory and the reply-to-screen latency p99").
//
//   node bench/live.mjs                 # after `make server`; about 15 s
//
// 1. Starts the release server (KOBAN_BIN, default target/server/koban) on 127.0.0.1 with a fresh
//    SQLite database in a temp dir, the shipped content and an admin token.
// 2. Files one ticket (POST /api/v1/tickets with an Idempotency-Key) for its reference and
//    access token, and reads the server's resident memory (VmRSS in /proc/<pid>/status).
// 3. Opens KOBAN_BENCH_LIVE_CONNECTIONS (default 1,000) live streams following that ticket
//    (POST /api/v1/tickets/live, read with fetch as the widget does), waits for every `ready`,
//    lets them idle 2 s and reads VmRSS again.
// 4. Posts KOBAN_BENCH_LIVE_REPLIES (default 20) replies through the admin API, one at a time,
//    and times, for every (reply, connection) pair, from just before the reply is sent to that
//    connection's `event: changed` being parsed here. That is the server's part of "reply to
//    screen": commit, announcement, one SSE frame per connection, and this client reading 1,000
//    streams on the same 2 cores (the widget's re-read and paint are not in it).
//
// Prints what it does, then one JSON line `{"bench":"live",...}` (bench/report.mjs reads it
// from live.log in bench/run.sh's logs). Exits 1 if a connection could not be opened or missed a
// change. Needs an open-files limit above twice the connections (bench/run.sh raises it).
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const BIN = process.env.KOBAN_BIN || path.join(ROOT, "target/server/koban");
const CONNECTIONS = Number(process.env.KOBAN_BENCH_LIVE_CONNECTIONS || 1000);
const REPLIES = Number(process.env.KOBAN_BENCH_LIVE_REPLIES || 20);
const ADMIN = crypto.randomBytes(24).toString("hex");
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const now = () => performance.now();

if (!fs.existsSync(BIN)) {
  console.error(`live.mjs: no server binary at ${BIN} (make server)`);
  process.exit(1);
}

const freePort = () => new Promise((resolve, reject) => {
  const s = net.createServer();
  s.on("error", reject);
  s.listen(0, "127.0.0.1", () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

const rssKb = (pid) => {
  const m = fs.readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmRSS:\s+(\d+) kB/m);
  return m ? Number(m[1]) : NaN;
};

const pct = (sorted, p) => sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;
const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

const work = fs.mkdtempSync(path.join(os.tmpdir(), "koban-live."));
fs.mkdirSync(path.join(work, "assets"));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const log = fs.openSync(path.join(work, "server.log"), "w");
// Only what the server needs: a variable it does not know (see `koban config check`) stops it.
const server = spawn(BIN, ["serve", "--bind", "127.0.0.1", "--port", String(port),
  "--assets", path.join(work, "assets"), "--content", path.join(ROOT, "content")], {
  cwd: work,
  env: {
    PATH: process.env.PATH, HOME: process.env.HOME, RUST_LOG: "warn",
    DATABASE_URL: `sqlite://${work}/data/koban.db`, KOBAN_ADMIN_TOKEN: ADMIN,
    KOBAN_RATE_LIMIT_IP_PER_MINUTE: "0", KOBAN_RATE_LIMIT_EMAIL_PER_HOUR: "0",
  },
  stdio: ["ignore", log, log],
});
const streams = [];
let exitCode = 0;
const cleanup = async () => {
  for (const s of streams) s.abort.abort();
  if (server.exitCode === null) {
    server.kill("SIGTERM");
    for (let i = 0; i < 50 && server.exitCode === null; i++) await sleep(100);
    if (server.exitCode === null) server.kill("SIGKILL");
  }
  fs.rmSync(work, { recursive: true, force: true });
};
const fail = async (message) => {
  console.error(`live.mjs: ${message}`);
  try { console.error(fs.readFileSync(path.join(work, "server.log"), "utf8").slice(-2000)); } catch { /* gone */ }
  await cleanup();
  process.exit(1);
};

// 1. The server is up.
for (let i = 0; ; i++) {
  try { if ((await fetch(`${base}/healthz`)).ok) break; } catch { /* not yet */ }
  if (i > 200 || server.exitCode !== null) await fail("koban did not start");
  await sleep(100);
}

// 2. One ticket (the body of bench/wrk/tickets.lua: the shipped content's `jobs` category).
const created = await fetch(`${base}/api/v1/tickets`, {
  method: "POST",
  headers: { "content-type": "application/json", "idempotency-key": crypto.randomUUID() },
  body: JSON.stringify({
    name: "Bench User", email: "bench-live@example.com", category: "jobs",
    subject: "Live bench", description: "My job has been queued for over an hour although the dashboard shows free GPU capacity.",
    fields: { job_id: "job_1", gpu: true },
    context: { route: "/jobs/1", context: { plan: "pro" }, locale: "en", widgetVersion: "0.1.0", userAgent: "live.mjs" },
    website: "", fillMs: 5400,
  }),
});
if (created.status !== 201) await fail(`ticket: HTTP ${created.status} ${await created.text()}`);
const { reference, accessToken } = await created.json();
await sleep(1000);
const rssBefore = rssKb(server.pid);
console.log(`koban pid ${server.pid} on ${base}: ticket ${reference}; VmRSS ${rssBefore} kB before any live connection`);

// 3. The live streams. Each counts its `changed` events and when each arrived.
const arrivals = Array.from({ length: REPLIES }, () => []);
const complete = Array.from({ length: REPLIES }, () => { let done; const p = new Promise((r) => { done = r; }); return { p, done, n: 0 }; });
const followBody = JSON.stringify({ tickets: [{ reference, token: accessToken }] });

async function open() {
  const stream = { abort: new AbortController(), changed: 0 };
  streams.push(stream);
  const res = await fetch(`${base}/api/v1/tickets/live`, {
    method: "POST", headers: { "content-type": "application/json" }, body: followBody, signal: stream.abort.signal,
  });
  if (res.status !== 200) throw new Error(`live: HTTP ${res.status}`);
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  let ready;
  stream.ready = new Promise((r) => { ready = r; });
  (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        const at = now();
        buffer += value;
        let end;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (/^event: ready$/m.test(frame)) ready();
          if (/^event: changed$/m.test(frame) && stream.changed < REPLIES) {
            const i = stream.changed++;
            arrivals[i].push(at);
            if (++complete[i].n === CONNECTIONS) complete[i].done();
          }
        }
      }
    } catch { /* aborted at the end */ }
  })();
  return stream.ready;
}

const openStart = now();
for (let i = 0; i < CONNECTIONS; i += 100) {
  const batch = Array.from({ length: Math.min(100, CONNECTIONS - i) }, open);
  try { await Promise.all(batch); } catch (e) { await fail(`opening connection ${i}..: ${e.message}`); }
}
const openS = (now() - openStart) / 1000;
await sleep(2000);
const rssWith = rssKb(server.pid);
console.log(`${CONNECTIONS} live connections open and ready in ${round(openS, 2)} s; VmRSS ${rssWith} kB (+${rssWith - rssBefore} kB, ${round((rssWith - rssBefore) / CONNECTIONS, 2)} kB per connection)`);

// 4. Replies, one at a time; each waits for every connection's `changed` (at most 15 s).
const latencies = [];
let missing = 0;
for (let i = 0; i < REPLIES; i++) {
  const sent = now();
  const res = await fetch(`${base}/api/v1/admin/tickets/${reference}/replies`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${ADMIN}` },
    body: JSON.stringify({ body: `Reply ${i + 1} from the live bench.`, agent: "Bench" }),
  });
  if (res.status !== 201) await fail(`reply ${i + 1}: HTTP ${res.status} ${await res.text()}`);
  const timedOut = await Promise.race([complete[i].p.then(() => false), sleep(15000).then(() => true)]);
  if (timedOut) missing += CONNECTIONS - complete[i].n;
  for (const at of arrivals[i]) latencies.push(at - sent);
  await sleep(100);
}
const rssAfter = rssKb(server.pid);
latencies.sort((a, b) => a - b);
const result = {
  bench: "live",
  connections: CONNECTIONS,
  replies: REPLIES,
  samples: latencies.length,
  missing,
  open_s: round(openS, 2),
  rss_before_kb: rssBefore,
  rss_with_kb: rssWith,
  rss_per_connection_kb: round((rssWith - rssBefore) / CONNECTIONS, 2),
  rss_after_replies_kb: rssAfter,
  p50_ms: round(pct(latencies, 50)),
  p99_ms: round(pct(latencies, 99)),
  max_ms: round(latencies[latencies.length - 1] ?? NaN),
  load_end: fs.readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" "),
};
console.log(`${REPLIES} replies × ${CONNECTIONS} connections: reply sent → \`changed\` read p50 ${result.p50_ms} ms, p99 ${result.p99_ms} ms, max ${result.max_ms} ms (${missing} missed); VmRSS after ${rssAfter} kB`);
if (missing > 0) exitCode = 1;
await cleanup();
console.log(JSON.stringify(result));
process.exit(exitCode);
