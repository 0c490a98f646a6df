//! Packed `u64` sort keys.
//!
//! Every sort in search goes through `[u64]::sort_unstable` / `select_nth_unstable` on keys
//! packed by these helpers, plus one string sort ([`sort_by_str`]). Each distinct element type
//! or comparator closure instantiates the standard library's sort code again (a few kilobytes of
//! wasm each); sharing one instantiation keeps the widget small, and integer keys sort fast.

/// A key that sorts by `hi`, then `lo`.
pub(crate) fn pair(hi: u32, lo: u32) -> u64 {
    (u64::from(hi) << 32) | u64::from(lo)
}

/// The two halves of a [`pair`] key.
pub(crate) fn unpair(key: u64) -> (u32, u32) {
    ((key >> 32) as u32, key as u32)
}

/// A key that sorts by `score` descending (scores are finite and non-negative), then `index`.
pub(crate) fn by_score_desc(score: f32, index: u32) -> u64 {
    pair(!score.max(0.0).to_bits(), index)
}

/// The score and index of a [`by_score_desc`] key.
pub(crate) fn score_of(key: u64) -> (f32, u32) {
    let (bits, index) = unpair(key);
    (f32::from_bits(!bits), index)
}

/// Keeps the `k` smallest keys, sorted.
pub(crate) fn smallest(keys: &mut Vec<u64>, k: usize) {
    if k == 0 {
        keys.clear();
        return;
    }
    if keys.len() > k {
        keys.select_nth_unstable(k - 1);
        keys.truncate(k);
    }
    keys.sort_unstable();
}

/// Sorts `ids` by `key(id)` (bytewise, as `str`'s `Ord`), then by id.
///
/// A most-significant-digit radix sort on 4-byte chunks that sorts each level with the shared
/// `u64` sort, so strings need no sort instantiation of their own.
pub(crate) fn sort_by_str<'a>(ids: &mut [u32], key: &dyn Fn(u32) -> &'a str) {
    sort_level(ids, key, 0);
}

/// Big-endian bytes `4 * depth ..` of `s`, zero-padded.
fn chunk(s: &str, depth: usize) -> u32 {
    let bytes = s.as_bytes();
    let mut out = [0u8; 4];
    for (k, slot) in out.iter_mut().enumerate() {
        *slot = bytes.get(depth * 4 + k).copied().unwrap_or(0);
    }
    u32::from_be_bytes(out)
}

fn sort_level<'a>(ids: &mut [u32], key: &dyn Fn(u32) -> &'a str, depth: usize) {
    if ids.len() < 2 {
        return;
    }
    if depth >= 64 {
        // Past 256 equal bytes (never for terms, which are at most 128 bytes): insertion sort.
        for i in 1..ids.len() {
            let mut j = i;
            while j > 0 && (key(ids[j - 1]), ids[j - 1]) > (key(ids[j]), ids[j]) {
                ids.swap(j - 1, j);
                j -= 1;
            }
        }
        return;
    }
    let mut keys: Vec<u64> = ids
        .iter()
        .map(|&id| pair(chunk(key(id), depth), id))
        .collect();
    keys.sort_unstable();
    for (slot, k) in ids.iter_mut().zip(&keys) {
        *slot = unpair(*k).1;
    }
    let mut i = 0;
    while i < keys.len() {
        let c = unpair(keys[i]).0;
        let mut j = i + 1;
        while j < keys.len() && unpair(keys[j]).0 == c {
            j += 1;
        }
        let run = &mut ids[i..j];
        if run.len() > 1 {
            if run.iter().any(|&id| key(id).len() > (depth + 1) * 4) {
                sort_level(run, key, depth + 1);
            } else {
                // Equal up to zero padding: they differ only in trailing NUL bytes, if at all,
                // and the shorter string sorts first.
                let mut by_len: Vec<u64> = run
                    .iter()
                    .map(|&id| pair(key(id).len() as u32, id))
                    .collect();
                by_len.sort_unstable();
                for (slot, k) in run.iter_mut().zip(&by_len) {
                    *slot = unpair(*k).1;
                }
            }
        }
        i = j;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn score_keys_sort_descending_then_by_index() {
        let mut keys = vec![
            by_score_desc(1.5, 3),
            by_score_desc(7.0, 9),
            by_score_desc(1.5, 1),
            by_score_desc(0.0, 0),
        ];
        smallest(&mut keys, 3);
        let got: Vec<(f32, u32)> = keys.into_iter().map(score_of).collect();
        assert_eq!(got, [(7.0, 9), (1.5, 1), (1.5, 3)]);
        assert_eq!(unpair(pair(5, 6)), (5, 6));
    }

    #[test]
    fn strings_sort_like_str_ord() {
        let words = [
            "abcd",
            "abc",
            "abcde",
            "b",
            "",
            "abcdabcdx",
            "abcdabcd",
            "ノード",
            "zz",
            "abcd",
            "a\u{0}",
            "a",
            "abcdabce",
            "é",
            "e",
        ];
        let long_a = "x".repeat(300) + "a";
        let long_b = "x".repeat(300) + "b";
        let mut all: Vec<&str> = words.to_vec();
        all.push(&long_b);
        all.push(&long_a);
        let mut ids: Vec<u32> = (0..all.len() as u32).collect();
        sort_by_str(&mut ids, &|i| all[i as usize]);
        let mut want: Vec<u32> = (0..all.len() as u32).collect();
        want.sort_by(|&a, &b| all[a as usize].cmp(all[b as usize]).then(a.cmp(&b)));
        assert_eq!(ids, want);
    }
}
