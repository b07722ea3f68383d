package dev.callrec.media;

import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S16;

import java.io.IOException;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * A started capture source and the frame rate it delivers. A device (screen, window) is read on a capture
 * thread of its own; a generated source (the test pattern) is read by the encoder thread. Owned by the
 * encoder thread.
 */
public record OpenedSource(FFmpegFrameGrabber grabber, int frameRate, boolean device) implements AutoCloseable {

  /**
   * Opens a screen or window device. Frames are handed on as the device delivers them (BGR0 from x11grab),
   * not copied or converted on the way: the encoder's scaler converts them once, natively.
   */
  static OpenedSource open(GrabberSettings settings, int frameRate, String what) throws IOException {
    FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(settings.filename());
    grabber.setFormat(settings.format());
    settings.options().forEach(grabber::setOption);
    grabber.setImageMode(FrameGrabber.ImageMode.RAW);
    try {
      grabber.start(false);
    } catch (FrameGrabber.Exception e) {
      throw new IOException("Cannot capture " + what + " (" + settings.format() + " " + settings.filename() + "): "
          + brief(e), e);
    }
    return new OpenedSource(grabber, frameRate, true);
  }

  /** The layout of a grabbed frame's pixels: the device's own in RAW mode, else the one asked for. */
  int pixelFormatOf(Frame frame) {
    if (grabber.getImageMode() == FrameGrabber.ImageMode.RAW && frame.opaque instanceof AVFrame picture) {
      return picture.format();
    }
    return grabber.getPixelFormat();
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
