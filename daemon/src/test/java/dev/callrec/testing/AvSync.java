package dev.callrec.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Measures sound against picture in a file: the time from the first frame that turns white to the first
 * moment a tone sounds, both given to the recorder at the same instant (a flash and a beep).
 */
public final class AvSync {
  private static final int WIDTH = 16;
  private static final int HEIGHT = 9;
  private static final int WINDOW = 120; // 2.5 ms of sound: whole periods of the test tones (400 Hz and up)

  private AvSync() {}

  /** Sound minus picture in milliseconds (positive: the sound comes late), looking after {@code fromSeconds}. */
  public static long offsetMillis(Path file, double fromSeconds) throws IOException, InterruptedException {
    return firstSoundMillis(file, fromSeconds) - firstFlashMillis(file, fromSeconds);
  }

  /** When, in ms from the file's start, the first white frame after {@code fromSeconds} begins. */
  public static long firstFlashMillis(Path file, double fromSeconds) throws IOException, InterruptedException {
    List<byte[]> frames = MediaFile.framesAsRgb(file, WIDTH, HEIGHT);
    for (int i = (int) (fromSeconds * 30); i < frames.size(); i++) {
      if (meanBrightness(frames.get(i)) > 200) {
        return Math.round(i * 1000.0 / 30);
      }
    }
    throw new IOException("No flash in " + file);
  }

  /** When, in ms from the file's start, the first loud sound after {@code fromSeconds} begins. */
  public static long firstSoundMillis(Path file, double fromSeconds) throws IOException, InterruptedException {
    short[] sound = MediaFile.soundAsMono(file);
    for (int start = (int) (fromSeconds * 48_000); start + WINDOW <= sound.length; start += WINDOW / 5) {
      if (rms(sound, start) > 2000) {
        return Math.round(start / 48.0);
      }
    }
    throw new IOException("No tone in " + file);
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
