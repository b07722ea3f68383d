package dev.callrec.sync;

import dev.callrec.prompts.Prompt;
import dev.callrec.prompts.PromptAnswer;
import dev.callrec.recording.RecordingSnapshot;
import java.time.Instant;

/** What the sync side tells the UIs. */
public interface SyncEvents {

  void uploadProgress(String recordingId, long bytesSent, long bytesTotal);

  void uploadFinished(String recordingId, String remotePath);

  /** {@code nextAttemptAt} is null when callrec will not try again by itself. */
  void uploadFailed(String recordingId, String message, Instant nextAttemptAt);

  /** A new pending prompt; {@code recording} is null for a prompt about no recording. */
  void prompt(Prompt prompt, RecordingSnapshot recording);

  void promptClosed(long promptId, PromptAnswer answer);

  void shareReady(RecordingSnapshot recording, String link);
}
