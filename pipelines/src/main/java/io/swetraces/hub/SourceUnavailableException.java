package io.swetraces.hub;

import java.io.IOException;

/**
 * A source could not be reached, even after retrying: a fault of the network or the service, not of
 * the file. Readers let it through rather than turning it into a reject, so the runner retries the
 * work or the run fails with this message.
 */
public class SourceUnavailableException extends IOException {
  public SourceUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  public SourceUnavailableException(String message) {
    super(message);
  }

  /** Throws {@code e}'s cause chain's unavailability, if there is one; otherwise returns. */
  public static void rethrowIfUnavailable(Throwable e) throws SourceUnavailableException {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SourceUnavailableException unavailable) {
        throw unavailable;
      }
    }
  }
}
