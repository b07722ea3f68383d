package dev.callrec;

import dev.callrec.ipc.DaemonServer;
import dev.callrec.ipc.EventHub;
import dev.callrec.ipc.RecorderGrpcService;
import dev.callrec.media.FfmpegRuntime;
import dev.callrec.recording.RecordingService;
import dev.callrec.recording.RecordingSetup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
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

  private final EventHub events;
  private final RecordingService recordings;
  private final DaemonServer server;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private boolean closed;

  private Daemon(EventHub events, RecordingService recordings, DaemonServer server) {
    this.events = events;
    this.recordings = recordings;
    this.server = server;
  }

  public static Daemon start(DaemonConfig config) throws IOException {
    // 1. Folders: a recording must have somewhere to go before anyone can ask for one.
    Path recordingsDir = Files.createDirectories(config.folders().recordingsDir());
    Files.createDirectories(config.folders().stateDir());
    // 2. FFmpeg's libraries, now rather than at the first StartRecording.
    FfmpegRuntime.load();
    // 3. Events, then recordings, which report into them; recordings a crash left unfinished are completed.
    EventHub events = new EventHub(config.clock());
    RecordingService recordings = new RecordingService(new RecordingSetup(recordingsDir,
        config.devices(), config.locale(), config.diskSpace(), config.clock()), events);
    recordings.recoverInterrupted();
    // 4. Last, the socket: from here on UIs can reach us.
    DaemonServer server;
    try {
      server = DaemonServer.start(config.folders().socket(), config.allowedCallerUid(),
          new RecorderGrpcService(recordings, events, recordingsDir, CallrecVersion.get()));
    } catch (IOException e) {
      recordings.shutdown(Duration.ZERO);
      events.close(Duration.ZERO);
      throw e;
    }
    log.info("callrec {} is listening on {}; recordings go to {}", CallrecVersion.get(),
        config.folders().socket(), recordingsDir);
    return new Daemon(events, recordings, server);
  }

  public Path socket() {
    return server.socket();
  }

  /** Blocks until {@link #close()} has completed. */
  public void awaitStop() throws InterruptedException {
    stopped.await();
  }

  /** Stops in reverse order of start: recordings become final and INTERRUPTED, UIs hear of it, the socket closes. */
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
    events.close(EVENTS_GRACE);
    server.shutdown(SERVER_GRACE);
    log.info("callrec stopped");
    stopped.countDown();
  }
}
