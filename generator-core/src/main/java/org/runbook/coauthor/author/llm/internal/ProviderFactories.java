package org.runbook.coauthor.author.llm.internal;

import java.util.List;
import java.util.ServiceLoader;
import org.runbook.coauthor.author.llm.ProviderFactory;
import org.runbook.coauthor.error.InvalidInputException;

/** The providers on the class path, found with {@link ServiceLoader}. */
public final class ProviderFactories {
    private ProviderFactories() {}

    public static List<String> names() {
        return all().stream().map(ProviderFactory::name).sorted().toList();
    }

    public static ProviderFactory get(String name) {
        return all().stream()
                .filter(f -> f.name().equalsIgnoreCase(name))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(
                        "unknown provider \"" + name + "\"; known providers are " + names(), null, names()));
    }

    private static List<ProviderFactory> all() {
        return ServiceLoader.load(ProviderFactory.class, ProviderFactory.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get)
                .toList();
    }
}
