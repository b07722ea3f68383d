package dev.callrec.cli;

import dev.callrec.platform.autostart.Autostart;
import dev.callrec.platform.autostart.LaunchCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Changes only the desktop's list of programs to start at login, so it works whether the daemon runs or not. */
@Command(name = "autostart", mixinStandardHelpOptions = true,
    description = "Show whether callrec starts when you log in, or switch it on (enable) or off (disable). "
        + "The running daemon is left as it is.")
final class AutostartCommand implements Callable<Integer> {
  @Parameters(arity = "0..1", paramLabel = "enable|disable|status", defaultValue = "status",
      description = "What to do; status if omitted.")
  String action;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    String verb = action.toLowerCase(Locale.ROOT);
    if (!verb.equals("enable") && !verb.equals("disable") && !verb.equals("status")) {
      throw new ParameterException(spec.commandLine(), "Say enable, disable or status, not \"" + action + "\".");
    }
    Autostart autostart = Autostart.forThisMachine(LaunchCommand.forThisProcess());
    if (verb.equals("enable")) {
      autostart.enable();
    } else if (verb.equals("disable")) {
      autostart.disable();
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(autostart.enabled() ? "callrec starts at login (" + autostart.describe() + ")."
        : "callrec does not start at login.");
    out.flush();
    return ExitCodes.OK;
  }
}
