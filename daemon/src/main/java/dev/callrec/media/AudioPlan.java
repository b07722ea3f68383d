package dev.callrec.media;

/** Which sound devices a recording mixes; empty device names mean the platform's defaults. */
public record AudioPlan(boolean silent, String callAudioDevice, String microphoneDevice, boolean microphoneOff) {

  public static AudioPlan defaults() {
    return new AudioPlan(false, "", "", false);
  }
}
