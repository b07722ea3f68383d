package dev.callrec.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PartPipelineTest {
  private final List<String> events = new CopyOnWriteArrayList<>();

  @Test
  void partsSendOneAfterAnotherAndTheNextGoesOutWhileTheOneBeforeWaitsForItsAnswer() throws Exception {
    CountDownLatch secondSending = new CountDownLatch(1);
    try (PartPipeline<Integer> pipeline = new PartPipeline<>(16)) {
      pipeline.add((buffer, turn) -> {
        turn.await();
        events.add("1 sending");
        Thread.sleep(100);
        events.add("1 out");
        turn.pass();
        // The answer for part 1 comes only once part 2 is on its way: no overlap, no answer.
        assertThat(secondSending.await(10, TimeUnit.SECONDS)).as("part 2 started while 1 waited").isTrue();
        return 1;
      });
      pipeline.add((buffer, turn) -> {
        turn.await();
        events.add("2 sending");
        secondSending.countDown();
        turn.pass();
        return 2;
      });
      pipeline.add((buffer, turn) -> {
        turn.await();
        events.add("3 sending");
        turn.pass();
        return 3;
      });

      assertThat(pipeline.results()).containsExactly(1, 2, 3);
    }
    assertThat(events).containsExactly("1 sending", "1 out", "2 sending", "3 sending");
  }

  @Test
  void eachPartHasABufferOfItsOwn() throws Exception {
    try (PartPipeline<byte[]> pipeline = new PartPipeline<>(4)) {
      CountDownLatch bothFilled = new CountDownLatch(2);
      for (int part = 0; part < 2; part++) {
        byte value = (byte) part;
        pipeline.add((buffer, turn) -> {
          Arrays.fill(buffer, value);
          bothFilled.countDown();
          bothFilled.await(10, TimeUnit.SECONDS);
          turn.await();
          turn.pass();
          return buffer.clone();
        });
      }
      assertThat(pipeline.results()).containsExactly(new byte[] {0, 0, 0, 0}, new byte[] {1, 1, 1, 1});
    }
  }

  @Test
  void theFirstFailureInPartOrderIsThrownAndWhatStillRunsIsStopped() throws Exception {
    CountDownLatch thirdStopped = new CountDownLatch(1);
    DriveException damaged = new DriveException(DriveException.Kind.TRANSIENT, "part 2 arrived damaged");
    PartPipeline<Integer> pipeline = new PartPipeline<>(16);
    pipeline.add((buffer, turn) -> {
      turn.await();
      turn.pass();
      return 1;
    });
    pipeline.add((buffer, turn) -> {
      turn.await();
      turn.pass();
      throw damaged;
    });
    pipeline.add((buffer, turn) -> {
      turn.await();
      turn.pass();
      try {
        Thread.sleep(60_000);
        return 3;
      } catch (InterruptedException e) {
        thirdStopped.countDown();
        throw e;
      }
    });

    assertThatThrownBy(() -> pipeline.add((buffer, turn) -> 4)).isSameAs(damaged);
    pipeline.close();

    assertThat(thirdStopped.await(10, TimeUnit.SECONDS)).as("part 3 was stopped").isTrue();
  }
}
