package dev.callrec.recording;

import dev.callrec.media.CaptureEncoder;
import dev.callrec.media.CaptureResult;
import dev.callrec.media.MediaInfo;
import dev.callrec.media.MediaProbe;
import dev.callrec.media.SourceSpec;
import dev.callrec.media.WebmRemuxer;
import dev.callrec.platform.DurableFiles;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One recording from request to final file. Capture runs on the encoder's thread; this class moves the
 * recording through its states, and on the way out makes the file durable, seekable and named.
 */
final class RecordingSession {
  private static final Logger log = LoggerFactory.getLogger(RecordingSession.class);

  private final String id;
  private final RecordingRequest request;
  private final int callNumber;
  private final RecordingEvents events;
  private final Clock clock;
  private final RecordingFileNames names;
  private final String baseName;
  private final CaptureEncoder capture;
  private final CompletableFuture<RecordingSnapshot> started = new CompletableFuture<>();
  private final CompletableFuture<RecordingSnapshot> ended = new CompletableFuture<>();
  private final Object lock = new Object();

  private RecordingState state = RecordingState.STARTING;
  private int sequence;
  private Path reservedFile;
  private Path file;
  private final Instant requestedAt;
  private final RecordingArchive archive;
  private final FreePlan freePlan;
  private Instant startedAt;
  private Instant endedAt;
  private StopReason stopReason;
  private CallView view;
  private MediaInfo media;
  private String failureMessage;

  RecordingSession(String id, RecordingRequest request, int callNumber, String baseName,
      RecordingFileNames.Reservation reservation, RecordingEvents events, RecordingFileNames names,
      RecordingSetup setup) {
    this.id = id;
    this.request = request;
    this.callNumber = callNumber;
    this.baseName = baseName;
    this.sequence = reservation.sequence();
    this.reservedFile = reservation.file();
    this.file = RecordingFileNames.partFileFor(reservation.file());
    this.events = events;
    this.names = names;
    this.clock = setup.clock();
    this.archive = setup.archive();
    this.freePlan = setup.freePlan();
    this.requestedAt = clock.instant();
    this.view = request.view();
    this.capture = new CaptureEncoder(request.source(), request.audio(), setup.devices(), file, "capture-" + id,
        setup.locale(), this::onWarning);
    capture.showNotice(view == CallView.CHAT);
  }

  RecordingRequest request() {
    return request;
  }

  String callId() {
    return request.callId();
  }

  /** Completes with the recording in state RECORDING once its first frame is in the file. */
  CompletableFuture<RecordingSnapshot> started() {
    return started;
  }

  /** Completes with the recording in a final state once its file is final (or it failed). */
  CompletableFuture<RecordingSnapshot> ended() {
    return ended;
  }

  void start() {
    capture.firstFrame().thenRun(this::onFirstFrame);
    capture.finished().thenAccept(this::onCaptureEnded);
    capture.start();
  }

  CompletableFuture<RecordingSnapshot> stop(StopReason reason) {
    synchronized (lock) {
      if (stopReason == null && !state.isFinal()) {
        stopReason = reason;
        if (state != RecordingState.FINALIZING) {
          state = state.moveTo(RecordingState.FINALIZING);
        }
      }
    }
    capture.requestStop();
    return ended;
  }

  /** From the next frame on, records the picture (CALL) or the notice screen (CHAT). */
  RecordingSnapshot setView(CallView newView) {
    synchronized (lock) {
      view = newView;
    }
    capture.showNotice(newView == CallView.CHAT);
    return snapshot();
  }

  /** Completes once the recording captures {@code source}; the file and its timeline go on. */
  CompletableFuture<RecordingSnapshot> switchSource(SourceSpec source) {
    return capture.switchTo(source).thenApply(opened -> snapshot());
  }

  boolean isRecording() {
    synchronized (lock) {
      return state == RecordingState.RECORDING;
    }
  }

  RecordingSnapshot snapshot() {
    synchronized (lock) {
      Instant now = clock.instant();
      long elapsedMs = startedAt == null ? 0 : Duration.between(startedAt, endedAt != null ? endedAt : now).toMillis();
      return new RecordingSnapshot(id, request.callId(), request.chat(), callNumber, sequence, state, file,
          startedAt != null ? startedAt : requestedAt, endedAt, elapsedMs, sizeOf(file),
          capture.frames(), capture.droppedFrames(), capture.repeatedFrames(), view, false, media, failureMessage);
    }
  }

  private void onFirstFrame() {
    synchronized (lock) {
      if (state != RecordingState.STARTING) {
        return;
      }
      state = state.moveTo(RecordingState.RECORDING);
      startedAt = clock.instant();
    }
    RecordingSnapshot recording = snapshot();
    log.info("Recording {} of call {} started: {}", id, request.callId(), file);
    events.started(recording);
    started.complete(recording);
  }

  /** Runs on the capture thread, after the encoder has written the file's trailer. */
  private void onCaptureEnded(CaptureResult result) {
    StopReason reason;
    synchronized (lock) {
      if (state != RecordingState.FINALIZING) {
        state = state.moveTo(RecordingState.FINALIZING);
      }
      endedAt = clock.instant();
      reason = stopReason;
    }
    RecordingState outcome;
    String message = null;
    try {
      if (!result.wroteFrames()) {
        Files.deleteIfExists(file);
        synchronized (lock) {
          file = null;
        }
        outcome = RecordingState.FAILED;
        message = "The recording could not start: " + describe(result.error(), "the source delivered no picture.");
      } else {
        Path finalFile = completeFile();
        synchronized (lock) {
          file = finalFile;
        }
        if (result.error() != null || result.sourceEnded() || reason == null) {
          outcome = RecordingState.FAILED;
          message = "The recording broke off and was saved up to that point: "
              + describe(result.error(), "the capture source stopped.");
        } else if (reason == StopReason.DISK_FULL) {
          outcome = RecordingState.FAILED;
          message = "The disk is almost full, so the recording was stopped and saved up to that point. "
              + "Free some space to record again.";
        } else {
          outcome = reason.finalState();
        }
      }
    } catch (IOException | RuntimeException e) {
      log.error("Recording {} could not be saved", id, e);
      outcome = RecordingState.FAILED;
      message = "The recording could not be saved: " + e.getMessage();
    } finally {
      names.release(reservedFile);
    }
    finish(outcome, message, result.error());
  }

  /**
   * Remuxes the .part file into a complete one (index, true duration), syncs it, reads back what it holds, and
   * gives it its final name without replacing anything. If the remux fails, the .part file itself is kept:
   * it plays, only without an index.
   */
  private Path completeFile() throws IOException {
    Path part = RecordingFileNames.partFileFor(reservedFile);
    Path complete = RecordingFileNames.completingFileFor(reservedFile);
    Path source = part;
    try {
      WebmRemuxer.remux(part, complete);
      source = complete;
    } catch (IOException e) {
      log.warn("Recording {}: could not write its index, keeping the file as recorded", id, e);
      Files.deleteIfExists(complete);
    }
    DurableFiles.fsync(source);
    MediaInfo info = MediaProbe.probe(source);
    synchronized (lock) {
      media = info;
    }
    Path target = moveIntoPlace(source);
    Files.deleteIfExists(part);
    DurableFiles.fsyncDirectory(target.getParent());
    return target;
  }

  private Path moveIntoPlace(Path source) throws IOException {
    Path target = reservedFile;
    for (int attempt = 0; ; attempt++) {
      try {
        DurableFiles.renameNoReplace(source, target);
        return target;
      } catch (FileAlreadyExistsException e) {
        if (attempt >= 3) {
          throw e;
        }
        // Someone put a file under our name while we recorded: take the next free one.
        RecordingFileNames.Reservation next = names.reserve(baseName, sequence + 1);
        names.release(target);
        target = next.file();
        reservedFile = target;
        synchronized (lock) {
          sequence = next.sequence();
        }
      }
    }
  }

  private void onWarning(String message) {
    log.warn("Recording {} of call {}: {}", id, request.callId(), message);
    events.warning(snapshot(), message);
  }

  private void finish(RecordingState outcome, String message, Throwable error) {
    synchronized (lock) {
      state = state.moveTo(outcome);
      failureMessage = message;
    }
    RecordingSnapshot recording = snapshot();
    // Kept (and queued for the Drive) before anyone hears of it, so a UI that asks next finds it.
    archive.keep(recording, freePlan.counts(recording));
    if (outcome == RecordingState.FAILED) {
      log.warn("Recording {} of call {} failed: {}", id, request.callId(), message, error);
      events.failed(recording, message);
    } else {
      log.info("Recording {} of call {} is {}: {} ({} ms)", id, request.callId(), outcome, recording.file(),
          recording.media() != null ? recording.media().durationMs() : 0);
      events.finished(recording);
    }
    if (!started.isDone()) {
      if (recording.file() == null) {
        started.completeExceptionally(new RecordingException(RecordingException.Problem.CAPTURE_FAILED, message, error));
      } else {
        started.complete(recording);
      }
    }
    ended.complete(recording);
  }

  private static String describe(Throwable error, String otherwise) {
    if (error == null) {
      return otherwise;
    }
    String text = error.getMessage();
    return text == null || text.isBlank() ? error.getClass().getSimpleName() : text;
  }

  private static long sizeOf(Path path) {
    try {
      return path == null ? 0 : Files.size(path);
    } catch (IOException e) {
      return 0;
    }
  }
}
