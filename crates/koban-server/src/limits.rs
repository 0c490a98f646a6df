//! Abuse limits for the API: per-key rate limiting, the client's IP behind trusted proxies, the
//! CORS allowlist, and the request timeout.
//!
//! The rate limiter is hand-written (a GCRA over a mutex-guarded map, ~50 lines) because it must
//! be keyed by values only known after the body is parsed (the sender's email) and must report
//! the exact `Retry-After`; the general-purpose middleware crates key by request only.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::{ConnectInfo, DefaultBodyLimit, Request};
use axum::http::{HeaderMap, HeaderName, Method, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use tower_http::cors::{AllowOrigin, CorsLayer};

use crate::problem::{Problem, ProblemCode};
use crate::tickets::ClientIp;

/// A GCRA rate limiter: `limit` requests per `period` per key, with bursts up to `limit`.
#[derive(Debug)]
pub struct RateLimiter {
    interval: Duration,
    tolerance: Duration,
    state: Mutex<HashMap<String, Instant>>,
}

impl RateLimiter {
    /// `limit` requests per `period`; a limit of 0 disables limiting.
    pub fn new(limit: u32, period: Duration) -> RateLimiter {
        let interval = if limit == 0 {
            Duration::ZERO
        } else {
            period / limit
        };
        RateLimiter {
            interval,
            tolerance: period.saturating_sub(interval),
            state: Mutex::new(HashMap::new()),
        }
    }

    /// Takes one request for `key` at `now`; `Err(wait)` if over the limit.
    pub fn check(&self, key: &str, now: Instant) -> Result<(), Duration> {
        if self.interval.is_zero() {
            return Ok(());
        }
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        if state.len() > 100_000 {
            state.retain(|_, tat| *tat > now);
        }
        let tat = state.get(key).copied().unwrap_or(now).max(now);
        let allow_at = tat.checked_sub(self.tolerance).unwrap_or(now);
        if allow_at > now {
            return Err(allow_at - now);
        }
        state.insert(key.to_string(), tat + self.interval);
        Ok(())
    }
}

/// A 429 problem with `Retry-After` rounded up to whole seconds.
pub fn too_many(wait: Duration, what: &str) -> Problem {
    rate_limited(
        wait,
        format!("Too many tickets from this {what}; try again later"),
    )
}

/// A 429 `rate_limited` problem with `detail` and `Retry-After` rounded up to whole seconds
/// (at least 1).
pub fn rate_limited(wait: Duration, detail: impl Into<String>) -> Problem {
    let secs = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
    Problem::new(ProblemCode::RateLimited)
        .detail(detail)
        .retry_after(secs.max(1))
}

/// A trusted proxy: one address or a CIDR block (`10.0.0.0/8`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IpNet {
    addr: IpAddr,
    prefix: u8,
}

impl std::str::FromStr for IpNet {
    type Err = String;
    fn from_str(s: &str) -> Result<IpNet, String> {
        let (addr, prefix) = match s.split_once('/') {
            Some((a, p)) => (a, Some(p)),
            None => (s, None),
        };
        let addr: IpAddr = addr
            .trim()
            .parse()
            .map_err(|_| format!("`{s}` is not an IP address or CIDR block"))?;
        let max = if addr.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            Some(p) => p
                .trim()
                .parse::<u8>()
                .ok()
                .filter(|p| *p <= max)
                .ok_or_else(|| format!("`{s}` has a bad prefix length"))?,
            None => max,
        };
        Ok(IpNet { addr, prefix })
    }
}

impl IpNet {
    /// Whether `ip` is inside this block.
    pub fn contains(&self, ip: IpAddr) -> bool {
        match (self.addr, ip) {
            (IpAddr::V4(net), IpAddr::V4(ip)) => {
                let mask = u32::MAX
                    .checked_shl(32 - u32::from(self.prefix))
                    .unwrap_or(0);
                u32::from(net) & mask == u32::from(ip) & mask
            }
            (IpAddr::V6(net), IpAddr::V6(ip)) => {
                let mask = u128::MAX
                    .checked_shl(128 - u32::from(self.prefix))
                    .unwrap_or(0);
                u128::from(net) & mask == u128::from(ip) & mask
            }
            _ => false,
        }
    }
}

/// The client's IP: the peer address, or, when the peer is a trusted proxy, the right-most
/// address in `X-Forwarded-For` that is not itself a trusted proxy.
pub fn client_ip(peer: Option<IpAddr>, headers: &HeaderMap, trusted: &[IpNet]) -> Option<IpAddr> {
    let peer = peer?;
    let is_trusted = |ip: IpAddr| trusted.iter().any(|n| n.contains(ip));
    if !is_trusted(peer) {
        return Some(peer);
    }
    let forwarded: Vec<IpAddr> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    Some(
        forwarded
            .into_iter()
            .rev()
            .find(|ip| !is_trusted(*ip))
            .unwrap_or(peer),
    )
}

/// The peer address axum recorded for this connection, if served with connect info.
pub fn peer_ip(req: &Request) -> Option<IpAddr> {
    req.extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip())
}

/// Whether `origin` may call the API. With an explicit allowlist, exact matches only (`*`
/// allows all). Without one (the development default): the server's own origin (`host`) and
/// any `http://` origin on `localhost` or `127.0.0.1`, any port.
pub fn origin_allowed(origin: &str, allowlist: &[String], host: Option<&str>) -> bool {
    if !allowlist.is_empty() {
        return allowlist
            .iter()
            .any(|a| a == "*" || a.trim_end_matches('/').eq_ignore_ascii_case(origin));
    }
    if let Some(host) = host
        && (origin.eq_ignore_ascii_case(&format!("http://{host}"))
            || origin.eq_ignore_ascii_case(&format!("https://{host}")))
    {
        return true;
    }
    let Some(rest) = origin.strip_prefix("http://") else {
        return false;
    };
    let host = match rest.rsplit_once(':') {
        Some((h, port)) if !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()) => h,
        Some(_) => return false,
        None => rest,
    };
    host == "localhost" || host == "127.0.0.1" || host == "[::1]"
}

/// The CORS layer for the API, allowing the origins [`origin_allowed`] accepts; other origins get
/// no `Access-Control-Allow-Origin`, so browsers block them and preflights fail. Wrap it in
/// [`strip_cors_if_refused`] so they get no CORS headers at all.
pub fn cors_layer(allowlist: Vec<String>) -> CorsLayer {
    CorsLayer::new()
        .allow_origin(AllowOrigin::predicate(move |origin, parts| {
            let host = parts
                .headers
                .get(header::HOST)
                .and_then(|h| h.to_str().ok());
            origin
                .to_str()
                .is_ok_and(|o| origin_allowed(o, &allowlist, host))
        }))
        .allow_methods([Method::GET, Method::POST])
        .allow_headers([
            header::CONTENT_TYPE,
            header::AUTHORIZATION,
            HeaderName::from_static("idempotency-key"),
        ])
        .expose_headers([
            header::RETRY_AFTER,
            header::LOCATION,
            HeaderName::from_static("idempotent-replayed"),
        ])
        .max_age(Duration::from_secs(600))
}

/// Response mapper (`axum::middleware::map_response`, outside [`cors_layer`]): a response without
/// `Access-Control-Allow-Origin` (origin not allowed, or no CORS request) loses the other
/// `Access-Control-*` headers tower-http adds regardless (allowed methods and headers on
/// preflights, exposed headers), so a refused origin learns nothing about the API.
pub async fn strip_cors_if_refused(mut res: Response) -> Response {
    let headers = res.headers_mut();
    if !headers.contains_key(header::ACCESS_CONTROL_ALLOW_ORIGIN) {
        let cors: Vec<HeaderName> = headers
            .keys()
            .filter(|k| k.as_str().starts_with("access-control-"))
            .cloned()
            .collect();
        for name in cors {
            headers.remove(name);
        }
    }
    res
}

/// Middleware body: answers 503 problem+json (with `Retry-After: 1`) when the rest of the stack
/// takes longer than `timeout`, so a slow request gets a response, never a dropped connection.
pub async fn timeout(timeout: Duration, req: Request, next: Next) -> Response {
    match tokio::time::timeout(timeout, next.run(req)).await {
        Ok(res) => res,
        Err(_) => Problem::new(ProblemCode::Timeout)
            .retry_after(1)
            .into_response(),
    }
}

/// The layers every JSON API router gets, innermost first: the body limit, the [`ClientIp`]
/// extension (through `trusted_proxies`), the request [`timeout`], the [`cors_layer`] and
/// [`strip_cors_if_refused`].
pub fn api_layers<S: Clone + Send + Sync + 'static>(
    router: Router<S>,
    body_limit_bytes: usize,
    trusted_proxies: Vec<IpNet>,
    request_timeout: Duration,
    cors_origins: Vec<String>,
) -> Router<S> {
    let trusted: Arc<[IpNet]> = trusted_proxies.into();
    router
        .layer(DefaultBodyLimit::max(body_limit_bytes))
        .layer(middleware::from_fn(move |mut req: Request, next: Next| {
            let ip = client_ip(peer_ip(&req), req.headers(), &trusted);
            req.extensions_mut().insert(ClientIp(ip));
            next.run(req)
        }))
        .layer(middleware::from_fn(move |req: Request, next: Next| {
            timeout(request_timeout, req, next)
        }))
        .layer(cors_layer(cors_origins))
        .layer(middleware::map_response(strip_cors_if_refused))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gcra_allows_a_burst_then_spaces_requests() {
        let rl = RateLimiter::new(3, Duration::from_secs(60));
        let t0 = Instant::now();
        for _ in 0..3 {
            assert!(rl.check("a", t0).is_ok());
        }
        let wait = rl.check("a", t0).unwrap_err();
        assert_eq!(wait, Duration::from_secs(20));
        assert!(rl.check("b", t0).is_ok(), "keys are independent");
        assert!(rl.check("a", t0 + Duration::from_secs(20)).is_ok());
        assert!(rl.check("a", t0 + Duration::from_secs(20)).is_err());
        let off = RateLimiter::new(0, Duration::from_secs(1));
        for _ in 0..1000 {
            assert!(off.check("x", t0).is_ok());
        }
        assert_eq!(
            too_many(Duration::from_millis(1500), "IP").retry_after,
            Some(2)
        );
    }

    #[test]
    fn origins() {
        let dev: &[String] = &[];
        for ok in [
            "http://localhost:3000",
            "http://127.0.0.1:8080",
            "http://localhost",
        ] {
            assert!(origin_allowed(ok, dev, None), "{ok}");
        }
        for bad in [
            "https://evil.example",
            "http://localhost.evil.example",
            "http://127.0.0.1.evil:80",
            "null",
            "http://evil.example:8080",
        ] {
            assert!(!origin_allowed(bad, dev, None), "{bad}");
        }
        assert!(origin_allowed(
            "https://help.example.com",
            dev,
            Some("help.example.com")
        ));
        let list = vec!["https://app.example.com".to_string()];
        assert!(origin_allowed("https://app.example.com", &list, None));
        assert!(!origin_allowed("http://localhost:3000", &list, None));
        assert!(origin_allowed("https://x", &["*".to_string()], None));
    }

    #[test]
    fn client_ip_behind_trusted_proxies() {
        let trusted: Vec<IpNet> = vec!["10.0.0.0/8".parse().unwrap(), "::1".parse().unwrap()];
        let mut h = HeaderMap::new();
        h.insert(
            "x-forwarded-for",
            "203.0.113.9, 198.51.100.7, 10.1.2.3".parse().unwrap(),
        );
        let proxy: IpAddr = "10.0.0.1".parse().unwrap();
        let stranger: IpAddr = "192.0.2.1".parse().unwrap();
        assert_eq!(
            client_ip(Some(proxy), &h, &trusted),
            Some("198.51.100.7".parse().unwrap())
        );
        assert_eq!(client_ip(Some(stranger), &h, &trusted), Some(stranger));
        assert_eq!(
            client_ip(Some(proxy), &HeaderMap::new(), &trusted),
            Some(proxy)
        );
        assert!("10.0.0.0/33".parse::<IpNet>().is_err());
        assert!("nope".parse::<IpNet>().is_err());
        assert!("0.0.0.0/0".parse::<IpNet>().unwrap().contains(stranger));
    }
}
