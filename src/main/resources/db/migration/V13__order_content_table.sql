-- The canonical order and its provenance (together about 5 KB of JSON per order) move out of the queue row into a
-- table of their own, written once at intake and again only when a person corrects the order. The queue row is
-- updated at every state change (claim, ERP answer, SLA move); with the JSON in it every update rewrote 5 KB, and on
-- H2 every commit rewrote the few-rows-per-page leaves that held them. Measured with ./run.sh bench (README
-- "Performance").
create table order_content (
    order_id   uuid    primary key references orders (id),
    canonical  varchar not null,
    provenance varchar not null
);
insert into order_content (order_id, canonical, provenance) select id, canonical, provenance from orders;
alter table orders drop column canonical;
alter table orders drop column provenance;

-- orders_view_due (due_at, id) serves every query orders_due served
drop index orders_due;
