package dev.callrec.recording;

import java.util.Locale;

/** How a recording's running time reads, the same on the chat app's button, in the tray and in the CLI. */
public final class RecordingClock {
  private RecordingClock() {}

  /** 42 s as "00:42", an hour and more as "1:02:03". */
  public static String format(long millis) {
    long seconds = Math.max(0, millis) / 1000;
    long hours = seconds / 3600;
    if (hours > 0) {
      return String.format(Locale.ROOT, "%d:%02d:%02d", hours, seconds / 60 % 60, seconds % 60);
    }
    return String.format(Locale.ROOT, "%02d:%02d", seconds / 60, seconds % 60);
  }
}
