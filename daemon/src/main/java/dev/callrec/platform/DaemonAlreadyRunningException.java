package dev.callrec.platform;

import java.io.IOException;
import java.nio.file.Path;

/** Another daemon of this user runs already. */
public final class DaemonAlreadyRunningException extends IOException {
  private static final long serialVersionUID = 1L;

  /** It holds the instance lock; {@code pid} 0 if it could not be read. */
  public DaemonAlreadyRunningException(long pid) {
    super(pid > 0 ? "callrec is already running (pid " + pid + ")." : "callrec is already running.");
  }

  /** It answers on the socket this one was to serve. */
  public DaemonAlreadyRunningException(Path socket) {
    super("callrec is already running (it answers on " + socket + ").");
  }
}
