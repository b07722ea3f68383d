package dev.callrec.tray;

/** What the tray's menu can do. Called on the tray's own threads; each may take a moment. */
public interface TrayActions {

  /** The state to show now. */
  TrayState state();

  void stopRecordings();

  void openRecordingsFolder();

  void pauseUploads();

  void resumeUploads();

  /** The user chose to share the recording a share prompt asks about. */
  void share(long promptId);

  boolean startsAtLogin();

  void setStartsAtLogin(boolean enabled);

  /** Stops the recordings cleanly, then the daemon. */
  void quit();
}
