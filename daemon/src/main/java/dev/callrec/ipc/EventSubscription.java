package dev.callrec.ipc;

import dev.callrec.proto.v1.Event;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * One WatchEvents stream. Sends from the event log only while the client's transport is ready, so a slow UI
 * makes the daemon hold a position in the log, not a growing queue. All methods run on the hub's dispatcher.
 */
final class EventSubscription {
  private static final int BATCH = 64;

  private final ServerCallStreamObserver<Event> out;
  private final EventLog log;
  private final Deque<Event> preamble;
  private long cursor;
  private volatile boolean closed;

  /** {@code preamble}: events that go out before any from the log (the pending prompts). */
  EventSubscription(ServerCallStreamObserver<Event> out, EventLog log, long afterEventId, List<Event> preamble) {
    this.out = out;
    this.log = log;
    this.cursor = afterEventId;
    this.preamble = new ArrayDeque<>(preamble);
  }

  boolean isClosed() {
    return closed;
  }

  void cancelled() {
    closed = true;
  }

  void drain() {
    try {
      while (!closed && out.isReady()) {
        if (!sendBatch()) {
          return;
        }
      }
    } catch (StatusRuntimeException clientGone) {
      closed = true;
    }
  }

  /** Sends what is left, ready or not (a handful of final events), and ends the stream. */
  void complete() {
    if (closed) {
      return;
    }
    try {
      while (sendBatch()) {
        // keep sending
      }
      out.onCompleted();
    } catch (StatusRuntimeException | IllegalStateException clientGone) {
      // The client left first.
    }
    closed = true;
  }

  private boolean sendBatch() {
    if (!preamble.isEmpty()) {
      out.onNext(preamble.poll());
      return true;
    }
    List<Event> batch = log.after(cursor, BATCH);
    for (Event event : batch) {
      out.onNext(event);
      cursor = event.getId();
    }
    return !batch.isEmpty();
  }
}
