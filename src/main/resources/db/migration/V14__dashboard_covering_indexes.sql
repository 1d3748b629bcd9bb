-- Dashboards with 100,000 orders (issue 5: under 200 ms at p95, H2 and PostgreSQL). H2 reads a row only when a
-- query needs a column its index does not hold, so each index below carries the columns the KPI queries read and
-- spares one row lookup per order or event (README "Dashboards").

-- touchless, receipt-to-erp, sla-compliance: the period's delivery events, with the order each belongs to
drop index order_events_type_at;
create index order_events_type_at_order on order_events (type, at, order_id);

-- ... and the order fields they read, found by id (the primary key would find the row, then read it); all of them
-- are written when the order is inserted, touched_at once at the first exception-desk action
create index orders_kpi on orders (id, channel, received_at, due_at, touched_at);

-- received (by channel or customer, or for one of them): the queue view's newest-first index, with the two columns
-- that never change after intake added behind its sort key; keyset paging reads it as before
drop index orders_view_received;
create index orders_view_received on orders (received_at, id, channel, customer_id);
