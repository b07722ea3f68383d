package dev.callrec.media;

/** FFmpeg cannot work on this machine (a missing system library): no recording can start until it is fixed. */
public final class MediaUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MediaUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
