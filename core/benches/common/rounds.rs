//! Timing two functions in alternating rounds, for the benches' paired measurements.

/// `rounds` rounds of `ours` and `baseline`, each round's pair as (ours, baseline), the
/// order alternating (`baseline` first in odd rounds) so that neither always runs on the
/// machine the other left. Both get `state` (a buffer they share, say).
pub fn alternate<S, T>(
    rounds: usize,
    state: &mut S,
    mut ours: impl FnMut(&mut S) -> T,
    mut baseline: impl FnMut(&mut S) -> T,
) -> Vec<(T, T)> {
    (0..rounds)
        .map(|i| {
            if i % 2 == 0 {
                let a = ours(state);
                (a, baseline(state))
            } else {
                let b = baseline(state);
                (ours(state), b)
            }
        })
        .collect()
}
