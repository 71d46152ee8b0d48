package org.runbook.coauthor.validate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.dtolabs.rundeck.core.dispatcher.DataContextUtils;
import com.dtolabs.rundeck.core.execution.ExecArgList;
import com.dtolabs.rundeck.core.utils.OptsUtil;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.runbook.coauthor.validate.support.DataReferences;

/** ExecWords must agree with rundeck-core's own command building on which values reach the shell raw. */
class ExecWordsTest {
    private static final String HOSTILE = "x; touch /tmp/pwned";

    @ParameterizedTest
    @ValueSource(
            strings = {
                "echo ${option.v}",
                "echo \"${option.v}\"",
                "echo '${option.v}'",
                "cp \"${option.v}/file\" /tmp",
                "cp pre-${option.v} /tmp",
                "echo ${unquotedoption.v}",
                "aws s3 cp \"/tmp/x\" \"s3://${option.v}/key\"",
                "echo ${option.v}${option.v}"
            })
    void should_agree_with_rundeck_core_on_whether_a_value_is_quoted(String exec) {
        Map<String, Map<String, String>> ctx = Map.of("option", Map.of("v", HOSTILE));
        List<String> words = ExecArgList.fromStrings(
                        DataContextUtils.stringContainsPropertyReferencePredicate, OptsUtil.burst(exec))
                .buildCommandForNode(ctx, "unix");
        String line = ExecArgList.joinAndQuote(words, null);
        boolean rundeckQuotes = !line.contains(" " + HOSTILE)
                && !line.contains(HOSTILE + " ")
                && line.contains("'")
                && !line.contains("pwned/")
                && !line.contains("-x;")
                && !line.contains("/x;");
        DataReferences.Ref ref = DataReferences.dollar(exec).get(0);
        assertEquals(rundeckQuotes, ExecWords.quotedByRundeck(exec, ref), exec + " -> " + line);
    }
}
