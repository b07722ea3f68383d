package dev.callrec.ipc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callrec.proto.v1.Event;
import dev.callrec.proto.v1.RecordingProgress;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventLogTest {

  private static Event.Builder progress(long frames) {
    return Event.newBuilder().setRecordingProgress(RecordingProgress.newBuilder().setFrames(frames));
  }

  @Test
  void numbersEventsConsecutivelyAndReplaysAfterAnId() {
    EventLog log = new EventLog(8);
    for (int i = 1; i <= 5; i++) {
      assertThat(log.append(progress(i), Instant.EPOCH).getId()).isEqualTo(i);
    }
    assertThat(log.after(2, 10)).extracting(Event::getId).containsExactly(3L, 4L, 5L);
    assertThat(log.after(0, 2)).extracting(Event::getId).containsExactly(1L, 2L);
    assertThat(log.after(5, 10)).isEmpty();
  }

  @Test
  void keepsOnlyTheNewestEvents() {
    EventLog log = new EventLog(4);
    for (int i = 1; i <= 10; i++) {
      log.append(progress(i), Instant.EPOCH);
    }
    assertThat(log.lastId()).isEqualTo(10);
    assertThat(log.after(1, 10)).extracting(Event::getId).containsExactly(7L, 8L, 9L, 10L);
    assertThat(log.after(8, 10)).extracting(e -> e.getRecordingProgress().getFrames()).containsExactly(9L, 10L);
  }
}
