package io.swetraces.io;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swetraces.model.Reject;
import io.swetraces.text.Json;

/** A reject as a JSON line: where it came from, why, and the start of it. */
public final class RejectRecords {
  private RejectRecords() {}

  public static String jsonLine(Reject r) {
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.put("source", r.getSource());
    out.put("position", r.getPosition());
    out.put("stage", r.getStage());
    out.put("reason", r.getReason());
    out.put("detail", r.getDetail());
    out.put("excerpt", r.getExcerpt());
    return Json.write(out);
  }
}
