package dev.callrec.recording;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a chat title into a piece of a file name that is valid, and means the same, on Windows, macOS and
 * Linux, and that cannot point anywhere but into the folder it is put in.
 */
public final class FileNameSanitizer {
  /** Leaves room for " - Call N - YYYY-MM-DD (k).webm" and the ".part" form within 255 bytes. */
  static final int MAX_TITLE_BYTES = 150;
  static final String UNTITLED = "Untitled chat";

  private static final String FORBIDDEN = "/\\:*?\"<>|";
  private static final Pattern WHITESPACE_RUNS = Pattern.compile("\\s+");
  private static final Set<String> WINDOWS_RESERVED = Set.of(
      "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
      "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "COM¹", "COM²", "COM³",
      "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "LPT¹", "LPT²", "LPT³");

  private FileNameSanitizer() {}

  public static String sanitize(String title) {
    String text = Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFC);
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(cp -> out.append(replacement(cp)));
    String cleaned = WHITESPACE_RUNS.matcher(out).replaceAll(" ");
    cleaned = trimEnds(capBytes(trimEnds(cleaned), MAX_TITLE_BYTES));
    if (cleaned.isEmpty()) {
      return UNTITLED;
    }
    if (isWindowsReserved(cleaned)) {
      return "_" + cleaned;
    }
    return cleaned;
  }

  private static String replacement(int codePoint) {
    if (FORBIDDEN.indexOf(codePoint) >= 0) {
      return "_";
    }
    if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)) {
      return " ";
    }
    switch (Character.getType(codePoint)) {
      case Character.CONTROL:
      case Character.FORMAT: // bidi overrides and zero-width characters can disguise a name
      case Character.SURROGATE:
      case Character.PRIVATE_USE:
      case Character.UNASSIGNED:
        return "";
      default:
        return new String(Character.toChars(codePoint));
    }
  }

  /** Leading dots would hide the file (or make ".."); trailing dots and spaces are dropped by Windows. */
  private static String trimEnds(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && (text.charAt(start) == '.' || text.charAt(start) == ' ')) {
      start++;
    }
    while (end > start && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == ' ')) {
      end--;
    }
    return text.substring(start, end);
  }

  private static String capBytes(String text, int maxBytes) {
    if (text.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    int bytes = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int length = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (bytes + length > maxBytes) {
        break;
      }
      out.appendCodePoint(cp);
      bytes += length;
      i += Character.charCount(cp);
    }
    return out.toString();
  }

  /** Windows reserves device names even with an extension ("con.txt") or trailing spaces. */
  private static boolean isWindowsReserved(String name) {
    int dot = name.indexOf('.');
    String stem = (dot >= 0 ? name.substring(0, dot) : name).trim().toUpperCase(Locale.ROOT);
    return WINDOWS_RESERVED.contains(stem);
  }
}
