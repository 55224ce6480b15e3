package org.caredesk.people.ui;

import org.caredesk.ui.RosterActions;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.caredesk.app.AppContext;
import org.caredesk.app.AppShell;
import org.caredesk.app.Overrides;
import org.caredesk.people.PersonQuery;
import org.caredesk.settings.AppSettings;
import org.caredesk.ui.DirectTaskRunner;
import org.caredesk.ui.MainWindow;
import org.caredesk.ui.NavEntry;
import org.caredesk.ui.TaskRunner;
import org.caredesk.ui.ViewLoader;
import org.caredesk.ui.testing.ScriptedDialogs;

/**
 * The people area as the application builds it (same wiring, same main window and shortcuts) on an in-memory
 * database, at the 1366x768 size the screens must fit.
 */
final class PeopleScreen {
    final AppContext ctx;
    final ScriptedDialogs dialogs = new ScriptedDialogs();
    final RecordingRoster roster = new RecordingRoster();
    final MainWindow main;

    PeopleScreen(Stage stage) {
        this(stage, new DirectTaskRunner(), c -> {});
    }

    /** {@code seed} runs before the list first loads, so the people it registers are shown at once. */
    PeopleScreen(Stage stage, TaskRunner tasks, Consumer<AppContext> seed) {
        ctx = AppContext.inMemory(Path.of("target", "test-data"), Clock.systemDefaultZone());
        // The shell's own views, with the Excel part replaced by one that records what the list asked of it.
        ViewLoader loader = new AppShell(ctx, tasks, dialogs, s -> { },
                Overrides.none().put(RosterActions.class, roster)).loader();
        seed.accept(ctx);
        main = new MainWindow(List.of(new NavEntry("people", "nav.people", () -> loader.load(PeopleView.class))),
                "测试社区", "target/test-data", false);
        AppShell.style(main.root(), AppSettings.DEFAULTS);
        stage.setScene(new Scene(main.root(), 1366, 768));
        stage.show();
    }

    /** Records what the list asked of the Excel part. */
    static final class RecordingRoster implements RosterActions {
        final List<String> calls = new ArrayList<>();
        final List<PersonQuery> exports = new ArrayList<>();

        @Override
        public void importRoster(Runnable afterImport) {
            calls.add("import");
        }

        @Override
        public void exportRoster(PersonQuery filter) {
            calls.add("export");
            exports.add(filter);
        }

        @Override
        public void writeTemplate() {
            calls.add("template");
        }
    }
}
