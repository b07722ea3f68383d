package dev.callrec.testing;

import dev.callrec.proto.v1.Event;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A WatchEvents subscriber that keeps every event it is sent, in order. */
public final class EventCollector implements StreamObserver<Event> {
  private final List<Event> events = new ArrayList<>();
  private boolean completed;
  private Throwable error;

  @Override
  public synchronized void onNext(Event event) {
    events.add(event);
    notifyAll();
  }

  @Override
  public synchronized void onError(Throwable t) {
    error = t;
    notifyAll();
  }

  @Override
  public synchronized void onCompleted() {
    completed = true;
    notifyAll();
  }

  public synchronized List<Event> events() {
    return List.copyOf(events);
  }

  public synchronized boolean completed() {
    return completed;
  }

  /** Waits for the first event that matches; fails the test if none comes in time. */
  public synchronized Event await(Predicate<Event> match, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      for (Event event : new ArrayList<>(events)) {
        if (match.test(event)) {
          return event;
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0 || completed || error != null) {
        throw new AssertionError("No matching event within " + timeout + "; got " + events
            + (error != null ? "; stream failed: " + error : ""));
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }
}
