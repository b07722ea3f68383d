package dev.callrec.media;

/**
 * How a capture ended. {@code error} is null when it ended because it was asked to; {@code sourceEnded} says
 * the source stopped delivering on its own.
 */
public record CaptureResult(long frames, Throwable error, boolean sourceEnded) {

  public boolean wroteFrames() {
    return frames > 0;
  }
}
