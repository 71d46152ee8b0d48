package org.runbook.coauthor.dryrun.jenkins;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.runbook.coauthor.validate.Severity;

/**
 * Parameter definitions ({@code string}, {@code booleanParam}, {@code choice}, {@code text},
 * {@code password}) and the values a dry-run uses: given with {@code -P name=value}, else the default.
 */
final class Parameters {
    private Parameters() {}

    /** Declares the parameters {@code defs} defines and writes them to the transcript. */
    static void declare(Run run, List<?> defs) {
        Recorder rec = run.recorder();
        Map<String, String> given = run.options().params();
        rec.line("parameters:");
        rec.in();
        try {
            for (Object d : defs) {
                if (!(d instanceof Descriptor p)) {
                    continue;
                }
                String name = Args.text(p.arg("name"));
                if (name.isEmpty()) {
                    continue;
                }
                run.declared().add(name);
                Object value = defaultValue(p);
                String origin = "default";
                if (given.containsKey(name)) {
                    value = convert(p, given.get(name));
                    origin = "given";
                    checkChoice(run, p, name, value);
                }
                run.param(name, value);
                String shown = p.name().equals("password") ? "****" : Args.value(value);
                rec.line(name + " = " + shown + "   (" + origin + ")");
            }
        } finally {
            rec.out();
        }
    }

    /** {@code properties([parameters([...])])} in a scripted pipeline. */
    static void fromProperties(Run run, Object[] args) {
        if (args.length == 0 || !(args[0] instanceof List<?> props)) {
            return;
        }
        for (Object p : props) {
            if (p instanceof Descriptor d
                    && d.name().equals("parameters")
                    && !d.args().isEmpty()
                    && d.args().get(0) instanceof List<?> defs) {
                run.recorder().nested(() -> declare(run, defs));
            }
        }
    }

    static Object defaultValue(Descriptor p) {
        return switch (p.name()) {
            case "booleanParam" -> Boolean.TRUE.equals(p.arg("defaultValue"));
            case "choice" -> {
                List<String> choices = choices(p);
                yield choices.isEmpty() ? "" : choices.get(0);
            }
            default -> {
                Object v = p.arg("defaultValue");
                yield v == null ? "" : v.toString();
            }
        };
    }

    /** Reports values given with {@code -P} that no parameter definition names. */
    static void reportUndeclared(Run run) {
        for (String name : run.options().params().keySet()) {
            if (!run.declared().contains(name)) {
                run.recorder()
                        .finding(
                                "DR111",
                                Severity.WARNING,
                                1,
                                1,
                                "parameter \"" + name + "\" is given but the pipeline declares no such parameter"
                                        + (run.declared().isEmpty()
                                                ? ""
                                                : "; declared parameters are \"" + String.join("\", \"", run.declared())
                                                        + "\""),
                                "fix the name given with -P, or declare the parameter in parameters { }");
            }
        }
    }

    private static Object convert(Descriptor p, String given) {
        if (p.name().equals("booleanParam")) {
            return Boolean.parseBoolean(given.trim().toLowerCase(Locale.ROOT));
        }
        return given;
    }

    private static void checkChoice(Run run, Descriptor p, String name, Object value) {
        List<String> choices = choices(p);
        if (p.name().equals("choice") && !choices.isEmpty() && !choices.contains(String.valueOf(value))) {
            run.recorder()
                    .finding(
                            "DR112",
                            Severity.WARNING,
                            name,
                            "value \"" + value + "\" given for choice parameter \"" + name
                                    + "\" is not one of its choices \"" + String.join("\", \"", choices) + "\"",
                            "give one of the choices, or add the value to the parameter's choices");
        }
    }

    private static List<String> choices(Descriptor p) {
        Object c = p.arg("choices");
        List<String> out = new ArrayList<>();
        if (c instanceof Iterable<?> it) {
            it.forEach(x -> out.add(String.valueOf(x)));
        } else if (c != null) {
            c.toString().lines().map(String::strip).filter(s -> !s.isEmpty()).forEach(out::add);
        }
        return out;
    }
}
