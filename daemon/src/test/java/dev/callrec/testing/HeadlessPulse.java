package dev.callrec.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real PulseAudio server of the test's own, with a null sink called "rec" (the call's output) into which a
 * 1 kHz tone plays (or, started quiet, plays once asked), so that recording the sink's monitor captures a
 * known sound.
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
    HeadlessPulse pulse = startQuiet(folder);
    pulse.playTone();
    return pulse;
  }

  /** A server whose sink is silent until {@link #playTone()}. */
  public static HeadlessPulse startQuiet(Path folder) throws Exception {
    Path runtime = Files.createDirectories(folder.resolve("pulse-runtime"));
    Path socket = runtime.resolve("native");
    ProcessBuilder builder = new ProcessBuilder(List.of("pulseaudio", "-n", "--daemonize=no",
        "--exit-idle-time=-1", "--disallow-exit", "--use-pid-file=no", "--log-target=stderr",
        "-L", "module-native-protocol-unix auth-anonymous=1 socket=" + socket,
        "-L", "module-null-sink sink_name=rec"))
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

  /** Starts the tone; returns once the server plays it. */
  public void playTone() throws Exception {
    pactl("load-module", "module-sine", "sink=rec", "frequency=" + TONE_HZ);
  }

  /** Stops the tone. */
  public void stopTone() throws Exception {
    pactl("unload-module", "module-sine");
  }

  private void pactl(String... arguments) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("pactl"));
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("PULSE_SERVER", server());
    Process pactl = builder.start();
    pactl.getOutputStream().close();
    String output = new String(pactl.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (pactl.waitFor() != 0) {
      throw new IllegalStateException("pactl " + command + " failed: " + output);
    }
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
