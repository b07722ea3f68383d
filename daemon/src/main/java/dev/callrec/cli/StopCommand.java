package dev.callrec.cli;

import dev.callrec.proto.v1.GetStatusRequest;
import dev.callrec.proto.v1.Recording;
import dev.callrec.proto.v1.StopRecordingRequest;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "stop", mixinStandardHelpOptions = true,
    description = "Stop recording and wait until the file is final. Without --call, stops every recording. "
        + "Exit code 4 if the call is not being recorded.")
final class StopCommand implements Callable<Integer> {
  @Mixin
  FolderOptions folderOptions;

  @Option(names = "--call", description = "The call whose recording to stop.")
  String callId;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (DaemonClient client = DaemonClient.connect(folderOptions.resolve())) {
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
}
