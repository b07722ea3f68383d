package dev.callrec.tray;

import dev.callrec.recording.RecordingClock;
import java.util.List;
import java.util.Locale;

/**
 * What the tray shows at one moment, in words: the status line (also the tooltip), the uploads line and the
 * pending share questions. Built from the daemon's state once a second.
 *
 * @param recordingChat the chat being recorded (the first, if several), or null when idle
 * @param elapsedMs how long that recording runs
 * @param pendingUploads uploads waiting or running
 * @param uploadPercent how far the running upload is, or -1 if none runs
 * @param driveConnected whether a Drive is connected
 * @param uploadsPaused whether uploads are paused
 * @param shareQuestions the pending share prompts: their ids and recording titles
 */
public record TrayState(String recordingChat, long elapsedMs, int pendingUploads, int uploadPercent,
    boolean driveConnected, boolean uploadsPaused, List<ShareQuestion> shareQuestions) {

  /** A pending "share this recording?" prompt. */
  public record ShareQuestion(long promptId, String title) {}

  public boolean recording() {
    return recordingChat != null;
  }

  /** "Recording · Team sync · 00:42", or "callrec · not recording". */
  public String statusLine() {
    return recording() ? "Recording · " + recordingChat + " · " + RecordingClock.format(elapsedMs)
        : "callrec · not recording";
  }

  /** "Uploads: 2 pending (45 %)", "All recordings synced", and what holds uploads back. */
  public String uploadsLine() {
    if (pendingUploads == 0) {
      return "All recordings synced";
    }
    String pending = "Uploads: " + pendingUploads + " pending";
    if (!driveConnected) {
      return pending + " (connect a Drive)";
    }
    if (uploadsPaused) {
      return pending + " (paused)";
    }
    return uploadPercent >= 0 ? String.format(Locale.ROOT, "%s (%d %%)", pending, uploadPercent) : pending;
  }

  /** "Share 'Team sync - Call 3 - 2026-12-04'…". */
  public static String shareItem(ShareQuestion question) {
    return "Share '" + question.title() + "'…";
  }
}
