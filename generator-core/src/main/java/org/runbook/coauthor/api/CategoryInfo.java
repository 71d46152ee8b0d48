package org.runbook.coauthor.api;

import java.util.List;

/** A category of the catalog as the CLI and plugins show it. */
public record CategoryInfo(String name, int blocks, String guidance, List<String> examples) {
    public CategoryInfo {
        examples = List.copyOf(examples);
    }
}
