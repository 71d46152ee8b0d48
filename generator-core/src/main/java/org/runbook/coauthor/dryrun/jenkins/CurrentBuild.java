package org.runbook.coauthor.dryrun.jenkins;

import groovy.lang.GroovyObjectSupport;
import groovy.lang.MissingPropertyException;
import java.util.List;

/** The {@code currentBuild} a Jenkinsfile sees in a dry-run: build 1, no previous build, no changes. */
public final class CurrentBuild extends GroovyObjectSupport implements Dsl {
    private final Run run;
    private Object displayName = "#1";
    private Object description;
    private Object result;

    CurrentBuild(Run run) {
        this.run = run;
    }

    @Override
    public Object getProperty(String name) {
        return switch (name) {
            case "result" -> result;
            case "currentResult" -> run.result().name();
            case "number" -> 1;
            case "id" -> "1";
            case "displayName" -> displayName;
            case "fullDisplayName" -> run.env().get("JOB_NAME") + " " + displayName;
            case "description" -> description;
            case "projectName", "fullProjectName" -> run.env().get("JOB_NAME");
            case "absoluteUrl" -> run.env().get("BUILD_URL");
            case "previousBuild", "previousSuccessfulBuild", "previousCompletedBuild", "previousFailedBuild" -> null;
            case "changeSets", "buildCauses" -> List.of();
            case "duration", "startTimeInMillis", "timeInMillis" -> 0L;
            case "durationString" -> "0 ms";
            case "keepLog" -> false;
            default -> throw new MissingPropertyException(name, CurrentBuild.class);
        };
    }

    @Override
    public void setProperty(String name, Object value) {
        switch (name) {
            case "result" -> {
                result = value;
                run.worsen(BuildResult.parse(value));
            }
            case "displayName" -> displayName = value;
            case "description" -> description = value;
            case "keepLog" -> {}
            default -> throw new MissingPropertyException(name, CurrentBuild.class);
        }
        run.recorder().step("currentBuild." + name + " = " + Args.value(value));
    }

    public List<Object> getBuildCauses() {
        return List.of();
    }

    public List<Object> getBuildCauses(String type) {
        return List.of();
    }

    public boolean resultIsBetterOrEqualTo(String other) {
        return run.result().ordinal() <= BuildResult.parse(other).ordinal();
    }

    public boolean resultIsWorseOrEqualTo(String other) {
        return run.result().ordinal() >= BuildResult.parse(other).ordinal();
    }
}
