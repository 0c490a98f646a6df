// Synthetic help content for the browser benchmark: N English articles about the sample platform
// (Gridshare: providers lend CPU/GPU/storage, consumers run jobs), in the format of
// docs/content-format.md, next to a copy of content/site.toml (so categories, channels, hours and
// announcements are the real ones).
//
//   node bench/corpus.mjs <out-dir> [count=2000] [seed=1]
//
// Deterministic (seeded xorshift), so every run indexes the same text. Titles, summaries, tags
// and bodies are assembled from per-category subjects, problems, actions, platforms, error codes
// and a few hundred domain words, Zipf-like (early entries of each list are picked more often),
// so the index sees a realistic vocabulary: common words in most articles, rare ones in few.
// Bodies are ~150–350 words with headings, numbered steps, lists, sometimes a table or callout,
// and links to related articles.
import fs from "node:fs";
import path from "node:path";

const CATEGORIES = {
  nodes: {
    route: "/nodes/*",
    page: "nodes",
    errors: ["E_NODE_OFFLINE", "E_GPU_NOT_FOUND", "E_BENCHMARK_FAILED", "E_PORT_CLOSED", "E_AGENT_OUTDATED", "E_DISK_FULL"],
    subjects: ["node agent", "GPU node", "storage node", "node heartbeat", "agent service", "NVIDIA driver", "CUDA runtime",
      "firewall rule", "benchmark run", "uptime score", "resource limit", "sandbox", "Docker daemon", "disk cache",
      "node label", "thermal throttling", "ECC memory", "PCIe link", "NAT traversal", "IPv6 address"],
  },
  jobs: {
    route: "/jobs/*",
    page: "jobs",
    errors: ["E_JOB_OOM", "E_JOB_TIMEOUT", "E_IMAGE_PULL", "E_QUOTA_EXCEEDED", "E_NO_CAPACITY", "E_EXIT_CODE"],
    subjects: ["job queue", "container image", "job log", "output upload", "GPU job", "batch job", "job timeout",
      "memory limit", "retry policy", "price estimate", "spot capacity", "input dataset", "checkpoint", "environment variable",
      "entrypoint", "scheduler", "region selection", "artifact bucket"],
  },
  earnings: {
    route: "/earnings",
    page: "earnings",
    errors: ["E_PAYOUT_HELD", "E_BELOW_THRESHOLD", "E_KYC_REQUIRED"],
    subjects: ["payout", "reward multiplier", "earnings report", "tax statement", "reward rate", "idle bonus",
      "payout threshold", "withdrawal fee", "referral reward", "monthly statement", "reward history"],
  },
  wallet: {
    route: "/wallet",
    page: "wallet",
    errors: ["E_SIGNATURE_INVALID", "E_WALLET_DISCONNECTED", "E_WITHDRAWAL_PENDING"],
    subjects: ["wallet address", "hardware wallet", "withdrawal", "transaction history", "signature request",
      "wallet connection", "network fee", "pending transfer", "seed phrase", "token balance"],
  },
  billing: {
    route: "/billing/*",
    page: "billing",
    errors: ["E_CARD_DECLINED", "E_SPENDING_LIMIT", "E_INVOICE_OVERDUE"],
    subjects: ["invoice", "credit top-up", "card payment", "refund", "spending limit", "VAT number", "billing email",
      "prepaid credits", "usage report", "payment method", "receipt"],
  },
  security: {
    route: "/settings/security",
    page: "security",
    errors: ["E_2FA_REQUIRED", "E_ACCOUNT_LOCKED", "E_KEY_REVOKED"],
    subjects: ["two-factor authentication", "API key", "recovery code", "active session", "password reset",
      "security key", "account lock", "login alert", "access token", "team permission"],
  },
  "getting-started": {
    route: "/",
    page: "home",
    errors: [],
    subjects: ["dashboard", "first job", "provider setup", "team workspace", "organization", "command-line tool",
      "system requirement", "onboarding checklist", "sample project", "glossary"],
  },
};

const PROBLEMS = ["shows as offline", "is stuck in pending", "fails with an error", "is slower than expected",
  "is missing from the dashboard", "stopped updating", "was rejected", "times out", "keeps restarting",
  "reports the wrong value", "cannot be verified", "disappeared after an update"];
const ACTIONS = ["set up", "change", "check", "reset", "troubleshoot", "export", "verify", "configure", "remove",
  "monitor", "update", "move", "limit", "automate", "recover"];
const ASPECTS = ["limits and quotas", "fees explained", "best practices", "frequently asked questions",
  "common errors", "how it works", "what changes in 2027", "a checklist", "known issues"];
const PLATFORMS = ["Linux", "Windows", "macOS", "Ubuntu 22.04", "Debian 12", "WSL2", "Docker Desktop", "Kubernetes",
  "a Raspberry Pi", "a home router", "a cloud VM", "a laptop"];
const CHECKS = ["the agent log at /var/log/gridshare/agent.log", "the status page", "your network firewall",
  "the billing settings", "the Nodes page", "the job details page", "your wallet app", "the security settings",
  "the output of `gridshare-node status`", "the system clock", "the region you picked", "the notification email"];
const WORDS = ("account activity address alert allowance archive audit balance bandwidth benchmark bucket " +
  "cache capacity certificate checksum cluster configuration connection console container cooling credential " +
  "daemon deadline deployment device diagnostics disk download driver duration endpoint estimate export " +
  "failover fingerprint firmware hardware heartbeat history hypervisor image incident installer integration " +
  "interval inventory kernel latency ledger license limit maintenance manifest metric migration mirror " +
  "network notification operator outage partition peer permission pipeline policy port quota queue " +
  "reboot region registry reliability replica request rollback router runtime schedule schema session " +
  "signature snapshot storage subnet swap telemetry template threshold throughput token transfer tunnel " +
  "upgrade upload uptime validator version volume warning webhook workload").split(" ");
const VERBS = ["restart", "reinstall", "refresh", "open", "confirm", "compare", "copy", "enable", "disable",
  "download", "review", "select", "wait for", "contact", "retry"];
const TIMES = ["a few minutes", "up to an hour", "one business day", "24 hours", "the next payout cycle",
  "two billing periods", "the next heartbeat", "about 30 seconds"];
const REGIONS = ["eu-west", "eu-central", "us-east", "us-west", "ap-northeast", "ap-southeast", "sa-east"];

/** Deterministic PRNG (xorshift32) with Zipf-ish picking. */
function rng(seed) {
  let s = seed >>> 0 || 1;
  const next = () => { s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0; return s / 4294967296; };
  const int = (n) => Math.floor(next() * n);
  // Zipf-like: index i with weight (i+1)^-0.8.
  const zipf = (list) => {
    const h = list.length;
    let total = 0;
    for (let i = 1; i <= h; i++) total += i ** -0.8;
    let x = next() * total;
    for (let i = 0; i < h; i++) { x -= (i + 1) ** -0.8; if (x <= 0) return list[i]; }
    return list[h - 1];
  };
  return { next, int, pick: (list) => list[int(list.length)], zipf };
}

const cap = (s) => s[0].toUpperCase() + s.slice(1);
const slug = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 48);
const tomlStr = (s) => JSON.stringify(s); // TOML basic strings accept JSON's escapes for this text

function title(r, cat) {
  const subject = r.zipf(cat.subjects);
  switch (r.int(5)) {
    case 0: return { subject, text: `${cap(subject)} ${r.zipf(PROBLEMS)}` };
    case 1: return { subject, text: `How to ${r.zipf(ACTIONS)} your ${subject}` };
    case 2: return { subject, text: `${cap(subject)} on ${r.zipf(PLATFORMS)}` };
    case 3: return { subject, text: `Why your ${subject} ${r.zipf(PROBLEMS)}` };
    default: return { subject, text: `${cap(subject)}: ${r.zipf(ASPECTS)}` };
  }
}

function sentence(r, subject) {
  const w = () => r.zipf(WORDS);
  switch (r.int(8)) {
    case 0: return `If the ${subject} ${r.zipf(PROBLEMS)}, check ${r.zipf(CHECKS)} first.`;
    case 1: return `Most ${w()} problems clear up after you ${r.zipf(VERBS)} the ${subject} and wait ${r.pick(TIMES)}.`;
    case 2: return `In ${r.pick(REGIONS)}, the ${w()} ${w()} can add ${1 + r.int(40)} seconds before the ${subject} is updated.`;
    case 3: return `The ${w()} shown on ${r.zipf(CHECKS)} tells you whether the ${subject} needs attention.`;
    case 4: return `Providers on ${r.zipf(PLATFORMS)} sometimes see a ${w()} ${w()} here; it is harmless unless it lasts longer than ${r.pick(TIMES)}.`;
    case 5: return `Your ${w()} and ${w()} settings are kept, so you do not need to ${r.zipf(VERBS)} anything else.`;
    case 6: return `Support can see the ${w()} history of your ${subject} for the last ${7 + r.int(83)} days.`;
    default: return `We ${r.zipf(VERBS)} the ${w()} every ${1 + r.int(23)} hours, so a change to the ${subject} may take ${r.pick(TIMES)} to show.`;
  }
}

function paragraph(r, subject, n) {
  return Array.from({ length: n }, () => sentence(r, subject)).join(" ");
}

function body(r, subject, related) {
  const parts = [paragraph(r, subject, 2 + r.int(2))];
  parts.push("", "## Before you start", "");
  for (let i = 0; i < 2 + r.int(3); i++) parts.push(`- ${cap(sentence(r, subject))}`);
  parts.push("", "## Steps", "");
  for (let i = 0; i < 3 + r.int(4); i++) parts.push(`${i + 1}. ${cap(r.zipf(VERBS))} the ${r.zipf(WORDS)} on ${r.pick(CHECKS)}.`);
  parts.push("", paragraph(r, subject, 2 + r.int(3)));
  if (r.int(4) === 0) {
    parts.push("", `| ${cap(r.zipf(WORDS))} | ${cap(r.zipf(WORDS))} |`, "|---|---|");
    for (let i = 0; i < 3; i++) parts.push(`| ${cap(r.zipf(WORDS))} ${r.pick(REGIONS)} | ${1 + r.int(99)} ${r.pick(["GB", "minutes", "credits", "%"])} |`);
  }
  if (r.int(3) === 0) parts.push("", `> [!${r.pick(["NOTE", "TIP", "WARNING"])}]`, `> ${sentence(r, subject)}`);
  parts.push("", `See also [this related article](${related[0]}.md) and [this one](${related[1]}.md).`);
  return parts.join("\n");
}

/** Writes `count` articles and site.toml into `dir` (emptied first); returns the article ids. */
export function generateCorpus(dir, count = 2000, seed = 1, siteToml = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../content/site.toml")) {
  const r = rng(seed);
  fs.rmSync(dir, { recursive: true, force: true });
  const articles = path.join(dir, "en/articles");
  fs.mkdirSync(articles, { recursive: true });
  fs.copyFileSync(siteToml, path.join(dir, "site.toml"));
  const catIds = Object.keys(CATEGORIES);
  const metas = [];
  for (let i = 0; i < count; i++) {
    const catId = catIds[r.int(catIds.length)];
    const t = title(r, CATEGORIES[catId]);
    metas.push({ id: `${slug(t.text)}-${i}`, catId, ...t });
  }
  const ids = metas.map((m) => m.id);
  metas.forEach((m, i) => {
    const cat = CATEGORIES[m.catId];
    const related = [0, 1].map((k) => ids[(i + 1 + r.int(count - 1) + k) % count]).map((id) => (id === m.id ? ids[(i + 1) % count] : id));
    const tags = [...new Set([...m.subject.split(" "), r.zipf(WORDS), r.zipf(WORDS)])].slice(0, 4);
    const contexts = [`route:${cat.route}`, `page:${cat.page}`];
    if (cat.errors.length && r.int(3) === 0) contexts.push(`error:${r.pick(cat.errors)}`);
    const day = 1 + r.int(28), month = 1 + r.int(11);
    const lines = [
      "+++",
      `id = ${tomlStr(m.id)}`,
      `title = ${tomlStr(m.text)}`,
      `category = ${tomlStr(m.catId)}`,
      `tags = [${tags.map(tomlStr).join(", ")}]`,
      `summary = ${tomlStr(sentence(r, m.subject))}`,
      `contexts = [${contexts.map(tomlStr).join(", ")}]`,
      `related = [${[...new Set(related)].map(tomlStr).join(", ")}]`,
      `updated = 2026-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`,
    ];
    if (r.int(4) === 0) lines.push(`level = ${tomlStr(r.pick(["beginner", "advanced"]))}`);
    if (r.int(25) === 0) {
      const v = `https://videos.gridshare.example/${m.id}`;
      lines.push(`video = { url = ${tomlStr(v)}, duration = ${60 + r.int(400)}, thumbnail = ${tomlStr(v + ".jpg")} }`);
    }
    lines.push("+++", "", body(r, m.subject, related), "");
    fs.writeFileSync(path.join(articles, `${m.id}.md`), lines.join("\n"));
  });
  return ids;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, count = "2000", seed = "1"] = process.argv.slice(2);
  if (!dir) { console.error("usage: node bench/corpus.mjs <out-dir> [count] [seed]"); process.exit(2); }
  const ids = generateCorpus(path.resolve(dir), Number(count), Number(seed));
  console.log(`wrote ${ids.length} articles to ${dir}`);
}
