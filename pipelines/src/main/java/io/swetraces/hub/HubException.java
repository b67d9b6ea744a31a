package io.swetraces.hub;

import java.io.IOException;

/**
 * The Hub refused a request for a reason retrying cannot fix: a missing dataset, revision or file,
 * a gated or private dataset, a refused token. The message says what to do.
 */
class HubException extends IOException {
  final int status;
  final boolean notFound;

  HubException(int status, boolean notFound, String message) {
    super(message);
    this.status = status;
    this.notFound = notFound;
  }
}
