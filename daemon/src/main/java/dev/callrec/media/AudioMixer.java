package dev.callrec.media;

import java.nio.ShortBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Mixes the recording's sound inputs onto one timeline that starts with the first video frame. Each input's
 * samples are placed at the time they were heard; an input that is late, silent or gone contributes silence,
 * so sound and picture stay together whatever a device does.
 */
final class AudioMixer {
  /** Largest piece mixed at once: 100 ms. */
  private static final int MAX_FRAMES = AudioFormat.SAMPLE_RATE / 10;
  /** An input further ahead than this has a clock running fast; its oldest samples are dropped. */
  private static final long MAX_BACKLOG_FRAMES = AudioFormat.SAMPLE_RATE / 2;

  private final List<Track> tracks = new ArrayList<>();
  private final short[] mix = new short[MAX_FRAMES * AudioFormat.CHANNELS];
  private final short[] scratch = new short[MAX_FRAMES * AudioFormat.CHANNELS];
  private long mixedFrames;

  private static final class Track {
    final AudioInput input;
    boolean aligned;
    /** Samples that were due but had not arrived: silence stood in for them, so they are skipped when they come. */
    long deficit;

    Track(AudioInput input) {
      this.input = input;
    }
  }

  void add(AudioInput input) {
    tracks.add(new Track(input));
  }

  List<AudioInput> inputs() {
    return tracks.stream().map(t -> t.input).toList();
  }

  /**
   * The next piece of the mix, up to sample frame {@code dueFrames} of the timeline whose frame 0 is at
   * {@code originNanos}; null when nothing is due.
   */
  ShortBuffer mixUpTo(long dueFrames, long originNanos) {
    int frames = (int) Math.min(MAX_FRAMES, dueFrames - mixedFrames);
    if (frames <= 0) {
      return null;
    }
    int length = frames * AudioFormat.CHANNELS;
    java.util.Arrays.fill(mix, 0, length, (short) 0);
    for (Track track : tracks) {
      addTrack(track, frames, originNanos);
    }
    mixedFrames += frames;
    return ShortBuffer.wrap(mix, 0, length);
  }

  long mixedFrames() {
    return mixedFrames;
  }

  private void addTrack(Track track, int frames, long originNanos) {
    long first = track.input.firstSampleNanos();
    if (first < 0) {
      return; // nothing heard yet: silence
    }
    SampleRing ring = track.input.samples();
    int offsetFrames = 0;
    if (!track.aligned) {
      long startFrame = AudioFormat.samplesFor(first - originNanos);
      if (startFrame > mixedFrames + frames) {
        return; // its first sample belongs later on the timeline
      }
      if (startFrame < mixedFrames) {
        ring.skip((int) (mixedFrames - startFrame) * AudioFormat.CHANNELS); // heard before the picture began
      } else {
        offsetFrames = (int) (startFrame - mixedFrames);
      }
      track.aligned = true;
    }
    if (track.deficit > 0) {
      int late = (int) Math.min(track.deficit, ring.available());
      ring.skip(late);
      track.deficit -= late;
    }
    long backlog = ring.available() / AudioFormat.CHANNELS - frames;
    if (backlog > MAX_BACKLOG_FRAMES) {
      ring.skip((int) (backlog - MAX_BACKLOG_FRAMES / 2) * AudioFormat.CHANNELS);
    }
    int wanted = (frames - offsetFrames) * AudioFormat.CHANNELS;
    int got = ring.read(scratch, wanted);
    track.deficit += wanted - got;
    int base = offsetFrames * AudioFormat.CHANNELS;
    for (int i = 0; i < got; i++) {
      int sum = mix[base + i] + scratch[i];
      mix[base + i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, sum));
    }
  }
}
