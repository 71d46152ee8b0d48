package org.runbook.coauthor.validate.jenkins.model;

import java.util.List;
import java.util.Set;
import org.runbook.coauthor.validate.read.Position;

/**
 * A Jenkinsfile as the rules see it: its text, whether it is declarative or scripted, its
 * top-level statements, its {@code pipeline} blocks, every call in it and its annotations. Built by
 * {@link JenkinsfileReader} from the Groovy compiler's syntax tree; nothing in it is ever run.
 *
 * @param localNames methods and variables the file defines itself ({@code def notify(…)}), which
 *     calls may use besides steps
 * @param paramRefs every {@code params.X} (and {@code params['X']}) read, by name and position
 * @param endlessLoops {@code while (true)} loops with no {@code break}, {@code return}, {@code throw} or {@code error}
 * @param problems syntax errors and refusals; when not empty, the rest is empty
 */
public record Jenkinsfile(
        String file,
        String text,
        Kind kind,
        List<Node> topLevel,
        List<Pipeline> pipelines,
        List<Call> calls,
        List<Annotation> annotations,
        Set<String> localNames,
        List<Reference> paramRefs,
        List<Reference> endlessLoops,
        List<Problem> problems) {
    /** Declarative ({@code pipeline {}}), scripted (top-level steps such as {@code node {}}), or neither. */
    public enum Kind {
        DECLARATIVE,
        SCRIPTED,
        NONE
    }

    /** An annotation such as {@code @Library('lib') _} or {@code @Grab('g:a:v')}. */
    public record Annotation(String name, Position position, String text) {}

    /** A named thing read at a position, e.g. {@code params.BRANCH}. */
    public record Reference(String name, Position position) {}

    /** Why the file could not be read: a Groovy syntax error or a limit, at a position. */
    public record Problem(Position position, String message, String hint) {}

    public Jenkinsfile {
        topLevel = List.copyOf(topLevel);
        pipelines = List.copyOf(pipelines);
        calls = List.copyOf(calls);
        annotations = List.copyOf(annotations);
        localNames = Set.copyOf(localNames);
        paramRefs = List.copyOf(paramRefs);
        endlessLoops = List.copyOf(endlessLoops);
        problems = List.copyOf(problems);
    }

    /** A file that could not be parsed. */
    public static Jenkinsfile unreadable(String file, String text, List<Problem> problems) {
        return new Jenkinsfile(
                file, text, Kind.NONE, List.of(), List.of(), List.of(), List.of(), Set.of(), List.of(), List.of(),
                problems);
    }

    public boolean readable() {
        return problems.isEmpty();
    }

    /** The 1-based source line, or {@code ""} beyond the end. */
    public String line(int line) {
        int start = 0;
        for (int l = 1; l < line; l++) {
            int nl = text.indexOf('\n', start);
            if (nl < 0) {
                return "";
            }
            start = nl + 1;
        }
        int end = text.indexOf('\n', start);
        return text.substring(start, end < 0 ? text.length() : end);
    }
}
