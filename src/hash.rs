//! A small, stable, non-cryptographic 64-bit hash for telling whether
//! inputs changed between builds. Stable across runs, platforms and Rust
//! versions, unlike `std`'s hasher, and fast on large inputs: it takes
//! eight bytes at a time (a build hashes every brief it finds, so this is
//! most of the cost of a build where nothing changed).
//!
//! Each 8-byte word (little-endian) is mixed into the state with a
//! multiplication whose high and low halves are folded together; the last
//! partial word of each `write` is padded and mixed with its length, so
//! `"a"` and `"a\0"` differ. The same sequence of `write`s gives the same
//! hash; how the input is split between `write`s is part of what is hashed.

/// Odd constants with well-spread bits (the fractional parts of the golden
/// ratio and of √3, in 64 bits).
const WORD: u64 = 0x9e37_79b9_7f4a_7c15;
const TAIL: u64 = 0xbb67_ae85_84ca_a73b;

/// The 128-bit product of `a` and `b`, its two halves xor-ed together.
fn fold(a: u64, b: u64) -> u64 {
    let product = u128::from(a) * u128::from(b);
    (product as u64) ^ ((product >> 64) as u64)
}

/// The running hash.
#[derive(Debug, Clone)]
pub(crate) struct Fingerprint(u64);

impl Fingerprint {
    pub(crate) fn new() -> Self {
        Fingerprint(0x243f_6a88_85a3_08d3)
    }

    pub(crate) fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for word in &mut words {
            let mut w = [0u8; 8];
            w.copy_from_slice(word);
            self.0 = fold(self.0 ^ u64::from_le_bytes(w), WORD);
        }
        let rest = words.remainder();
        let mut last = [0u8; 8];
        last[..rest.len()].copy_from_slice(rest);
        self.0 = fold(
            self.0 ^ u64::from_le_bytes(last),
            TAIL ^ (bytes.len() as u64).rotate_left(32),
        );
    }

    pub(crate) fn finish(&self) -> u64 {
        // A last mix, so that every input bit reaches every output bit.
        fold(self.0, WORD) ^ self.0.rotate_left(29)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hash(bytes: &[u8]) -> u64 {
        let mut h = Fingerprint::new();
        h.write(bytes);
        h.finish()
    }

    #[test]
    fn values_are_pinned() {
        // The fingerprints are stored in build records: a change to the
        // function makes every brief look changed once. Change these only
        // on purpose. (They were worked out independently of this code, from
        // the description at the top of this file.)
        assert_eq!(hash(b""), 0x02be_495a_a36d_4122);
        assert_eq!(hash(b"a"), 0x3fd9_9532_19f3_187d);
        assert_eq!(hash(b"id: demo\ntitle: A demo\n"), 0x3971_3c8b_d697_af20);
    }

    #[test]
    fn every_one_byte_change_and_every_length_gives_another_hash() {
        let base: Vec<u8> = (0..67u8).map(|i| i.wrapping_mul(37)).collect();
        let mut seen = std::collections::HashSet::new();
        assert!(seen.insert(hash(&base)));
        for i in 0..base.len() {
            for bit in 0..8 {
                let mut changed = base.clone();
                changed[i] ^= 1 << bit;
                assert!(seen.insert(hash(&changed)), "byte {i} bit {bit}");
            }
        }
        for len in 0..base.len() {
            assert!(seen.insert(hash(&base[..len])), "prefix of {len} bytes");
        }
        // Zero padding does not hide a trailing zero byte.
        assert_ne!(hash(b"a"), hash(b"a\0"));
        assert_ne!(hash(b"abcdefgh"), hash(b"abcdefgh\0"));
    }

    #[test]
    fn how_the_input_is_split_counts() {
        let mut a = Fingerprint::new();
        a.write(b"ab");
        a.write(b"c");
        let mut b = Fingerprint::new();
        b.write(b"a");
        b.write(b"bc");
        assert_ne!(a.finish(), b.finish());
        let mut c = Fingerprint::new();
        c.write(b"ab");
        c.write(b"c");
        assert_eq!(a.finish(), c.finish());
    }
}
