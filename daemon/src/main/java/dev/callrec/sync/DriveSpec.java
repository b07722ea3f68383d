package dev.callrec.sync;

/**
 * The Drive the user connected, as it is kept between runs: its kind, where it is, and the user name. The
 * password is kept apart, in the secrets file.
 */
public record DriveSpec(Kind kind, String location, String user) {

  public enum Kind {
    LOCAL_FOLDER, WEBDAV
  }
}
