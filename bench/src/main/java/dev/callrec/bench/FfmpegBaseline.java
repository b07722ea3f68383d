package dev.callrec.bench;

import dev.callrec.media.FfmpegTool;
import dev.callrec.media.MediaProbe;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs the ffmpeg command line of callrec's own FFmpeg build and reads its CPU time from -benchmark. */
final class FfmpegBaseline {
  private static final Pattern CPU = Pattern.compile("utime=([0-9.]+)s stime=([0-9.]+)s");
  private static final Pattern DUP_DROP = Pattern.compile("dup=(\\d+) drop=(\\d+)");

  /** What one ffmpeg run cost and made; {@code repeated} and {@code dropped} as ffmpeg counts them. */
  record Result(Run run, long repeated, long dropped) {}

  private FfmpegBaseline() {}

  static Result record(List<String> inputArguments, List<String> outputArguments, Path output)
      throws IOException, InterruptedException {
    List<String> arguments = new ArrayList<>(List.of("-hide_banner", "-nostdin", "-benchmark", "-stats_period", "1",
        "-y"));
    arguments.addAll(inputArguments);
    arguments.addAll(outputArguments);
    arguments.add(output.toString());
    Process process = FfmpegTool.FFMPEG.command(arguments).redirectErrorStream(true).start();
    String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IOException("ffmpeg failed: " + log);
    }
    Matcher cpu = CPU.matcher(log);
    if (!cpu.find()) {
      throw new IOException("ffmpeg printed no -benchmark line: " + log);
    }
    long repeated = 0;
    long dropped = 0;
    Matcher counts = DUP_DROP.matcher(log);
    while (counts.find()) {
      repeated = Long.parseLong(counts.group(1));
      dropped = Long.parseLong(counts.group(2));
    }
    double cpuSeconds = Double.parseDouble(cpu.group(1)) + Double.parseDouble(cpu.group(2));
    return new Result(new Run(cpuSeconds, MediaProbe.probe(output).durationMs() / 1000.0), repeated, dropped);
  }
}
