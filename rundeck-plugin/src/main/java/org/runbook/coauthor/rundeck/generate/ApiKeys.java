package org.runbook.coauthor.rundeck.generate;

import com.dtolabs.rundeck.core.execution.workflow.steps.StepException;
import com.dtolabs.rundeck.core.storage.ResourceMeta;
import com.dtolabs.rundeck.core.storage.StorageTree;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.rundeck.storage.api.Resource;

/**
 * Reads an LLM API key from Key Storage through the execution's storage tree, which Rundeck
 * authorizes as the executing user. The key is returned, never logged, and never part of an
 * exception message.
 */
final class ApiKeys {
    /** Larger "keys" are a wrong path (a file, a key pair), not an API key. */
    static final int MAX_BYTES = 16 * 1024;

    private ApiKeys() {}

    static String read(StorageTree tree, String path) throws StepException {
        String fix = "store the API key at \"" + path + "\" as a password and grant the job's user storage read"
                + " access to it";
        if (tree == null) {
            throw new StepException(
                    "Key Storage is not available to this execution; " + fix, GenerateFailure.KeyStorageFailure);
        }
        try {
            if (!tree.hasResource(path)) {
                throw new StepException(
                        "Key Storage path \"" + path + "\" does not exist or this user may not read it; " + fix,
                        GenerateFailure.KeyStorageFailure);
            }
            Resource<ResourceMeta> resource = tree.getResource(path);
            String key;
            try (InputStream in = resource.getContents().getInputStream()) {
                key = readBounded(in, path).strip();
            }
            if (key.isEmpty()) {
                throw new StepException(
                        "Key Storage path \"" + path + "\" is empty; " + fix, GenerateFailure.KeyStorageFailure);
            }
            return key;
        } catch (IOException | RuntimeException e) {
            // The storage layer's own message names the path and the reason (ACL, converter), never the content.
            throw new StepException(
                    "cannot read Key Storage path \"" + path + "\": " + e.getMessage() + "; " + fix,
                    e,
                    GenerateFailure.KeyStorageFailure);
        }
    }

    private static String readBounded(InputStream in, String path) throws IOException, StepException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        int n;
        while ((n = in.read(buffer)) > 0) {
            out.write(buffer, 0, n);
            if (out.size() > MAX_BYTES) {
                throw new StepException(
                        "Key Storage path \"" + path + "\" holds more than " + MAX_BYTES
                                + " bytes, which is not an API key; point the step at the key's own path",
                        GenerateFailure.KeyStorageFailure);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
