package dev.callrec.cli;

import dev.callrec.proto.v1.SetViewRequest;
import dev.callrec.proto.v1.View;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "view", mixinStandardHelpOptions = true,
    description = "Tell the daemon what the user looks at: \"chat\" records a notice instead of the picture "
        + "(text chats are never recorded), \"call\" records the call again.")
final class ViewCommand extends ClientCommand {
  enum Shown { chat, call }

  @Parameters(paramLabel = "chat|call", description = "What the user looks at now.")
  Shown shown;

  @Option(names = "--call", paramLabel = "ID", description = "The call (default: the one being recorded).")
  String callId;

  @Override
  int run(DaemonClient client, PrintWriter out) {
    String call = callOrOnlyRecording(client, callId);
    client.call(stub -> stub.setView(SetViewRequest.newBuilder()
        .setCallId(call).setView(shown == Shown.chat ? View.VIEW_CHAT : View.VIEW_CALL).build()));
    out.println(shown == Shown.chat
        ? "Recording the notice screen instead of the picture (call " + call + ")."
        : "Recording the call again (call " + call + ").");
    return ExitCodes.OK;
  }
}
