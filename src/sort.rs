//! One stable sort by an integer key for the whole crate.
//!
//! Every `sort_by_key` call with its own closure compiles to its own copy of the standard
//! library's sorting code, a few kilobytes each in the wasm module (about 50 KB for twenty call
//! sites). Here the sorting itself is instantiated once, on `(key, index)` pairs, and only the
//! small permutation step is generic.

/// Sorts `v` by `key`, stably (equal keys keep their order).
pub(crate) fn sort_by_key<T>(v: &mut [T], key: impl Fn(&T) -> u64) {
    let mut order: Vec<(u64, u32)> = v.iter().enumerate().map(|(i, x)| (key(x), i as u32)).collect();
    sort_pairs(&mut order);
    // `perm[j]` is the position (before sorting) of the element that belongs at `j`.
    let mut perm: Vec<u32> = order.into_iter().map(|(_, i)| i).collect();
    for i in 0..perm.len() {
        // Follow the cycle through `i`, swapping each element into place.
        let mut j = i;
        loop {
            let src = perm[j] as usize;
            perm[j] = j as u32;
            if src == i {
                break;
            }
            v.swap(j, src);
            j = src;
        }
    }
}

/// The one instantiation of the standard sort (index ties make it stable).
#[inline(never)]
fn sort_pairs(order: &mut [(u64, u32)]) {
    order.sort_unstable();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_like_the_standard_library() {
        let mut seed = 0x2545_F491_4F6C_DD1D_u64;
        for n in [0, 1, 2, 3, 10, 100, 1000] {
            let items: Vec<(u64, usize)> = (0..n)
                .map(|i| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    (seed % 7, i)
                })
                .collect();
            let mut ours = items.clone();
            sort_by_key(&mut ours, |x| x.0);
            let mut theirs = items;
            theirs.sort_by_key(|x| x.0);
            assert_eq!(ours, theirs, "n = {n}");
        }
    }
}
