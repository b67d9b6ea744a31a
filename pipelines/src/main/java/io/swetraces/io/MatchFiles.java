package io.swetraces.io;

import java.io.IOException;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.transforms.Distinct;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Expands each input pattern into the files it matches, on any Beam file system, keeping the
 * pattern's tags. A file that several patterns match is read once.
 */
final class MatchFiles extends PTransform<PCollection<TraceSource>, PCollection<TraceInput>> {
  @Override
  public PCollection<TraceInput> expand(PCollection<TraceSource> patterns) {
    return patterns.apply("MatchPatterns", ParDo.of(new MatchFn()))
        .apply("OncePerFile",
            Distinct.withRepresentativeValueFn(TraceInput::getPath).withRepresentativeType(TypeDescriptors.strings()));
  }

  static final class MatchFn extends DoFn<TraceSource, TraceInput> {
    @ProcessElement
    public void process(@Element TraceSource source, OutputReceiver<TraceInput> out) throws IOException {
      MatchResult match = FileSystems.match(source.getPattern(), EmptyMatchTreatment.ALLOW_IF_WILDCARD);
      boolean named = !FileSystems.hasGlobWildcard(source.getPattern());
      for (MatchResult.Metadata file : match.metadata()) {
        if (!file.resourceId().isDirectory()) {
          String path = file.resourceId().toString();
          out.output(named
              ? TraceInput.named(path, file.sizeBytes(), source.getAgent(), source.getModel())
              : TraceInput.of(path, file.sizeBytes(), source.getAgent(), source.getModel()));
        }
      }
    }
  }
}
