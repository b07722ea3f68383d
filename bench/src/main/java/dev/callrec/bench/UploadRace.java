package dev.callrec.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * What the upload benchmarks share: their options ({@code --size-mb N --rounds N}), a work folder with room for
 * the file and what the server keeps of it, and the race itself. callrec and its baselines (curl) send the same
 * random file to the same server in alternating order round by round, so that none always goes first into a
 * warmer cache, and the throughput of each and the ratios are printed every round and as means at the end.
 */
final class UploadRace implements AutoCloseable {
  static final long MB = 1024 * 1024;

  private final int sizeMb;
  private final int rounds;
  private final Path workDir;

  /** Sends the file to the server under {@code name}: what the clock measures. */
  @FunctionalInterface
  interface Upload {
    void send(String name) throws Exception;
  }

  /** Fails unless what was sent under {@code name} is whole on the server; runs after the clock has stopped. */
  @FunctionalInterface
  interface Landed {
    void check(String name) throws Exception;
  }

  /** Empties the server between rounds. */
  @FunctionalInterface
  interface Clear {
    void run() throws Exception;
  }

  /** One side of the race. */
  record Uploader(Upload upload, Landed landed) {}

  /** What callrec is measured against, under {@code name} in what is printed. */
  record Baseline(String name, Uploader uploader) {}

  private UploadRace(int sizeMb, int rounds, Path workDir) {
    this.sizeMb = sizeMb;
    this.rounds = rounds;
    this.workDir = workDir;
  }

  /**
   * Reads the options and makes the work folder, which must have room for {@code copies} of the file;
   * {@code benchmark} and {@code copiesAre} say who needs them and what they are when it has not.
   */
  static UploadRace prepare(String[] args, String benchmark, int copies, String copiesAre) throws IOException {
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
    Path workDir = Files.createTempDirectory("callrec-bench");
    long free = Files.getFileStore(workDir).getUsableSpace();
    if (free < copies * sizeMb * MB) {
      throw new IllegalStateException(String.format(Locale.ROOT, "%s has %d MB free; %s needs %d × %d MB (%s)",
          workDir, free / MB, benchmark, copies, sizeMb, copiesAre));
    }
    return new UploadRace(sizeMb, rounds, workDir);
  }

  int sizeMb() {
    return sizeMb;
  }

  int rounds() {
    return rounds;
  }

  long size() {
    return sizeMb * MB;
  }

  Path workDir() {
    return workDir;
  }

  /** The random file both sides send, written by {@link #run}. */
  Path file() {
    return workDir.resolve("upload.bin");
  }

  /**
   * Writes the file, warms every side up, runs the rounds with the server emptied after each, and prints each
   * round and then the mean ratio against each baseline under {@code ratioTitle}. Odd rounds start with
   * callrec, even ones with the baselines.
   */
  void run(Uploader callrec, List<Baseline> baselines, Clear clear, String ratioTitle) throws Exception {
    writeRandom(file(), size());
    // JIT, first connections and a cold server are not what we measure.
    timed(callrec, "warm-up");
    for (Baseline baseline : baselines) {
      timed(baseline.uploader(), "warm-up");
    }
    clear.run();
    List<List<Double>> ratios = new ArrayList<>();
    baselines.forEach(baseline -> ratios.add(new ArrayList<>()));
    for (int round = 1; round <= rounds; round++) {
      String name = "round-" + round + ".bin";
      boolean callrecFirst = round % 2 == 1;
      double callrecSeconds = callrecFirst ? timed(callrec, name) : 0;
      double[] baselineSeconds = new double[baselines.size()];
      for (int i = 0; i < baselines.size(); i++) {
        baselineSeconds[i] = timed(baselines.get(i).uploader(), name);
      }
      if (!callrecFirst) {
        callrecSeconds = timed(callrec, name);
      }
      clear.run();
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "round %d (%s first): callrec %.1f MB/s"
          + " (%.3f s)", round, callrecFirst ? "callrec" : "baselines", sizeMb / callrecSeconds, callrecSeconds));
      for (int i = 0; i < baselines.size(); i++) {
        double ratio = baselineSeconds[i] / callrecSeconds;
        ratios.get(i).add(ratio);
        line.append(String.format(Locale.ROOT, "; %s %.1f MB/s (%.3f s), ratio %.3f", baselines.get(i).name(),
            sizeMb / baselineSeconds[i], baselineSeconds[i], ratio));
      }
      System.out.println(line);
    }
    for (int i = 0; i < baselines.size(); i++) {
      System.out.printf(Locale.ROOT, "%s, callrec / %s: %.3f (mean of %d; goal ≥ 0.9)%n", ratioTitle,
          baselines.get(i).name(), ratios.get(i).stream().mapToDouble(Double::doubleValue).average().orElseThrow(),
          rounds);
    }
  }

  /** Wall-clock seconds of one upload, checked to have landed. */
  private static double timed(Uploader uploader, String name) throws Exception {
    long started = System.nanoTime();
    uploader.upload().send(name);
    double seconds = (System.nanoTime() - started) / 1e9;
    uploader.landed().check(name);
    return seconds;
  }

  private static void writeRandom(Path file, long size) throws IOException {
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
  }

  /** Removes the work folder and all in it. */
  @Override
  public void close() throws IOException {
    try (Stream<Path> paths = Files.walk(workDir)) {
      for (Path path : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
