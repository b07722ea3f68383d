package dev.callrec.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ShortBuffer;
import org.junit.jupiter.api.Test;

class AudioMixerTest {
  private static final long ORIGIN = 1_000_000_000L;

  /** {@code frames} stereo sample frames of one constant value. */
  private static ShortBuffer constant(int frames, short value) {
    short[] samples = new short[frames * AudioFormat.CHANNELS];
    java.util.Arrays.fill(samples, value);
    return ShortBuffer.wrap(samples);
  }

  private static short[] mix(AudioMixer mixer, long dueFrames) {
    ShortBuffer piece = mixer.mixUpTo(dueFrames, ORIGIN);
    short[] out = new short[piece.remaining()];
    piece.get(out);
    return out;
  }

  @Test
  void placesAnInputWhereItWasHeardAndAddsInputsTogether() {
    AudioMixer mixer = new AudioMixer();
    AudioInput early = AudioInput.fed("early");
    AudioInput late = AudioInput.fed("late");
    mixer.add(early);
    mixer.add(late);
    // "early" heard its 960 frames (20 ms) ending at the origin + 20 ms: it starts at frame 0.
    early.accept(constant(960, (short) 100), ORIGIN + 20_000_000L);
    // "late" heard 480 frames ending at origin + 20 ms: it starts at frame 480.
    late.accept(constant(480, (short) 1000), ORIGIN + 20_000_000L);

    short[] out = mix(mixer, 960);
    assertThat(out).hasSize(960 * 2);
    assertThat(out[0]).isEqualTo((short) 100);
    assertThat(out[479 * 2]).isEqualTo((short) 100);
    assertThat(out[480 * 2]).isEqualTo((short) 1100);
    assertThat(out[959 * 2 + 1]).isEqualTo((short) 1100);
  }

  @Test
  void fillsWhatAnInputFailedToDeliverWithSilenceAndKeepsItsTimeline() {
    AudioMixer mixer = new AudioMixer();
    AudioInput input = AudioInput.fed("device");
    mixer.add(input);
    input.accept(constant(480, (short) 7), ORIGIN + 10_000_000L);

    short[] first = mix(mixer, 960);
    assertThat(first[479 * 2]).isEqualTo((short) 7);
    assertThat(first[480 * 2]).as("not delivered in time: silence").isZero();
    // The late 480 frames arrive, then 480 new ones: the late ones are skipped, the new ones are next.
    input.accept(constant(480, (short) 8), ORIGIN + 20_000_000L);
    input.accept(constant(480, (short) 9), ORIGIN + 30_000_000L);
    short[] second = mix(mixer, 1440);
    assertThat(second).hasSize(480 * 2);
    assertThat(second[0]).isEqualTo((short) 9);
  }

  @Test
  void clipsInsteadOfWrappingAround() {
    AudioMixer mixer = new AudioMixer();
    AudioInput a = AudioInput.fed("a");
    AudioInput b = AudioInput.fed("b");
    mixer.add(a);
    mixer.add(b);
    a.accept(constant(48, (short) 30_000), ORIGIN + 1_000_000L);
    b.accept(constant(48, (short) 30_000), ORIGIN + 1_000_000L);
    assertThat(mix(mixer, 48)[0]).isEqualTo(Short.MAX_VALUE);
  }

  @Test
  void withoutInputsTheSoundIsSilence() {
    AudioMixer mixer = new AudioMixer();
    assertThat(mix(mixer, 4800)).containsOnly((short) 0);
    assertThat(mixer.mixUpTo(4800, ORIGIN)).isNull();
  }
}
