package dev.callrec.cli;

import dev.callrec.proto.v1.ConnectDriveRequest;
import dev.callrec.proto.v1.ConnectDriveResponse;
import dev.callrec.proto.v1.LocalFolderDrive;
import dev.callrec.proto.v1.S3Drive;
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
    subcommands = {DriveConnectCommand.WebDav.class, DriveConnectCommand.S3.class, DriveConnectCommand.Folder.class})
final class DriveConnectCommand implements Runnable {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Say which kind: webdav, s3 or folder.");
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
      String password = readSecret(this, "password", String.format("Password for %s at %s: ", user, url));
      return connected(client, out, ConnectDriveRequest.newBuilder()
          .setWebdav(WebDavDrive.newBuilder().setUrl(url).setUser(user).setPassword(password)).build());
    }
  }

  @Command(name = "s3", mixinStandardHelpOptions = true,
      description = "A bucket in S3-compatible object storage: AWS S3, MinIO, Ceph RGW. Recordings go to "
          + "<prefix>/Recorded video calls/ in it, and an interrupted upload resumes part by part. The secret key is "
          + "asked for (or read from standard input), never taken from the command line.")
  static final class S3 extends ClientCommand {
    @Option(names = "--endpoint", required = true, paramLabel = "URL",
        description = "The store's address, e.g. https://s3.eu-central-1.amazonaws.com or http://minio.example.com:9000")
    String endpoint;

    @Option(names = "--bucket", required = true, paramLabel = "BUCKET", description = "The bucket; it must exist.")
    String bucket;

    @Option(names = "--prefix", paramLabel = "PREFIX", defaultValue = "",
        description = "Where in the bucket, e.g. team/anna (default: the top of the bucket).")
    String prefix;

    @Option(names = "--region", paramLabel = "REGION", defaultValue = "",
        description = "The bucket's region (default: us-east-1, which MinIO and Ceph accept).")
    String region;

    @Option(names = "--access-key", required = true, paramLabel = "ID", description = "The access key id.")
    String accessKey;

    @Option(names = "--virtual-hosted", description = "Name the bucket in the host name (AWS's default) instead of "
        + "the path (what MinIO and Ceph expect).")
    boolean virtualHosted;

    @Override
    int run(DaemonClient client, PrintWriter out) {
      String secret = readSecret(this, "secret key", String.format("Secret key for %s at %s: ", accessKey, endpoint));
      return connected(client, out, ConnectDriveRequest.newBuilder().setS3(S3Drive.newBuilder()
          .setEndpoint(endpoint).setBucket(bucket).setPrefix(prefix).setRegion(region).setAccessKeyId(accessKey)
          .setSecretAccessKey(secret).setPathStyle(!virtualHosted)).build());
    }
  }

  /** A password or key, typed without echo at a console, or the first line of standard input otherwise. */
  static String readSecret(ClientCommand command, String what, String prompt) {
    Console console = System.console();
    if (console != null) {
      char[] typed = console.readPassword("%s", prompt);
      if (typed == null) {
        throw command.usage("No " + what + " was given.");
      }
      return new String(typed);
    }
    try {
      String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      if (line == null) {
        throw command.usage("No " + what + " on standard input: pipe it in, e.g. `pass show drive | callrec drive "
            + "connect …`.");
      }
      return line;
    } catch (IOException e) {
      throw command.usage("Cannot read the " + what + " from standard input: " + e.getMessage());
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
