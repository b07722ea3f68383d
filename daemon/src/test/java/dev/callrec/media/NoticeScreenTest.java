package dev.callrec.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class NoticeScreenTest {

  @Test
  void rendersBgr0PixelsWithTextOnTheBackground() {
    ByteBuffer pixels = NoticeScreen.render(640, 360, Locale.GERMAN);
    assertThat(pixels.capacity()).isEqualTo(640 * 360 * 4);
    // The top-left corner is background: B, G, R, then a byte FFmpeg ignores.
    assertThat(new int[] {pixels.get(0) & 0xFF, pixels.get(1) & 0xFF, pixels.get(2) & 0xFF})
        .containsExactly(NoticeScreen.BACKGROUND.getBlue(), NoticeScreen.BACKGROUND.getGreen(),
            NoticeScreen.BACKGROUND.getRed());
    int bright = 0;
    for (int i = 0; i < pixels.capacity(); i += 4) {
      if ((pixels.get(i + 2) & 0xFF) > 200) {
        bright++;
      }
    }
    assertThat(bright).as("pixels of the light text").isGreaterThan(200);
  }

  @Test
  void theTextIsLocalised() {
    assertThat(java.util.ResourceBundle.getBundle("dev.callrec.media.Notice", Locale.GERMAN).getString("title"))
        .isEqualTo("Textchats werden nicht aufgezeichnet");
    assertThat(java.util.ResourceBundle.getBundle("dev.callrec.media.Notice", Locale.ENGLISH).getString("title"))
        .isEqualTo("Text chats are not recorded");
  }
}
