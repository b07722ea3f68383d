package dev.callrec.sync;

import dev.callrec.prompts.Prompt;
import dev.callrec.prompts.PromptAnswer;
import dev.callrec.prompts.PromptBook;
import dev.callrec.prompts.PromptKind;
import dev.callrec.recording.RecordingSnapshot;
import dev.callrec.store.Database;
import dev.callrec.store.RecordingRows;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the UIs can ask of the sync side: the Drive, the queue, and the answers to prompts. */
public final class SyncService {
  private final Database database;
  private final DriveConnection drives;
  private final Uploader uploader;
  private final UploadOutcomes outcomes;
  private final SyncEvents events;
  private final Clock clock;

  public SyncService(Database database, DriveConnection drives, Uploader uploader, UploadOutcomes outcomes,
      SyncEvents events, Clock clock) {
    this.database = database;
    this.drives = drives;
    this.uploader = uploader;
    this.outcomes = outcomes;
    this.events = events;
    this.clock = clock;
  }

  /** The connected Drive: what it is and a line describing it. */
  public record ConnectedDrive(DriveSpec spec, String description) {}

  /** The queue as a UI shows it. {@code current}: the recording being sent now and its progress. */
  public record QueueView(List<QueuedUpload> uploads, boolean paused, String holdReason, boolean driveConnected,
      String current, long currentSent, long currentTotal) {}

  /** A pending prompt with the recording it is about (null for none). */
  public record PendingPrompt(Prompt prompt, RecordingSnapshot recording) {}

  public Optional<ConnectedDrive> drive() {
    try {
      Optional<DriveSpec> spec = drives.spec();
      if (spec.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new ConnectedDrive(spec.get(), drives.current().map(Drive::describe).orElse("")));
    } catch (SQLException | IOException e) {
      throw new IllegalStateException("Cannot read the connected Drive: " + e.getMessage(), e);
    } catch (DriveException e) {
      return drives.specQuietly().map(spec -> new ConnectedDrive(spec, e.getMessage()));
    }
  }

  /**
   * Connects a Drive after checking it can be written to; closes the "connect your Drive" prompts and queues
   * again the uploads that failed, since a new Drive deserves a fresh try.
   */
  public ConnectedDrive connect(DriveSpec spec, String password) throws InterruptedException {
    Drive drive;
    try {
      drive = drives.connect(spec, password);
    } catch (DriveException e) {
      throw new SyncException(e.retryable() ? SyncException.Problem.UNREACHABLE : SyncException.Problem.REFUSED,
          e.getMessage(), e);
    } catch (SQLException | IOException e) {
      throw new IllegalStateException("Cannot keep the Drive's settings: " + e.getMessage(), e);
    }
    List<Prompt> settled = database.transactionOrFail(connection -> {
      List<Prompt> closed = new ArrayList<>();
      for (Prompt prompt : PromptBook.pending(connection)) {
        if (prompt.kind() == PromptKind.CONNECT_DRIVE) {
          PromptBook.answer(connection, prompt.id(), PromptAnswer.SETTLED, clock.instant());
          closed.add(prompt);
        }
      }
      UploadQueue.retryFailed(connection, null);
      return closed;
    });
    settled.forEach(prompt -> events.promptClosed(prompt.id(), PromptAnswer.SETTLED));
    uploader.driveChanged();
    return new ConnectedDrive(spec, drive.describe());
  }

  public void disconnect() {
    try {
      drives.disconnect();
    } catch (SQLException | IOException e) {
      throw new IllegalStateException("Cannot forget the Drive: " + e.getMessage(), e);
    }
  }

  public QueueView queue() {
    List<QueuedUpload> uploads = database.readOrFail(UploadQueue::overview);
    boolean connected = database.readOrFail(DriveConnection::connected);
    String hold = connected ? uploader.holdReason() : "No Drive is connected.";
    return new QueueView(uploads, uploader.paused(), hold, connected, uploader.current(), uploader.currentSent(),
        uploader.currentTotal());
  }

  /** Queues an upload again, now (a failed one, or one waiting out a backoff). */
  public QueuedUpload retry(String recordingId) {
    if (recordingId == null || recordingId.isBlank()) {
      throw new SyncException(SyncException.Problem.INVALID_REQUEST, "recording_id is required.");
    }
    QueuedUpload upload = database.transactionOrFail(connection -> {
      QueuedUpload found = UploadQueue.find(connection, recordingId).orElseThrow(() -> new SyncException(
          SyncException.Problem.NOT_FOUND, "No upload of recording " + recordingId + " is queued."));
      if (found.state() == UploadState.DONE) {
        throw new SyncException(SyncException.Problem.REFUSED,
            found.fileName() + " is already on the Drive (" + found.remotePath() + ").");
      }
      if (found.state() != UploadState.UPLOADING) {
        UploadQueue.retryFailed(connection, recordingId);
        UploadQueue.retryAt(connection, recordingId, Instant.EPOCH, found.lastError());
      }
      return UploadQueue.find(connection, recordingId).orElseThrow();
    });
    uploader.driveChanged();
    return upload;
  }

  public QueueView pause() {
    try {
      uploader.pause();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot keep the setting: " + e.getMessage(), e);
    }
    return queue();
  }

  public QueueView resume() {
    try {
      uploader.resume();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot keep the setting: " + e.getMessage(), e);
    }
    return queue();
  }

  public List<PendingPrompt> pendingPrompts() {
    return database.readOrFail(connection -> {
      List<PendingPrompt> pending = new ArrayList<>();
      for (Prompt prompt : PromptBook.pending(connection)) {
        RecordingSnapshot recording = prompt.recordingId() == null ? null
            : RecordingRows.find(connection, prompt.recordingId()).orElse(null);
        pending.add(new PendingPrompt(prompt, recording));
      }
      return pending;
    });
  }

  /**
   * Answers a pending prompt. SHARE on a recording already on the Drive makes its link at once; on an
   * interrupted recording still on its way, the link follows when its upload is done.
   */
  public void answer(long promptId, PromptAnswer answer) throws InterruptedException {
    if (answer != PromptAnswer.SHARE && answer != PromptAnswer.DISMISS) {
      throw new SyncException(SyncException.Problem.INVALID_REQUEST, "answer must be SHARE or DISMISS.");
    }
    record Answered(Prompt prompt, RecordingSnapshot recording, QueuedUpload upload) {}
    Answered answered = database.transactionOrFail(connection -> {
      Prompt prompt = PromptBook.pending(connection, promptId).orElseThrow(() -> new SyncException(
          SyncException.Problem.NOT_FOUND, "No prompt " + promptId + " is waiting for an answer."));
      if (prompt.kind() == PromptKind.CONNECT_DRIVE && answer == PromptAnswer.SHARE) {
        throw new SyncException(SyncException.Problem.INVALID_REQUEST,
            "A \"connect your Drive\" prompt is answered by connecting a Drive, or dismissed.");
      }
      PromptBook.answer(connection, promptId, answer, clock.instant());
      if (prompt.recordingId() == null) {
        return new Answered(prompt, null, null);
      }
      return new Answered(prompt, RecordingRows.find(connection, prompt.recordingId()).orElse(null),
          UploadQueue.find(connection, prompt.recordingId()).orElse(null));
    });
    events.promptClosed(promptId, answer);
    QueuedUpload upload = answered.upload();
    if (answer == PromptAnswer.SHARE && upload != null && upload.state() == UploadState.DONE) {
      Optional<Drive> drive;
      try {
        drive = drives.current();
      } catch (SQLException | IOException | DriveException e) {
        throw new SyncException(SyncException.Problem.REFUSED, "The Drive cannot be reached to make a link: "
            + e.getMessage(), e);
      }
      if (drive.isEmpty()) {
        throw new SyncException(SyncException.Problem.REFUSED, "No Drive is connected to make a share link.");
      }
      outcomes.share(drive.get(), answered.recording(), new Drive.Uploaded(upload.remotePath(), 0));
    }
  }
}
