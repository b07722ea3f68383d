package dev.callrec.cli;

import dev.callrec.proto.v1.ConnectDriveRequest;
import dev.callrec.proto.v1.ConnectDriveResponse;
import dev.callrec.proto.v1.LocalFolderDrive;
import dev.callrec.proto.v1.WebDavDrive;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "connect", mixinStandardHelpOptions = true,
    description = "Connect the Drive recordings are synced to. The daemon checks it can write there first.",
    subcommands = {DriveConnectCommand.WebDav.class, DriveConnectCommand.Folder.class})
final class DriveConnectCommand implements Runnable {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Say which kind: webdav or folder.");
  }

  static int connected(DaemonClient client, PrintWriter out, ConnectDriveRequest request) {
    ConnectDriveResponse response = client.call(stub -> stub.connectDrive(request));
    out.println("Connected " + response.getDrive().getDescription()
        + ". Recordings waiting on this computer are synced now.");
    return ExitCodes.OK;
  }

  @Command(name = "webdav", mixinStandardHelpOptions = true,
      description = "A WebDAV folder: Nextcloud, ownCloud, Bitrix24 Drive or any RFC 4918 server. The password is "
          + "asked for (or read from standard input), never taken from the command line.")
  static final class WebDav extends ClientCommand {
    @Option(names = "--url", required = true, paramLabel = "URL",
        description = "The WebDAV folder, e.g. https://cloud.example.com/remote.php/dav/files/anna/")
    String url;

    @Option(names = "--user", required = true, paramLabel = "NAME", description = "The user name on the server.")
    String user;

    @Override
    int run(DaemonClient client, PrintWriter out) {
      String password = readPassword(out);
      return connected(client, out, ConnectDriveRequest.newBuilder()
          .setWebdav(WebDavDrive.newBuilder().setUrl(url).setUser(user).setPassword(password)).build());
    }

    private String readPassword(PrintWriter out) {
      Console console = System.console();
      if (console != null) {
        char[] typed = console.readPassword("Password for %s at %s: ", user, url);
        if (typed == null) {
          throw usage("No password was given.");
        }
        return new String(typed);
      }
      try {
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null) {
          throw usage("No password on standard input: pipe it in, e.g. `pass show drive | callrec drive connect …`.");
        }
        return line;
      } catch (IOException e) {
        throw usage("Cannot read the password from standard input: " + e.getMessage());
      }
    }
  }

  @Command(name = "folder", mixinStandardHelpOptions = true,
      description = "A folder on this computer, such as one a desktop Drive client keeps in sync.")
  static final class Folder extends ClientCommand {
    @Option(names = "--path", required = true, paramLabel = "DIR", description = "The folder.")
    Path path;

    @Override
    int run(DaemonClient client, PrintWriter out) {
      return connected(client, out, ConnectDriveRequest.newBuilder()
          .setLocalFolder(LocalFolderDrive.newBuilder().setPath(path.toAbsolutePath().normalize().toString())).build());
    }
  }
}
