package dev.callrec.bench;

import dev.callrec.sync.WebDavDrive;
import dev.callrec.testing.ApacheDav;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Uploads the same random file to a private Apache mod_dav on loopback through callrec's {@link WebDavDrive}
 * (unlimited rate) and through {@code curl -T}, in alternating order round by round, and prints the throughput
 * of each and their ratio. callrec's time is its whole upload, from call to return: MKCOL, PROPFIND, PUT to a
 * hidden name (SHA-1 on the way), PROPFIND to verify, MOVE; curl's is one PUT, process start included.
 *
 * <p>Usage: {@code bench/run upload [--size-mb 200] [--rounds 3]}
 */
public final class UploadBenchmark {
  private static final String FOLDER = "bench";

  public static void main(String[] args) throws Exception {
    try (UploadRace race = UploadRace.prepare(args, "the upload benchmark", 3, "the file and two uploads of it")) {
      System.out.printf(Locale.ROOT, "Upload benchmark: %d MB of random bytes to Apache mod_dav on loopback,"
          + " callrec WebDavDrive (unlimited rate) vs curl -T, %d rounds (MB = 2^20 bytes)%n", race.sizeMb(),
          race.rounds());
      System.out.println("callrec's time is one WebDavDrive.upload call, all of it: MKCOL, PROPFIND, PUT with SHA-1,"
          + " PROPFIND to verify, MOVE; curl's is one PUT, process start included");
      try (ApacheDav dav = ApacheDav.start(race.workDir().resolve("apache"))) {
        curl(dav, List.of("-X", "MKCOL", dav.davUrl().resolve("curl/").toString()), 201);
        race.run(new UploadRace.Uploader(name -> viaCallrec(dav, race.file(), name),
                landedIn(dav, FOLDER, race.size())),
            List.of(new UploadRace.Baseline("curl -T", new UploadRace.Uploader(name -> viaCurl(dav, race.file(), name),
                landedIn(dav, "curl", race.size())))),
            () -> clear(dav), "Upload throughput ratio");
      }
    }
    System.exit(0);
  }

  /**
   * A fresh drive each time, as after a restart, so its upload makes the folder (MKCOL) and opens a connection;
   * the clock runs from the call to {@code upload} to its return.
   */
  private static void viaCallrec(ApacheDav dav, Path file, String name) throws Exception {
    try (WebDavDrive drive = new WebDavDrive(dav.davUrl(), dav.user(), dav.password().toCharArray(), FOLDER, 0)) {
      drive.upload(file, name, (sent, total) -> { });
    }
  }

  private static void viaCurl(ApacheDav dav, Path file, String name) throws Exception {
    curl(dav, List.of("-T", file.toString(), dav.davUrl().resolve("curl/" + name).toString()), 201, 204);
  }

  /** After an upload, the file in the server's {@code folder} must have the right size. */
  private static UploadRace.Landed landedIn(ApacheDav dav, String folder, long size) {
    return name -> {
      Path landed = dav.davRoot().resolve(folder).resolve(name);
      long landedSize = Files.exists(landed) ? Files.size(landed) : -1;
      if (landedSize != size) {
        throw new IllegalStateException(landed + " has " + landedSize + " bytes on the server, not " + size);
      }
    };
  }

  /** Runs curl as the server's user; fails unless it exits 0 with one of the {@code accepted} HTTP statuses. */
  private static void curl(ApacheDav dav, List<String> arguments, int... accepted)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}",
        "-u", dav.user() + ":" + dav.password()));
    command.addAll(arguments);
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String status = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
    int exit = process.waitFor();
    if (exit != 0 || IntStream.of(accepted).noneMatch(code -> status.equals(Integer.toString(code)))) {
      throw new IOException("curl " + String.join(" ", arguments) + " failed: exit " + exit + ", HTTP status "
          + (status.isEmpty() ? "none" : status));
    }
  }

  /** Removes every upload from the server's folders (and the hidden names, should any be left). */
  private static void clear(ApacheDav dav) throws IOException {
    for (String folder : List.of(FOLDER, "curl")) {
      try (Stream<Path> files = Files.list(dav.davRoot().resolve(folder))) {
        for (Path uploaded : files.toList()) {
          Files.delete(uploaded);
        }
      }
    }
  }
}
