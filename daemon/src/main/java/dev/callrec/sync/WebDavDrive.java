package dev.callrec.sync;

import dev.callrec.sync.WebDavClient.Answer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A WebDAV folder (RFC 4918): Nextcloud, ownCloud, Apache mod_dav, and most NAS boxes. Every step of an upload
 * may be repeated after a crash at any point, and a finished one is never landed twice:
 *
 * <ol>
 *   <li>MKCOL each level of the recordings folder (405 means it is there already);
 *   <li>PROPFIND the final name: a file there with the recording's size (and checksum, if the server keeps one)
 *       is an earlier attempt that landed, and the upload is done;
 *   <li>PUT the recording to a hidden name next to it, {@code .<name>.upload}, replacing what an interrupted
 *       attempt left there;
 *   <li>PROPFIND that: its size, and its checksum if the server gives one, must match the recording's;
 *   <li>MOVE it to the final name with {@code Overwrite: F}, so a file someone else put there is never
 *       replaced; if the name turns out to be taken by this very recording, the upload is done.
 * </ol>
 *
 * <p>The hidden name does not end in {@code .part}: Nextcloud and ownCloud refuse such names, which they use
 * for their own partial files.
 *
 * <p>An interrupted upload starts again from byte 0 on every server: plain RFC 4918 servers such as Apache
 * mod_dav have no way to resume a PUT, and Nextcloud's chunked upload (v2, {@code /remote.php/dav/uploads/}),
 * which could resume, is not implemented yet. Apache, killed in the middle of a PUT, leaves its own
 * {@code .davfs.tmp*} file in the folder; WebDAV does not show it, so callrec cannot remove it. A rate limit
 * keeps part of the bandwidth for the call itself.
 *
 * <p>Checksums: Nextcloud (22 and later) hashes what it receives when asked with {@code X-Hash: sha1} and
 * answers {@code X-Hash-SHA1}; ownCloud keeps {@code oc:checksums}. Both are compared when given. Plain servers
 * such as Apache give none, and then the size alone is compared.
 *
 * <p>Status codes: 401 and 403 are {@code CREDENTIALS}; 507 is {@code QUOTA}; 408, 423, 429, 5xx, timeouts
 * and broken or refused connections are {@code TRANSIENT}; a base URL with nothing behind it, a name taken by
 * a different file and any other 4xx are {@code PERMANENT}.
 */
public final class WebDavDrive implements Drive {
  private static final Logger log = LoggerFactory.getLogger(WebDavDrive.class);

  private final URI baseUrl;
  private final String user;
  private final List<String> folder;
  private final long bytesPerSecond;
  private final WebDavClient client;
  private volatile boolean folderMade;

  public WebDavDrive(URI baseUrl, String user, char[] password) {
    this(baseUrl, user, password, Drives.FOLDER, 0);
  }

  /**
   * {@code baseUrl} is the WebDAV folder the account sees, such as
   * {@code https://cloud.example.com/remote.php/dav/files/alice/}; {@code folder} is where recordings go under
   * it, its levels separated by {@code /}; {@code bytesPerSecond} 0 uploads as fast as the network allows.
   * The password is not kept as given: only the {@code Authorization} header built from it.
   */
  public WebDavDrive(URI baseUrl, String user, char[] password, String folder, long bytesPerSecond) {
    if (user == null || user.isEmpty() || user.contains(":")) {
      throw new IllegalArgumentException("A WebDAV user name is needed, and it cannot contain \":\"");
    }
    if (bytesPerSecond < 0) {
      throw new IllegalArgumentException("The upload rate cannot be negative: " + bytesPerSecond);
    }
    this.baseUrl = collectionUrl(baseUrl);
    this.user = user;
    this.folder = segments(folder);
    this.bytesPerSecond = bytesPerSecond;
    this.client = new WebDavClient(this.baseUrl, user, password);
  }

  @Override
  public String describe() {
    return "WebDAV " + baseUrl + " as " + user;
  }

  /** Makes the recordings folder if need be, and reads it back: a server that is not WebDAV fails here. */
  @Override
  public void check() throws DriveException, InterruptedException {
    folderMade = false;
    makeFolder();
    String doing = "open the folder " + String.join("/", folder);
    WebDavResource found = lookUp(url(folder, ""), doing, null);
    if (found == null || !found.collection()) {
      folderMade = false;
      throw new DriveException(DriveException.Kind.PERMANENT, "The Drive at " + client.server() + " has "
          + (found == null ? "no folder " : "a file, not a folder, named ") + String.join("/", folder)
          + " even after callrec created it. Check the address " + baseUrl + ".");
    }
  }

  @Override
  public Uploaded upload(Path file, String name, UploadProgress progress)
      throws DriveException, InterruptedException {
    DriveFiles.checkName(name);
    long size = DriveFiles.size(file);
    Uploaded uploaded = new Uploaded(String.join("/", folder) + "/" + name, size);
    URI target = url(folder, name);
    URI temporary = url(folder, "." + name + ".upload");
    FileChecksums checksums = new FileChecksums(file);

    makeFolder();
    WebDavResource existing = lookUp(target, "look for " + name + " in " + String.join("/", folder), file);
    if (existing != null) {
      checkSame(existing, uploaded, checksums, file);
      log.info("{} is on {} already", name, describe());
      progress.sent(size, size);
      return uploaded;
    }

    long started = System.nanoTime();
    UploadBody body = new UploadBody(file, size, bytesPerSecond, progress);
    ClassicHttpRequest put = ClassicRequestBuilder.put(temporary).setEntity(body).addHeader("X-Hash", "sha1").build();
    Answer sent = client.send(put, "upload " + name, file);
    if (sent.status() == 409 || sent.status() == 404) {
      folderMade = false;
      throw new DriveException(DriveException.Kind.TRANSIENT,
          "The folder " + String.join("/", folder) + " went away on the Drive at " + client.server()
              + " while " + name + " was uploaded.");
    }
    if (sent.status() != 200 && sent.status() != 201 && sent.status() != 204) {
      throw client.unexpected(sent, "upload " + name);
    }
    long millis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
    log.info("Sent {} to {}: {} bytes in {} ms ({} KiB/s)", name, describe(), size, millis,
        size * 1000 / 1024 / millis);

    verify(temporary, sent, checksums, uploaded, file);
    moveIntoPlace(temporary, target, uploaded, checksums, file);
    log.info("Uploaded {} to {}", name, describe());
    return uploaded;
  }

  /**
   * The file's own URL on the server: it opens for anyone logged in to the Drive as this user. A public link
   * for the chat (Nextcloud's OCS share API, {@code /ocs/v2.php/apps/files_sharing/api/v1/shares}) is a later
   * step.
   */
  @Override
  public String shareLink(Uploaded uploaded) {
    return url(segments(uploaded.remotePath()), null).toString();
  }

  @Override
  public void close() {
    client.close();
  }

  private void makeFolder() throws DriveException, InterruptedException {
    if (folderMade) {
      return;
    }
    for (int level = 1; level <= folder.size(); level++) {
      List<String> path = folder.subList(0, level);
      String doing = "create the folder " + String.join("/", path);
      Answer made = client.send(ClassicRequestBuilder.create("MKCOL").setUri(url(path, "")).build(), doing, null);
      switch (made.status()) {
        case 200, 201, 204, 405 -> { }
        case 404 -> throw notAWebDavFolder(made);
        case 409 -> {
          if (level == 1) {
            throw notAWebDavFolder(made);
          }
          throw new DriveException(DriveException.Kind.TRANSIENT, "The folder " + String.join("/", path.subList(0,
              level - 1)) + " went away on the Drive at " + client.server() + " while callrec created it.");
        }
        default -> throw client.unexpected(made, doing);
      }
    }
    folderMade = true;
  }

  /** Returns what the server knows of {@code url}, or null if nothing is there. */
  private WebDavResource lookUp(URI url, String doing, Path file) throws DriveException, InterruptedException {
    ClassicHttpRequest propfind = ClassicRequestBuilder.create("PROPFIND").setUri(url)
        .addHeader("Depth", "0")
        .setEntity(WebDavResource.PROPFIND_BODY, ContentType.APPLICATION_XML.withCharset(StandardCharsets.UTF_8))
        .build();
    Answer answer = client.send(propfind, doing, file);
    switch (answer.status()) {
      case 207 -> { }
      case 404 -> {
        return null;
      }
      case 405, 501 -> throw notAWebDavFolder(answer);
      default -> throw client.unexpected(answer, doing);
    }
    try {
      if (answer.body() == null) {
        throw new IOException("its answer had no body");
      }
      WebDavResource found = WebDavResource.parse(answer.body());
      if (found.size() < 0 && !found.collection()) {
        return new WebDavResource(false, sizeByHead(url, doing), found.etag(), found.checksums());
      }
      return found;
    } catch (IOException e) {
      throw new DriveException(DriveException.Kind.TRANSIENT, "The Drive at " + client.server()
          + " gave an answer callrec cannot read when asked to " + doing + ": " + e.getMessage(), e);
    }
  }

  private long sizeByHead(URI url, String doing) throws DriveException, InterruptedException {
    Answer head = client.send(ClassicRequestBuilder.head(url).build(), doing, null);
    String length = head.header(HttpHeaders.CONTENT_LENGTH);
    try {
      return head.status() == 200 && length != null ? Long.parseLong(length.trim()) : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private void verify(URI temporary, Answer sent, FileChecksums checksums, Uploaded uploaded,
      Path file) throws DriveException, InterruptedException {
    String name = Path.of(uploaded.remotePath()).getFileName().toString();
    String hashed = sent.header("X-Hash-SHA1");
    String problem = null;
    // The recording's own SHA-1 is computed only when the server gives one to compare: hashing every upload
    // as it is sent would cost a plain server's uploads a third more CPU.
    String ours = hashed == null ? null : checksums.sha1();
    if (hashed != null && !hashed.trim().equalsIgnoreCase(ours)) {
      problem = "the server's SHA-1 " + hashed.trim() + " differs from the recording's " + ours;
    } else {
      WebDavResource landed = lookUp(temporary, "check the upload of " + name, file);
      if (landed == null) {
        throw new DriveException(DriveException.Kind.TRANSIENT,
            "The upload of " + name + " vanished from the Drive at " + client.server() + " right after it was sent.");
      }
      problem = difference(landed, uploaded, checksums, file);
    }
    if (problem != null) {
      delete(temporary, name);
      throw new DriveException(DriveException.Kind.TRANSIENT, "The upload of " + name + " to the Drive at "
          + client.server() + " arrived damaged (" + problem + ").");
    }
  }

  private void moveIntoPlace(URI temporary, URI target, Uploaded uploaded, FileChecksums checksums, Path file)
      throws DriveException, InterruptedException {
    String name = Path.of(uploaded.remotePath()).getFileName().toString();
    String doing = "give " + name + " its name";
    ClassicHttpRequest move = ClassicRequestBuilder.create("MOVE").setUri(temporary)
        .addHeader("Destination", target.toASCIIString())
        .addHeader("Overwrite", "F")
        .build();
    Answer moved = client.send(move, doing, file);
    switch (moved.status()) {
      case 201, 204 -> { }
      case 412 -> {
        WebDavResource there = lookUp(target, "look for " + name + " in " + String.join("/", folder), file);
        delete(temporary, name);
        if (there == null) {
          throw new DriveException(DriveException.Kind.TRANSIENT, "The Drive at " + client.server()
              + " said " + name + " was taken, but nothing is there. It will be uploaded again.");
        }
        checkSame(there, uploaded, checksums, file);
      }
      case 404 -> throw new DriveException(DriveException.Kind.TRANSIENT,
          "The upload of " + name + " vanished from the Drive at " + client.server() + " before it got its name.");
      default -> throw client.unexpected(moved, doing);
    }
  }

  /** Whatever else has the name is the user's: it is left alone, and the user is told to make way. */
  private void checkSame(WebDavResource there, Uploaded uploaded, FileChecksums checksums, Path file)
      throws DriveException {
    String difference = difference(there, uploaded, checksums, file);
    if (difference != null) {
      String name = Path.of(uploaded.remotePath()).getFileName().toString();
      throw new DriveException(DriveException.Kind.PERMANENT, "A different " + (there.collection() ? "folder" : "file")
          + " named \"" + name + "\" is already in " + String.join("/", folder) + " on the Drive at "
          + client.server() + ". Rename or remove it, and the recording will be uploaded.");
    }
  }

  private static String difference(WebDavResource there, Uploaded uploaded, FileChecksums checksums, Path file)
      throws DriveException {
    if (there.collection()) {
      return "it is a folder";
    }
    if (there.size() != uploaded.size()) {
      return there.size() + " bytes where the recording has " + uploaded.size();
    }
    try {
      return checksums.disagreement(there.checksums());
    } catch (IOException e) {
      throw new DriveException(DriveException.Kind.TRANSIENT,
          "Could not read the recording " + file + " to compare it: " + e.getMessage(), e);
    }
  }

  private void delete(URI url, String name) throws InterruptedException {
    try {
      Answer deleted = client.send(ClassicRequestBuilder.delete(url).build(), "remove an unfinished upload", null);
      if (deleted.status() >= 300 && deleted.status() != 404) {
        log.warn("Could not remove the unfinished upload of {} from {}: {}", name, describe(), deleted.describe());
      }
    } catch (DriveException e) {
      log.warn("Could not remove the unfinished upload of {} from {}: {}", name, describe(), e.getMessage());
    }
  }

  private DriveException notAWebDavFolder(Answer answer) {
    String why = answer.status() == 405 || answer.status() == 501 ? "the server does not speak WebDAV there"
        : "the server has no folder there";
    return new DriveException(DriveException.Kind.PERMANENT, baseUrl + " is not a WebDAV folder: " + why + " ("
        + answer.describe() + "). Check the address: for Nextcloud it looks like "
        + "https://cloud.example.com/remote.php/dav/files/" + user + "/");
  }

  /** The URL of {@code path} under the base, then {@code last} if not null ("" for a folder's trailing slash). */
  private URI url(List<String> path, String last) {
    StringBuilder url = new StringBuilder(baseUrl.toASCIIString());
    for (String segment : path) {
      url.append(encode(segment)).append('/');
    }
    if (last == null) {
      url.setLength(url.length() - 1);
    } else {
      url.append(encode(last));
    }
    return URI.create(url.toString());
  }

  /** Percent-encodes everything but RFC 3986's unreserved characters, UTF-8 first: "Müller 1" is M%C3%BCller%201. */
  static String encode(String segment) {
    StringBuilder out = new StringBuilder();
    for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
        out.append(c);
      } else {
        out.append('%').append(String.format(Locale.ROOT, "%02X", (int) c));
      }
    }
    return out.toString();
  }

  private static List<String> segments(String path) {
    List<String> segments = new ArrayList<>();
    for (String segment : (path == null ? "" : path).split("/")) {
      if (!segment.isEmpty()) {
        DriveFiles.checkName(segment);
        segments.add(segment);
      }
    }
    if (segments.isEmpty()) {
      throw new IllegalArgumentException("A folder for the recordings is needed: \"" + path + "\" names none");
    }
    return List.copyOf(segments);
  }

  /** Drops user info, query and fragment (a password may hide in the first), and ends the path with "/". */
  private static URI collectionUrl(URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if ((!scheme.equals("http") && !scheme.equals("https")) || url.getHost() == null) {
      throw new IllegalArgumentException("A WebDAV address starts with https:// (or http://) and a host name");
    }
    String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    return URI.create(scheme + "://" + url.getHost() + (url.getPort() == -1 ? "" : ":" + url.getPort())
        + (path.endsWith("/") ? path : path + "/"));
  }
}
