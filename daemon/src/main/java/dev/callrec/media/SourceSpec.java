package dev.callrec.media;

import java.io.IOException;

/** What to capture; each kind knows how to open itself on this machine's devices. */
public sealed interface SourceSpec permits TestPatternSpec, ScreenSpec, WindowSpec {

  /** Opens and starts the source; frames can be grabbed from the returned grabber at once. */
  OpenedSource open(CaptureDevices devices) throws IOException;

  /** True if the source brings its own sound (the test pattern's tone) instead of the call's devices. */
  default boolean hasOwnAudio() {
    return false;
  }
}
