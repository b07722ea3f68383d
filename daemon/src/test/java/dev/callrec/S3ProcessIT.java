package dev.callrec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callrec.ipc.ClientChannels;
import dev.callrec.platform.Folders;
import dev.callrec.proto.v1.ConnectDriveRequest;
import dev.callrec.proto.v1.DriveKind;
import dev.callrec.proto.v1.GetDriveRequest;
import dev.callrec.proto.v1.PauseUploadsRequest;
import dev.callrec.proto.v1.RecorderServiceGrpc;
import dev.callrec.proto.v1.ResumeUploadsRequest;
import dev.callrec.proto.v1.S3Drive;
import dev.callrec.proto.v1.StopRecordingRequest;
import dev.callrec.proto.v1.WatchEventsRequest;
import dev.callrec.testing.CallrecProcesses;
import dev.callrec.testing.EventCollector;
import dev.callrec.testing.S3Server;
import dev.callrec.testing.TestDaemon;
import io.grpc.ManagedChannel;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged daemon uploading to an S3 API server in the test's JVM, killed with {@code kill -9} half way. */
class S3ProcessIT {
  private static final long PART = 8L * 1024 * 1024;
  private static final long SIZE = 5 * PART + 4321;

  @TempDir
  Path root;
  @AutoClose
  final CallrecProcesses processes = new CallrecProcesses(() -> root);

  @Test
  void anS3UploadCutOffByKillDashNineResumesAtTheNextStartSendingAtMostOnePartAgain() throws Exception {
    Folders folders = TestDaemon.foldersIn(root);
    Files.createDirectories(folders.stateDir());
    Files.writeString(folders.configFile(), "max-upload-kb-per-second = 4096\n");
    try (S3Server s3 = S3Server.start(root.resolve("server"))) {
      Process daemon = processes.startDaemon("uploading");
      ManagedChannel channel = ClientChannels.forSocket(folders.socket());
      Path local;
      long sentBeforeKill;
      try {
        RecorderServiceGrpc.RecorderServiceBlockingStub stub =
            RecorderServiceGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS);
        stub.connectDrive(ConnectDriveRequest.newBuilder().setS3(S3Drive.newBuilder()
            .setEndpoint(s3.endpoint().toString()).setBucket(S3Server.BUCKET).setPrefix("calls")
            .setAccessKeyId(S3Server.ACCESS_KEY).setSecretAccessKey(S3Server.SECRET_KEY)).build());
        assertThat(stub.getDrive(GetDriveRequest.getDefaultInstance()).getDrive().getKind())
            .isEqualTo(DriveKind.DRIVE_KIND_S3);
        EventCollector watcher = new EventCollector();
        RecorderServiceGrpc.newStub(channel).watchEvents(WatchEventsRequest.getDefaultInstance(), watcher);
        stub.pauseUploads(PauseUploadsRequest.getDefaultInstance());
        stub.startRecording(TestDaemon.startRequest("call-s3", "Killed S3 upload", 640, 360));
        Thread.sleep(1000);
        local = Path.of(stub.stopRecording(StopRecordingRequest.newBuilder().setCallId("call-s3").build())
            .getRecording().getFilePath());
        // A test pattern compresses to little: the queued file is made as large as a long call's, so the
        // upload has parts to lose.
        fillWithRandomBytes(local, SIZE);
        stub.resumeUploads(ResumeUploadsRequest.getDefaultInstance());
        sentBeforeKill = watcher.await(e -> e.hasUploadProgress() && e.getUploadProgress().getBytesSent() > SIZE * 45 / 100,
            Duration.ofSeconds(60)).getUploadProgress().getBytesSent();
        daemon.destroyForcibly();
        assertThat(daemon.waitFor(5, TimeUnit.SECONDS)).isTrue();
      } finally {
        channel.shutdownNow();
      }
      long arrivedBeforeKill = s3.bytesReceived();
      assertThat(s3.keys()).as("nothing is complete yet").isEmpty();
      assertThat(s3.unfinishedUploads()).hasSize(1);

      Files.writeString(folders.configFile(), "max-upload-kb-per-second = 0\n");
      Process restarted = processes.startDaemon("restarted");
      String key = "calls/Recorded video calls/" + local.getFileName();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!s3.keys().contains(key) && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(s3.keys()).containsExactly(key);
      assertThat(s3.sha256(key)).isEqualTo(S3Server.sha256(local));
      assertThat(s3.unfinishedUploads()).isEmpty();
      long resent = s3.bytesReceived() - SIZE;
      System.out.printf("kill -9 during an S3 upload of %d bytes: %d bytes re-sent (part size %d); %d had been "
          + "reported sent and %d had arrived when it was killed%n", SIZE, resent, PART, sentBeforeKill,
          arrivedBeforeKill);
      assertThat(resent).as("bytes sent twice").isBetween(0L, PART);
      restarted.destroy();
      assertThat(restarted.waitFor(5, TimeUnit.SECONDS)).isTrue();
    }
  }

  private static void fillWithRandomBytes(Path file, long size) throws IOException {
    Random random = new Random(9);
    byte[] chunk = new byte[1 << 20];
    try (OutputStream out = Files.newOutputStream(file)) {
      for (long written = 0; written < size; written += chunk.length) {
        random.nextBytes(chunk);
        out.write(chunk, 0, (int) Math.min(chunk.length, size - written));
      }
    }
  }
}
