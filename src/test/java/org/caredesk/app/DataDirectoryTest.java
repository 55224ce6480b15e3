package org.caredesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataDirectoryTest {
    private static final String HOME = Path.of("/home/wang").toAbsolutePath().toString();

    @Test
    void option_winsOverEverything() {
        Path p = DataDirectory.resolve("some/../data", Map.of(DataDirectory.ENV, "/env/dir"), "Linux", HOME);

        assertThat(p).isEqualTo(Path.of("data").toAbsolutePath());
    }

    @Test
    void environmentVariable_winsOverTheOsDefault() {
        Path p = DataDirectory.resolve(null, Map.of(DataDirectory.ENV, "/srv/caredesk"), "Windows 11", HOME);

        assertThat(p).isEqualTo(Path.of("/srv/caredesk").toAbsolutePath());
    }

    @Test
    void blankOptionAndVariable_areIgnored() {
        Path p = DataDirectory.resolve("  ", Map.of(DataDirectory.ENV, " "), "Linux", HOME);

        assertThat(p).isEqualTo(Path.of(HOME, ".local", "share", "caredesk"));
    }

    @Test
    void windows_usesAppData() {
        assertThat(DataDirectory.resolve(null, Map.of("APPDATA", "C:/Users/wang/AppData/Roaming"), "Windows 10",
                HOME)).isEqualTo(Path.of("C:/Users/wang/AppData/Roaming", "CareDesk"));
        assertThat(DataDirectory.resolve(null, Map.of(), "Windows 10", HOME))
                .isEqualTo(Path.of(HOME, "AppData", "Roaming", "CareDesk"));
    }

    @Test
    void linux_usesXdgDataHome_elseLocalShare() {
        assertThat(DataDirectory.resolve(null, Map.of("XDG_DATA_HOME", "/data/xdg"), "Linux", HOME))
                .isEqualTo(Path.of("/data/xdg", "caredesk"));
        assertThat(DataDirectory.resolve(null, Map.of(), "Linux", HOME))
                .isEqualTo(Path.of(HOME, ".local", "share", "caredesk"));
    }

    @Test
    void mac_usesApplicationSupport() {
        assertThat(DataDirectory.resolve(null, Map.of(), "Mac OS X", HOME))
                .isEqualTo(Path.of(HOME, "Library", "Application Support", "CareDesk"));
    }
}
