package org.runbook.coauthor.dryrun.jenkins;

/** Marks the recording DSL's objects, which a sandboxed Jenkinsfile may call. */
public interface Dsl {}
