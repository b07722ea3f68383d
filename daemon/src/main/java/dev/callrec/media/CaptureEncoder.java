package dev.callrec.media;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR0;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Captures a call into one WebM file on a thread of its own. That thread is the only one that touches the
 * video grabber and the recorder (FFmpeg's contexts are not thread-safe); sound devices are read on threads of
 * their own and mixed in here. Other threads read counters, switch the source or the view, and ask it to stop.
 */
public final class CaptureEncoder {
  private static final Logger log = LoggerFactory.getLogger(CaptureEncoder.class);
  /** Sound is mixed this far behind the picture, so that every device has delivered what belongs there. */
  private static final long AUDIO_LATENCY_NANOS = 150_000_000L;

  private final SourceSpec source;
  private final AudioPlan audioPlan;
  private final CaptureDevices devices;
  private final Path output;
  private final String threadName;
  private final Locale locale;
  private final Consumer<String> warnings;
  private final CompletableFuture<Void> firstFrame = new CompletableFuture<>();
  private final CompletableFuture<CaptureResult> finished = new CompletableFuture<>();
  private volatile long frames;
  private volatile long droppedFrames;
  private volatile long repeatedFrames;
  private volatile boolean chatView;
  private volatile boolean stopRequested;
  private SourceSpec pendingSource;
  private CompletableFuture<Void> pendingSwitch;

  public CaptureEncoder(SourceSpec source, AudioPlan audioPlan, CaptureDevices devices, Path output,
      String threadName, Locale locale, Consumer<String> warnings) {
    this.source = source;
    this.audioPlan = audioPlan;
    this.devices = devices;
    this.output = output;
    this.threadName = threadName;
    this.locale = locale;
    this.warnings = warnings;
  }

  public void start() {
    new Thread(this::run, threadName).start();
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

  /** From the next frame on, records the notice screen instead of the picture (true) or the picture again. */
  public void showNotice(boolean notice) {
    chatView = notice;
  }

  /**
   * Captures {@code next} from now on, in the same file; the timeline goes on without a gap. Completes once
   * the new source is open; fails, leaving the old source recording, if it cannot be opened.
   */
  public synchronized CompletableFuture<Void> switchTo(SourceSpec next) {
    if (pendingSwitch != null) {
      pendingSwitch.cancel(false);
    }
    pendingSource = next;
    pendingSwitch = new CompletableFuture<>();
    return pendingSwitch;
  }

  public long frames() {
    return frames;
  }

  public long droppedFrames() {
    return droppedFrames;
  }

  public long repeatedFrames() {
    return repeatedFrames;
  }

  private void run() {
    Throwable error = null;
    boolean sourceEnded = false;
    FFmpegFrameRecorder recorder = null;
    OpenedSource video = null;
    DeviceCapture device = null;
    AudioMixer mixer = new AudioMixer();
    try {
      video = source.open(devices);
      // A device is read from the moment it opens: x11grab keeps its rhythm from there, and pictures taken
      // while the encoder starts wait in the queue instead of arriving in a burst at the wrong phase.
      device = video.device() ? new DeviceCapture(video.grabber(), threadName) : null;
      EncoderSettings settings = EncoderSettings.forCall(even(video.grabber().getImageWidth()),
          even(video.grabber().getImageHeight()), video.frameRate(), AudioFormat.CHANNELS);
      recorder = WebmEncoder.create(output, settings);
      recorder.start();
      AudioInput tone = source.hasOwnAudio() ? AudioInput.fed("the test tone") : null;
      addSoundInputs(mixer, tone);
      Timeline timeline = new Timeline(new VideoCadence(video.frameRate()));
      Pictures pictures = new Pictures(recorder, settings, locale);
      while (!stopRequested) {
        OpenedSource current = switchIfAsked(video, device);
        if (current != video) {
          timeline.newSource(device);
          video = current;
          device = video.device() ? new DeviceCapture(video.grabber(), threadName) : null;
        }
        long now;
        int writes;
        if (device != null) {
          DeviceCapture.Picture picture = device.next(100);
          now = System.nanoTime();
          if (picture == null) {
            if (device.ended()) {
              error = device.failure();
              sourceEnded = error == null;
              break;
            }
            continue;
          }
          try {
            writes = timeline.writesAt(picture.captureNanos);
            for (int i = 0; i < writes; i++) {
              pictures.record(picture, device, chatView);
            }
          } finally {
            picture.release();
          }
        } else {
          Frame frame = video.grabber().grab();
          now = System.nanoTime();
          if (frame == null) {
            sourceEnded = true;
            break;
          }
          if (frame.samples != null && tone != null) {
            tone.accept((ShortBuffer) frame.samples[0], now);
          }
          if (frame.image == null) {
            continue;
          }
          writes = timeline.writesFor(frame.timestamp * 1000, now);
          for (int i = 0; i < writes; i++) {
            pictures.record(frame, video, chatView);
          }
        }
        VideoCadence cadence = timeline.cadence();
        frames = cadence.slotsWritten();
        droppedFrames = cadence.dropped() + timeline.overflowed(device);
        repeatedFrames = cadence.repeated();
        if (writes > 0) {
          firstFrame.complete(null);
        }
        writeSound(recorder, mixer, AudioFormat.samplesFor(now - AUDIO_LATENCY_NANOS - cadence.originNanos()),
            cadence.originNanos());
      }
      VideoCadence cadence = timeline.cadence();
      if (cadence.started()) {
        // Sound up to the end of the last picture, so both streams end together.
        writeSound(recorder, mixer, cadence.slotsWritten() * AudioFormat.SAMPLE_RATE / video.frameRate(),
            cadence.originNanos());
      }
    } catch (Exception | LinkageError e) {
      error = e;
    } finally {
      mixer.inputs().forEach(AudioInput::close);
      closeQuietly(device);
      close(video);
      error = closeRecorder(recorder, error);
      failPendingSwitch();
    }
    if (!firstFrame.isDone()) {
      firstFrame.completeExceptionally(error != null ? error : new IOException("The capture source delivered no picture."));
    }
    finished.complete(new CaptureResult(frames, error, sourceEnded));
  }

  /**
   * Places pictures on the file's timeline by the time they were taken (the time this loop gets to one varies
   * with how long the last one took to encode). Devices stamp pictures on our clock; a generated source's own
   * clock is tied to ours at its first picture.
   */
  private static final class Timeline {
    private final VideoCadence cadence;
    private long sourceClockOffset = Long.MIN_VALUE;
    private long overflowedBefore;

    Timeline(VideoCadence cadence) {
      this.cadence = cadence;
    }

    int writesAt(long nanoTime) {
      return cadence.writesFor(nanoTime);
    }

    int writesFor(long sourceNanos, long nowNanos) {
      if (sourceClockOffset == Long.MIN_VALUE) {
        sourceClockOffset = nowNanos - sourceNanos;
      }
      return cadence.writesFor(sourceNanos + sourceClockOffset);
    }

    /** A new source begins; {@code previous} is the device capture it replaces, if any. */
    void newSource(DeviceCapture previous) {
      sourceClockOffset = Long.MIN_VALUE;
      overflowedBefore += previous != null ? previous.overflowed() : 0;
    }

    long overflowed(DeviceCapture device) {
      return overflowedBefore + (device != null ? device.overflowed() : 0);
    }

    VideoCadence cadence() {
      return cadence;
    }
  }

  /**
   * Writes pictures to the recorder: the source's own, or the notice screen while a text chat is shown. The
   * notice is drawn beside the capture at the start (drawing text the first time takes a moment), so that
   * switching to it never holds a frame up.
   */
  private static final class Pictures {
    private final FFmpegFrameRecorder recorder;
    private final EncoderSettings settings;
    private final CompletableFuture<ByteBuffer> notice;

    Pictures(FFmpegFrameRecorder recorder, EncoderSettings settings, Locale locale) {
      this.recorder = recorder;
      this.settings = settings;
      this.notice = CompletableFuture
          .supplyAsync(() -> NoticeScreen.render(settings.width(), settings.height(), locale))
          .exceptionally(e -> {
            log.warn("Cannot draw the chat notice; recording a blank screen in its place", e);
            return NoticeScreen.blank(settings.width(), settings.height());
          });
    }

    void record(DeviceCapture.Picture picture, DeviceCapture device, boolean chatView) throws Exception {
      if (chatView) {
        recordNotice();
        return;
      }
      recorder.recordImage(device.width(), device.height(), Frame.DEPTH_UBYTE, 4, picture.size() / device.height(),
          device.pixelFormat(), picture.pixels());
    }

    void record(Frame frame, OpenedSource video, boolean chatView) throws Exception {
      if (chatView) {
        recordNotice();
      } else {
        recorder.record(frame, video.pixelFormatOf(frame));
      }
    }

    private void recordNotice() throws Exception {
      recorder.recordImage(settings.width(), settings.height(), Frame.DEPTH_UBYTE, 4, settings.width() * 4,
          AV_PIX_FMT_BGR0, notice.join());
    }
  }

  private void addSoundInputs(AudioMixer mixer, AudioInput tone) {
    if (tone != null) {
      mixer.add(tone);
      return;
    }
    if (audioPlan.silent()) {
      return;
    }
    mixer.add(AudioInput.device("the call's audio", devices.callAudio(audioPlan.callAudioDevice()), warnings));
    if (!audioPlan.microphoneOff()) {
      mixer.add(AudioInput.device("the microphone", devices.microphone(audioPlan.microphoneDevice()), warnings));
    }
  }

  private static void writeSound(FFmpegFrameRecorder recorder, AudioMixer mixer, long dueFrames, long originNanos)
      throws FFmpegFrameRecorder.Exception {
    ShortBuffer piece;
    while ((piece = mixer.mixUpTo(dueFrames, originNanos)) != null) {
      recorder.recordSamples(AudioFormat.SAMPLE_RATE, AudioFormat.CHANNELS, piece);
    }
  }

  /** Opens a newly asked-for source and closes the old one; if the new one fails, the old one goes on. */
  private OpenedSource switchIfAsked(OpenedSource current, DeviceCapture currentDevice) {
    SourceSpec next;
    CompletableFuture<Void> done;
    synchronized (this) {
      next = pendingSource;
      done = pendingSwitch;
      pendingSource = null;
      pendingSwitch = null;
    }
    if (next == null) {
      return current;
    }
    try {
      OpenedSource opened = next.open(devices);
      closeQuietly(currentDevice);
      close(current);
      done.complete(null);
      return opened;
    } catch (IOException | RuntimeException e) {
      done.completeExceptionally(e);
      return current;
    }
  }

  private synchronized void failPendingSwitch() {
    if (pendingSwitch != null) {
      pendingSwitch.completeExceptionally(new IOException("The recording ended before the source could be switched."));
      pendingSwitch = null;
    }
  }

  private static void closeQuietly(DeviceCapture device) {
    if (device == null) {
      return;
    }
    try {
      device.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int even(int size) {
    return size & ~1;
  }

  private static void close(OpenedSource video) {
    if (video == null) {
      return;
    }
    try {
      video.close();
    } catch (Exception e) {
      log.debug("Closing the capture source failed", e);
    }
  }

  /** Stopping the recorder flushes the encoders and writes the trailer. */
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
