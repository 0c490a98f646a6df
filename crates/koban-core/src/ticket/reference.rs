//! Ticket references: `KB-` and two groups of four Crockford base32 characters, e.g.
//! `KB-7F3K-92QD`.
//!
//! The alphabet leaves out `I`, `L`, `O` and `U` so a reference read over the phone survives.
//! The server draws the 40 bits from a CSPRNG ([`from_bytes`] is the pure formatting half);
//! a reference alone reveals nothing, since reading a ticket also needs its access token.

/// Crockford's base32 alphabet.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// Formats 40 random bits as a reference.
///
/// ```
/// assert_eq!(koban_core::ticket::reference::from_bytes([0; 5]), "KB-0000-0000");
/// assert_eq!(koban_core::ticket::reference::from_bytes([255; 5]), "KB-ZZZZ-ZZZZ");
/// ```
pub fn from_bytes(bytes: [u8; 5]) -> String {
    let mut n = bytes.iter().fold(0u64, |acc, b| (acc << 8) | u64::from(*b));
    let mut chars = [0u8; 8];
    for c in chars.iter_mut().rev() {
        *c = ALPHABET[(n & 31) as usize];
        n >>= 5;
    }
    let s = std::str::from_utf8(&chars).unwrap_or_default();
    format!("KB-{}-{}", &s[..4], &s[4..])
}

/// Normalizes what a person typed (any case, `O` for `0`, `I`/`L` for `1`, missing dashes) to
/// the canonical reference, or `None` if it cannot be one.
///
/// ```
/// use koban_core::ticket::reference::normalize;
/// assert_eq!(normalize("kb-7f3k-92qd").as_deref(), Some("KB-7F3K-92QD"));
/// assert_eq!(normalize("KB7F3K92QD").as_deref(), Some("KB-7F3K-92QD"));
/// assert_eq!(normalize("KB-7F3K-92Q"), None);
/// ```
pub fn normalize(input: &str) -> Option<String> {
    let upper = input.trim().to_ascii_uppercase();
    let rest = upper.strip_prefix("KB")?;
    let mut out = String::with_capacity(8);
    for c in rest.chars().filter(|c| *c != '-') {
        let c = match c {
            'O' => '0',
            'I' | 'L' => '1',
            c if c.is_ascii() && ALPHABET.contains(&(c as u8)) => c,
            _ => return None,
        };
        out.push(c);
    }
    (out.len() == 8).then(|| format!("KB-{}-{}", &out[..4], &out[4..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_formatted_reference_normalizes_to_itself() {
        for seed in [[1, 2, 3, 4, 5], [0xde, 0xad, 0xbe, 0xef, 0x42], [9; 5]] {
            let r = from_bytes(seed);
            assert_eq!(r.len(), 12);
            assert_eq!(normalize(&r).as_deref(), Some(r.as_str()));
            assert!(!r[3..].contains(['I', 'L', 'O', 'U']));
        }
        assert_eq!(normalize("XX-0000-0000"), None);
        assert_eq!(normalize("KB-0000-000U"), None);
    }
}
