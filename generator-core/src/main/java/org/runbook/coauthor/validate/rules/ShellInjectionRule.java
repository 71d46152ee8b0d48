package org.runbook.coauthor.validate.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.runbook.coauthor.validate.Severity;
import org.runbook.coauthor.validate.model.JobView;
import org.runbook.coauthor.validate.model.OptionView;
import org.runbook.coauthor.validate.model.StepView;
import org.runbook.coauthor.validate.support.DataReferences;
import org.runbook.coauthor.validate.support.OptionSafety;
import org.runbook.coauthor.validate.support.ShellCommands;
import org.runbook.coauthor.validate.support.ShellQuoting;
import org.runbook.coauthor.validate.support.ShellQuoting.Quoting;

/**
 * SEC010: an option value the operator types is pasted into shell code, where a value such as
 * {@code x"; rm -rf ~; "} runs as a command: {@code ${unquotedoption.x}}, or {@code ${option.x}} inside
 * a longer word of a command line (Rundeck quotes a word that is exactly one reference, but not a
 * reference inside a word, even in double quotes: checked with rundeck-core's ExecArgList), {@code @option.x@} in a script (double quotes do not help: the value can close them),
 * or {@code $RD_OPTION_X} without double quotes. Fine: options limited by enforced values or by a regex
 * that excludes the characters that matter in that spot, and {@code "$RD_OPTION_X"} in double quotes
 * (an environment variable is never parsed again). Secure options backed by Key Storage
 * ({@code storagePath}) used inside double quotes are not reported: their value normally comes from
 * an administrator, not from the operator's keyboard.
 */
public final class ShellInjectionRule extends AbstractRule {
    @Override
    public String id() {
        return "SEC010";
    }

    @Override
    public String title() {
        return "an option value the operator types is pasted into shell code";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public void visitStep(JobView job, StepView step) {
        Set<String> reported = new HashSet<>();
        for (ShellCommands.Source src : ShellCommands.of(step)) {
            String masked = ShellCommands.maskComments(src.text());
            Quoting[] quoting = ShellQuoting.quoting(src.text());
            List<DataReferences.Ref> refs = new ArrayList<>(
                    src.form() == ShellCommands.Form.SCRIPT
                            ? DataReferences.atTokens(src.text())
                            : DataReferences.dollar(src.text()));
            refs.addAll(DataReferences.envVars(src.text()));
            refs.sort((a, b) -> Integer.compare(a.offset(), b.offset()));
            for (DataReferences.Ref ref : refs) {
                if (!ref.isOption() || masked.charAt(ref.offset()) != src.text().charAt(ref.offset())) {
                    continue;
                }
                Optional<OptionView> option = optionOf(job, ref);
                if (option.isEmpty() || reported.contains(option.get().name())) {
                    continue;
                }
                if (src.form() == ShellCommands.Form.COMMAND && ExecWords.quotedByRundeck(src.text(), ref)) {
                    continue;
                }
                boolean execEmbedded =
                        src.form() == ShellCommands.Form.COMMAND && ref.syntax() == DataReferences.Syntax.DOLLAR_BRACE;
                Quoting q = execEmbedded ? Quoting.NONE : quoting[ref.offset()];
                check(step, q, masked, ref, option.get()).ifPresent(message -> {
                    reported.add(option.get().name());
                    reportInText(src.pointer(), src.text(), ref.offset(), message, hint(option.get(), ref));
                });
            }
        }
    }

    private static Optional<String> check(
            StepView step, Quoting q, String masked, DataReferences.Ref ref, OptionView o) {
        boolean reparsed = reparsed(masked, ref.offset());
        String dangerous;
        String where;
        if (ref.syntax() == DataReferences.Syntax.ENV_VAR) {
            // an environment variable is expanded once and never parsed again, unless a shell reads
            // the expansion as code (eval, sh -c, an unquoted here-document fed to a shell)
            boolean code = reparsed || q == Quoting.HEREDOC_CODE;
            if (!code && q != Quoting.NONE) {
                return Optional.empty();
            }
            dangerous = code ? OptionSafety.UNQUOTED : OptionSafety.UNQUOTED_EXPANSION;
            where = code
                    ? "passes \"" + ref.text() + "\" to a shell that parses it as code"
                    : "expands \"" + ref.text() + "\" without double quotes";
        } else {
            boolean unquoted = q == Quoting.NONE
                    || q == Quoting.HEREDOC_CODE
                    || reparsed
                    || ref.group().equals("unquotedoption");
            if (!unquoted && o.secure() && o.node().has("storagePath")) {
                return Optional.empty();
            }
            dangerous = unquoted
                    ? OptionSafety.UNQUOTED
                    : switch (q) {
                        case SINGLE -> OptionSafety.IN_SINGLE_QUOTES;
                        case HEREDOC -> OptionSafety.IN_HEREDOC;
                        case HEREDOC_QUOTED -> OptionSafety.IN_QUOTED_HEREDOC;
                        default -> OptionSafety.IN_DOUBLE_QUOTES;
                    };
            String context = unquoted
                    ? "unquoted"
                    : switch (q) {
                        case SINGLE -> "inside single quotes";
                        case HEREDOC, HEREDOC_QUOTED -> "inside a here-document";
                        default -> "inside double quotes";
                    };
            where = "inserts option \"" + o.name() + "\" into shell code as \"" + ref.text() + "\" (" + context + ")";
        }
        boolean splitOnly = dangerous.equals(OptionSafety.UNQUOTED_EXPANSION);
        return OptionSafety.admits(o, dangerous)
                .map(v -> step.label() + " " + where + ", and " + v.why()
                        + ", so a value with " + OptionSafety.show(v.character()) + " in it "
                        + (splitOnly
                                ? "is split into several words or expanded as a file pattern"
                                : "changes the command that runs"));
    }

    private static String hint(OptionView o, DataReferences.Ref ref) {
        String env = "\"$RD_OPTION_" + DataReferences.envName(o.name()) + "\"";
        return ref.syntax() == DataReferences.Syntax.ENV_VAR
                ? "write it in double quotes, " + env + ", or limit option \"" + o.name() + "\" with a regex"
                : "limit option \"" + o.name() + "\" with a regex of the characters it needs (e.g. ^[A-Za-z0-9_.-]+$)"
                        + " or enforced values, or read it in the script as " + env + " in double quotes";
    }

    /** The command holding {@code offset} re-parses its arguments: eval, sh -c, bash -c. */
    private static boolean reparsed(String masked, int offset) {
        int start = ShellCommands.commandStart(masked, offset);
        String before = masked.substring(start, offset);
        return before.matches(
                "(?s)\\s*(?:(?:sudo|\\$SUDO|command|exec)\\s+(?:-\\S+\\s+)*)*(?:eval\\b|(?:ba|z|k|da)?sh\\s+"
                        + "(?:-\\S+\\s+)*-c\\b).*");
    }

    private static Optional<OptionView> optionOf(JobView job, DataReferences.Ref ref) {
        Optional<OptionView> o = ref.syntax() != DataReferences.Syntax.ENV_VAR
                ? job.option(ref.key())
                : job.options().stream()
                        .filter(x -> DataReferences.envName(x.name()).equals(ref.key()))
                        .findFirst();
        // a file option's value is the path Rundeck gave the upload, not text the operator typed
        return o.filter(x -> !x.node().path("type").asText("").equals("file"));
    }
}
