package org.runbook.coauthor.rundeck.lifecycle;

import com.dtolabs.rundeck.core.common.INodeSet;
import com.dtolabs.rundeck.core.jobs.JobLifecycleStatus;
import com.dtolabs.rundeck.core.jobs.JobLifecycleStatusImpl;
import com.dtolabs.rundeck.core.jobs.JobOption;
import com.dtolabs.rundeck.core.jobs.JobPersistEvent;
import com.dtolabs.rundeck.core.jobs.JobPreExecutionEvent;
import com.dtolabs.rundeck.core.plugins.Plugin;
import com.dtolabs.rundeck.core.plugins.configuration.PropertyScope;
import com.dtolabs.rundeck.plugins.ServiceNameConstants;
import com.dtolabs.rundeck.plugins.descriptions.PluginDescription;
import com.dtolabs.rundeck.plugins.descriptions.PluginProperty;
import com.dtolabs.rundeck.plugins.descriptions.SelectValues;
import com.dtolabs.rundeck.plugins.project.JobLifecyclePlugin;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Job Lifecycle provider {@code coauthor-safety-policy}: checks every job on save against the
 * project's {@link SafetyPolicy}, and refuses to start an unconfirmed run of a job the co-author
 * marked destructive.
 *
 * <p>In {@code warn} mode the save succeeds and the violations go to the server log only: Rundeck
 * 5.4 reads a lifecycle status's error message only when the status is unsuccessful, so a
 * successful status cannot carry a warning to the user. Use {@code enforce} to see them in the
 * job editor and the import API.
 */
@Plugin(name = SafetyPolicyPlugin.PROVIDER_NAME, service = ServiceNameConstants.JobLifecycle)
@PluginDescription(
        title = "Co-author / Safety policy",
        description = "Checks jobs on save: secrets come from Key Storage, option names and regexes are sound, and"
                + " jobs that reach many nodes ask for confirmation. Refuses unconfirmed runs of jobs the"
                + " co-author marked destructive. Mode `warn` only logs on save; `enforce` rejects the save.")
public class SafetyPolicyPlugin implements JobLifecyclePlugin {
    public static final String PROVIDER_NAME = "coauthor-safety-policy";

    private static final Logger LOG = Logger.getLogger(SafetyPolicyPlugin.class.getName());

    @PluginProperty(
            title = "Mode",
            description = "`warn`: save the job and log violations on the server. `enforce`: reject the save.",
            defaultValue = "warn",
            scope = PropertyScope.Project)
    @SelectValues(values = {"warn", "enforce"})
    private String mode;

    @PluginProperty(
            title = "Nodes without confirmation",
            description = "A job whose node filter matches more nodes than this needs a confirmation option.",
            defaultValue = "10",
            scope = PropertyScope.Project)
    private int maxNodesWithoutConfirm = 10;

    @PluginProperty(
            title = "Confirmation option",
            description = "Name of the required, constrained option that confirms a wide run.",
            defaultValue = "confirm",
            scope = PropertyScope.Project)
    private String confirmOptionName;

    @PluginProperty(
            title = "Allowed secret storage prefix",
            description = "If set, secure options may only read Key Storage paths under this prefix,"
                    + " e.g. `keys/project/ops/`.",
            scope = PropertyScope.Project)
    private String allowedSecretStoragePrefix;

    @Override
    public JobLifecycleStatus beforeSaveJob(JobPersistEvent event) {
        SafetyPolicy policy = policy();
        List<Violation> violations = policy.checkSave(
                event.getJobName(), facts(event.getOptions()), count(event.getNodes()), event.getNodeFilter());
        if (violations.isEmpty()) {
            return null;
        }
        String message = "Co-author safety policy: "
                + violations.stream().map(Violation::toString).collect(Collectors.joining("; also "));
        if (policy.settings().mode() == PolicySettings.Mode.ENFORCE) {
            return JobLifecycleStatusImpl.builder()
                    .successful(false)
                    .errorMessage(message)
                    .build();
        }
        LOG.warning(() -> "project " + event.getProjectName() + ", job \"" + event.getJobName() + "\" saved by "
                + event.getUserName() + " despite (mode warn): " + message);
        return JobLifecycleStatusImpl.builder()
                .successful(true)
                .errorMessage(message)
                .build();
    }

    @Override
    public JobLifecycleStatus beforeJobExecution(JobPreExecutionEvent event) {
        Optional<Violation> refused =
                policy().checkRun(event.getJobName(), facts(event.getOptions()), event.getOptionsValues());
        if (refused.isEmpty()) {
            return null;
        }
        return JobLifecycleStatusImpl.builder()
                .successful(false)
                .errorMessage("Co-author safety policy: " + refused.get())
                .build();
    }

    SafetyPolicy policy() {
        return new SafetyPolicy(new PolicySettings(
                PolicySettings.Mode.parse(mode),
                maxNodesWithoutConfirm,
                confirmOptionName,
                allowedSecretStoragePrefix));
    }

    static List<OptionFacts> facts(Collection<JobOption> options) {
        List<OptionFacts> out = new ArrayList<>();
        if (options == null) {
            return out;
        }
        for (JobOption o : options) {
            out.add(new OptionFacts(
                    o.getName(),
                    o.getDescription(),
                    o.getDefaultValue(),
                    o.getDefaultStoragePath(),
                    Boolean.TRUE.equals(o.getSecureInput()),
                    Boolean.TRUE.equals(o.getRequired()),
                    Boolean.TRUE.equals(o.getEnforced()),
                    o.getValues() == null ? List.of() : List.copyOf(o.getValues()),
                    o.getRegex()));
        }
        return out;
    }

    private static int count(INodeSet nodes) {
        return nodes == null || nodes.getNodes() == null ? 0 : nodes.getNodes().size();
    }
}
