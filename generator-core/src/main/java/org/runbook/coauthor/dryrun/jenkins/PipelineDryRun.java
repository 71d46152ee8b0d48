package org.runbook.coauthor.dryrun.jenkins;

import groovy.lang.Binding;
import groovy.lang.MissingMethodException;
import groovy.lang.MissingPropertyException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.runbook.coauthor.validate.Finding;
import org.runbook.coauthor.validate.Severity;

/**
 * Dry-runs a Jenkinsfile: compiles it in a sandbox, runs it against a recording DSL on a daemon
 * thread with a hard time limit, and returns the transcript of what Jenkins would do, stage by stage,
 * with every argument expanded. Nothing is executed: steps are recorded, credentials masked, input
 * approved. A file that breaks the sandbox is refused before it runs.
 *
 * <pre>{@code
 * PipelineDryRunResult r = new PipelineDryRun(PipelineDryRunOptions.builder()
 *         .params(Map.of("ENV", "prod")).build()).run(text, "Jenkinsfile");
 * System.out.print(r.text());
 * }</pre>
 */
public final class PipelineDryRun {
    /** How long past the budget the caller waits for the script thread before giving up on it. */
    static final long HARD_MARGIN_MILLIS = 250;

    private static final long STACK_BYTES = 1024L * 1024;

    private final PipelineDryRunOptions options;

    public PipelineDryRun(PipelineDryRunOptions options) {
        this.options = options;
    }

    public PipelineDryRunResult run(String text, String file) {
        if (text.length() > options.maxChars()) {
            return refused(new Finding(
                    "DR107",
                    Severity.ERROR,
                    file,
                    1,
                    1,
                    "",
                    "the file has " + text.length() + " characters, more than the " + options.maxChars()
                            + " a Jenkinsfile dry-run reads",
                    "dry-run the Jenkinsfile itself; move data out of it"));
        }
        long budgetMillis = options.timeBudget().toMillis();
        Class<? extends PipelineScript> type;
        try {
            type = Sandbox.compile(text, budgetMillis);
        } catch (Sandbox.Rejected e) {
            List<Finding> findings = new ArrayList<>();
            for (Sandbox.Problem p : e.problems()) {
                findings.add(
                        p.refused()
                                ? new Finding(
                                        "DR102",
                                        Severity.ERROR,
                                        file,
                                        p.line(),
                                        p.column(),
                                        "",
                                        "refused by the dry-run sandbox, nothing was run: " + p.message(),
                                        "remove it; a Jenkinsfile dry-run allows steps and plain Groovy on strings, numbers,"
                                                + " lists and maps")
                                : new Finding(
                                        "DR101",
                                        Severity.ERROR,
                                        file,
                                        p.line(),
                                        p.column(),
                                        "",
                                        "the Jenkinsfile does not compile: " + p.message(),
                                        "fix the syntax"));
            }
            return refused(findings.toArray(Finding[]::new));
        }
        Recorder rec = new Recorder(file, text, Sandbox.SCRIPT_NAME, options.maxSteps());
        Run run = new Run(options, rec);
        options.params().forEach(run::param);
        SandboxGuard.Budget budget = new SandboxGuard.Budget(
                System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(budgetMillis), options.maxIterations(), run.steps());
        Throwable[] thrown = new Throwable[1];
        Thread worker = new Thread(
                null,
                () -> {
                    SandboxGuard.enter(budget);
                    try {
                        PipelineScript script = type.getDeclaredConstructor().newInstance();
                        script.setBinding(new Binding());
                        script.attach(run);
                        run.script(script);
                        script.run();
                    } catch (Throwable t) { // every way a sandboxed script ends is reported, errors included
                        thrown[0] = t;
                    } finally {
                        SandboxGuard.leave();
                    }
                },
                "coauthor-jenkinsfile-dry-run",
                STACK_BYTES);
        worker.setDaemon(true);
        worker.start();
        boolean finished = join(worker, budgetMillis + HARD_MARGIN_MILLIS);
        Ending ending = new Ending(rec, budgetMillis);
        if (!finished) {
            int line = rec.scriptLine(worker.getStackTrace());
            budget.abort(new SandboxAbort(SandboxAbort.Kind.TIME, "stopped"));
            worker.interrupt();
            ending.timeout(line);
        } else {
            ending.report(thrown[0], run);
        }
        if (finished) {
            Parameters.reportUndeclared(run);
            if (!run.pipelineSeen() && rec.lines().isEmpty() && thrown[0] == null) {
                rec.finding(
                        "DR113",
                        Severity.WARNING,
                        1,
                        1,
                        "the file has no pipeline { } block and runs no step",
                        "dry-run a Jenkinsfile: a declarative pipeline { } or a scripted node { }");
            }
        }
        List<Finding> findings = new ArrayList<>(rec.findings());
        findings.sort(Finding.ORDER);
        return new PipelineDryRunResult(rec.lines(), ending.failed() ? BuildResult.FAILURE : run.result(), findings);
    }

    private static boolean join(Thread worker, long millis) {
        try {
            worker.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !worker.isAlive();
    }

    private static PipelineDryRunResult refused(Finding... findings) {
        return new PipelineDryRunResult(List.of(), null, List.of(findings));
    }

    /** Turns how the script thread ended into transcript lines and findings. */
    private static final class Ending {
        private final Recorder rec;
        private final long budgetMillis;
        private boolean failed;

        Ending(Recorder rec, long budgetMillis) {
            this.rec = rec;
            this.budgetMillis = budgetMillis;
        }

        boolean failed() {
            return failed;
        }

        void timeout(int line) {
            failed = true;
            rec.depth(0);
            rec.line("stopped: the time budget of " + budgetMillis + " ms is spent");
            rec.finding(
                    "DR104",
                    Severity.ERROR,
                    line,
                    rec.column(line, null),
                    "the Jenkinsfile still ran after the dry-run's time budget of " + budgetMillis
                            + " ms and was stopped; it loops or waits without end",
                    "bound the loop, or raise the budget with --time-budget");
        }

        void report(Throwable thrown, Run run) {
            if (thrown == null) {
                return;
            }
            Throwable t = unwrap(thrown);
            int line = rec.scriptLine(t.getStackTrace());
            rec.depth(0);
            if (t instanceof PipelineFailure) {
                run.worsen(BuildResult.FAILURE);
                rec.line("the build fails: " + t.getMessage());
                add(
                        "DR110",
                        Severity.WARNING,
                        line,
                        "the build fails in the dry-run: " + t.getMessage(),
                        "check the parameters and environment the dry-run used");
                return;
            }
            failed = true;
            if (t instanceof SandboxAbort a) {
                abort(a, line);
            } else if (t instanceof StackOverflowError) {
                rec.line("stopped: the recursion is too deep");
                add(
                        "DR106",
                        Severity.ERROR,
                        line,
                        "the Jenkinsfile recursed too deeply and was stopped",
                        "bound the recursion");
            } else if (t instanceof java.util.concurrent.TimeoutException || t instanceof InterruptedException) {
                timeout(line);
            } else if (t instanceof OutOfMemoryError) {
                rec.line("stopped: out of memory");
                add(
                        "DR105",
                        Severity.ERROR,
                        line,
                        "the Jenkinsfile used too much memory and was stopped",
                        "build smaller strings and lists");
            } else {
                rec.line("stopped: " + describe(t));
                add(
                        "DR109",
                        Severity.ERROR,
                        line,
                        "the Jenkinsfile stops with an error: " + describe(t),
                        "fix the script; the dry-run ran it with the parameters and environment shown");
            }
        }

        private void abort(SandboxAbort a, int line) {
            switch (a.kind()) {
                case REFUSED -> {
                    rec.line("stopped: refused by the sandbox");
                    add(
                            "DR103",
                            Severity.ERROR,
                            line,
                            "refused by the dry-run sandbox while running: " + a.getMessage(),
                            "remove it; a Jenkinsfile dry-run allows steps and plain Groovy on strings, numbers,"
                                    + " lists and maps");
                }
                case TIME -> timeout(line);
                default -> {
                    rec.line("stopped: " + a.getMessage());
                    add(
                            "DR105",
                            Severity.ERROR,
                            line,
                            "the Jenkinsfile was stopped after " + a.getMessage(),
                            "bound the loop");
                }
            }
        }

        private void add(String id, Severity severity, int line, String message, String hint) {
            rec.finding(id, severity, line, rec.column(line, null), message, hint);
        }

        private static String describe(Throwable t) {
            if (t instanceof MissingPropertyException p) {
                return "no variable or property \"" + p.getProperty() + "\"";
            }
            if (t instanceof MissingMethodException m) {
                return "no method \"" + m.getMethod() + "\" for the arguments given";
            }
            String message = t.getMessage();
            return t.getClass().getSimpleName()
                    + (message == null ? "" : ": " + message.lines().findFirst().orElse(""));
        }

        private static Throwable unwrap(Throwable t) {
            Throwable cur = t;
            for (int i = 0; i < 10 && cur.getCause() != null && cur.getCause() != cur; i++) {
                if (cur instanceof SandboxAbort
                        || cur instanceof PipelineFailure
                        || cur instanceof StackOverflowError) {
                    return cur;
                }
                if (cur instanceof java.lang.reflect.InvocationTargetException
                        || cur instanceof org.codehaus.groovy.runtime.InvokerInvocationException
                        || cur instanceof ExceptionInInitializerError) {
                    cur = cur.getCause();
                } else {
                    return cur;
                }
            }
            return cur;
        }
    }
}
