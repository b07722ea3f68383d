package dev.callrec.sync;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * How long to wait before trying a failed upload again: doubling from {@code first} up to {@code max}, each
 * wait spread at random over its upper half so that many daemons (or many uploads) behind one dead server do
 * not come back in step.
 */
public final class Backoff {
  private final Duration first;
  private final Duration max;
  private final DoubleSupplier random;

  public Backoff(Duration first, Duration max, DoubleSupplier random) {
    this.first = first;
    this.max = max;
    this.random = random;
  }

  /** The wait after the {@code attempts}-th failed attempt in a row (1 for the first failure). */
  public Duration after(int attempts) {
    int doublings = Math.max(0, Math.min(attempts - 1, 30));
    long ceiling = Math.min(max.toMillis(), first.toMillis() << Math.min(doublings, 20));
    return Duration.ofMillis(Math.round(ceiling * (0.5 + 0.5 * random.getAsDouble())));
  }
}
