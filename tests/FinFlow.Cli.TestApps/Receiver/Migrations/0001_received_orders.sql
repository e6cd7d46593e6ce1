CREATE TABLE received_orders (
    order_id    text        PRIMARY KEY,
    received_at timestamptz NOT NULL DEFAULT now()
);
