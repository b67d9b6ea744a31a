package io.swetraces.model;

import com.google.auto.value.AutoValue;
import java.util.Comparator;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;

/** An (agent, model) pair: a harness and the model that drove it, as the dataset's configs and splits name them. */
@DefaultSchema(AutoValueSchema.class)
@AutoValue
public abstract class AgentModel implements Comparable<AgentModel> {
  private static final Comparator<AgentModel> ORDER =
      Comparator.comparing(AgentModel::getAgent).thenComparing(AgentModel::getModel);

  public abstract String getAgent();

  public abstract String getModel();

  public static AgentModel of(String agent, String model) {
    return new AutoValue_AgentModel(agent, model);
  }

  /** By agent, then model. */
  @Override
  public int compareTo(AgentModel other) {
    return ORDER.compare(this, other);
  }
}
