//! Sorting for this crate and the linter (`iot-jobs-lint`, which uses this module rather than
//! its own so that the two share one copy) through one instantiation of the standard library's
//! sort. Not part of the crate's API.
//!
//! Every `sort_by` / `sort_unstable_by_key` call site with its own element type or closure gets
//! its own copy of the standard sort (driftsort or ipnsort, a few KB of code each), which in the
//! WebAssembly build added up to tens of KB. Here the standard sort only ever sees a slice of
//! `u32` indices and a `dyn` comparison, so it is compiled once; what stays generic per call site
//! is a small loop that moves the elements into place.
//!
//! Every function here sorts stably: ties are broken by index, so the one unstable sort behind
//! them gives the order a stable sort would (and needs no buffer).

use std::cmp::Ordering;

/// Sorts `order` (indices) by `cmp`, ties by the index itself. The only caller of the standard
/// library's sort in the two crates.
#[inline(never)]
pub fn sort_indices(order: &mut [u32], cmp: &mut dyn FnMut(u32, u32) -> Ordering) {
    order.sort_unstable_by(|&a, &b| cmp(a, b).then(a.cmp(&b)));
}

/// Sorts `v` stably by `cmp`, like [`slice::sort_by`]. `v` is shorter than 2^32 elements (the
/// crate sorts diagnostics, fixes, members and occurrences of one input, bounded by its size).
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let mut order: Vec<u32> = (0..v.len() as u32).collect();
    sort_indices(&mut order, &mut |a, b| {
        match (v.get(a as usize), v.get(b as usize)) {
            (Some(x), Some(y)) => cmp(x, y),
            _ => Ordering::Equal, // never: `order` holds indices of `v`
        }
    });
    permute(v, &mut order);
}

/// Sorts `v` stably by `key`, like [`slice::sort_by_key`].
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` in ascending order, like [`slice::sort`] (and, elements being totally ordered, like
/// [`slice::sort_unstable`]).
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// Rearranges `v` so that position `i` holds what was at `order[i]`, walking each cycle of the
/// permutation once with swaps (`order` is left as the identity).
fn permute<T>(v: &mut [T], order: &mut [u32]) {
    for start in 0..order.len() {
        let mut i = start;
        while let Some(slot) = order.get_mut(i) {
            let from = *slot as usize;
            *slot = i as u32;
            if from == start || from >= v.len() {
                break;
            }
            v.swap(i, from);
            i = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_standard_stable_sort() {
        // Pseudo-random keys with many ties; the payload tells whether ties kept their order.
        let mut seed = 7u32;
        for len in [0usize, 1, 2, 3, 10, 33, 200, 1000] {
            let items: Vec<(u32, usize)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    ((seed >> 16) % 17, i)
                })
                .collect();
            let mut ours = items.clone();
            sort_by_key(&mut ours, |p| p.0);
            let mut std_sorted = items.clone();
            std_sorted.sort_by_key(|p| p.0);
            assert_eq!(ours, std_sorted, "len {len}");
            let mut all = items.clone();
            sort(&mut all);
            let mut std_all = items;
            std_all.sort_unstable();
            assert_eq!(all, std_all, "len {len}");
        }
    }
}
