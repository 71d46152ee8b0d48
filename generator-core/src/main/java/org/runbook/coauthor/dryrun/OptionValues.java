package org.runbook.coauthor.dryrun;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.runbook.coauthor.dryrun.DryRunResult.OptionValue;
import org.runbook.coauthor.validate.model.OptionView;

/**
 * Picks a value for every option: the one given, else the default, else the first allowed value,
 * else a harmless sample that fits the option's name and regex.
 */
final class OptionValues {
    /** Candidate samples, most specific first; the first that fits the regex wins. */
    private static final List<String[]> HINTS = List.of(
            new String[] {"user|account|owner|login", "sample_user"},
            new String[] {"host|node|server", "web01"},
            new String[] {"url|endpoint", "https://example.com/health"},
            new String[] {"bucket", "sample-bucket"},
            new String[] {"region", "us-east-1"},
            new String[] {"ip|address|cidr", "203.0.113.7"},
            new String[] {"mail", "ops@example.com"},
            new String[] {"version|tag|release", "1.2.3"},
            new String[] {"dir|path|folder", "/var/tmp/sample"},
            new String[] {"file|name", "sample.txt"},
            new String[] {"port", "8080"},
            new String[] {"day|count|replica|number|threshold|seconds|minutes|size|limit|age|n$", "5"},
            new String[] {"timeout|duration|interval", "30s"},
            new String[] {"confirm", "yes"});

    private static final List<String> FALLBACKS = List.of(
            "sample",
            "sample_value",
            "1",
            "web01",
            "/var/tmp/sample",
            "sample.txt",
            "https://example.com/",
            "yes",
            "true",
            "sample-bucket",
            "1.2.3",
            "30s",
            "a");

    private OptionValues() {}

    static List<OptionValue> choose(List<OptionView> options, Map<String, String> given) {
        List<OptionValue> out = new ArrayList<>();
        for (OptionView o : options) {
            if (given.containsKey(o.name())) {
                out.add(new OptionValue(o.name(), given.get(o.name()), "given", o.secure()));
            } else if (o.defaultValue().isPresent() && !o.secure()) {
                out.add(new OptionValue(o.name(), o.defaultValue().get(), "default", false));
            } else if (!o.values().isEmpty()) {
                out.add(new OptionValue(o.name(), o.values().get(0), "first allowed value", o.secure()));
            } else {
                out.add(new OptionValue(o.name(), synthesize(o), "synthesized", o.secure()));
            }
        }
        return out;
    }

    static String synthesize(OptionView option) {
        Pattern regex = compile(option.regex().orElse(null));
        String name = option.name().toLowerCase(Locale.ROOT);
        if (option.secure()) {
            return "dry-run-secret";
        }
        for (String[] hint : HINTS) {
            if (Pattern.compile(hint[0]).matcher(name).find() && fits(regex, hint[1])) {
                return hint[1];
            }
        }
        for (String candidate : FALLBACKS) {
            if (fits(regex, candidate)) {
                return candidate;
            }
        }
        return "sample";
    }

    private static boolean fits(Pattern regex, String value) {
        return regex == null || regex.matcher(value).matches();
    }

    private static Pattern compile(String regex) {
        try {
            return regex == null ? null : Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            return null;
        }
    }
}
