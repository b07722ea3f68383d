package dev.callrec.media;

/** The one sample format callrec mixes and encodes in: 48 kHz, stereo, signed 16-bit, interleaved. */
public final class AudioFormat {
  public static final int SAMPLE_RATE = 48_000;
  public static final int CHANNELS = 2;

  private AudioFormat() {}

  public static long samplesFor(long nanos) {
    return nanos * SAMPLE_RATE / 1_000_000_000L;
  }
}
