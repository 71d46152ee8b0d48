package org.runbook.coauthor.author.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.runbook.coauthor.plan.Target;
import org.runbook.coauthor.render.jenkins.JenkinsPipelineRenderer;
import org.runbook.coauthor.render.jenkins.Jenkinsfiles;

/** Every catalog block rendered for Jenkins: a Jenkinsfile the Groovy compiler reads, with sound shell. */
class JenkinsCatalogTest {
    static Stream<Block> blocks() {
        return CatalogLoader.bundled().blocks().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blocks")
    void should_render_every_block_into_a_pipeline_that_parses_with_sound_shell(Block block) {
        String jenkinsfile = render(block);
        Jenkinsfiles.Parsed parsed = Jenkinsfiles.assertSound(jenkinsfile, block.id());
        assertEquals(List.of(), Jenkinsfiles.unknownSteps(jenkinsfile), jenkinsfile);
        assertFalse(jenkinsfile.contains("${option."), jenkinsfile);
        // A script that assigns a parameter's variable would read its own value, not the operator's.
        Matcher names = Pattern.compile(
                        "(?:string|choice|booleanParam)\\(name: '([A-Z0-9_]+)'|variable: '([A-Z0-9_]+)'")
                .matcher(jenkinsfile);
        while (names.find()) {
            String name = names.group(1) != null ? names.group(1) : names.group(2);
            Pattern assigned = Pattern.compile("(?m)(^|[\\s;(])(export\\s+|local\\s+)?" + name + "=");
            for (String script : parsed.scripts()) {
                for (String node : Jenkinsfiles.nodeScripts(script)) {
                    assertFalse(assigned.matcher(node).find(), name + " is assigned in\n" + node);
                }
            }
        }
    }

    private static String render(Block block) {
        ParsedRequest request = RequestParser.parse(block.title());
        Selection selection = new Selection(new Candidate(block, 1, 1, 1), block.title());
        return new JenkinsPipelineRenderer()
                .render(new PlanAssembler(List.of())
                        .assemble(List.of(selection), request, block.category(), Target.JENKINS));
    }
}
