package io.orderhub.queue;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Work done in the pipeline's commit transaction after the document row is written and before its orders are: it
 * may record what it needs (e.g. the EDI interchanges a document held) and add problems to orders (a repeated
 * interchange), which then go to review. It runs again if a shared commit is retried alone, so it must only write
 * through the given connection.
 */
@FunctionalInterface
public interface CommitCheck {

    CommitCheck NONE = (connection, intake) -> intake;

    /** Returns the intake to write: the one given, or one whose planned orders carry more problems. */
    Intake check(Connection connection, Intake intake) throws SQLException;
}
