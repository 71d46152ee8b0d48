package org.runbook.coauthor.validate;

import java.util.ArrayList;
import java.util.List;
import org.runbook.coauthor.validate.support.Catastrophic;

/**
 * Screens a request before any author sees it. A request for something that destroys a machine is
 * refused with a finding that points into the request text.
 */
public final class RequestScreen {
    public static final String FILE = "<request>";

    private RequestScreen() {}

    public static List<Finding> screen(String text) {
        List<Finding> findings = new ArrayList<>();
        Catastrophic.find(text).ifPresent(m -> {
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < m.offset(); i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            findings.add(new Finding(
                    "SEC001",
                    Severity.ERROR,
                    FILE,
                    line,
                    m.offset() - lineStart + 1,
                    "",
                    "the request asks for \"" + m.text().strip() + "\", which is destructive: " + m.why()
                            + "; no confirmation makes that safe, so no job is generated",
                    "ask for the narrower task you need, e.g. removing one application directory"));
        });
        return findings;
    }
}
