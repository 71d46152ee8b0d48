package org.runbook.coauthor.validate.jenkins;

import java.util.Locale;
import java.util.regex.Pattern;

/** Which files are Jenkinsfiles: the one test shared by validation and dry-run. */
public final class JenkinsFiles {
    private JenkinsFiles() {}

    /**
     * Whether {@code file} names a Jenkinsfile: {@code Jenkinsfile}, {@code Jenkinsfile.*} (e.g.
     * {@code Jenkinsfile.release}), {@code *.Jenkinsfile}, {@code *.jenkinsfile} or {@code *.groovy};
     * only the last path element counts, in any case. {@code Jenkinsfile.yaml} (or .yml, .json, .xml)
     * is a job definition with an unlucky name, not a pipeline.
     */
    private static final Pattern JOB_DEFINITION = Pattern.compile("\\.(?:ya?ml|json|xml)$");

    public static boolean isJenkinsfile(String file) {
        if (file == null) {
            return false;
        }
        String name = file.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return name.equals("jenkinsfile")
                || (name.startsWith("jenkinsfile.")
                        && !JOB_DEFINITION.matcher(name).find())
                || name.endsWith(".jenkinsfile")
                || name.endsWith(".groovy");
    }
}
