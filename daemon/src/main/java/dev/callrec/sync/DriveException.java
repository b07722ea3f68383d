package dev.callrec.sync;

/** A Drive operation failed; {@link #kind()} says whether retrying can help and what the user must do. */
public final class DriveException extends Exception {

  public enum Kind {
    /** The network, the server or a timeout: try again later. */
    TRANSIENT,
    /** The Drive refused the credentials (401, 403): the user must connect it again. */
    CREDENTIALS,
    /** The Drive is full (507) or over quota: the user must make room. */
    QUOTA,
    /** Anything else that will not change by itself: the local file is gone, a name is taken, a bad URL. */
    PERMANENT
  }

  private final Kind kind;

  public DriveException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public DriveException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  public boolean retryable() {
    return kind == Kind.TRANSIENT;
  }
}
