package org.runbook.coauthor.validate.jenkins.rules;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.runbook.coauthor.validate.Severity;
import org.runbook.coauthor.validate.jenkins.model.Call;
import org.runbook.coauthor.validate.jenkins.model.Jenkinsfile;
import org.runbook.coauthor.validate.jenkins.model.Node;
import org.runbook.coauthor.validate.jenkins.model.Pipeline;
import org.runbook.coauthor.validate.jenkins.model.Stage;
import org.runbook.coauthor.validate.jenkins.model.Value;
import org.runbook.coauthor.validate.read.Position;
import org.runbook.coauthor.validate.support.Secrets;
import org.runbook.coauthor.validate.support.ShellCommands;

/**
 * JK103: a credential written into the Jenkinsfile instead of bound from Jenkins' credential store:
 * a literal assigned to a password- or token-like name in {@code environment}, a literal passed to
 * such a step argument ({@code password: 's3cr3t'}), a {@code PASSWORD=…} or {@code --token …}
 * in an {@code sh} script, or a token of a known shape (AWS key, GitHub token, private key, …) in
 * any string. Uses the same secret detection as SEC008.
 */
public final class HardCodedCredentialRule extends JenkinsRule {
    private static final String HINT = "remove it, revoke it, store it in Jenkins credentials and bind it with"
            + " credentials('id') in environment or with withCredentials([...])";

    private final Set<Position> seen = new HashSet<>();

    @Override
    public String id() {
        return "JK103";
    }

    @Override
    public String title() {
        return "a credential is written into the Jenkinsfile";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    protected void check(Jenkinsfile jenkinsfile) {
        seen.clear();
        for (Pipeline p : jenkinsfile.pipelines()) {
            p.section("environment").ifPresent(this::environment);
            for (Stage s : p.allStages()) {
                s.section("environment").ifPresent(this::environment);
            }
        }
        for (Call c : jenkinsfile.calls()) {
            Value defaultValue = c.named().get("defaultValue");
            if (c.name().equals("password") && defaultValue != null && defaultValue.kind() == Value.Kind.STRING) {
                Secrets.namedValue("password", defaultValue.text())
                        .ifPresent(shown -> found(
                                defaultValue,
                                0,
                                "password parameter \""
                                        + c.named()
                                                .getOrDefault("name", defaultValue)
                                                .text() + "\" has a literal default (\"" + shown + "\")"));
            }
            for (Map.Entry<String, Value> arg : c.named().entrySet()) {
                Value v = arg.getValue();
                if (v.kind() == Value.Kind.STRING && !arg.getKey().equals("credentialsId")) {
                    Secrets.namedValue(arg.getKey(), v.text())
                            .ifPresent(shown -> found(
                                    v,
                                    0,
                                    "step \"" + c.name() + "\" gets a literal secret for \"" + arg.getKey() + "\" (\""
                                            + shown + "\")"));
                }
            }
            List<Value> strings = new java.util.ArrayList<>(c.args());
            strings.addAll(c.named().values());
            for (Value v : strings) {
                if (v.isText()) {
                    text(c, v);
                }
            }
        }
    }

    private void environment(Node env) {
        for (Node n : env.body()) {
            if (n.type() == Node.Type.ASSIGNMENT && n.args().get(0).kind() == Value.Kind.STRING) {
                Value v = n.args().get(0);
                Secrets.namedValue(n.name(), v.text())
                        .ifPresent(shown -> found(
                                v,
                                0,
                                "environment variable \"" + n.name() + "\" is set to a literal secret (\"" + shown
                                        + "\")"));
            }
        }
    }

    private void text(Call c, Value v) {
        boolean shell = c.script().filter(s -> s == v).isPresent() && c.name().equals("sh");
        List<Secrets.Found> found = Secrets.shapes(v.text());
        if (shell) {
            found = Secrets.merge(
                    found,
                    Secrets.assigned(ShellCommands.mask(ShellBodies.prepare(v).text())));
        }
        for (Secrets.Found f : found) {
            found(
                    v,
                    f.offset(),
                    "step \"" + c.name() + "\" contains a literal " + f.kind() + " (\"" + f.shown() + "\")");
        }
    }

    private void found(Value v, int offset, String what) {
        if (seen.add(new Position(v.position().line(), v.position().column() + offset))) {
            reportInText(defaultSeverity(), v, offset, what + "; anyone who can read the repository can use it", HINT);
        }
    }
}
