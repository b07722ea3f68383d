package dev.callrec.recording;

import java.util.Set;

/** Where a recording is in its life. Each state names the states it may move to; any other move is a bug. */
public enum RecordingState {
  STARTING, RECORDING, FINALIZING, FINISHED, FAILED, INTERRUPTED;

  public boolean isFinal() {
    return next().isEmpty();
  }

  public RecordingState moveTo(RecordingState target) {
    if (!next().contains(target)) {
      throw new IllegalStateException("A recording cannot go from " + this + " to " + target);
    }
    return target;
  }

  private Set<RecordingState> next() {
    return switch (this) {
      case STARTING -> Set.of(RECORDING, FINALIZING);
      case RECORDING -> Set.of(FINALIZING);
      case FINALIZING -> Set.of(FINISHED, FAILED, INTERRUPTED);
      case FINISHED, FAILED, INTERRUPTED -> Set.of();
    };
  }
}
