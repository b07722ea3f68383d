package dev.callrec.ipc;

import dev.callrec.platform.DaemonAlreadyRunningException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a socket path ready to serve on. A socket file left by a killed daemon is normal: if nobody answers on
 * it, it is taken over; if somebody does, another daemon runs.
 */
public final class SocketGuard {
  private static final Logger log = LoggerFactory.getLogger(SocketGuard.class);
  /** sun_path holds 108 bytes with the terminating NUL on Linux, 104 on macOS. */
  private static final int MAX_PATH_BYTES = 103;
  static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
  static final Set<PosixFilePermission> OWNER_ONLY_SOCKET = PosixFilePermissions.fromString("rw-------");

  private SocketGuard() {}

  public static void claim(Path socket) throws IOException {
    if (socket.toString().getBytes(StandardCharsets.UTF_8).length > MAX_PATH_BYTES) {
      throw new IOException("The socket path " + socket + " is too long for a Unix socket (at most "
          + MAX_PATH_BYTES + " bytes). Choose a shorter one with --socket or CALLREC_SOCKET.");
    }
    Path folder = socket.getParent();
    if (!Files.isDirectory(folder)) {
      Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
    }
    if (!Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    BasicFileAttributes attributes = Files.readAttributes(socket, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (!attributes.isOther()) {
      throw new IOException(socket + " exists and is not a socket. Remove it, or choose another path with --socket.");
    }
    if (isAnswering(socket)) {
      throw new DaemonAlreadyRunningException(socket);
    }
    log.info("Taking over the socket {} left by a daemon that is gone", socket);
    Files.delete(socket);
  }

  /** True if a process accepts connections on the socket. */
  public static boolean isAnswering(Path socket) {
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      channel.connect(UnixDomainSocketAddress.of(socket));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static void restrictToOwner(Path socket) throws IOException {
    Files.setPosixFilePermissions(socket, OWNER_ONLY_SOCKET);
  }
}
