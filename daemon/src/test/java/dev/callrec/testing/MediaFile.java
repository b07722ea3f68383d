package dev.callrec.testing;

import dev.callrec.media.FfmpegTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** What FFmpeg's own ffprobe and ffmpeg programs say about a file: the judge of "playable". */
public record MediaFile(double durationSeconds, List<Stream> streams) {

  public record Stream(String type, String codec, long frames) {}

  public static MediaFile probe(Path file) throws IOException, InterruptedException {
    String output = run(FfmpegTool.FFPROBE, List.of("-v", "error", "-count_frames",
        "-show_entries", "format=duration:stream=codec_type,codec_name,nb_read_frames",
        "-of", "compact", file.toString()));
    double duration = Double.NaN;
    List<Stream> streams = new ArrayList<>();
    for (String line : output.split("\\R")) {
      Map<String, String> fields = fields(line);
      if (line.startsWith("stream|")) {
        streams.add(new Stream(fields.get("codec_type"), fields.get("codec_name"),
            parseLong(fields.get("nb_read_frames"))));
      } else if (line.startsWith("format|") && !"N/A".equals(fields.get("duration"))) {
        duration = Double.parseDouble(fields.get("duration"));
      }
    }
    return new MediaFile(duration, streams);
  }

  /** Decodes every frame; returns FFmpeg's complaints, empty for a clean file. Fails on a non-zero exit. */
  public static String decodeErrors(Path file) throws IOException, InterruptedException {
    return run(FfmpegTool.FFMPEG, List.of("-v", "error", "-i", file.toString(), "-f", "null", "-"));
  }

  /** The mean loudness of the sound in dBFS, as FFmpeg's volumedetect measures it (silence is about -91). */
  public static double meanVolumeDb(Path file) throws IOException, InterruptedException {
    String log = run(FfmpegTool.FFMPEG, List.of("-v", "info", "-nostats", "-i", file.toString(), "-map", "0:a",
        "-af", "volumedetect", "-f", "null", "-"));
    java.util.regex.Matcher mean = java.util.regex.Pattern.compile("mean_volume: (-?[0-9.]+) dB").matcher(log);
    if (!mean.find()) {
      throw new IOException("volumedetect printed no mean volume: " + log);
    }
    return Double.parseDouble(mean.group(1));
  }

  /** Every video frame, scaled down to {@code width}x{@code height}, as packed RGB bytes. */
  public static List<byte[]> framesAsRgb(Path file, int width, int height) throws IOException, InterruptedException {
    Process process = FfmpegTool.FFMPEG.command(List.of("-v", "error", "-i", file.toString(), "-map", "0:v",
        "-vf", "scale=" + width + ":" + height + ":flags=area", "-pix_fmt", "rgb24", "-f", "rawvideo", "-"))
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    byte[] all = process.getInputStream().readAllBytes();
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException("ffmpeg could not decode " + file);
    }
    int size = width * height * 3;
    List<byte[]> frames = new ArrayList<>();
    for (int offset = 0; offset + size <= all.length; offset += size) {
      frames.add(java.util.Arrays.copyOfRange(all, offset, offset + size));
    }
    return frames;
  }

  /** The sound, mixed down to one channel at 48 kHz, as signed 16-bit samples. */
  public static short[] soundAsMono(Path file) throws IOException, InterruptedException {
    Process process = FfmpegTool.FFMPEG.command(List.of("-v", "error", "-i", file.toString(), "-map", "0:a",
        "-ac", "1", "-ar", "48000", "-f", "s16le", "-"))
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    byte[] all = process.getInputStream().readAllBytes();
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException("ffmpeg could not decode the sound of " + file);
    }
    short[] samples = new short[all.length / 2];
    java.nio.ByteBuffer.wrap(all).order(java.nio.ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
    return samples;
  }

  public List<Stream> ofType(String type) {
    return streams.stream().filter(s -> type.equals(s.type())).toList();
  }

  private static String run(FfmpegTool tool, List<String> arguments) throws IOException, InterruptedException {
    Process process = tool.command(arguments).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException(tool + " failed on " + arguments + ": " + new String(output, StandardCharsets.UTF_8));
    }
    return new String(output, StandardCharsets.UTF_8).trim();
  }

  private static Map<String, String> fields(String line) {
    Map<String, String> fields = new HashMap<>();
    for (String part : line.split("\\|")) {
      int equals = part.indexOf('=');
      if (equals > 0) {
        fields.put(part.substring(0, equals), part.substring(equals + 1));
      }
    }
    return fields;
  }

  private static long parseLong(String text) {
    return text == null || text.equals("N/A") ? -1 : Long.parseLong(text);
  }
}
