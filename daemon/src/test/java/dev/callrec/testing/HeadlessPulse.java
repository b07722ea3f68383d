package dev.callrec.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real PulseAudio server of the test's own, with a null sink called "rec" (the call's output) into which a
 * 1 kHz tone plays, so that recording the sink's monitor captures a known sound.
 */
public final class HeadlessPulse implements AutoCloseable {
  public static final int TONE_HZ = 1000;

  private final Process process;
  private final Path socket;

  private HeadlessPulse(Process process, Path socket) {
    this.process = process;
    this.socket = socket;
  }

  public static HeadlessPulse start(Path folder) throws Exception {
    Path runtime = Files.createDirectories(folder.resolve("pulse-runtime"));
    Path socket = runtime.resolve("native");
    ProcessBuilder builder = new ProcessBuilder(List.of("pulseaudio", "-n", "--daemonize=no",
        "--exit-idle-time=-1", "--disallow-exit", "--use-pid-file=no", "--log-target=stderr",
        "-L", "module-native-protocol-unix auth-anonymous=1 socket=" + socket,
        "-L", "module-null-sink sink_name=rec",
        "-L", "module-sine sink=rec frequency=" + TONE_HZ))
        .redirectOutput(folder.resolve("pulse.log").toFile())
        .redirectErrorStream(true);
    builder.environment().put("XDG_RUNTIME_DIR", runtime.toString());
    builder.environment().put("HOME", folder.toString());
    Process process = builder.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!Files.exists(socket)) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        process.destroyForcibly();
        throw new IllegalStateException("PulseAudio did not start: " + Files.readString(folder.resolve("pulse.log")));
      }
      Thread.sleep(50);
    }
    return new HeadlessPulse(process, socket);
  }

  /** The server address for PULSE_SERVER or FFmpeg's "server" option. */
  public String server() {
    return "unix:" + socket;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
