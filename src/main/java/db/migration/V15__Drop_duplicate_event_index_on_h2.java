package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On H2 only: drops the index order_events_order (order_id, id), which H2 already has under another name.
 *
 * <p>H2 gives every foreign key an index of exactly its columns when the table has none at the moment the key is
 * declared; V1 declares order_events.order_id's key in the table, before order_events_order, so H2 made its own
 * index on (order_id) too. H2 files a secondary index entry under the row's key, which for order_events is the
 * bigint id, so that index is already (order_id, id): the same entries in the same order, written twice. Every
 * event written (five per delivered order) updated both B-trees; now one. H2 (2.3.232, tried) does not let a foreign key use
 * the wider index instead (re-declaring the key with it still creates a new one), hence this direction.
 *
 * <p>Not on PostgreSQL: it creates no index for a foreign key, so order_events_order is its only one there.
 */
public class V15__Drop_duplicate_event_index_on_h2 extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        H2Only.execute(context, "drop index order_events_order");
    }
}
