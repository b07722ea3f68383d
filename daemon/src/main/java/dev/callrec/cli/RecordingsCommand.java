package dev.callrec.cli;

import dev.callrec.proto.v1.ListRecordingsRequest;
import dev.callrec.proto.v1.Recording;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "recordings", mixinStandardHelpOptions = true,
    description = "List finished, interrupted and failed recordings, newest first.")
final class RecordingsCommand extends ClientCommand {
  @Option(names = "--limit", defaultValue = "0", paramLabel = "N", description = "Show at most this many (default: all).")
  int limit;

  @Override
  int run(DaemonClient client, PrintWriter out) {
    List<Recording> recordings = client.call(stub -> stub.listRecordings(
        ListRecordingsRequest.newBuilder().setLimit(Math.max(0, limit)).build())).getRecordingsList();
    if (recordings.isEmpty()) {
      out.println("No recordings yet.");
    }
    recordings.forEach(recording -> out.println(RecordingText.line(recording)));
    return ExitCodes.OK;
  }
}
