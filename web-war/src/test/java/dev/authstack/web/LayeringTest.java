package dev.authstack.web;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The web app's layering, checked on its compiled classes with the unit tests. */
@AnalyzeClasses(packages = "dev.authstack.web", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    /** A feature is a page's package (login, admin, dashboard, hello), the session, or the API client. */
    @ArchTest
    static final ArchRule featuresFormNoCycle = slices().matching("dev.authstack.web.(*)..")
            .as("the features of the web app")
            .should().beFreeOfCycles();

    /** The API client serves the pages and knows none of them: a page changed never touches how the API is called. */
    @ArchTest
    static final ArchRule apiClientKnowsNoPage = noClasses().that().resideInAPackage("dev.authstack.web.api..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.authstack.web.admin..", "dev.authstack.web.dashboard..",
                    "dev.authstack.web.hello..", "dev.authstack.web.login..", "dev.authstack.web.session..");
}
