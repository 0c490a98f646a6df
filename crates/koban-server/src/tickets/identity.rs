//! Identity tokens: `Koban('identify', { token })` lets the host page vouch for the signed-in
//! user. The token is a JWT signed with HS256 by the platform's backend with `identity_secret`
//! (`KOBAN_IDENTITY_SECRET`), a secret the widget never sees; it travels in the ticket's
//! `identityToken` field.
//!
//! A ticket is marked verified only when the token
//! - is a compact JWS whose header says `"alg": "HS256"` (anything else, `none` included, fails),
//! - carries a valid HMAC-SHA256 signature under `identity_secret` (compared in constant time),
//! - has an `exp` (seconds since the epoch) in the future and no `nbf` in the future (both with
//!   [`LEEWAY_SECS`] for clock skew),
//! - and has an `email` claim equal to the ticket's email (trimmed, ASCII case-insensitive).
//!
//! Anything else — no secret configured, no token, a malformed, expired, forged or mismatched
//! one — stores the ticket unverified: a token never makes a ticket fail, and the answer is the
//! same either way, so it reveals nothing (and an unverified ticket never reveals another ticket:
//! reading one always needs that ticket's own access token).
//!
//! Hand-written on `hmac` + `sha2` + `base64` (already dependencies) rather than with the
//! `jsonwebtoken` crate: its current releases make the application pick a crypto backend —
//! `aws-lc-rs` (a C/CMake build) or `rust_crypto` (RSA, ECDSA and EdDSA stacks plus second
//! copies of `hmac`/`sha2`) — to verify one HS256 MAC, which is the ~40 lines below.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use serde::Deserialize;
use sha2::Sha256;

/// Allowed clock skew for `exp` and `nbf`, in seconds.
pub const LEEWAY_SECS: i64 = 60;

/// Longest token considered (longer ones are not even decoded).
pub const MAX_TOKEN_LEN: usize = 8 * 1024;

/// Why a token does not verify (logged, never shown to the client).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Rejected {
    /// No `identity_secret` is configured.
    #[error("no identity_secret configured")]
    NoSecret,
    /// Not three base64url parts of JSON, or too long.
    #[error("malformed token")]
    Malformed,
    /// The header names another algorithm than HS256.
    #[error("algorithm is not HS256")]
    Algorithm,
    /// The signature does not match.
    #[error("bad signature")]
    Signature,
    /// `exp` is missing or past.
    #[error("expired or no exp")]
    Expired,
    /// `nbf` is in the future.
    #[error("not valid yet")]
    NotYetValid,
    /// The `email` claim is missing or names someone else.
    #[error("email claim does not match the ticket")]
    EmailMismatch,
}

#[derive(Deserialize)]
struct Header {
    alg: String,
}

#[derive(Deserialize)]
struct Claims {
    exp: Option<f64>,
    nbf: Option<f64>,
    email: Option<String>,
}

fn part<T: serde::de::DeserializeOwned>(b64: &str) -> Result<T, Rejected> {
    let bytes = URL_SAFE_NO_PAD
        .decode(b64)
        .map_err(|_| Rejected::Malformed)?;
    serde_json::from_slice(&bytes).map_err(|_| Rejected::Malformed)
}

/// Verifies `token` for a ticket from `email` at `now` (Unix seconds).
pub fn verify(token: &str, secret: Option<&str>, email: &str, now: i64) -> Result<(), Rejected> {
    let claimed = verified_email(token, secret, now)?;
    if claimed.eq_ignore_ascii_case(email.trim()) {
        Ok(())
    } else {
        Err(Rejected::EmailMismatch)
    }
}

/// The `email` claim (trimmed) of `token` if it verifies at `now` (Unix seconds): what
/// `GET /api/v1/me/tickets` lists the requests of.
pub fn verified_email(token: &str, secret: Option<&str>, now: i64) -> Result<String, Rejected> {
    let secret = secret.filter(|s| !s.is_empty()).ok_or(Rejected::NoSecret)?;
    if token.len() > MAX_TOKEN_LEN {
        return Err(Rejected::Malformed);
    }
    let token = token.trim();
    let (signed, signature) = token.rsplit_once('.').ok_or(Rejected::Malformed)?;
    let (header, claims) = signed.split_once('.').ok_or(Rejected::Malformed)?;
    if claims.contains('.') {
        return Err(Rejected::Malformed);
    }
    let header: Header = part(header)?;
    if header.alg != "HS256" {
        return Err(Rejected::Algorithm);
    }
    let signature = URL_SAFE_NO_PAD
        .decode(signature)
        .map_err(|_| Rejected::Malformed)?;
    let mut mac =
        Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC takes keys of any length");
    mac.update(signed.as_bytes());
    mac.verify_slice(&signature)
        .map_err(|_| Rejected::Signature)?;
    let claims: Claims = part(claims)?;
    let now = now as f64;
    match claims.exp {
        Some(exp) if exp + (LEEWAY_SECS as f64) > now => {}
        _ => return Err(Rejected::Expired),
    }
    if claims
        .nbf
        .is_some_and(|nbf| nbf - (LEEWAY_SECS as f64) > now)
    {
        return Err(Rejected::NotYetValid);
    }
    match claims.email {
        Some(claimed) if !claimed.trim().is_empty() => Ok(claimed.trim().to_string()),
        _ => Err(Rejected::EmailMismatch),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "0123456789abcdef0123456789abcdef";
    const NOW: i64 = 1_700_000_000;

    fn sign(header: &str, claims: &str, secret: &str) -> String {
        let input = format!(
            "{}.{}",
            URL_SAFE_NO_PAD.encode(header),
            URL_SAFE_NO_PAD.encode(claims)
        );
        let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap();
        mac.update(input.as_bytes());
        format!(
            "{input}.{}",
            URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
        )
    }

    fn token(claims: &str) -> String {
        sign(r#"{"alg":"HS256","typ":"JWT"}"#, claims, SECRET)
    }

    fn check(token: &str) -> Result<(), Rejected> {
        verify(token, Some(SECRET), "Ada@Example.com", NOW)
    }

    #[test]
    fn a_valid_token_verifies() {
        let t = token(r#"{"email":"ada@example.com","exp":1700000600,"sub":"u1"}"#);
        assert_eq!(check(&t), Ok(()));
        // Surrounding whitespace and case in the ticket's email do not matter.
        assert_eq!(verify(&t, Some(SECRET), " ada@example.com ", NOW), Ok(()));
    }

    #[test]
    fn everything_else_is_rejected() {
        let good = r#"{"email":"ada@example.com","exp":1700000600}"#;
        assert_eq!(
            verify(&token(good), None, "ada@example.com", NOW),
            Err(Rejected::NoSecret)
        );
        assert_eq!(
            check(&token(r#"{"email":"ada@example.com","exp":1699999000}"#)),
            Err(Rejected::Expired)
        );
        assert_eq!(
            check(&token(r#"{"email":"ada@example.com"}"#)),
            Err(Rejected::Expired)
        );
        assert_eq!(
            check(&token(
                r#"{"email":"ada@example.com","exp":1700000600,"nbf":1700001000}"#
            )),
            Err(Rejected::NotYetValid)
        );
        assert_eq!(
            check(&token(r#"{"email":"eve@example.com","exp":1700000600}"#)),
            Err(Rejected::EmailMismatch)
        );
        assert_eq!(
            check(&token(r#"{"exp":1700000600}"#)),
            Err(Rejected::EmailMismatch)
        );
        let forged = sign(
            r#"{"alg":"HS256"}"#,
            good,
            "another-secret-another-secret-00",
        );
        assert_eq!(check(&forged), Err(Rejected::Signature));
        let none = format!(
            "{}.{}.",
            URL_SAFE_NO_PAD.encode(r#"{"alg":"none"}"#),
            URL_SAFE_NO_PAD.encode(good)
        );
        assert_eq!(check(&none), Err(Rejected::Algorithm));
        let hs512 = sign(r#"{"alg":"HS512"}"#, good, SECRET);
        assert_eq!(check(&hs512), Err(Rejected::Algorithm));
        // A signed token whose claims were edited afterwards.
        let t = token(good);
        let mut parts: Vec<&str> = t.split('.').collect();
        let evil = URL_SAFE_NO_PAD.encode(r#"{"email":"ada@example.com","exp":9999999999}"#);
        parts[1] = &evil;
        assert_eq!(check(&parts.join(".")), Err(Rejected::Signature));
        for bad in [
            "",
            "a.b",
            "a.b.c.d",
            "!!.!!.!!",
            &"x".repeat(MAX_TOKEN_LEN + 1),
        ] {
            assert_eq!(check(bad), Err(Rejected::Malformed), "{bad}");
        }
    }
}
