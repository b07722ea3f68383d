package dev.callrec.cli;

import picocli.CommandLine;

/** The `callrec` executable. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs one command line and returns its exit code; the process is left alone (for tests). */
  public static int execute(String... args) {
    System.setProperty("org.bytedeco.javacpp.logger", "slf4j");
    // Media buffers live outside the (deliberately small) heap; JavaCPP must not count them against it.
    System.setProperty("org.bytedeco.javacpp.maxPhysicalBytes", "0");
    return new CommandLine(new CallrecCommand())
        .setExecutionExceptionHandler(new ErrorReporter())
        .execute(args);
  }
}
