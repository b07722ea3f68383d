package dev.callrec.sync;

import dev.callrec.store.Database;
import dev.callrec.store.Settings;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works through the upload queue on a thread of its own, one upload at a time: takes the oldest due upload,
 * sends it to the Drive, and hands the outcome to {@link UploadOutcomes}. Waits while no Drive is connected,
 * while uploads are paused, and (if so configured) while a call is being recorded, so that the call keeps its
 * bandwidth.
 */
public final class Uploader implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Uploader.class);
  private static final String PAUSED = "uploads.paused";
  private static final Duration IDLE_CHECK = Duration.ofSeconds(1);
  private static final long PROGRESS_EVERY_NANOS = 250_000_000L;

  private final Database database;
  private final DriveConnection drives;
  private final UploadOutcomes outcomes;
  private final SyncEvents events;
  private final Clock clock;
  private final BooleanSupplier recordingRunning;
  private final boolean waitWhileRecording;
  private final Thread thread;
  private final Object signal = new Object();
  private volatile boolean running = true;
  private volatile boolean paused;
  private volatile boolean cancelCurrent;
  private volatile String current;
  private volatile boolean credentialsRefused;
  private volatile long currentSent;
  private volatile long currentTotal;
  private boolean woken;

  public Uploader(Database database, DriveConnection drives, UploadOutcomes outcomes, SyncEvents events, Clock clock,
      BooleanSupplier recordingRunning, boolean waitWhileRecording) throws SQLException {
    this.database = database;
    this.drives = drives;
    this.outcomes = outcomes;
    this.events = events;
    this.clock = clock;
    this.recordingRunning = recordingRunning;
    this.waitWhileRecording = waitWhileRecording;
    this.paused = database.read(connection -> Boolean.parseBoolean(Settings.get(connection, PAUSED, "false")));
    int requeued = database.transaction(UploadQueue::requeueUnfinished);
    if (requeued > 0) {
      log.info("{} upload(s) the last run did not finish are queued again", requeued);
    }
    this.thread = new Thread(this::run, "uploader");
    thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  /** Something changed (a recording queued or ended, a Drive connected, a retry asked for): look again. */
  public void wake() {
    synchronized (signal) {
      woken = true;
      signal.notifyAll();
    }
  }

  public boolean paused() {
    return paused;
  }

  /** Holds uploads; the one being sent stops and is queued again. Kept across restarts. */
  public void pause() throws SQLException {
    setPaused(true);
    cancelCurrent = current != null;
  }

  public void resume() throws SQLException {
    setPaused(false);
    wake();
  }

  /** Another Drive (or the same one with a new password) was connected: what was refused may go now. */
  public void driveChanged() {
    credentialsRefused = false;
    wake();
  }

  /** The recording being uploaded now, or null. */
  public String current() {
    return current;
  }

  public long currentSent() {
    return currentSent;
  }

  public long currentTotal() {
    return currentTotal;
  }

  /** Why the next upload does not start now, in words a UI can show; null if nothing holds it back. */
  public String holdReason() {
    if (paused) {
      return "Uploads are paused.";
    }
    if (credentialsRefused) {
      return "The Drive refused the password. Connect it again.";
    }
    if (waitWhileRecording && recordingRunning.getAsBoolean()) {
      return "Waiting until the call's recording ends.";
    }
    return null;
  }

  @Override
  public void close() {
    running = false;
    cancelCurrent = true;
    wake();
    try {
      thread.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void setPaused(boolean value) throws SQLException {
    database.transaction(connection -> {
      Settings.put(connection, PAUSED, Boolean.toString(value));
      return null;
    });
    paused = value;
  }

  private void run() {
    while (running) {
      try {
        Duration wait = uploadNext();
        if (wait != null) {
          await(wait);
        }
      } catch (InterruptedException e) {
        if (!running) {
          return;
        }
      } catch (Exception e) {
        log.error("The upload queue hit an unexpected error; trying again shortly", e);
        sleepQuietly(IDLE_CHECK.multipliedBy(5));
      }
    }
  }

  /** Uploads the next due recording, if one may go now; otherwise returns how long to wait at most. */
  private Duration uploadNext() throws Exception {
    if (holdReason() != null) {
      return IDLE_CHECK;
    }
    Optional<Drive> drive;
    try {
      drive = drives.current();
    } catch (DriveException e) {
      log.warn("The connected Drive cannot be opened: {}", e.getMessage());
      return IDLE_CHECK.multipliedBy(30);
    }
    if (drive.isEmpty()) {
      return IDLE_CHECK.multipliedBy(60);
    }
    Instant now = clock.instant();
    Optional<QueuedUpload> next = database.transaction(connection -> {
      Optional<QueuedUpload> due = UploadQueue.nextDue(connection, now);
      if (due.isPresent()) {
        UploadQueue.taken(connection, due.get().recordingId());
      }
      return due;
    });
    if (next.isEmpty()) {
      Optional<Instant> due = database.read(UploadQueue::earliestDue);
      return due.map(at -> Duration.between(now, at)).filter(d -> d.compareTo(IDLE_CHECK.multipliedBy(60)) < 0)
          .orElse(IDLE_CHECK.multipliedBy(60));
    }
    upload(drive.get(), next.get());
    return null;
  }

  private void upload(Drive drive, QueuedUpload upload) throws SQLException, InterruptedException {
    String id = upload.recordingId();
    current = id;
    currentSent = 0;
    currentTotal = 0;
    cancelCurrent = false;
    long[] lastReport = {0};
    log.info("Uploading {} to {} (attempt {})", upload.fileName(), drive.describe(), upload.attempts() + 1);
    try {
      Drive.Uploaded uploaded = drive.upload(upload.file(), upload.fileName(), (sent, total) -> {
        if (cancelCurrent) {
          throw new CancellationException();
        }
        currentSent = sent;
        currentTotal = total;
        long now = System.nanoTime();
        if (sent == total || sent == 0 || now - lastReport[0] >= PROGRESS_EVERY_NANOS) {
          lastReport[0] = now;
          events.uploadProgress(id, sent, total);
        }
      });
      log.info("{} is on the Drive: {}", upload.fileName(), uploaded.remotePath());
      outcomes.uploaded(drive, upload, uploaded);
    } catch (CancellationException e) {
      database.transaction(connection -> {
        UploadQueue.retryAt(connection, id, Instant.EPOCH, upload.lastError());
        return null;
      });
      log.info("Upload of {} stopped; it stays queued", upload.fileName());
    } catch (DriveException e) {
      // One refusal says it for every upload: the queue waits for the user instead of knocking again.
      credentialsRefused = e.kind() == DriveException.Kind.CREDENTIALS;
      outcomes.failed(upload, upload.attempts() + 1, e);
    } catch (RuntimeException e) {
      log.error("Uploading {} failed unexpectedly", upload.fileName(), e);
      outcomes.failed(upload, upload.attempts() + 1, new DriveException(DriveException.Kind.TRANSIENT,
          "The upload failed unexpectedly (" + e + "); callrec tries again.", e));
    } finally {
      current = null;
    }
  }

  private void await(Duration wait) throws InterruptedException {
    synchronized (signal) {
      if (!woken && running) {
        signal.wait(Math.max(1, wait.toMillis()));
      }
      woken = false;
    }
  }

  private static void sleepQuietly(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
