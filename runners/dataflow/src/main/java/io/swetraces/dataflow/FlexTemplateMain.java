package io.swetraces.dataflow;

import io.swetraces.pipeline.Main;
import io.swetraces.pipeline.Options;
import io.swetraces.pipeline.SweTracesOptions;
import io.swetraces.pipeline.SweTracesPipeline;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.beam.runners.dataflow.DataflowPipelineJob;
import org.apache.beam.runners.dataflow.util.DataflowTemplateJob;
import org.apache.beam.sdk.PipelineResult;

/**
 * The Flex Template's entry point: builds the same graph as the command line and submits it to
 * Dataflow, then returns at once. The template launcher must not wait for the job to finish.
 */
public final class FlexTemplateMain {
  /** Options whose local default means nothing on Dataflow workers, so a template run must set them. */
  static final Set<String> REQUIRED_ON_DATAFLOW = Set.of("output");

  private FlexTemplateMain() {}

  public static void main(String[] args) throws IOException {
    PipelineResult job = launch(args);
    if (job instanceof DataflowTemplateJob) {
      System.out.println("swe-traces: job written to --templateLocation, not submitted");
    } else if (job instanceof DataflowPipelineJob dataflow) {
      System.out.println("swe-traces: submitted Dataflow job " + dataflow.getJobId());
    }
  }

  /** Parses the template's parameters and Dataflow's options, and submits the job. */
  static PipelineResult launch(String... args) throws IOException {
    List<String> all = new ArrayList<>(Arrays.asList(args));
    for (String name : REQUIRED_ON_DATAFLOW) {
      if (!Main.given(all, name)) {
        throw new IllegalArgumentException("--" + name + " is required on Dataflow (a gs:// path)");
      }
    }
    if (!Main.given(all, "runner")) {
      all.add("--runner=DataflowRunner");
    }
    SweTracesOptions options = Options.parse(all.toArray(new String[0]));
    return SweTracesPipeline.run(options);
  }
}
