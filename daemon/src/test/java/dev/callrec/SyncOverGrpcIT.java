package dev.callrec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callrec.proto.v1.AnswerPromptRequest;
import dev.callrec.proto.v1.ConnectDriveRequest;
import dev.callrec.proto.v1.Event;
import dev.callrec.proto.v1.GetDriveRequest;
import dev.callrec.proto.v1.GetQueueRequest;
import dev.callrec.proto.v1.ListPromptsRequest;
import dev.callrec.proto.v1.LocalFolderDrive;
import dev.callrec.proto.v1.PauseUploadsRequest;
import dev.callrec.proto.v1.Prompt;
import dev.callrec.proto.v1.PromptAnswer;
import dev.callrec.proto.v1.Recording;
import dev.callrec.proto.v1.ResumeUploadsRequest;
import dev.callrec.proto.v1.StopRecordingRequest;
import dev.callrec.proto.v1.Upload;
import dev.callrec.proto.v1.UploadState;
import dev.callrec.proto.v1.WatchEventsRequest;
import dev.callrec.proto.v1.WebDavDrive;
import dev.callrec.sync.SyncSettings;
import dev.callrec.testing.ApacheDav;
import dev.callrec.testing.EventCollector;
import dev.callrec.testing.TestDaemon;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recordings on their way to a real WebDAV server (Apache mod_dav) or a folder, driven over gRPC like a UI does. */
class SyncOverGrpcIT {
  private static final Duration SYNC_TIMEOUT = Duration.ofSeconds(60);

  @TempDir
  Path root;
  private ApacheDav dav;

  @BeforeEach
  void startServer() throws Exception {
    dav = ApacheDav.start(root.resolve("apache"));
  }

  @AfterEach
  void stopServer() throws Exception {
    dav.close();
  }

  @Test
  void aFinishedRecordingLandsOnTheDriveOnceAndItsShareLinkDownloadsTheFile() throws Exception {
    try (TestDaemon daemon = TestDaemon.start(root.resolve("daemon"))) {
      EventCollector events = watch(daemon);
      daemon.blocking().connectDrive(webDav(dav.davUrl(), dav.password()));
      assertThat(daemon.blocking().getDrive(GetDriveRequest.getDefaultInstance()).getDrive().getDescription())
          .contains("WebDAV").contains(dav.user()).doesNotContain(dav.password());

      Recording recording = record(daemon, "call-synced", "Team sync");
      Event finished = events.await(e -> e.hasUploadFinished()
          && e.getUploadFinished().getRecordingId().equals(recording.getId()), SYNC_TIMEOUT);
      Prompt share = events.await(e -> e.hasSharePrompt()
          && e.getSharePrompt().getRecording().getId().equals(recording.getId()), SYNC_TIMEOUT).getSharePrompt();

      Path local = Path.of(recording.getFilePath());
      assertThat(finished.getUploadFinished().getRemotePath()).endsWith(local.getFileName().toString());
      assertOnceAndIdentical(local);
      assertThat(puts()).as("one PUT, no retries").hasSize(1);
      assertThat(share.getChat().getTitle()).isEqualTo("Team sync");
      assertThat(share.getMessage()).contains(local.getFileName().toString().replace(".webm", ""));
      Upload upload = daemon.blocking().getQueue(GetQueueRequest.getDefaultInstance()).getUploadsList().stream()
          .filter(u -> u.getRecordingId().equals(recording.getId())).findFirst().orElseThrow();
      assertThat(upload.getState()).isEqualTo(UploadState.UPLOAD_STATE_DONE);
      assertThat(upload.getBytesSent()).isEqualTo(Files.size(local));

      daemon.blocking().answerPrompt(answer(share.getId(), PromptAnswer.PROMPT_ANSWER_SHARE));
      String link = events.await(Event::hasShareReady, SYNC_TIMEOUT).getShareReady().getLink();
      HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(link))
          .header("Authorization", basicAuth(dav.password())).build(), HttpResponse.BodyHandlers.ofByteArray());
      assertThat(download.statusCode()).isEqualTo(200);
      assertThat(download.body()).isEqualTo(Files.readAllBytes(local));
      assertThat(daemon.blocking().listPrompts(ListPromptsRequest.getDefaultInstance()).getPromptsList()).isEmpty();
      assertThatThrownBy(() -> daemon.blocking().answerPrompt(answer(share.getId(), PromptAnswer.PROMPT_ANSWER_SHARE)))
          .isInstanceOfSatisfying(StatusRuntimeException.class,
              e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
    }
  }

  @Test
  void withoutADriveARecordingWaitsAndTheUserIsAskedToConnectOne() throws Exception {
    try (TestDaemon daemon = TestDaemon.start(root.resolve("daemon"))) {
      EventCollector events = watch(daemon);
      Recording recording = record(daemon, "call-no-drive", "Standup");
      Prompt connect = events.await(Event::hasConnectDrivePrompt, SYNC_TIMEOUT).getConnectDrivePrompt();
      assertThat(connect.getMessage()).contains("Connect your Drive");
      Upload waiting = daemon.blocking().getQueue(GetQueueRequest.getDefaultInstance()).getUploads(0);
      assertThat(waiting.getState()).isEqualTo(UploadState.UPLOAD_STATE_WAITING);
      assertThat(waiting.getWaitingFor()).isEqualTo("No Drive is connected.");

      Path folder = Files.createDirectories(root.resolve("synced folder"));
      daemon.blocking().connectDrive(ConnectDriveRequest.newBuilder()
          .setLocalFolder(LocalFolderDrive.newBuilder().setPath(folder.toString())).build());
      events.await(e -> e.hasPromptClosed() && e.getPromptClosed().getPromptId() == connect.getId(), SYNC_TIMEOUT);
      events.await(e -> e.hasUploadFinished()
          && e.getUploadFinished().getRecordingId().equals(recording.getId()), SYNC_TIMEOUT);
      Path local = Path.of(recording.getFilePath());
      assertThat(folder.resolve("Recorded video calls").resolve(local.getFileName())).hasSameBinaryContentAs(local);
    }
  }

  @Test
  void aDriveThatRefusesThePasswordIsNotConnected() throws Exception {
    try (TestDaemon daemon = TestDaemon.start(root.resolve("daemon"))) {
      assertThatThrownBy(() -> daemon.blocking().connectDrive(webDav(dav.davUrl(), "not the password")))
          .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
            assertThat(e.getStatus().getDescription()).contains(dav.user()).doesNotContain("not the password");
          });
      assertThat(daemon.blocking().getDrive(GetDriveRequest.getDefaultInstance()).hasDrive()).isFalse();
    }
  }

  @Test
  void aPasswordChangedOnTheServerStopsUploadsWithoutRetriesAndAsksToConnectAgain() throws Exception {
    try (TestDaemon daemon = TestDaemon.start(root.resolve("daemon"))) {
      EventCollector events = watch(daemon);
      daemon.blocking().connectDrive(webDav(dav.davUrl(), dav.password()));
      daemon.blocking().pauseUploads(PauseUploadsRequest.getDefaultInstance());
      Recording first = record(daemon, "call-a", "Refused");
      Recording second = record(daemon, "call-b", "Refused");
      dav.changePassword("changed on the server");
      daemon.blocking().resumeUploads(ResumeUploadsRequest.getDefaultInstance());

      Event failed = events.await(Event::hasUploadFailed, SYNC_TIMEOUT);
      assertThat(failed.getUploadFailed().getWillRetry()).isFalse();
      assertThat(failed.getUploadFailed().getMessage()).contains(dav.user());
      events.await(Event::hasConnectDrivePrompt, SYNC_TIMEOUT);
      Thread.sleep(5000);
      long refused = dav.requests().stream().filter(r -> r.status() == 401).count();
      assertThat(refused).as("requests refused: one upload tried once, the other held back").isBetween(1L, 2L);
      assertThat(puts()).isEmpty();

      daemon.blocking().connectDrive(webDav(dav.davUrl(), dav.password()));
      for (Recording recording : List.of(first, second)) {
        events.await(e -> e.hasUploadFinished()
            && e.getUploadFinished().getRecordingId().equals(recording.getId()), SYNC_TIMEOUT);
        assertOnceAndIdentical(Path.of(recording.getFilePath()));
      }
    }
  }

  @Test
  void aFullDriveStopsTheUploadWithoutRetrying() throws Exception {
    try (TestDaemon daemon = TestDaemon.start(root.resolve("daemon"))) {
      EventCollector events = watch(daemon);
      daemon.blocking().connectDrive(webDav(dav.fullUrl(), dav.password()));
      Recording recording = record(daemon, "call-full", "Quota");
      Event failed = events.await(Event::hasUploadFailed, SYNC_TIMEOUT);
      assertThat(failed.getUploadFailed().getWillRetry()).isFalse();
      Thread.sleep(5000);
      assertThat(puts()).as("one PUT answered 507, not retried").hasSize(1)
          .allSatisfy(put -> assertThat(put.status()).isEqualTo(507));
      Upload upload = daemon.blocking().getQueue(GetQueueRequest.getDefaultInstance()).getUploads(0);
      assertThat(upload.getRecordingId()).isEqualTo(recording.getId());
      assertThat(upload.getState()).isEqualTo(UploadState.UPLOAD_STATE_FAILED);
      assertThat(upload.getLastError()).isEqualTo(failed.getUploadFailed().getMessage());
    }
  }

  @Test
  void anUploadCutOffByTheServerGoingAwayIsRetriedAndLandsOnce() throws Exception {
    try (TestDaemon daemon = TestDaemon.start(root.resolve("daemon"), new SyncSettings(256 * 1024, true))) {
      EventCollector events = watch(daemon);
      daemon.blocking().connectDrive(webDav(dav.davUrl(), dav.password()));
      Recording recording = record(daemon, "call-cut", "Outage", 4000);
      Path local = Path.of(recording.getFilePath());
      long quarter = Files.size(local) / 4;
      events.await(e -> e.hasUploadProgress() && e.getUploadProgress().getBytesSent() > quarter, SYNC_TIMEOUT);
      dav.stop();
      Event failed = events.await(Event::hasUploadFailed, SYNC_TIMEOUT);
      assertThat(failed.getUploadFailed().getWillRetry()).isTrue();
      dav.restart();
      events.await(e -> e.hasUploadFinished()
          && e.getUploadFinished().getRecordingId().equals(recording.getId()), SYNC_TIMEOUT);
      assertOnceAndIdentical(local);
    }
  }

  @Test
  void unansweredPromptsComeBackAfterARestart() throws Exception {
    Path daemonRoot = root.resolve("daemon");
    Prompt connect;
    try (TestDaemon daemon = TestDaemon.start(daemonRoot)) {
      EventCollector events = watch(daemon);
      record(daemon, "call-ask", "Ask later");
      connect = events.await(Event::hasConnectDrivePrompt, SYNC_TIMEOUT).getConnectDrivePrompt();
    }
    try (TestDaemon restarted = TestDaemon.start(daemonRoot)) {
      EventCollector events = watch(restarted);
      Event replayed = events.await(Event::hasConnectDrivePrompt, Duration.ofSeconds(5));
      assertThat(replayed.getConnectDrivePrompt().getId()).isEqualTo(connect.getId());
      assertThat(replayed.getId()).as("prompts are state, not history").isZero();
      assertThat(restarted.blocking().listPrompts(ListPromptsRequest.getDefaultInstance()).getPromptsList())
          .extracting(Prompt::getId).containsExactly(connect.getId());
      restarted.blocking().answerPrompt(answer(connect.getId(), PromptAnswer.PROMPT_ANSWER_DISMISS));
    }
    try (TestDaemon again = TestDaemon.start(daemonRoot)) {
      assertThat(again.blocking().listPrompts(ListPromptsRequest.getDefaultInstance()).getPromptsList()).isEmpty();
      assertThat(again.blocking().getQueue(GetQueueRequest.getDefaultInstance()).getUploadsList())
          .as("the recording still waits for a Drive").singleElement()
          .extracting(Upload::getState).isEqualTo(UploadState.UPLOAD_STATE_WAITING);
    }
  }

  private static EventCollector watch(TestDaemon daemon) {
    EventCollector events = new EventCollector();
    daemon.async().watchEvents(WatchEventsRequest.getDefaultInstance(), events);
    return events;
  }

  private static Recording record(TestDaemon daemon, String callId, String chat) throws InterruptedException {
    return record(daemon, callId, chat, 1500);
  }

  private static Recording record(TestDaemon daemon, String callId, String chat, long millis)
      throws InterruptedException {
    daemon.blocking().startRecording(TestDaemon.startRequest(callId, chat, 1280, 720));
    Thread.sleep(millis);
    return daemon.blocking().stopRecording(StopRecordingRequest.newBuilder().setCallId(callId).build()).getRecording();
  }

  private ConnectDriveRequest webDav(URI url, String password) {
    return ConnectDriveRequest.newBuilder().setWebdav(WebDavDrive.newBuilder()
        .setUrl(url.toString()).setUser(dav.user()).setPassword(password)).build();
  }

  private static AnswerPromptRequest answer(long promptId, PromptAnswer answer) {
    return AnswerPromptRequest.newBuilder().setPromptId(promptId).setAnswer(answer).build();
  }

  /** The file is on the server under its own name, byte for byte, and nothing else is in the folder. */
  private void assertOnceAndIdentical(Path local) throws Exception {
    Path folder = dav.davRoot().resolve("Recorded video calls");
    assertThat(folder.resolve(local.getFileName())).hasSameBinaryContentAs(local);
    try (Stream<Path> files = Files.list(folder)) {
      assertThat(files.map(path -> path.getFileName().toString()))
          .filteredOn(name -> name.contains(local.getFileName().toString().replace(".webm", "")))
          .containsExactly(local.getFileName().toString());
    }
  }

  private List<ApacheDav.LoggedRequest> puts() throws Exception {
    return dav.requests().stream().filter(request -> request.method().equals("PUT")).toList();
  }

  private String basicAuth(String password) {
    return "Basic " + Base64.getEncoder().encodeToString(
        (dav.user() + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
