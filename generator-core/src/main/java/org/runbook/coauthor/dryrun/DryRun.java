package org.runbook.coauthor.dryrun;

import com.dtolabs.rundeck.core.common.INodeEntry;
import com.dtolabs.rundeck.core.common.INodeSet;
import com.dtolabs.rundeck.core.common.NodeFilter;
import com.dtolabs.rundeck.core.dispatcher.DataContextUtils;
import com.dtolabs.rundeck.core.dispatcher.ReplaceTokenReader;
import com.dtolabs.rundeck.core.execution.ExecArgList;
import com.dtolabs.rundeck.core.utils.NodeSet;
import com.dtolabs.rundeck.core.utils.OptsUtil;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.runbook.coauthor.dryrun.DryRunResult.JobRun;
import org.runbook.coauthor.dryrun.DryRunResult.NodeRun;
import org.runbook.coauthor.dryrun.DryRunResult.OptionValue;
import org.runbook.coauthor.dryrun.DryRunResult.StepRun;
import org.runbook.coauthor.validate.Finding;
import org.runbook.coauthor.validate.JobDocuments;
import org.runbook.coauthor.validate.Severity;
import org.runbook.coauthor.validate.model.JobView;
import org.runbook.coauthor.validate.model.StepView;
import org.runbook.coauthor.validate.read.ParseProblem;
import org.runbook.coauthor.validate.read.ParsedDocument;
import org.runbook.coauthor.validate.read.Pointers;
import org.runbook.coauthor.validate.read.Position;
import org.runbook.coauthor.validate.support.DataReferences;

/**
 * Shows exactly what a job would run where, without running anything: option values are chosen,
 * nodes are selected with Rundeck's own node-filter code ({@code NodeSet}, {@code NodeFilter}), and
 * every reference is expanded with Rundeck's own code ({@code DataContextUtils} for commands and
 * configuration, {@code ReplaceTokenReader} for inline scripts). Unresolved references and filters
 * that select nothing are findings.
 */
public final class DryRun {
    private final DryRunOptions options;

    public DryRun(DryRunOptions options) {
        this.options = options;
    }

    public DryRunResult run(String text, String file) {
        ParsedDocument document;
        try {
            document = JobDocuments.read(text, file);
        } catch (ParseProblem e) {
            return new DryRunResult(
                    List.of(),
                    List.of(new Finding(
                            "RD000",
                            Severity.ERROR,
                            file,
                            e.position().line(),
                            e.position().column(),
                            "",
                            "the document cannot be read: " + e.getMessage(),
                            "fix the syntax")));
        }
        INodeSet inventory = Inventory.load(options.nodes());
        List<Finding> findings = new ArrayList<>();
        List<JobRun> jobs = new ArrayList<>();
        for (JobView job : JobDocuments.jobs(document.tree())) {
            jobs.add(runJob(job, inventory, document, file, findings));
        }
        findings.sort(Finding.ORDER);
        return new DryRunResult(jobs, findings);
    }

    private JobRun runJob(JobView job, INodeSet inventory, ParsedDocument doc, String file, List<Finding> findings) {
        List<OptionValue> values = OptionValues.choose(job.options(), options.optionValues());
        Map<String, Map<String, String>> base = new HashMap<>();
        Map<String, String> optionContext = new HashMap<>();
        values.forEach(v -> optionContext.put(v.name(), v.value()));
        base.put("option", optionContext);
        base.put("job", jobContext(job));
        base.put("globals", new HashMap<>());

        String filter = job.nodeFilter().orElse(null);
        List<INodeEntry> nodes;
        if (filter == null) {
            nodes = Inventory.sorted(Inventory.serverOnly());
        } else {
            String expanded = DataContextUtils.replaceDataReferencesInString(filter, base);
            reportUnresolved(filter, expanded, base, job.nodeFilterPointer(), doc, file, findings);
            if (options.nodes() == null && options.sampleNodes()) {
                inventory = Inventory.sampleFor(expanded);
            }
            nodes = Inventory.sorted(NodeFilter.filterNodes(NodeSet.fromFilter(expanded), inventory));
            if (nodes.isEmpty()) {
                Position at = doc.valuePosition(job.nodeFilterPointer());
                findings.add(new Finding(
                        "DR002",
                        Severity.ERROR,
                        file,
                        at.line(),
                        at.column(),
                        Pointers.yamlPath(job.nodeFilterPointer()),
                        "node filter \"" + expanded + "\" matches none of the "
                                + inventory.getNodes().size() + " nodes in the inventory",
                        "check the filter and the option values, or pass the right inventory with --nodes"));
            }
        }
        // Each node's context is built once and shared by every step: a 50-step job on 1,000 nodes
        // expands 50,000 times, so per-step copies of the context would dominate.
        List<NodeContext> targets = new ArrayList<>(nodes.size());
        for (INodeEntry node : nodes) {
            targets.add(NodeContext.of(node.getNodename(), base, DataContextUtils.nodeData(node)));
        }
        INodeEntry server = Inventory.sorted(Inventory.serverOnly()).get(0);
        NodeContext serverContext = NodeContext.of("(server)", base, DataContextUtils.nodeData(server));
        List<StepRun> steps = new ArrayList<>();
        for (StepView step : job.steps()) {
            steps.add(runStep(step, step.nodeStep() ? targets : List.of(serverContext), doc, file, findings));
        }
        return new JobRun(
                job.label(),
                values,
                filter,
                nodes.stream().map(INodeEntry::getNodename).toList(),
                inventory.getNodes().size(),
                steps);
    }

    private StepRun runStep(
            StepView step, List<NodeContext> targets, ParsedDocument doc, String file, List<Finding> findings) {
        List<NodeRun> runs = new ArrayList<>(targets.size());
        if (!targets.isEmpty()) {
            reportUnresolved(step, targets.get(0).context(), doc, file, findings);
        }
        for (NodeContext target : targets) {
            runs.add(new NodeRun(target.name(), expandStep(step, target)));
        }
        if (options.syntaxCheck() && step.kind() == StepView.Kind.SCRIPT && !runs.isEmpty()) {
            ExpandedScripts.check(step, runs.get(0).text(), doc, file, findings);
        }
        String kind = step.kind() == StepView.Kind.PLUGIN
                ? step.type()
                : step.kind().name().toLowerCase(java.util.Locale.ROOT);
        return new StepRun(step.number(), step.node().path("description").asText(""), kind, step.errorHandler(), runs);
    }

    /** A node's data context, and its flattened form for script tokens, built once per node. */
    private record NodeContext(String name, Map<String, Map<String, String>> context, Map<String, String> flat) {
        String osFamily() {
            return context.get("node").getOrDefault("osFamily", "unix");
        }

        static NodeContext of(String name, Map<String, Map<String, String>> base, Map<String, String> nodeData) {
            Map<String, Map<String, String>> context = new HashMap<>(base);
            context.put("node", nodeData);
            return new NodeContext(name, context, DataContextUtils.flattenDataContext(context));
        }
    }

    private static String expandStep(StepView step, NodeContext target) {
        Map<String, Map<String, String>> context = target.context();
        switch (step.kind()) {
            case EXEC -> {
                return commandLine(step.shellText(), context, target.osFamily());
            }
            case SCRIPT -> {
                String args = step.node().path("args").asText("");
                String expanded = tokens(step.shellText(), target.flat());
                return args.isEmpty()
                        ? expanded
                        : expanded + "\n# args: "
                                + DataContextUtils.replaceDataReferencesInString(args, context, null, false, true);
            }
            case SCRIPTFILE, SCRIPTURL -> {
                String where = step.node()
                        .path(step.kind() == StepView.Kind.SCRIPTFILE ? "scriptfile" : "scripturl")
                        .asText();
                return "run script " + DataContextUtils.replaceDataReferencesInString(where, context, null, false, true)
                        + " "
                        + DataContextUtils.replaceDataReferencesInString(
                                step.node().path("args").asText(""), context, null, false, true);
            }
            case JOBREF -> {
                var ref = step.node().path("jobref");
                String referenced = ref.path("group").asText("").isEmpty()
                        ? ref.path("name").asText(ref.path("uuid").asText())
                        : ref.path("group").asText() + "/" + ref.path("name").asText();
                return "run job " + referenced + " "
                        + DataContextUtils.replaceDataReferencesInString(
                                ref.path("args").asText(""), context, null, false, true);
            }
            default -> {
                StringBuilder out = new StringBuilder("plugin " + step.type());
                step.configuration().forEach((k, v) -> out.append("\n  ")
                        .append(k)
                        .append(" = ")
                        .append(DataContextUtils.replaceDataReferencesInString(v, context, null, false, true)));
                return out.toString();
            }
        }
    }

    /**
     * The command line exactly as Rundeck builds it for a node: the text is split into words, each
     * word expanded, and a word that is wholly a reference quoted for the node's shell when its value
     * needs it. A reference inside a longer word ({@code pre-${option.x}}) and {@code ${unquotedoption.x}}
     * are not quoted, which is why unconstrained values there are an injection risk (SEC010).
     */
    static String commandLine(String command, Map<String, Map<String, String>> context, String osFamily) {
        List<String> words = ExecArgList.fromStrings(
                        DataContextUtils.stringContainsPropertyReferencePredicate, OptsUtil.burst(command))
                .buildCommandForNode(context, osFamily);
        return ExecArgList.joinAndQuote(words, null);
    }

    /** Rundeck's inline-script token expansion ({@code @option.x@}), missing tokens blanked as Rundeck does. */
    static String tokens(String script, Map<String, String> flat) {
        try (Reader reader = new ReplaceTokenReader(new StringReader(script), flat, true, '@', '@')) {
            StringBuilder out = new StringBuilder(script.length() + 64);
            char[] buf = new char[4096];
            int n;
            while ((n = reader.read(buf)) > 0) {
                out.append(buf, 0, n);
            }
            return out.toString();
        } catch (IOException e) {
            throw new IllegalStateException("reading a string cannot fail", e);
        }
    }

    /** Reports each reference of a step that the first target's context cannot resolve, once. */
    private static void reportUnresolved(
            StepView step,
            Map<String, Map<String, String>> context,
            ParsedDocument doc,
            String file,
            List<Finding> findings) {
        Set<String> seen = new LinkedHashSet<>();
        List<String[]> texts = new ArrayList<>();
        switch (step.kind()) {
            case EXEC -> texts.add(new String[] {step.shellText(), step.shellPointer()});
            case SCRIPT -> {
                for (DataReferences.Ref ref : DataReferences.atTokens(step.shellText())) {
                    if (!resolves(ref, context) && seen.add(ref.text())) {
                        unresolved(ref.text(), step.shellPointer(), doc, file, findings);
                    }
                }
                texts.add(new String[] {step.node().path("args").asText(""), step.pointer("args")});
            }
            case PLUGIN -> step.configuration()
                    .forEach((k, v) -> texts.add(new String[] {v, step.configurationPointer(k)}));
            default -> {}
        }
        for (String[] t : texts) {
            for (DataReferences.Ref ref : DataReferences.dollar(t[0])) {
                if (!resolves(ref, context) && seen.add(ref.text())) {
                    unresolved(ref.text(), t[1], doc, file, findings);
                }
            }
        }
    }

    private static void reportUnresolved(
            String raw,
            String expanded,
            Map<String, Map<String, String>> context,
            String pointer,
            ParsedDocument doc,
            String file,
            List<Finding> findings) {
        for (DataReferences.Ref ref : DataReferences.dollar(raw)) {
            if (!resolves(ref, context)) {
                unresolved(ref.text(), pointer, doc, file, findings);
            }
        }
    }

    /** Data produced at run time ({@code data}, {@code export}, step outputs) cannot be known in a dry-run. */
    private static boolean resolves(DataReferences.Ref ref, Map<String, Map<String, String>> context) {
        String group =
                ref.group().equals("unquotedoption") || ref.group().equals("secureOption") ? "option" : ref.group();
        if (Set.of("data", "export", "exec", "stub", "result").contains(group)
                || ref.text().matches("\\$\\{[0-9]+:.*")) {
            return true;
        }
        String key = ref.key().endsWith(".delimiter")
                ? ref.key().substring(0, ref.key().length() - 10)
                : ref.key();
        Map<String, String> values = context.get(group);
        return values != null && values.containsKey(key);
    }

    private static void unresolved(
            String text, String pointer, ParsedDocument doc, String file, List<Finding> findings) {
        Position at = doc.valuePosition(pointer);
        findings.add(new Finding(
                "DR001",
                Severity.ERROR,
                file,
                at.line(),
                at.column(),
                Pointers.yamlPath(pointer),
                "reference \"" + text + "\" has no value in a dry-run; Rundeck would expand it to an empty string",
                "define the option or context value it names, or fix the reference"));
    }

    private static Map<String, String> jobContext(JobView job) {
        Map<String, String> ctx = new HashMap<>();
        ctx.put("name", job.name());
        ctx.put("group", job.node().path("group").asText(""));
        ctx.put("id", job.node().path("uuid").asText("dry-run"));
        ctx.put("project", "dry-run");
        ctx.put("execid", "0");
        ctx.put("executionUuid", "00000000-0000-0000-0000-000000000000");
        ctx.put("username", "dry-run");
        ctx.put("user.name", "dry-run");
        ctx.put("loglevel", job.node().path("loglevel").asText("INFO"));
        ctx.put("retryAttempt", "0");
        ctx.put("wasRetry", "false");
        ctx.put(
                "threadcount",
                job.node()
                        .path("nodefilters")
                        .path("dispatch")
                        .path("threadcount")
                        .asText("1"));
        ctx.put("filter", job.nodeFilter().orElse(""));
        ctx.put("serverUrl", "http://rundeck.invalid/");
        ctx.put("url", "http://rundeck.invalid/project/dry-run/execution/follow/0");
        ctx.put("serverUUID", "00000000-0000-0000-0000-000000000000");
        ctx.put("executionType", "user");
        return ctx;
    }
}
