package org.runbook.coauthor.rundeck.ui

import com.dtolabs.rundeck.core.plugins.Plugin
import com.dtolabs.rundeck.plugins.ServiceNameConstants
import spock.lang.Specification

class CoauthorUiPluginSpec extends Specification {
    def plugin = new CoauthorUiPlugin()

    def "page #path gets the script and the style: #applies"() {
        expect:
        plugin.doesApply(path) == applies
        plugin.scriptResourcesForPath(path) == (applies ? ['ui/coauthor.js'] : [])
        plugin.styleResourcesForPath(path) == (applies ? ['ui/coauthor.css'] : [])
        plugin.resourcesForPath(path) == (applies ? ['ui/coauthor.js', 'ui/coauthor.css'] : [])
        plugin.requires(path) == []

        where:
        path                          || applies
        'menu/jobs'                   || true
        'scheduledExecution/create'   || true
        'scheduledExecution/edit'     || true
        'scheduledExecution/show'     || false
        'menu/home'                   || false
        'menu/jobs/'                  || false
        'MENU/JOBS'                   || false
        'menu/jobsX'                  || false
        '.*'                          || false
        '*'                           || false
        ''                            || false
        null                          || false
    }

    def "every resource it names is in the jar's resources directory: #resource"() {
        expect:
        getClass().getResource('/resources/' + resource) != null

        where:
        resource << (CoauthorUiPlugin.PAGES.collectMany { new CoauthorUiPlugin().resourcesForPath(it) } as Set)
    }

    def "is a UI provider named coauthor-ui"() {
        when:
        def annotation = CoauthorUiPlugin.getAnnotation(Plugin)

        then:
        annotation.name() == 'coauthor-ui'
        annotation.service() == ServiceNameConstants.UI
    }
}
