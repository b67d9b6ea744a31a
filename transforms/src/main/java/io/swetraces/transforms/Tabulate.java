package io.swetraces.transforms;

import io.swetraces.model.AnalysisRow;
import io.swetraces.model.Trajectory;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * One {@link AnalysisRow} per curated trajectory, kept or dropped. Each collection becomes rows
 * before they meet: a runner cannot chain a step that has two inputs (Flink), so what crosses to it
 * is the small row rather than the whole trajectory.
 */
public final class Tabulate extends PTransform<PCollectionList<Trajectory>, PCollection<AnalysisRow>> {
  private Tabulate() {}

  public static Tabulate analysisRows() {
    return new Tabulate();
  }

  @Override
  public PCollection<AnalysisRow> expand(PCollectionList<Trajectory> curated) {
    PCollectionList<AnalysisRow> rows = PCollectionList.empty(curated.getPipeline());
    for (int i = 0; i < curated.size(); i++) {
      rows = rows.and(curated.get(i).apply("Rows" + i,
          MapElements.into(TypeDescriptor.of(AnalysisRow.class)).via(AnalysisRow::of)));
    }
    return rows.apply("AllRows", Flatten.pCollections());
  }
}
