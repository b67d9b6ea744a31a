package io.swetraces.pipeline;

import static org.junit.Assert.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swetraces.text.Json;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A row with a reference patch (Open-SWE-Traces' {@code metadata.reference_patch}) gets the columns
 * comparing its final patch with it; a row without one leaves them empty.
 */
public class ReferencePatchTest {
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void theFinalPatchIsComparedWithTheReference() throws Exception {
    List<String> sample = Files.readAllLines(Runs.SAMPLE.resolve("oswt-sample.jsonl"), StandardCharsets.UTF_8);
    ObjectNode withReference = Json.parseObject(sample.get(1)); // pydicom__pydicom-1458: its patch changes one file
    String patch = withReference.get("model_patch").textValue();
    ((ObjectNode) withReference.get("metadata")).putObject("reference_patch").put("patch", patch
        + "diff --git a/pydicom/other.py b/pydicom/other.py\n@@ -1 +1 @@\n-a\n+b\n");
    Path in = tmp.getRoot().toPath().resolve("rows.jsonl");
    Files.writeString(in, Json.write(withReference) + "\n" + sample.get(0) + "\n", StandardCharsets.UTF_8);
    Runs.run(in.toString(), tmp.getRoot().toPath().resolve("out"), "--requireResolved=false");

    String csv = String.join("\n", Runs.lines(tmp.getRoot().toPath().resolve("out"), "analysis"));
    List<List<String>> rows = new ArrayList<>();
    for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
        .parse(new StringReader(csv))) {
      rows.add(REFERENCE_COLUMNS.stream().map(r::get).toList());
    }
    List<String> compared = rows.stream().filter(r -> !r.get(0).isEmpty()).findFirst().orElseThrow();
    assertEquals(List.of("2", "1", "1.0", "0.5", "False"), compared);
    assertEquals(List.of("", "", "", "", ""), rows.stream().filter(r -> r.get(0).isEmpty()).findFirst().orElseThrow());
  }

  private static final List<String> REFERENCE_COLUMNS =
      List.of("ref_patch_files", "files_in_both", "file_precision", "file_recall", "same_changes_as_reference");
}
