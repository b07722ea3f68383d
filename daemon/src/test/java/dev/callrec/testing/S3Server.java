package dev.callrec.testing;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.gaul.s3proxy.AccessGrant;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * A real S3 API server in the test's JVM: s3proxy with its filesystem backend in a folder of the test's own, on
 * a free loopback port, with one bucket and one access key. It can be stopped and started again on the same
 * port with the same data, like a store that restarts. It counts the requests that reached it (every one with
 * a signature, right or wrong) and the body bytes it read into objects and parts, finished or not, so a test
 * can tell what an upload sent again.
 */
public final class S3Server implements AutoCloseable {
  public static final String BUCKET = "recordings";
  public static final String ACCESS_KEY = "callrec-test-key";
  public static final String SECRET_KEY = "callrec-test-secret-0123456789";

  private final Path dataDir;
  private final int port;
  private final CountingBlobStore store;
  private final AtomicInteger requests = new AtomicInteger();
  private S3Proxy proxy;

  private S3Server(Path dataDir, int port) {
    this.dataDir = dataDir;
    this.port = port;
    this.store = new CountingBlobStore(new FilesystemNio2BlobStore(dataDir.toString()));
  }

  public static S3Server start(Path workDir) throws Exception {
    Path dataDir = Files.createDirectories(workDir.toAbsolutePath().resolve("s3"));
    S3Server server = new S3Server(dataDir, freePort());
    server.store.createContainer(BUCKET);
    server.start();
    return server;
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  public synchronized void start() throws Exception {
    if (proxy != null) {
      return;
    }
    S3Proxy started = S3Proxy.builder()
        .blobStore(store)
        .endpoint(endpoint())
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
        .build();
    started.setBlobStoreLocator((identity, container, blob) -> {
      requests.incrementAndGet();
      return ACCESS_KEY.equals(identity) ? new AccessGrant(SECRET_KEY, store) : null;
    });
    started.start();
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!"STARTED".equals(started.getState())) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("s3proxy did not start: " + started.getState());
      }
      Thread.sleep(10);
    }
    proxy = started;
  }

  /** Stops serving: connections are refused until {@link #start()}; what was stored stays. */
  public synchronized void stop() throws Exception {
    if (proxy != null) {
      proxy.stop();
      proxy = null;
    }
  }

  /** Requests that reached the server with a signature, since it was made. */
  public int requests() {
    return requests.get();
  }

  /** Body bytes read into objects and parts, including parts cut off half way. */
  public long bytesReceived() {
    return store.bytesReceived.get();
  }

  /** The keys in the bucket, in order, without the stubs s3proxy keeps for its unfinished multipart uploads. */
  public List<String> keys() {
    return store.list(ListObjectsV2Request.builder().bucket(BUCKET).build()).contents().stream()
        .map(S3Object::key).filter(key -> !key.startsWith(".s3proxy-mpu-stub-")).sorted().toList();
  }

  /** Removes every object from the bucket. */
  public void clear() {
    keys().forEach(key -> store.removeBlob(BUCKET, key));
  }

  /** Multipart uploads started and neither completed nor aborted. */
  public List<software.amazon.awssdk.services.s3.model.MultipartUpload> unfinishedUploads() {
    return store.listMultipartUploads(BUCKET);
  }

  /** The SHA-256 of an object's content, to compare with the local file's. */
  public String sha256(String key) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    try (ResponseInputStream<GetObjectResponse> in = store.getBlob(BUCKET, key)) {
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  public static String sha256(Path file) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  @Override
  public void close() throws Exception {
    stop();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** The filesystem store, counting what it reads from request bodies as it reads it. */
  private static final class CountingBlobStore extends ForwardingBlobStore {
    final AtomicLong bytesReceived = new AtomicLong();

    CountingBlobStore(BlobStore delegate) {
      super(delegate);
    }

    @Override
    public PutObjectResponse putBlob(PutObjectRequest request, InputStream body) {
      return super.putBlob(request, counted(body));
    }

    @Override
    public UploadPartResponse uploadMultipartPart(MultipartUpload upload, UploadPartRequest request,
        InputStream body) {
      return super.uploadMultipartPart(upload, request, counted(body));
    }

    private InputStream counted(InputStream body) {
      return new FilterInputStream(body) {
        @Override
        public int read() throws IOException {
          int b = super.read();
          if (b >= 0) {
            bytesReceived.incrementAndGet();
          }
          return b;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
          int n = super.read(into, offset, length);
          if (n > 0) {
            bytesReceived.addAndGet(n);
          }
          return n;
        }
      };
    }
  }
}
