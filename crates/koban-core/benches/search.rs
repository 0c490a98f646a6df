//! Search benchmark: index build time and query latency at 1,000, 10,000 and 100,000 generated
//! articles (English-like and Japanese-like text, Zipf-distributed vocabulary, ~250-word bodies).
//!
//! ```text
//! # criterion (build and a query mix per size) followed by the latency report:
//! CARGO_TARGET_DIR=… cargo bench -p koban-core --profile server --bench search -- --measurement-time 3
//! # only the latency report (fast; what bench/run.sh should collect):
//! KOBAN_BENCH_QUICK=1 cargo bench -p koban-core --profile server --bench search
//! # other sizes:
//! KOBAN_BENCH_SIZES=2000,50000 KOBAN_BENCH_QUICK=1 cargo bench -p koban-core --profile server --bench search
//! ```
//!
//! Use `--profile server` (opt-level 3) for host numbers: the workspace `release`/`bench` profile
//! is opt-level "z" for the wasm widget, which is roughly 2× slower. The latency report prints one
//! line per size that a script can parse:
//!
//! ```text
//! search-latency articles=10000 terms=… build_ms=… p50_us=… p95_us=… max_us=… raw_p95_us=… raw_p99_us=… queries=… hits=…
//! ```
//!
//! Every query of the mix (single words, two and three words, typos, prefixes of 1–6 letters,
//! Japanese bigram queries, a third of them with a context boost) is timed individually in 5
//! rounds, including title highlighting and snippets for the top 10. `p50`/`p95`/`max` are over
//! the per-query medians (robust to preemption on a busy machine); `raw_*` over every run.
//! `KOBAN_BENCH_SLOWEST=1` also lists the slowest queries; `KOBAN_BENCH_LOOP=<query|mix>` runs
//! one query (or the mix) in a loop, for profiling.

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    host::main();
}

#[cfg(not(target_arch = "wasm32"))]
mod host {
    use std::hint::black_box;
    use std::time::{Duration, Instant};

    use criterion::{BatchSize, Criterion};
    use koban_core::search::{DocKind, Index, SearchDoc, SearchOptions};

    /// Deterministic xorshift64* generator (no `rand` dependency needed).
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }

        fn range(&mut self, lo: usize, hi: usize) -> usize {
            lo + self.below(hi - lo + 1)
        }
    }

    const EN_WORDS: &str = "the to and a of your node is in for you it on job wallet with \
        credits gpu agent can be that this if are payout withdrawal offline account billing \
        reward rewards network status error limit limits storage quota invoice refund card \
        declined security key api logs output timeout memory docker image container install \
        update firewall port ports benchmark score uptime signature hardware address history \
        transaction pending support email password locked two factor authentication recovery \
        schedule cpu disk price estimate cost tax statement provider consumer dashboard page \
        settings restart service linux windows macos driver nvidia cuda coordinator heartbeat";

    const JA_WORDS: &[&str] = &[
        "ノード",
        "オフライン",
        "出金",
        "ウォレット",
        "報酬",
        "ジョブ",
        "エージェント",
        "クレジット",
        "請求書",
        "返金",
        "カード",
        "確定申告",
        "メモリ不足",
        "タイムアウト",
        "コンテナ",
        "ログ",
        "ファイアウォール",
        "ポート",
        "ベンチマーク",
        "稼働率",
        "署名",
        "アドレス",
        "履歴",
        "保留",
        "二要素認証",
        "パスワード",
        "アカウント",
        "設定",
        "再起動",
        "ドライバー",
        "料金",
        "見積もり",
        "ストレージ",
        "容量",
        "上限",
        "ネットワーク",
        "表示",
        "確認",
        "方法",
        "原因",
    ];
    const JA_PARTICLES: &[&str] = &["が", "を", "に", "は", "の", "で", "と", "から"];

    /// Vocabulary: real help-center words first (most frequent), then synthetic words.
    fn vocabulary(size: usize, rng: &mut Rng) -> Vec<String> {
        const SYLLABLES: &[&str] = &[
            "ka", "ri", "to", "mel", "dor", "an", "vex", "lo", "sen", "tra", "pi", "qu", "zor",
            "ne", "bal", "fi", "gu", "hem", "ist", "jo", "ment", "ble", "ward", "con", "ex", "ure",
            "ly",
        ];
        let mut words: Vec<String> = EN_WORDS.split_whitespace().map(String::from).collect();
        while words.len() < size {
            let n = rng.range(2, 4);
            let w: String = (0..n)
                .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
                .collect();
            words.push(w);
        }
        words
    }

    /// Zipf(1.0) sampler over `n` ranks.
    struct Zipf(Vec<f64>);

    impl Zipf {
        fn new(n: usize) -> Self {
            let mut acc = 0.0;
            Zipf(
                (1..=n)
                    .map(|r| {
                        acc += 1.0 / r as f64;
                        acc
                    })
                    .collect(),
            )
        }

        fn sample(&self, rng: &mut Rng) -> usize {
            let total = *self.0.last().expect("non-empty");
            let x = (rng.next() >> 11) as f64 / (1u64 << 53) as f64 * total;
            self.0.partition_point(|&c| c < x).min(self.0.len() - 1)
        }
    }

    fn sentence(words: &[String], zipf: &Zipf, rng: &mut Rng, n: usize) -> String {
        let mut s = String::new();
        for i in 0..n {
            if i > 0 {
                s.push(' ');
            }
            s.push_str(&words[zipf.sample(rng)]);
        }
        s
    }

    fn ja_sentence(rng: &mut Rng, n: usize) -> String {
        let mut s = String::new();
        for _ in 0..n {
            s.push_str(JA_WORDS[rng.below(JA_WORDS.len())]);
            s.push_str(JA_PARTICLES[rng.below(JA_PARTICLES.len())]);
            if rng.below(6) == 0 {
                s.push('。');
            }
        }
        s
    }

    /// `n` generated articles: 80% English-like, 20% Japanese-like.
    pub fn corpus(n: usize) -> Vec<SearchDoc> {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ n as u64);
        let vocab = vocabulary(20_000 + n / 2, &mut rng);
        let zipf = Zipf::new(vocab.len());
        let contexts = [
            "route:/nodes/*",
            "route:/wallet",
            "error:E_NODE_OFFLINE",
            "page:billing",
        ];
        (0..n)
            .map(|i| {
                let ja = rng.below(5) == 0;
                let (title, summary, body) = if ja {
                    let body_len = rng.range(60, 160);
                    (
                        ja_sentence(&mut rng, 3),
                        ja_sentence(&mut rng, 8),
                        ja_sentence(&mut rng, body_len),
                    )
                } else {
                    let words = rng.range(120, 380);
                    let mut body = String::new();
                    let mut left = words;
                    while left > 0 {
                        let k = rng.range(8, 20).min(left);
                        body.push_str(&sentence(&vocab, &zipf, &mut rng, k));
                        body.push_str(".\n");
                        left -= k;
                    }
                    let title_len = rng.range(3, 7);
                    let summary_len = rng.range(10, 20);
                    (
                        sentence(&vocab, &zipf, &mut rng, title_len),
                        sentence(&vocab, &zipf, &mut rng, summary_len),
                        body,
                    )
                };
                let tags = (0..rng.range(2, 4))
                    .map(|_| vocab[rng.below(2000)].clone())
                    .collect();
                SearchDoc {
                    id: format!("article-{i}"),
                    kind: if i % 10 == 0 {
                        DocKind::Flow
                    } else {
                        DocKind::Article
                    },
                    title,
                    tags,
                    summary,
                    body,
                    contexts: vec![contexts[rng.below(contexts.len())].to_string()],
                }
            })
            .collect()
    }

    /// A mix of realistic queries, with the options to run them with.
    pub fn queries(n: usize) -> Vec<(String, SearchOptions)> {
        let mut rng = Rng(42);
        let vocab = vocabulary(20_000 + n / 2, &mut Rng(0x9E37_79B9_7F4A_7C15 ^ n as u64));
        let common = |rng: &mut Rng| vocab[rng.below(300)].clone();
        let rare = |rng: &mut Rng| vocab[rng.range(300, vocab.len() - 1)].clone();
        let typo = |rng: &mut Rng, w: &str| {
            let mut c: Vec<char> = w.chars().collect();
            if c.len() >= 4 {
                let i = rng.range(1, c.len() - 2);
                match rng.below(3) {
                    0 => c.swap(i, i + 1),
                    1 => {
                        c.remove(i);
                    }
                    _ => c[i] = 'x',
                }
            }
            c.into_iter().collect::<String>()
        };
        let mut out: Vec<String> = vec![
            "withdrawl".into(),
            "wall".into(),
            "node offline".into(),
            "how do i withdraw my rewards".into(),
            "ノード オフライン".into(),
            "ノードがオフライン".into(),
            "オフライン".into(),
            "出".into(),
            "ウォレット 出金".into(),
            "w".into(),
            "t".into(),
            "th".into(),
        ];
        for i in 0..150 {
            let q = match i % 10 {
                0 => common(&mut rng),
                1 => rare(&mut rng),
                2 => format!("{} {}", common(&mut rng), rare(&mut rng)),
                3 => format!(
                    "{} {} {}",
                    common(&mut rng),
                    common(&mut rng),
                    rare(&mut rng)
                ),
                4 => {
                    let w = rare(&mut rng);
                    typo(&mut rng, &w)
                }
                5 => {
                    let w = common(&mut rng);
                    typo(&mut rng, &w)
                }
                6 => {
                    let w = rare(&mut rng);
                    let k = rng.range(1, w.len().min(6));
                    w[..k].to_string()
                }
                7 => {
                    let w = common(&mut rng);
                    let k = rng.range(1, w.len());
                    format!("{} {}", rare(&mut rng), &w[..k])
                }
                8 => format!(
                    "{}{}",
                    JA_WORDS[rng.below(JA_WORDS.len())],
                    JA_WORDS[rng.below(JA_WORDS.len())]
                ),
                _ => {
                    let (a, b) = (rare(&mut rng), rare(&mut rng));
                    format!("{a} {}", typo(&mut rng, &b))
                }
            };
            out.push(q);
        }
        out.into_iter()
            .enumerate()
            .map(|(i, q)| {
                let context_boost = if i % 3 == 0 {
                    vec!["route:/nodes/abc".into(), "error:E_NODE_OFFLINE".into()]
                } else {
                    vec![]
                };
                (
                    q,
                    SearchOptions {
                        limit: 10,
                        context_boost,
                    },
                )
            })
            .collect()
    }

    fn percentile(sorted: &[Duration], p: f64) -> f64 {
        let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
        sorted[i].as_secs_f64() * 1e6
    }

    /// Builds the index for `n` articles and times every query of the mix individually.
    fn latency_report(n: usize) {
        let docs = corpus(n);
        let start = Instant::now();
        let index = Index::build(docs);
        let build = start.elapsed();
        let queries = queries(n);
        if let Ok(q) = std::env::var("KOBAN_BENCH_LOOP") {
            // Profiling aid: run one query (or the whole mix, "mix") many times.
            let list: Vec<(String, SearchOptions)> = if q == "mix" {
                queries.clone()
            } else {
                vec![(q, SearchOptions::default())]
            };
            let rounds = 3000 / list.len().max(1) + 1;
            let t = Instant::now();
            for _ in 0..rounds {
                for (q, o) in &list {
                    black_box(index.search(q, o));
                }
            }
            println!(
                "loop: {:?} per query",
                t.elapsed() / (rounds * list.len()) as u32
            );
            return;
        }
        let mut hits = 0usize;
        for (q, o) in &queries {
            hits += index.search(q, o).len();
        }
        // ROUNDS timings per query; the median per query filters out preemption by other
        // processes (a busy 2-core machine otherwise dominates the tail).
        const ROUNDS: usize = 5;
        let mut per_query: Vec<Vec<Duration>> = vec![Vec::with_capacity(ROUNDS); queries.len()];
        for _ in 0..ROUNDS {
            for (k, (q, o)) in queries.iter().enumerate() {
                let t = Instant::now();
                let r = black_box(index.search(black_box(q), o));
                per_query[k].push(t.elapsed());
                drop(r);
            }
        }
        let mut all: Vec<Duration> = per_query.iter().flatten().copied().collect();
        all.sort_unstable();
        let mut medians: Vec<Duration> = per_query
            .iter_mut()
            .map(|v| {
                v.sort_unstable();
                v[v.len() / 2]
            })
            .collect();
        medians.sort_unstable();
        if std::env::var_os("KOBAN_BENCH_SLOWEST").is_some() {
            let mut slow: Vec<(Duration, &str)> = per_query
                .iter()
                .zip(&queries)
                .map(|(v, (q, _))| (v[v.len() / 2], q.as_str()))
                .collect();
            slow.sort_unstable_by_key(|s| std::cmp::Reverse(s.0));
            for (d, q) in slow.iter().take(10) {
                println!("  slow: {:>8.1} us {q:?}", d.as_secs_f64() * 1e6);
            }
        }
        println!(
            "search-latency articles={n} terms={} build_ms={:.1} p50_us={:.1} p95_us={:.1} max_us={:.1} raw_p95_us={:.1} raw_p99_us={:.1} queries={} hits={}",
            index.term_count(),
            build.as_secs_f64() * 1e3,
            percentile(&medians, 0.50),
            percentile(&medians, 0.95),
            percentile(&medians, 1.0),
            percentile(&all, 0.95),
            percentile(&all, 0.99),
            queries.len(),
            hits,
        );
    }

    fn sizes() -> Vec<usize> {
        std::env::var("KOBAN_BENCH_SIZES")
            .ok()
            .map(|s| s.split(',').filter_map(|x| x.trim().parse().ok()).collect())
            .unwrap_or_else(|| vec![1_000, 10_000, 100_000])
    }

    pub fn main() {
        let sizes = sizes();
        if std::env::var_os("KOBAN_BENCH_QUICK").is_none() {
            let mut c = Criterion::default()
                .sample_size(10)
                .warm_up_time(Duration::from_millis(500))
                .configure_from_args();
            for &n in &sizes {
                let docs = corpus(n);
                let mut group = c.benchmark_group(format!("search/{n}"));
                group.sample_size(10);
                // Building 100,000 articles takes seconds: time it in the latency report only.
                if n <= 10_000 {
                    group.bench_function("build", |b| {
                        b.iter_batched(
                            || docs.clone(),
                            |d| Index::build(black_box(d)),
                            BatchSize::LargeInput,
                        )
                    });
                }
                let index = Index::build(docs);
                let queries = queries(n);
                group.bench_function("query-mix", |b| {
                    let mut i = 0;
                    b.iter(|| {
                        let (q, o) = &queries[i % queries.len()];
                        i += 1;
                        index.search(black_box(q), o)
                    })
                });
                group.finish();
            }
            c.final_summary();
        }
        for &n in &sizes {
            latency_report(n);
        }
    }
}
