package dev.callrec.cli;

import java.nio.file.Path;

/** Nothing answers on the socket a client command was pointed at. */
final class DaemonNotRunningException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  DaemonNotRunningException(Path socket) {
    super("callrec is not running (nothing answers on " + socket + "). Start it with `callrec run`.");
  }
}
