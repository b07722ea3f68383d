package dev.callrec.cli;

import dev.callrec.proto.v1.Event;
import dev.callrec.proto.v1.WatchEventsRequest;
import java.io.PrintWriter;
import java.util.Iterator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "watch", mixinStandardHelpOptions = true,
    description = "Print the daemon's events as they happen, until the daemon stops or Ctrl-C.")
final class WatchCommand implements Callable<Integer> {
  @Mixin
  FolderOptions folderOptions;

  @Option(names = "--after", defaultValue = "0",
      description = "Replay the events after this id that the daemon still holds (default: only new events).")
  long afterEventId;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (DaemonClient client = DaemonClient.connect(folderOptions.resolve())) {
      Iterator<Event> events = client.stream(stub -> stub.watchEvents(
          WatchEventsRequest.newBuilder().setAfterEventId(afterEventId).build()));
      client.translate(() -> {
        events.forEachRemaining(event -> {
          out.println(RecordingText.event(event));
          out.flush();
        });
        return null;
      });
      out.println("The daemon stopped.");
      return ExitCodes.OK;
    }
  }
}
