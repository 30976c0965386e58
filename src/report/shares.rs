//! Work shared out over threads in consecutive shares, for the passes over every file, person
//! or learner of a collection.

/// `work` over `items` in up to `threads` consecutive shares side by side, the results in the
/// shares' order. Callers add the shares' results up with sums and sorted lists, so the
/// tables do not depend on where a share ends.
pub(crate) fn in_chunks<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    work: impl Fn(&[T]) -> R + Sync,
) -> Vec<R> {
    let share = items.len().div_ceil(threads.max(1)).max(1);
    if items.len() <= share {
        return vec![work(items)];
    }
    std::thread::scope(|s| {
        let handles: Vec<_> = items
            .chunks(share)
            .map(|c| {
                let work = &work;
                s.spawn(move || work(c))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}
