package dev.callrec.cli;

import dev.callrec.proto.v1.Event;
import dev.callrec.proto.v1.Recording;
import dev.callrec.proto.v1.RecordingState;
import dev.callrec.recording.RecordingClock;
import java.nio.file.Path;
import java.util.Locale;

/** How the CLI words recordings and events. */
final class RecordingText {
  private RecordingText() {}

  static String clock(long millis) {
    return RecordingClock.format(millis);
  }

  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
  }

  static String state(RecordingState state) {
    return state.name().replace("RECORDING_STATE_", "").toLowerCase(Locale.ROOT);
  }

  /** The file's name; a running recording shows the name it will have, not its hidden ".part" name. */
  static String fileName(Recording recording) {
    if (recording.getFilePath().isEmpty()) {
      return "(no file)";
    }
    String name = Path.of(recording.getFilePath()).getFileName().toString();
    if (name.startsWith(".") && name.endsWith(".part")) {
      return name.substring(1, name.length() - ".part".length());
    }
    return name;
  }

  /** "finished  Team sync - Call 3 - 2026-12-04.webm  00:42  1.6 MB  vp9+opus 1280x720". */
  static String line(Recording recording) {
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%-11s %s  %s  %s",
        state(recording.getState()), fileName(recording),
        clock(recording.getDurationMs() > 0 ? recording.getDurationMs() : recording.getElapsedMs()),
        size(recording.getSizeBytes())));
    if (!recording.getVideoCodec().isEmpty()) {
      text.append(String.format(Locale.ROOT, "  %s+%s %dx%d", recording.getVideoCodec(), recording.getAudioCodec(),
          recording.getWidth(), recording.getHeight()));
    }
    if (!recording.getFailureMessage().isEmpty()) {
      text.append("  (").append(recording.getFailureMessage()).append(')');
    }
    return text.toString();
  }

  /** The summary of a final file: where it is and what it holds. */
  static String summary(Recording recording) {
    return String.join(System.lineSeparator(),
        "Saved " + recording.getFilePath(),
        String.format(Locale.ROOT, "  duration %.1f s · video %s %dx%d · audio %s · %s",
            recording.getDurationMs() / 1000.0, recording.getVideoCodec(), recording.getWidth(), recording.getHeight(),
            recording.getAudioCodec(), size(recording.getSizeBytes())));
  }

  static String event(Event event) {
    String prefix = "#" + event.getId() + " ";
    return switch (event.getKindCase()) {
      case RECORDING_STARTED -> prefix + "started   " + fileName(event.getRecordingStarted().getRecording())
          + " (call " + event.getRecordingStarted().getRecording().getCallId() + ")";
      case RECORDING_PROGRESS -> prefix + String.format(Locale.ROOT,
          "recording · %s · %s · %d frames (%d dropped, %d repeated) · call %s",
          clock(event.getRecordingProgress().getElapsedMs()), size(event.getRecordingProgress().getBytesWritten()),
          event.getRecordingProgress().getFrames(), event.getRecordingProgress().getDroppedFrames(),
          event.getRecordingProgress().getRepeatedFrames(), event.getRecordingProgress().getCallId());
      case RECORDING_FINISHED -> prefix + "finished  " + line(event.getRecordingFinished().getRecording());
      case RECORDING_FAILED -> prefix + "failed    " + event.getRecordingFailed().getMessage();
      case RECORDING_WARNING -> prefix + "warning   " + event.getRecordingWarning().getMessage()
          + " (call " + event.getRecordingWarning().getCallId() + ")";
      case RECORDING_SPLIT -> prefix + "split     " + fileName(event.getRecordingSplit().getFinished()) + " → "
          + fileName(event.getRecordingSplit().getStarted()) + " (the call goes on in "
          + event.getRecordingSplit().getStarted().getChat().getTitle() + ")";
      case UPLOAD_PROGRESS -> prefix + "uploading " + percent(event.getUploadProgress().getBytesSent(),
          event.getUploadProgress().getBytesTotal()) + " of " + size(event.getUploadProgress().getBytesTotal())
          + " (recording " + event.getUploadProgress().getRecordingId() + ")";
      case UPLOAD_FINISHED -> prefix + "synced    " + event.getUploadFinished().getRemotePath();
      case UPLOAD_FAILED -> prefix + "upload failed: " + event.getUploadFailed().getMessage()
          + (event.getUploadFailed().getWillRetry() ? " (callrec tries again)" : "");
      case SHARE_PROMPT -> prefix + "prompt " + event.getSharePrompt().getId() + ": "
          + event.getSharePrompt().getMessage();
      case CONNECT_DRIVE_PROMPT -> prefix + "prompt " + event.getConnectDrivePrompt().getId() + ": "
          + event.getConnectDrivePrompt().getMessage();
      case INTERRUPTED_PROMPT -> prefix + "prompt " + event.getInterruptedPrompt().getId() + ": "
          + event.getInterruptedPrompt().getMessage();
      case PROMPT_CLOSED -> prefix + "prompt " + event.getPromptClosed().getPromptId() + " answered";
      case SHARE_READY -> prefix + "share     post this link in " + event.getShareReady().getChat().getTitle()
          + ": " + event.getShareReady().getLink();
      case KIND_NOT_SET -> prefix + "(an event this version of callrec does not know)";
    };
  }

  /** "45 %". */
  static String percent(long part, long whole) {
    return (whole <= 0 ? 0 : part * 100 / whole) + " %";
  }
}
