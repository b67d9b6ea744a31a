package io.swetraces.transforms;

import io.swetraces.curate.Redaction;
import io.swetraces.model.Reject;
import io.swetraces.model.Trajectory;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Replaces secrets (keys, tokens, private keys, passwords in URLs and assignments) with typed
 * placeholders in every text of a trajectory, before anything is counted or written, so no value
 * reaches an output; {@link Mode#DROP} also keeps such trajectories out of the SFT set.
 */
public final class RedactSecrets extends PTransform<PCollection<Trajectory>, WithRejects<Trajectory>> {
  /** What a trajectory with a secret becomes. */
  public enum Mode {
    /** Values replaced; the trajectory stays a candidate. */
    REDACT,
    /** Values replaced, and the trajectory dropped from the SFT set ({@code contains_secret}). */
    DROP,
    /** Nothing looked for. */
    OFF
  }

  public static final String DROP_REASON = "contains_secret";

  private static final TupleTag<Trajectory> CLEAN = new TupleTag<>() {};
  private static final TupleTag<Reject> FAILED = new TupleTag<>() {};

  private final Mode mode;

  private RedactSecrets(Mode mode) {
    this.mode = mode;
  }

  public static RedactSecrets inTrajectories() {
    return new RedactSecrets(Mode.REDACT);
  }

  public RedactSecrets withMode(Mode mode) {
    return new RedactSecrets(mode);
  }

  /** The same for rejects, whose excerpts quote rows as read. */
  public static InRejects inRejects() {
    return new InRejects(Mode.REDACT);
  }

  /** Secrets replaced in the detail and excerpt of each reject (in every mode but {@link Mode#OFF}). */
  public static final class InRejects extends PTransform<PCollection<Reject>, PCollection<Reject>> {
    private final Mode mode;

    private InRejects(Mode mode) {
      this.mode = mode;
    }

    public InRejects withMode(Mode mode) {
      return new InRejects(mode);
    }

    @Override
    public PCollection<Reject> expand(PCollection<Reject> rejects) {
      if (mode == Mode.OFF) {
        return rejects;
      }
      Redaction redaction = new Redaction();
      return rejects.apply("Redact", MapElements.into(TypeDescriptor.of(Reject.class)).via(redaction::redact));
    }
  }

  @Override
  public WithRejects<Trajectory> expand(PCollection<Trajectory> trajectories) {
    return WithRejects.of(
        trajectories.apply("Redact", ParDo.of(new RedactFn(mode)).withOutputTags(CLEAN, TupleTagList.of(FAILED))),
        CLEAN, FAILED);
  }

  static final class RedactFn extends DoFn<Trajectory, Trajectory> {
    private final Mode mode;
    private final Redaction redaction = new Redaction();

    RedactFn(Mode mode) {
      this.mode = mode;
    }

    @ProcessElement
    public void process(@Element Trajectory t, MultiOutputReceiver out) {
      if (mode == Mode.OFF) {
        out.get(CLEAN).output(t);
        return;
      }
      Trajectory r;
      try {
        r = redaction.redact(t);
      } catch (RuntimeException | StackOverflowError e) {
        out.get(FAILED).output(RowFailures.reject(t, Reject.CURATE, e));
        return;
      }
      if (r != t) {
        r.getSecretsRedacted().forEach((rule, n) -> TraceMetrics.secretsRedacted(rule).inc(n));
        if (mode == Mode.DROP && r.getSftDropReason() == null) {
          r = r.toBuilder().setSftDropReason(DROP_REASON).build();
        }
      }
      out.get(CLEAN).output(r);
    }
  }
}
