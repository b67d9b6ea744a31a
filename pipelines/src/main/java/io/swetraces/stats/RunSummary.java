package io.swetraces.stats;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swetraces.text.Json;
import io.swetraces.transforms.SftCriteria;
import java.util.Map;
import java.util.TreeMap;

/**
 * The content of {@code summary.json}: the counts that prove every row was accounted for, the SFT
 * funnel, and the tutorial's figures.
 */
public final class RunSummary {
  private RunSummary() {}

  public static ObjectNode of(
      AnalysisStats stats,
      long rowsRead,
      long sampledOut,
      Map<String, Long> rejectsByReason,
      Map<String, String> settings) {
    ObjectNode out = Json.MAPPER.createObjectNode();
    ObjectNode counts = out.putObject("counts");
    long rejected = rejectsByReason.values().stream().mapToLong(Long::longValue).sum();
    counts.put("rows_read", rowsRead);
    counts.put("analysed", stats.rows());
    counts.put("rejected", rejected);
    counts.put("sampled_out", sampledOut);
    counts.put("accounted_for", stats.rows() + rejected + sampledOut == rowsRead);
    ObjectNode byReason = counts.putObject("rejected_by_reason");
    new TreeMap<>(rejectsByReason).forEach(byReason::put);
    counts.put("sft_kept", stats.kept());
    ObjectNode dropped = counts.putObject("sft_dropped");
    for (String reason : SftCriteria.REASONS) {
      dropped.put(reason, stats.dropReasons().getOrDefault(reason, 0L));
    }
    ObjectNode options = out.putObject("settings");
    new TreeMap<>(settings).forEach(options::put);
    out.setAll(stats.figures());
    return out;
  }
}
