package dev.callrec.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VideoCadenceTest {
  private static final long FRAME = 1_000_000_000L / 30;

  @Test
  void aSteadySourceIsWrittenFrameForFrameWhateverItsJitter() {
    VideoCadence cadence = new VideoCadence(30);
    for (int i = 0; i < 90; i++) {
      long jitter = (i % 2 == 0 ? 1 : -1) * 14_000_000L; // ±14 ms, nearly half a frame either way
      assertThat(cadence.writesFor(100_000_000L + i * FRAME + (i == 0 ? 0 : jitter))).as("frame %d", i).isEqualTo(1);
    }
    assertThat(cadence.slotsWritten()).isEqualTo(90);
    assertThat(cadence.dropped()).isZero();
    assertThat(cadence.repeated()).isZero();
  }

  @Test
  void aStallIsFilledWithRepeatsAndATooFastSourceIsThinnedOut() {
    VideoCadence cadence = new VideoCadence(30);
    cadence.writesFor(0);
    cadence.writesFor(FRAME);
    assertThat(cadence.writesFor(5 * FRAME)).as("after a stall of three frames").isEqualTo(4);
    assertThat(cadence.writesFor(5 * FRAME)).as("a second frame for the same moment").isZero();
    assertThat(cadence.writesFor(6 * FRAME)).isEqualTo(1);
    assertThat(cadence.slotsWritten()).isEqualTo(7);
    assertThat(cadence.repeated()).isEqualTo(3);
    assertThat(cadence.dropped()).isEqualTo(1);
  }
}
