package dev.callrec.bench;

import dev.callrec.sync.WebDavDrive;
import dev.callrec.testing.ApacheDav;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
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
  private static final long MB = 1024 * 1024;
  private static final String FOLDER = "bench";

  public static void main(String[] args) throws Exception {
    int sizeMb = 200;
    int rounds = 3;
    for (int i = 0; i < args.length; i += 2) {
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("Option " + args[i] + " needs a value");
      }
      switch (args[i]) {
        case "--size-mb" -> sizeMb = Integer.parseInt(args[i + 1]);
        case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("Unknown option " + args[i] + " (known: --size-mb, --rounds)");
      }
    }
    if (sizeMb <= 0 || rounds <= 0) {
      throw new IllegalArgumentException("--size-mb and --rounds must be positive");
    }
    long size = sizeMb * MB;
    Path workDir = Files.createTempDirectory("callrec-bench");
    long free = Files.getFileStore(workDir).getUsableSpace();
    if (free < 3 * size) {
      throw new IllegalStateException(String.format(Locale.ROOT, "%s has %d MB free; the upload benchmark needs"
          + " 3 × %d MB (the file and two uploads of it)", workDir, free / MB, sizeMb));
    }
    System.out.printf(Locale.ROOT, "Upload benchmark: %d MB of random bytes to Apache mod_dav on loopback,"
        + " callrec WebDavDrive (unlimited rate) vs curl -T, %d rounds (MB = 2^20 bytes)%n", sizeMb, rounds);
    System.out.println("callrec's time is one WebDavDrive.upload call, all of it: MKCOL, PROPFIND, PUT with SHA-1,"
        + " PROPFIND to verify, MOVE; curl's is one PUT, process start included");
    List<Double> ratios = new ArrayList<>();
    try {
      run(workDir, size, rounds, ratios);
    } finally {
      deleteTree(workDir);
    }
    System.out.printf(Locale.ROOT, "Upload throughput ratio, callrec / curl: %.3f (mean of %d; goal ≥ 0.9)%n",
        ratios.stream().mapToDouble(Double::doubleValue).average().orElseThrow(), rounds);
    System.exit(0);
  }

  private static void run(Path workDir, long size, int rounds, List<Double> ratios) throws Exception {
    Path file = writeRandom(workDir.resolve("upload.bin"), size);
    try (ApacheDav dav = ApacheDav.start(workDir.resolve("apache"))) {
      curl(dav, List.of("-X", "MKCOL", dav.davUrl().resolve("curl/").toString()), 201);
      // JIT, first connections and a cold server are not what we measure.
      viaCallrec(dav, file, "warm-up", size);
      viaCurl(dav, file, "warm-up", size);
      clear(dav);
      for (int round = 1; round <= rounds; round++) {
        String name = "round-" + round + ".bin";
        double callrecSeconds;
        double curlSeconds;
        if (round % 2 == 1) {
          callrecSeconds = viaCallrec(dav, file, name, size);
          curlSeconds = viaCurl(dav, file, name, size);
        } else {
          curlSeconds = viaCurl(dav, file, name, size);
          callrecSeconds = viaCallrec(dav, file, name, size);
        }
        clear(dav);
        double ratio = curlSeconds / callrecSeconds;
        ratios.add(ratio);
        System.out.printf(Locale.ROOT, "round %d (%s first): callrec %.1f MB/s (%.3f s); curl %.1f MB/s (%.3f s);"
                + " ratio callrec/curl %.3f%n", round, round % 2 == 1 ? "callrec" : "curl",
            size / (double) MB / callrecSeconds, callrecSeconds, size / (double) MB / curlSeconds, curlSeconds, ratio);
      }
    }
  }

  private interface Upload {
    void run() throws Exception;
  }

  /**
   * A fresh drive each time, as after a restart, so its upload makes the folder (MKCOL) and opens a connection;
   * the clock runs from the call to {@code upload} to its return.
   */
  private static double viaCallrec(ApacheDav dav, Path file, String name, long size) throws Exception {
    try (WebDavDrive drive = new WebDavDrive(dav.davUrl(), dav.user(), dav.password().toCharArray(), FOLDER, 0)) {
      return timed(() -> drive.upload(file, name, (sent, total) -> { }), dav.davRoot().resolve(FOLDER).resolve(name),
          size);
    }
  }

  private static double viaCurl(ApacheDav dav, Path file, String name, long size) throws Exception {
    return timed(() -> curl(dav, List.of("-T", file.toString(), dav.davUrl().resolve("curl/" + name).toString()),
        201, 204), dav.davRoot().resolve("curl").resolve(name), size);
  }

  /** Wall-clock seconds of one upload, after which the file on the server must have the right size. */
  private static double timed(Upload upload, Path landed, long size) throws Exception {
    long started = System.nanoTime();
    upload.run();
    double seconds = (System.nanoTime() - started) / 1e9;
    long landedSize = Files.exists(landed) ? Files.size(landed) : -1;
    if (landedSize != size) {
      throw new IllegalStateException(landed + " has " + landedSize + " bytes on the server, not " + size);
    }
    return seconds;
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

  private static Path writeRandom(Path file, long size) throws IOException {
    SplittableRandom random = new SplittableRandom(42);
    byte[] chunk = new byte[(int) MB];
    try (OutputStream out = Files.newOutputStream(file)) {
      for (long written = 0; written < size; written += chunk.length) {
        for (int i = 0; i < chunk.length; i += 8) {
          long value = random.nextLong();
          for (int b = 0; b < 8; b++) {
            chunk[i + b] = (byte) (value >>> (8 * b));
          }
        }
        out.write(chunk);
      }
    }
    return file;
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
