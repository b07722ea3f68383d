package dev.callrec.platform;

import java.util.Locale;
import java.util.Map;

/** The name of the recordings folder in the user's language, as the product shows it. */
public final class RecordingsFolderName {
  private static final String ENGLISH = "Recorded video calls";
  private static final Map<String, String> BY_LANGUAGE = Map.of(
      "en", ENGLISH,
      "de", "Aufgezeichnete Videoanrufe");

  private RecordingsFolderName() {}

  public static String forLocale(Locale locale) {
    return BY_LANGUAGE.getOrDefault(locale.getLanguage(), ENGLISH);
  }
}
