package dev.callrec.cli;

import dev.callrec.platform.FolderOverrides;
import dev.callrec.platform.FolderResolver;
import dev.callrec.platform.Folders;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The folder flags every command takes, so that the daemon and its clients agree on the socket. */
final class FolderOptions {
  @Option(names = "--recordings-dir", paramLabel = "DIR",
      description = "Folder the recordings are saved in (env CALLREC_RECORDINGS_DIR). "
          + "Default: the Videos folder's \"Recorded video calls\".")
  Path recordingsDir;

  @Option(names = "--state-dir", paramLabel = "DIR",
      description = "Folder for callrec's config file and logs (env CALLREC_STATE_DIR). "
          + "Default: $XDG_STATE_HOME/callrec.")
  Path stateDir;

  @Option(names = "--socket", paramLabel = "PATH",
      description = "The daemon's Unix socket (env CALLREC_SOCKET). Default: $XDG_RUNTIME_DIR/callrec/callrec.sock.")
  Path socket;

  Folders resolve() {
    return FolderResolver.forThisUser().resolve(new FolderOverrides(recordingsDir, stateDir, socket));
  }
}
