package dev.callrec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callrec.proto.v1.Chat;
import dev.callrec.proto.v1.ChatType;
import dev.callrec.proto.v1.ConnectDriveRequest;
import dev.callrec.proto.v1.EndCallRequest;
import dev.callrec.proto.v1.Event;
import dev.callrec.proto.v1.GetStatusRequest;
import dev.callrec.proto.v1.GetStatusResponse;
import dev.callrec.proto.v1.ListRecordingsRequest;
import dev.callrec.proto.v1.LocalFolderDrive;
import dev.callrec.proto.v1.Participant;
import dev.callrec.proto.v1.Plan;
import dev.callrec.proto.v1.Recording;
import dev.callrec.proto.v1.SetPlanRequest;
import dev.callrec.proto.v1.StartRecordingRequest;
import dev.callrec.proto.v1.StopRecordingRequest;
import dev.callrec.proto.v1.UpdateCallRequest;
import dev.callrec.proto.v1.UpdateCallResponse;
import dev.callrec.proto.v1.WatchEventsRequest;
import dev.callrec.recording.FreePlan;
import dev.callrec.testing.EventCollector;
import dev.callrec.testing.MediaFile;
import dev.callrec.testing.TestDaemon;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The product's rules for who records what, held over the gRPC contract. */
class CallRulesIT {
  private static final Participant ANNA = Participant.newBuilder().setUserId("u-anna").setName("Anna Schmidt").build();
  private static final Participant BEN = Participant.newBuilder().setUserId("u-ben").setName("Ben Okafor").build();

  @TempDir
  Path root;

  @Test
  void onlyTheFirstParticipantWhoPressedRecordRecords() throws Exception {
    try (TestDaemon daemon = TestDaemon.start(root)) {
      StartRecordingRequest asBen = small("call-1", "Team sync").toBuilder().setCurrentRecorder(ANNA).setMe(BEN).build();
      assertThatThrownBy(() -> daemon.blocking().startRecording(asBen))
          .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
            assertThat(e.getStatus().getDescription()).startsWith("Anna Schmidt is already recording this call");
          });
      assertThat(daemon.blocking().getStatus(GetStatusRequest.getDefaultInstance()).getActiveList()).isEmpty();
      assertThat(daemon.folders.recordingsDir()).isEmptyDirectory();

      StartRecordingRequest asAnna = asBen.toBuilder().setMe(ANNA).build();
      daemon.blocking().startRecording(asAnna);
      assertThatThrownBy(() -> daemon.blocking().startRecording(small("call-1", "Team sync")))
          .as("locally a call has one recording at a time, whatever the UI sends")
          .isInstanceOfSatisfying(StatusRuntimeException.class,
              e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS));
      assertThat(daemon.blocking().endCall(EndCallRequest.newBuilder().setCallId("call-1").build())
          .getRecordingsList()).singleElement().extracting(Recording::getCallId).isEqualTo("call-1");
      assertThat(daemon.blocking().endCall(EndCallRequest.newBuilder().setCallId("call-1").build())
          .getRecordingsList()).as("a call that is not recorded ends quietly").isEmpty();
    }
  }

  @Test
  void invitingPeopleIntoAPrivateCallCutsTheRecordingIntoThePrivateAndTheGroupChats() throws Exception {
    try (TestDaemon daemon = TestDaemon.start(root)) {
      Path drive = Files.createDirectories(root.resolve("drive"));
      daemon.blocking().connectDrive(ConnectDriveRequest.newBuilder()
          .setLocalFolder(LocalFolderDrive.newBuilder().setPath(drive.toString())).build());
      EventCollector events = new EventCollector();
      daemon.async().watchEvents(WatchEventsRequest.getDefaultInstance(), events);
      Chat privateChat = Chat.newBuilder().setId("chat-anna").setTitle("Anna").setType(ChatType.CHAT_TYPE_PRIVATE)
          .setPeerName("Anna Schmidt").build();
      Chat group = Chat.newBuilder().setId("chat-project").setTitle("Project X").setType(ChatType.CHAT_TYPE_GROUP)
          .build();
      daemon.blocking().startRecording(TestDaemon.startRequest("call-cut", "Anna", 640, 360).toBuilder()
          .setChat(privateChat).build());
      Thread.sleep(2000);

      UpdateCallResponse cut = daemon.blocking().updateCall(UpdateCallRequest.newBuilder().setCallId("call-cut")
          .setChat(group).addInvited(BEN).build());
      Thread.sleep(2000);
      Recording groupPart = daemon.blocking().endCall(EndCallRequest.newBuilder().setCallId("call-cut").build())
          .getRecordings(0);
      Recording privatePart = cut.getFinished();

      String today = LocalDate.now().toString();
      assertThat(Path.of(privatePart.getFilePath())).hasFileName("Anna Schmidt - Call 1 - " + today + ".webm");
      assertThat(Path.of(groupPart.getFilePath())).hasFileName("Project X - Call 1 - " + today + ".webm");
      assertThat(cut.getStarted().getId()).isEqualTo(groupPart.getId());
      assertThat(privatePart.getChat()).isEqualTo(privateChat);
      assertThat(groupPart.getChat()).isEqualTo(group);
      for (Recording part : List.of(privatePart, groupPart)) {
        assertThat(MediaFile.decodeErrors(Path.of(part.getFilePath()))).isEmpty();
      }
      double privateSeconds = MediaFile.probe(Path.of(privatePart.getFilePath())).durationSeconds();
      long privateEndsMs = privatePart.getStartedAt().getSeconds() * 1000 + privatePart.getStartedAt().getNanos() / 1_000_000
          + Math.round(privateSeconds * 1000);
      long groupStartsMs = groupPart.getStartedAt().getSeconds() * 1000 + groupPart.getStartedAt().getNanos() / 1_000_000;
      long gapMs = groupStartsMs - privateEndsMs;
      System.out.printf("private→group cut: the group file starts %d ms after the private file ends "
          + "(negative: they overlap)%n", gapMs);
      assertThat(gapMs).as("gap between the two files' timelines").isLessThan(1000).isGreaterThan(-2000);

      Event split = events.await(Event::hasRecordingSplit, Duration.ofSeconds(5));
      assertThat(split.getRecordingSplit().getFinished().getId()).isEqualTo(privatePart.getId());
      assertThat(split.getRecordingSplit().getInvitedList()).containsExactly(BEN);
      for (Recording part : List.of(privatePart, groupPart)) {
        Event prompt = events.await(e -> e.hasSharePrompt()
            && e.getSharePrompt().getRecording().getId().equals(part.getId()), Duration.ofSeconds(60));
        assertThat(prompt.getSharePrompt().getChat()).as("shared into its own chat").isEqualTo(part.getChat());
      }
      assertThat(daemon.blocking().listRecordings(ListRecordingsRequest.getDefaultInstance()).getRecordingsList())
          .extracting(Recording::getId).contains(privatePart.getId(), groupPart.getId());

      daemon.blocking().startRecording(TestDaemon.startRequest("call-cut", "Project X", 640, 360).toBuilder()
          .setChat(group).build());
      Recording again = daemon.blocking().stopRecording(StopRecordingRequest.newBuilder().setCallId("call-cut").build())
          .getRecording();
      assertThat(Path.of(again.getFilePath())).hasFileName("Project X - Call 1 - " + today + " (2).webm");
      events.await(e -> e.hasSharePrompt() && e.getSharePrompt().getRecording().getId().equals(again.getId()),
          Duration.ofSeconds(60));
    }
  }

  @Test
  void callsAreNumberedPerChatAcrossRestarts() throws Exception {
    try (TestDaemon daemon = TestDaemon.start(root)) {
      assertThat(recordCall(daemon, "n-1", "Numbers", 0).getCallNumber()).isEqualTo(1);
      assertThat(recordCall(daemon, "n-2", "Numbers", 0).getCallNumber()).isEqualTo(2);
      assertThat(recordCall(daemon, "other-1", "Other chat", 0).getCallNumber()).isEqualTo(1);
    }
    try (TestDaemon restarted = TestDaemon.start(root)) {
      assertThat(recordCall(restarted, "n-3", "Numbers", 0).getCallNumber()).isEqualTo(3);
      assertThat(recordCall(restarted, "n-7", "Numbers", 7).getCallNumber()).as("the UI's number wins").isEqualTo(7);
      assertThat(recordCall(restarted, "n-8", "Numbers", 0).getCallNumber()).isEqualTo(8);
    }
  }

  @Test
  void theFreePlanRecordsTheFirstHundredCallsLongerThanItsThresholdAndTheCountSurvivesRestarts() throws Exception {
    FreePlan oneSecond = new FreePlan(Duration.ofSeconds(1));
    try (TestDaemon daemon = TestDaemon.start(root, oneSecond)) {
      recordCall(daemon, "short", "Quota", 0, 500);
      assertThat(quota(daemon).getQuotaUsed()).as("a recording of 1 s or less does not count").isZero();
      recordCall(daemon, "long", "Quota", 0, 1600);
      recordCall(daemon, "long", "Quota", 0, 1600);
      assertThat(quota(daemon).getQuotaUsed()).as("a call counts once, however many recordings").isEqualTo(1);
    }
    try (TestDaemon daemon = TestDaemon.start(root, new FreePlan(Duration.ZERO))) {
      for (int call = 2; call <= FreePlan.CALLS; call++) {
        recordCall(daemon, "call-" + call, "Quota", 0, 0);
      }
      assertThat(quota(daemon).getQuotaUsed()).isEqualTo(FreePlan.CALLS);
    }
    try (TestDaemon daemon = TestDaemon.start(root, oneSecond)) {
      GetStatusResponse status = quota(daemon);
      assertThat(status.getPlan()).isEqualTo(Plan.PLAN_FREE);
      assertThat(status.getQuotaUsed()).as("the count survives a restart").isEqualTo(FreePlan.CALLS);
      assertThat(status.getQuotaLimit()).isEqualTo(FreePlan.CALLS);
      assertThatThrownBy(() -> daemon.blocking().startRecording(small("call-101", "Quota")))
          .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
            assertThat(e.getStatus().getDescription()).contains("free plan").contains("100").contains("paid plan");
          });
      try (Stream<Path> files = Files.list(daemon.folders.recordingsDir())) {
        assertThat(files).hasSize(FreePlan.CALLS + 2);
      }
      recordCall(daemon, "long", "Quota", 0, 0);

      daemon.blocking().setPlan(SetPlanRequest.newBuilder().setPlan(Plan.PLAN_PAID).build());
      recordCall(daemon, "call-101", "Quota", 0, 0);
      assertThat(quota(daemon).getQuotaLimit()).as("paid plans are unlimited").isZero();
    }
    try (TestDaemon daemon = TestDaemon.start(root, oneSecond)) {
      assertThat(quota(daemon).getPlan()).as("the plan survives a restart").isEqualTo(Plan.PLAN_PAID);
      daemon.blocking().setPlan(SetPlanRequest.newBuilder().setPlan(Plan.PLAN_FREE).build());
      assertThatThrownBy(() -> daemon.blocking().startRecording(small("call-102", "Quota")))
          .isInstanceOfSatisfying(StatusRuntimeException.class,
              e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED));
    }
  }

  private static GetStatusResponse quota(TestDaemon daemon) {
    return daemon.blocking().getStatus(GetStatusRequest.getDefaultInstance());
  }

  private static StartRecordingRequest small(String callId, String chat) {
    return TestDaemon.startRequest(callId, chat, 160, 120);
  }

  private static Recording recordCall(TestDaemon daemon, String callId, String chat, int callNumber)
      throws InterruptedException {
    return recordCall(daemon, callId, chat, callNumber, 0);
  }

  private static Recording recordCall(TestDaemon daemon, String callId, String chat, int callNumber, long millis)
      throws InterruptedException {
    daemon.blocking().startRecording(small(callId, chat).toBuilder().setCallNumber(callNumber).build());
    Thread.sleep(millis);
    return daemon.blocking().stopRecording(StopRecordingRequest.newBuilder().setCallId(callId).build()).getRecording();
  }
}
