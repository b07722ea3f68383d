package dev.callrec.bench;

import dev.callrec.store.Database;
import dev.callrec.sync.Drives;
import dev.callrec.sync.S3Bucket;
import dev.callrec.sync.S3Drive;
import dev.callrec.sync.StoredMultipartUploads;
import dev.callrec.sync.SyncSettings;
import dev.callrec.testing.S3Server;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Uploads the same random file to an S3 API server on loopback (s3proxy on its filesystem backend, in this JVM)
 * through callrec's {@link S3Drive} (unlimited rate) and through curl {@code --aws-sigv4} in two ways, in
 * alternating order round by round, and prints the throughput of each and the ratios:
 *
 * <ul>
 *   <li>"curl PUT": the whole file in one signed PUT, as the AWS CLI sends a file with multipart turned off.
 *       The server does the least work this way: it stores the bytes once.
 *   <li>"curl multipart": what the AWS CLI sends for a file this size (CreateMultipartUpload, 8 MiB parts,
 *       CompleteMultipartUpload), one part at a time as callrec sends them; the server stores every part and
 *       then copies them into the object.
 * </ul>
 *
 * <p>callrec's time is its whole upload, from call to return: HEAD, CreateMultipartUpload (its id kept in
 * SQLite), every part with its CRC32C checked by the server, HEAD, CompleteMultipartUpload, HEAD. curl's
 * include starting its processes; the parts are cut from the file beforehand (the AWS CLI reads them from the
 * file as it goes).
 *
 * <p>Usage: {@code bench/run s3 [--size-mb 200] [--rounds 3]}
 */
public final class S3UploadBenchmark {
  private static final S3Bucket BUCKET = new S3Bucket(S3Server.BUCKET, "bench", "", true);
  private static final Pattern UPLOAD_ID = Pattern.compile("<UploadId>([^<]+)</UploadId>");
  private static final Pattern PART_ETAG = Pattern.compile("(\\d+) (\"?[0-9a-fA-F]{32}\"?)");

  public static void main(String[] args) throws Exception {
    try (UploadRace race = UploadRace.prepare(args, "the S3 benchmark", 6,
        "the file, its parts, three uploads of it, and the parts of two")) {
      System.out.printf(Locale.ROOT, "S3 upload benchmark: %d MB of random bytes to s3proxy (filesystem) on"
          + " loopback, callrec S3Drive (unlimited rate, %d MiB parts) vs curl --aws-sigv4: one PUT, and multipart"
          + " with the same parts, %d rounds (MB = 2^20 bytes)%n", race.sizeMb(),
          S3Drive.DEFAULT_PART_SIZE / UploadRace.MB, race.rounds());
      try (S3Server server = S3Server.start(race.workDir().resolve("server"));
          Database database = Database.open(race.workDir().resolve("callrec.db"))) {
        StoredMultipartUploads multipart = new StoredMultipartUploads(database);
        Path parts = race.workDir().resolve("parts");
        race.run(new UploadRace.Uploader(name -> viaCallrec(server, multipart, race.file(), name),
                landedAt(server, "bench/" + Drives.FOLDER + "/")),
            List.of(new UploadRace.Baseline("curl PUT", new UploadRace.Uploader(
                    name -> viaCurl(server, race.file(), name), landedAt(server, "curl/"))),
                new UploadRace.Baseline("curl multipart", new UploadRace.Uploader(
                    name -> viaCurlMultipart(server, race.file(), parts, name), landedAt(server, "curl-multipart/")))),
            server::clear, "S3 upload throughput ratio");
      }
    }
    System.exit(0);
  }

  /** A fresh drive each time, as after a restart, so its upload opens its own connections. */
  private static void viaCallrec(S3Server server, StoredMultipartUploads multipart, Path file, String name)
      throws Exception {
    try (S3Drive drive = new S3Drive(server.endpoint(), BUCKET, S3Server.ACCESS_KEY, S3Server.SECRET_KEY, multipart,
        SyncSettings.DEFAULT)) {
      drive.upload(file, name, (sent, total) -> { });
    }
  }

  private static void viaCurl(S3Server server, Path file, String name) throws Exception {
    curl(signed(List.of("-T", file.toString(), url(server, "curl/" + name))));
  }

  private static void viaCurlMultipart(S3Server server, Path file, Path parts, String name) throws Exception {
    List<Path> pieces = cut(file, parts);
    String key = url(server, "curl-multipart/" + name);
    // curl 7.88 signs "?uploads" without the "=" S3 expects in the canonical query.
    Matcher id = UPLOAD_ID.matcher(curl(signed(List.of("-X", "POST", "-d", "", key + "?uploads="))));
    if (!id.find()) {
      throw new IOException("s3proxy gave no upload id");
    }
    String uploadId = URLEncoder.encode(id.group(1), StandardCharsets.UTF_8);
    StringBuilder config = new StringBuilder();
    for (int i = 0; i < pieces.size(); i++) {
      if (i > 0) {
        config.append("next\n");
      }
      config.append(String.format(Locale.ROOT, "aws-sigv4 = \"aws:amz:%s:s3\"%nuser = \"%s:%s\"%n"
              + "header = \"x-amz-content-sha256: UNSIGNED-PAYLOAD\"%nsilent%nshow-error%nfail%n"
              + "output = \"/dev/null\"%nwrite-out = \"%d %%header{etag}\\n\"%nupload-file = \"%s\"%n"
              + "url = \"%s?partNumber=%d&uploadId=%s\"%n", S3Bucket.DEFAULT_REGION, S3Server.ACCESS_KEY,
          S3Server.SECRET_KEY, i + 1, pieces.get(i), key, i + 1, uploadId));
    }
    Path configFile = parts.resolve("curl.config");
    Files.writeString(configFile, config);
    StringBuilder complete = new StringBuilder("<CompleteMultipartUpload>");
    Matcher etags = PART_ETAG.matcher(curl(List.of("-K", configFile.toString())));
    int count = 0;
    while (etags.find()) {
      count++;
      complete.append("<Part><PartNumber>").append(etags.group(1)).append("</PartNumber><ETag>")
          .append(etags.group(2)).append("</ETag></Part>");
    }
    if (count != pieces.size()) {
      throw new IOException("curl sent " + count + " of " + pieces.size() + " parts");
    }
    Path body = parts.resolve("complete.xml");
    Files.writeString(body, complete.append("</CompleteMultipartUpload>"));
    curl(signed(List.of("-X", "POST", "-H", "Content-Type: application/xml", "--data-binary", "@" + body,
        key + "?uploadId=" + uploadId)));
  }

  /** The file in 8 MiB pieces, cut once and kept for every round. */
  private static List<Path> cut(Path file, Path parts) throws IOException {
    List<Path> pieces = new ArrayList<>();
    long size = Files.size(file);
    int count = (int) ((size + S3Drive.DEFAULT_PART_SIZE - 1) / S3Drive.DEFAULT_PART_SIZE);
    Files.createDirectories(parts);
    try (InputStream in = Files.newInputStream(file)) {
      for (int i = 0; i < count; i++) {
        Path piece = parts.resolve(String.format(Locale.ROOT, "part-%05d", i + 1));
        pieces.add(piece);
        if (Files.exists(piece)) {
          in.skipNBytes(Files.size(piece));
          continue;
        }
        try (OutputStream out = Files.newOutputStream(piece)) {
          out.write(in.readNBytes((int) S3Drive.DEFAULT_PART_SIZE));
        }
      }
    }
    return pieces;
  }

  private static String url(S3Server server, String key) {
    return server.endpoint() + "/" + S3Server.BUCKET + "/" + URLEncoder.encode(key, StandardCharsets.UTF_8)
        .replace("%2F", "/");
  }

  /** curl 7.88 signs the hash of an empty body for -T unless told, so the body is left out, as the AWS CLI does. */
  private static List<String> signed(List<String> arguments) {
    List<String> all = new ArrayList<>(List.of("--aws-sigv4", "aws:amz:" + S3Bucket.DEFAULT_REGION + ":s3",
        "--user", S3Server.ACCESS_KEY + ":" + S3Server.SECRET_KEY, "-H", "x-amz-content-sha256: UNSIGNED-PAYLOAD"));
    all.addAll(arguments);
    return all;
  }

  /** After an upload, its object must be in the bucket under {@code prefix}. */
  private static UploadRace.Landed landedAt(S3Server server, String prefix) {
    return name -> {
      String key = prefix + name;
      if (!server.keys().contains(key)) {
        throw new IllegalStateException(key + " is not in the bucket after its upload; it holds " + server.keys());
      }
    };
  }

  /** Runs curl and gives what it wrote; fails on an HTTP error. */
  private static String curl(List<String> arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("curl", "-sS", "--fail-with-body"));
    command.addAll(arguments);
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = process.waitFor();
    if (exit != 0) {
      throw new IOException("curl " + String.join(" ", arguments.subList(Math.max(0, arguments.size() - 1),
          arguments.size())) + " failed with exit " + exit + ": " + output.trim());
    }
    return output;
  }
}
