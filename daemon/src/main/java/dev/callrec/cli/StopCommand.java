package dev.callrec.cli;

import dev.callrec.proto.v1.GetStatusRequest;
import dev.callrec.proto.v1.Recording;
import dev.callrec.proto.v1.StopRecordingRequest;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "stop", mixinStandardHelpOptions = true,
    description = "Stop recording and wait until the file is final. Without --call, stops every recording. "
        + "Exit code 4 if the call is not being recorded.")
final class StopCommand extends ClientCommand {
  @Option(names = "--call", paramLabel = "ID", description = "The call whose recording to stop.")
  String callId;

  @Override
  int run(DaemonClient client, PrintWriter out) {
    List<String> calls = callId != null
        ? List.of(callId)
        : client.call(stub -> stub.getStatus(GetStatusRequest.getDefaultInstance())).getActiveList().stream()
            .map(Recording::getCallId).distinct().toList();
    if (calls.isEmpty()) {
      out.println("Nothing is being recorded.");
    }
    for (String call : calls) {
      Recording recording = client.call(stub -> stub.stopRecording(
          StopRecordingRequest.newBuilder().setCallId(call).build())).getRecording();
      out.println(RecordingText.summary(recording));
    }
    return ExitCodes.OK;
  }
}
