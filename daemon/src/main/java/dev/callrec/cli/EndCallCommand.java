package dev.callrec.cli;

import dev.callrec.proto.v1.EndCallRequest;
import dev.callrec.proto.v1.Recording;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "end-call", mixinStandardHelpOptions = true,
    description = "The call ended: stop its recording, if one runs, and wait until the file is final.")
final class EndCallCommand extends ClientCommand {
  @Option(names = "--call", required = true, paramLabel = "ID", description = "The call that ended.")
  String callId;

  @Override
  int run(DaemonClient client, PrintWriter out) {
    List<Recording> ended = client.call(stub -> stub.endCall(EndCallRequest.newBuilder().setCallId(callId).build()))
        .getRecordingsList();
    if (ended.isEmpty()) {
      out.println("The call was not being recorded.");
    }
    ended.forEach(recording -> out.println(RecordingText.summary(recording)));
    return ExitCodes.OK;
  }
}
