package dev.callrec.media;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/**
 * Captures one source into one WebM file on a thread of its own. That thread is the only one that touches
 * the grabber and the recorder (FFmpeg's contexts are not thread-safe); other threads only read counters,
 * ask it to stop and wait for its futures.
 */
public final class CaptureEncoder {
  private final SourceSpec source;
  private final Path output;
  private final String threadName;
  private final CompletableFuture<Void> firstFrame = new CompletableFuture<>();
  private final CompletableFuture<CaptureResult> finished = new CompletableFuture<>();
  private final AtomicLong frames = new AtomicLong();
  private final AtomicLong droppedFrames = new AtomicLong();
  private volatile boolean stopRequested;

  public CaptureEncoder(SourceSpec source, Path output, String threadName) {
    this.source = source;
    this.output = output;
    this.threadName = threadName;
  }

  public void start() {
    Thread thread = new Thread(this::run, threadName);
    thread.start();
  }

  /** Completes when the first video frame is in the file; fails if the capture ended before one was. */
  public CompletableFuture<Void> firstFrame() {
    return firstFrame;
  }

  /** Completes once the file is complete on disk (trailer written) or capture failed. Never fails itself. */
  public CompletableFuture<CaptureResult> finished() {
    return finished;
  }

  /** Asks the capture thread to stop after the frame it is on. */
  public void requestStop() {
    stopRequested = true;
  }

  public long frames() {
    return frames.get();
  }

  public long droppedFrames() {
    return droppedFrames.get();
  }

  private void run() {
    Throwable error = null;
    boolean sourceEnded = false;
    FFmpegFrameRecorder recorder = null;
    try (OpenedSource opened = source.open()) {
      FFmpegFrameGrabber grabber = opened.grabber();
      EncoderSettings settings = EncoderSettings.forCall(grabber.getImageWidth(), grabber.getImageHeight(),
          opened.frameRate(), grabber.getAudioChannels());
      recorder = WebmEncoder.create(output, settings);
      recorder.start();
      sourceEnded = copyUntilStopped(grabber, recorder);
    } catch (Exception | LinkageError e) {
      error = e;
    } finally {
      error = closeRecorder(recorder, error);
    }
    if (!firstFrame.isDone()) {
      firstFrame.completeExceptionally(error != null ? error : new IOException("The capture source delivered no picture."));
    }
    finished.complete(new CaptureResult(frames.get(), droppedFrames.get(), error, sourceEnded));
  }

  /** Returns true when the source ran dry, false when asked to stop. */
  private boolean copyUntilStopped(FFmpegFrameGrabber grabber, FFmpegFrameRecorder recorder) throws Exception {
    int pixelFormat = grabber.getPixelFormat();
    while (!stopRequested) {
      Frame frame = grabber.grab();
      if (frame == null) {
        return true;
      }
      if (frame.image != null) {
        recorder.record(frame, pixelFormat);
        if (frames.incrementAndGet() == 1) {
          firstFrame.complete(null);
        }
      } else if (frame.samples != null) {
        recorder.record(frame);
      }
    }
    return false;
  }

  /** Stopping the recorder flushes the encoders and writes the index and duration: the file becomes seekable. */
  private static Throwable closeRecorder(FFmpegFrameRecorder recorder, Throwable error) {
    if (recorder == null) {
      return error;
    }
    try {
      recorder.close();
    } catch (Exception e) {
      if (error == null) {
        return e;
      }
      error.addSuppressed(e);
    }
    return error;
  }
}
