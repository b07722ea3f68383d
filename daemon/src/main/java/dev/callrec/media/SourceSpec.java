package dev.callrec.media;

/** What to capture; each kind knows how to open itself. */
public sealed interface SourceSpec permits TestPatternSpec {

  /** Opens and starts the source; frames can be grabbed from the returned grabber at once. */
  OpenedSource open() throws java.io.IOException;
}
