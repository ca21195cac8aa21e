using Mainstay.Data.Tests;

namespace Mainstay.Cli.Tests;

public sealed class CommandLineTests
{
    [Theory]
    [InlineData("init")]
    [InlineData("import")]
    [InlineData("export")]
    [InlineData("list")]
    [InlineData("audit", "verify")]
    [InlineData("backup")]
    [InlineData("restore")]
    [InlineData("demo")]
    public async Task Every_command_explains_itself_with_help(params string[] command)
    {
        await using var ledger = await TestLedger.CreateAsync("sqlite");

        var run = await ledger.RunAsync([.. command, "--help"]);

        run.Exit.ShouldBe(0);
        run.Out.ShouldContain("Usage:");
        run.Out.ShouldContain("mainstay " + string.Join(' ', command));
        if (command[0] != "demo")
            run.Out.ShouldContain("--db");
    }

    [Fact]
    public async Task An_unknown_option_is_a_usage_error_with_status_2()
    {
        await using var ledger = await TestLedger.CreateAsync("sqlite");

        var run = await ledger.RunAsync("init", "--colour");

        run.Exit.ShouldBe(2);
        run.Error.ShouldContain("mainstay: Unrecognized command or argument '--colour'");
    }

    [Fact]
    public async Task Import_without_files_is_a_usage_error()
    {
        await using var ledger = await TestLedger.CreateAsync("sqlite");

        var run = await ledger.RunAsync("import");

        run.Exit.ShouldBe(2);
        run.Error.ShouldContain("Required argument missing for command: 'import'");
    }

    [Fact]
    public async Task A_missing_file_is_bad_input()
    {
        await using var ledger = await TestLedger.CreateAsync("sqlite");

        var run = await ledger.RunAsync("import", "./offers.csv");

        run.Exit.ShouldBe(2);
        run.Error.ShouldContain("offers.csv: cannot read the file: Could not find file");
    }

    [Theory, MemberData(nameof(TestLedger.Databases), MemberType = typeof(TestLedger))]
    public async Task List_counts_every_table_and_shows_rows_of_one(string database)
    {
        await using var ledger = await TestLedger.CreateAsync(database);
        ledger.WriteFile("nations.csv", Samples.Nations);
        (await ledger.RunAsync("import", "./nations.csv")).Exit.ShouldBe(0);

        var counts = await ledger.RunAsync("list");
        var nations = await ledger.RunAsync("list", "nations", "--limit", "2");

        counts.Exit.ShouldBe(0, counts.Error);
        counts.Out.ShouldMatch(@"(?s).*nations\s+│\s+6 │.*offers\s+│\s+0 │.*");
        nations.Exit.ShouldBe(0, nations.Error);
        nations.Out.ShouldContain("Germany");
        nations.Out.ShouldNotContain("Poland");
        nations.Out.ShouldContain("2 of 6 nations rows");
    }

    [Fact]
    public async Task The_database_comes_from_MAINSTAY_DB_when_no_option_is_given()
    {
        await using var ledger = await TestLedger.CreateAsync("sqlite");

        var run = await ledger.RunAsync("init");

        run.Exit.ShouldBe(0, run.Error);
        run.Out.ShouldStartWith(
            $"{ledger.DbArgument}: Mainstay ledger, schema version {Mainstay.Data.Storage.Migrations.Latest} "
                + $"of {Mainstay.Data.Storage.Migrations.Latest}");
        File.Exists(ledger.DbArgument).ShouldBeTrue();
    }
}
