package dev.callrec.cli;

/** Exit codes scripts can rely on; the README lists them. */
final class ExitCodes {
  static final int OK = 0;
  static final int FAILURE = 1;
  static final int USAGE = 2;
  static final int NOT_RUNNING = 3;
  static final int NOT_FOUND = 4;
  static final int CONFLICT = 5;
  static final int DENIED = 6;

  private ExitCodes() {}
}
