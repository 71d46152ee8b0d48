package org.runbook.coauthor.validate.jenkins.rules;

import java.util.Map;
import java.util.Set;

/**
 * The declarative pipeline grammar the rules check against, after Jenkins' "Pipeline Syntax"
 * reference: which sections may appear where, the {@code when} conditions, the {@code post}
 * conditions, and the option, parameter, trigger and tool names of core and common plugins.
 */
public final class Grammar {
    public static final Set<String> PIPELINE_SECTIONS =
            Set.of("agent", "environment", "options", "parameters", "triggers", "tools", "stages", "post", "libraries");
    public static final Set<String> STAGE_SECTIONS = Set.of(
            "agent",
            "environment",
            "options",
            "tools",
            "input",
            "when",
            "steps",
            "parallel",
            "matrix",
            "stages",
            "post",
            "failFast");
    /** A stage holds exactly one of these. */
    public static final Set<String> STAGE_CONTENT = Set.of("steps", "parallel", "matrix", "stages");

    public static final Set<String> MATRIX_SECTIONS =
            Set.of("axes", "excludes", "agent", "environment", "options", "tools", "input", "when", "stages", "post");

    public static final Set<String> WHEN_CONDITIONS = Set.of(
            "branch",
            "buildingTag",
            "changelog",
            "changeset",
            "changeRequest",
            "environment",
            "equals",
            "expression",
            "tag",
            "not",
            "allOf",
            "anyOf",
            "triggeredBy",
            "beforeAgent",
            "beforeInput",
            "beforeOptions");
    /** Conditions that take nested conditions rather than a value. */
    public static final Set<String> WHEN_NESTING = Set.of("not", "allOf", "anyOf");
    /** Flags that take {@code true} or {@code false}. */
    public static final Set<String> WHEN_FLAGS = Set.of("beforeAgent", "beforeInput", "beforeOptions");

    public static final Set<String> POST_CONDITIONS = Set.of(
            "always",
            "changed",
            "fixed",
            "regression",
            "aborted",
            "failure",
            "success",
            "unstable",
            "unsuccessful",
            "cleanup",
            "notBuilt");

    public static final Set<String> AGENT_TYPES =
            Set.of("any", "none", "label", "node", "docker", "dockerfile", "kubernetes");

    public static final Set<String> OPTIONS = Set.of(
            "buildDiscarder",
            "checkoutToSubdirectory",
            "disableConcurrentBuilds",
            "disableResume",
            "disableRestartFromStage",
            "newContainerPerStage",
            "overrideIndexTriggers",
            "preserveStashes",
            "quietPeriod",
            "retry",
            "skipDefaultCheckout",
            "skipStagesAfterUnstable",
            "timeout",
            "timestamps",
            "parallelsAlwaysFailFast",
            "ansiColor",
            "durabilityHint",
            "rateLimitBuilds",
            "copyArtifactPermission",
            "lock",
            "githubProjectProperty",
            "buildBlocker",
            "throttleJobProperty");
    public static final Set<String> PARAMETERS = Set.of(
            "string",
            "text",
            "booleanParam",
            "choice",
            "password",
            "credentials",
            "run",
            "file",
            "base64File",
            "stashedFile",
            "gitParameter",
            "activeChoice",
            "reactiveChoice",
            "extendedChoice");
    public static final Set<String> TRIGGERS =
            Set.of("cron", "pollSCM", "upstream", "githubPush", "gitlab", "parameterizedCron", "issueCommentTrigger");
    public static final Set<String> TOOLS = Set.of(
            "maven", "jdk", "gradle", "nodejs", "ant", "go", "dotnetsdk", "terraform", "git", "msbuild", "python");

    /** Where each section belongs, for "in the wrong place" messages. */
    public static final Map<String, String> HOME = Map.ofEntries(
            Map.entry("parameters", "the pipeline block"),
            Map.entry("triggers", "the pipeline block"),
            Map.entry("libraries", "the pipeline block"),
            Map.entry("input", "a stage"),
            Map.entry("when", "a stage"),
            Map.entry("steps", "a stage"),
            Map.entry("parallel", "a stage"),
            Map.entry("matrix", "a stage"),
            Map.entry("failFast", "a stage"),
            Map.entry("stage", "a stages or parallel block"),
            Map.entry("axes", "a matrix"),
            Map.entry("excludes", "a matrix"));

    private Grammar() {}
}
