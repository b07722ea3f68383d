package dev.callrec.cli;

import dev.callrec.proto.v1.ListRecordingsRequest;
import dev.callrec.proto.v1.Recording;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "recordings", mixinStandardHelpOptions = true,
    description = "List finished, interrupted and failed recordings, newest first.")
final class RecordingsCommand implements Callable<Integer> {
  @Mixin
  FolderOptions folderOptions;

  @Option(names = "--limit", defaultValue = "0", description = "Show at most this many (default: all).")
  int limit;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (DaemonClient client = DaemonClient.connect(folderOptions.resolve())) {
      List<Recording> recordings = client.call(stub -> stub.listRecordings(
          ListRecordingsRequest.newBuilder().setLimit(Math.max(0, limit)).build())).getRecordingsList();
      if (recordings.isEmpty()) {
        out.println("No recordings yet.");
      }
      recordings.forEach(recording -> out.println(RecordingText.line(recording)));
      return ExitCodes.OK;
    }
  }
}
