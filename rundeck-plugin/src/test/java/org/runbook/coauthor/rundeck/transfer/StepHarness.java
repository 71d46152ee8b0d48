package org.runbook.coauthor.rundeck.transfer;

import com.dtolabs.rundeck.core.common.Framework;
import com.dtolabs.rundeck.core.common.INodeSet;
import com.dtolabs.rundeck.core.common.NodeEntryImpl;
import com.dtolabs.rundeck.core.data.DataContext;
import com.dtolabs.rundeck.core.execution.ExecutionContext;
import com.dtolabs.rundeck.core.execution.ExecutionContextImpl;
import com.dtolabs.rundeck.core.execution.workflow.FlowControl;
import com.dtolabs.rundeck.core.execution.workflow.SharedOutputContext;
import com.dtolabs.rundeck.core.execution.workflow.steps.PluginStepContextImpl;
import com.dtolabs.rundeck.core.plugins.configuration.PluginAdapterUtility;
import com.dtolabs.rundeck.core.plugins.configuration.PropertyResolverFactory;
import com.dtolabs.rundeck.plugins.PluginLogger;
import com.dtolabs.rundeck.plugins.step.NodeStepPlugin;
import com.dtolabs.rundeck.plugins.step.PluginStepContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a node step the way Rundeck does: configuration injected by {@link PluginAdapterUtility}
 * (defaults applied), a real execution context carrying the Key Storage tree and the logger.
 */
final class StepHarness {
    final InMemoryKeyStorage keys = new InMemoryKeyStorage();
    final RecordingLogger logger = new RecordingLogger();

    NodeEntryImpl node(String name, String hostname, String user, String keyPath) {
        NodeEntryImpl node = new NodeEntryImpl(name);
        node.setHostname(hostname);
        node.setUsername(user);
        if (keyPath != null) {
            node.setAttribute("ssh-key-storage-path", keyPath);
        }
        return node;
    }

    void run(NodeStepPlugin step, Map<String, Object> configuration, NodeEntryImpl node) throws Exception {
        Map<String, Object> config = new HashMap<>(configuration);
        PluginAdapterUtility.configureProperties(PropertyResolverFactory.createInstanceResolver(config), step);
        PluginStepContext real = PluginStepContextImpl.from(ExecutionContextImpl.builder()
                .frameworkProject("ops")
                .storageTree(keys)
                .executionLogger(logger)
                .build());
        step.executeNodeStep(new LoggingContext(real, logger), config, node);
    }

    /** Rundeck attaches the step's logger after {@code PluginStepContextImpl.from}; this does the same. */
    private record LoggingContext(PluginStepContext real, PluginLogger logger) implements PluginStepContext {
        @Override
        public PluginLogger getLogger() {
            return logger;
        }

        @Override
        public String getFrameworkProject() {
            return real.getFrameworkProject();
        }

        @Override
        public DataContext getDataContextObject() {
            return real.getDataContextObject();
        }

        @Override
        public Map<String, Map<String, String>> getDataContext() {
            return real.getDataContext();
        }

        @Override
        public INodeSet getNodes() {
            return real.getNodes();
        }

        @Override
        public int getStepNumber() {
            return real.getStepNumber();
        }

        @Override
        public List<Integer> getStepContext() {
            return real.getStepContext();
        }

        @Override
        public Framework getFramework() {
            return real.getFramework();
        }

        @Override
        public ExecutionContext getExecutionContext() {
            return real.getExecutionContext();
        }

        @Override
        public FlowControl getFlowControl() {
            return real.getFlowControl();
        }

        @Override
        public SharedOutputContext getOutputContext() {
            return real.getOutputContext();
        }
    }
}
