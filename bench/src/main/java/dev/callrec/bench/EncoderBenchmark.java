package dev.callrec.bench;

import dev.callrec.Daemon;
import dev.callrec.DaemonConfig;
import dev.callrec.ipc.ClientChannels;
import dev.callrec.media.EncoderSettings;
import dev.callrec.media.TestPatternSpec;
import dev.callrec.platform.Folders;
import dev.callrec.proto.v1.CaptureSource;
import dev.callrec.proto.v1.Chat;
import dev.callrec.proto.v1.RecorderServiceGrpc;
import dev.callrec.proto.v1.RecorderServiceGrpc.RecorderServiceBlockingStub;
import dev.callrec.proto.v1.StartRecordingRequest;
import dev.callrec.proto.v1.TestPattern;
import dev.callrec.testing.AvSync;
import io.grpc.ManagedChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Records the same test pattern (with its flash-and-beep sync marks) through the daemon (over its socket) and
 * through the ffmpeg command line with the same encoder settings, in alternating rounds on the same machine, and
 * prints the CPU ratio per second of media, the daemon's start and stop latencies, and sound against picture
 * at the last mark in both files.
 *
 * <p>Usage: {@code bench/run encoder [--seconds 20] [--rounds 2] [--size 1280x720]}
 */
public final class EncoderBenchmark {

  public static void main(String[] args) throws Exception {
    BenchmarkOptions options = BenchmarkOptions.parse(args, 20, 2, 1280, 720);
    TestPatternSpec pattern = new TestPatternSpec(options.width(), options.height(), 30, 440, true);
    Path workDir = Files.createTempDirectory("callrec-bench");
    System.out.printf(Locale.ROOT, "Encoder benchmark: testsrc2 %dx%d@30 + sine, VP9 realtime + Opus, %d s, %d rounds%n",
        pattern.width(), pattern.height(), options.seconds(), options.rounds());
    Folders folders = new Folders(workDir.resolve("recordings"), workDir.resolve("state"), workDir.resolve("callrec.sock"));
    try (Daemon daemon = Daemon.start(DaemonConfig.forCurrentUser(folders))) {
      ManagedChannel channel = ClientChannels.forSocket(folders.socket());
      RecorderServiceBlockingStub stub = RecorderServiceGrpc.newBlockingStub(channel);
      DaemonRecording.record(stub, request("warm-up", pattern), 3); // JIT and first use are not what we measure
      Summary summary = new Summary();
      for (int round = 1; round <= options.rounds(); round++) {
        DaemonRecording viaDaemon = DaemonRecording.record(stub, request("round-" + round, pattern), options.seconds());
        EncoderSettings settings = EncoderSettings.forCall(pattern.width(), pattern.height(), 30, 2);
        FfmpegBaseline.Result viaFfmpeg = FfmpegBaseline.record(
            List.of("-f", "lavfi", "-i", pattern.lavfiGraph(), "-t", Integer.toString(options.seconds())),
            settings.ffmpegOutputArguments(), workDir.resolve("round-" + round + "-ffmpeg.webm"));
        summary.add(round, viaDaemon, viaFfmpeg);
        double lastMark = (options.seconds() - 1) / TestPatternSpec.SYNC_MARK_PERIOD_SECONDS
            * TestPatternSpec.SYNC_MARK_PERIOD_SECONDS;
        System.out.printf(Locale.ROOT, "round %d: sound against picture at the %.0f s mark: daemon %+d ms, ffmpeg %+d ms%n",
            round, lastMark, AvSync.offsetMillis(Path.of(viaDaemon.recording().getFilePath()), lastMark - 0.5),
            AvSync.offsetMillis(workDir.resolve("round-" + round + "-ffmpeg.webm"), lastMark - 0.5));
      }
      channel.shutdownNow();
      summary.print();
    }
    System.exit(0);
  }

  private static StartRecordingRequest request(String callId, TestPatternSpec pattern) {
    return StartRecordingRequest.newBuilder()
        .setCallId(callId)
        .setChat(Chat.newBuilder().setTitle("Benchmark"))
        .setSource(CaptureSource.newBuilder().setTestPattern(TestPattern.newBuilder()
            .setWidth(pattern.width()).setHeight(pattern.height()).setFrameRate(pattern.frameRate())
            .setSyncMarks(pattern.syncMarks())))
        .build();
  }
}
