package dev.callrec.media;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S16;

import java.io.IOException;
import java.util.Locale;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;

/**
 * A synthetic call: FFmpeg's moving {@code testsrc2} pattern and a sine tone, paced to the wall clock. With
 * {@code syncMarks}, the tone only sounds with a white flash every {@link #SYNC_MARK_PERIOD_SECONDS} seconds.
 */
public record TestPatternSpec(int width, int height, int frameRate, int toneHz, boolean syncMarks)
    implements SourceSpec {
  public static final int SYNC_MARK_PERIOD_SECONDS = 10;

  public TestPatternSpec {
    require(width >= 16 && width <= 7680 && width % 2 == 0, "width must be an even number from 16 to 7680");
    require(height >= 16 && height <= 4320 && height % 2 == 0, "height must be an even number from 16 to 4320");
    require(frameRate >= 1 && frameRate <= 60, "frame rate must be from 1 to 60");
    require(toneHz >= 20 && toneHz <= 20_000, "tone must be from 20 to 20000 Hz");
  }

  public static TestPatternSpec hd720() {
    return new TestPatternSpec(1280, 720, 30, 440, false);
  }

  /**
   * The lavfi graph, shared with the benchmark's ffmpeg command line. {@code realtime} makes the pattern
   * arrive as a live call would, one frame every 1/rate seconds.
   */
  public String lavfiGraph() {
    String mark = "lt(mod(t," + SYNC_MARK_PERIOD_SECONDS + "),0.1)";
    String flash = syncMarks ? ",drawbox=x=0:y=0:w=iw:h=ih:color=white:t=fill:enable='" + mark + "'" : "";
    String beep = syncMarks ? ",volume=volume=0:enable='not(" + mark + ")'" : "";
    return String.format(Locale.ROOT,
        "testsrc2=size=%dx%d:rate=%d%s,format=yuv420p,realtime[out0];"
            + "sine=frequency=%d:sample_rate=%d%s,aformat=channel_layouts=stereo,arealtime[out1]",
        width, height, frameRate, flash, toneHz, AudioFormat.SAMPLE_RATE, beep);
  }

  @Override
  public boolean hasOwnAudio() {
    return true;
  }

  @Override
  public OpenedSource open(CaptureDevices devices) throws IOException {
    FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(lavfiGraph());
    grabber.setFormat("lavfi");
    grabber.setPixelFormat(AV_PIX_FMT_YUV420P);
    grabber.setSampleFormat(AV_SAMPLE_FMT_S16);
    try {
      // No stream probing: lavfi knows its streams, and probing would buffer frames ahead of the wall clock,
      // making the file longer than the time it was recording.
      grabber.start(false);
    } catch (FrameGrabber.Exception e) {
      throw new IOException("The test pattern could not be started: " + e.getMessage(), e);
    }
    return new OpenedSource(grabber, frameRate, false);
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException("Test pattern: " + message);
    }
  }
}
