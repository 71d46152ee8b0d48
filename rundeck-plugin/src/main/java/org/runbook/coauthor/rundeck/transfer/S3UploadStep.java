package org.runbook.coauthor.rundeck.transfer;

import com.dtolabs.rundeck.core.plugins.Plugin;
import com.dtolabs.rundeck.core.plugins.configuration.StringRenderingConstants;
import com.dtolabs.rundeck.plugins.ServiceNameConstants;
import com.dtolabs.rundeck.plugins.descriptions.PluginDescription;
import com.dtolabs.rundeck.plugins.descriptions.PluginProperty;
import com.dtolabs.rundeck.plugins.descriptions.RenderingOption;
import com.dtolabs.rundeck.plugins.descriptions.RenderingOptions;
import com.dtolabs.rundeck.plugins.step.PluginStepContext;

/**
 * Node step that copies a file from the node (over SFTP) to S3, verified by SHA-256 end to end.
 *
 * <pre>{@code
 * - type: coauthor-s3-upload-step
 *   nodeStep: true
 *   configuration:
 *     sourcePath: /var/log/app/${option.file}
 *     bucket: ${option.bucket}
 * }</pre>
 */
@Plugin(name = S3UploadStep.PROVIDER_NAME, service = ServiceNameConstants.WorkflowNodeStep)
@PluginDescription(
        title = "Co-author / S3 Upload",
        description = "Copies a file from the node to an S3 bucket over SFTP, without staging it on the node."
                + " Large files go in parts; every byte is checked with SHA-256 and a failed upload leaves no"
                + " object behind.")
public class S3UploadStep extends AbstractS3NodeStep {
    public static final String PROVIDER_NAME = "coauthor-s3-upload-step";

    @PluginProperty(title = "Remote path", description = "Absolute path of the file on the node.", required = true)
    @RenderingOption(key = StringRenderingConstants.GROUP_NAME, value = GROUP_S3)
    String sourcePath;

    @PluginProperty(
            title = "Key",
            description = "Object key. Blank: the file name; ending in `/`: a prefix for the file name.")
    @RenderingOption(key = StringRenderingConstants.GROUP_NAME, value = GROUP_S3)
    String key;

    @PluginProperty(
            title = "Multipart threshold (MB)",
            description = "Files of this size or more are uploaded in parts.",
            defaultValue = "16")
    @RenderingOptions({
        @RenderingOption(key = StringRenderingConstants.GROUP_NAME, value = GROUP_S3),
        @RenderingOption(key = StringRenderingConstants.GROUPING, value = "secondary")
    })
    int multipartThresholdMb = PartSizing.DEFAULT_THRESHOLD_MB;

    @PluginProperty(
            title = "Part size (MB)",
            description = "Size of each part, 5 to 512; one part is held in memory at a time.",
            defaultValue = "8")
    @RenderingOptions({
        @RenderingOption(key = StringRenderingConstants.GROUP_NAME, value = GROUP_S3),
        @RenderingOption(key = StringRenderingConstants.GROUPING, value = "secondary")
    })
    int partSizeMb = PartSizing.DEFAULT_PART_MB;

    @Override
    String objectKey() {
        return TransferPaths.objectKey(key, NodeTargets.require(sourcePath, "sourcePath"));
    }

    @Override
    void transfer(PluginStepContext context, SshTarget ssh, S3Target s3, TransferEngine engine) {
        PartSizing sizing = PartSizing.ofMegabytes(multipartThresholdMb, partSizeMb);
        engine.upload(ssh, sourcePath.trim(), s3, sizing);
    }
}
