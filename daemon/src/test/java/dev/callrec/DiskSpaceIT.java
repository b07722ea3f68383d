package dev.callrec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callrec.media.CaptureDevices;
import dev.callrec.platform.CurrentUser;
import dev.callrec.proto.v1.Event;
import dev.callrec.proto.v1.Recording;
import dev.callrec.proto.v1.RecordingState;
import dev.callrec.proto.v1.WatchEventsRequest;
import dev.callrec.recording.DiskSpace;
import dev.callrec.testing.EventCollector;
import dev.callrec.testing.MediaFile;
import dev.callrec.testing.TestDaemon;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A full disk never costs a recording: none starts without room, and a running one stops in time, playable. */
class DiskSpaceIT {
  private static final long GB = 1024L * 1024 * 1024;

  @TempDir
  Path root;
  /** What the file system reports as free: the one edge this test replaces. */
  private final AtomicLong usable = new AtomicLong(100 * GB);

  private TestDaemon start() throws Exception {
    return TestDaemon.start(root, CurrentUser.uid(), new DiskSpace(GB, folder -> usable.get()),
        CaptureDevices.forThisMachine());
  }

  @Test
  void refusesToStartBelowTheFloor() throws Exception {
    usable.set(100L * 1024 * 1024);
    try (TestDaemon daemon = start()) {
      assertThatThrownBy(() -> daemon.blocking().startRecording(TestDaemon.startRequest("c", "Full", 320, 240)))
          .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
            assertThat(e.getStatus().getDescription()).contains("Only 100 MB are free").contains("1024 MB");
          });
    }
  }

  @Test
  void stopsARunningRecordingBeforeTheDiskFillsAndKeepsItPlayable() throws Exception {
    try (TestDaemon daemon = start()) {
      EventCollector watcher = new EventCollector();
      daemon.async().watchEvents(WatchEventsRequest.getDefaultInstance(), watcher);
      daemon.blocking().startRecording(TestDaemon.startRequest("c", "Filling", 320, 240));
      Thread.sleep(1500);
      usable.set(300L * 1024 * 1024);

      Event failed = watcher.await(Event::hasRecordingFailed, Duration.ofSeconds(5));
      Recording recording = failed.getRecordingFailed().getRecording();
      assertThat(recording.getState()).isEqualTo(RecordingState.RECORDING_STATE_FAILED);
      assertThat(failed.getRecordingFailed().getMessage()).contains("disk is almost full");
      Path file = Path.of(recording.getFilePath());
      assertThat(MediaFile.decodeErrors(file)).isEmpty();
      assertThat(MediaFile.probe(file).durationSeconds()).isGreaterThan(1.2);
    }
  }
}
