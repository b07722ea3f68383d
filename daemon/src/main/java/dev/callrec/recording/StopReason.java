package dev.callrec.recording;

/** Why a recording ends, which decides the state it ends in. */
enum StopReason {
  /** StopRecording, or the call ended: FINISHED. */
  USER(RecordingState.FINISHED),
  /** The daemon is closing: INTERRUPTED. */
  SHUTDOWN(RecordingState.INTERRUPTED),
  /** The disk is almost full: FAILED, with the file kept up to that point. */
  DISK_FULL(RecordingState.FAILED);

  private final RecordingState finalState;

  StopReason(RecordingState finalState) {
    this.finalState = finalState;
  }

  RecordingState finalState() {
    return finalState;
  }
}
