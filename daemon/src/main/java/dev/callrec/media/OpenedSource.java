package dev.callrec.media;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR0;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S16;

import java.io.IOException;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;

/** A started capture source and the frame rate it delivers. Owned by the capture thread. */
public record OpenedSource(FFmpegFrameGrabber grabber, int frameRate) implements AutoCloseable {

  /**
   * Opens a screen or window device. Frames come in the device's own BGR0 layout, which the encoder's
   * scaler converts natively: no pixel is touched in Java.
   */
  static OpenedSource open(GrabberSettings settings, int frameRate, String what) throws IOException {
    FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(settings.filename());
    grabber.setFormat(settings.format());
    settings.options().forEach(grabber::setOption);
    grabber.setPixelFormat(AV_PIX_FMT_BGR0);
    try {
      grabber.start(false);
    } catch (FrameGrabber.Exception e) {
      throw new IOException("Cannot capture " + what + " (" + settings.format() + " " + settings.filename() + "): "
          + brief(e), e);
    }
    return new OpenedSource(grabber, frameRate);
  }

  /** Opens a sound device, delivering callrec's one sample format. */
  static FFmpegFrameGrabber openAudio(GrabberSettings settings) throws IOException {
    FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(settings.filename());
    grabber.setFormat(settings.format());
    settings.options().forEach(grabber::setOption);
    grabber.setSampleFormat(AV_SAMPLE_FMT_S16);
    grabber.setSampleRate(AudioFormat.SAMPLE_RATE);
    grabber.setAudioChannels(AudioFormat.CHANNELS);
    try {
      grabber.start(false);
    } catch (FrameGrabber.Exception e) {
      try {
        grabber.close();
      } catch (FrameGrabber.Exception ignored) {
        // Nothing was opened to close.
      }
      throw new IOException("Cannot capture sound from " + settings.filename() + " (" + settings.format() + "): "
          + brief(e), e);
    }
    return grabber;
  }

  /** FFmpeg's reason without JavaCV's debugging hints, which mean nothing to a user. */
  private static String brief(Exception e) {
    String message = String.valueOf(e.getMessage());
    int hint = message.indexOf(" (Has setFormat()");
    if (hint < 0) {
      hint = message.indexOf(" (For more details");
    }
    return (hint >= 0 ? message.substring(0, hint) : message).trim();
  }

  @Override
  public void close() throws FrameGrabber.Exception {
    grabber.close();
  }
}
