package org.runbook.coauthor.rundeck.transfer;

import com.dtolabs.rundeck.core.common.INodeEntry;
import com.dtolabs.rundeck.core.execution.workflow.steps.node.NodeStepException;
import com.dtolabs.rundeck.core.plugins.configuration.StringRenderingConstants;
import com.dtolabs.rundeck.core.storage.StorageTree;
import com.dtolabs.rundeck.plugins.descriptions.PluginProperty;
import com.dtolabs.rundeck.plugins.descriptions.RenderingOption;
import com.dtolabs.rundeck.plugins.descriptions.RenderingOptions;
import com.dtolabs.rundeck.plugins.descriptions.SelectLabels;
import com.dtolabs.rundeck.plugins.descriptions.SelectValues;
import com.dtolabs.rundeck.plugins.step.NodeStepPlugin;
import com.dtolabs.rundeck.plugins.step.PluginStepContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The configuration both S3 node steps share (bucket, region, endpoint, AWS and SSH credentials from
 * Key Storage, host key policy) and the translation of a {@link TransferException} into Rundeck's
 * {@link NodeStepException}. Rundeck collects {@code @PluginProperty} fields from superclasses too.
 */
abstract class AbstractS3NodeStep implements NodeStepPlugin {
    static final String GROUP_S3 = "S3";
    static final String GROUP_SSH = "SSH";

    @PluginProperty(title = "Bucket", description = "Name of the S3 bucket.", required = true)
    @RenderingOption(key = StringRenderingConstants.GROUP_NAME, value = GROUP_S3)
    String bucket;

    @PluginProperty(
            title = "Region",
            description = "AWS region of the bucket, e.g. `eu-west-1`. Blank: the server's default region"
                    + " (or `us-east-1` with a custom endpoint).")
    @RenderingOption(key = StringRenderingConstants.GROUP_NAME, value = GROUP_S3)
    String region;

    @PluginProperty(
            title = "Endpoint",
            description = "Endpoint of an S3-compatible store (MinIO, Ceph...), e.g. `https://minio.example:9000`;"
                    + " uses path-style access. Blank: AWS S3.")
    @RenderingOption(key = StringRenderingConstants.GROUP_NAME, value = GROUP_S3)
    String endpoint;

    @PluginProperty(
            title = "Access key id",
            description = "Key Storage path of the AWS access key id. Blank (with the secret blank too): the"
                    + " server's default AWS credentials (environment, profile, instance role).")
    @RenderingOptions({
        @RenderingOption(key = StringRenderingConstants.GROUP_NAME, value = GROUP_S3),
        @RenderingOption(key = StringRenderingConstants.SELECTION_ACCESSOR_KEY, value = "STORAGE_PATH"),
        @RenderingOption(key = StringRenderingConstants.STORAGE_PATH_ROOT_KEY, value = "keys"),
        @RenderingOption(
                key = StringRenderingConstants.STORAGE_FILE_META_FILTER_KEY,
                value = "Rundeck-data-type=password")
    })
    String accessKeyIdStoragePath;

    @PluginProperty(title = "Secret access key", description = "Key Storage path of the AWS secret access key.")
    @RenderingOptions({
        @RenderingOption(key = StringRenderingConstants.GROUP_NAME, value = GROUP_S3),
        @RenderingOption(key = StringRenderingConstants.SELECTION_ACCESSOR_KEY, value = "STORAGE_PATH"),
        @RenderingOption(key = StringRenderingConstants.STORAGE_PATH_ROOT_KEY, value = "keys"),
        @RenderingOption(
                key = StringRenderingConstants.STORAGE_FILE_META_FILTER_KEY,
                value = "Rundeck-data-type=password")
    })
    String secretAccessKeyStoragePath;

    @PluginProperty(
            title = "SSH key",
            description = "Key Storage path of the private key for the node. Blank: the node attribute"
                    + " `ssh-key-storage-path`, like Rundeck's SSH executor.")
    @RenderingOptions({
        @RenderingOption(key = StringRenderingConstants.GROUP_NAME, value = GROUP_SSH),
        @RenderingOption(key = StringRenderingConstants.GROUPING, value = "secondary"),
        @RenderingOption(key = StringRenderingConstants.SELECTION_ACCESSOR_KEY, value = "STORAGE_PATH"),
        @RenderingOption(key = StringRenderingConstants.STORAGE_PATH_ROOT_KEY, value = "keys"),
        @RenderingOption(
                key = StringRenderingConstants.STORAGE_FILE_META_FILTER_KEY,
                value = "Rundeck-key-type=private")
    })
    String sshKeyStoragePath;

    @PluginProperty(
            title = "SSH key passphrase",
            description = "Key Storage path of the private key's passphrase. Blank: the node attribute"
                    + " `ssh-key-passphrase-storage-path`, or none.")
    @RenderingOptions({
        @RenderingOption(key = StringRenderingConstants.GROUP_NAME, value = GROUP_SSH),
        @RenderingOption(key = StringRenderingConstants.GROUPING, value = "secondary"),
        @RenderingOption(key = StringRenderingConstants.SELECTION_ACCESSOR_KEY, value = "STORAGE_PATH"),
        @RenderingOption(key = StringRenderingConstants.STORAGE_PATH_ROOT_KEY, value = "keys"),
        @RenderingOption(
                key = StringRenderingConstants.STORAGE_FILE_META_FILTER_KEY,
                value = "Rundeck-data-type=password")
    })
    String sshKeyPassphraseStoragePath;

    @PluginProperty(
            title = "Host key checking",
            description = "`accept-new` (default) trusts a node's key the first time, records it in the known"
                    + " hosts file and refuses a changed key; `strict` accepts only keys already there; `off`"
                    + " checks nothing (anyone who can redirect the connection gets the file).",
            defaultValue = HostKeyPolicy.DEFAULT)
    @SelectValues(values = {"accept-new", "strict", "off"})
    @SelectLabels(values = {"Accept new, refuse changed", "Strict (known hosts only)", "Off (insecure)"})
    @RenderingOptions({
        @RenderingOption(key = StringRenderingConstants.GROUP_NAME, value = GROUP_SSH),
        @RenderingOption(key = StringRenderingConstants.GROUPING, value = "secondary")
    })
    String hostKeyChecking;

    @PluginProperty(
            title = "Known hosts file",
            description = "known_hosts file on the Rundeck server. Blank: `~/.ssh/known_hosts` of the Rundeck user.")
    @RenderingOptions({
        @RenderingOption(key = StringRenderingConstants.GROUP_NAME, value = GROUP_SSH),
        @RenderingOption(key = StringRenderingConstants.GROUPING, value = "secondary")
    })
    String knownHostsFile;

    @PluginProperty(
            title = "Connect timeout (seconds)",
            description = "How long to wait for the node and for S3 to answer.",
            defaultValue = "30")
    @RenderingOptions({
        @RenderingOption(key = StringRenderingConstants.GROUP_NAME, value = GROUP_SSH),
        @RenderingOption(key = StringRenderingConstants.GROUPING, value = "secondary")
    })
    int connectTimeout = 30;

    /** Runs the transfer with resolved targets; implemented by each provider. */
    abstract void transfer(PluginStepContext context, SshTarget ssh, S3Target s3, TransferEngine engine);

    /** The object key this step works on, given its own configuration. */
    abstract String objectKey();

    @Override
    public final void executeNodeStep(PluginStepContext context, Map<String, Object> configuration, INodeEntry node)
            throws NodeStepException {
        try {
            StorageTree storage = context.getExecutionContext() == null
                    ? null
                    : context.getExecutionContext().getStorageTree();
            KeyStorageReader secrets = new KeyStorageReader(storage);
            SshTarget ssh = NodeTargets.sshTarget(
                    node,
                    secrets,
                    sshKeyStoragePath,
                    sshKeyPassphraseStoragePath,
                    HostKeyPolicy.parse(hostKeyChecking),
                    knownHosts(),
                    timeoutMillis());
            if (ssh.hostKeyPolicy() == HostKeyPolicy.OFF) {
                context.getLogger()
                        .log(
                                com.dtolabs.rundeck.core.Constants.WARN_LEVEL,
                                "host key checking is off for node \"" + node.getNodename() + "\"");
            }
            transfer(context, ssh, s3Target(secrets), new TransferEngine(context.getLogger()));
        } catch (TransferException e) {
            throw new NodeStepException(e.getMessage(), e, e.failure(), node.getNodename());
        }
    }

    private S3Target s3Target(KeyStorageReader secrets) {
        String bucketName = NodeTargets.require(bucket, "bucket");
        boolean hasId = !NodeTargets.isBlank(accessKeyIdStoragePath);
        boolean hasSecret = !NodeTargets.isBlank(secretAccessKeyStoragePath);
        if (hasId != hasSecret) {
            throw new TransferException(
                    TransferFailure.ConfigurationError,
                    "Configuration invalid: accessKeyIdStoragePath and secretAccessKeyStoragePath go together; set"
                            + " both, or neither to use the server's default AWS credentials");
        }
        String id = hasId ? secrets.readText(accessKeyIdStoragePath.trim(), "access key id") : null;
        String secret = hasSecret ? secrets.readText(secretAccessKeyStoragePath.trim(), "secret access key") : null;
        return new S3Target(bucketName.trim(), objectKey(), region, endpointUri(), id, secret, timeoutMillis());
    }

    private URI endpointUri() {
        if (NodeTargets.isBlank(endpoint)) {
            return null;
        }
        try {
            URI uri = new URI(endpoint.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new URISyntaxException(endpoint, "expected scheme://host[:port]");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new TransferException(
                    TransferFailure.ConfigurationError,
                    "Configuration invalid: endpoint \"" + endpoint + "\" is not a URL; write it like"
                            + " \"https://minio.example:9000\"",
                    e);
        }
    }

    private Path knownHosts() {
        return NodeTargets.isBlank(knownHostsFile)
                ? Path.of(System.getProperty("user.home"), ".ssh", "known_hosts")
                : Path.of(knownHostsFile.trim());
    }

    private int timeoutMillis() {
        if (connectTimeout < 1) {
            throw new TransferException(
                    TransferFailure.ConfigurationError,
                    "Configuration invalid: connectTimeout is " + connectTimeout + "; expected seconds above 0");
        }
        return connectTimeout * 1000;
    }
}
