package io.swetraces.runs;

/** A raw format's id and harness, which is all its readers share besides {@link OswtRow}. */
abstract class NamedFormat implements RunFormat {
  private static final long serialVersionUID = 1L;

  private final String id;
  private final String agent;

  NamedFormat(String id, String agent) {
    this.id = id;
    this.agent = agent;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String agent() {
    return agent;
  }
}
