package io.swetraces.hub;

import io.swetraces.io.SourceUnavailableException;

/** The Hub kept failing (rate limits, server errors, dropped or stalled connections) past the retries. */
final class HubUnavailableException extends SourceUnavailableException {
  HubUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
