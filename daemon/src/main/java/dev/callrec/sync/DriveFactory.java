package dev.callrec.sync;

/** Opens the Drive a {@link DriveSpec} describes. */
@FunctionalInterface
public interface DriveFactory {
  Drive open(DriveSpec spec, String password) throws DriveException;
}
