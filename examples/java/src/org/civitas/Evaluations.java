package org.civitas;

import java.util.Optional;

/**
 * The results of {@link Framework#evaluateMany}, one entry per unit (row): {@code totals} on the
 * framework's scale (NaN when no total is given), {@code passed} and {@code met} (indicators met).
 * {@code problem} holds the error naming the first unit with invalid data, when some had it:
 * those units read total NaN, not passed, -1 met.
 */
public record Evaluations(double[] totals, boolean[] passed, int[] met, Optional<CivitasException> problem) {
    /** The number of units. */
    public int units() {
        return totals.length;
    }

    /** Whether unit {@code unit}'s data was valid (else its results are NaN, not passed, -1 met). */
    public boolean valid(int unit) {
        return met[unit] >= 0;
    }
}
