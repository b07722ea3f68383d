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
    AudioMixer mixer = new AudioMixer();
    try {
      video = source.open(devices);
      EncoderSettings settings = EncoderSettings.forCall(even(video.grabber().getImageWidth()),
          even(video.grabber().getImageHeight()), video.frameRate(), AudioFormat.CHANNELS);
      recorder = WebmEncoder.create(output, settings);
      recorder.start();
      AudioInput tone = source.hasOwnAudio() ? AudioInput.fed("the test tone") : null;
      addSoundInputs(mixer, tone);
      VideoCadence cadence = new VideoCadence(video.frameRate());
      ByteBuffer notice = null;
      while (!stopRequested) {
        video = switchIfAsked(video);
        Frame frame = video.grabber().grab();
        long now = System.nanoTime();
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
        int writes = cadence.writesFor(now);
        for (int i = 0; i < writes; i++) {
          if (chatView) {
            notice = notice != null ? notice : NoticeScreen.render(settings.width(), settings.height(), locale);
            recorder.recordImage(settings.width(), settings.height(), Frame.DEPTH_UBYTE, 4, settings.width() * 4,
                AV_PIX_FMT_BGR0, notice);
          } else {
            recorder.record(frame, video.grabber().getPixelFormat());
          }
        }
        frames = cadence.slotsWritten();
        droppedFrames = cadence.dropped();
        repeatedFrames = cadence.repeated();
        if (writes > 0) {
          firstFrame.complete(null);
        }
        writeSound(recorder, mixer, AudioFormat.samplesFor(now - AUDIO_LATENCY_NANOS - cadence.originNanos()),
            cadence.originNanos());
      }
      if (cadence.started()) {
        // Sound up to the end of the last picture, so both streams end together.
        writeSound(recorder, mixer, cadence.slotsWritten() * AudioFormat.SAMPLE_RATE / video.frameRate(),
            cadence.originNanos());
      }
    } catch (Exception | LinkageError e) {
      error = e;
    } finally {
      mixer.inputs().forEach(AudioInput::close);
      error = close(video, error);
      error = closeRecorder(recorder, error);
      failPendingSwitch();
    }
    if (!firstFrame.isDone()) {
      firstFrame.completeExceptionally(error != null ? error : new IOException("The capture source delivered no picture."));
    }
    finished.complete(new CaptureResult(frames, droppedFrames, error, sourceEnded));
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
  private OpenedSource switchIfAsked(OpenedSource current) {
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
      close(current, null);
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

  private static int even(int size) {
    return size & ~1;
  }

  private static Throwable close(OpenedSource video, Throwable error) {
    if (video == null) {
      return error;
    }
    try {
      video.close();
    } catch (Exception e) {
      log.debug("Closing the capture source failed", e);
    }
    return error;
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
