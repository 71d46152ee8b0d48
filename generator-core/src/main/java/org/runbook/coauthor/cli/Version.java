package org.runbook.coauthor.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version Maven wrote into the jar manifest. */
final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = CoauthorCli.class.getPackage().getImplementationVersion();
        return new String[] {"coauthor " + (v == null ? "development build" : v)};
    }
}
