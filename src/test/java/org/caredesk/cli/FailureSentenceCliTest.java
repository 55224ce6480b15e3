package org.caredesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.caredesk.app.AppContext;
import org.caredesk.app.Login;
import org.caredesk.common.I18n;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 18, findings 9 and 10 on the command line: out of memory and unwritable places said in a sentence. */
class FailureSentenceCliTest {
    private static final Path PEOPLE = Path.of("sample-data", "people.xlsx").toAbsolutePath();

    @TempDir
    Path dir;
    private Path dataDir;

    @BeforeEach
    void folder() {
        I18n.setLocale(I18n.CHINESE);
        dataDir = dir.resolve("data");
    }

    @Test
    void outOfMemoryInsideACommand_isOneSentence_notAStackTrace() {
        CliRun.setUp(dataDir, "锦华社区");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            // The heap runs out where the command reads its password: any point inside a command would do.
            code = new Cli(dataDir, o, e, CliRun.login(), name -> {
                throw new OutOfMemoryError("Java heap space");
            }, prompt -> null).run("--user", Login.DEMO_ADMIN, "import", "people", "--dry-run", PEOPLE.toString());
        }

        assertThat(code).isEqualTo(Cli.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8).strip())
                .isEqualTo(I18n.get("error.outOfMemory")).startsWith("内存不够，操作没有完成；已保存的数据没有变化。");
    }

    @Test
    void exportWhereAFileStandsForTheFolder_namesTheUnwritablePlace_andKeepsTheData() throws IOException {
        CliRun.setUp(dataDir, "锦华社区");
        CliRun.admin(dataDir, "import", "people", PEOPLE.toString());
        // Tests run as root, whom no permission stops: a file where the folder should be refuses root too.
        Path notAFolder = Files.writeString(dir.resolve("只读"), "a file, not a folder");

        CliRun r = CliRun.admin(dataDir, "export", "people", notAFolder.resolve("名单.xlsx").toString());

        assertThat(r.exit()).isEqualTo(Cli.FAILED);
        assertThat(String.join("\n", r.err())).doesNotContain("意外错误").contains("无法写入");
        try (AppContext ctx = CliRun.open(dataDir)) {
            assertThat(ctx.people().count()).isPositive();
        }
    }
}
