package org.runbook.coauthor.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.runbook.coauthor.error.InvalidInputException;
import org.runbook.coauthor.error.SourcePosition;
import org.runbook.coauthor.validate.jenkins.JenkinsFiles;

/**
 * Expands command-line arguments into job files: files as given, directories searched for job files
 * (YAML, JSON, XML) and Jenkinsfiles.
 */
final class JobFiles {
    /** Largest job file read; bigger is not a job definition. */
    static final long MAX_BYTES = 16L * 1024 * 1024;

    private JobFiles() {}

    static List<Path> expand(List<Path> args) {
        List<Path> out = new ArrayList<>();
        for (Path p : args) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(Files::isRegularFile)
                            .filter(JobFiles::isJobFile)
                            .sorted()
                            .forEach(out::add);
                } catch (IOException e) {
                    throw new InvalidInputException("cannot list " + p + ": " + e.getMessage(), null, e);
                }
            } else {
                out.add(p);
            }
        }
        return out;
    }

    static String read(Path file) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new InvalidInputException(
                        "the file is larger than " + MAX_BYTES / (1024 * 1024) + " MB; it is not a job definition",
                        new SourcePosition(file.toString(), 0, 0),
                        List.of());
            }
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + file + ": " + e.getMessage(), null, e);
        }
    }

    private static boolean isJobFile(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".yaml")
                || n.endsWith(".yml")
                || n.endsWith(".json")
                || n.endsWith(".xml")
                || JenkinsFiles.isJenkinsfile(n);
    }
}
