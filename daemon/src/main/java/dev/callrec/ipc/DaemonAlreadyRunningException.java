package dev.callrec.ipc;

import java.io.IOException;
import java.nio.file.Path;

/** Another daemon answers on the socket this one was to serve. */
public final class DaemonAlreadyRunningException extends IOException {
  private static final long serialVersionUID = 1L;

  public DaemonAlreadyRunningException(Path socket) {
    super("callrec is already running (it answers on " + socket + ").");
  }
}
