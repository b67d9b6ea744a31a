package io.swetraces.io;

import io.swetraces.model.Reject;
import io.swetraces.model.RunLabel;
import io.swetraces.model.Trajectory;
import io.swetraces.transforms.TupleOutput;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;

/**
 * What reading files gives: trajectories, rejects, the labels and predictions of evaluation files,
 * and the paths of files that hold no trajectory (a path may come more than once).
 */
final class FilesRead extends TupleOutput {
  static final TupleTag<Trajectory> TRAJECTORIES = new TupleTag<>() {};
  static final TupleTag<Reject> REJECTS = new TupleTag<>() {};
  static final TupleTag<RunLabel> LABELS = new TupleTag<>() {};
  static final TupleTag<String> NOT_TRAJECTORIES = new TupleTag<>() {};

  FilesRead(PCollectionTuple tuple) {
    super(tuple);
  }

  PCollection<Trajectory> trajectories() {
    return tuple.get(TRAJECTORIES);
  }

  PCollection<Reject> rejects() {
    return tuple.get(REJECTS);
  }

  PCollection<RunLabel> labels() {
    return tuple.get(LABELS);
  }

  PCollection<String> notTrajectories() {
    return tuple.get(NOT_TRAJECTORIES);
  }

  /** This read with other trajectories in place of its own. */
  FilesRead withTrajectories(PCollection<Trajectory> trajectories) {
    return new FilesRead(PCollectionTuple.of(TRAJECTORIES, trajectories).and(REJECTS, rejects())
        .and(LABELS, labels()).and(NOT_TRAJECTORIES, notTrajectories()));
  }

  /** Both reads as one. */
  FilesRead and(String name, FilesRead other) {
    return new FilesRead(PCollectionTuple.of(TRAJECTORIES, flatten(name + "Trajectories", trajectories(), other.trajectories()))
        .and(REJECTS, flatten(name + "Rejects", rejects(), other.rejects()))
        .and(LABELS, flatten(name + "Labels", labels(), other.labels()))
        .and(NOT_TRAJECTORIES, flatten(name + "NotTrajectories", notTrajectories(), other.notTrajectories())));
  }

  private static <T> PCollection<T> flatten(String name, PCollection<T> a, PCollection<T> b) {
    return PCollectionList.of(a).and(b).apply(name, Flatten.pCollections());
  }
}
