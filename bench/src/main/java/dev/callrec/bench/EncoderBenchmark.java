package dev.callrec.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.callrec.Daemon;
import dev.callrec.DaemonConfig;
import dev.callrec.ipc.ClientChannels;
import dev.callrec.media.EncoderSettings;
import dev.callrec.media.FfmpegTool;
import dev.callrec.media.MediaProbe;
import dev.callrec.media.TestPatternSpec;
import dev.callrec.platform.Folders;
import dev.callrec.proto.v1.CaptureSource;
import dev.callrec.proto.v1.Chat;
import dev.callrec.proto.v1.Recording;
import dev.callrec.proto.v1.RecorderServiceGrpc;
import dev.callrec.proto.v1.RecorderServiceGrpc.RecorderServiceBlockingStub;
import dev.callrec.proto.v1.StartRecordingRequest;
import dev.callrec.proto.v1.StopRecordingRequest;
import dev.callrec.proto.v1.TestPattern;
import io.grpc.ManagedChannel;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Records the same test pattern through the daemon (over its socket) and through the ffmpeg command line with
 * the same encoder settings, in alternating rounds on the same machine, and prints the CPU ratio per second of
 * media and the daemon's start and stop latencies.
 *
 * <p>Usage: {@code bench/run encoder [--seconds 20] [--rounds 2] [--size 1280x720]}
 */
public final class EncoderBenchmark {
  private static final Pattern FFMPEG_BENCH = Pattern.compile("utime=([0-9.]+)s stime=([0-9.]+)s");

  private final int seconds;
  private final TestPatternSpec pattern;
  private final Path workDir;

  private EncoderBenchmark(int seconds, TestPatternSpec pattern, Path workDir) {
    this.seconds = seconds;
    this.pattern = pattern;
    this.workDir = workDir;
  }

  public static void main(String[] args) throws Exception {
    int seconds = 20;
    int rounds = 2;
    int width = 1280;
    int height = 720;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
        case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
        case "--size" -> {
          String[] size = args[i + 1].split("x");
          width = Integer.parseInt(size[0]);
          height = Integer.parseInt(size[1]);
        }
        default -> throw new IllegalArgumentException("Unknown option " + args[i]);
      }
    }
    Path workDir = Files.createTempDirectory("callrec-bench");
    new EncoderBenchmark(seconds, new TestPatternSpec(width, height, 30, 440), workDir).run(rounds);
    System.exit(0);
  }

  private record Run(double cpuSeconds, double mediaSeconds) {
    double cpuPerMediaSecond() {
      return cpuSeconds / mediaSeconds;
    }
  }

  private void run(int rounds) throws Exception {
    System.out.printf(Locale.ROOT, "Encoder benchmark: testsrc2 %dx%d@%d + sine, VP9 realtime + Opus, %d s, %d rounds%n",
        pattern.width(), pattern.height(), pattern.frameRate(), seconds, rounds);
    Folders folders = new Folders(workDir.resolve("recordings"), workDir.resolve("state"), workDir.resolve("callrec.sock"));
    try (Daemon daemon = Daemon.start(DaemonConfig.forCurrentUser(folders))) {
      ManagedChannel channel = ClientChannels.forSocket(folders.socket());
      RecorderServiceBlockingStub stub = RecorderServiceGrpc.newBlockingStub(channel);
      recordThroughDaemon(stub, "warm-up", 3, new long[2]); // JIT and first-use costs are not what we measure
      List<Double> ratios = new ArrayList<>();
      long[] latencies = new long[2];
      long[] latencySums = new long[2];
      for (int round = 1; round <= rounds; round++) {
        Run viaDaemon = recordThroughDaemon(stub, "round-" + round, seconds, latencies);
        latencySums[0] += latencies[0];
        latencySums[1] += latencies[1];
        Run viaFfmpeg = recordThroughFfmpeg("round-" + round);
        double ratio = viaDaemon.cpuPerMediaSecond() / viaFfmpeg.cpuPerMediaSecond();
        ratios.add(ratio);
        System.out.printf(Locale.ROOT,
            "round %d: daemon %.2f CPU-s for %.2f s of media; ffmpeg %.2f CPU-s for %.2f s; ratio %.3f; "
                + "start→first frame %d ms; stop→final file %d ms%n",
            round, viaDaemon.cpuSeconds(), viaDaemon.mediaSeconds(), viaFfmpeg.cpuSeconds(), viaFfmpeg.mediaSeconds(),
            ratio, latencies[0], latencies[1]);
      }
      channel.shutdownNow();
      System.out.printf(Locale.ROOT, "CPU ratio, daemon / ffmpeg per second of media: %.3f (mean of %d; goal ≤ 1.05)%n",
          ratios.stream().mapToDouble(Double::doubleValue).average().orElseThrow(), rounds);
      System.out.printf(Locale.ROOT, "StartRecording → first frame: %d ms; StopRecording → final file: %d ms (means)%n",
          latencySums[0] / rounds, latencySums[1] / rounds);
    }
  }

  private Run recordThroughDaemon(RecorderServiceBlockingStub stub, String callId, int recordSeconds, long[] latencies)
      throws Exception {
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpuBefore = os.getProcessCpuTime();
    long requested = System.nanoTime();
    stub.startRecording(StartRecordingRequest.newBuilder()
        .setCallId(callId)
        .setChat(Chat.newBuilder().setTitle("Benchmark"))
        .setSource(CaptureSource.newBuilder().setTestPattern(TestPattern.newBuilder()
            .setWidth(pattern.width()).setHeight(pattern.height()).setFrameRate(pattern.frameRate())))
        .build());
    long firstFrame = System.nanoTime();
    TimeUnit.NANOSECONDS.sleep(TimeUnit.SECONDS.toNanos(recordSeconds) - (System.nanoTime() - firstFrame));
    long stopRequested = System.nanoTime();
    Recording finished = stub.stopRecording(StopRecordingRequest.newBuilder().setCallId(callId).build()).getRecording();
    long stopped = System.nanoTime();
    long cpuAfter = os.getProcessCpuTime();
    latencies[0] = TimeUnit.NANOSECONDS.toMillis(firstFrame - requested);
    latencies[1] = TimeUnit.NANOSECONDS.toMillis(stopped - stopRequested);
    return new Run((cpuAfter - cpuBefore) / 1e9, finished.getDurationMs() / 1000.0);
  }

  private Run recordThroughFfmpeg(String name) throws IOException, InterruptedException {
    Path output = workDir.resolve(name + "-ffmpeg.webm");
    EncoderSettings settings = EncoderSettings.forCall(pattern.width(), pattern.height(), pattern.frameRate(), 1);
    List<String> arguments = new ArrayList<>(List.of("-hide_banner", "-nostdin", "-benchmark", "-y",
        "-f", "lavfi", "-i", pattern.lavfiGraph(), "-t", Integer.toString(seconds)));
    arguments.addAll(settings.ffmpegOutputArguments());
    arguments.add(output.toString());
    Process process = FfmpegTool.FFMPEG.command(arguments).redirectErrorStream(true).start();
    String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IOException("ffmpeg failed: " + log);
    }
    Matcher bench = FFMPEG_BENCH.matcher(log);
    if (!bench.find()) {
      throw new IOException("ffmpeg printed no -benchmark line: " + log);
    }
    double cpu = Double.parseDouble(bench.group(1)) + Double.parseDouble(bench.group(2));
    return new Run(cpu, MediaProbe.probe(output).durationMs() / 1000.0);
  }
}
