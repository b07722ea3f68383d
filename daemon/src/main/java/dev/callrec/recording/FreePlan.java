package dev.callrec.recording;

import java.time.Duration;

/**
 * The free plan's rule: recordings are possible for the first {@link #CALLS} successful calls whose recording
 * lasted more than {@link #MIN_RECORDING}. A call counts once, however many recordings it had. The threshold
 * may be shortened (for tests), never lengthened.
 */
public record FreePlan(Duration minRecording) {
  public static final int CALLS = 100;
  public static final Duration MIN_RECORDING = Duration.ofSeconds(30);
  public static final FreePlan STANDARD = new FreePlan(MIN_RECORDING);

  public FreePlan {
    if (minRecording.isNegative() || minRecording.compareTo(MIN_RECORDING) > 0) {
      throw new IllegalArgumentException("The free plan's threshold can only be shortened, to at most "
          + MIN_RECORDING.toSeconds() + " s.");
    }
  }

  /** Whether a recording makes its call count: it ended well (finished or interrupted) and lasted long enough. */
  public boolean counts(RecordingSnapshot recording) {
    boolean ended = recording.state() == RecordingState.FINISHED || recording.state() == RecordingState.INTERRUPTED;
    return ended && recording.media() != null && recording.media().durationMs() > minRecording.toMillis();
  }
}
