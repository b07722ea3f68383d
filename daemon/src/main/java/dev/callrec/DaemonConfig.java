package dev.callrec;

import dev.callrec.media.CaptureDevices;
import dev.callrec.platform.ConfigFile;
import dev.callrec.platform.CurrentUser;
import dev.callrec.platform.Folders;
import dev.callrec.recording.DiskSpace;
import dev.callrec.recording.FreePlan;
import dev.callrec.recording.Plan;
import dev.callrec.recording.PlanSettings;
import dev.callrec.sync.SyncSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * What one daemon needs to start: its folders, whom it answers, the free-space floor for recordings, the
 * devices it captures from, the language of what it renders, how it uploads, the plan, and its clock.
 */
public record DaemonConfig(Folders folders, int allowedCallerUid, DiskSpace diskSpace, CaptureDevices devices,
    Locale locale, SyncSettings sync, PlanSettings plans, Clock clock) {
  static final String KEY_MIN_FREE_SPACE_MB = "min-free-space-mb";
  static final String KEY_MAX_UPLOAD_KB_PER_SECOND = "max-upload-kb-per-second";
  static final String KEY_UPLOADS_WAIT_FOR_RECORDING = "uploads-wait-for-recording";
  static final String KEY_SHARE_LINK_HOURS = "share-link-hours";
  static final String KEY_PLAN = "plan";
  static final String KEY_FREE_PLAN_MIN_RECORDING_SECONDS = "free-plan-min-recording-seconds";

  /** The config for this user: the folders as resolved, the rest from the config file or defaults. */
  public static DaemonConfig forCurrentUser(Folders folders) {
    ConfigFile config = ConfigFile.read(folders.configFile());
    long floorBytes = config.get(KEY_MIN_FREE_SPACE_MB)
        .map(value -> wholeNumber(KEY_MIN_FREE_SPACE_MB, value) * 1024 * 1024).orElse(DiskSpace.DEFAULT_FLOOR_BYTES);
    long uploadLimit = config.get(KEY_MAX_UPLOAD_KB_PER_SECOND)
        .map(value -> wholeNumber(KEY_MAX_UPLOAD_KB_PER_SECOND, value) * 1024).orElse(0L);
    boolean waitForRecording = config.get(KEY_UPLOADS_WAIT_FOR_RECORDING)
        .map(value -> yesOrNo(KEY_UPLOADS_WAIT_FOR_RECORDING, value)).orElse(true);
    long shareLinkHours = config.get(KEY_SHARE_LINK_HOURS).map(value -> wholeNumber(KEY_SHARE_LINK_HOURS, value))
        .orElse(SyncSettings.LONGEST_SHARE_LINK.toHours());
    if (shareLinkHours < 1 || shareLinkHours > SyncSettings.LONGEST_SHARE_LINK.toHours()) {
      throw new IllegalStateException(KEY_SHARE_LINK_HOURS + " in the config file must be from 1 to "
          + SyncSettings.LONGEST_SHARE_LINK.toHours() + " (7 days, the longest an S3 link can last), not "
          + shareLinkHours + ".");
    }
    Plan plan = config.get(KEY_PLAN).map(DaemonConfig::plan).orElse(Plan.FREE);
    long minRecording = config.get(KEY_FREE_PLAN_MIN_RECORDING_SECONDS)
        .map(value -> wholeNumber(KEY_FREE_PLAN_MIN_RECORDING_SECONDS, value))
        .orElse(FreePlan.MIN_RECORDING.toSeconds());
    if (minRecording > FreePlan.MIN_RECORDING.toSeconds()) {
      throw new IllegalStateException(KEY_FREE_PLAN_MIN_RECORDING_SECONDS + " in the config file can only shorten "
          + "the free plan's " + FreePlan.MIN_RECORDING.toSeconds() + " s, not lengthen it.");
    }
    return new DaemonConfig(folders, CurrentUser.uid(), DiskSpace.withFloor(floorBytes),
        CaptureDevices.forThisMachine(), Locale.getDefault(), new SyncSettings(uploadLimit, waitForRecording,
            Duration.ofHours(shareLinkHours)),
        new PlanSettings(plan, new FreePlan(Duration.ofSeconds(minRecording))), Clock.systemDefaultZone());
  }

  private static Plan plan(String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "free" -> Plan.FREE;
      case "paid" -> Plan.PAID;
      default -> throw new IllegalStateException(KEY_PLAN + " in the config file must be free or paid, not \""
          + value + "\".");
    };
  }

  private static long wholeNumber(String key, String value) {
    try {
      long number = Long.parseLong(value.trim());
      if (number < 0) {
        throw new NumberFormatException();
      }
      return number;
    } catch (NumberFormatException e) {
      throw new IllegalStateException(key + " in the config file must be a whole number, not \"" + value + "\".");
    }
  }

  private static boolean yesOrNo(String key, String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true", "yes" -> true;
      case "false", "no" -> false;
      default -> throw new IllegalStateException(key + " in the config file must be true or false, not \"" + value
          + "\".");
    };
  }
}
