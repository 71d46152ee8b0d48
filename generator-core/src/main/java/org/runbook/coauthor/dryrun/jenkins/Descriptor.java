package org.runbook.coauthor.dryrun.jenkins;

import java.util.List;
import java.util.Map;

/**
 * A value a Jenkinsfile builds to pass to a step rather than a step itself: a credentials binding
 * ({@code usernamePassword(...)}), a build parameter ({@code string(name: 'A', value: 'b')}), a
 * parameter definition, an agent symbol ({@code any}) or {@code scm}.
 */
public record Descriptor(String name, List<Object> args) implements Dsl {
    public Descriptor {
        args = args == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(args));
    }

    /** The named arguments, or an empty map when the descriptor was built with positional ones. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> named() {
        return !args.isEmpty() && args.get(0) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    public Object arg(String key) {
        return named().get(key);
    }

    @Override
    public String toString() {
        return Args.call(name, args.toArray());
    }
}
