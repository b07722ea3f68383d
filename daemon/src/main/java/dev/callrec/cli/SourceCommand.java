package dev.callrec.cli;

import dev.callrec.proto.v1.SetCaptureSourceRequest;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "source", mixinStandardHelpOptions = true,
    description = "Switch what a running recording captures (e.g. the user starts sharing their screen). "
        + "The file goes on without a gap.")
final class SourceCommand extends ClientCommand {
  @Mixin
  SourceOptions source;

  @Option(names = "--call", paramLabel = "ID", description = "The call (default: the one being recorded).")
  String callId;

  @Override
  void validate() {
    source.check(spec.commandLine());
  }

  @Override
  int run(DaemonClient client, PrintWriter out) {
    String call = callOrOnlyRecording(client, callId);
    client.call(stub -> stub.setCaptureSource(SetCaptureSourceRequest.newBuilder()
        .setCallId(call).setSource(source.toProto()).build()));
    out.println("Now recording " + describe() + " (call " + call + ").");
    return ExitCodes.OK;
  }

  private String describe() {
    if (source.window != null) {
      return "window " + source.window;
    }
    return source.screen != null ? "the screen" : "the test pattern";
  }
}
