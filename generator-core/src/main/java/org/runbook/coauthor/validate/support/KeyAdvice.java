package org.runbook.coauthor.validate.support;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What to tell about a key Rundeck does not read ({@code UnknownKeyRule}, RD002): well-known wrong
 * names and misplaced keys, what Rundeck does instead when the meant key is missing, and keys that
 * only Rundeck Enterprise reads.
 */
public final class KeyAdvice {
    /** {@code context | key (lower case) | rename:KEY, move:WHERE or nofilter}. */
    private static final Map<String, String> ADVICE = table(
            """
            job | workflow | rename:sequence
            job | steps | move:sequence.commands
            job | commands | move:sequence.commands
            job | keepgoing | move:sequence
            job | strategy | move:sequence
            job | threadcount | move:nodefilters.dispatch
            job | crontab | move:schedule
            job | cron | move:schedule.crontab
            option | default | rename:value
            option | defaultvalue | rename:value
            option | mandatory | rename:required
            option | allowedvalues | rename:values
            option | choices | rename:values
            option | password | rename:secure
            command step | command | rename:exec
            command step | cmd | rename:exec
            command step | interpreter | rename:scriptInterpreter
            command step | arguments | rename:args
            command step | argstring | rename:args
            command step | filter | nofilter
            command step | nodefilters | nofilter
            plugin step | config | rename:configuration
            plugin step | filter | nofilter
            plugin step | nodefilters | nofilter
            log filter | configuration | rename:config
            orchestrator | config | rename:configuration
            schedule | timezone | move:the job as "timeZone"
            schedule | cron | rename:crontab
            schedule | hour | move:schedule.time
            schedule | minute | move:schedule.time
            schedule | seconds | move:schedule.time
            schedule | dayofweek | rename:weekday
            nodefilters | threadcount | move:nodefilters.dispatch
            nodefilters | keepgoing | move:nodefilters.dispatch
            nodefilters | rankorder | move:nodefilters.dispatch
            nodefilters | rankattribute | move:nodefilters.dispatch
            nodefilters | excludeprecedence | move:nodefilters.dispatch
            nodefilters | successonemptynodefilter | move:nodefilters.dispatch
            jobref | jobname | rename:name
            jobref | job | rename:name
            jobref | jobgroup | rename:group
            jobref | argstring | rename:args
            jobref | arguments | rename:args
            jobref | options | rename:args
            jobref | dispatch | move:jobref.nodefilters
            """);
    /** {@code context ("step" for every step form) | meant key | what happens without it}. */
    private static final Map<String, String> CONSEQUENCE = table(
            """
            nodefilters | filter | the job runs on the Rundeck server instead of the nodes
            job | nodefilters | the job runs on the Rundeck server instead of the nodes
            job | schedule | the job is never scheduled
            job | options | the job has no options
            job | notification | no notification is sent
            job | timeout | the job has no timeout
            job | retry | a failed run is not retried
            job | loglevel | the log level stays INFO
            job | timezone | the schedule uses the server's time zone
            sequence | keepgoing | the workflow stops at the first failing step
            sequence | strategy | the default "node-first" strategy applies
            nodefilters.dispatch | threadcount | the nodes run one at a time
            nodefilters.dispatch | keepgoing | the job stops at the first failing node
            step | errorhandler | the step has no error handler
            step | args | the script runs without these arguments
            step | scriptinterpreter | the script is not run through that interpreter
            step | configuration | the plugin gets no configuration
            option | value | the option has no default value
            option | required | the option is not required
            option | values | the option has no list of allowed values
            option | secure | the value is not treated as a secret
            """);

    private static final Map<String, String> ENTERPRISE = Map.of(
            "runnerSelector", "\"runnerSelector\" is a Rundeck Enterprise key; open-source Rundeck 5.4 ignores it",
            "schedules",
                    "\"schedules\" (schedule definitions) is a Rundeck Enterprise key; open-source Rundeck 5.4"
                            + " ignores it",
            "tags", "open-source Rundeck 5.4 has no job tags and ignores \"tags\"");

    private KeyAdvice() {}

    /** {@code rename:KEY}, {@code move:WHERE} or {@code nofilter} for a well-known wrong key. */
    public static Optional<String> advice(String context, String key) {
        return Optional.ofNullable(ADVICE.get(context + "|" + key.toLowerCase(Locale.ROOT)));
    }

    /** What Rundeck does when {@code meant} is missing from a map of {@code context}. */
    public static Optional<String> consequence(String context, String meant) {
        return Optional.ofNullable(CONSEQUENCE.get(context + "|" + meant.toLowerCase(Locale.ROOT)));
    }

    /** The message for a job key only Rundeck Enterprise reads. */
    public static Optional<String> enterprise(String key) {
        return Optional.ofNullable(ENTERPRISE.get(key));
    }

    private static Map<String, String> table(String text) {
        Map<String, String> out = new HashMap<>();
        for (String line : text.strip().split("\n")) {
            String[] f = line.split("\\|", 3);
            out.put(f[0].strip() + "|" + f[1].strip(), f[2].strip());
        }
        return Map.copyOf(out);
    }
}
