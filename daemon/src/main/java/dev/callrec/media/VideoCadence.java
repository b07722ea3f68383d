package dev.callrec.media;

/**
 * Keeps the file at a constant frame rate whatever the source does. Frame k of the file belongs to the time
 * slot origin + k/rate; a captured frame goes to the slot nearest its capture time. A frame for a slot that is
 * already written is dropped; a frame after a stall is written again for every slot the stall left empty.
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
    long slot = Math.round((nanos - originNanos) * (double) frameRate / 1e9);
    if (slot < nextSlot) {
      dropped++;
      return 0;
    }
    int writes = (int) (slot - nextSlot + 1);
    repeated += writes - 1;
    nextSlot = slot + 1;
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
