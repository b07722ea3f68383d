package dev.callrec.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A real X server without a screen (Xvfb) on a display number it picks itself. */
public final class VirtualDisplay implements AutoCloseable {
  private final Process process;
  private final String name;

  private VirtualDisplay(Process process, String name) {
    this.process = process;
    this.name = name;
  }

  public static VirtualDisplay start(int width, int height) throws Exception {
    Process process = new ProcessBuilder(List.of("Xvfb", "-displayfd", "1", "-screen", "0",
        width + "x" + height + "x24", "-nolisten", "tcp", "-noreset"))
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String number = CompletableFuture.supplyAsync(() -> {
      try {
        return out.readLine();
      } catch (IOException e) {
        return null;
      }
    }).get(20, TimeUnit.SECONDS);
    if (number == null) {
      process.destroyForcibly();
      throw new IllegalStateException("Xvfb did not start (is the xvfb package installed?)");
    }
    return new VirtualDisplay(process, ":" + number.trim());
  }

  /** The display's name, such as ":93". */
  public String name() {
    return name;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
