package dev.callrec.media;

import java.io.IOException;
import java.nio.ShortBuffer;
import java.util.function.Consumer;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One source of sound for the mixer: a device read on a thread of its own, or samples handed in by the video
 * thread (the test pattern's tone). Remembers when its first sample was heard, so the mixer can place it on
 * the recording's timeline.
 */
final class AudioInput implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AudioInput.class);
  private static final int RING_SECONDS = 3;

  private final String name;
  private final SampleRing ring = new SampleRing(AudioFormat.SAMPLE_RATE * AudioFormat.CHANNELS * RING_SECONDS);
  private volatile long firstSampleNanos = -1;
  private volatile boolean running = true;
  private Thread thread;

  private AudioInput(String name) {
    this.name = name;
  }

  /** Samples the caller writes with {@link #accept(ShortBuffer, long)}. */
  static AudioInput fed(String name) {
    return new AudioInput(name);
  }

  /** A device read on its own thread; a device that cannot be opened or goes away is reported, not fatal. */
  static AudioInput device(String name, GrabberSettings settings, Consumer<String> warnings) {
    AudioInput input = new AudioInput(name);
    input.thread = new Thread(() -> input.readDevice(settings, warnings), "audio-" + name);
    input.thread.setDaemon(true);
    input.thread.start();
    return input;
  }

  String name() {
    return name;
  }

  /** Adds samples heard up to {@code nowNanos}. */
  void accept(ShortBuffer interleaved, long nowNanos) {
    if (firstSampleNanos < 0) {
      long frames = interleaved.remaining() / AudioFormat.CHANNELS;
      firstSampleNanos = nowNanos - frames * 1_000_000_000L / AudioFormat.SAMPLE_RATE;
    }
    ring.write(interleaved);
  }

  /** When the first sample was heard, or -1 before that. */
  long firstSampleNanos() {
    return firstSampleNanos;
  }

  SampleRing samples() {
    return ring;
  }

  private void readDevice(GrabberSettings settings, Consumer<String> warnings) {
    try (FFmpegFrameGrabber grabber = OpenedSource.openAudio(settings)) {
      while (running) {
        Frame frame = grabber.grab();
        if (frame == null) {
          if (running) {
            warnings.accept("The sound from " + name + " stopped; the recording goes on without it.");
          }
          return;
        }
        if (frame.samples != null) {
          accept((ShortBuffer) frame.samples[0], System.nanoTime());
        }
      }
    } catch (IOException e) {
      warnings.accept("No sound from " + name + ". " + e.getMessage() + ". The recording goes on without it.");
    } catch (Exception e) {
      if (running) {
        log.warn("Sound capture from {} failed", name, e);
        warnings.accept("The sound from " + name + " failed; the recording goes on without it.");
      }
    }
  }

  @Override
  public void close() {
    running = false;
    if (thread != null) {
      try {
        thread.join(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
