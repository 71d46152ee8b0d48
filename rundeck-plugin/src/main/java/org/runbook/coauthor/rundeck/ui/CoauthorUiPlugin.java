package org.runbook.coauthor.rundeck.ui;

import com.dtolabs.rundeck.core.plugins.Plugin;
import com.dtolabs.rundeck.plugins.ServiceNameConstants;
import com.dtolabs.rundeck.plugins.descriptions.PluginDescription;
import com.dtolabs.rundeck.plugins.rundeck.UIPlugin;
import java.util.List;

/**
 * The "Gen AI co-author" button and dialog on Rundeck's job list and job editor pages. Rundeck serves the
 * script and style from the plugin jar's {@code resources/} directory at
 * {@code /plugin/file/UI/coauthor-ui/ui/coauthor.js}; everything else happens in the browser, through the
 * Rundeck API with the user's own session (see {@code rundeck-plugin/README.md}, "UI").
 */
@Plugin(name = CoauthorUiPlugin.PROVIDER_NAME, service = ServiceNameConstants.UI)
@PluginDescription(
        title = "Co-author / UI",
        description = "Adds a **Gen AI co-author** button to the job list and the job editor: describe a task,"
                + " get a validated Rundeck job with its findings and dry-run, and add it to the Jobs Library.")
public class CoauthorUiPlugin implements UIPlugin {
    public static final String PROVIDER_NAME = "coauthor-ui";

    /** Page paths ({@code controller/action}) that show the button. */
    static final List<String> PAGES = List.of("menu/jobs", "scheduledExecution/create", "scheduledExecution/edit");

    static final String SCRIPT = "ui/coauthor.js";
    static final String STYLE = "ui/coauthor.css";

    @Override
    public boolean doesApply(String path) {
        return path != null && PAGES.contains(path);
    }

    @Override
    public List<String> resourcesForPath(String path) {
        return doesApply(path) ? List.of(SCRIPT, STYLE) : List.of();
    }

    @Override
    public List<String> scriptResourcesForPath(String path) {
        return doesApply(path) ? List.of(SCRIPT) : List.of();
    }

    @Override
    public List<String> styleResourcesForPath(String path) {
        return doesApply(path) ? List.of(STYLE) : List.of();
    }

    @Override
    public List<String> requires(String path) {
        return List.of();
    }
}
