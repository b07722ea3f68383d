package dev.callrec;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version the build stamped into the jar. */
public final class CallrecVersion {
  private static final String VERSION = read();

  private CallrecVersion() {}

  public static String get() {
    return VERSION;
  }

  private static String read() {
    try (InputStream in = CallrecVersion.class.getResourceAsStream("version.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("version", "development");
    } catch (IOException e) {
      return "development";
    }
  }
}
