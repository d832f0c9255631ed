package dev.authstack.api;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import jakarta.validation.ConstraintValidator;

import static com.tngtech.archunit.lang.conditions.ArchConditions.be;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The API's layering, checked on its compiled classes with the unit tests: dependencies between features point one
 * way, within the code boundary calls control calls entity, and the contract, the one jar web-war compiles against,
 * holds only what both WARs agree on and needs nothing of the API.
 */
@AnalyzeClasses(packages = "dev.authstack.api", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    /** A feature is the package below dev.authstack.api: auth, users, revocation, audit, security, problems, ... */
    @ArchTest
    static final ArchRule featuresFormNoCycle = slices().matching("dev.authstack.api.(*)..")
            .as("the features of the API")
            .should().beFreeOfCycles();

    /**
     * Boundary (what the outside calls) uses control (the logic), which uses entity (the data), never the other way.
     * The layers are those of every feature at once, so a control class may not reach any feature's boundary either;
     * calls within one layer (a resource using a shared annotation, a store using a shared exception) are free.
     */
    @ArchTest
    static final ArchRule boundaryControlEntity = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Boundary").definedBy("dev.authstack.api.*.boundary..")
            .layer("Control").definedBy("dev.authstack.api.*.control..")
            .layer("Entity").definedBy("dev.authstack.api.*.entity..")
            .whereLayer("Boundary").mayNotBeAccessedByAnyLayer()
            .whereLayer("Control").mayOnlyBeAccessedByLayers("Boundary")
            .whereLayer("Entity").mayOnlyBeAccessedByLayers("Boundary", "Control");

    /** An entity is the data of its feature, not the wire format: turning one into a contract record is the boundary's work. */
    @ArchTest
    static final ArchRule entitiesDoNotKnowTheContract = noClasses().that().resideInAPackage("dev.authstack.api.*.entity..")
            .should().dependOnClassesThat().resideInAPackage("dev.authstack.api.contract..");

    /** What is built into the contract jar may need only what web-war has: the platform's APIs and nbvcxz. */
    @ArchTest
    static final ArchRule contractNeedsOnlyPlatformApis = classes().that().resideInAPackage("dev.authstack.api.contract..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.authstack.api.contract..", "java..", "jakarta..",
                    "org.eclipse.microprofile..", "me.gosimple..");

    /**
     * The contract is what both WARs agree on: request and answer records and validation rules (annotations, their
     * validators and what a validator keeps to itself). A helper either WAR happens to share does not belong in it.
     */
    @ArchTest
    static final ArchRule contractHoldsOnlyRecordsAndRules = classes().that().resideInAPackage("dev.authstack.api.contract..")
            .and().doNotHaveSimpleName("package-info")
            .should(be(DescribedPredicate.describe("a record, an annotation, or a validator or part of one",
                    LayeringTest::recordOrRule)));

    private static boolean recordOrRule(JavaClass type) {
        return type.isAssignableTo(Record.class) || type.isAnnotation() || partOfValidator(type);
    }

    private static boolean partOfValidator(JavaClass type) {
        return type.isAssignableTo(ConstraintValidator.class)
                || type.getEnclosingClass().map(LayeringTest::partOfValidator).orElse(false);
    }
}
