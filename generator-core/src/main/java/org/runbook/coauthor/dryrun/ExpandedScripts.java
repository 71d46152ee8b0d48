package org.runbook.coauthor.dryrun;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.runbook.coauthor.validate.Finding;
import org.runbook.coauthor.validate.Severity;
import org.runbook.coauthor.validate.model.StepView;
import org.runbook.coauthor.validate.read.ParsedDocument;
import org.runbook.coauthor.validate.read.Pointers;
import org.runbook.coauthor.validate.read.Position;

/** Writes an expanded script out and checks it with {@code bash -n}, as it would reach the node. */
final class ExpandedScripts {
    private static final Pattern LINE = Pattern.compile("line ([0-9]+): (.*)");

    private ExpandedScripts() {}

    static void check(StepView step, String expanded, ParsedDocument doc, String file, List<Finding> findings) {
        String first = expanded.lines().findFirst().orElse("");
        if (first.startsWith("#!") && !first.matches("#!.*\\b(ba)?sh\\b.*")) {
            return;
        }
        try {
            Path tmp = Files.createTempFile("coauthor-dryrun-", ".sh");
            try {
                Files.writeString(tmp, expanded, StandardCharsets.UTF_8);
                Process p = new ProcessBuilder("bash", "-n", tmp.toString())
                        .redirectErrorStream(true)
                        .start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return;
                }
                if (p.exitValue() != 0) {
                    Matcher m = LINE.matcher(out);
                    String detail =
                            m.find() ? "line " + m.group(1) + " of the expanded script: " + m.group(2) : out.strip();
                    Position at = doc.valuePosition(step.shellPointer());
                    findings.add(new Finding(
                            "DR003",
                            Severity.ERROR,
                            file,
                            at.line(),
                            at.column(),
                            Pointers.yamlPath(step.shellPointer()),
                            step.label() + " is not valid shell once its" + " references are expanded: " + detail,
                            "quote the references, or constrain the option values with a regex"));
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            // bash is not available: the dry-run transcript stands without the syntax check.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
