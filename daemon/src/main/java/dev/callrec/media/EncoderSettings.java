package dev.callrec.media;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a call is encoded: WebM with VP9 in real-time mode and Opus. The same settings drive the in-process
 * encoder and, for benchmarks, the equivalent FFmpeg command line.
 */
public record EncoderSettings(
    int width, int height, int frameRate, int videoBitrate, int keyframeInterval,
    int audioSampleRate, int audioChannels, int audioBitrate) {

  public static final String CONTAINER = "webm";
  public static final String VIDEO_ENCODER = "libvpx-vp9";
  public static final String AUDIO_ENCODER = "libopus";

  /** Settings for a call of the given size; the bitrate scales with the pixel rate (2.5 Mbit/s at 720p30). */
  public static EncoderSettings forCall(int width, int height, int frameRate, int audioChannels) {
    long pixelsPerSecond = (long) width * height * frameRate;
    int videoBitrate = (int) Math.max(300_000, Math.min(6_000_000, pixelsPerSecond * 2_500_000L / (1280L * 720 * 30)));
    return new EncoderSettings(width, height, frameRate, videoBitrate, frameRate * 2,
        48_000, Math.max(1, Math.min(2, audioChannels)), 64_000);
  }

  /**
   * libvpx-vp9 options that hold real time on two cores. {@code lag-in-frames=0} keeps the encoder from
   * holding frames back, so a stop loses nothing and the file is current within one frame.
   */
  public Map<String, String> videoOptions() {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("deadline", "realtime");
    options.put("cpu-used", "8");
    options.put("row-mt", "1");
    options.put("tile-columns", "2");
    options.put("lag-in-frames", "0");
    options.put("threads", "2");
    return options;
  }

  /** Matroska muxer options: a cluster at least every 100 ms, flushed at once, so a crash loses little. */
  public Map<String, String> muxerOptions() {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("cluster_time_limit", "100");
    options.put("cluster_size_limit", "262144");
    options.put("flush_packets", "1");
    return options;
  }

  /** The output options of the {@code ffmpeg} command line that encodes exactly as callrec does. */
  public List<String> ffmpegOutputArguments() {
    List<String> args = new ArrayList<>(List.of(
        "-c:v", VIDEO_ENCODER, "-pix_fmt", "yuv420p", "-r", Integer.toString(frameRate),
        "-b:v", Integer.toString(videoBitrate), "-g", Integer.toString(keyframeInterval)));
    videoOptions().forEach((key, value) -> args.addAll(List.of("-" + key, value)));
    args.addAll(List.of("-c:a", AUDIO_ENCODER, "-ar", Integer.toString(audioSampleRate),
        "-ac", Integer.toString(audioChannels), "-b:a", Integer.toString(audioBitrate)));
    muxerOptions().forEach((key, value) -> args.addAll(List.of("-" + key, value)));
    args.addAll(List.of("-f", CONTAINER));
    return args;
  }
}
