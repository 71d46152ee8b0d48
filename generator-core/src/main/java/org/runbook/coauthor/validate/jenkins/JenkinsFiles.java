package org.runbook.coauthor.validate.jenkins;

import java.util.Locale;

/** Which files are Jenkinsfiles: the one test shared by validation and dry-run. */
public final class JenkinsFiles {
    private JenkinsFiles() {}

    /**
     * Whether {@code file} names a Jenkinsfile: {@code Jenkinsfile}, {@code Jenkinsfile.*} (e.g.
     * {@code Jenkinsfile.release}), {@code *.Jenkinsfile}, {@code *.jenkinsfile} or {@code *.groovy};
     * only the last path element counts, in any case.
     */
    public static boolean isJenkinsfile(String file) {
        if (file == null) {
            return false;
        }
        String name = file.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return name.equals("jenkinsfile")
                || name.startsWith("jenkinsfile.")
                || name.endsWith(".jenkinsfile")
                || name.endsWith(".groovy");
    }
}
