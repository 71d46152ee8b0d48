package org.runbook.coauthor.dryrun.jenkins;

import java.util.ArrayList;
import java.util.List;

/** Which {@code post} conditions fire for a result, written for both outcomes of a build. */
final class Post {
    private Post() {}

    static void summary(Section post, BuildResult outcome, Recorder rec) {
        for (BuildResult result : List.of(BuildResult.SUCCESS, BuildResult.FAILURE, BuildResult.UNSTABLE)) {
            if (result == BuildResult.UNSTABLE && outcome != BuildResult.UNSTABLE) {
                continue;
            }
            List<String> fired = new ArrayList<>();
            List<String> maybe = new ArrayList<>();
            for (Section.Call c : post.calls()) {
                switch (fires(c.name(), result)) {
                    case 1 -> fired.add(c.name());
                    case 2 -> maybe.add(c.name());
                    default -> {}
                }
            }
            rec.line("on " + result + ": " + (fired.isEmpty() ? "nothing" : String.join(", ", fired))
                    + (maybe.isEmpty()
                            ? ""
                            : " (+ " + String.join(", ", maybe) + " if the previous build's result differed)")
                    + (result == outcome ? "   ← this run" : ""));
        }
    }

    /** 1: fires; 2: fires depending on the previous build's result; 0: does not fire. */
    static int fires(String condition, BuildResult result) {
        return switch (condition) {
            case "always", "cleanup" -> 1;
            case "success" -> result == BuildResult.SUCCESS ? 1 : 0;
            case "failure" -> result == BuildResult.FAILURE ? 1 : 0;
            case "unstable" -> result == BuildResult.UNSTABLE ? 1 : 0;
            case "aborted" -> result == BuildResult.ABORTED ? 1 : 0;
            case "unsuccessful" -> result != BuildResult.SUCCESS ? 1 : 0;
            case "changed" -> 2;
            case "fixed" -> result == BuildResult.SUCCESS ? 2 : 0;
            case "regression" -> result != BuildResult.SUCCESS ? 2 : 0;
            default -> 0;
        };
    }
}
