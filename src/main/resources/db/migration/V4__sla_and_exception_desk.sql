-- SLA states and alerts (README "SLA clocks and priorities"), and the exception desk's final status REJECTED.
-- Runs unchanged on PostgreSQL and on H2 (MODE=PostgreSQL).

-- ON_TRACK, AT_RISK, BREACHED while the order is open; MET or MISSED once delivered; CLOSED when it ended without
-- delivery (duplicate, rejected, cancelled)
alter table orders add column sla_state varchar(16) not null default 'ON_TRACK';
-- from when the order is at risk (business time before due_at, by its agreement)
alter table orders add column sla_at_risk_at timestamp with time zone;
-- the one alert per order: claimed by the guarded update that makes the order AT_RISK or BREACHED, sent after
alter table orders add column sla_alert_claimed_at timestamp with time zone;
alter table orders add column sla_alerted_at timestamp with time zone;

update orders set sla_at_risk_at = due_at;
update orders set sla_state = 'CLOSED' where status in ('DUPLICATE', 'CANCELLED');

-- the SLA watch reads open orders by state and at-risk time; the queue view filters and sorts by state and due time
create index orders_sla on orders (sla_state, sla_at_risk_at);
create index orders_due on orders (due_at);
create index orders_sla_alert on orders (sla_alert_claimed_at);
