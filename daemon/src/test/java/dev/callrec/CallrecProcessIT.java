package dev.callrec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callrec.ipc.ClientChannels;
import dev.callrec.platform.Folders;
import dev.callrec.proto.v1.ConnectDriveRequest;
import dev.callrec.proto.v1.Event;
import dev.callrec.proto.v1.ListPromptsRequest;
import dev.callrec.proto.v1.PromptKind;
import dev.callrec.proto.v1.Recording;
import dev.callrec.proto.v1.RecordingState;
import dev.callrec.proto.v1.RecorderServiceGrpc;
import dev.callrec.proto.v1.StopRecordingRequest;
import dev.callrec.proto.v1.WatchEventsRequest;
import dev.callrec.proto.v1.WebDavDrive;
import dev.callrec.testing.ApacheDav;
import dev.callrec.testing.CallrecProcesses;
import dev.callrec.testing.CallrecProcesses.Result;
import dev.callrec.testing.EventCollector;
import dev.callrec.testing.MediaFile;
import dev.callrec.testing.TestDaemon;
import io.grpc.ManagedChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged `callrec` executable in processes of its own, stopped by signals like a real one. */
class CallrecProcessIT {
  @TempDir
  Path root;
  @AutoClose
  final CallrecProcesses processes = new CallrecProcesses(() -> root);

  @Test
  void sigtermWhileRecordingLeavesAPlayableInterruptedFileAndExitsWithinFiveSeconds() throws Exception {
    Folders folders = TestDaemon.foldersIn(root);
    Process daemon = processes.startDaemon("daemon");
    ManagedChannel channel = ClientChannels.forSocket(folders.socket());
    try {
      EventCollector watcher = new EventCollector();
      RecorderServiceGrpc.newStub(channel).watchEvents(WatchEventsRequest.getDefaultInstance(), watcher);
      RecorderServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS)
          .startRecording(TestDaemon.startRequest("call-sigterm", "Board meeting", 640, 360));
      Thread.sleep(2000);

      long signalledAt = System.nanoTime();
      daemon.destroy(); // SIGTERM
      assertThat(daemon.waitFor(5, TimeUnit.SECONDS)).as("daemon exits within 5 s of SIGTERM").isTrue();
      long exitMs = (System.nanoTime() - signalledAt) / 1_000_000;

      Event finished = watcher.await(Event::hasRecordingFinished, Duration.ofSeconds(1));
      Recording recording = finished.getRecordingFinished().getRecording();
      assertThat(recording.getState()).isEqualTo(RecordingState.RECORDING_STATE_INTERRUPTED);
      Path file = Path.of(recording.getFilePath());
      assertThat(file).exists().hasParent(folders.recordingsDir());
      assertThat(MediaFile.decodeErrors(file)).isEmpty();
      assertThat(MediaFile.probe(file).durationSeconds()).isCloseTo(2.0, Offset.offset(0.8));
      assertThat(watcher.completed()).as("the event stream ends cleanly").isTrue();
      try (Stream<Path> files = Files.list(folders.recordingsDir())) {
        assertThat(files).containsExactly(file);
      }
      System.out.printf("SIGTERM to exit: %d ms%n", exitMs);
    } finally {
      channel.shutdownNow();
    }
    try (TestDaemon restarted = TestDaemon.start(root)) {
      assertThat(restarted.blocking().listPrompts(ListPromptsRequest.getDefaultInstance()).getPromptsList())
          .as("the next start offers to sync or share the interrupted recording")
          .anySatisfy(prompt -> {
            assertThat(prompt.getKind()).isEqualTo(PromptKind.PROMPT_KIND_INTERRUPTED);
            assertThat(prompt.getRecording().getCallId()).isEqualTo("call-sigterm");
            assertThat(prompt.getMessage()).contains("callrec was closed during");
          });
    }
  }

  @Test
  void aRecordingCutOffByKillDashNineIsCompletedAtTheNextStart() throws Exception {
    Folders folders = TestDaemon.foldersIn(root);
    Process daemon = processes.startDaemon("killed");
    ManagedChannel channel = ClientChannels.forSocket(folders.socket());
    long recordedMs;
    try {
      RecorderServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS)
          .startRecording(TestDaemon.startRequest("call-killed", "Crash", 640, 360).toBuilder().setCallNumber(4).build());
      long firstFrame = System.nanoTime();
      Thread.sleep(3000);
      daemon.destroyForcibly(); // SIGKILL: no shutdown hook, no trailer
      recordedMs = (System.nanoTime() - firstFrame) / 1_000_000;
      assertThat(daemon.waitFor(5, TimeUnit.SECONDS)).isTrue();
    } finally {
      channel.shutdownNow();
    }
    try (Stream<Path> files = Files.list(folders.recordingsDir())) {
      assertThat(files.map(p -> p.getFileName().toString())).singleElement().asString().endsWith(".webm.part");
    }

    try (TestDaemon restarted = TestDaemon.start(root)) {
      EventCollector watcher = new EventCollector();
      restarted.async().watchEvents(WatchEventsRequest.getDefaultInstance(), watcher);
      Recording recovered = watcher.await(Event::hasRecordingFinished, Duration.ofSeconds(5))
          .getRecordingFinished().getRecording();
      assertThat(recovered.getState()).isEqualTo(RecordingState.RECORDING_STATE_INTERRUPTED);
      assertThat(recovered.getRecovered()).isTrue();
      assertThat(recovered.getChat().getTitle()).isEqualTo("Crash");
      assertThat(recovered.getCallNumber()).isEqualTo(4);
      Path file = Path.of(recovered.getFilePath());
      assertThat(file.getFileName().toString()).startsWith("Crash - Call 4 - ").endsWith(".webm");
      assertThat(MediaFile.decodeErrors(file)).isEmpty();
      double seconds = MediaFile.probe(file).durationSeconds();
      assertThat(recovered.getDurationMs()).isCloseTo((long) (seconds * 1000), Offset.offset(50L));
      long lostMs = recordedMs - (long) (seconds * 1000);
      System.out.printf("kill -9 after %d ms of recording: the recovered file holds %.3f s, %d ms lost%n",
          recordedMs, seconds, lostMs);
      assertThat(lostMs).as("media lost to kill -9").isLessThan(500);
      try (Stream<Path> files = Files.list(folders.recordingsDir())) {
        assertThat(files).containsExactly(file);
      }
    }
  }

  @Test
  void anUploadCutOffByKillDashNineIsSentAgainAtTheNextStartAndLandsOnce() throws Exception {
    Folders folders = TestDaemon.foldersIn(root);
    Files.createDirectories(folders.stateDir());
    Files.writeString(folders.configFile(), "max-upload-kb-per-second = 256\n");
    try (ApacheDav dav = ApacheDav.start(root.resolve("apache"))) {
      Process daemon = processes.startDaemon("uploading");
      ManagedChannel channel = ClientChannels.forSocket(folders.socket());
      Path local;
      long sentBeforeKill;
      try {
        RecorderServiceGrpc.RecorderServiceBlockingStub stub =
            RecorderServiceGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS);
        stub.connectDrive(ConnectDriveRequest.newBuilder().setWebdav(WebDavDrive.newBuilder()
            .setUrl(dav.davUrl().toString()).setUser(dav.user()).setPassword(dav.password())).build());
        EventCollector watcher = new EventCollector();
        RecorderServiceGrpc.newStub(channel).watchEvents(WatchEventsRequest.getDefaultInstance(), watcher);
        stub.startRecording(TestDaemon.startRequest("call-upload", "Killed upload", 1280, 720));
        Thread.sleep(4000);
        local = Path.of(stub.stopRecording(StopRecordingRequest.newBuilder().setCallId("call-upload").build())
            .getRecording().getFilePath());
        long third = Files.size(local) / 3;
        sentBeforeKill = watcher.await(e -> e.hasUploadProgress() && e.getUploadProgress().getBytesSent() > third,
            Duration.ofSeconds(60)).getUploadProgress().getBytesSent();
        daemon.destroyForcibly();
        assertThat(daemon.waitFor(5, TimeUnit.SECONDS)).isTrue();
      } finally {
        channel.shutdownNow();
      }

      Process restarted = processes.startDaemon("restarted");
      Path onServer = dav.davRoot().resolve("Recorded video calls").resolve(local.getFileName());
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!Files.exists(onServer) && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      assertThat(onServer).hasSameBinaryContentAs(local);
      try (Stream<Path> files = Files.list(onServer.getParent())) {
        assertThat(files).containsExactly(onServer);
      }
      long size = Files.size(local);
      long received = dav.requests().stream().filter(r -> r.method().equals("PUT")).mapToLong(r -> r.bytesIn()).sum();
      System.out.printf("kill -9 during an upload of %d bytes, after about %d had been sent: the server received "
          + "%d bytes in PUTs, %d more than the file (plain WebDAV restarts a file)%n", size, sentBeforeKill,
          received, received - size);
      restarted.destroy();
      assertThat(restarted.waitFor(5, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void aSecondDaemonExitsWithAClearMessage() throws Exception {
    Process first = processes.startDaemon("first");
    Result second = processes.run("run");
    assertThat(second.exitCode()).isEqualTo(5);
    assertThat(second.stderr()).contains("callrec is already running (pid " + first.pid() + ")");
    assertThat(first.isAlive()).isTrue();
  }

  @Test
  void commandLineDrivesTheDaemonWithExitCodesScriptsCanTrust() throws Exception {
    Result notRunning = processes.run("status");
    assertThat(notRunning.exitCode()).isEqualTo(3);
    assertThat(notRunning.stderr()).contains("not running");

    Process daemon = processes.startDaemon("daemon");
    Result started = processes.run("start", "--chat", "Team sync", "--call", "c1", "--call-number", "3");
    assertThat(started.exitCode()).as(started.stderr()).isZero();
    assertThat(processes.run("start", "--chat", "Team sync", "--call", "c1").exitCode()).isEqualTo(5);
    assertThat(processes.run("status").stdout()).contains("Team sync - Call 3 - ").contains("call c1");
    Result stopped = processes.run("stop", "--call", "c1");
    assertThat(stopped.exitCode()).isZero();
    assertThat(stopped.stdout()).contains("Saved ").contains("Team sync - Call 3 - ").contains("vp9");
    assertThat(processes.run("stop", "--call", "c1").exitCode()).isEqualTo(4);
    assertThat(processes.run("recordings").stdout()).contains("finished").contains("Team sync - Call 3 - ");
    assertThat(processes.run("start", "--chat", "").exitCode()).isEqualTo(2);
  }

  @Test
  void demoRecordsACallAndShowsTheFile() throws Exception {
    Result demo = processes.run("demo", "--seconds", "2");
    assertThat(demo.exitCode()).as(demo.stderr()).isZero();
    assertThat(demo.stdout()).contains("● recording · 00:02").contains("Saved ").contains("video vp9 1280x720")
        .contains("audio opus").contains("Synced to the Drive: Recorded video calls/callrec demo - Call 1 - ")
        .contains("Prompt: \"callrec demo - Call 1 - ").contains("Link for the chat: file:");
    try (Stream<Path> files = Files.list(TestDaemon.foldersIn(root).recordingsDir())) {
      Path file = files.findFirst().orElseThrow();
      assertThat(file.getFileName().toString()).startsWith("callrec demo - Call 1 - ");
      assertThat(MediaFile.probe(file).durationSeconds()).isCloseTo(2.0, Offset.offset(0.5));
      assertThat(TestDaemon.foldersIn(root).stateDir().resolve("demo-drive/Recorded video calls")
          .resolve(file.getFileName())).hasSameBinaryContentAs(file);
    }
  }
}
