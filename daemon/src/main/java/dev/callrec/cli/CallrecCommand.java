package dev.callrec.cli;

import dev.callrec.CallrecVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

@Command(name = "callrec", mixinStandardHelpOptions = true, versionProvider = CallrecCommand.Version.class,
    description = "Records desktop video calls. `callrec run` is the daemon; the other commands talk to it.",
    subcommands = {RunCommand.class, DemoCommand.class, StartCommand.class, StopCommand.class,
        StatusCommand.class, ViewCommand.class, SourceCommand.class, WatchCommand.class, RecordingsCommand.class,
        EndCallCommand.class, InviteCommand.class, PlanCommand.class, DriveCommand.class, QueueCommand.class,
        PromptsCommand.class, AutostartCommand.class},
    footer = {"", "Exit codes: 0 ok, 1 failure, 2 bad usage, 3 daemon not running, 4 no such call,",
        "5 already recording / already running, 6 permission denied."})
final class CallrecCommand implements Runnable {

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"callrec " + CallrecVersion.get()};
    }
  }
}
