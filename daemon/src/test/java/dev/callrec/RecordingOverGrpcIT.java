package dev.callrec;

import static dev.callrec.testing.TestDaemon.startRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callrec.proto.v1.Chat;
import dev.callrec.proto.v1.ChatType;
import dev.callrec.proto.v1.Event;
import dev.callrec.proto.v1.ListRecordingsRequest;
import dev.callrec.proto.v1.GetStatusRequest;
import dev.callrec.proto.v1.Recording;
import dev.callrec.proto.v1.RecordingState;
import dev.callrec.proto.v1.StartRecordingRequest;
import dev.callrec.proto.v1.StopRecordingRequest;
import dev.callrec.proto.v1.WatchEventsRequest;
import dev.callrec.testing.EventCollector;
import dev.callrec.testing.MediaFile;
import dev.callrec.testing.TestDaemon;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The daemon driven over its real socket, as a chat app drives it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordingOverGrpcIT {
  @TempDir
  static Path root;
  private TestDaemon daemon;

  @BeforeAll
  void startDaemon() throws Exception {
    daemon = TestDaemon.start(root);
  }

  @AfterAll
  void stopDaemon() throws Exception {
    daemon.close();
  }

  private Recording stop(String callId) {
    return daemon.blocking().stopRecording(StopRecordingRequest.newBuilder().setCallId(callId).build()).getRecording();
  }

  @Test
  void recordsAPlayableWebmWhileASecondClientWatches() throws Exception {
    EventCollector watcher = new EventCollector();
    daemon.async().watchEvents(WatchEventsRequest.getDefaultInstance(), watcher);
    StartRecordingRequest request = startRequest("call-720p", "Team sync", 1280, 720).toBuilder().setCallNumber(7).build();

    Recording started = daemon.blocking().startRecording(request).getRecording();
    long recordingSince = System.nanoTime();
    Thread.sleep(3200);
    long recordedMs = (System.nanoTime() - recordingSince) / 1_000_000;
    Recording finished = stop("call-720p");

    assertThat(started.getState()).isEqualTo(RecordingState.RECORDING_STATE_RECORDING);
    assertThat(started.getFilePath()).endsWith(".part");
    assertThat(finished.getState()).isEqualTo(RecordingState.RECORDING_STATE_FINISHED);
    Path file = Path.of(finished.getFilePath());
    assertThat(file.getParent()).isEqualTo(daemon.folders.recordingsDir());
    assertThat(file.getFileName()).hasToString("Team sync - Call 7 - " + LocalDate.now() + ".webm");
    assertThat(Files.size(file)).isEqualTo(finished.getSizeBytes()).isPositive();
    try (Stream<Path> leftovers = Files.list(daemon.folders.recordingsDir())) {
      assertThat(leftovers.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith("."));
    }

    MediaFile media = MediaFile.probe(file);
    assertThat(media.ofType("video")).singleElement().extracting(MediaFile.Stream::codec).isEqualTo("vp9");
    assertThat(media.ofType("audio")).singleElement().extracting(MediaFile.Stream::codec).isEqualTo("opus");
    assertThat(media.streams()).hasSize(2);
    assertThat(media.durationSeconds() * 1000).isCloseTo(recordedMs, org.assertj.core.data.Offset.offset(500.0));
    assertThat(finished.getDurationMs()).isCloseTo((long) (media.durationSeconds() * 1000), org.assertj.core.data.Offset.offset(50L));
    assertThat(MediaFile.decodeErrors(file)).isEmpty();

    Event finishedEvent = watcher.await(e -> e.hasRecordingFinished()
        && e.getRecordingFinished().getRecording().getId().equals(finished.getId()), Duration.ofSeconds(5));
    List<Event> events = watcher.events();
    assertThat(events).extracting(Event::getId).isSorted().doesNotHaveDuplicates();
    assertThat(events).anyMatch(e -> e.hasRecordingStarted()
        && e.getRecordingStarted().getRecording().getId().equals(started.getId()));
    List<Event> progress = events.stream()
        .filter(e -> e.hasRecordingProgress() && e.getRecordingProgress().getRecordingId().equals(started.getId()))
        .toList();
    assertThat(progress).hasSizeGreaterThanOrEqualTo(3);
    for (int i = 1; i < progress.size(); i++) {
      long gapMs = Duration.between(toInstant(progress.get(i - 1)), toInstant(progress.get(i))).toMillis();
      assertThat(gapMs).as("gap between progress events").isLessThanOrEqualTo(1000);
    }
    Event last = progress.get(progress.size() - 1);
    assertThat(last.getRecordingProgress().getFrames()).isPositive();
    assertThat(last.getRecordingProgress().getBytesWritten()).isPositive();
    assertThat(last.getId()).isLessThan(finishedEvent.getId());
  }

  @Test
  void soundAndPictureStayTogether() throws Exception {
    StartRecordingRequest request = startRequest("call-sync", "Sync", 320, 240).toBuilder()
        .setSource(dev.callrec.proto.v1.CaptureSource.newBuilder().setTestPattern(dev.callrec.proto.v1.TestPattern
            .newBuilder().setWidth(320).setHeight(240).setSyncMarks(true)))
        .build();
    daemon.blocking().startRecording(request);
    Thread.sleep(10_800);
    Path file = Path.of(stop("call-sync").getFilePath());
    // The pattern flashes and beeps at once at 0 s and 10 s; the second mark shows any drift.
    assertThat(dev.callrec.testing.AvSync.offsetMillis(file, 9.5)).as("sound minus picture, ms").isBetween(-40L, 40L);
  }

  @Test
  void refusesBadRequestsWithStatusesAUiCanShow() {
    assertRefused(() -> daemon.blocking().startRecording(startRequest("", "Team sync", 320, 240)),
        Status.Code.INVALID_ARGUMENT, "call_id");
    assertRefused(() -> daemon.blocking().startRecording(startRequest("call-x", " ", 320, 240)),
        Status.Code.INVALID_ARGUMENT, "title");
    assertRefused(() -> daemon.blocking().startRecording(
            startRequest("call-x", "Team sync", 320, 240).toBuilder().clearChat().build()),
        Status.Code.INVALID_ARGUMENT, "title");
    assertRefused(() -> daemon.blocking().startRecording(startRequest("call-x", "Team sync", 321, 240)),
        Status.Code.INVALID_ARGUMENT, "width");
    assertRefused(() -> daemon.blocking().stopRecording(StopRecordingRequest.newBuilder().setCallId("nobody").build()),
        Status.Code.NOT_FOUND, "nobody");
    assertRefused(() -> daemon.blocking().stopRecording(StopRecordingRequest.getDefaultInstance()),
        Status.Code.INVALID_ARGUMENT, "call_id");
  }

  @Test
  void aCallRecordsOnceAtATimeAndLaterRecordingsAreNumbered() throws Exception {
    daemon.blocking().startRecording(startRequest("call-twice", "Numbers", 320, 240));
    assertRefused(() -> daemon.blocking().startRecording(startRequest("call-twice", "Numbers", 320, 240)),
        Status.Code.ALREADY_EXISTS, "already being recorded");
    Recording first = stop("call-twice");
    daemon.blocking().startRecording(startRequest("call-twice", "Numbers", 320, 240));
    assertThat(daemon.blocking().getStatus(GetStatusRequest.getDefaultInstance()).getActiveList())
        .extracting(Recording::getCallId).contains("call-twice");
    Recording second = stop("call-twice");

    assertThat(Path.of(first.getFilePath()).getFileName().toString()).endsWith(LocalDate.now() + ".webm");
    assertThat(Path.of(second.getFilePath()).getFileName().toString()).endsWith(LocalDate.now() + " (2).webm");
    assertThat(second.getSequence()).isEqualTo(2);
    assertThat(first.getCallNumber()).isEqualTo(second.getCallNumber()).isPositive();
    List<Recording> listed = daemon.blocking().listRecordings(ListRecordingsRequest.getDefaultInstance()).getRecordingsList();
    assertThat(listed.indexOf(second)).isLessThan(listed.indexOf(first)).isNotNegative();
  }

  @Test
  void privateRecordingsAreNamedAfterThePeerAndHostileTitlesStayInTheFolder() throws Exception {
    StartRecordingRequest privateCall = StartRecordingRequest.newBuilder()
        .setCallId("call-private")
        .setChat(Chat.newBuilder().setTitle("Anna & me").setType(ChatType.CHAT_TYPE_PRIVATE).setPeerName("Anna Schmidt"))
        .setCallNumber(2)
        .build();
    daemon.blocking().startRecording(privateCall);
    assertThat(Path.of(stop("call-private").getFilePath()).getFileName().toString())
        .startsWith("Anna Schmidt - Call 2 - ");

    Set<Path> files = new HashSet<>();
    for (String title : List.of("../../outside", "CON", "a/b:c*d?", "\u202Etxt.exe")) {
      String callId = "hostile-" + files.size();
      daemon.blocking().startRecording(startRequest(callId, title, 320, 240).toBuilder().setCallNumber(1).build());
      Path file = Path.of(stop(callId).getFilePath());
      assertThat(file.getParent()).as(title).isEqualTo(daemon.folders.recordingsDir());
      assertThat(Files.isRegularFile(file)).isTrue();
      assertThat(files.add(file)).as("distinct file for %s", title).isTrue();
    }
    assertThat(root.resolve("outside - Call 1 - " + LocalDate.now() + ".webm")).doesNotExist();
  }

  private static void assertRefused(Runnable call, Status.Code code, String messagePart) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(code);
          assertThat(e.getStatus().getDescription()).containsIgnoringCase(messagePart);
        });
  }

  private static java.time.Instant toInstant(Event event) {
    return java.time.Instant.ofEpochSecond(event.getTime().getSeconds(), event.getTime().getNanos());
  }
}
