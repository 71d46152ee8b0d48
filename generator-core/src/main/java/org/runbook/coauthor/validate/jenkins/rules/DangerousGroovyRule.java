package org.runbook.coauthor.validate.jenkins.rules;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.runbook.coauthor.validate.Severity;
import org.runbook.coauthor.validate.jenkins.model.Call;
import org.runbook.coauthor.validate.jenkins.model.Jenkinsfile;

/**
 * JK106: Groovy that reaches past the pipeline DSL: {@code @Grab} (downloads and loads code),
 * {@code System.exit}, {@code Runtime.getRuntime().exec}, {@code "…".execute()},
 * {@code new ProcessBuilder}, {@code new File(…)} and other direct file, socket and URL access
 * (which runs on the controller, not the agent), {@code Class.forName} and reflection,
 * {@code evaluate}/{@code GroovyShell}, and {@code Jenkins.get()}. Such code needs script approval,
 * escapes the sandbox when approved, and acts on the controller. An endless {@code while (true)}
 * loop (no break, return, throw or error) is a warning: it holds an executor forever. The validator
 * only reads these; it never runs the file.
 */
public final class DangerousGroovyRule extends JenkinsRule {
    private static final Set<String> GRAB = Set.of("Grab", "Grapes", "GrabResolver", "GrabConfig", "GrabExclude");
    private static final Map<String, String> CONSTRUCTORS = Map.ofEntries(
            Map.entry("File", "reads or writes files on the controller, not in the agent's workspace"),
            Map.entry("FileReader", "reads files on the controller"),
            Map.entry("FileWriter", "writes files on the controller"),
            Map.entry("FileInputStream", "reads files on the controller"),
            Map.entry("FileOutputStream", "writes files on the controller"),
            Map.entry("RandomAccessFile", "reads and writes files on the controller"),
            Map.entry("ProcessBuilder", "starts processes on the controller"),
            Map.entry("Socket", "opens network connections from the controller"),
            Map.entry("ServerSocket", "listens on the controller's network"),
            Map.entry("URL", "opens network connections from the controller"),
            Map.entry("URLClassLoader", "loads code at run time"),
            Map.entry("GroovyShell", "compiles and runs code at run time"),
            Map.entry("GroovyClassLoader", "loads code at run time"),
            Map.entry("ScriptEngineManager", "runs code at run time"));
    private static final Set<String> REFLECTION = Set.of(
            "getDeclaredMethod",
            "getDeclaredMethods",
            "getDeclaredField",
            "getDeclaredFields",
            "getDeclaredConstructor",
            "setAccessible");

    @Override
    public String id() {
        return "JK106";
    }

    @Override
    public String title() {
        return "Groovy code escapes the pipeline DSL (@Grab, System.exit, exec, files, reflection)";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public boolean scripted() {
        return true;
    }

    @Override
    protected void check(Jenkinsfile jenkinsfile) {
        for (Jenkinsfile.Annotation a : jenkinsfile.annotations()) {
            if (GRAB.contains(a.name())) {
                report(
                        a.position(),
                        "\"" + a.text() + "\" downloads and loads code when the file is compiled, on the controller",
                        "remove it; put shared code in a shared library (@Library) or use a tool installed on the agent");
            }
        }
        for (Call c : jenkinsfile.calls()) {
            why(c).ifPresent(why -> report(
                    c.position(),
                    "the file calls \"" + shown(c) + "\", which " + why,
                    "do it with pipeline steps that run on the agent (sh, readFile, writeFile, httpRequest) instead"));
        }
        for (Jenkinsfile.Reference loop : jenkinsfile.endlessLoops()) {
            report(
                    Severity.WARNING,
                    loop.position(),
                    "\"while (true)\" has no break, return, throw or error, so the build never ends",
                    "bound the loop, or use waitUntil { … } inside timeout(…)");
        }
    }

    private static Optional<String> why(Call c) {
        String receiver = c.receiver();
        String simple = receiver.substring(receiver.lastIndexOf('.') + 1);
        if (c.constructor()) {
            return Optional.ofNullable(CONSTRUCTORS.get(simple));
        }
        String name = c.name();
        if (receiver.equals("System") && (name.equals("exit") || name.equals("halt"))) {
            return Optional.of("stops the Jenkins controller's JVM");
        }
        if (name.equals("exec") && receiver.contains("Runtime")) {
            return Optional.of("starts a process on the controller");
        }
        if (name.equals("execute") && !receiver.isEmpty()) {
            return Optional.of("starts a process on the controller");
        }
        if (receiver.equals("Class") && name.equals("forName") || REFLECTION.contains(name) && !receiver.isEmpty()) {
            return Optional.of("uses reflection to reach classes the sandbox forbids");
        }
        if (receiver.isEmpty() && name.equals("evaluate") || receiver.equals("Eval")) {
            return Optional.of("compiles and runs code at run time");
        }
        if (receiver.equals("Jenkins") && (name.equals("get") || name.equals("getInstance"))) {
            return Optional.of("reaches into the controller's internals");
        }
        return Optional.empty();
    }

    private static String shown(Call c) {
        if (c.constructor()) {
            return "new " + c.receiver() + "(…)";
        }
        String receiver = c.receiver().length() > 30 ? "…" : c.receiver();
        return (receiver.isEmpty() ? "" : receiver + ".") + c.name() + "(…)";
    }
}
