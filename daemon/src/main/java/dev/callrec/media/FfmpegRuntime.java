package dev.callrec.media;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FFmpegLogCallback;

/** Loads FFmpeg's native libraries once, at daemon start, and routes FFmpeg's log into ours. */
public final class FfmpegRuntime {
  private static volatile boolean loaded;

  private FfmpegRuntime() {}

  /**
   * Loads the libraries (about half a second), so that the first StartRecording does not pay for it.
   *
   * @throws MediaUnavailableException with the system package to install, if a library cannot be loaded
   */
  public static synchronized void load() {
    if (loaded) {
      return;
    }
    try {
      FFmpegFrameGrabber.tryLoad();
      FFmpegFrameRecorder.tryLoad();
    } catch (Exception | LinkageError e) {
      throw new MediaUnavailableException(explain(e), e);
    }
    av_log_set_level(AV_LOG_ERROR);
    FFmpegLogCallback.set();
    loaded = true;
  }

  private static String explain(Throwable e) {
    String detail = String.valueOf(rootCause(e).getMessage());
    if (detail.contains("libpulse")) {
      return "FFmpeg's device library needs PulseAudio's client library. "
          + "Install it (Debian/Ubuntu: sudo apt-get install libpulse0) and start callrec again.";
    }
    return "FFmpeg's libraries could not be loaded: " + detail;
  }

  private static Throwable rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }
}
