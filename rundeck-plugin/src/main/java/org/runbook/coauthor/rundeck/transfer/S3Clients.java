package org.runbook.coauthor.rundeck.transfer;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Builds the S3 client for a {@link S3Target}: JDK HTTP client, path-style access for custom endpoints. */
final class S3Clients {
    /** S3-compatible stores rarely care about the region, but the signer needs one. */
    private static final Region CUSTOM_ENDPOINT_REGION = Region.US_EAST_1;

    private S3Clients() {}

    static S3Client create(S3Target target) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofMillis(target.connectTimeoutMillis()))
                        .socketTimeout(Duration.ofMinutes(2))
                        .build());
        if (target.hasStaticCredentials()) {
            builder.credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(target.accessKeyId(), target.secretAccessKey())));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        if (target.region() != null && !target.region().isBlank()) {
            builder.region(Region.of(target.region().trim()));
        } else if (target.endpoint() != null) {
            builder.region(CUSTOM_ENDPOINT_REGION);
        }
        if (target.endpoint() != null) {
            builder.endpointOverride(target.endpoint()).forcePathStyle(true);
        }
        try {
            return builder.build();
        } catch (RuntimeException e) {
            throw new TransferException(
                    TransferFailure.ConfigurationError,
                    "cannot set up the S3 client for " + target.where() + ": " + e.getMessage()
                            + "; set the region (e.g. \"eu-west-1\") or the endpoint",
                    e);
        }
    }
}
