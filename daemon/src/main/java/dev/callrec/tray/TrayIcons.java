package dev.callrec.tray;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** The tray icons, drawn rather than shipped: a camera outline, with a red dot while recording. */
final class TrayIcons {
  private static final int SIZE = 64;
  private static final Color OUTLINE = new Color(0x5f, 0x63, 0x68);
  private static final Color RECORDING = new Color(0xd9, 0x30, 0x25);

  private TrayIcons() {}

  static BufferedImage idle() {
    return draw(false);
  }

  static BufferedImage recording() {
    return draw(true);
  }

  private static BufferedImage draw(boolean recording) {
    BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(OUTLINE);
      g.setStroke(new BasicStroke(5f));
      g.drawRoundRect(6, 18, 36, 28, 8, 8);
      g.fillPolygon(new int[] {44, 58, 58, 44}, new int[] {28, 20, 44, 36}, 4);
      if (recording) {
        g.setColor(RECORDING);
        g.fillOval(34, 34, 28, 28);
      }
    } finally {
      g.dispose();
    }
    return image;
  }
}
