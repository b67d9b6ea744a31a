package io.swetraces.hub;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** hf:// paths, glob semantics and where the token comes from. */
public class HubPathTest {
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void pathsNameRepositoryRevisionAndPath() {
    HubPath p = HubPath.parse("hf://datasets/nvidia/Open-SWE-Traces@refs%2Fconvert%2Fparquet/data/x.parquet");
    assertEquals("nvidia/Open-SWE-Traces", p.repo);
    assertEquals("refs/convert/parquet", p.revision);
    assertEquals("data/x.parquet", p.path);
    assertEquals("data", p.parent());
    assertEquals("hf://datasets/nvidia/Open-SWE-Traces@refs%2Fconvert%2Fparquet/data/x.parquet", p.toString());
    HubPath plain = HubPath.parse("hf://datasets/o/n/README.md");
    assertNull(plain.revision);
    assertEquals("main", plain.revisionOrDefault());
    assertEquals("", plain.parent());
    assertEquals("hf://datasets/o/n@abc/README.md", plain.withRevision("abc").toString());
    HubPath model = HubPath.parse("hf://models/Qwen/Qwen3-8B@abc/tokenizer.json");
    assertEquals("models", model.kind);
    assertEquals("Qwen/Qwen3-8B", model.repo);
    assertEquals("hf://models/Qwen/Qwen3-8B@abc/tokenizer.json", model.toString());
    assertThrows(IllegalArgumentException.class, () -> HubPath.parse("hf://spaces/o/n/x"));
    assertThrows(IllegalArgumentException.class, () -> HubPath.parse("hf://datasets/o"));
    assertThrows(IllegalArgumentException.class, () -> HubPath.parse("hf://datasets/o/n@/x"));
  }

  @Test
  public void globsFollowFsspec() {
    Pattern anyDepth = Globs.toRegex("data/**/*.parquet");
    assertTrue(anyDepth.matcher("data/a.parquet").matches());
    assertTrue(anyDepth.matcher("data/openhands/m/x/a.parquet").matches());
    assertFalse(anyDepth.matcher("data/a.jsonl").matches());
    Pattern oneLevel = Globs.toRegex("data/*/train-?.parquet");
    assertTrue(oneLevel.matcher("data/openhands/train-0.parquet").matches());
    assertFalse(oneLevel.matcher("data/openhands/m/train-0.parquet").matches());
    assertFalse(oneLevel.matcher("data/openhands/train-10.parquet").matches());
    assertTrue(Globs.toRegex("d/{a,b}-[0-9].json").matcher("d/b-7.json").matches());
    assertFalse(Globs.toRegex("d/[!0-9].json").matcher("d/7.json").matches());
    assertTrue(Globs.toRegex("d/x+y (1).json").matcher("d/x+y (1).json").matches());
    assertEquals("data/openhands", Globs.fixedFolder("data/openhands/*/x.parquet"));
    assertEquals("", Globs.fixedFolder("*.parquet"));
    assertTrue(Globs.spansFolders("data/openhands/*/x.parquet"));
    assertTrue(Globs.spansFolders("data/**"));
    assertFalse(Globs.spansFolders("data/openhands/*.parquet"));
  }

  @Test
  public void theTokenComesFromTheOptionThenTheEnvironmentThenTheTokenFiles() throws IOException {
    Path home = tmp.newFolder("hf-home").toPath();
    Files.writeString(home.resolve("token"), "hf_from_home\n");
    Path path = tmp.newFile("token-path").toPath();
    Files.writeString(path, "hf_from_path");
    Path option = tmp.newFile("option").toPath();
    Files.writeString(option, " hf_from_option ");
    assertEquals("hf_from_option", HubSettings.token(option.toString(), Map.of("HF_TOKEN", "hf_env")));
    assertEquals("hf_env", HubSettings.token(null, Map.of("HF_TOKEN", "hf_env", "HF_HOME", home.toString())));
    assertEquals("hf_from_path", HubSettings.token(null, Map.of("HF_TOKEN_PATH", path.toString(), "HF_HOME", home.toString())));
    assertEquals("hf_from_home", HubSettings.token(null, Map.of("HF_HOME", home.toString())));
    assertNull(HubSettings.token(null, Map.of("HF_HOME", tmp.newFolder("empty").toString())));
    assertThrows(IllegalArgumentException.class, () -> HubSettings.token(tmp.getRoot() + "/none", Map.of()));
  }
}
