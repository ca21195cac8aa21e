using Mainstay.Data.Storage;

namespace Mainstay.Data.Tests.Storage;

public sealed class MigrationTests
{
    [Theory, MemberData(nameof(TestLedger.Databases), MemberType = typeof(TestLedger))]
    public async Task A_new_ledger_is_created_at_the_latest_schema(string database)
    {
        await using var ledger = await TestLedger.CreateAsync(database);
        await using var db = await ledger.OpenAsync();

        (await db.SchemaVersionAsync()).ShouldBe(Migrations.Latest);
    }

    [Theory, MemberData(nameof(TestLedger.Databases), MemberType = typeof(TestLedger))]
    public async Task A_ledger_created_by_migration_1_upgrades_in_place_keeping_its_rows(string database)
    {
        await using var ledger = await TestLedger.CreateAsync(database);
        await using (var old = await ledger.OpenAsync(upToVersion: 1))
        {
            (await old.SchemaVersionAsync()).ShouldBe(1);
            await old.ExecuteAsync(
                "INSERT INTO nations (code, name, role, currency) VALUES ('DE', 'Germany', 'ally', 'EUR'), ('UA', "
                    + "'Ukraine', 'recipient', 'UAH')", default);
            await old.ExecuteAsync(
                "INSERT INTO offers (id, donor, item, quantity, available, transit_months, recipients) VALUES ('O1', "
                    + "'DE', 'fpv-drone', 500, '2025-01', 1, 'UA')", default);
        }

        var run = await ledger.RunAsync("init");
        run.Exit.ShouldBe(0, run.Error);
        run.Out.ShouldContain($"schema version {Migrations.Latest} of {Migrations.Latest}");

        var export = await ledger.RunAsync("export", "./offers.csv");
        export.Exit.ShouldBe(0, export.Error);
        File.ReadAllText(Path.Combine(ledger.Folder, "offers.csv")).ShouldBe(
            "id,donor,item,quantity,available,transit_months,recipients,conditions,released\n"
                + "O1,DE,fpv-drone,500,2025-01,1,UA,,no\n");
    }

    [Theory, MemberData(nameof(TestLedger.Databases), MemberType = typeof(TestLedger))]
    public async Task Rows_audited_before_a_migration_added_a_column_still_verify_after_it(string database)
    {
        // An offer added (and audited) by version 6, before offers had "released"; version 7 gives it "no".
        await using var ledger = await TestLedger.CreateAsync(database);
        await using (var old = await ledger.OpenAsync(upToVersion: 6))
        {
            await using var transaction = await old.BeginWriteAsync(default);
            await old.ExecuteAsync(
                "INSERT INTO nations (code, name, role, currency) VALUES ('DE', 'Germany', 'ally', 'EUR')", default,
                transaction);
            await old.ExecuteAsync(
                "INSERT INTO offers (id, donor, item, quantity, available, transit_months, recipients, conditions) "
                    + "VALUES ('O1', 'DE', 'fpv-drone', 500, '2025-01', 1, '*', '')", default, transaction);
            var audit = await Mainstay.Data.Audit.AuditTrail.BeginAsync(old, transaction, "test", ledger.Clock,
                default);
            audit.Record("add", "nations", "DE", null,
                Mainstay.Data.Audit.AuditTrail.RowJson(["code", "name", "role", "currency"],
                    ["DE", "Germany", "ally", "EUR"]));
            audit.Record("add", "offers", "O1", null, Mainstay.Data.Audit.AuditTrail.RowJson(
                ["id", "donor", "item", "quantity", "available", "transit_months", "recipients", "conditions"],
                ["O1", "DE", "fpv-drone", "500", "2025-01", "1", "*", ""]));
            await audit.FlushAsync(default);
            await transaction.CommitAsync();
        }
        (await ledger.RunAsync("init")).Exit.ShouldBe(0); // migrates to the latest version

        var verified = await ledger.RunAsync("audit", "verify");
        await using (var db = await ledger.OpenAsync())
            await db.ExecuteAsync("UPDATE offers SET released = 'yes' WHERE id = 'O1'", default);
        var tampered = await ledger.RunAsync("audit", "verify");

        verified.Exit.ShouldBe(0, verified.Error);
        verified.Out.ShouldContain("the tables match it");
        tampered.Exit.ShouldBe(1);
        tampered.Error.ShouldContain("offers O1: the table holds");
    }

    [Theory, MemberData(nameof(TestLedger.Databases), MemberType = typeof(TestLedger))]
    public async Task Contributions_audited_before_corrections_existed_verify_after_migration_9(string database)
    {
        string[] columns = ["id", "donor", "recipient", "value_date", "aid_type", "category", "channel", "amount",
            "currency", "valuation", "source", "funded_by", "reimbursed_by"];
        await using var ledger = await TestLedger.CreateAsync(database);
        await using (var old = await ledger.OpenAsync(upToVersion: 7))
        {
            await using var transaction = await old.BeginWriteAsync(default);
            await old.ExecuteAsync("INSERT INTO contributions (" + string.Join(", ", columns) + ") VALUES "
                + "('C1', 'DE', 'UA', '2025-01-01', 'military', 'equipment', 'nato', 500, 'EUR', 'cash', 's', '', '')",
                default, transaction);
            var audit = await Mainstay.Data.Audit.AuditTrail.BeginAsync(old, transaction, "test", ledger.Clock,
                default);
            audit.Record("add", "contributions", "C1", null, Mainstay.Data.Audit.AuditTrail.RowJson(columns,
                ["C1", "DE", "UA", "2025-01-01", "military", "equipment", "nato", "5.00", "EUR", "cash", "s", "", ""]));
            await audit.FlushAsync(default);
            await transaction.CommitAsync();
        }

        (await ledger.RunAsync("init")).Exit.ShouldBe(0); // migrates to the latest version
        var verified = await ledger.RunAsync("audit", "verify");
        var export = await ledger.RunAsync("export", "./contributions.csv");

        verified.Exit.ShouldBe(0, verified.Error);
        verified.Out.ShouldContain("the tables match it");
        export.Exit.ShouldBe(0, export.Error);
        File.ReadAllText(Path.Combine(ledger.Folder, "contributions.csv"))
            .ShouldEndWith("C1,DE,UA,2025-01-01,military,equipment,nato,5.00,EUR,cash,s,,,no\n");
    }

    [Theory, MemberData(nameof(TestLedger.Databases), MemberType = typeof(TestLedger))]
    public async Task A_ledger_from_a_newer_Mainstay_is_refused_untouched(string database)
    {
        await using var ledger = await TestLedger.CreateAsync(database);
        await using (var db = await ledger.OpenAsync())
            await db.ExecuteAsync(
                "INSERT INTO mainstay_schema (version, name, applied_at) VALUES (99, 'from the "
                    + "future', '2030-01-01T00:00:00Z')", default);

        var run = await ledger.RunAsync("list");

        run.Exit.ShouldBe(2);
        run.Error.ShouldContain(
            $"written by a newer version of Mainstay (schema version 99; this version knows "
                + $"up to {Migrations.Latest})");
        await using var raw = await ledger.OpenRawAsync();
        await using var versions = raw.CreateCommand();
        versions.CommandText = "SELECT COUNT(*) FROM mainstay_schema";
        Convert.ToInt32(await versions.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBe(Migrations.Latest + 1);
    }

    [Theory, MemberData(nameof(TestLedger.Databases), MemberType = typeof(TestLedger))]
    public async Task A_database_of_another_application_is_refused_untouched(string database)
    {
        await using var ledger = await TestLedger.CreateAsync(database);
        await using (var foreign = await ledger.OpenAsync(upToVersion: 0))
            await foreign.ExecuteAsync("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)", default);

        ledger.WriteFile("nations.csv", Samples.Nations);
        var run = await ledger.RunAsync("import", "./nations.csv");

        run.Exit.ShouldBe(2);
        run.Error.ShouldContain("not a Mainstay database: it holds other tables (customers) and no mainstay_schema");
        await using var raw = await ledger.OpenRawAsync();
        await using var tables = raw.CreateCommand();
        tables.CommandText = "SELECT COUNT(*) FROM customers";
        (await tables.ExecuteScalarAsync()).ShouldNotBeNull();
        tables.CommandText = ledger.Kind == "sqlite"
            ? "SELECT COUNT(*) FROM sqlite_master WHERE name = 'mainstay_schema'"
            : "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'mainstay_schema'";
        Convert.ToInt32(await tables.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBe(0);
    }

    [Fact]
    public async Task A_file_that_is_not_SQLite_is_refused_and_left_as_it_was()
    {
        await using var ledger = await TestLedger.CreateAsync("sqlite");
        var content = "this is a spreadsheet, not a database\n" + new string('x', 5000);
        File.WriteAllText(ledger.DbArgument, content);

        var run = await ledger.RunAsync("list");

        run.Exit.ShouldBe(2);
        run.Error.ShouldContain("not a Mainstay database: the file is not a SQLite database");
        File.ReadAllText(ledger.DbArgument).ShouldBe(content);
    }

    [Fact]
    public async Task An_unreachable_PostgreSQL_server_is_a_runtime_failure()
    {
        await using var ledger = await TestLedger.CreateAsync("sqlite");

        var run = await ledger.RunAsync("list", "--db", "Host=127.0.0.1;Port=1;Username=nobody;Timeout=2");

        run.Exit.ShouldBe(1);
        run.Error.ShouldContain("cannot open the database");
    }
}
