package dev.callrec.media;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_clone;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a screen or window device on a thread of its own, so that capture keeps its rhythm while the encoder
 * works on a frame, as ffmpeg's own input threads do. Frames travel as references to the device's buffers:
 * nothing is copied. If the encoder falls more than a few frames behind, the oldest waiting frame gives way.
 */
final class DeviceCapture implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DeviceCapture.class);
  private static final int QUEUE = 6;

  /** One captured picture, stamped with its capture time ({@link System#nanoTime()}); {@link #release()} it. */
  static final class Picture {
    private final AVPacket packet;
    final long captureNanos;

    Picture(AVPacket packet, long captureNanos) {
      this.packet = packet;
      this.captureNanos = captureNanos;
    }

    ByteBuffer pixels() {
      return packet.data().capacity(packet.size()).asBuffer();
    }

    int size() {
      return packet.size();
    }

    void release() {
      av_packet_free(packet);
    }
  }

  private final FFmpegFrameGrabber grabber;
  private final int width;
  private final int height;
  private final int pixelFormat;
  private final BlockingQueue<Picture> queue = new ArrayBlockingQueue<>(QUEUE);
  private final Thread thread;
  private volatile boolean running = true;
  private volatile boolean ended;
  private volatile Exception failure;
  private volatile long overflowed;
  /** Screen devices stamp pictures with the wall clock (microseconds); this maps it onto nanoTime. */
  private final long wallToNanoTime = System.nanoTime() - wallMicrosNow() * 1000;

  DeviceCapture(FFmpegFrameGrabber grabber, String name) {
    this.grabber = grabber;
    // Read once: the capture loop would otherwise ask the native structures for them every frame.
    this.width = grabber.getImageWidth();
    this.height = grabber.getImageHeight();
    this.pixelFormat = grabber.getFormatContext().streams(0).codecpar().format();
    this.thread = new Thread(this::run, "capture-device-" + name);
    thread.setDaemon(true);
    thread.start();
  }

  int width() {
    return width;
  }

  int height() {
    return height;
  }

  /** The layout of the device's pixels (BGR0 from x11grab). */
  int pixelFormat() {
    return pixelFormat;
  }

  /** The next picture, waiting up to {@code timeoutMillis}; null if none came or the device has ended. */
  Picture next(long timeoutMillis) throws InterruptedException {
    return queue.poll(timeoutMillis, TimeUnit.MILLISECONDS);
  }

  /** True once the device delivers nothing more and every picture has been taken. */
  boolean ended() {
    return ended && queue.isEmpty();
  }

  Exception failure() {
    return failure;
  }

  /** Pictures dropped because the encoder was too far behind. */
  long overflowed() {
    return overflowed;
  }

  /**
   * When the picture was taken. x11grab, gdigrab and AVFoundation stamp it with the wall clock at the moment
   * they grab; a stamp that is not near the wall clock (some other device clock) is replaced by the time the
   * picture arrived.
   */
  private long captureNanos(long pts, AVStream stream) {
    long arrived = System.nanoTime();
    if (pts == AV_NOPTS_VALUE) {
      return arrived;
    }
    long stamped = av_rescale(pts, 1_000_000_000L * stream.time_base().num(), stream.time_base().den())
        + wallToNanoTime;
    return Math.abs(arrived - stamped) < 1_000_000_000L ? stamped : arrived;
  }

  private static long wallMicrosNow() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
  }

  private void run() {
    try {
      while (running) {
        AVPacket packet = grabber.grabPacket();
        if (packet == null) {
          break;
        }
        AVStream stream = grabber.getFormatContext().streams(packet.stream_index());
        long pts = packet.pts();
        AVPacket held = av_packet_clone(packet);
        av_packet_unref(packet);
        Picture picture = new Picture(held, captureNanos(pts, stream));
        while (!queue.offer(picture)) {
          Picture oldest = queue.poll();
          if (oldest != null) {
            oldest.release();
            overflowed++;
          }
        }
      }
    } catch (Exception e) {
      if (running) {
        failure = e;
        log.warn("Screen capture stopped", e);
      }
    } finally {
      ended = true;
    }
  }

  /** Stops reading; the grabber itself is closed by its owner once this returns. */
  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.join(1000);
    Picture left;
    while ((left = queue.poll()) != null) {
      left.release();
    }
  }
}
