package org.runbook.coauthor.rundeck.transfer;

import com.dtolabs.rundeck.core.storage.ResourceMeta;
import com.dtolabs.rundeck.core.storage.StorageTree;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.rundeck.storage.api.Resource;
import org.rundeck.storage.api.StorageException;

/**
 * Reads secrets from the execution's Key Storage tree (authorized as the job user). Values never
 * reach a log or a message; paths do.
 */
final class KeyStorageReader {
    private final StorageTree tree;

    KeyStorageReader(StorageTree tree) {
        this.tree = tree;
    }

    byte[] read(String path, String what) {
        if (tree == null) {
            throw new TransferException(
                    TransferFailure.KeyStorageFailed,
                    "Key Storage is not available to this step, so the " + what + " at \"" + path
                            + "\" cannot be read");
        }
        try {
            if (!tree.hasResource(path)) {
                throw new TransferException(
                        TransferFailure.KeyStorageFailed,
                        "Key Storage has no " + what + " at \"" + path
                                + "\"; upload it there or fix the path (paths start with \"keys/\")");
            }
            Resource<ResourceMeta> resource = tree.getResource(path);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            resource.getContents().writeContent(out);
            return out.toByteArray();
        } catch (StorageException | IOException e) {
            throw new TransferException(
                    TransferFailure.KeyStorageFailed,
                    "cannot read the " + what + " at \"" + path + "\" from Key Storage (" + e.getMessage()
                            + "); give the job user \"read\" access to it in the storage ACL",
                    e);
        }
    }

    String readText(String path, String what) {
        return new String(read(path, what), StandardCharsets.UTF_8).trim();
    }
}
