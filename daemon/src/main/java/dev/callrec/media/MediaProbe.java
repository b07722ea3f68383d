package dev.callrec.media;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;

import java.io.IOException;
import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;

/** Reads duration, codecs and frame size from a media file's header and index. */
public final class MediaProbe {
  private MediaProbe() {}

  public static MediaInfo probe(Path file) throws IOException {
    try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
      grabber.start(false);
      return new MediaInfo(
          grabber.getLengthInTime() / 1000,
          grabber.hasVideo() ? avcodec_get_name(grabber.getVideoCodec()).getString() : "",
          grabber.hasAudio() ? avcodec_get_name(grabber.getAudioCodec()).getString() : "",
          grabber.getImageWidth(),
          grabber.getImageHeight());
    } catch (FrameGrabber.Exception e) {
      throw new IOException("Cannot read " + file.getFileName() + ": " + e.getMessage(), e);
    }
  }
}
