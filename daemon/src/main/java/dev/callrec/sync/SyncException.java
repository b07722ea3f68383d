package dev.callrec.sync;

/** A sync request the daemon refuses, with a message a UI can show as it is. */
public final class SyncException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The kinds of refusal; the IPC layer maps each to one status code. */
  public enum Problem {
    INVALID_REQUEST,
    NOT_FOUND,
    /** The request cannot apply now (a Drive refused, an upload is already done). */
    REFUSED,
    /** A server could not be reached; trying later may work. */
    UNREACHABLE
  }

  private final Problem problem;

  public SyncException(Problem problem, String message) {
    this(problem, message, null);
  }

  public SyncException(Problem problem, String message, Throwable cause) {
    super(message, cause);
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }
}
