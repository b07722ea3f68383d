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
import dev.callrec.recording.PlanSettings;
import dev.callrec.sync.SyncSettings;
import dev.callrec.testing.AvSync;
import dev.callrec.testing.HeadlessPulse;
import dev.callrec.testing.ScreenPainter;
import dev.callrec.testing.VirtualDisplay;
import io.grpc.ManagedChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * Records a virtual X display with moving content through the daemon and through {@code ffmpeg -f x11grab}
 * with the same encoder settings, and prints the CPU ratio; then records it with the call's sound through the
 * daemon and prints the frames it dropped or repeated, and where a white flash and a tone near the end land in
 * the file against when they happened on the desktop.
 *
 * <p>Usage: {@code bench/run screen [--seconds 120] [--rounds 1] [--size 1920x1080]}
 */
public final class ScreenBenchmark {
  private static final long HALF_FRAME_MILLIS = 17;

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
          SyncSettings.DEFAULT, PlanSettings.DEFAULT, Clock.systemDefaultZone());
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
          // Frames and sync with the call's sound: near the end the screen flashes white and a tone starts, a few
          // times; each is looked for in the file and compared with when it happened on the desktop.
          Stimulus stimulus = new Stimulus();
          DaemonRecording withSound = DaemonRecording.record(stub, request("round-" + round + "-sound", false),
              options.seconds(), Stimulus.SECONDS + 1, firstFrame -> stimulus.play(painter, pulse, display.name(), firstFrame));
          Path file = Path.of(withSound.recording().getFilePath());
          List<Long> offsets = new java.util.ArrayList<>();
          for (int i = 0; i < Stimulus.COUNT; i++) {
            double from = stimulus.flashMillis[i] / 1000.0 - 0.2;
            // The first frame that shows a flash was taken up to one frame after it: half a frame on average.
            long pictureLate = AvSync.firstFlashMillis(file, from) - HALF_FRAME_MILLIS - stimulus.flashMillis[i];
            long soundLate = AvSync.firstSoundMillis(file, from) - stimulus.toneMillis[i];
            offsets.add(soundLate - pictureLate);
          }
          System.out.printf(Locale.ROOT, "round %d with sound: %d frames for %.2f s, %d dropped, %d repeated; "
                  + "sound against picture over the last %d s, %d flashes with tones: mean %+.0f ms, each %s "
                  + "(goal within ±40 ms)%n", round,
              withSound.recording().getFrames(), withSound.run().mediaSeconds(),
              withSound.recording().getDroppedFrames(), withSound.recording().getRepeatedFrames(),
              Stimulus.SECONDS + 1, Stimulus.COUNT, offsets.stream().mapToLong(Long::longValue).average().orElseThrow(),
              offsets);
        }
        channel.shutdownNow();
        summary.print();
      }
    }
    System.exit(0);
  }

  /**
   * White flashes, each followed at once by a tone, timed on the recording's own timeline (ms since its first
   * frame). The X server paints each flash itself (the root window's background), so no client's drawing
   * delays it.
   */
  private static final class Stimulus {
    static final int COUNT = 4;
    static final int SECONDS = 6;
    final long[] flashMillis = new long[COUNT];
    final long[] toneMillis = new long[COUNT];

    void play(ScreenPainter.Painter painter, HeadlessPulse pulse, String display, long firstFrameNanos)
        throws Exception {
      painter.send("hide");
      for (int i = 0; i < COUNT; i++) {
        xsetroot(display, "black");
        Thread.sleep(700);
        flashMillis[i] = timed(() -> xsetroot(display, "white"), firstFrameNanos);
        toneMillis[i] = timed(pulse::playTone, firstFrameNanos);
        Thread.sleep(700);
        pulse.stopTone();
      }
      painter.send("animate");
    }

    /** When the action happened, as the middle of the time it took, in ms since the first frame. */
    private static long timed(DaemonRecording.Cue.Action action, long firstFrameNanos) throws Exception {
      long asked = System.nanoTime();
      action.run();
      long done = System.nanoTime();
      return ((asked + done) / 2 - firstFrameNanos) / 1_000_000;
    }
  }

  private static void xsetroot(String display, String colour) throws Exception {
    Process xsetroot = new ProcessBuilder("xsetroot", "-display", display, "-solid", colour)
        .redirectErrorStream(true).start();
    xsetroot.getInputStream().readAllBytes();
    if (xsetroot.waitFor() != 0) {
      throw new IllegalStateException("xsetroot failed (is x11-xserver-utils installed?)");
    }
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
