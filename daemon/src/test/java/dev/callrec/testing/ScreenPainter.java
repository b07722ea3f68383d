package dev.callrec.testing;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Toolkit;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.swing.JFrame;
import javax.swing.JPanel;
import javax.swing.SwingUtilities;
import javax.swing.Timer;

/**
 * Paints a virtual display from a process of its own (the X display is chosen by its environment): a window
 * over the whole screen that shows moving bars, or one solid colour, as told line by line on stdin
 * ("animate", "fill RRGGBB", "bounds X Y W H", "hide", "quit"); it answers "ok" and the wall-clock time in microseconds at which
 * the picture reached the screen.
 */
public final class ScreenPainter {
  public static final String TITLE = "callrec test painter";

  private volatile Color fill;

  public static void main(String[] args) throws Exception {
    new ScreenPainter().run();
  }

  private void run() throws Exception {
    Dimension screen = Toolkit.getDefaultToolkit().getScreenSize();
    JPanel panel = new JPanel() {
      @Override
      protected void paintComponent(Graphics g) {
        Color solid = fill;
        if (solid != null) {
          g.setColor(solid);
          g.fillRect(0, 0, getWidth(), getHeight());
          return;
        }
        long ms = System.currentTimeMillis();
        int offset = (int) (ms / 4 % 200);
        for (int x = -200; x < getWidth(); x += 100) {
          g.setColor(((x + 200) / 100) % 2 == 0 ? Color.WHITE : Color.BLUE);
          g.fillRect(x + offset, 0, 100, getHeight());
        }
      }
    };
    JFrame frame = new JFrame(TITLE);
    SwingUtilities.invokeAndWait(() -> {
      frame.setUndecorated(true);
      frame.setContentPane(panel);
      frame.setBounds(0, 0, screen.width, screen.height);
      frame.setVisible(true);
      new Timer(15, e -> panel.repaint()).start();
    });
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      List<String> words = List.of(line.trim().split("\\s+"));
      switch (words.get(0)) {
        case "fill" -> fill = new Color(Integer.parseInt(words.get(1), 16));
        case "animate" -> {
          fill = null;
          SwingUtilities.invokeAndWait(() -> frame.setVisible(true));
        }
        case "hide" -> SwingUtilities.invokeAndWait(() -> frame.setVisible(false));
        case "bounds" -> SwingUtilities.invokeAndWait(() -> frame.setBounds(Integer.parseInt(words.get(1)),
            Integer.parseInt(words.get(2)), Integer.parseInt(words.get(3)), Integer.parseInt(words.get(4))));
        case "quit" -> System.exit(0);
        default -> { }
      }
      SwingUtilities.invokeAndWait(() -> panel.paintImmediately(0, 0, panel.getWidth(), panel.getHeight()));
      Toolkit.getDefaultToolkit().sync();
      java.time.Instant shown = java.time.Instant.now();
      TimeUnit.MILLISECONDS.sleep(100);
      System.out.println("ok " + (shown.getEpochSecond() * 1_000_000L + shown.getNano() / 1000));
      System.out.flush();
    }
    System.exit(0);
  }

  /** Starts a painter on {@code display} and waits until its window is up. */
  public static Painter start(String display) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(List.of(
        java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Djava.awt.headless=false", "-cp", System.getProperty("java.class.path"), ScreenPainter.class.getName()));
    builder.environment().put("DISPLAY", display);
    builder.redirectError(ProcessBuilder.Redirect.INHERIT);
    Painter painter = new Painter(builder.start());
    painter.send("animate");
    return painter;
  }

  /** The test's handle on a painter process. */
  public static final class Painter implements AutoCloseable {
    private final Process process;
    private final BufferedReader answers;

    Painter(Process process) {
      this.process = process;
      this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Sends one command, waits until it shows on screen, and returns when that was (wall clock, µs). */
    public long send(String command) throws Exception {
      process.getOutputStream().write((command + "\n").getBytes(StandardCharsets.UTF_8));
      process.getOutputStream().flush();
      String answer = answers.readLine();
      if (answer == null || !answer.startsWith("ok ")) {
        throw new IllegalStateException("The screen painter did not answer (" + answer + ")");
      }
      return Long.parseLong(answer.substring(3).trim());
    }

    @Override
    public void close() throws InterruptedException {
      process.destroy();
      process.waitFor(5, TimeUnit.SECONDS);
    }
  }
}
