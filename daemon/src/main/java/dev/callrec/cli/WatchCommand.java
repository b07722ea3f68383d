package dev.callrec.cli;

import dev.callrec.proto.v1.Event;
import dev.callrec.proto.v1.GetStatusRequest;
import dev.callrec.proto.v1.WatchEventsRequest;
import java.io.PrintWriter;
import java.util.Iterator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "watch", mixinStandardHelpOptions = true,
    description = "Print the daemon's events as they happen, until the daemon stops or Ctrl-C.")
final class WatchCommand extends ClientCommand {
  @Option(names = "--after", defaultValue = "-1", paramLabel = "ID",
      description = "Replay the events after this id that the daemon still holds; 0 replays all it holds "
          + "(default: only new events).")
  long afterEventId;

  @Override
  int run(DaemonClient client, PrintWriter out) {
    long after = afterEventId >= 0 ? afterEventId
        : client.call(stub -> stub.getStatus(GetStatusRequest.getDefaultInstance())).getLastEventId();
    Iterator<Event> events = client.stream(stub -> stub.watchEvents(
        WatchEventsRequest.newBuilder().setAfterEventId(after).build()));
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
