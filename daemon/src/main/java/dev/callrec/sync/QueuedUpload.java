package dev.callrec.sync;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One recording's upload as the queue holds it. {@code nextAttemptAt} is when a WAITING upload is due
 * (EPOCH: now); {@code remotePath} is empty until DONE.
 */
public record QueuedUpload(
    String recordingId,
    Path file,
    UploadState state,
    int attempts,
    Instant nextAttemptAt,
    String lastError,
    String remotePath) {

  public String fileName() {
    return file.getFileName().toString();
  }
}
