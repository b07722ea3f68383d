package dev.callrec.bench;

import dev.callrec.Daemon;
import dev.callrec.DaemonConfig;
import dev.callrec.ipc.ClientChannels;
import dev.callrec.media.CaptureDevices;
import dev.callrec.media.EncoderSettings;
import dev.callrec.platform.CurrentUser;
import dev.callrec.platform.Folders;
import dev.callrec.platform.OperatingSystem;
import dev.callrec.proto.v1.AudioSources;
import dev.callrec.proto.v1.CaptureSource;
import dev.callrec.proto.v1.Chat;
import dev.callrec.proto.v1.RecorderServiceGrpc;
import dev.callrec.proto.v1.RecorderServiceGrpc.RecorderServiceBlockingStub;
import dev.callrec.proto.v1.Screen;
import dev.callrec.proto.v1.StartRecordingRequest;
import dev.callrec.recording.DiskSpace;
import dev.callrec.testing.HeadlessPulse;
import dev.callrec.testing.ScreenPainter;
import dev.callrec.testing.VirtualDisplay;
import io.grpc.ManagedChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * Records a virtual X display with moving content through the daemon and through {@code ffmpeg -f x11grab}
 * with the same encoder settings, and prints the CPU ratio; then records it with the call's sound through the
 * daemon and prints the frames it dropped or repeated and the sound's offset against the picture at the end
 * (a white flash and a tone shown at the same instant).
 *
 * <p>Usage: {@code bench/run screen [--seconds 120] [--rounds 1] [--size 1920x1080]}
 */
public final class ScreenBenchmark {

  public static void main(String[] args) throws Exception {
    BenchmarkOptions options = BenchmarkOptions.parse(args, 120, 1, 1920, 1080);
    Path workDir = Files.createTempDirectory("callrec-bench");
    System.out.printf(Locale.ROOT, "Screen benchmark: Xvfb %dx%d with moving content + PulseAudio, VP9 realtime + Opus,"
        + " %d s, %d rounds%n", options.width(), options.height(), options.seconds(), options.rounds());
    try (VirtualDisplay display = VirtualDisplay.start(options.width(), options.height());
        HeadlessPulse pulse = HeadlessPulse.startQuiet(workDir);
        ScreenPainter.Painter painter = ScreenPainter.start(display.name())) {
      Folders folders = new Folders(workDir.resolve("recordings"), workDir.resolve("state"), workDir.resolve("callrec.sock"));
      DaemonConfig config = new DaemonConfig(folders, CurrentUser.uid(), DiskSpace.withFloor(0),
          new CaptureDevices(OperatingSystem.LINUX, display.name(), pulse.server()), Locale.ENGLISH,
          Clock.systemDefaultZone());
      try (Daemon daemon = Daemon.start(config)) {
        ManagedChannel channel = ClientChannels.forSocket(folders.socket());
        RecorderServiceBlockingStub stub = RecorderServiceGrpc.newBlockingStub(channel);
        DaemonRecording.record(stub, request("warm-up", false), 3);
        Summary summary = new Summary();
        for (int round = 1; round <= options.rounds(); round++) {
          // CPU, like for like: the picture and a silent sound track, which the daemon records when told to be
          // silent. (ffmpeg's command line starves x11grab when a pulse input runs beside it, duplicating most
          // frames, so live sound is left out of this comparison.)
          painter.send("animate");
          DaemonRecording silent = DaemonRecording.record(stub, request("round-" + round, true), options.seconds());
          EncoderSettings settings = EncoderSettings.forCall(options.width(), options.height(), 30, 2);
          FfmpegBaseline.Result viaFfmpeg = FfmpegBaseline.record(List.of(
                  "-f", "x11grab", "-framerate", "30", "-draw_mouse", "1", "-i", display.name(),
                  "-f", "lavfi", "-i", "anullsrc=r=48000:cl=stereo", "-t", Integer.toString(options.seconds())),
              settings.ffmpegOutputArguments(), workDir.resolve("round-" + round + "-ffmpeg.webm"));
          summary.add(round, silent, viaFfmpeg);
          // Frames and sync with the call's sound: a white flash and a tone at the same instant near the end.
          long[] flashAfterToneMicros = new long[1];
          DaemonRecording withSound = DaemonRecording.record(stub, request("round-" + round + "-sound", false),
              options.seconds(), 3, () -> flashAfterToneMicros[0] = flashWithTone(painter, pulse));
          long offset = AvSync.offsetMillis(Path.of(withSound.recording().getFilePath()), options.seconds() - 3.5);
          pulse.stopTone();
          System.out.printf(Locale.ROOT, "round %d with sound: %d frames for %.2f s, %d dropped, %d repeated; "
                  + "sound against picture at the end: %+d ms (goal within ±40 ms; the painter reported the flash "
                  + "%+d ms after pactl returned, so the stimulus itself is only known to some tens of ms)%n", round,
              withSound.recording().getFrames(), withSound.run().mediaSeconds(),
              withSound.recording().getDroppedFrames(), withSound.recording().getRepeatedFrames(), offset,
              flashAfterToneMicros[0] / 1000);
        }
        channel.shutdownNow();
        summary.print();
      }
    }
    System.exit(0);
  }

  /**
   * A black screen turns white and the tone starts, as nearly at once as two processes allow; returns how many
   * microseconds after pactl returned the painter saw the flash on screen (wall clock).
   */
  private static long flashWithTone(ScreenPainter.Painter painter, HeadlessPulse pulse) throws Exception {
    painter.send("fill 000000");
    Thread.sleep(500);
    CompletableFuture<Long> tone = CompletableFuture.supplyAsync(() -> {
      try {
        pulse.playTone();
        Instant playing = Instant.now();
        return playing.getEpochSecond() * 1_000_000L + playing.getNano() / 1000;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    long flashed = painter.send("fill FFFFFF");
    return flashed - tone.join();
  }

  private static StartRecordingRequest request(String callId, boolean silent) {
    return StartRecordingRequest.newBuilder()
        .setCallId(callId)
        .setChat(Chat.newBuilder().setTitle("Screen benchmark"))
        .setSource(CaptureSource.newBuilder().setScreen(Screen.getDefaultInstance()))
        .setAudio(AudioSources.newBuilder().setMicrophoneOff(true).setSilent(silent))
        .build();
  }
}
