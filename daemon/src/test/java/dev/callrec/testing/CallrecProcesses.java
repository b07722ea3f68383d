package dev.callrec.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callrec.ipc.SocketGuard;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Processes a test starts, the packaged {@code callrec} with its folders under the test's root among them, each
 * with its output kept in {@code <name>.out} and {@code <name>.err} there to read when it fails, and all killed
 * on {@link #close} whatever state the test left them in, so that no daemon outlives its test.
 */
public final class CallrecProcesses implements AutoCloseable {
  private final Supplier<Path> root;
  private final List<Process> processes = new ArrayList<>();

  /**
   * {@code root} is asked for when a process starts, not now: a test's {@code @TempDir} field is filled in
   * only after the test instance and this field of it are made.
   */
  public CallrecProcesses(Supplier<Path> root) {
    this.root = root;
  }

  /** What a callrec command that ran to its end left. */
  public record Result(int exitCode, String stdout, String stderr) {}

  /** Starts {@code callrec run} and waits until it answers on its socket. */
  public Process startDaemon(String name) throws Exception {
    Process daemon = start(name, CallrecCommandLine.of(root.get(), "run"));
    Path socket = TestDaemon.foldersIn(root.get()).socket();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!SocketGuard.isAnswering(socket)) {
      assertThat(daemon.isAlive()).as("daemon is running").isTrue();
      assertThat(System.nanoTime()).as("daemon answers within 30 s").isLessThan(deadline);
      Thread.sleep(50);
    }
    return daemon;
  }

  /** Starts any program, its output going to {@code name.out} and {@code name.err} under the root. */
  public Process start(String name, ProcessBuilder builder) throws IOException {
    Process process = builder
        .redirectOutput(root.get().resolve(name + ".out").toFile())
        .redirectError(root.get().resolve(name + ".err").toFile())
        .start();
    processes.add(process);
    return process;
  }

  /** Runs {@code callrec arguments...} to its end, within a minute. */
  public Result run(String... arguments) throws Exception {
    Path out = Files.createTempFile(root.get(), "cli", ".out");
    Path err = Files.createTempFile(root.get(), "cli", ".err");
    Process process = CallrecCommandLine.of(root.get(), arguments)
        .redirectOutput(out.toFile())
        .redirectError(err.toFile())
        .start();
    processes.add(process);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("callrec %s finishes", List.of(arguments)).isTrue();
    return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    processes.forEach(Process::destroyForcibly);
  }
}
