package org.runbook.coauthor.render.jenkins;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.runbook.coauthor.plan.Action;
import org.runbook.coauthor.plan.PlanStep;
import org.runbook.coauthor.render.ShellText;

/**
 * The agent-side bash that runs a group of node steps on every host in turn, node first (all the
 * group's steps on one host before the next, as the Rundeck job does), over SSH. Each step's script
 * goes to the node on standard input, after {@code export} lines that carry the values of the
 * parameters it reads ({@code printf %q}-quoted), so values never pass through a command line and
 * the node needs no Jenkins.
 */
final class NodeScript {
    private static final String DELIMITER = "COAUTHOR_STEP";

    private final StepShell shell;

    NodeScript(StepShell shell) {
        this.shell = shell;
    }

    /**
     * @param hosts shell word that expands to the comma-separated host list, e.g. {@code "${NODES}"}
     */
    String script(List<PlanStep> steps, String hosts) {
        StringBuilder out = new StringBuilder(ShellText.PROLOGUE);
        out.append("# Runs the script on stdin on host $1 after exporting the variables named in $2...\n")
                .append("on_node() {\n")
                .append("  local host=\"$1\"\n")
                .append("  shift\n")
                .append("  {\n")
                .append("    for name in \"$@\"; do\n")
                .append("      printf 'export %s=%q\\n' \"$name\" \"${!name}\"\n")
                .append("    done\n")
                .append("    cat\n")
                .append("  } | ssh -o BatchMode=yes -- \"${")
                .append(StepShell.SSH_USER)
                .append("}@${host}\" bash -s\n")
                .append("}\n")
                .append("IFS=',' read -r -a hosts <<< ")
                .append(hosts)
                .append('\n')
                .append("if (( ${#hosts[@]} == 0 )); then\n")
                .append("  echo 'no host to run on' >&2\n")
                .append("  exit 1\n")
                .append("fi\n")
                .append("for host in \"${hosts[@]}\"; do\n")
                .append("  host=\"${host//[[:space:]]/}\"\n")
                .append("  [[ -n \"$host\" ]] || continue\n");
        for (PlanStep step : steps) {
            out.append("  printf '==> %s: %s\\n' \"$host\" ")
                    .append(ShellText.singleQuoted(step.title()))
                    .append('\n');
            if (step.action() == Action.COPY_FILE) {
                out.append("  ").append(shell.copyToNode(step));
                continue;
            }
            String body = shell.script(step);
            boolean handler = step.onError() != null && !step.onError().isBlank();
            out.append(handler ? "  if ! " : "  ")
                    .append(onNode(step, body, shell.variables(step)))
                    .append(
                            handler
                                    ? "  then\n"
                                            + indent(
                                                    onNode(
                                                            step,
                                                            shell.rewrite(step.onError() + "\n"),
                                                            shell.variables(step)),
                                                    "    ")
                                            + "    exit 1\n  fi\n"
                                    : "");
        }
        return out.append("done\n").toString();
    }

    private static String onNode(PlanStep step, String body, Collection<String> variables) {
        String end = delimiter(body);
        Set<String> names = new LinkedHashSet<>(variables);
        StringBuilder call = new StringBuilder("on_node \"$host\"");
        names.forEach(n -> call.append(' ').append(n));
        return call.append(" <<'")
                .append(end)
                .append("'\n")
                .append(body.endsWith("\n") ? body : body + "\n")
                .append(end)
                .append('\n')
                .toString();
    }

    private static String indent(String text, String prefix) {
        return text.lines().map(l -> l.startsWith("on_node") ? prefix + l : l).reduce("", (a, b) -> a + b + "\n");
    }

    /** A here-document delimiter that no line of {@code body} equals. */
    static String delimiter(String body) {
        Set<String> lines = new LinkedHashSet<>(body.lines().map(String::strip).toList());
        String end = DELIMITER;
        for (int n = 2; lines.contains(end); n++) {
            end = DELIMITER + "_" + n;
        }
        return end;
    }
}
