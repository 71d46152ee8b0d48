package org.runbook.coauthor.validate.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.runbook.coauthor.validate.model.JobView;
import org.runbook.coauthor.validate.model.OptionView;
import org.runbook.coauthor.validate.read.JsonJobReader;
import org.runbook.coauthor.validate.read.ParsedDocument;
import org.runbook.coauthor.validate.read.XmlJobReader;
import org.runbook.coauthor.validate.read.YamlJobReader;

/**
 * The jobs a job reference can point at: the jobs of a directory of job files ({@code --library}),
 * read with the validator's own readers. Files that cannot be read are skipped; another rule reports
 * them when they are validated themselves. A directory is read once per content: the result is cached
 * by path and by the names, sizes and modification times of its files.
 */
public final class JobLibrary {
    /** Largest number of files read from a library, and largest file, so a wrong path cannot stall a run. */
    static final int MAX_FILES = 5_000;

    static final long MAX_FILE_BYTES = 8L * 1024 * 1024;

    private static final Map<Path, Cached> CACHE = new LinkedHashMap<>();

    /** A job as a reference sees it. {@code group} is {@code ""} for none. */
    public record Job(String name, String group, String uuid, String project, List<String> options, String file) {
        /** "group/name" or "name". */
        public String label() {
            return group.isEmpty() ? name : group + "/" + name;
        }
    }

    private record Cached(String signature, List<Job> jobs) {}

    private JobLibrary() {}

    /** The jobs of one document. */
    public static List<Job> of(List<JobView> jobs, String file) {
        List<Job> out = new ArrayList<>();
        for (JobView job : jobs) {
            out.add(job(job, file));
        }
        return out;
    }

    /** The jobs of every YAML, JSON and XML file under {@code dir}; empty when it cannot be read. */
    public static List<Job> load(Path dir) {
        Path key = dir.toAbsolutePath().normalize();
        List<Path> files = files(key);
        String signature = signature(files);
        synchronized (CACHE) {
            Cached cached = CACHE.get(key);
            if (cached != null && cached.signature().equals(signature)) {
                return cached.jobs();
            }
        }
        List<Job> jobs = new ArrayList<>();
        for (Path f : files) {
            jobs.addAll(read(f, key.relativize(f).toString()));
        }
        List<Job> result = List.copyOf(jobs);
        synchronized (CACHE) {
            if (CACHE.size() > 16) {
                CACHE.clear();
            }
            CACHE.put(key, new Cached(signature, result));
        }
        return result;
    }

    private static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir, 8)) {
            return s.filter(Files::isRegularFile)
                    .filter(p ->
                            p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(ya?ml|json|xml)"))
                    .sorted()
                    .limit(MAX_FILES)
                    .toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static String signature(List<Path> files) {
        StringBuilder out = new StringBuilder();
        for (Path f : files) {
            try {
                out.append(f)
                        .append(':')
                        .append(Files.size(f))
                        .append(':')
                        .append(Files.getLastModifiedTime(f).toMillis())
                        .append('\n');
            } catch (IOException e) {
                out.append(f).append(":?\n");
            }
        }
        return out.toString();
    }

    private static List<Job> read(Path f, String name) {
        try {
            if (Files.size(f) > MAX_FILE_BYTES) {
                return List.of();
            }
            String text = Files.readString(f);
            String lower = name.toLowerCase(Locale.ROOT);
            ParsedDocument doc = lower.endsWith(".json")
                    ? JsonJobReader.read(text, name)
                    : lower.endsWith(".xml") ? XmlJobReader.read(text, name) : YamlJobReader.read(text, name);
            List<Job> out = new ArrayList<>();
            JsonNode tree = doc.tree();
            if (tree.isArray()) {
                for (int i = 0; i < tree.size(); i++) {
                    if (tree.get(i).isObject()) {
                        out.add(job(new JobView(tree.get(i), "/" + i, i), name));
                    }
                }
            } else if (tree.isObject()) {
                out.add(job(new JobView(tree, "", 0), name));
            }
            return out;
        } catch (IOException | RuntimeException e) {
            return List.of(); // unreadable or not a job document: nothing to resolve against
        }
    }

    private static Job job(JobView job, String file) {
        JsonNode n = job.node();
        String uuid = n.path("uuid").isValueNode()
                ? n.path("uuid").asText("")
                : n.path("id").asText("");
        return new Job(
                job.name(),
                trimSlashes(n.path("group").asText("")),
                uuid,
                n.path("project").asText(""),
                job.options().stream().map(OptionView::name).toList(),
                file);
    }

    /** Rundeck strips leading and trailing "/" from a group path. */
    public static String trimSlashes(String group) {
        return group.replaceAll("^/+|/+$", "");
    }
}
