package org.runbook.coauthor.rundeck.transfer;

import com.dtolabs.rundeck.core.storage.ResourceMeta;
import com.dtolabs.rundeck.core.storage.StorageTree;
import com.dtolabs.rundeck.core.storage.StorageUtil;
import java.io.ByteArrayInputStream;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.rundeck.storage.api.Path;
import org.rundeck.storage.api.PathUtil;
import org.rundeck.storage.api.Resource;
import org.rundeck.storage.api.StorageException;
import org.rundeck.storage.impl.ResourceBase;

/** A Key Storage tree held in memory, for driving the steps the way Rundeck does. */
final class InMemoryKeyStorage implements StorageTree {
    private final Map<String, byte[]> contents = new TreeMap<>();
    private final Map<String, Map<String, String>> metas = new TreeMap<>();
    private int reads;

    InMemoryKeyStorage put(String path, byte[] value, String dataType) {
        contents.put(path, value.clone());
        metas.put(path, Map.of("Rundeck-data-type", dataType));
        return this;
    }

    int reads() {
        return reads;
    }

    @Override
    public boolean hasPath(Path path) {
        return hasResource(path) || hasDirectory(path);
    }

    @Override
    public boolean hasPath(String path) {
        return hasPath(PathUtil.asPath(path));
    }

    @Override
    public boolean hasResource(Path path) {
        return contents.containsKey(path.getPath());
    }

    @Override
    public boolean hasResource(String path) {
        return hasResource(PathUtil.asPath(path));
    }

    @Override
    public boolean hasDirectory(Path path) {
        String prefix = path.getPath() + "/";
        return contents.keySet().stream().anyMatch(k -> k.startsWith(prefix));
    }

    @Override
    public boolean hasDirectory(String path) {
        return hasDirectory(PathUtil.asPath(path));
    }

    @Override
    public Resource<ResourceMeta> getPath(Path path) {
        return getResource(path);
    }

    @Override
    public Resource<ResourceMeta> getPath(String path) {
        return getPath(PathUtil.asPath(path));
    }

    @Override
    public Resource<ResourceMeta> getResource(Path path) {
        byte[] value = contents.get(path.getPath());
        if (value == null) {
            throw StorageException.readException(path, "no resource at " + path.getPath());
        }
        reads++;
        ResourceMeta meta = StorageUtil.withStream(new ByteArrayInputStream(value), metas.get(path.getPath()));
        return new ResourceBase<>(path, meta, false);
    }

    @Override
    public Resource<ResourceMeta> getResource(String path) {
        return getResource(PathUtil.asPath(path));
    }

    @Override
    public Set<Resource<ResourceMeta>> listDirectoryResources(Path path) {
        Set<Resource<ResourceMeta>> result = new LinkedHashSet<>();
        String prefix = path.getPath() + "/";
        for (String key : contents.keySet()) {
            if (key.startsWith(prefix) && key.indexOf('/', prefix.length()) < 0) {
                result.add(getResource(key));
            }
        }
        return result;
    }

    @Override
    public Set<Resource<ResourceMeta>> listDirectoryResources(String path) {
        return listDirectoryResources(PathUtil.asPath(path));
    }

    @Override
    public Set<Resource<ResourceMeta>> listDirectory(Path path) {
        return listDirectoryResources(path);
    }

    @Override
    public Set<Resource<ResourceMeta>> listDirectory(String path) {
        return listDirectory(PathUtil.asPath(path));
    }

    @Override
    public Set<Resource<ResourceMeta>> listDirectorySubdirs(Path path) {
        return Set.of();
    }

    @Override
    public Set<Resource<ResourceMeta>> listDirectorySubdirs(String path) {
        return Set.of();
    }

    @Override
    public boolean deleteResource(Path path) {
        metas.remove(path.getPath());
        return contents.remove(path.getPath()) != null;
    }

    @Override
    public boolean deleteResource(String path) {
        return deleteResource(PathUtil.asPath(path));
    }

    @Override
    public Resource<ResourceMeta> createResource(Path path, ResourceMeta content) {
        throw StorageException.createException(path, "this test tree is read-only");
    }

    @Override
    public Resource<ResourceMeta> createResource(String path, ResourceMeta content) {
        return createResource(PathUtil.asPath(path), content);
    }

    @Override
    public Resource<ResourceMeta> updateResource(Path path, ResourceMeta content) {
        throw StorageException.updateException(path, "this test tree is read-only");
    }

    @Override
    public Resource<ResourceMeta> updateResource(String path, ResourceMeta content) {
        return updateResource(PathUtil.asPath(path), content);
    }
}
