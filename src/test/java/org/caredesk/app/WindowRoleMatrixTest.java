package org.caredesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.caredesk.common.I18n;
import org.caredesk.security.Permission;
import org.caredesk.security.PermissionMatrix;
import org.caredesk.security.Role;
import org.caredesk.ui.DirectTaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The window against the permission matrix (issue 8): for every demo account, each navigation entry and each action
 * button is offered exactly when the matrix lets the role do it, so the window never offers what the service would
 * refuse, and never hides what the role may do. The expectations are read from {@link PermissionMatrix}, the one
 * table; what this test states is only which permission each entry and button stands for.
 */
@ExtendWith(ApplicationExtension.class)
class WindowRoleMatrixTest {
    private static final String PW = "Gate-keeper7";

    @TempDir
    static Path dir;
    static Path dataDir;

    private Stage stage;
    private StartFlow flow;
    private final Login login = new Login(1_000, Clock.systemDefaultZone());

    @BeforeAll
    static void demoCommunity() {
        dataDir = dir.resolve("data");
        new Login(1_000, Clock.systemDefaultZone()).setUp(dataDir, Login.CommunityChoice.demoCommunity(),
                Login.DEMO_ADMIN, "演示管理员", PW.toCharArray()).close();
    }

    static Stream<Arguments> accounts() {
        List<Arguments> all = new ArrayList<>();
        all.add(Arguments.of(Login.DEMO_ADMIN, Role.DIRECTOR));
        Login.DEMO_ACCOUNTS.forEach(a -> all.add(Arguments.of(a.userName(), a.role())));
        return all.stream();
    }

    @Start
    void start(Stage s) throws IOException {
        I18n.setLocale(I18n.CHINESE);
        Files.createDirectories(dataDir);
        stage = s;
    }

    @AfterEach
    void close(FxRobot robot) {
        closeOtherWindows(robot);
        if (flow != null) {
            robot.interact(flow::close);
        }
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("accounts")
    void everyEntryAndButton_isOfferedExactlyWhenTheMatrixAllowsIt(String user, Role role, FxRobot robot) {
        logIn(robot, user);

        Map<String, Boolean> nav = new LinkedHashMap<>();
        nav.put("people", may(role, Permission.PEOPLE_READ));
        nav.put("today", may(role, Permission.VISITS_READ));
        nav.put("board", may(role, Permission.VISITS_READ));
        nav.put("incidents", may(role, Permission.VISITS_READ));
        nav.put("report", may(role, Permission.REPORT_READ));
        nav.put("users", may(role, Permission.USERS_MANAGE));
        nav.put("audit", may(role, Permission.AUDIT_READ));
        nav.put("backups", may(role, Permission.BACKUP) || may(role, Permission.RESTORE));
        nav.put("settings", true);
        Set<String> expected = new TreeSet<>();
        nav.forEach((id, shown) -> {
            if (shown) {
                expected.add("nav-" + id);
            }
        });
        Set<String> shown = new TreeSet<>();
        robot.lookup(".nav-button").queryAll().forEach(n -> shown.add(n.getId()));
        assertThat(shown).as("navigation of %s", role).isEqualTo(expected);

        if (nav.get("people")) {
            peoplePage(robot, role);
        }
        if (nav.get("incidents")) {
            robot.clickOn("#nav-incidents");
            assertOffered(robot, "#newIncidentButton", may(role, Permission.INCIDENTS_WRITE), role);
        }
        if (nav.get("audit")) {
            robot.clickOn("#nav-audit");
            assertOffered(robot, "#exportButton", may(role, Permission.AUDIT_EXPORT), role);
        }
        if (nav.get("backups")) {
            robot.clickOn("#nav-backups");
            assertOffered(robot, "#backupNowButton", may(role, Permission.BACKUP), role);
            // 恢复 itself appears once a backup is inspected; inspecting one is the first step of a restore.
            assertOffered(robot, "#inspectFileButton", may(role, Permission.RESTORE), role);
        }
        robot.clickOn("#nav-settings");
        Node community = robot.lookup("#communityGrid").query();
        assertThat(community.isDisabled()).as("community settings disabled for %s", role)
                .isEqualTo(!may(role, Permission.SETTINGS_MANAGE));
    }

    private void peoplePage(FxRobot robot, Role role) {
        robot.clickOn("#nav-people");
        assertOffered(robot, "#newButton", may(role, Permission.PEOPLE_WRITE), role);
        assertOffered(robot, "#closeButton", may(role, Permission.PEOPLE_CLOSE), role);
        assertOffered(robot, "#importButton", may(role, Permission.PEOPLE_IMPORT), role);
        assertOffered(robot, "#templateButton", may(role, Permission.PEOPLE_IMPORT), role);
        assertOffered(robot, "#exportButton", may(role, Permission.PEOPLE_EXPORT), role);
        assertOffered(robot, "#fileSeparator", may(role, Permission.PEOPLE_IMPORT)
                || may(role, Permission.PEOPLE_EXPORT), role);
        Button edit = robot.lookup("#editButton").queryButton();
        assertThat(edit.getText()).isEqualTo(I18n.get(may(role, Permission.PEOPLE_WRITE) ? "people.edit"
                : "people.view"));

        // One person's file: 保存 only for a role that may change it, the full numbers only for one that may see them.
        TableView<?> table = robot.lookup("#peopleTable").queryTableView();
        robot.interact(() -> table.getSelectionModel().select(0));
        robot.clickOn(edit);
        assertOffered(robot, "#saveButton", may(role, Permission.PEOPLE_WRITE), role);
        String titlePrefix = I18n.get(may(role, Permission.PEOPLE_WRITE) ? "people.form.titleEdit"
                : "people.form.titleView", "").strip();
        assertThat(robot.lookup("#titleLabel").queryAll().stream().filter(WindowRoleMatrixTest::visible)
                .map(n -> ((javafx.scene.control.Labeled) n).getText()))
                .as("the file's title for %s", role).anyMatch(t -> t.startsWith(titlePrefix));
        assertOffered(robot, "#revealButton", may(role, Permission.PEOPLE_REVEAL), role);
        if (may(role, Permission.VISITS_READ)) {
            robot.clickOn("#careButton");
            assertOffered(robot, "#visitButton", may(role, Permission.VISITS_WRITE), role);
            assertOffered(robot, "#assessButton", may(role, Permission.VISITS_WRITE), role);
            assertOffered(robot, "#overrideButton", may(role, Permission.COLOUR_OVERRIDE), role);
        }
        closeOtherWindows(robot);
    }

    private static boolean may(Role role, Permission p) {
        return PermissionMatrix.allows(EnumSet.of(role), p);
    }

    /** Offered: in a showing window, visible all the way up. Not offered: absent, or hidden. */
    private static void assertOffered(FxRobot robot, String id, boolean allowed, Role role) {
        boolean offered = robot.lookup(id).queryAll().stream().anyMatch(WindowRoleMatrixTest::visible);
        assertThat(offered).as("%s offered to %s", id, role).isEqualTo(allowed);
    }

    private static boolean visible(Node n) {
        if (n.getScene() == null || n.getScene().getWindow() == null || !n.getScene().getWindow().isShowing()) {
            return false;
        }
        for (Node x = n; x != null; x = x.getParent()) {
            if (!x.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private void logIn(FxRobot robot, String user) {
        robot.interact(() -> {
            flow = new StartFlow(stage, dataDir, login, new DirectTaskRunner());
            flow.start();
        });
        robot.clickOn("#userNameField").write(user);
        robot.clickOn("#passwordField").write(PW);
        robot.clickOn("#loginButton");
    }

    private void closeOtherWindows(FxRobot robot) {
        robot.interact(() -> {
            for (Window w : List.copyOf(Window.getWindows())) {
                if (w != stage && w instanceof Stage s) {
                    s.close();
                }
            }
        });
    }
}
