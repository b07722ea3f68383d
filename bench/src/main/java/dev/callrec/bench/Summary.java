package dev.callrec.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Collects rounds of daemon-versus-ffmpeg runs and prints each and their means. */
final class Summary {
  private final List<Double> ratios = new ArrayList<>();
  private long startMillis;
  private long stopMillis;

  void add(int round, DaemonRecording daemon, FfmpegBaseline.Result ffmpeg) {
    double ratio = daemon.run().cpuPerMediaSecond() / ffmpeg.run().cpuPerMediaSecond();
    ratios.add(ratio);
    startMillis += daemon.startMillis();
    stopMillis += daemon.stopMillis();
    System.out.printf(Locale.ROOT,
        "round %d: daemon %.2f CPU-s for %.2f s of media (%d dropped, %d repeated frames); "
            + "ffmpeg %.2f CPU-s for %.2f s (%d dropped, %d duplicated); ratio %.3f; "
            + "start→first frame %d ms; stop→final file %d ms%n",
        round, daemon.run().cpuSeconds(), daemon.run().mediaSeconds(), daemon.recording().getDroppedFrames(),
        daemon.recording().getRepeatedFrames(), ffmpeg.run().cpuSeconds(), ffmpeg.run().mediaSeconds(),
        ffmpeg.dropped(), ffmpeg.repeated(), ratio, daemon.startMillis(), daemon.stopMillis());
  }

  void print() {
    int rounds = ratios.size();
    System.out.printf(Locale.ROOT, "CPU ratio, daemon / ffmpeg per second of media: %.3f (mean of %d; goal ≤ 1.05)%n",
        ratios.stream().mapToDouble(Double::doubleValue).average().orElseThrow(), rounds);
    System.out.printf(Locale.ROOT, "StartRecording → first frame: %d ms; StopRecording → final file: %d ms (means)%n",
        startMillis / rounds, stopMillis / rounds);
  }
}
