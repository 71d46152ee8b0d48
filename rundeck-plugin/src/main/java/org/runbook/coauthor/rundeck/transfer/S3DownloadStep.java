package org.runbook.coauthor.rundeck.transfer;

import com.dtolabs.rundeck.core.plugins.Plugin;
import com.dtolabs.rundeck.core.plugins.configuration.StringRenderingConstants;
import com.dtolabs.rundeck.plugins.ServiceNameConstants;
import com.dtolabs.rundeck.plugins.descriptions.PluginDescription;
import com.dtolabs.rundeck.plugins.descriptions.PluginProperty;
import com.dtolabs.rundeck.plugins.descriptions.RenderingOption;
import com.dtolabs.rundeck.plugins.step.PluginStepContext;

/**
 * Node step that copies an S3 object to a file on the node (over SFTP), replacing the file only
 * once the bytes matched the object's size and SHA-256.
 *
 * <pre>{@code
 * - type: coauthor-s3-download-step
 *   nodeStep: true
 *   configuration:
 *     bucket: ${option.bucket}
 *     key: releases/app.tar.gz
 *     destinationPath: /opt/app/incoming/
 * }</pre>
 */
@Plugin(name = S3DownloadStep.PROVIDER_NAME, service = ServiceNameConstants.WorkflowNodeStep)
@PluginDescription(
        title = "Co-author / S3 Download",
        description = "Copies an S3 object to the node over SFTP. The file is written under a hidden temporary"
                + " name and renamed only after its size and SHA-256 were verified.")
public class S3DownloadStep extends AbstractS3NodeStep {
    public static final String PROVIDER_NAME = "coauthor-s3-download-step";

    @PluginProperty(title = "Key", description = "Key of the object to download.", required = true)
    @RenderingOption(key = StringRenderingConstants.GROUP_NAME, value = GROUP_S3)
    String key;

    @PluginProperty(
            title = "Destination path",
            description = "Absolute path of the file on the node; ending in `/`: a directory, keeping the"
                    + " object's file name.",
            required = true)
    @RenderingOption(key = StringRenderingConstants.GROUP_NAME, value = GROUP_S3)
    String destinationPath;

    @Override
    String objectKey() {
        return NodeTargets.require(key, "key").trim();
    }

    @Override
    void transfer(PluginStepContext context, SshTarget ssh, S3Target s3, TransferEngine engine) {
        engine.download(
                ssh, s3, NodeTargets.require(destinationPath, "destinationPath").trim());
    }
}
