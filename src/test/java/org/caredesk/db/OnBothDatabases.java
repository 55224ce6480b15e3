package org.caredesk.db;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs every test of the class once on H2 and once on PostgreSQL, named "[H2]" and "[PostgreSQL]". The class takes
 * the database in a field, {@code @Parameter TestDatabase database;}, and opens its databases with
 * {@code database.open()} or {@code database.context(dir, clock)}. The PostgreSQL databases it opened are dropped
 * after each test, so a test that forgets to close one does not fill the disk.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedClass(name = "[{0}]")
@EnumSource(TestDatabase.class)
@ExtendWith(PostgresTestServer.Cleanup.class)
public @interface OnBothDatabases {
}
