package dev.callrec.sync;

import java.net.URI;
import java.nio.file.Path;

/** Opens the Drive implementation a {@link DriveSpec} names. */
public final class Drives implements DriveFactory {
  /** The folder on every Drive that recordings go into ("My Drive / Recorded video calls"). */
  public static final String FOLDER = "Recorded video calls";

  private final SyncSettings settings;

  public Drives(SyncSettings settings) {
    this.settings = settings;
  }

  @Override
  public Drive open(DriveSpec spec, String password) {
    return switch (spec.kind()) {
      case LOCAL_FOLDER -> new LocalFolderDrive(Path.of(spec.location()));
      case WEBDAV -> new WebDavDrive(URI.create(spec.location()), spec.user(), password.toCharArray(), FOLDER,
          settings.bytesPerSecond());
    };
  }
}
