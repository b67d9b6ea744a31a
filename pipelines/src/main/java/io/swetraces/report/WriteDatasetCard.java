package io.swetraces.report;

import io.swetraces.chat.SftFormat;
import io.swetraces.fs.AtomicFiles;
import io.swetraces.stats.RunSummary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.util.MimeTypes;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;

/** Writes the output folder's {@link DatasetCard} from the run's summary, and passes the summary on. */
public final class WriteDatasetCard extends PTransform<PCollection<RunSummary>, PCollection<RunSummary>> {
  private final String file;
  private final List<SftFormat> formats;
  private final PCollectionView<Map<String, Long>> licenses;

  private WriteDatasetCard(String file, List<SftFormat> formats, PCollectionView<Map<String, Long>> licenses) {
    this.file = file;
    this.formats = formats;
    this.licenses = licenses;
  }

  /**
   * @param licenses the training examples per licence ({@code null} licences counted under
   *     {@link #unknownLicense})
   */
  public static WriteDatasetCard to(String file, List<SftFormat> formats,
      PCollectionView<Map<String, Long>> licenses) {
    return new WriteDatasetCard(file, List.copyOf(formats), licenses);
  }

  /** What a row's licence counts as when it names none. */
  public static String unknownLicense() {
    return DatasetCard.UNKNOWN;
  }

  @Override
  public PCollection<RunSummary> expand(PCollection<RunSummary> summary) {
    return summary.apply("RenderAndWrite", ParDo.of(new WriteCardFn(file, formats, licenses))
        .withSideInputs(licenses));
  }

  private static final class WriteCardFn extends DoFn<RunSummary, RunSummary> {
    private final String file;
    private final List<SftFormat> formats;
    private final PCollectionView<Map<String, Long>> licenses;

    WriteCardFn(String file, List<SftFormat> formats, PCollectionView<Map<String, Long>> licenses) {
      this.file = file;
      this.formats = formats;
      this.licenses = licenses;
    }

    @ProcessElement
    public void process(ProcessContext c) throws IOException {
      String card = DatasetCard.render(c.element(), formats, c.sideInput(licenses));
      AtomicFiles.write(FileSystems.matchNewResource(file, false),
          MimeTypes.TEXT, card.getBytes(StandardCharsets.UTF_8));
      c.output(c.element());
    }
  }
}
