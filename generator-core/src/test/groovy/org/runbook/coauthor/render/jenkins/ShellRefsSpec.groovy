package org.runbook.coauthor.render.jenkins

import spock.lang.Specification

class ShellRefsSpec extends Specification {
    def "rewrites #shell to #expected"() {
        expect:
        ShellRefs.rewrite(shell, { it.toUpperCase() }) == expected

        where:
        shell                                        | expected
        'echo ${option.x}'                           | 'echo "${X}"'
        'echo "${option.x}"'                         | 'echo "${X}"'
        'echo "a ${option.x} b"'                     | 'echo "a ${X} b"'
        "echo '\${option.x}'"                        | "echo ''\"\${X}\"''"
        "awk '{print \"\${option.x}\"}'"             | "awk '{print \"'\"\${X}\"'\"}'"
        'echo "$(cat ${option.f})"'                  | 'echo "$(cat "${F}")"'
        'echo "$(cat "${option.f}") ${option.g}"'    | 'echo "$(cat "${F}") ${G}"'
        'x=$(( (${option.n} + 1) * 2 )); echo "$x"'  | 'x=$(( ("${N}" + 1) * 2 )); echo "$x"'
        'echo \\"${option.x}'                        | 'echo \\""${X}"'
        'a=${option.x} # ${option.y}'                | 'a="${X}" # ${option.y}'
        'echo $#${option.x}'                         | 'echo $#"${X}"'
        'cat <<EOF\n${option.x}\nEOF\necho ${option.y}' | 'cat <<EOF\n${X}\nEOF\necho "${Y}"'
        'cat <<-\'END\'\n\t${option.x}\n\tEND\n'     | 'cat <<-\'END\'\n\t${X}\n\tEND\n'
        'echo "${option.a.b-c}"'                     | 'echo "${A.B-C}"'
        'no refs at all'                             | 'no refs at all'
        'echo $option.x ${option}'                   | 'echo $option.x ${option}'
    }

    def "keeps an operator's value out of the command: bash sees #value as data"() {
        given:
        def script = ShellRefs.rewrite('printf "%s|" ${option.v} "${option.v}"', { 'V' })

        when:
        def p = new ProcessBuilder('bash', '-c', script).tap { environment().put('V', value) }.start()
        def out = p.inputStream.text
        p.waitFor()

        then:
        out == value + '|' + value + '|'

        where:
        value << ['$(touch /tmp/pwned)', '; rm -rf /tmp/x', '`id`', 'a b', '*', "it's", '"quoted"']
    }
}
