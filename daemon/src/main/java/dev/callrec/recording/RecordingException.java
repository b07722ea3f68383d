package dev.callrec.recording;

/** A request the recording side refuses, with a message a UI can show as it is. */
public final class RecordingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The kinds of refusal; the IPC layer maps each to one status code. */
  public enum Problem {
    INVALID_REQUEST,
    ALREADY_RECORDING,
    UNKNOWN_CALL,
    CAPTURE_FAILED,
    SHUTTING_DOWN,
    DISK_FULL,
    /** Another participant records the call. */
    SOMEONE_ELSE_RECORDS,
    /** The free plan's calls are used up. */
    QUOTA_USED
  }

  private final Problem problem;

  public RecordingException(Problem problem, String message) {
    this(problem, message, null);
  }

  public RecordingException(Problem problem, String message, Throwable cause) {
    super(message, cause);
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }
}
