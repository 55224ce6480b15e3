package org.caredesk.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.jooq.Configuration;
import org.jooq.ContextTransactionalCallable;
import org.jooq.ContextTransactionalRunnable;
import org.jooq.DSLContext;
import org.jooq.TransactionalCallable;
import org.jooq.TransactionalRunnable;

/**
 * The walls of STYLE.md over the production classes of org.caredesk (tests and libraries are not imported).
 * A rule that fails names the class and the dependency that crosses the wall.
 */
@AnalyzeClasses(packages = "org.caredesk", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String UI = "..ui..";
    private static final String APP = "org.caredesk.app..";
    private static final String DATA = "..data..";
    private static final String SERVICE = "..service..";
    private static final String DB = "org.caredesk.db..";
    private static final String GENERATED = "org.caredesk.db.generated..";
    private static final String JOOQ = "org.jooq..";

    @ArchTest
    static final ArchRule onlyUiAndAppUseJavaFxScene = noClasses()
            .that().resideOutsideOfPackages(UI, APP)
            .should().dependOnClassesThat().resideInAPackage("javafx.scene..")
            .because("views and their widgets live in ui packages; the shell is wired in org.caredesk.app");

    @ArchTest
    static final ArchRule uiDoesNotUseTheDatabase = noClasses()
            .that().resideInAPackage(UI)
            .should().dependOnClassesThat().resideInAnyPackage(JOOQ, GENERATED)
            .because("views and view models talk to services, never to SQL");

    @ArchTest
    static final ArchRule onlyRepositoriesUseGeneratedTables = noClasses()
            .that().resideOutsideOfPackages(DATA, DB)
            .should().dependOnClassesThat().resideInAPackage(GENERATED)
            .because("repositories return Java records, never generated jOOQ records");

    /**
     * Services own transactions ({@code dsl.transactionResult(cfg -> ...)}) and the composition root hands the
     * {@link DSLContext} to them, so those may hold the transaction handles; building SQL stays in repositories.
     */
    @ArchTest
    static final ArchRule onlyRepositoriesBuildSql = noClasses()
            .that().resideOutsideOfPackages(DATA, DB)
            .should().dependOnClassesThat(resideInAPackage(JOOQ).and(not(belongToAnyOf(DSLContext.class,
                    Configuration.class, TransactionalCallable.class, TransactionalRunnable.class,
                    ContextTransactionalCallable.class, ContextTransactionalRunnable.class))))
            .because("only repositories (..data..) and org.caredesk.db write SQL; services only open transactions");

    @ArchTest
    static final ArchRule jooqStaysBelowTheServices = noClasses()
            .that().resideOutsideOfPackages(DATA, DB, SERVICE, APP)
            .should().dependOnClassesThat().resideInAPackage(JOOQ)
            .because("only repositories, the database, services (transactions) and the composition root see jOOQ");

    @ArchTest
    static final ArchRule viewModelsHoldNoNodes = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAPackage("javafx.scene..")
            .because("a view model holds JavaFX properties and is tested without the toolkit");

    @ArchTest
    static final ArchRule commonDependsOnNoFeature = noClasses()
            .that().resideInAPackage("org.caredesk.common..")
            .should().dependOnClassesThat(resideInAPackage("org.caredesk..")
                    .and(not(resideInAPackage("org.caredesk.common.."))))
            .because("common holds the values every feature uses, so it can use none of them");

    @ArchTest
    static final ArchRule dataDoesNotReachUp = noClasses()
            .that().resideInAPackage(DATA)
            .should().dependOnClassesThat().resideInAnyPackage(SERVICE, UI, APP)
            .because("repositories are called by services, never the other way round");

    @ArchTest
    static final ArchRule servicesDoNotReachUp = noClasses()
            .that().resideInAPackage(SERVICE)
            .should().dependOnClassesThat().resideInAnyPackage(UI, APP, "org.caredesk.cli..")
            .because("services run the same under the window and the command line");

    @ArchTest
    static final ArchRule featureCoresAreFreeOfCycles = slices()
            .assignedFrom(new FeatureCores())
            .should().beFreeOfCycles();

    /**
     * The shared house: packages every feature may use, which are no feature themselves. Everything else directly
     * under org.caredesk is a feature room (people, visits, risk, incidents, board, today, users, ...).
     */
    private static final String[] SHARED_HOUSE = {APP, "org.caredesk.cli..", "org.caredesk.common..",
        "org.caredesk.ui..", DB, "org.caredesk.security.."};

    /** The feature room of a class (the package right under org.caredesk); null for the shared house and libraries. */
    static String room(JavaClass c) {
        String pkg = c.getPackageName();
        if (!pkg.startsWith(FeatureCores.ROOT) || resideInAnyPackage(SHARED_HOUSE).test(c)) {
            return null;
        }
        String rest = pkg.substring(FeatureCores.ROOT.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    /** Whether a class lives in the ui package of its feature room (org.caredesk.&lt;room&gt;.ui..). */
    static boolean inRoomUi(JavaClass c, String room) {
        String ui = FeatureCores.ROOT + room + ".ui";
        return c.getPackageName().equals(ui) || c.getPackageName().startsWith(ui + ".");
    }

    /**
     * A screen of one room opens another room's screens only through a small interface (in org.caredesk.ui or owned
     * by the room that uses it) that the wiring fills in, so a room's views can change without touching the others.
     */
    @ArchTest
    static final ArchRule noFeatureImportsAnotherFeaturesUi = classes()
            .that(new DescribedPredicate<JavaClass>("are in a feature room") {
                @Override
                public boolean test(JavaClass c) {
                    return room(c) != null;
                }
            })
            .should(new ArchCondition<JavaClass>("not depend on another feature room's ui package") {
                @Override
                public void check(JavaClass c, ConditionEvents events) {
                    String mine = room(c);
                    for (Dependency d : c.getDirectDependenciesFromSelf()) {
                        JavaClass target = d.getTargetClass();
                        String theirs = room(target);
                        if (theirs != null && !theirs.equals(mine) && inRoomUi(target, theirs)) {
                            events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                        }
                    }
                }
            });

    /**
     * The feature rooms, each whole (records, services, repositories and views), depend on each other in one
     * direction only, e.g. people ← risk ← visits ← board ← today (docs/decisions/0022). One known edge is left out
     * until the settings page is split into its rooms' sections: the page shows the users room's security settings,
     * which the users room stores in the settings table.
     */
    @ArchTest
    static final ArchRule featureRoomsAreFreeOfCycles = slices()
            .assignedFrom(new FeatureRooms())
            .should().beFreeOfCycles()
            .ignoreDependency(resideInAPackage("org.caredesk.settings.ui.."), resideInAPackage("org.caredesk.users.."));

    /** One slice per feature room, its ui included; the shared house is left out. */
    static final class FeatureRooms implements SliceAssignment {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String room = room(javaClass);
            return room == null ? SliceIdentifier.ignore() : SliceIdentifier.of(room);
        }

        @Override
        public String getDescription() {
            return "the feature rooms, views included";
        }
    }

    /**
     * One slice per feature (people, settings, ...), made of its records, services and repositories; the UI, the
     * shell, the command line and the shared packages are left out, since they may use several features.
     */
    static final class FeatureCores implements SliceAssignment {
        static final String ROOT = "org.caredesk.";

        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String pkg = javaClass.getPackageName();
            if (!pkg.startsWith(ROOT) || resideInAnyPackage(UI, APP, "org.caredesk.cli..", "org.caredesk.common..",
                    DB).test(javaClass)) {
                return SliceIdentifier.ignore();
            }
            String rest = pkg.substring(ROOT.length());
            int dot = rest.indexOf('.');
            return SliceIdentifier.of(dot < 0 ? rest : rest.substring(0, dot));
        }

        @Override
        public String getDescription() {
            return "the records, services and repositories of each feature";
        }
    }
}
