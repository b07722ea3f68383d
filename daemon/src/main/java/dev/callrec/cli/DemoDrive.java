package dev.callrec.cli;

import dev.callrec.proto.v1.ConnectDriveRequest;
import dev.callrec.proto.v1.DisconnectDriveRequest;
import dev.callrec.proto.v1.GetDriveRequest;
import dev.callrec.proto.v1.LocalFolderDrive;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Drive the demo syncs to: the user's own if one is connected, else a folder of callrec's own, connected
 * for the demo only.
 */
final class DemoDrive {
  private final boolean connectedForDemo;

  private DemoDrive(boolean connectedForDemo) {
    this.connectedForDemo = connectedForDemo;
  }

  static DemoDrive connectIfNone(DaemonClient client, Path folder, PrintWriter out) {
    if (client.call(stub -> stub.getDrive(GetDriveRequest.getDefaultInstance())).hasDrive()) {
      return new DemoDrive(false);
    }
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot make the demo's Drive folder " + folder, e);
    }
    client.call(stub -> stub.connectDrive(ConnectDriveRequest.newBuilder()
        .setLocalFolder(LocalFolderDrive.newBuilder().setPath(folder.toAbsolutePath().toString())).build()));
    out.println("No Drive is connected, so the demo syncs to the folder " + folder
        + " (connect yours with `callrec drive connect`).");
    return new DemoDrive(true);
  }

  void disconnectIfConnected(DaemonClient client) {
    if (connectedForDemo) {
      client.call(stub -> stub.disconnectDrive(DisconnectDriveRequest.getDefaultInstance()));
    }
  }
}
