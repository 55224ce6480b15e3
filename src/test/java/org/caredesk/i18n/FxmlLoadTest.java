package org.caredesk.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javax.xml.parsers.DocumentBuilderFactory;
import org.caredesk.app.AppContext;
import org.caredesk.app.AppShell;
import org.caredesk.common.I18n;
import org.caredesk.settings.AppSettings;
import org.caredesk.ui.DirectTaskRunner;
import org.caredesk.ui.ViewLoader;
import org.caredesk.ui.testing.ScriptedDialogs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.w3c.dom.Element;

/**
 * Every FXML file under src/main/resources (found by scanning, so views added later are covered) loads the way the
 * application loads it: through {@link ViewLoader} with the real bundle, in Chinese and in English, its controller
 * built by the shell's controller factory on an in-memory database. That proves the %keys resolve, the
 * controller is registered and gets every {@code @FXML} field injected, the event handlers exist and
 * {@code initialize()} runs.
 */
class FxmlLoadTest {
    private static final Path RESOURCES = Path.of("src", "main", "resources");
    private static final String FXML_NS = "http://javafx.com/fxml";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

    private static AppContext ctx;
    private static AppShell shell;

    @BeforeAll
    static void start() throws Exception {
        FxToolkit.registerPrimaryStage();
        ctx = AppContext.inMemory(Path.of("target", "fxml-load-test"), CLOCK);
        ctx.settings().createCommunity("测试社区", false);
        shell = new AppShell(ctx, new DirectTaskRunner(), new ScriptedDialogs(), saved -> { });
    }

    @AfterEach
    void backToChinese() {
        I18n.setLocale(I18n.CHINESE);
    }

    @AfterAll
    static void stop() {
        ctx.close();
    }

    @TestFactory
    Stream<DynamicTest> everyFxmlFile_loadsInEveryLanguage() {
        List<Path> files = I18nConsistencyTest.files(RESOURCES, ".fxml");
        assertThat(files).as("FXML files under " + RESOURCES).isNotEmpty();
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : files) {
            for (Locale locale : List.of(I18n.CHINESE, I18n.ENGLISH)) {
                tests.add(DynamicTest.dynamicTest(RESOURCES.relativize(file) + " [" + locale + "]",
                        () -> load(file, locale)));
            }
        }
        return tests.stream();
    }

    private static void load(Path file, Locale locale) throws Exception {
        I18n.setLocale(locale);
        Element root = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder().parse(file.toFile())
                .getDocumentElement();
        String controllerName = root.getAttributeNS(FXML_NS, "controller");
        String resourcePath = RESOURCES.relativize(file).toString().replace('\\', '/');
        Parent parent;
        if (controllerName.isEmpty()) {
            parent = onFx(() -> {
                FXMLLoader loader = new FXMLLoader(file.toUri().toURL(), I18n.bundle());
                return loader.<Parent>load();
            });
        } else {
            Class<?> controller = Class.forName(controllerName);
            assertThat(resourcePath)
                    .as("ViewLoader finds the FXML of %s only beside it, named after it", controllerName)
                    .isEqualTo(controller.getName().replace('.', '/') + ".fxml");
            ViewLoader.Loaded<?> loaded = onFx(() -> shell.loader().load(controller));
            assertThat(loaded.controller()).isInstanceOf(controller);
            assertThat(uninjectedFields(loaded.controller())).as("@FXML fields of %s left null", controllerName)
                    .isEmpty();
            parent = loaded.root();
        }
        onFx(() -> {
            Scene scene = new Scene(parent, 1366, 768);
            AppShell.style(parent, AppSettings.DEFAULTS);
            parent.applyCss();
            parent.layout();
            return scene;
        });
    }

    private static List<String> uninjectedFields(Object controller) throws IllegalAccessException {
        List<String> missing = new ArrayList<>();
        for (Class<?> c = controller.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.isAnnotationPresent(FXML.class) && !java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                    f.setAccessible(true);
                    if (f.get(controller) == null) {
                        missing.add(f.getName());
                    }
                }
            }
        }
        return missing;
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        try {
            return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }
}
