package dev.callrec.sync;

/**
 * How uploads behave: at most {@code bytesPerSecond} (0: as fast as the network goes), and whether they wait
 * while a call is being recorded, so that the call keeps the upload bandwidth.
 */
public record SyncSettings(long bytesPerSecond, boolean waitWhileRecording) {
  public static final SyncSettings DEFAULT = new SyncSettings(0, true);
}
