// Run by the maven-invoker-plugin after the example's build: a build that ran no test is a failure.
def reports = new File(basedir, 'target/surefire-reports').listFiles({ f -> f.name ==~ /TEST-.*\.xml/ } as FileFilter)
assert reports : "no Surefire report in ${basedir}/target/surefire-reports: no test ran"
int tests = 0, failures = 0, errors = 0
reports.each { report ->
    def suite = new groovy.xml.XmlSlurper().parse(report)
    tests += suite.@tests.toInteger()
    failures += suite.@failures.toInteger()
    errors += suite.@errors.toInteger()
}
println "[verify] ${basedir.name}: ${tests} tests, ${failures} failures, ${errors} errors"
assert tests > 0 : "${basedir.name} ran no test"
assert failures == 0 && errors == 0 : "${basedir.name}: ${failures} failures, ${errors} errors"
def catalogue = reports.find { it.name.contains('OwnCatalogueTest') }
assert catalogue && new groovy.xml.XmlSlurper().parse(catalogue).@tests.toInteger() > 0 : "the example's own catalogue case did not run"
def allure = new File(basedir, 'target/allure-results').listFiles({ f -> f.name.endsWith('-result.json') } as FileFilter)
assert allure : "no Allure result in ${basedir}/target/allure-results"
println "[verify] ${basedir.name}: ${allure.length} Allure results"
def log = new File(basedir, 'build.log').text
assert !log.contains('SLF4J(W)') : "${basedir.name}: SLF4J warned in the build log"
return true
