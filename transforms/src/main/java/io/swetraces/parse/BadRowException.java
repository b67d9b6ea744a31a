package io.swetraces.parse;

/** A row that cannot be turned into a trajectory; {@link #reason()} is a short stable code. */
public final class BadRowException extends Exception {
  private final String reason;

  public BadRowException(String reason, String detail) {
    super(detail);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
