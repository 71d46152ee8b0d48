package org.runbook.coauthor.validate.jenkins.rules;

import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * Every Jenkinsfile rule, in id order: JK0xx structure of the declarative grammar, JK1xx
 * parameters, credentials and Groovy safety, JK2xx the shell code of {@code sh} steps. Rules keep
 * per-run state, so each call makes fresh instances.
 */
public final class JenkinsRules {
    private static final List<Supplier<JenkinsRule>> ALL = List.of(
            SyntaxErrorRule::new,
            PipelineBlockRule::new,
            MissingAgentOrStagesRule::new,
            UnknownSectionRule::new,
            EmptyStageRule::new,
            WhenConditionRule::new,
            ParallelMatrixShapeRule::new,
            UnknownStepRule::new,
            PostConditionRule::new,
            StageNameRule::new,
            UndefinedParameterRule::new,
            UnusedParameterRule::new,
            HardCodedCredentialRule::new,
            SecretInterpolationRule::new,
            ParameterInjectionRule::new,
            DangerousGroovyRule::new,
            ShellSyntaxErrorRule::new,
            ShellcheckStepRule::new,
            DestructiveStepRule::new,
            PipeToShellStepRule::new,
            TlsOffStepRule::new);

    private JenkinsRules() {}

    public static List<JenkinsRule> defaults() {
        return ALL.stream()
                .map(Supplier::get)
                .sorted(Comparator.comparing(JenkinsRule::id))
                .toList();
    }
}
