package dev.callrec.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that talks to the running daemon: it connects, does its part, and disconnects. */
abstract class ClientCommand implements Callable<Integer> {
  @Mixin
  FolderOptions folderOptions;

  @Spec
  CommandSpec spec;

  @Override
  public final Integer call() {
    validate();
    try (DaemonClient client = DaemonClient.connect(folderOptions.resolve())) {
      PrintWriter out = spec.commandLine().getOut();
      int exitCode = run(client, out);
      out.flush();
      return exitCode;
    }
  }

  /** Checks the options before anything is sent; throw a ParameterException for bad usage. */
  void validate() {}

  abstract int run(DaemonClient client, PrintWriter out);

  picocli.CommandLine.ParameterException usage(String message) {
    return new picocli.CommandLine.ParameterException(spec.commandLine(), message);
  }
}
