//! The duplicate-id check's speed trick: case ids remembered as fingerprints in a table of fixed
//! size, appended to a list while the ids come in order ([`SeenIds`]). Its plain twin,
//! [`PlainSeenIds`] (a `HashMap` of every id), gives the same answers; a property test holds
//! them to each other, and README "Performance" has what the trick saves.

/// The case ids seen so far, each as a fingerprint with the line it was first seen on: the ids
/// themselves are not kept.
///
/// Exports usually list cases in id order, and while every id is greater than the one before, no
/// id can repeat an earlier one: the fingerprints are then only appended to a list, which costs
/// next to nothing. When the order first breaks, the list moves into an open-addressing table of
/// fixed size, where each later id is looked up. The table is allocated zeroed, so the system
/// hands it over page by page as ids arrive, 16 MB at most however many rows follow (past
/// [`SeenIds::MAX_IDS`] different ids, later ids are still compared with those but not added).
/// A look-up is one memory access, the cost that matters here: the table never grows (no
/// rehashing), and each slot packs the fingerprint and the line into one word.
///
/// An id's 64-bit hash picks its first slot (21 bits) and is kept as a 32-bit fingerprint, so
/// two different ids are taken for the same about once in 10^9 look-ups; the warning names both
/// lines, so such a false alarm can be checked.
#[derive(Default)]
pub(super) struct SeenIds {
    /// While the ids come in increasing order: the last id, and every id's slot word.
    ascending: Option<Ascending>,
    /// Set once the order broke: `fingerprint << 32 | line`, 0 marks an empty slot.
    slots: Vec<u64>,
    len: usize,
    /// Rows whose id was not added because the table was full.
    untracked: u64,
}

#[derive(Default)]
struct Ascending {
    last: Vec<u8>,
    /// The hash and line of every id so far (at most [`SeenIds::MAX_IDS`]).
    hashes: Vec<u64>,
    lines: Vec<u32>,
    /// Ids past the limit, not listed: they cannot repeat while the order holds.
    unlisted: u64,
}

impl SeenIds {
    const SLOTS: usize = 1 << 21;
    /// At most half the slots are filled, so that probes stay short.
    pub(super) const MAX_IDS: usize = Self::SLOTS / 2;

    /// A 64-bit hash of an id: eight bytes at a time (little-endian, the last ones padded with
    /// zeros), then mixed (murmur3's finaliser).
    fn hash(id: &[u8]) -> u64 {
        let mut hash = id.len() as u64;
        let mut add = |word: u64| {
            hash = (hash.rotate_left(23) ^ word).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        };
        let mut words = id.chunks_exact(8);
        for word in &mut words {
            add(u64::from_le_bytes(
                word.try_into().expect("chunks of 8 bytes"),
            ));
        }
        // The bytes past the last full word, read as one without copying them into a buffer
        // (which costs a call to memcpy for every id).
        let rest = words.remainder();
        if !rest.is_empty() {
            add(rest
                .iter()
                .rev()
                .fold(0, |word, &b| word << 8 | u64::from(b)));
        }
        hash ^= hash >> 33;
        hash = hash.wrapping_mul(0xff51_afd7_ed55_8ccd);
        hash ^= hash >> 33;
        hash = hash.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        hash ^ (hash >> 33)
    }

    /// The line `id` was first seen on, if before; otherwise remembers it at `line`.
    pub(super) fn first_line(&mut self, id: &[u8], line: u64) -> Option<u64> {
        let hash = Self::hash(id);
        let line = u32::try_from(line).unwrap_or(u32::MAX);
        if self.slots.is_empty() {
            let ascending = self.ascending.get_or_insert_with(Ascending::default);
            if ascending.last.is_empty() || id > ascending.last.as_slice() {
                ascending.last.clear();
                ascending.last.extend_from_slice(id);
                if ascending.hashes.len() < Self::MAX_IDS {
                    ascending.hashes.push(hash);
                    ascending.lines.push(line);
                } else {
                    ascending.unlisted += 1;
                }
                return None;
            }
            // The order broke: from now on every id is looked up.
            let listed = std::mem::take(ascending);
            self.untracked += listed.unlisted;
            self.slots = vec![0; Self::SLOTS];
            for (hash, line) in listed.hashes.into_iter().zip(listed.lines) {
                self.look_up_or_add(hash, line);
            }
        }
        self.look_up_or_add(hash, line)
    }

    /// Ids that were not compared with the ones before them: those not added once the table was
    /// full, counted when the order broke (before, none of them could be a repeat).
    pub(super) fn untracked(&self) -> u64 {
        self.untracked
    }

    /// Looks an id up by its hash: the line it was first seen on, or `None` after adding it.
    fn look_up_or_add(&mut self, hash: u64, line: u32) -> Option<u64> {
        // The fingerprint is never zero, so that an occupied slot is never 0.
        let fingerprint = (hash >> 32).max(1);
        let mask = Self::SLOTS - 1;
        let mut slot = hash as usize & mask;
        loop {
            match self.slots[slot] {
                0 => break,
                seen if seen >> 32 == fingerprint => return Some(seen & 0xffff_ffff),
                _ => slot = (slot + 1) & mask,
            }
        }
        if self.len >= Self::MAX_IDS {
            self.untracked += 1;
            return None;
        }
        self.slots[slot] = fingerprint << 32 | u64::from(line);
        self.len += 1;
        None
    }
}

/// The plain twin of [`SeenIds`]: every id kept whole in a `HashMap`, with the line it was first
/// seen on, and the same limit of [`SeenIds::MAX_IDS`] different ids; ids past it are counted as
/// not compared once the ids have left increasing order (before, none of them can be a repeat).
/// To measure the trick, use it in `audit.rs` instead (`use seen_ids::PlainSeenIds as SeenIds;`,
/// without `cfg(test)`).
#[cfg(test)]
#[derive(Default)]
pub(super) struct PlainSeenIds {
    first_lines: std::collections::HashMap<Vec<u8>, u64>,
    /// The last id while every id so far was greater than the one before.
    last: Vec<u8>,
    out_of_order: bool,
    not_added: u64,
}

#[cfg(test)]
impl PlainSeenIds {
    /// The line `id` (never empty) was first seen on, if before; otherwise remembers it at `line`.
    pub(super) fn first_line(&mut self, id: &[u8], line: u64) -> Option<u64> {
        if !self.out_of_order {
            if self.last.is_empty() || id > self.last.as_slice() {
                self.last = id.to_vec();
            } else {
                self.out_of_order = true;
            }
        }
        if let Some(&first) = self.first_lines.get(id) {
            return Some(first);
        }
        if self.first_lines.len() >= SeenIds::MAX_IDS {
            self.not_added += 1;
            return None;
        }
        // Lines past u32::MAX are kept as u32::MAX, as the table keeps them.
        self.first_lines
            .insert(id.to_vec(), line.min(u64::from(u32::MAX)));
        None
    }

    /// Ids that were not compared with the ones before them.
    pub(super) fn untracked(&self) -> u64 {
        if self.out_of_order {
            self.not_added
        } else {
            0
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::{PlainSeenIds, SeenIds};

    #[test]
    fn the_hash_reads_ids_as_padded_little_endian_words() {
        // The definition the hash had first, with a buffer per word: the same values.
        fn reference(id: &[u8]) -> u64 {
            let mut hash = id.len() as u64;
            for chunk in id.chunks(8) {
                let mut word = [0u8; 8];
                word[..chunk.len()].copy_from_slice(chunk);
                hash = (hash.rotate_left(23) ^ u64::from_le_bytes(word))
                    .wrapping_mul(0x9e37_79b9_7f4a_7c15);
            }
            hash ^= hash >> 33;
            hash = hash.wrapping_mul(0xff51_afd7_ed55_8ccd);
            hash ^= hash >> 33;
            hash = hash.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
            hash ^ (hash >> 33)
        }
        let text = "C00000123 SH-202611-0001 Kotihoito Itä \u{ff}\u{80}";
        for start in 0..text.len() {
            for end in start..=text.len() {
                let id = &text.as_bytes()[start..end];
                assert_eq!(SeenIds::hash(id), reference(id), "{id:?}");
            }
        }
    }

    #[test]
    fn a_repeated_id_gives_the_line_it_was_first_on() {
        let mut seen = SeenIds::default();
        assert_eq!(seen.first_line(b"SH-1", 2), None);
        assert_eq!(seen.first_line(b"SH-2", 3), None);
        assert_eq!(seen.first_line(b"SH-1", 4), Some(2));
        assert_eq!(seen.first_line(b"SH-1", 7), Some(2));
        assert_eq!(seen.first_line(b"SH-2", 9), Some(3));
    }

    #[test]
    fn ids_in_order_are_listed_and_a_later_repeat_still_found() {
        let mut seen = SeenIds::default();
        for (line, id) in [(2, "A-1"), (3, "A-2"), (4, "A-3"), (5, "B-1")] {
            assert_eq!(seen.first_line(id.as_bytes(), line), None);
        }
        assert!(
            seen.slots.is_empty(),
            "no table while the ids come in order"
        );
        assert_eq!(seen.first_line(b"A-2", 6), Some(3));
        assert_eq!(seen.first_line(b"A-4", 7), None);
        assert_eq!(seen.first_line(b"A-4", 8), Some(7));
        assert_eq!(seen.first_line(b"B-1", 9), Some(5));
    }

    #[test]
    fn a_million_different_ids_are_all_new() {
        let mut seen = SeenIds::default();
        for i in 0..1_000_000u64 {
            let id = format!("C{i:08}");
            assert_eq!(seen.first_line(id.as_bytes(), i + 2), None, "{id}");
        }
        assert_eq!(seen.untracked, 0);
        assert_eq!(seen.first_line(b"C00000000", 1_000_002), Some(2));
        assert_eq!(seen.first_line(b"C00999999", 1_000_003), Some(1_000_001));
    }

    #[test]
    fn past_the_limit_ids_are_compared_but_not_added() {
        let mut seen = SeenIds::default();
        for i in 0..SeenIds::MAX_IDS as u64 + 10 {
            seen.first_line(format!("K{i}").as_bytes(), i + 2);
        }
        assert_eq!(seen.untracked, 10);
        assert_eq!(seen.first_line(b"K5", 1), Some(7));
        assert_eq!(
            seen.first_line(format!("K{}", SeenIds::MAX_IDS + 3).as_bytes(), 1),
            None
        );
    }

    /// Ids (never empty: the audit compares no empty id) from a small set, so that they repeat; runs of them in increasing order, so that both
    /// the list kept while the order holds and the table after it are exercised.
    fn ids() -> impl Strategy<Value = Vec<Vec<u8>>> {
        let id = prop_oneof![
            4 => "[A-C]-[0-9]{1,2}".prop_map(String::into_bytes),
            1 => proptest::collection::vec(any::<u8>(), 1..20),
        ];
        (proptest::collection::vec(id, 0..300), any::<bool>()).prop_map(|(mut ids, sorted)| {
            if sorted {
                let half = ids.len() / 2;
                ids[..half].sort();
            }
            ids
        })
    }

    proptest! {
        #[test]
        fn the_table_answers_as_a_hash_map_of_every_id(ids in ids()) {
            let mut table = SeenIds::default();
            let mut plain = PlainSeenIds::default();
            for (n, id) in ids.iter().enumerate() {
                let line = n as u64 + 2;
                prop_assert_eq!(table.first_line(id, line), plain.first_line(id, line), "{:?}", id);
            }
            prop_assert_eq!(table.untracked(), plain.untracked());
        }
    }

    #[test]
    fn past_the_limit_the_twin_too_compares_but_does_not_add() {
        let mut table = SeenIds::default();
        let mut plain = PlainSeenIds::default();
        let mut both = |id: &str, line: u64| {
            let answer = table.first_line(id.as_bytes(), line);
            assert_eq!(answer, plain.first_line(id.as_bytes(), line), "{id}");
            (answer, table.untracked(), plain.untracked())
        };
        // In increasing order past the limit: nothing could repeat, nothing is uncompared.
        for i in 0..SeenIds::MAX_IDS as u64 + 10 {
            assert_eq!(both(&format!("K{i:08}"), i + 2), (None, 0, 0));
        }
        // The order breaks: the ten ids past the limit and this new one were not added.
        assert_eq!(both("A", 1), (None, 11, 11));
        assert_eq!(both("K00000005", 1), (Some(7), 11, 11));
    }
}
