//! Seeds: one quiz or exam seed fans out into independent, stable random streams.
//!
//! The draw (which questions, in which order) uses the session seed directly. Each question's choice order
//! uses its own stream, derived from the session seed and the question's id, so a question shuffles the same
//! way whatever else is drawn with it. That is what lets an exam be rebuilt from its seed and question ids.

use rand::SeedableRng;
use rand::rngs::StdRng;

/// The random stream for the session draw.
pub fn draw_rng(seed: u64) -> StdRng {
    StdRng::seed_from_u64(seed)
}

/// The random stream for one item (`key` is a question id), independent of every other key's stream.
pub fn item_rng(seed: u64, key: &str) -> StdRng {
    StdRng::seed_from_u64(mix(seed, key))
}

/// FNV-1a over the seed's bytes and the key's bytes: stable across Rust and platform versions, unlike
/// `std`'s `DefaultHasher`.
fn mix(seed: u64, key: &str) -> u64 {
    fnv1a(seed.to_le_bytes().iter().chain(key.as_bytes()).copied())
}

fn fnv1a(bytes: impl Iterator<Item = u8>) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    bytes.fold(OFFSET, |hash, byte| (hash ^ u64::from(byte)).wrapping_mul(PRIME))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::Rng;

    #[test]
    fn item_streams_depend_on_seed_and_key() {
        let first = |seed, key| item_rng(seed, key).next_u64();
        assert_eq!(first(7, "a/b"), first(7, "a/b"));
        assert_ne!(first(7, "a/b"), first(8, "a/b"));
        assert_ne!(first(7, "a/b"), first(7, "a/c"));
        assert_ne!(first(7, ""), draw_rng(7).next_u64());
    }

    #[test]
    fn fnv1a_matches_the_published_test_vectors() {
        assert_eq!(fnv1a("".bytes()), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a("a".bytes()), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a("foobar".bytes()), 0x8594_4171_f739_67e8);
    }
}
