package dev.callrec.sync;

import java.io.InterruptedIOException;
import java.util.concurrent.TimeUnit;

/**
 * One upload's progress across all its requests: tells the progress callback how much of the file is on its
 * way, and holds the sending to the configured rate so the call keeps its bandwidth. Parts sent from
 * different threads may report to it (one sending at a time, one failing at any time).
 */
final class UploadPace {
  private static final int CHUNK_BYTES = 64 * 1024;

  private final long bytesPerSecond;
  private final long total;
  private final Drive.UploadProgress progress;
  private long position;
  private long paced;
  private long started;

  /** {@code bytesPerSecond} 0 sends as fast as the network allows. */
  UploadPace(long bytesPerSecond, long total, Drive.UploadProgress progress) {
    this.bytesPerSecond = bytesPerSecond;
    this.total = total;
    this.progress = progress;
  }

  /** How much to hand the network at a time: small enough for the rate to be smooth. */
  int chunkBytes() {
    return bytesPerSecond > 0 ? (int) Math.max(4096, Math.min(CHUNK_BYTES, bytesPerSecond / 20)) : CHUNK_BYTES;
  }

  /** The upload starts, or starts again, with {@code alreadyThere} bytes on the server from an earlier attempt. */
  synchronized void start(long alreadyThere) {
    position = alreadyThere;
    paced = 0;
    started = System.nanoTime();
    progress.sent(position, total);
  }

  /** Jumps over bytes the server has already (a part stored by an earlier attempt). */
  synchronized void skipped(long bytes) {
    position += bytes;
    progress.sent(position, total);
  }

  /** {@code bytes} more went to the network; waits if that is ahead of the rate. */
  void sent(long bytes) throws InterruptedIOException {
    long ahead;
    synchronized (this) {
      position += bytes;
      paced += bytes;
      progress.sent(position, total);
      ahead = bytesPerSecond <= 0 ? 0 : started + (long) (paced * 1e9 / bytesPerSecond) - System.nanoTime();
    }
    if (Thread.currentThread().isInterrupted()) {
      throw new InterruptedIOException("The upload was interrupted");
    }
    if (ahead > 0) {
      try {
        TimeUnit.NANOSECONDS.sleep(ahead);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("The upload was interrupted");
      }
    }
  }

  /** A request failed after sending some of its bytes: they count as not sent. */
  synchronized void rewind(long bytes) {
    position -= bytes;
  }
}
