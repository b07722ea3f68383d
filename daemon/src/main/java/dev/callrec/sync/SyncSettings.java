package dev.callrec.sync;

import java.time.Duration;

/**
 * How uploads behave: at most {@code bytesPerSecond} (0: as fast as the network goes), and whether they wait
 * while a call is being recorded, so that the call keeps the upload bandwidth; and how long a share link made
 * by the Drive itself (an S3 presigned URL) opens the recording.
 */
public record SyncSettings(long bytesPerSecond, boolean waitWhileRecording, Duration shareLinkLifetime) {
  /** The longest a SigV4 presigned URL may live, and so the default: links in a chat work for a week. */
  public static final Duration LONGEST_SHARE_LINK = Duration.ofDays(7);
  public static final SyncSettings DEFAULT = new SyncSettings(0, true);

  public SyncSettings(long bytesPerSecond, boolean waitWhileRecording) {
    this(bytesPerSecond, waitWhileRecording, LONGEST_SHARE_LINK);
  }

  public SyncSettings {
    if (shareLinkLifetime.isNegative() || shareLinkLifetime.isZero()
        || shareLinkLifetime.compareTo(LONGEST_SHARE_LINK) > 0) {
      throw new IllegalArgumentException("A share link lives from 1 hour to 7 days, not " + shareLinkLifetime);
    }
  }
}
