package io.swetraces.transforms;

import io.swetraces.model.RawRow;
import io.swetraces.model.Reject;
import io.swetraces.model.Trajectory;
import io.swetraces.parse.BadRowException;
import io.swetraces.parse.TrajectoryParser;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Turns raw rows in any variant of the Open-SWE-Traces schema into canonical {@link Trajectory}
 * values; rows that cannot be read as a trajectory come out as {@link Reject}s with the reason.
 */
public final class Normalize extends PTransform<PCollection<RawRow>, WithRejects<Trajectory>> {
  private static final TupleTag<Trajectory> TRAJECTORIES = new TupleTag<>() {};
  private static final TupleTag<Reject> REJECTS = new TupleTag<>() {};

  private final @Nullable String agent;
  private final @Nullable String model;

  private Normalize(@Nullable String agent, @Nullable String model) {
    this.agent = agent;
    this.model = model;
  }

  /** Normalizes rows, taking agent and model tags from the rows or their paths. */
  public static Normalize rows() {
    return new Normalize(null, null);
  }

  /** Tags every row with this agent (harness), whatever the row says. */
  public Normalize withAgent(@Nullable String agent) {
    return new Normalize(agent, model);
  }

  /** Tags every row with this model, whatever the row says. */
  public Normalize withModel(@Nullable String model) {
    return new Normalize(agent, model);
  }

  @Override
  public WithRejects<Trajectory> expand(PCollection<RawRow> rows) {
    var tuple =
        rows.apply(
            "ParseRows",
            ParDo.of(new NormalizeFn(new TrajectoryParser(agent, model)))
                .withOutputTags(TRAJECTORIES, TupleTagList.of(REJECTS)));
    return WithRejects.of(tuple, TRAJECTORIES, REJECTS);
  }

  static final class NormalizeFn extends DoFn<RawRow, Trajectory> {
    private final TrajectoryParser parser;

    NormalizeFn(TrajectoryParser parser) {
      this.parser = parser;
    }

    @ProcessElement
    public void process(@Element RawRow row, MultiOutputReceiver out) {
      try {
        out.get(TRAJECTORIES).output(parser.parse(row));
        TraceMetrics.NORMALIZED.inc();
      } catch (BadRowException e) {
        reject(row, e.reason(), e.getMessage(), out);
      } catch (RuntimeException | StackOverflowError e) {
        // A row that trips the parser must not take the whole run down with it.
        reject(row, "unparseable_row", e.getClass().getSimpleName() + ": " + e.getMessage(), out);
      }
    }

    private static void reject(RawRow row, String reason, String detail, MultiOutputReceiver out) {
      TraceMetrics.NORMALIZE_REJECTS.inc();
      out.get(REJECTS)
          .output(Reject.of(row.getSource(), row.getPosition(), "normalize", reason, detail, row.getJson()));
    }
  }
}
