package org.runbook.coauthor.author.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.runbook.coauthor.author.RepairingAuthor;
import org.runbook.coauthor.author.llm.internal.AuditLog;
import org.runbook.coauthor.author.llm.internal.Backoff;
import org.runbook.coauthor.author.llm.internal.CircuitBreaker;
import org.runbook.coauthor.author.llm.internal.Failures;
import org.runbook.coauthor.author.llm.internal.Fences;
import org.runbook.coauthor.author.llm.internal.Guardrails;
import org.runbook.coauthor.author.llm.internal.LimitedHttpClient;
import org.runbook.coauthor.author.llm.internal.Prompts;
import org.runbook.coauthor.author.llm.internal.ProviderFactories;
import org.runbook.coauthor.author.llm.internal.Redactor;
import org.runbook.coauthor.error.CoauthorException;
import org.runbook.coauthor.error.InvalidInputException;
import org.runbook.coauthor.error.NonRetriableException;
import org.runbook.coauthor.plan.GenerationRequest;
import org.runbook.coauthor.plan.PlanStep;
import org.runbook.coauthor.plan.Provenance;
import org.runbook.coauthor.plan.RunbookPlan;
import org.runbook.coauthor.plan.json.PlanJson;

/**
 * Drafts and repairs plans with an LLM through langchain4j: the request (secrets redacted) with
 * the category guidance, the nearest catalog blocks and the allowed actions; the reply constrained
 * by runbook-plan.schema.json, parsed strictly, and refused when a step sends data to a host the
 * request never named. Calls are retried on timeouts, 429 and 5xx, behind a circuit breaker.
 *
 * <pre>{@code
 * Author author = LlmAuthor.create(LlmSettings.builder().provider("openai").build(), System.getenv());
 * }</pre>
 */
public final class LlmAuthor implements RepairingAuthor {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Sleeps between retries; replaced in tests to record the waits. */
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    /** The grounding for a request: category guidance and the nearest catalog blocks. */
    record Grounding(String guidance, List<String> examples) {}

    private final LlmSettings settings;
    private final ProviderFactory factory;
    private final ChatModel model;
    private final Function<GenerationRequest, Grounding> grounding;
    private final Backoff backoff;
    private final Sleeper sleeper;
    private final CircuitBreaker breaker;
    private final AuditLog audit;

    LlmAuthor(
            LlmSettings settings,
            ProviderFactory factory,
            ChatModel model,
            Function<GenerationRequest, Grounding> grounding,
            Backoff backoff,
            Sleeper sleeper,
            Clock clock) {
        this.settings = settings;
        this.factory = factory;
        this.model = model;
        this.grounding = grounding;
        this.backoff = backoff;
        this.sleeper = sleeper;
        this.breaker =
                new CircuitBreaker(settings.provider(), settings.circuitThreshold(), settings.circuitCooldown(), clock);
        this.audit = new AuditLog(settings.auditFile());
    }

    /** The author for {@code settings}, its API key read from {@code env} or the key file. */
    public static LlmAuthor create(LlmSettings settings, Map<String, String> env) {
        return create(settings, env, new CatalogGrounding());
    }

    static LlmAuthor create(
            LlmSettings settings, Map<String, String> env, Function<GenerationRequest, Grounding> grounding) {
        ProviderFactory factory = ProviderFactories.get(settings.provider());
        String key = apiKey(settings, factory, env);
        ChatModel model = factory.create(
                settings, key, LimitedHttpClient.builder(settings.timeout(), settings.maxResponseBytes()));
        return new LlmAuthor(
                settings,
                factory,
                model,
                grounding,
                Backoff.standard(),
                d -> Thread.sleep(d.toMillis()),
                Clock.systemUTC());
    }

    /** The provider names on the class path. */
    public static List<String> providers() {
        return ProviderFactories.names();
    }

    /** The environment variable {@code provider} reads its API key from; null when it needs none. */
    public static String apiKeyVariable(String provider) {
        return ProviderFactories.get(provider).apiKeyVariable();
    }

    @Override
    public String name() {
        return settings.provider();
    }

    public LlmSettings settings() {
        return settings;
    }

    @Override
    public RunbookPlan draft(GenerationRequest request) {
        Prepared p = prepare(request);
        return call(request, p, p.prompt(), 0, List.of());
    }

    @Override
    public RunbookPlan repair(
            GenerationRequest request, RunbookPlan previous, String artifact, List<String> findings, int round) {
        Prepared p = prepare(request);
        String prompt = Prompts.repair(
                p.prompt(),
                Redactor.redact(PlanJson.write(previous)).text(),
                Redactor.redact(artifact).text(),
                findings,
                round);
        return call(request, p, prompt, round, previous.provenance().notes());
    }

    private record Prepared(String prompt, List<String> notes) {}

    private Prepared prepare(GenerationRequest request) {
        Redactor.Redaction redaction = Redactor.redact(request.text());
        List<String> notes = new ArrayList<>();
        if (!redaction.kinds().isEmpty()) {
            notes.add("redacted before sending to the model: " + String.join(", ", redaction.kinds()));
        }
        List<String> injections = Guardrails.injectionPhrases(request.text());
        if (!injections.isEmpty()) {
            notes.add("possible prompt injection in the request: " + String.join(", ", injections));
        }
        Grounding g = grounding.apply(request);
        List<String> examples =
                g.examples().stream().map(e -> Redactor.redact(e).text()).toList();
        return new Prepared(
                Prompts.draft(redaction.text(), request.category(), g.guidance(), examples, request.installedPlugins()),
                notes);
    }

    private RunbookPlan call(GenerationRequest request, Prepared p, String prompt, int round, List<String> earlier) {
        String system = Prompts.system(factory.nativeJsonSchema());
        String hash = sha256(system + "\n" + prompt);
        String modelName = settings.model() == null ? "(provider default)" : settings.model();
        ChatRequest.Builder chat = ChatRequest.builder().messages(SystemMessage.from(system), UserMessage.from(prompt));
        if (factory.nativeJsonSchema()) {
            chat.responseFormat(ResponseFormat.builder()
                    .type(ResponseFormatType.JSON)
                    .jsonSchema(JsonSchema.builder()
                            .name("runbook_plan")
                            .rootElement(JsonRawSchema.from(Prompts.schema()))
                            .build())
                    .build());
        }
        long start = System.nanoTime();
        ChatResponse response;
        try {
            response = withRetries(chat.build());
        } catch (CoauthorException e) {
            audit(hash, modelName, null, start, round, "failed", e.getMessage(), request);
            throw e;
        }
        Integer in =
                response.tokenUsage() == null ? null : response.tokenUsage().inputTokenCount();
        Integer out =
                response.tokenUsage() == null ? null : response.tokenUsage().outputTokenCount();
        String actualModel = response.modelName() == null ? modelName : response.modelName();
        RunbookPlan plan;
        try {
            plan = parse(
                    response.aiMessage() == null ? null : response.aiMessage().text());
            Guardrails.checkDestinations(plan, request.text());
        } catch (CoauthorException e) {
            audit(hash, actualModel, response, start, round, "refused", e.getMessage(), request);
            throw e;
        }
        audit(hash, actualModel, response, start, round, "ok", null, request);
        List<String> notes = new ArrayList<>(
                earlier.stream().filter(n -> !p.notes().contains(n)).toList());
        notes.addAll(p.notes());
        notes.add("llm " + (round == 0 ? "draft" : "repair round " + round) + ": provider " + settings.provider()
                + ", model " + actualModel + ", prompt sha256 " + hash + ", tokens in " + in + ", out " + out);
        String source = settings.provider() + ":" + actualModel;
        List<PlanStep> steps = plan.steps().stream()
                .map(s -> new PlanStep(
                        s.id(),
                        s.title(),
                        s.action(),
                        s.params(),
                        s.runOn(),
                        s.onError(),
                        s.risk(),
                        s.source() == null || s.source().isBlank() ? source : s.source()))
                .toList();
        return plan.withSteps(steps)
                .withProvenance(
                        new Provenance(settings.provider(), plan.provenance().blocks(), actualModel, hash, notes));
    }

    private ChatResponse withRetries(ChatRequest request) {
        int retry = 0;
        while (true) {
            breaker.before();
            try {
                ChatResponse response = model.chat(request);
                breaker.success();
                return response;
            } catch (RuntimeException e) {
                Failures.Mapped mapped = Failures.map(e, settings.provider());
                breaker.failure(mapped.exception().getMessage());
                if (!mapped.retriable() || retry >= settings.maxRetries() || breaker.open()) {
                    throw mapped.exception();
                }
                retry++;
                try {
                    sleeper.sleep(backoff.delay(retry, mapped.retryAfter()));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw mapped.exception();
                }
            }
        }
    }

    /** The plan in a model reply; fences and surrounding prose are tolerated, nothing else is. */
    static RunbookPlan parse(String reply) {
        String json = Fences.strip(reply);
        JsonNode tree;
        try {
            tree = JSON.readTree(json);
        } catch (IOException e) {
            throw new NonRetriableException(
                    "the model's reply is not a valid plan: not JSON: "
                            + e.getMessage().lines().findFirst().orElse(""),
                    e);
        }
        if (!(tree instanceof ObjectNode object)) {
            throw new NonRetriableException("the model's reply is not a valid plan: expected a JSON object, got "
                    + (tree == null ? "nothing" : tree.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)));
        }
        // The provenance is ours to write; a model may leave it out.
        if (!object.has("provenance")) {
            object.putObject("provenance").put("author", "llm");
        }
        try {
            return PlanJson.read(object.toString(), "model-reply.json");
        } catch (InvalidInputException e) {
            throw new NonRetriableException("the model's reply is not a valid plan: " + e.getMessage(), e);
        }
    }

    private void audit(
            String hash,
            String modelName,
            ChatResponse response,
            long start,
            int round,
            String outcome,
            String error,
            GenerationRequest request) {
        var usage = response == null ? null : response.tokenUsage();
        audit.append(new AuditLog.Entry(
                settings.provider(),
                modelName,
                hash,
                usage == null ? null : usage.inputTokenCount(),
                usage == null ? null : usage.outputTokenCount(),
                (System.nanoTime() - start) / 1_000_000,
                round,
                outcome,
                error == null ? null : Redactor.redact(error).text(),
                settings.auditFull() ? Redactor.redact(request.text()).text() : null));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static String apiKey(LlmSettings settings, ProviderFactory factory, Map<String, String> env) {
        if (settings.apiKeyFile() != null) {
            try {
                return Files.readString(settings.apiKeyFile()).strip();
            } catch (IOException e) {
                throw new InvalidInputException(
                        "cannot read the API key file: " + e.getMessage(),
                        new org.runbook.coauthor.error.SourcePosition(
                                settings.apiKeyFile().toString(), 0, 0),
                        e);
            }
        }
        String variable = factory.apiKeyVariable();
        if (variable == null) {
            return null;
        }
        String key = env.get(variable);
        boolean local = settings.baseUrl() != null
                && (settings.baseUrl().contains("localhost")
                        || settings.baseUrl().contains("127.0.0.1"));
        if ((key == null || key.isBlank()) && !local) {
            throw new NonRetriableException("provider \"" + factory.name() + "\" needs an API key; set " + variable
                    + " or pass --api-key-file");
        }
        return key;
    }
}
