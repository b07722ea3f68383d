package dev.callrec.media;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;

/** A started capture source and the frame rate it delivers. Owned by the capture thread. */
public record OpenedSource(FFmpegFrameGrabber grabber, int frameRate) implements AutoCloseable {

  @Override
  public void close() throws FrameGrabber.Exception {
    grabber.close();
  }
}
