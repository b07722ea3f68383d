package dev.callrec.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A loopback TCP relay to a server that damages what clients send it, once: the byte at {@code offset} of
 * the first connection that sends that many bytes is flipped on its way, as a faulty network card or
 * middlebox would. Everything else passes through unchanged, both ways.
 */
public final class DamagingProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final URI target;
  private final long offset;
  private final AtomicBoolean damaged = new AtomicBoolean();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();

  private DamagingProxy(URI target, long offset) throws IOException {
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.target = target;
    this.offset = offset;
    Thread accepting = new Thread(this::accept, "damaging-proxy");
    accepting.setDaemon(true);
    accepting.start();
  }

  public static DamagingProxy to(URI target, long offset) throws IOException {
    return new DamagingProxy(target, offset);
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + listener.getLocalPort());
  }

  /** Whether the byte has been flipped yet. */
  public boolean damaged() {
    return damaged.get();
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket(target.getHost(), target.getPort());
        sockets.add(client);
        sockets.add(server);
        relay(client.getInputStream(), server.getOutputStream(), true, server);
        relay(server.getInputStream(), client.getOutputStream(), false, client);
      } catch (IOException e) {
        return;
      }
    }
  }

  private void relay(InputStream from, OutputStream to, boolean damaging, Socket toSocket) {
    Thread relay = new Thread(() -> {
      byte[] buffer = new byte[64 * 1024];
      long position = 0;
      try {
        for (int n; (n = from.read(buffer)) >= 0; position += n) {
          if (damaging && position <= offset && offset < position + n && damaged.compareAndSet(false, true)) {
            buffer[(int) (offset - position)] ^= 0x20;
          }
          to.write(buffer, 0, n);
          to.flush();
        }
        toSocket.shutdownOutput();
      } catch (IOException e) {
        // One side went away; closing the proxy closes the other.
      }
    }, "damaging-proxy-relay");
    relay.setDaemon(true);
    relay.start();
  }

  @Override
  public void close() throws IOException {
    listener.close();
    for (Socket socket : sockets) {
      socket.close();
    }
  }
}
