package org.runbook.coauthor.render.jenkins;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.runbook.coauthor.plan.PlanOption;
import org.runbook.coauthor.plan.RunbookPlan;

/**
 * The pipeline name of every plan option: upper case, a valid shell variable name, unique, and never
 * one the shell or Jenkins already gives a meaning to. Jenkins exports each parameter as an
 * environment variable of that name, so {@code hostname} cannot simply become {@code HOSTNAME}:
 * bash and the agent set that one themselves.
 */
final class ParameterNames {
    /** Names a parameter must not take: bash and login variables, and the variables Jenkins sets. */
    private static final Set<String> RESERVED = Set.of(
            "BASH_ENV",
            "BUILD_ID",
            "BUILD_NUMBER",
            "BUILD_TAG",
            "BUILD_URL",
            "CDPATH",
            "ENV",
            "EUID",
            "EXECUTOR_NUMBER",
            "GLOBIGNORE",
            "HOME",
            "HOSTNAME",
            "HOSTTYPE",
            "IFS",
            "JAVA_HOME",
            "JENKINS_HOME",
            "JENKINS_URL",
            "JOB_NAME",
            "JOB_URL",
            "LANG",
            "LD_LIBRARY_PATH",
            "LD_PRELOAD",
            "LINENO",
            "LOGNAME",
            "NODE_LABELS",
            "NODE_NAME",
            "OLDPWD",
            "PATH",
            "PPID",
            "PS4",
            "PWD",
            "RANDOM",
            "SECONDS",
            "SHELL",
            "SHELLOPTS",
            "SSH_AUTH_SOCK",
            "SSH_USER",
            "TERM",
            "TMPDIR",
            "UID",
            "USER",
            "WORKSPACE");

    private final Map<String, String> names;

    private ParameterNames(Map<String, String> names) {
        this.names = Collections.unmodifiableMap(names);
    }

    /** Names for the plan's options, in option order; a clash gets the first free numeric suffix. */
    static ParameterNames of(RunbookPlan plan) {
        Map<String, String> names = new LinkedHashMap<>();
        for (PlanOption option : plan.options()) {
            String base = base(option.name());
            String name = base;
            for (int n = 2; names.containsValue(name); n++) {
                name = base + "_" + n;
            }
            names.put(option.name(), name);
        }
        return new ParameterNames(names);
    }

    /** A fresh name for a parameter the pipeline adds itself (the host list, the confirmation). */
    String fresh(String wanted) {
        String name = wanted;
        for (int n = 2; names.containsValue(name); n++) {
            name = wanted + "_" + n;
        }
        return name;
    }

    /** The parameter name of option {@code optionName}; options the plan does not define keep a derived name. */
    String of(String optionName) {
        return names.getOrDefault(optionName, base(optionName));
    }

    static String base(String optionName) {
        String name = optionName.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
        if (Character.isDigit(name.charAt(0))) {
            name = "_" + name;
        }
        return RESERVED.contains(name) ? name + "_PARAM" : name;
    }
}
