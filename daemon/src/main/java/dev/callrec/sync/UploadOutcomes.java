package dev.callrec.sync;

import dev.callrec.prompts.Prompt;
import dev.callrec.prompts.PromptAnswer;
import dev.callrec.prompts.PromptBook;
import dev.callrec.prompts.PromptKind;
import dev.callrec.recording.RecordingSnapshot;
import dev.callrec.store.Database;
import dev.callrec.store.RecordingRows;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What follows an upload attempt. Success: the upload is DONE and, in the same transaction, the user is asked
 * whether to share the recording (unless they already answered that for an interrupted recording). Failure:
 * a transient one is retried after a backoff; a permanent one stops the upload, and refused credentials also
 * ask the user to connect the Drive again.
 */
public final class UploadOutcomes {
  private static final Logger log = LoggerFactory.getLogger(UploadOutcomes.class);

  private final Database database;
  private final SyncEvents events;
  private final Backoff backoff;
  private final Clock clock;

  public UploadOutcomes(Database database, SyncEvents events, Backoff backoff, Clock clock) {
    this.database = database;
    this.events = events;
    this.backoff = backoff;
    this.clock = clock;
  }

  void uploaded(Drive drive, QueuedUpload upload, Drive.Uploaded uploaded) throws SQLException, InterruptedException {
    Instant now = clock.instant();
    record Done(RecordingSnapshot recording, Prompt prompt, boolean shareNow) {}
    Done done = database.transaction(connection -> {
      UploadQueue.done(connection, upload.recordingId(), uploaded.remotePath(), now);
      RecordingSnapshot recording = RecordingRows.find(connection, upload.recordingId()).orElseThrow();
      Optional<PromptBook.Answered> interrupted =
          PromptBook.latest(connection, PromptKind.INTERRUPTED, upload.recordingId());
      if (interrupted.isPresent()) {
        // The user was (or is being) asked about this recording already; their answer decides.
        return new Done(recording, null, interrupted.get().answer() == PromptAnswer.SHARE);
      }
      return new Done(recording, PromptBook.raise(connection, PromptKind.SHARE, upload.recordingId(), now), false);
    });
    events.uploadFinished(upload.recordingId(), uploaded.remotePath());
    if (done.prompt() != null) {
      events.prompt(done.prompt(), done.recording());
    }
    if (done.shareNow()) {
      share(drive, done.recording(), uploaded);
    }
  }

  /** Tells the UIs the link to post, if the Drive can give one. */
  void share(Drive drive, RecordingSnapshot recording, Drive.Uploaded uploaded) throws InterruptedException {
    try {
      events.shareReady(recording, drive.shareLink(uploaded));
    } catch (DriveException e) {
      log.warn("No share link for {}: {}", recording.id(), e.getMessage());
      events.uploadFailed(recording.id(), "The recording is on the Drive, but no share link could be made: "
          + e.getMessage(), null);
    }
  }

  void failed(QueuedUpload upload, int attempts, DriveException failure) throws SQLException {
    String id = upload.recordingId();
    if (failure.retryable()) {
      Instant next = clock.instant().plus(backoff.after(attempts));
      database.transaction(connection -> {
        UploadQueue.retryAt(connection, id, next, failure.getMessage());
        return null;
      });
      log.info("Upload of {} failed (attempt {}), next attempt at {}: {}", upload.fileName(), attempts, next,
          failure.getMessage());
      events.uploadFailed(id, failure.getMessage(), next);
      return;
    }
    log.warn("Upload of {} stopped: {}", upload.fileName(), failure.getMessage());
    Prompt reconnect = database.transaction(connection -> {
      UploadQueue.failed(connection, id, failure.getMessage());
      boolean asked = PromptBook.pending(connection).stream().anyMatch(p -> p.kind() == PromptKind.CONNECT_DRIVE);
      return failure.kind() == DriveException.Kind.CREDENTIALS && !asked
          ? PromptBook.raise(connection, PromptKind.CONNECT_DRIVE, null, clock.instant())
          : null;
    });
    events.uploadFailed(id, failure.getMessage(), null);
    if (reconnect != null) {
      events.prompt(reconnect, null);
    }
  }
}
