package org.caredesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.caredesk.cli.Cli;
import org.caredesk.common.I18n;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 18, finding 12: a data folder nothing can live in is said in one sentence, and no log goes anywhere. */
class LauncherTest {
    @TempDir
    Path dir;

    /** The launcher in a child JVM with the program's own logging set-up; stdout and stderr of its run. */
    private record Run(int exit, String out, List<String> err) {}

    private Run launch(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dlogback.configurationFile=logback.xml", "-Duser.home=" + dir.resolve("home"),
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName()));
        command.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String errText = Files.readString(err, StandardCharsets.UTF_8);
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                errText.isEmpty() ? List.of() : List.of(errText.split("\\R")));
    }

    @Test
    void aDataFolderThatIsAFile_oneSentenceOnStderr_nothingOnStdout_noLogAnywhere() throws Exception {
        Path file = Files.writeString(dir.resolve("caredesk-data"), "not a folder");

        Run r = launch("--data-dir", file.toString(), "--user", "admin", "check");

        assertThat(r.exit()).isEqualTo(Cli.FAILED);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).containsExactly(I18n.get("launcher.error.dataDirIsFile", file.toString()));
        assertThat(dir.resolve("home")).doesNotExist();
    }

    @Test
    void aCommandOnAFolderThatIsNotThere_createsNoFolderAndNoLog() throws Exception {
        Path typo = dir.resolve("typo");

        Run r = launch("--data-dir", typo.toString(), "--user", "admin", "check");

        assertThat(r.exit()).isEqualTo(Cli.FAILED);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).hasSize(1);
        assertThat(typo).doesNotExist();
        assertThat(dir.resolve("home")).doesNotExist();
    }

    @Test
    void unusable_namesAFileAWholeDriveAndAReadOnlyFolder() throws IOException {
        Path file = Files.writeString(dir.resolve("f"), "x");
        Path readOnly = Files.createDirectories(dir.resolve("ro"));

        assertThat(Launcher.unusable(file)).contains(I18n.get("launcher.error.dataDirIsFile", file.toString()));
        assertThat(Launcher.unusable(file.resolve("below"))).isPresent();
        assertThat(Launcher.unusable(dir.getRoot())).contains(I18n.get("launcher.error.dataDirIsRoot",
                dir.getRoot().toString()));
        assertThat(Launcher.unusable(dir.resolve("new").resolve("folder"))).isEmpty();
        assertThat(Launcher.unusable(dir)).isEmpty();
        if (readOnly.toFile().setWritable(false) && !Files.isWritable(readOnly)) {
            assertThat(Launcher.unusable(readOnly)).contains(I18n.get("launcher.error.dataDirNotWritable",
                    readOnly.toString()));
        }
    }
}
