package dev.callrec.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private static final Duration FIRST = Duration.ofSeconds(2);
  private static final Duration MAX = Duration.ofMinutes(10);

  @Test
  void doublesFromTheFirstWaitUpToTheLongest() {
    Backoff longest = new Backoff(FIRST, MAX, () -> 1.0);
    assertThat(longest.after(1)).isEqualTo(Duration.ofSeconds(2));
    assertThat(longest.after(2)).isEqualTo(Duration.ofSeconds(4));
    assertThat(longest.after(5)).isEqualTo(Duration.ofSeconds(32));
    assertThat(longest.after(10)).isEqualTo(MAX);
    assertThat(longest.after(1000)).isEqualTo(MAX);
  }

  @Test
  void jitterSpreadsEachWaitOverItsUpperHalf() {
    assertThat(new Backoff(FIRST, MAX, () -> 0.0).after(3)).isEqualTo(Duration.ofSeconds(4));
    assertThat(new Backoff(FIRST, MAX, () -> 0.5).after(3)).isEqualTo(Duration.ofSeconds(6));
    assertThat(new Backoff(FIRST, MAX, () -> 0.0).after(1000)).isEqualTo(MAX.dividedBy(2));
  }
}
