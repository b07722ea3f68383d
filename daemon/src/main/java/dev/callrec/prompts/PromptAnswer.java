package dev.callrec.prompts;

/** How the user answered a prompt, or why it closed without an answer. */
public enum PromptAnswer {
  SHARE,
  DISMISS,
  /** The question no longer applies (a Drive was connected). */
  SETTLED
}
