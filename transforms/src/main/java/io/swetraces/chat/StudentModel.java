package io.swetraces.chat;

import io.swetraces.tokens.StudentTokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The model an SFT set is for: its tokenizer folder as Hugging Face stores it beside a model
 * ({@code tokenizer.json}, {@code tokenizer_config.json}, optionally {@code chat_template.jinja}),
 * on any Beam file system, and optionally a chat template file used instead of the folder's. What
 * travels to the workers is this description; each worker process loads the files once.
 */
public final class StudentModel implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final String TOKENIZER_FILE = "tokenizer.json";
  private static final Map<StudentModel, ChatTemplate> TEMPLATES = new ConcurrentHashMap<>();
  private static final Map<StudentModel, StudentTokenizer> TOKENIZERS = new ConcurrentHashMap<>();

  private final String folder;
  private final @Nullable String templateFile;

  private StudentModel(String folder, @Nullable String templateFile) {
    this.folder = folder.endsWith("/") ? folder.substring(0, folder.length() - 1) : folder;
    this.templateFile = templateFile;
  }

  public static StudentModel at(String folder, @Nullable String templateFile) {
    return new StudentModel(folder, templateFile == null || templateFile.isBlank() ? null : templateFile);
  }

  /** Fails now, with the file named, if the template does not load or the tokenizer is missing. */
  public void check() throws IOException {
    template();
    if (!exists(folder + "/" + TOKENIZER_FILE)) {
      throw new IOException("--tokenizer: no file " + folder + "/" + TOKENIZER_FILE);
    }
  }

  /** The chat template: the given file, else the folder's {@code chat_template.jinja}, else its config's. */
  public ChatTemplate template() throws IOException {
    try {
      return TEMPLATES.computeIfAbsent(this, m -> {
        try {
          String override = templateFile != null ? read(templateFile) : readIfPresent(folder + "/chat_template.jinja");
          return ChatTemplate.of(read(folder + "/tokenizer_config.json"), override);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** The tokenizer of {@code tokenizer.json}. */
  public StudentTokenizer tokenizer() throws IOException {
    try {
      return TOKENIZERS.computeIfAbsent(this, m -> {
        try {
          return StudentTokenizer.of(bytes(folder + "/" + TOKENIZER_FILE));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static @Nullable String readIfPresent(String path) throws IOException {
    return exists(path) ? read(path) : null;
  }

  private static boolean exists(String path) throws IOException {
    MatchResult match = FileSystems.match(path);
    return match.status() == MatchResult.Status.OK && !match.metadata().isEmpty();
  }

  private static String read(String path) throws IOException {
    return new String(bytes(path), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String path) throws IOException {
    ResourceId file;
    try {
      file = FileSystems.matchSingleFileSpec(path).resourceId();
    } catch (IOException | IllegalArgumentException e) {
      throw new IOException("--tokenizer: no file " + path, e);
    }
    try (InputStream in = Channels.newInputStream(FileSystems.open(file))) {
      return in.readAllBytes();
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StudentModel m && m.folder.equals(folder) && java.util.Objects.equals(m.templateFile,
        templateFile);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(folder, templateFile);
  }

  @Override
  public String toString() {
    return folder + (templateFile == null ? "" : " with " + templateFile);
  }
}
