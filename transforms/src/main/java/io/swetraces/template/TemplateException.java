package io.swetraces.template;

/** A template that cannot be parsed, or that fails or raises an exception while rendering. */
public final class TemplateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TemplateException(String message) {
    super(message);
  }
}
