package dev.callrec.cli;

import dev.callrec.platform.FileOpener;
import dev.callrec.platform.OperatingSystem;
import dev.callrec.platform.autostart.Autostart;
import dev.callrec.platform.autostart.LaunchCommand;
import dev.callrec.tray.DaemonTrayActions;
import dev.callrec.tray.Tray;
import java.util.Optional;
import dev.callrec.Daemon;
import dev.callrec.DaemonConfig;
import dev.callrec.platform.Folders;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run the daemon in the foreground until Ctrl-C or SIGTERM, which stop running recordings cleanly.")
final class RunCommand implements Callable<Integer> {
  @Mixin
  FolderOptions folderOptions;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Folders folders = folderOptions.resolve();
    Path log = DaemonLogging.toFile(folders.logDir());
    Daemon daemon = Daemon.start(DaemonConfig.forCurrentUser(folders));
    Runtime.getRuntime().addShutdownHook(new Thread(daemon::close, "callrec-shutdown"));
    Optional<AutoCloseable> tray = Tray.show(new DaemonTrayActions(daemon.recordings(), daemon.sync(),
        folders.recordingsDir(), new FileOpener(OperatingSystem.current()),
        Autostart.forThisMachine(LaunchCommand.forThisProcess()), () -> new Thread(daemon::close, "quit").start()));
    PrintWriter out = spec.commandLine().getOut();
    out.printf("callrec is running.%n  socket:     %s%n  recordings: %s%n  log:        %s%nStop it with Ctrl-C.%n",
        folders.socket(), folders.recordingsDir(), log);
    out.flush();
    daemon.awaitStop();
    if (tray.isPresent()) {
      tray.get().close();
    }
    return ExitCodes.OK;
  }
}
