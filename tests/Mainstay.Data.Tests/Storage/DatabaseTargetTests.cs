using Mainstay.Data.Storage;

namespace Mainstay.Data.Tests.Storage;

public sealed class DatabaseTargetTests
{
    [Fact]
    public void A_plain_path_is_a_SQLite_file()
    {
        var target = DatabaseTarget.Parse("/data/ledger.db").Value;

        target.Dialect.ShouldBe(Dialect.Sqlite);
        target.ConnectionString.ShouldContain("Data Source=/data/ledger.db");
    }

    [Fact]
    public void A_postgres_url_becomes_a_connection_string()
    {
        var target = DatabaseTarget.Parse("postgres://desk:s%40cret@db.example:6543/mainstay").Value;

        target.Dialect.ShouldBe(Dialect.Postgres);
        target.ConnectionString.ShouldContain("Host=db.example");
        target.ConnectionString.ShouldContain("Port=6543");
        target.ConnectionString.ShouldContain("Database=mainstay");
        target.ConnectionString.ShouldContain("Username=desk");
        target.ConnectionString.ShouldContain("Password=s@cret");
    }

    [Fact]
    public void Without_an_option_the_environment_then_the_default_decide()
    {
        DatabaseTarget.Resolve(null, _ => "from-env.db").Value.Display.ShouldBe("from-env.db");
        DatabaseTarget.Resolve(null, _ => null).Value.Display.ShouldBe(DatabaseTarget.DefaultPath);
        DatabaseTarget.Resolve("given.db", _ => "from-env.db").Value.Display.ShouldBe("given.db");
    }

    [Fact]
    public void A_malformed_postgres_url_is_a_clear_problem()
    {
        var result = DatabaseTarget.Parse("postgres://");

        result.IsOk.ShouldBeFalse();
        result.Problem!.ToString().ShouldContain("not a valid postgres:// address");
    }

    [Fact]
    public void Postgres_url_options_are_kept_and_unknown_ones_refused()
    {
        DatabaseTarget.Parse(
            "postgres://desk@db.example/mainstay?sslmode=require&application_name=desk").Value.ConnectionString
            .ShouldContain("SSL Mode=Require");
        DatabaseTarget.Parse("postgres://desk@db.example/mainstay?colour=blue").Problem!.ToString()
            .ShouldStartWith("--db: colour: not a PostgreSQL connection option");
    }

    [Fact]
    public void A_path_with_a_semicolon_is_still_one_file()
    {
        var target = DatabaseTarget.Parse("ledgers/a;b.db").Value;

        new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(target.ConnectionString).DataSource.ShouldBe(
            "ledgers/a;b.db");
    }
}
