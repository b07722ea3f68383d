package dev.callrec.cli;

import dev.callrec.proto.v1.DisconnectDriveRequest;
import dev.callrec.proto.v1.GetDriveRequest;
import dev.callrec.proto.v1.GetDriveResponse;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

@Command(name = "drive", mixinStandardHelpOptions = true,
    description = "Show the Drive recordings are synced to (\"My Drive / Recorded video calls\").",
    subcommands = {DriveConnectCommand.class, DriveCommand.Disconnect.class})
final class DriveCommand extends ClientCommand {

  @Override
  int run(DaemonClient client, PrintWriter out) {
    GetDriveResponse drive = client.call(stub -> stub.getDrive(GetDriveRequest.getDefaultInstance()));
    out.println(drive.hasDrive() ? "Connected: " + drive.getDrive().getDescription()
        : "No Drive is connected. Connect one with: callrec drive connect webdav --url URL --user NAME");
    return ExitCodes.OK;
  }

  @Command(name = "disconnect", mixinStandardHelpOptions = true,
      description = "Forget the Drive and its password. Recordings wait on this computer until another is connected.")
  static final class Disconnect extends ClientCommand {
    @Override
    int run(DaemonClient client, PrintWriter out) {
      client.call(stub -> stub.disconnectDrive(DisconnectDriveRequest.getDefaultInstance()));
      out.println("The Drive is disconnected.");
      return ExitCodes.OK;
    }
  }
}
