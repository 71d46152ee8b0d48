package org.runbook.coauthor.rundeck.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dtolabs.rundeck.core.plugins.Plugin;
import com.dtolabs.rundeck.core.plugins.configuration.Description;
import com.dtolabs.rundeck.core.plugins.configuration.PluginAdapterUtility;
import com.dtolabs.rundeck.core.plugins.configuration.Property;
import com.dtolabs.rundeck.plugins.util.DescriptionBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.runbook.coauthor.validate.support.KnownProviders;

/**
 * The validator's provider table (providers.yaml) and the descriptions Rundeck builds from the step
 * classes must agree, or generated jobs would be rejected on import (or pass validation wrongly).
 */
class ProviderContractTest {

    @ParameterizedTest
    @ValueSource(classes = {S3UploadStep.class, S3DownloadStep.class})
    void should_match_the_provider_contract_known_to_the_validator(Class<?> stepClass) {
        Plugin plugin = stepClass.getAnnotation(Plugin.class);
        KnownProviders.Provider contract = KnownProviders.find(plugin.name()).orElseThrow();
        Description description = PluginAdapterUtility.buildDescription(stepClass, DescriptionBuilder.builder());

        assertEquals(contract.service(), plugin.service());
        assertTrue(contract.nodeStep());
        assertEquals(contract.title(), description.getTitle());
        List<Property> properties = description.getProperties();
        assertEquals(
                new TreeSet<>(contract.keys()),
                properties.stream().map(Property::getName).collect(Collectors.toCollection(TreeSet::new)));
        Set<String> requiredWithoutDefault = properties.stream()
                .filter(p -> p.isRequired() && p.getDefaultValue() == null)
                .map(Property::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(contract.required()), requiredWithoutDefault);
        Map<String, String> defaults = new LinkedHashMap<>();
        properties.stream()
                .filter(p -> p.getDefaultValue() != null)
                .forEach(p -> defaults.put(p.getName(), p.getDefaultValue()));
        assertEquals(contract.defaults(), defaults);
        Map<String, List<String>> values = new LinkedHashMap<>();
        properties.stream()
                .filter(p -> p.getSelectValues() != null)
                .forEach(p -> values.put(p.getName(), p.getSelectValues()));
        assertEquals(contract.values(), values);
    }

    @ParameterizedTest
    @ValueSource(classes = {S3UploadStep.class, S3DownloadStep.class})
    void should_offer_key_storage_pickers_for_every_secret(Class<?> stepClass) {
        Description description = PluginAdapterUtility.buildDescription(stepClass, DescriptionBuilder.builder());

        List<String> pickers = description.getProperties().stream()
                .filter(p -> "STORAGE_PATH".equals(p.getRenderingOptions().get("selectionAccessor")))
                .map(Property::getName)
                .sorted()
                .toList();

        assertEquals(
                List.of(
                        "accessKeyIdStoragePath",
                        "secretAccessKeyStoragePath",
                        "sshKeyPassphraseStoragePath",
                        "sshKeyStoragePath"),
                pickers);
    }
}
