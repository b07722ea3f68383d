package dev.callrec.cli;

import dev.callrec.proto.v1.GetStatusRequest;
import dev.callrec.proto.v1.GetStatusResponse;
import dev.callrec.proto.v1.Recording;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Show what the daemon is recording. Exit code 3 if it is not running.")
final class StatusCommand extends ClientCommand {
  @Override
  int run(DaemonClient client, PrintWriter out) {
    GetStatusResponse status = client.call(stub -> stub.getStatus(GetStatusRequest.getDefaultInstance()));
    out.printf("callrec %s · recordings in %s%n", status.getVersion(), status.getRecordingsDir());
    out.println(PlanCommand.describe(status.getPlan(), status.getQuotaUsed(), status.getQuotaLimit()));
    if (status.getActiveCount() == 0) {
      out.println("Idle: nothing is being recorded.");
    }
    for (Recording recording : status.getActiveList()) {
      out.printf("● %s · %s · %s · call %s%n", RecordingText.state(recording.getState()),
          RecordingText.clock(recording.getElapsedMs()), RecordingText.fileName(recording), recording.getCallId());
    }
    return ExitCodes.OK;
  }
}
