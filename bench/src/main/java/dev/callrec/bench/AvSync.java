package dev.callrec.bench;

import dev.callrec.testing.MediaFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Measures sound against picture in a file: the time from the first frame that turns white to the first
 * moment the tone sounds, both shown to the recorder at the same instant.
 */
final class AvSync {
  private static final int WIDTH = 16;
  private static final int HEIGHT = 9;
  private static final int WINDOW = 480; // 10 ms of sound

  private AvSync() {}

  /** Sound minus picture in milliseconds (positive: the sound comes late), looking after {@code fromSeconds}. */
  static long offsetMillis(Path file, double fromSeconds) throws IOException, InterruptedException {
    List<byte[]> frames = MediaFile.framesAsRgb(file, WIDTH, HEIGHT);
    int firstWhite = -1;
    for (int i = (int) (fromSeconds * 30); i < frames.size() && firstWhite < 0; i++) {
      if (meanBrightness(frames.get(i)) > 200) {
        firstWhite = i;
      }
    }
    short[] sound = MediaFile.soundAsMono(file);
    int firstLoud = -1;
    for (int start = (int) (fromSeconds * 48_000); start + WINDOW <= sound.length && firstLoud < 0; start += WINDOW / 4) {
      if (rms(sound, start) > 2000) {
        firstLoud = start;
      }
    }
    if (firstWhite < 0 || firstLoud < 0) {
      throw new IOException("The flash or the tone is missing from " + file);
    }
    return Math.round(firstLoud / 48.0 - firstWhite * 1000.0 / 30);
  }

  private static double meanBrightness(byte[] rgb) {
    long sum = 0;
    for (byte value : rgb) {
      sum += value & 0xFF;
    }
    return (double) sum / rgb.length;
  }

  private static double rms(short[] sound, int start) {
    double sum = 0;
    for (int i = start; i < start + WINDOW; i++) {
      sum += (double) sound[i] * sound[i];
    }
    return Math.sqrt(sum / WINDOW);
  }
}
