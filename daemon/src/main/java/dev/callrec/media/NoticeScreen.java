package dev.callrec.media;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The picture recorded instead of a text chat: a crossed-out speech bubble and a sentence saying why, in the
 * user's language. Rendered once per recording in the encoder's own BGR0 layout.
 */
public final class NoticeScreen {
  static final Color BACKGROUND = new Color(0x20, 0x21, 0x24);
  private static final Color FOREGROUND = new Color(0xE8, 0xEA, 0xED);
  private static final Color MUTED = new Color(0x9A, 0xA0, 0xA6);

  private NoticeScreen() {}

  /** The notice as BGR0 pixels, {@code width * 4} bytes a row. */
  public static ByteBuffer render(int width, int height, Locale locale) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      draw(g, width, height, ResourceBundle.getBundle("dev.callrec.media.Notice", locale));
    } finally {
      g.dispose();
    }
    // TYPE_INT_RGB holds 0x??RRGGBB per pixel: written little-endian, that is B, G, R and a byte FFmpeg's BGR0
    // ignores.
    int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    ByteBuffer bgr0 = ByteBuffer.allocateDirect(pixels.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    bgr0.asIntBuffer().put(pixels);
    return bgr0;
  }

  /** The notice's background alone, for a machine that cannot draw text: the chat stays hidden all the same. */
  public static ByteBuffer blank(int width, int height) {
    ByteBuffer bgr0 = ByteBuffer.allocateDirect(width * height * 4).order(ByteOrder.LITTLE_ENDIAN);
    int pixel = BACKGROUND.getRGB();
    for (int i = 0; i < width * height; i++) {
      bgr0.putInt(pixel);
    }
    return bgr0.flip();
  }

  private static void draw(Graphics2D g, int width, int height, ResourceBundle text) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(BACKGROUND);
    g.fillRect(0, 0, width, height);

    int unit = Math.max(8, Math.min(width, height) / 12);
    int centerX = width / 2;
    int bubbleTop = height / 2 - 2 * unit;
    g.setStroke(new BasicStroke(Math.max(2f, unit / 8f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.setColor(MUTED);
    g.draw(new RoundRectangle2D.Double(centerX - 1.2 * unit, bubbleTop, 2.4 * unit, 1.6 * unit, unit / 2.0, unit / 2.0));
    g.draw(new Line2D.Double(centerX - 1.4 * unit, bubbleTop + 1.8 * unit, centerX + 1.4 * unit, bubbleTop - 0.2 * unit));

    Font title = new Font(Font.SANS_SERIF, Font.BOLD, Math.max(10, unit / 2));
    Font detail = new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(8, unit / 3));
    drawCentered(g, text.getString("title"), title, FOREGROUND, centerX, height / 2 + unit / 2, width);
    drawCentered(g, text.getString("detail"), detail, MUTED, centerX, height / 2 + unit + unit / 2, width);
  }

  private static void drawCentered(Graphics2D g, String line, Font font, Color color, int centerX, int baseline,
      int width) {
    Font fitted = font;
    FontMetrics metrics = g.getFontMetrics(fitted);
    while (metrics.stringWidth(line) > width * 9 / 10 && fitted.getSize() > 6) {
      fitted = fitted.deriveFont(fitted.getSize2D() - 1);
      metrics = g.getFontMetrics(fitted);
    }
    g.setFont(fitted);
    g.setColor(color);
    g.drawString(line, centerX - metrics.stringWidth(line) / 2, baseline);
  }
}
