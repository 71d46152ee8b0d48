package org.runbook.coauthor.dryrun.jenkins;

import groovy.lang.Closure;
import groovy.lang.GroovyObjectSupport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.codehaus.groovy.runtime.InvokerHelper;
import org.runbook.coauthor.validate.Severity;

/**
 * The recording DSL for steps: every call becomes a transcript line with its arguments already
 * expanded by Groovy; closure-taking steps record their bodies one level deeper. Nothing runs:
 * {@code sh} returns {@code ""} (or a placeholder for {@code returnStdout}), {@code input} is
 * approved, {@code error} fails the stage.
 */
public final class Steps extends GroovyObjectSupport implements Dsl {
    /** Values built inside step arguments, not steps: credentials bindings, build parameters, options. */
    private static final Set<String> SYMBOLS = Set.of(
            "usernamePassword",
            "usernameColonPassword",
            "string",
            "file",
            "sshUserPrivateKey",
            "certificate",
            "dockerCert",
            "gitUsernamePassword",
            "aws",
            "booleanParam",
            "text",
            "password",
            "choice",
            "parameters",
            "buildDiscarder",
            "logRotator",
            "disableConcurrentBuilds",
            "pipelineTriggers",
            "cron",
            "pollSCM",
            "upstream",
            "githubPush",
            "durabilityHint",
            "skipDefaultCheckout");

    private static final Set<String> SHELLS = Set.of("sh", "bat", "powershell", "pwsh");

    private final Run run;

    Steps(Run run) {
        this.run = run;
    }

    public Object methodMissing(String name, Object argsObject) {
        Object[] args = argsObject instanceof Object[] a ? a : new Object[] {argsObject};
        PipelineScript script = run.script();
        if (script != null && script.declares(name)) {
            return InvokerHelper.invokeMethod(script, name, args);
        }
        if (SYMBOLS.contains(name) && Args.body(args) == null) {
            return new Descriptor(name, List.of(args));
        }
        if (SHELLS.contains(name)) {
            return shell(name, args);
        }
        Recorder rec = run.recorder();
        switch (name) {
            case "script" -> {
                rec.line("script:");
                return nested(Args.body(args));
            }
            case "error" -> {
                String message = Args.text(Args.values(args).length > 0 ? args[0] : "");
                rec.step(Args.call(name, args));
                throw new PipelineFailure(message);
            }
            case "unstable" -> {
                rec.step(Args.call(name, args));
                run.worsen(BuildResult.UNSTABLE);
                return null;
            }
            case "input" -> {
                rec.step(Args.call(name, args) + "   (a dry-run approves it)");
                return inputValue(args);
            }
            case "parallel" -> {
                parallel(args);
                return null;
            }
            case "stage" -> {
                rec.line("stage \"" + Args.text(args[0]) + "\"");
                return nested(Args.body(args));
            }
            case "node" -> {
                Object[] v = Args.values(args);
                rec.line("node" + (v.length == 0 ? "" : " " + Args.list(v)));
                return nested(Args.body(args));
            }
            case "withCredentials" -> {
                return withCredentials(args);
            }
            case "withEnv" -> {
                return withEnv(args);
            }
            case "catchError", "warnError" -> {
                return catching(name, args);
            }
            case "properties" -> {
                rec.step(Args.call(name, args));
                Parameters.fromProperties(run, args);
                return null;
            }
            default -> {
                return step(name, args);
            }
        }
    }

    /** Groovy's own {@code sleep}, {@code println}, ... are routed here so that nothing sleeps or prints. */
    @Override
    public Object invokeMethod(String name, Object args) {
        if (Set.of("sleep", "println", "print", "printf").contains(name)) {
            Object[] a = args instanceof Object[] array ? array : new Object[] {args};
            if (name.equals("sleep")) {
                run.recorder().step(Args.call("sleep", a));
            } else {
                String text = name.equals("printf") && a.length > 0
                        ? String.format(String.valueOf(a[0]), java.util.Arrays.copyOfRange(a, 1, a.length))
                        : a.length == 0 ? "" : String.valueOf(a[0]);
                run.recorder().step("echo: " + text);
            }
            return null;
        }
        return super.invokeMethod(name, args);
    }

    private Object step(String name, Object[] args) {
        Recorder rec = run.recorder();
        Closure<?> body = Args.body(args);
        boolean known = run.catalog().known(name);
        String text = (known ? "" : "? ") + Args.call(name, args) + (body == null ? "" : ":");
        if (!known) {
            rec.finding(
                    "DR108",
                    Severity.ERROR,
                    name,
                    "step \"" + name
                            + "\" is not a known pipeline step; Jenkins would stop with \"No such DSL method\"",
                    "fix the step name, or install the plugin that provides it and list it in the installed-steps file");
        }
        rec.step(text);
        if (body != null) {
            return nested(body);
        }
        return switch (name) {
            case "readFile" -> "<contents of " + Args.text(firstOr(args, "file")) + ">";
            case "readJSON", "readYaml", "readProperties", "checkout", "build" -> new LinkedHashMap<String, Object>();
            case "findFiles" -> new ArrayList<>();
            case "fileExists", "isUnix" -> true;
            case "pwd" -> run.env().get("WORKSPACE");
            case "tool" -> "/tools/" + Args.text(firstOr(args, "name"));
            case "libraryResource" -> "<resource " + Args.text(firstOr(args, "resource")) + ">";
            default -> null;
        };
    }

    private Object shell(String name, Object[] args) {
        Object first = args.length == 0 ? "" : args[0];
        Map<?, ?> named = first instanceof Map<?, ?> m ? m : Map.of();
        String script = Args.text(first instanceof Map<?, ?> ? named.get("script") : first);
        List<String> flags = new ArrayList<>();
        named.forEach((k, v) -> {
            if (!"script".equals(k)) {
                flags.add(k + ": " + Args.value(v));
            }
        });
        String suffix = flags.isEmpty() ? "" : "   (" + String.join(", ", flags) + ")";
        run.recorder()
                .step(name + ":" + (script.contains("\n") ? suffix + "\n" + script.strip() : " " + script + suffix));
        if (Boolean.TRUE.equals(named.get("returnStdout"))) {
            String shortText = script.strip().lines().findFirst().orElse("");
            return "<stdout: " + (shortText.length() > 40 ? shortText.substring(0, 40) + "..." : shortText) + ">";
        }
        return Boolean.TRUE.equals(named.get("returnStatus")) ? 0 : null;
    }

    private Object inputValue(Object[] args) {
        Object first = args.length == 0 ? null : args[0];
        if (!(first instanceof Map<?, ?> m) || !(m.get("parameters") instanceof List<?> defs) || defs.isEmpty()) {
            return null;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Object d : defs) {
            if (d instanceof Descriptor p) {
                values.put(Args.text(p.arg("name")), Parameters.defaultValue(p));
            }
        }
        return values.size() == 1 ? values.values().iterator().next() : values;
    }

    private void parallel(Object[] args) {
        Recorder rec = run.recorder();
        Map<?, ?> branches = args.length > 0 && args[0] instanceof Map<?, ?> m ? m : Map.of();
        rec.line("parallel:");
        List<String> failed = new ArrayList<>();
        rec.nested(() -> branches.forEach((branch, body) -> {
            if (!(body instanceof Closure<?> c)) {
                return;
            }
            rec.line("branch \"" + branch + "\":");
            try {
                nested(c);
            } catch (PipelineFailure e) {
                failed.add(branch.toString());
                rec.nested(() -> rec.line("branch \"" + branch + "\" fails: " + e.getMessage()));
            }
        }));
        if (!failed.isEmpty()) {
            throw new PipelineFailure("parallel branches failed: " + String.join(", ", failed));
        }
    }

    private Object withCredentials(Object[] args) {
        Map<String, Object> masked = new LinkedHashMap<>();
        Object first = args.length > 1 ? args[0] : List.of();
        if (first instanceof List<?> bindings) {
            for (Object b : bindings) {
                Map<String, Object> named = b instanceof Descriptor d ? d.named() : asMap(b);
                Object id = named.get("credentialsId");
                named.forEach((k, v) -> {
                    if ((k.endsWith("Variable") || k.equals("variable")) && v != null) {
                        masked.put(v.toString(), Credentials.masked(id));
                    }
                });
            }
        }
        run.recorder().step(Args.call("withCredentials", args) + ":");
        Closure<?> body = Args.body(args);
        Object[] out = new Object[1];
        run.withEnv(masked, () -> out[0] = nested(body));
        return out[0];
    }

    private Object withEnv(Object[] args) {
        Map<String, Object> extra = new LinkedHashMap<>();
        if (args.length > 1 && args[0] instanceof List<?> pairs) {
            for (Object p : pairs) {
                String s = Args.text(p);
                int eq = s.indexOf('=');
                if (eq > 0) {
                    extra.put(s.substring(0, eq), s.substring(eq + 1));
                }
            }
        }
        run.recorder().step(Args.call("withEnv", args) + ":");
        Object[] out = new Object[1];
        run.withEnv(extra, () -> out[0] = nested(Args.body(args)));
        return out[0];
    }

    private Object catching(String name, Object[] args) {
        Recorder rec = run.recorder();
        rec.step(Args.call(name, args) + ":");
        int depth = rec.depth();
        try {
            return nested(Args.body(args));
        } catch (PipelineFailure e) {
            rec.depth(depth);
            Map<String, Object> named = args.length > 1 ? asMap(args[0]) : Map.of();
            BuildResult result = name.equals("warnError")
                    ? BuildResult.UNSTABLE
                    : BuildResult.parse(named.getOrDefault("buildResult", "FAILURE"));
            run.worsen(result);
            rec.nested(() -> rec.line("caught: " + e.getMessage() + "; the build continues as " + result));
            return null;
        }
    }

    /** Runs a closure body with this DSL as its delegate, one level deeper in the transcript. */
    Object nested(Closure<?> body) {
        if (body == null) {
            return null;
        }
        Object[] out = new Object[1];
        run.recorder().nested(() -> out[0] = call(body));
        return out[0];
    }

    Object call(Closure<?> body) {
        Closure<?> c = body.rehydrate(this, body.getOwner(), body.getThisObject());
        c.setResolveStrategy(Closure.DELEGATE_FIRST);
        return c.call();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static Object firstOr(Object[] args, String key) {
        if (args.length == 0) {
            return "";
        }
        return args[0] instanceof Map<?, ?> m ? m.get(key) : args[0];
    }
}
