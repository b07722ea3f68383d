package dev.callrec.bench;

import dev.callrec.store.Database;
import dev.callrec.sync.Drives;
import dev.callrec.sync.S3Bucket;
import dev.callrec.sync.S3Drive;
import dev.callrec.sync.StoredMultipartUploads;
import dev.callrec.sync.SyncSettings;
import dev.callrec.testing.S3Server;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Uploads the same random file to an S3 API server on loopback (s3proxy on its filesystem backend, in this JVM)
 * through callrec's {@link S3Drive} (unlimited rate) and through {@code curl --aws-sigv4 -T}, one signed PUT as
 * the AWS CLI would send a file of this size with multipart turned off, in alternating order round by round,
 * and prints the throughput of each and their ratio. callrec's time is its whole upload, from call to return:
 * HEAD, CreateMultipartUpload (its id kept in SQLite), every part with its Content-MD5 checked against the
 * ETag, HEAD, CompleteMultipartUpload, HEAD; curl's is one PUT, process start included.
 *
 * <p>Usage: {@code bench/run s3 [--size-mb 200] [--rounds 3]}
 */
public final class S3UploadBenchmark {
  private static final S3Bucket BUCKET = new S3Bucket(S3Server.BUCKET, "bench", "", true);

  public static void main(String[] args) throws Exception {
    try (UploadRace race = UploadRace.prepare(args, "the S3 benchmark", 4,
        "the file, two uploads of it, and the parts of one")) {
      System.out.printf(Locale.ROOT, "S3 upload benchmark: %d MB of random bytes to s3proxy (filesystem) on"
          + " loopback, callrec S3Drive (unlimited rate, %d MiB parts) vs curl --aws-sigv4 -T (one PUT), %d rounds"
          + " (MB = 2^20 bytes)%n", race.sizeMb(), S3Drive.DEFAULT_PART_SIZE / UploadRace.MB, race.rounds());
      try (S3Server server = S3Server.start(race.workDir().resolve("server"));
          Database database = Database.open(race.workDir().resolve("callrec.db"))) {
        StoredMultipartUploads multipart = new StoredMultipartUploads(database);
        race.run(new UploadRace.Uploader(name -> viaCallrec(server, multipart, race.file(), name),
                landedAt(server, "bench/" + Drives.FOLDER + "/")),
            new UploadRace.Uploader(name -> viaCurl(server, race.file(), name), landedAt(server, "curl/")),
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
    String url = server.endpoint() + "/" + S3Server.BUCKET + "/curl/" + URLEncoder.encode(name, StandardCharsets.UTF_8);
    curl(List.of("--aws-sigv4", "aws:amz:" + S3Bucket.DEFAULT_REGION + ":s3",
        "--user", S3Server.ACCESS_KEY + ":" + S3Server.SECRET_KEY,
        // curl 7.88 signs the hash of an empty body for -T unless told, as the AWS CLI does over https.
        "-H", "x-amz-content-sha256: UNSIGNED-PAYLOAD", "-T", file.toString(), url));
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

  private static void curl(List<String> arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}"));
    command.addAll(arguments);
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String status = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
    int exit = process.waitFor();
    if (exit != 0 || !status.equals("200")) {
      throw new IOException("curl -T to s3proxy failed: exit " + exit + ", HTTP status "
          + (status.isEmpty() ? "none" : status));
    }
  }
}
