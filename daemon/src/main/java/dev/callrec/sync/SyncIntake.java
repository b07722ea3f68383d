package dev.callrec.sync;

import dev.callrec.prompts.Prompt;
import dev.callrec.prompts.PromptBook;
import dev.callrec.prompts.PromptKind;
import dev.callrec.recording.RecordingArchive;
import dev.callrec.recording.RecordingSnapshot;
import dev.callrec.recording.RecordingState;
import dev.callrec.store.CallLedger;
import dev.callrec.store.Database;
import dev.callrec.store.RecordingRows;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps ended recordings in the database and, in the same transaction, counts their call toward the free
 * plan if they qualify, queues every final one for the Drive, asks to connect a Drive if none is, and asks
 * about a recording that callrec's closing interrupted.
 */
public final class SyncIntake implements RecordingArchive {
  private static final Logger log = LoggerFactory.getLogger(SyncIntake.class);

  private final Database database;
  private final SyncEvents events;
  private final Clock clock;
  private final Runnable queueChanged;

  public SyncIntake(Database database, SyncEvents events, Clock clock, Runnable queueChanged) {
    this.database = database;
    this.events = events;
    this.clock = clock;
    this.queueChanged = queueChanged;
  }

  @Override
  public void keep(RecordingSnapshot recording, boolean countsCall) {
    Instant now = clock.instant();
    List<Prompt> raised;
    try {
      raised = database.transaction(connection -> {
        RecordingRows.save(connection, recording);
        if (countsCall) {
          CallLedger.count(connection, recording.callId(), recording.id());
        }
        List<Prompt> prompts = new ArrayList<>();
        if (!isFinal(recording)) {
          return prompts;
        }
        UploadQueue.add(connection, recording.id(), now);
        List<Prompt> pending = PromptBook.pending(connection);
        if (!DriveConnection.connected(connection)
            && pending.stream().noneMatch(prompt -> prompt.kind() == PromptKind.CONNECT_DRIVE)) {
          prompts.add(PromptBook.raise(connection, PromptKind.CONNECT_DRIVE, null, now));
        }
        if (recording.state() == RecordingState.INTERRUPTED
            && PromptBook.latest(connection, PromptKind.INTERRUPTED, recording.id()).isEmpty()) {
          prompts.add(PromptBook.raise(connection, PromptKind.INTERRUPTED, recording.id(), now));
        }
        return prompts;
      });
    } catch (SQLException e) {
      // The file itself is safe on disk; only its place in the queue is missing.
      log.error("Could not keep recording {} ({}) in the database", recording.id(), recording.file(), e);
      return;
    }
    for (Prompt prompt : raised) {
      events.prompt(prompt, prompt.recordingId() == null ? null : recording);
    }
    queueChanged.run();
  }

  @Override
  public List<RecordingSnapshot> newest(int limit) {
    return database.readOrFail(connection -> RecordingRows.newest(connection, limit));
  }

  private static boolean isFinal(RecordingSnapshot recording) {
    return recording.file() != null
        && (recording.state() == RecordingState.FINISHED || recording.state() == RecordingState.INTERRUPTED);
  }
}
