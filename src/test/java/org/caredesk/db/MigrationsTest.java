package org.caredesk.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.caredesk.db.generated.DefaultSchema;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.jooq.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * Every migration applies unchanged on both databases, so a new one written for H2 alone fails here; and every table
 * the generated code knows answers under the names jOOQ renders for that database.
 */
@OnBothDatabases
class MigrationsTest {
    @Parameter
    TestDatabase database;

    @Test
    void everyMigration_appliesFromEmpty() throws IOException {
        List<String> files;
        try (Stream<Path> s = Files.list(Path.of("src/main/resources/db/migration"))) {
            files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted().toList();
        }
        try (Database db = database.openFromFirstMigration()) {
            MigrationInfo[] applied = Flyway.configure().dataSource(db.dataSource())
                    .locations("classpath:db/migration").load().info().applied();

            assertThat(files).hasSizeGreaterThanOrEqualTo(6);
            assertThat(Stream.of(applied).map(MigrationInfo::getScript).sorted().toList()).isEqualTo(files);
            assertThat(applied).allSatisfy(m -> assertThat(m.getState().isFailed()).isFalse());
        }
    }

    @Test
    void everyGeneratedTable_answersUnderItsRenderedName() {
        try (Database db = database.open()) {
            List<Table<?>> tables = DefaultSchema.DEFAULT_SCHEMA.getTables().stream()
                    .filter(t -> !t.getName().equalsIgnoreCase("flyway_schema_history")).toList();

            assertThat(tables).hasSizeGreaterThan(10);
            for (Table<?> table : tables) {
                assertThat(db.dsl().selectCount().from(table).fetchOne(0, Integer.class)).as(table.getName())
                        .isNotNull();
                assertThat(db.dsl().selectFrom(table).limit(1).fetch()).as(table.getName()).isNotNull();
            }
        }
    }
}
