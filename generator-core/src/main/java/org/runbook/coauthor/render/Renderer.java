package org.runbook.coauthor.render;

import org.runbook.coauthor.plan.RunbookPlan;
import org.runbook.coauthor.plan.Target;

/** Turns a plan into the text of one target's artifact. Implementations are deterministic. */
public interface Renderer {
    Target target();

    /** The file name suffix of the artifact, e.g. {@code .yaml}. */
    String fileExtension();

    String render(RunbookPlan plan);
}
