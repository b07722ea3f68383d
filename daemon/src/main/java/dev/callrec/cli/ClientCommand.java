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

  /** The given call, or the one recording running when none is given. */
  String callOrOnlyRecording(DaemonClient client, String callId) {
    if (callId != null) {
      return callId;
    }
    java.util.List<String> running = client.call(stub -> stub.getStatus(
        dev.callrec.proto.v1.GetStatusRequest.getDefaultInstance())).getActiveList().stream()
        .map(dev.callrec.proto.v1.Recording::getCallId).distinct().toList();
    if (running.size() != 1) {
      throw usage(running.isEmpty() ? "Nothing is being recorded." : "Several calls are being recorded; name one with --call.");
    }
    return running.get(0);
  }

  picocli.CommandLine.ParameterException usage(String message) {
    return new picocli.CommandLine.ParameterException(spec.commandLine(), message);
  }
}
