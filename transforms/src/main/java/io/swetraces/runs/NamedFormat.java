package io.swetraces.runs;

/**
 * A raw format's id, harness and where its labels come from, which is all its readers share besides
 * {@link OswtRow}.
 */
abstract class NamedFormat implements RunFormat {
  private static final long serialVersionUID = 1L;

  private final String id;
  private final String agent;
  private final boolean labelledByRun;

  /** A format of agent runs, labelled by their evaluation files. */
  NamedFormat(String id, String agent) {
    this(id, agent, true);
  }

  /** {@code labelledByRun} false: a dataset's rows, which carry their own label. */
  NamedFormat(String id, String agent, boolean labelledByRun) {
    this.id = id;
    this.agent = agent;
    this.labelledByRun = labelledByRun;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String agent() {
    return agent;
  }

  @Override
  public boolean labelledByRun() {
    return labelledByRun;
  }
}
