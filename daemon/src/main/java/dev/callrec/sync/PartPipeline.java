package dev.callrec.sync;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the parts of one upload two at a time, in order. Each part first reads its bytes into a buffer of its
 * own and works out their checksum, then waits for its {@link Turn}: the part before it has handed its last
 * byte to the network (or was skipped, or failed). So while the server stores one part and answers for it,
 * the next part's bytes are already on their way and the one after is being read; yet only one part is ever
 * going out, and a crash or a cut connection costs at most that one.
 *
 * <p>Results come back in part order; the first failure in that order is thrown once the parts before it
 * are done, and whatever is still running then is stopped.
 */
final class PartPipeline<T> implements AutoCloseable {
  static final int PARTS_AT_ONCE = 2;
  private static final AtomicInteger PIPELINES = new AtomicInteger();
  private static final Logger log = LoggerFactory.getLogger(PartPipeline.class);

  /** One part's work: fill {@code buffer}, wait for {@code turn}, send, pass the turn on. */
  @FunctionalInterface
  interface Step<T> {
    T run(byte[] buffer, Turn turn) throws DriveException, InterruptedException;
  }

  /** When a part may start sending, and how it lets the next one start. */
  static final class Turn {
    private final CompletableFuture<Void> previous;
    private final CompletableFuture<Void> mine = new CompletableFuture<>();

    private Turn(CompletableFuture<Void> previous) {
      this.previous = previous;
    }

    /** Waits until the part before has sent its last byte. */
    void await() throws InterruptedException {
      try {
        previous.get();
      } catch (ExecutionException e) {
        throw new IllegalStateException("A turn never fails", e);
      }
    }

    /** This part's bytes are all out (or it sends none): the next part may go. */
    void pass() {
      mine.complete(null);
    }
  }

  private final ExecutorService threads;
  private final BlockingQueue<byte[]> buffers = new ArrayBlockingQueue<>(PARTS_AT_ONCE);
  private final Deque<Future<T>> running = new ArrayDeque<>();
  private final List<T> results = new ArrayList<>();
  private CompletableFuture<Void> lastTurn = CompletableFuture.completedFuture(null);

  PartPipeline(int bufferBytes) {
    for (int i = 0; i < PARTS_AT_ONCE; i++) {
      buffers.add(new byte[bufferBytes]);
    }
    int pipeline = PIPELINES.incrementAndGet();
    AtomicInteger thread = new AtomicInteger();
    this.threads = Executors.newFixedThreadPool(PARTS_AT_ONCE, task -> {
      Thread t = new Thread(task, "upload-parts-" + pipeline + "-" + thread.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /** Starts the next part, first waiting for the oldest running one to finish if two are running. */
  void add(Step<T> step) throws DriveException, InterruptedException {
    if (running.size() == PARTS_AT_ONCE) {
      results.add(await(running.removeFirst()));
    }
    Turn turn = new Turn(lastTurn);
    lastTurn = turn.mine;
    running.addLast(threads.submit(() -> {
      byte[] buffer = buffers.take();
      try {
        return step.run(buffer, turn);
      } finally {
        turn.pass();
        buffers.add(buffer);
      }
    }));
  }

  /** Every part's result, in the order they were added, once all are done. */
  List<T> results() throws DriveException, InterruptedException {
    while (!running.isEmpty()) {
      results.add(await(running.removeFirst()));
    }
    return List.copyOf(results);
  }

  /** Stops parts still running (after a failure) and waits for their threads to end. */
  @Override
  public void close() throws InterruptedException {
    running.forEach(part -> part.cancel(true));
    running.clear();
    threads.shutdownNow();
    if (!threads.awaitTermination(2, TimeUnit.MINUTES)) {
      log.warn("A part of an upload was still sending 2 minutes after being told to stop; it is left to end");
    }
  }

  private T await(Future<T> part) throws DriveException, InterruptedException {
    try {
      return part.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof DriveException drive) {
        throw drive;
      }
      if (cause instanceof InterruptedException interrupted) {
        throw interrupted;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("A part failed unexpectedly", cause);
    }
  }
}
