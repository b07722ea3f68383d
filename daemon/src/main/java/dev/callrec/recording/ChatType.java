package dev.callrec.recording;

public enum ChatType {
  PRIVATE, GROUP
}
