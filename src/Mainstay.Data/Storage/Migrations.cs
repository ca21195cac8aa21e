namespace Mainstay.Data.Storage;

/// <summary>
/// A forward-only schema change. <see cref="Sql"/> is portable between SQLite and PostgreSQL unless
/// <see cref="PostgresSql"/> gives PostgreSQL its own.
/// </summary>
public sealed record Migration(int Version, string Name, string Sql, string? PostgresSql = null)
{
    public string SqlFor(Dialect dialect) => dialect == Dialect.Postgres && PostgresSql is not null ? PostgresSql : Sql;
}

/// <summary>
/// The schema's history, oldest first. Never edit a migration that has shipped: add a new one.
/// Amounts are stored in minor units (BIGINT); months, dates and instants as ISO 8601 text, which
/// sorts correctly and reads the same on both databases.
/// </summary>
public static class Migrations
{
    public static readonly IReadOnlyList<Migration> All =
    [
        new(1, "ledger", """
            CREATE TABLE mainstay_schema (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);
            CREATE TABLE nations (code TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL, currency TEXT NOT NULL);
            CREATE TABLE gdp (nation TEXT NOT NULL, year BIGINT NOT NULL, amount BIGINT NOT NULL, currency TEXT NOT NULL,
                source TEXT NOT NULL, PRIMARY KEY (nation, year));
            CREATE TABLE items (item TEXT PRIMARY KEY, capability TEXT NOT NULL, unit_value_eur BIGINT NOT NULL, name TEXT NOT NULL);
            CREATE TABLE requirements (id TEXT PRIMARY KEY, recipient TEXT NOT NULL, item TEXT NOT NULL, quantity BIGINT NOT NULL,
                priority BIGINT NOT NULL, need_by TEXT NOT NULL, useful_months BIGINT NOT NULL);
            CREATE TABLE offers (id TEXT PRIMARY KEY, donor TEXT NOT NULL, item TEXT NOT NULL, quantity BIGINT NOT NULL,
                available TEXT NOT NULL, transit_months BIGINT NOT NULL, recipients TEXT NOT NULL);
            CREATE TABLE pledges (id TEXT NOT NULL, year BIGINT NOT NULL, donor TEXT NOT NULL, recipient TEXT NOT NULL,
                kind TEXT NOT NULL, amount BIGINT NOT NULL, currency TEXT NOT NULL, status TEXT NOT NULL,
                announced_on TEXT NOT NULL, committed_on TEXT NOT NULL, disbursed_on TEXT NOT NULL, source TEXT NOT NULL,
                PRIMARY KEY (id, year));
            CREATE TABLE exchange_rates (currency TEXT NOT NULL, date TEXT NOT NULL, units_per_euro TEXT NOT NULL,
                PRIMARY KEY (currency, date));
            CREATE TABLE audit_log (seq BIGINT PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
                entity TEXT NOT NULL, entity_key TEXT NOT NULL, before TEXT, after TEXT, prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
            CREATE INDEX requirements_item ON requirements (item);
            CREATE INDEX offers_item ON offers (item);
            """),
        new(2, "offer conditions and capability coalitions", """
            ALTER TABLE offers ADD COLUMN conditions TEXT NOT NULL DEFAULT '';
            CREATE TABLE coalitions (id TEXT PRIMARY KEY, name TEXT NOT NULL, capability TEXT NOT NULL,
                leads TEXT NOT NULL, members TEXT NOT NULL);
            """),
        new(3, "append-only audit trail", """
            CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
            CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
            """, PostgresSql: """
            CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$;
            CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
            FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
            """),
        new(4, "stored plans", """
            CREATE TABLE plans (id BIGINT PRIMARY KEY, created_at TEXT NOT NULL, actor TEXT NOT NULL, audit_seq BIGINT NOT NULL,
                input_hash TEXT NOT NULL, objective TEXT NOT NULL, allocated_units BIGINT NOT NULL, requirements BIGINT NOT NULL,
                offers BIGINT NOT NULL, items_solved BIGINT NOT NULL);
            CREATE TABLE plan_items (plan_id BIGINT NOT NULL, item TEXT NOT NULL, solved_in BIGINT NOT NULL, input_hash TEXT NOT NULL,
                objective TEXT NOT NULL, allocated_units BIGINT NOT NULL, PRIMARY KEY (plan_id, item));
            CREATE TABLE plan_allocations (plan_id BIGINT NOT NULL, item TEXT NOT NULL, requirement_id TEXT NOT NULL,
                offer_id TEXT NOT NULL, quantity BIGINT NOT NULL, PRIMARY KEY (plan_id, item, requirement_id, offer_id));
            """),
        new(5, "burden sharing: contributions, deliveries, baselines, annual rates", """
            CREATE TABLE contributions (id TEXT PRIMARY KEY, donor TEXT NOT NULL, recipient TEXT NOT NULL, value_date TEXT NOT NULL,
                aid_type TEXT NOT NULL, category TEXT NOT NULL, channel TEXT NOT NULL, amount BIGINT NOT NULL, currency TEXT NOT NULL,
                valuation TEXT NOT NULL, source TEXT NOT NULL, funded_by TEXT NOT NULL, reimbursed_by TEXT NOT NULL);
            CREATE TABLE deliveries (id TEXT PRIMARY KEY, offer TEXT NOT NULL, recipient TEXT NOT NULL, quantity BIGINT NOT NULL,
                delivered_on TEXT NOT NULL, source TEXT NOT NULL);
            CREATE TABLE baselines (year BIGINT PRIMARY KEY, amount_eur BIGINT NOT NULL, source TEXT NOT NULL);
            CREATE TABLE annual_rates (currency TEXT NOT NULL, year BIGINT NOT NULL, units_per_usd TEXT NOT NULL, source TEXT NOT NULL,
                PRIMARY KEY (currency, year));
            """),
        new(6, "users and personal API tokens", """
            CREATE TABLE users (name TEXT PRIMARY KEY, role TEXT NOT NULL, nation TEXT NOT NULL, password_hash TEXT NOT NULL,
                disabled BIGINT NOT NULL, created_at TEXT NOT NULL);
            CREATE TABLE api_tokens (id TEXT PRIMARY KEY, user_name TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE,
                created_at TEXT NOT NULL, expires_at TEXT NOT NULL, revoked_at TEXT NOT NULL);
            """),
        new(7, "offers released to other nations", """
            ALTER TABLE offers ADD COLUMN released TEXT NOT NULL DEFAULT 'no';
            """),
        new(8, "sign-in sessions", """
            CREATE TABLE sessions (id TEXT PRIMARY KEY, user_name TEXT NOT NULL, created_at TEXT NOT NULL,
                expires_at TEXT NOT NULL, ended_at TEXT NOT NULL);
            """),
        new(9, "contributions that correct earlier ones", """
            ALTER TABLE contributions ADD COLUMN correction TEXT NOT NULL DEFAULT 'no';
            """),
        new(10, "indexes for one-row edits: the rows naming an offer or a contribution", """
            CREATE INDEX deliveries_offer ON deliveries (offer);
            CREATE INDEX contributions_funded_by ON contributions (funded_by);
            CREATE INDEX contributions_reimbursed_by ON contributions (reimbursed_by);
            """),
        new(11, "funds and procurement options", """
            CREATE TABLE funds (id TEXT PRIMARY KEY, donor TEXT NOT NULL, amount_eur BIGINT NOT NULL, available TEXT NOT NULL,
                items TEXT NOT NULL, recipients TEXT NOT NULL, pledge TEXT NOT NULL, released TEXT NOT NULL);
            CREATE TABLE procurement (id TEXT PRIMARY KEY, supplier TEXT NOT NULL, item TEXT NOT NULL,
                unit_price_eur BIGINT NOT NULL, first_order TEXT NOT NULL, last_order TEXT NOT NULL,
                lead_months BIGINT NOT NULL, monthly_capacity BIGINT NOT NULL);
            CREATE INDEX funds_donor ON funds (donor);
            CREATE INDEX funds_pledge ON funds (pledge);
            CREATE INDEX procurement_item ON procurement (item);
            """),
    ];

    public static int Latest => All[^1].Version;
}
