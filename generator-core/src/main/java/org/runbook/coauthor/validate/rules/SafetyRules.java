package org.runbook.coauthor.validate.rules;

import java.util.List;
import java.util.function.Supplier;

/** The SEC0xx rules: safety. Registered through {@link Rules#defaults()}. */
final class SafetyRules {
    static final List<Supplier<AbstractRule>> ALL = List.of(
            CatastrophicCommandRule::new,
            DestructiveWithoutGuardRule::new,
            PipeToShellRule::new,
            TlsVerificationOffRule::new,
            WorldWritableRule::new,
            HostKeyCheckingOffRule::new,
            SensitiveFileExfiltrationRule::new,
            LiteralSecretRule::new,
            SecureOptionExposureRule::new,
            ShellInjectionRule::new);

    private SafetyRules() {}
}
