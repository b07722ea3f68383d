package dev.callrec.testing;

import dev.callrec.platform.CurrentUser;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A real Apache httpd with mod_dav of the test's own, on a free loopback port. Under /dav/ it serves a WebDAV
 * folder behind Basic auth; /full/ is the same but answers every PUT with 507 Insufficient Storage, like a full
 * disk. Its access log tells each request's method, path, status and bytes received.
 *
 * <p>Run as root, Apache serves as www-data: the folders it writes are handed over to www-data, and the work
 * folder and those above it are made traversable (o+x).
 */
public final class ApacheDav implements AutoCloseable {
  private static final Path APACHE = Path.of("/usr/sbin/apache2");
  private static final Path MODULES = Path.of("/usr/lib/apache2/modules");
  private static final String USER = "alice";
  private static final String PASSWORD = "wonderland";
  private static final String SERVICE_ACCOUNT = "www-data";

  /** One line of the access log; {@code bytesIn} counts everything received, request line and headers too. */
  public record LoggedRequest(String method, String path, int status, long bytesIn) {}

  private final Path workDir;
  private final int port;
  private Process process;
  private String password = PASSWORD;

  private ApacheDav(Path workDir, int port) {
    this.workDir = workDir;
    this.port = port;
  }

  public static ApacheDav start(Path workDir) throws Exception {
    if (!Files.isExecutable(APACHE)) {
      throw new IllegalStateException(APACHE + " is missing (is the apache2-bin package installed?)");
    }
    workDir = workDir.toAbsolutePath();
    List<Path> servedFolders = List.of(Files.createDirectories(workDir.resolve("dav")),
        Files.createDirectories(workDir.resolve("full")), Files.createDirectories(workDir.resolve("lock")));
    Files.createDirectories(workDir.resolve("run"));
    Path users = writeUsers(workDir, PASSWORD);
    boolean root = CurrentUser.uid() == 0;
    if (root) {
      List<Path> owned = new ArrayList<>(servedFolders);
      owned.add(users);
      handToServiceAccount(workDir, owned);
    }
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    Files.writeString(workDir.resolve("httpd.conf"), config(workDir, port, root));
    ApacheDav dav = new ApacheDav(workDir, port);
    dav.launch();
    return dav;
  }

  private static void handToServiceAccount(Path workDir, List<Path> owned) throws IOException {
    UserPrincipalLookupService lookup = FileSystems.getDefault().getUserPrincipalLookupService();
    for (Path path : owned) {
      PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
      view.setOwner(lookup.lookupPrincipalByName(SERVICE_ACCOUNT));
      view.setGroup(lookup.lookupPrincipalByGroupName(SERVICE_ACCOUNT));
    }
    for (Path folder = workDir; folder != null; folder = folder.getParent()) {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(folder);
      if (permissions.add(PosixFilePermission.OTHERS_EXECUTE)) {
        Files.setPosixFilePermissions(folder, permissions);
      }
    }
  }

  private static String config(Path workDir, int port, boolean root) {
    String auth = """
          DAV On
          AuthType Basic
          AuthName callrec
          AuthBasicProvider file
          AuthUserFile "@userFile"
          Require valid-user
        """;
    return """
        ServerRoot "@work"
        LoadModule mpm_event_module @modules/mod_mpm_event.so
        <IfModule !unixd_module>
          LoadModule unixd_module @modules/mod_unixd.so
        </IfModule>
        <IfModule !log_config_module>
          LoadModule log_config_module @modules/mod_log_config.so
        </IfModule>
        <IfModule !logio_module>
          LoadModule logio_module @modules/mod_logio.so
        </IfModule>
        LoadModule authz_core_module @modules/mod_authz_core.so
        LoadModule authn_core_module @modules/mod_authn_core.so
        LoadModule authn_file_module @modules/mod_authn_file.so
        LoadModule auth_basic_module @modules/mod_auth_basic.so
        LoadModule authz_user_module @modules/mod_authz_user.so
        LoadModule alias_module @modules/mod_alias.so
        LoadModule rewrite_module @modules/mod_rewrite.so
        LoadModule dav_module @modules/mod_dav.so
        LoadModule dav_fs_module @modules/mod_dav_fs.so
        @runAs
        ServerName 127.0.0.1
        Listen 127.0.0.1:@port
        PidFile "@work/run/httpd.pid"
        DefaultRuntimeDir "@work/run"
        ErrorLog "@work/error.log"
        LogLevel warn
        LogFormat "%>s %I %r" requests
        CustomLog "@work/access.log" requests
        DavLockDB "@work/lock/DavLock"
        LimitRequestBody 0
        FileETag MTime Size
        DocumentRoot "@work"
        <Directory />
          AllowOverride None
          Options None
          Require all denied
        </Directory>
        Alias /dav/ "@work/dav/"
        Alias /full/ "@work/full/"
        <Location /dav/>
        @auth
        </Location>
        <Location /full/>
        @auth
          # Rewriting in a per-directory context runs after auth, and refuses to run without this option.
          Options FollowSymLinks
          RewriteEngine On
          RewriteCond %{REQUEST_METHOD} =PUT
          RewriteRule ^ - [R=507,L]
        </Location>
        """
        .replace("@auth", auth.stripTrailing())
        .replace("@runAs", root ? "User " + SERVICE_ACCOUNT + "\nGroup " + SERVICE_ACCOUNT : "")
        .replace("@userFile", workDir.resolve("users").toString())
        .replace("@modules", MODULES.toString())
        .replace("@work", workDir.toString())
        .replace("@port", Integer.toString(port));
  }

  /** One process (-X), not a parent with children, so that killing it takes the whole server down at once. */
  private void launch() throws IOException, InterruptedException {
    Files.deleteIfExists(workDir.resolve("run/httpd.pid"));
    Process started = new ProcessBuilder(APACHE.toString(), "-f", workDir.resolve("httpd.conf").toString(), "-X")
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(errorLog().toFile()))
        .start();
    started.getOutputStream().close();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!answers()) {
      if (!started.isAlive() || System.nanoTime() > deadline) {
        started.destroyForcibly();
        started.waitFor(5, TimeUnit.SECONDS);
        throw new IllegalStateException("Apache did not start on port " + port + ":\n" + errorLogTail());
      }
      Thread.sleep(20);
    }
    process = started;
  }

  private boolean answers() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private Path errorLog() {
    return workDir.resolve("error.log");
  }

  private String errorLogTail() throws IOException {
    if (!Files.exists(errorLog())) {
      return "(no error log)";
    }
    List<String> lines = Files.readAllLines(errorLog(), StandardCharsets.ISO_8859_1);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
  }

  /** {@code http://127.0.0.1:<port>/dav/}: WebDAV behind Basic auth. */
  public URI davUrl() {
    return URI.create("http://127.0.0.1:" + port + "/dav/");
  }

  /** {@code http://127.0.0.1:<port>/full/}: like {@link #davUrl()}, but every PUT answers 507. */
  public URI fullUrl() {
    return URI.create("http://127.0.0.1:" + port + "/full/");
  }

  public String user() {
    return USER;
  }

  /**
   * Gives the user another password from the next request on (Apache reads its user file each time), as when
   * the password is changed on the server while a Drive is connected.
   */
  public void changePassword(String newPassword) throws Exception {
    Path users = workDir.resolve("users");
    Path replacement = writeUsers(workDir.resolve("run"), newPassword);
    Files.write(users, Files.readAllBytes(replacement));
    password = newPassword;
  }

  private static Path writeUsers(Path folder, String password) throws Exception {
    byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(password.getBytes(StandardCharsets.UTF_8));
    return Files.writeString(folder.resolve("users"),
        USER + ":{SHA}" + Base64.getEncoder().encodeToString(sha1) + "\n");
  }

  public String password() {
    return password;
  }

  /** The folder behind {@link #davUrl()}. */
  public Path davRoot() {
    return workDir.resolve("dav");
  }

  /**
   * The requests answered so far, oldest first. A request is logged just after its answer is sent, so a test may
   * need to wait a moment for the last one; one cut short by {@link #stop()} is never logged.
   */
  public List<LoggedRequest> requests() throws IOException {
    Path log = workDir.resolve("access.log");
    if (!Files.exists(log)) {
      return List.of();
    }
    String text = Files.readString(log, StandardCharsets.ISO_8859_1);
    List<LoggedRequest> requests = new ArrayList<>();
    for (String line : text.substring(0, text.lastIndexOf('\n') + 1).split("\n")) {
      String[] fields = line.split(" ");
      if (fields.length == 5) {
        requests.add(new LoggedRequest(fields[2], path(fields[3]), Integer.parseInt(fields[0]),
            Long.parseLong(fields[1])));
      }
    }
    return requests;
  }

  private static String path(String target) {
    try {
      return URI.create(target).getPath();
    } catch (IllegalArgumentException e) {
      return target;
    }
  }

  /** Kills the server at once, as if its machine went away, cutting uploads short; returns once the port refuses. */
  public void stop() throws InterruptedException {
    if (process == null) {
      return;
    }
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
    process = null;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (answers()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Port " + port + " still answers after Apache was killed");
      }
      Thread.sleep(20);
    }
  }

  /** Starts the server again on the same port, with the same files; stops it first if it runs. */
  public void restart() throws IOException, InterruptedException {
    stop();
    launch();
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }
}
