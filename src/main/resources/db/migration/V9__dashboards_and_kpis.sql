-- Dashboards: KPIs are computed from the queue and its events; queue depth over time needs samples, and users
-- keep the dashboards they compose.

-- KPIs over a period read delivery events by type and time (receipt-to-ERP time, touchless rate)
create index order_events_type_at on order_events (type, at);

-- queue depth per status, sampled by the kpi-queue-depth route every orderhub.kpi.sample-interval-ms
create table queue_depth_samples (
    at     timestamp with time zone not null,
    status varchar(16) not null,
    depth  integer     not null,
    primary key (at, status)
);

-- a dashboard a user (or API client) composed: its widgets and filters as JSON
create table dashboards (
    id         uuid primary key,
    owner      varchar(140) not null,
    name       varchar(200) not null,
    definition varchar      not null,
    updated_at timestamp with time zone not null,
    version    integer      not null default 0
);
create index dashboards_owner on dashboards (owner, name);
