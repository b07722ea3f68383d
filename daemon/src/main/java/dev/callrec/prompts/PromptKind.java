package dev.callrec.prompts;

/** What a prompt asks the user. */
public enum PromptKind {
  /** A recording is on the Drive: share it with the chat's participants? */
  SHARE,
  /** A recording is final but no Drive is connected: connect one? */
  CONNECT_DRIVE,
  /** callrec was closed during a recording, which was saved: sync and share it? */
  INTERRUPTED
}
