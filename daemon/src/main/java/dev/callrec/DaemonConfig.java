package dev.callrec;

import dev.callrec.media.CaptureDevices;
import dev.callrec.platform.ConfigFile;
import dev.callrec.platform.CurrentUser;
import dev.callrec.platform.Folders;
import dev.callrec.recording.DiskSpace;
import java.time.Clock;
import java.util.Locale;

/**
 * What one daemon needs to start: its folders, whom it answers, the free-space floor for recordings, the
 * devices it captures from, the language of what it renders, and its clock.
 */
public record DaemonConfig(Folders folders, int allowedCallerUid, DiskSpace diskSpace, CaptureDevices devices,
    Locale locale, Clock clock) {
  static final String KEY_MIN_FREE_SPACE_MB = "min-free-space-mb";

  /** The config for this user: the folders as resolved, the rest from the config file or defaults. */
  public static DaemonConfig forCurrentUser(Folders folders) {
    ConfigFile config = ConfigFile.read(folders.configFile());
    long floorBytes = config.get(KEY_MIN_FREE_SPACE_MB).map(DaemonConfig::megabytes)
        .orElse(DiskSpace.DEFAULT_FLOOR_BYTES);
    return new DaemonConfig(folders, CurrentUser.uid(), DiskSpace.withFloor(floorBytes),
        CaptureDevices.forThisMachine(), Locale.getDefault(), Clock.systemDefaultZone());
  }

  private static long megabytes(String value) {
    try {
      long megabytes = Long.parseLong(value);
      if (megabytes < 0) {
        throw new NumberFormatException();
      }
      return megabytes * 1024 * 1024;
    } catch (NumberFormatException e) {
      throw new IllegalStateException(KEY_MIN_FREE_SPACE_MB + " in the config file must be a whole number of MB, not \""
          + value + "\".");
    }
  }
}
