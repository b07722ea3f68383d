package dev.callrec.prompts;

import dev.callrec.recording.RecordingSnapshot;

/** The question a prompt asks, in words a UI can show as they are. */
public final class PromptText {
  private PromptText() {}

  public static String of(PromptKind kind, RecordingSnapshot recording) {
    return switch (kind) {
      case CONNECT_DRIVE -> "Connect your Drive, so that your recordings are synced to "
          + "\"My Drive / Recorded video calls\". Until then they wait on this computer.";
      case SHARE -> "\"" + title(recording) + "\" is on your Drive. Share it with " + audience(recording) + "?";
      case INTERRUPTED -> "callrec was closed during \"" + title(recording) + "\". The recording was saved up to "
          + "that point and is synced to your Drive. Share it with " + audience(recording) + "?";
    };
  }

  private static String title(RecordingSnapshot recording) {
    return recording == null || recording.file() == null ? "the recording" : recording.title();
  }

  private static String audience(RecordingSnapshot recording) {
    if (recording == null) {
      return "the call's participants";
    }
    return switch (recording.chat().type()) {
      case PRIVATE -> recording.chat().displayName();
      case GROUP -> "the participants of " + recording.chat().title();
    };
  }
}
