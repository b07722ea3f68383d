package dev.callrec.media;

/**
 * Keeps the file at a constant frame rate whatever the source does. Frame k of the file belongs to the time
 * origin + k/rate, and each captured frame fills the next slot. A frame more than half a frame late is written
 * again for every slot a stall left empty; a frame a whole frame or more early (a source faster than the rate)
 * is dropped. Capture jitter within those bounds moves nothing, like ffmpeg's constant-frame-rate output.
 */
final class VideoCadence {
  private final int frameRate;
  private long originNanos = -1;
  private long nextSlot;
  private long dropped;
  private long repeated;

  VideoCadence(int frameRate) {
    this.frameRate = frameRate;
  }

  /** How many times to write a frame captured at {@code nanos}: 0 drops it, more than 1 repeats it. */
  int writesFor(long nanos) {
    if (originNanos < 0) {
      originNanos = nanos;
      nextSlot = 1;
      return 1;
    }
    double lateBy = (nanos - originNanos) * (double) frameRate / 1e9 - nextSlot;
    if (lateBy <= -1.0) {
      dropped++;
      return 0;
    }
    int writes = lateBy > 0.5 ? (int) Math.round(lateBy) + 1 : 1;
    repeated += writes - 1;
    nextSlot += writes;
    return writes;
  }

  boolean started() {
    return originNanos >= 0;
  }

  long originNanos() {
    return originNanos;
  }

  /** Slots written so far: the file's length in frames. */
  long slotsWritten() {
    return started() ? nextSlot : 0;
  }

  long dropped() {
    return dropped;
  }

  long repeated() {
    return repeated;
  }
}
