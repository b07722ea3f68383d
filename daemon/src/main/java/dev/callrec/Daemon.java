package dev.callrec;

import dev.callrec.ipc.DaemonServer;
import dev.callrec.ipc.EventHub;
import dev.callrec.ipc.RecorderGrpcService;
import dev.callrec.media.FfmpegRuntime;
import dev.callrec.platform.InstanceLock;
import dev.callrec.platform.SecretFile;
import dev.callrec.recording.RecordingService;
import dev.callrec.recording.RecordingSetup;
import dev.callrec.store.CallLedger;
import dev.callrec.store.Database;
import dev.callrec.sync.Backoff;
import dev.callrec.sync.DriveConnection;
import dev.callrec.sync.Drives;
import dev.callrec.sync.StoredMultipartUploads;
import dev.callrec.sync.SyncIntake;
import dev.callrec.sync.SyncService;
import dev.callrec.sync.UploadOutcomes;
import dev.callrec.sync.Uploader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running daemon. Starts its parts in the order written below and stops them in reverse, so that a
 * closing daemon finishes its recordings, tells the UIs, and only then stops answering.
 */
public final class Daemon implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Daemon.class);
  /** The whole shutdown must fit in 5 s; finalizing recordings gets most of it. */
  private static final Duration RECORDINGS_GRACE = Duration.ofMillis(3500);
  private static final Duration EVENTS_GRACE = Duration.ofMillis(500);
  private static final Duration SERVER_GRACE = Duration.ofMillis(500);

  private static final Duration FIRST_RETRY = Duration.ofSeconds(2);
  private static final Duration LAST_RETRY = Duration.ofMinutes(10);
  static final String DATABASE_FILE = "callrec.db";
  static final String SECRETS_FILE = "secrets.properties";

  private final EventHub events;
  private final RecordingService recordings;
  private final SyncService sync;
  private final Uploader uploader;
  private final DriveConnection drives;
  private final Database database;
  private final InstanceLock instance;
  private DaemonServer server;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private boolean closed;

  private Daemon(EventHub events, RecordingService recordings, SyncService sync, Uploader uploader,
      DriveConnection drives, Database database, InstanceLock instance) {
    this.sync = sync;
    this.instance = instance;
    this.events = events;
    this.recordings = recordings;
    this.uploader = uploader;
    this.drives = drives;
    this.database = database;
  }

  public static Daemon start(DaemonConfig config) throws IOException {
    // 1. Folders: a recording must have somewhere to go before anyone can ask for one.
    Path recordingsDir = Files.createDirectories(config.folders().recordingsDir());
    Files.createDirectories(config.folders().stateDir());
    // One daemon per user: a second one stops here, before it touches anything.
    InstanceLock instance = InstanceLock.acquire(config.folders().stateDir());
    try {
      return start(config, recordingsDir, instance);
    } catch (IOException | RuntimeException e) {
      instance.close();
      throw e;
    }
  }

  private static Daemon start(DaemonConfig config, Path recordingsDir, InstanceLock instance) throws IOException {
    // 2. FFmpeg's libraries, now rather than at the first StartRecording.
    FfmpegRuntime.load();
    // 3. The database, events, and the upload queue, which waits for recordings to end.
    Database database = openDatabase(config.folders().stateDir());
    Clock clock = config.clock();
    EventHub events = new EventHub(clock);
    DriveConnection drives = new DriveConnection(database,
        new SecretFile(config.folders().stateDir().resolve(SECRETS_FILE)),
        new Drives(config.sync(), new StoredMultipartUploads(database)));
    UploadOutcomes outcomes = new UploadOutcomes(database, events,
        new Backoff(FIRST_RETRY, LAST_RETRY, () -> ThreadLocalRandom.current().nextDouble()), clock);
    AtomicReference<RecordingService> recordingsRef = new AtomicReference<>();
    Uploader uploader;
    try {
      uploader = new Uploader(database, drives, outcomes, events, clock,
          () -> recordingsRef.get() != null && !recordingsRef.get().active().isEmpty(),
          config.sync().waitWhileRecording());
    } catch (SQLException e) {
      throw new IOException("Cannot read the upload queue: " + e.getMessage(), e);
    }
    // 4. Recordings, which report into the events and are kept in the database (and queued) as they end;
    // recordings a crash left unfinished are completed.
    RecordingService recordings = new RecordingService(new RecordingSetup(recordingsDir, config.devices(),
        config.locale(), config.diskSpace(), clock, new SyncIntake(database, events, clock, uploader::wake),
        new CallLedger(database, config.plans().defaultPlan()), config.plans().freePlan()), events);
    recordingsRef.set(recordings);
    recordings.recoverInterrupted();
    uploader.start();
    // 5. Last, the socket: from here on UIs can reach us.
    SyncService sync = new SyncService(database, drives, uploader, outcomes, events, clock);
    Daemon daemon = new Daemon(events, recordings, sync, uploader, drives, database, instance);
    try {
      daemon.server = DaemonServer.start(config.folders().socket(), config.allowedCallerUid(),
          new RecorderGrpcService(recordings, sync, events, recordingsDir, CallrecVersion.get()));
    } catch (IOException e) {
      daemon.close();
      throw e;
    }
    log.info("callrec {} is listening on {}; recordings go to {}", CallrecVersion.get(),
        config.folders().socket(), recordingsDir);
    return daemon;
  }

  private static Database openDatabase(Path stateDir) throws IOException {
    try {
      return Database.open(stateDir.resolve(DATABASE_FILE));
    } catch (SQLException e) {
      throw new IOException("Cannot open the database " + stateDir.resolve(DATABASE_FILE) + ": " + e.getMessage(), e);
    }
  }

  public Path socket() {
    return server.socket();
  }

  public RecordingService recordings() {
    return recordings;
  }

  public SyncService sync() {
    return sync;
  }

  /** Blocks until {@link #close()} has completed. */
  public void awaitStop() throws InterruptedException {
    stopped.await();
  }

  /**
   * Stops in reverse order of start: recordings become final and INTERRUPTED (and queued), the upload under
   * way stops (it stays queued), UIs hear of it, the socket closes.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    log.info("callrec is stopping");
    recordings.shutdown(RECORDINGS_GRACE);
    uploader.close();
    drives.close();
    events.close(EVENTS_GRACE);
    if (server != null) {
      server.shutdown(SERVER_GRACE);
    }
    try {
      database.close();
    } catch (SQLException e) {
      log.warn("Closing the database failed", e);
    }
    try {
      instance.close();
    } catch (IOException e) {
      log.warn("Releasing the instance lock failed", e);
    }
    log.info("callrec stopped");
    stopped.countDown();
  }
}
