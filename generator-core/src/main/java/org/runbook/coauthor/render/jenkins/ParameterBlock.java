package org.runbook.coauthor.render.jenkins;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.runbook.coauthor.plan.OptionType;
import org.runbook.coauthor.plan.PlanOption;
import org.runbook.coauthor.plan.Risk;
import org.runbook.coauthor.plan.RunbookPlan;
import org.runbook.coauthor.render.ShellText;

/**
 * The pipeline's {@code parameters} block and the shell that checks the values before any step
 * runs. Jenkins has no required parameters and no patterns, so what the plan's options demand
 * (required, regex) is checked by the first stage, and said in each parameter's description.
 * Secure options are not parameters at all: they are credentials (see {@link Secrets}).
 */
final class ParameterBlock {
    /** Java regexes that mean the same as a bash extended regex: no escapes of letters, groups with flags, lazy quantifiers or escapes inside brackets. */
    private static final Pattern NOT_ERE = Pattern.compile("\\\\[A-Za-z0-9]|\\(\\?|[*+?}][?+]|\\[[^\\]]*\\\\");

    /** An added parameter: the host list when the nodes cannot be derived from an option. */
    record Extra(String name, String description) {}

    private final RunbookPlan plan;
    private final ParameterNames names;
    private final Optional<PlanOption> guard;
    private final String confirm;
    private final Extra hosts;

    ParameterBlock(RunbookPlan plan, ParameterNames names, Extra hosts) {
        this.plan = plan;
        this.names = names;
        this.hosts = hosts;
        this.guard = plan.options().stream().filter(ParameterBlock::isGuard).findFirst();
        this.confirm = guard.map(o -> names.of(o.name()))
                .orElse(plan.risk() == Risk.DESTRUCTIVE ? names.fresh("CONFIRM") : null);
    }

    /**
     * A confirmation option: required, one allowed value, no default ({@code confirm: [yes]}). A
     * choice parameter would pre-select that value, so it becomes a box that starts unticked.
     */
    static boolean isGuard(PlanOption o) {
        return o.type() == OptionType.ENUM
                && o.values().size() == 1
                && o.required()
                && o.defaultValue() == null
                && !o.secure();
    }

    /** The name of the confirmation parameter, or null when the pipeline needs none. */
    String confirm() {
        return confirm;
    }

    boolean isEmpty() {
        return plan.options().stream().allMatch(PlanOption::secure) && confirm == null && hosts == null;
    }

    void write(PipelineText out) {
        out.open("parameters");
        if (hosts != null) {
            out.line("string(name: " + q(hosts.name()) + ", defaultValue: '', description: " + q(hosts.description())
                    + ", trim: true)");
        }
        for (PlanOption o : plan.options()) {
            if (o.secure()) {
                continue;
            }
            String name = q(names.of(o.name()));
            if (guard.isPresent() && guard.get() == o) {
                continue;
            }
            String description = q(description(o));
            if (o.type() == OptionType.BOOLEAN) {
                out.line("booleanParam(name: " + name + ", defaultValue: " + "true".equalsIgnoreCase(o.defaultValue())
                        + ", description: " + description + ")");
            } else if (!o.values().isEmpty() && !o.multivalued()) {
                out.line("choice(name: " + name + ", choices: " + choices(o) + ", description: " + description + ")");
            } else {
                out.line("string(name: " + name + ", defaultValue: "
                        + q(o.defaultValue() == null ? "" : o.defaultValue()) + ", description: " + description
                        + ", trim: true)");
            }
        }
        if (confirm != null) {
            String why = guard.map(PlanOption::description)
                    .filter(d -> !d.isBlank())
                    .orElse("This pipeline is destructive.");
            out.line("booleanParam(name: " + q(confirm) + ", defaultValue: false, description: "
                    + q(why + " Tick to confirm that you mean to run it.") + ")");
        }
        out.close();
    }

    /** The bash that fails the build when a value is missing or does not match its pattern; empty when nothing is checked. */
    String checkScript() {
        List<String> checks = new ArrayList<>();
        if (hosts != null) {
            checks.add(required(hosts.name()));
        }
        for (PlanOption o : plan.options()) {
            if (o.secure() || o.type() == OptionType.BOOLEAN || (!o.values().isEmpty() && !o.multivalued())) {
                continue;
            }
            String var = names.of(o.name());
            if (o.required()) {
                checks.add(required(var));
            }
            if (o.regex() != null && bashCompatible(o.regex())) {
                checks.add(pattern(var, o.regex(), o.multivalued()));
            }
        }
        if (checks.isEmpty()) {
            return "";
        }
        return "#!/usr/bin/env bash\nset -euo pipefail\nexport LC_ALL=C\nfail=0\n" + String.join("", checks)
                + "exit \"$fail\"\n";
    }

    static boolean bashCompatible(String regex) {
        return !NOT_ERE.matcher(regex).find();
    }

    private static String required(String var) {
        return "if [[ -z \"${" + var + ":-}\" ]]; then\n  echo "
                + ShellText.singleQuoted("parameter " + var + " is required") + " >&2\n  fail=1\nfi\n";
    }

    private static String pattern(String var, String regex, boolean multivalued) {
        String message = ShellText.singleQuoted("parameter " + var + " must match " + regex + "; got: ");
        String re = "re=" + ShellText.singleQuoted("^(" + regex + ")$") + "\n";
        if (multivalued) {
            return re + "IFS=',' read -r -a values <<< \"${" + var + ":-}\"\n"
                    + "for value in ${values[@]+\"${values[@]}\"}; do\n"
                    + "  if [[ ! \"$value\" =~ $re ]]; then\n"
                    + "    echo " + message + "\"$value\" >&2\n"
                    + "    fail=1\n"
                    + "  fi\n"
                    + "done\n";
        }
        return re + "if [[ -n \"${" + var + ":-}\" && ! \"${" + var + "}\" =~ $re ]]; then\n"
                + "  echo " + message + "\"${" + var + "}\" >&2\n"
                + "  fail=1\n"
                + "fi\n";
    }

    private static String description(PlanOption o) {
        String text = o.description().strip();
        StringBuilder d = new StringBuilder(text);
        if (!text.isEmpty() && !text.matches("(?s).*[.!?]$")) {
            d.append('.');
        }
        if (o.required()) {
            d.append(d.length() > 0 ? " " : "").append("Required.");
        }
        if (o.multivalued()) {
            d.append(" Comma-separated list.");
        }
        if (o.multivalued() && !o.values().isEmpty()) {
            d.append(" Allowed values: ").append(String.join(", ", o.values())).append('.');
        }
        if (o.type() == OptionType.NUMBER) {
            d.append(" A number.");
        } else if (o.type() == OptionType.DATE) {
            d.append(" A date.");
        } else if (o.type() == OptionType.FILE) {
            d.append(" Path of the file on the agent.");
        }
        if (o.regex() != null) {
            d.append(" Must match ").append(o.regex()).append('.');
        }
        return d.toString().strip();
    }

    private static String choices(PlanOption o) {
        List<String> ordered = new ArrayList<>(o.values());
        // Jenkins offers the first choice by default, so the plan's default goes first.
        if (o.defaultValue() != null && ordered.remove(o.defaultValue())) {
            ordered.add(0, o.defaultValue());
        }
        return ordered.stream().map(GroovyText::quoted).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String q(String s) {
        return GroovyText.quoted(s);
    }
}
