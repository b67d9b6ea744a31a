package io.swetraces.transforms;

/** What a curation stage does with a trajectory it finds a problem in. */
public enum CurationMode {
  /** Noted in its column, and dropped from the SFT set with the stage's reason. */
  DROP,
  /** Noted in its column only. */
  FLAG,
  /** Not looked for. */
  OFF
}
