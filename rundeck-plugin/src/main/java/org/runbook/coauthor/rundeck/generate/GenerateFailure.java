package org.runbook.coauthor.rundeck.generate;

import com.dtolabs.rundeck.core.execution.workflow.steps.FailureReason;

/** Why a {@code coauthor-generate-step} failed; Rundeck shows the name as the failure reason. */
public enum GenerateFailure implements FailureReason {
    /** The step's configuration (request, category, provider, key path) is missing or invalid. */
    ConfigurationFailure,
    /** The API key could not be read from Key Storage as the executing user. */
    KeyStorageFailure,
    /** The generated job has error findings and must not be imported. */
    InvalidJob,
    /** Nothing in the catalog (or the model's answer) fits the request. */
    NoMatch,
    /** The request asks for something no guard makes safe. */
    Refused,
    /** The LLM provider failed (timeout, authentication, malformed answer). */
    ProviderFailure
}
