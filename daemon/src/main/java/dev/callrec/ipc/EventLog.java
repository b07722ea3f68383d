package dev.callrec.ipc;

import dev.callrec.proto.v1.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The daemon's recent events with consecutive ids, so that a UI that reconnects can ask for what it missed.
 * Holds the newest {@code capacity} events; older ones are gone.
 */
final class EventLog {
  private final Event[] ring;
  private long lastId;

  EventLog(int capacity) {
    this.ring = new Event[capacity];
  }

  synchronized Event append(Event.Builder event, Instant time) {
    Event stamped = event.setId(++lastId)
        .setTime(ProtoMapper.toTimestamp(time))
        .build();
    ring[(int) (lastId % ring.length)] = stamped;
    return stamped;
  }

  synchronized long lastId() {
    return lastId;
  }

  /** Up to {@code max} events with ids above {@code afterId}, oldest first, from those still held. */
  synchronized List<Event> after(long afterId, int max) {
    long oldestHeld = Math.max(1, lastId - ring.length + 1);
    long from = Math.max(afterId + 1, oldestHeld);
    List<Event> events = new ArrayList<>();
    for (long id = from; id <= lastId && events.size() < max; id++) {
      events.add(ring[(int) (id % ring.length)]);
    }
    return events;
  }
}
