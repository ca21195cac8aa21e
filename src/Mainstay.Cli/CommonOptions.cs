using System.CommandLine;
using Mainstay.Data.Storage;

namespace Mainstay.Cli;

/// <summary>Options every command that touches the ledger understands.</summary>
public static class CommonOptions
{
    public static readonly Option<string?> Database = new("--db")
    {
        Description = $"The ledger: a SQLite file path, or PostgreSQL as postgres://user@host:port/db or \"Host=...\". Default: ${DatabaseTarget.EnvironmentVariable}, else {DatabaseTarget.DefaultPath}",
        Recursive = true,
        HelpName = "PATH|URL",
    };

    public static readonly Option<string?> User = new("--user")
    {
        Description = "Who makes the change, for the audit trail. Default: $MAINSTAY_USER, else the login name",
        Recursive = true,
        HelpName = "NAME",
    };

    public static Mainstay.Problems.Result<DatabaseTarget> Target(ParseResult parsed, CliContext context) =>
        DatabaseTarget.Resolve(parsed.GetValue(Database), context.Environment);

    public static string Actor(ParseResult parsed, CliContext context) =>
        parsed.GetValue(User) is { Length: > 0 } user ? user
        : context.Environment("MAINSTAY_USER") is { Length: > 0 } fromEnvironment ? fromEnvironment
        : Environment.UserName;

    /// <summary>Runs <paramref name="action"/> on the ledger named by <c>--db</c>, or prints why it cannot be opened.</summary>
    public static async Task<int> WithLedgerAsync(ParseResult parsed, CliContext context, CancellationToken cancel, Func<LedgerDatabase, Task<int>> action, bool create = false)
    {
        var (db, exit) = await OpenAsync(parsed, context, cancel, create);
        if (db is null)
            return exit;
        await using (db)
            return await action(db);
    }

    /// <summary>
    /// Opens the ledger named by <c>--db</c>. When it cannot, prints why and gives the exit status:
    /// 1 when the database cannot be reached, 2 when it is not (or not yet) a Mainstay database.
    /// </summary>
    public static async Task<(LedgerDatabase? Db, int ExitCode)> OpenAsync(ParseResult parsed, CliContext context, CancellationToken cancel, bool create = false)
    {
        var target = Target(parsed, context);
        if (!target.IsOk)
        {
            context.Report([target.Problem]);
            return (null, ExitCode.BadInput);
        }
        var db = await LedgerDatabase.OpenAsync(target.Value, context.Clock, cancel: cancel, create: create);
        if (!db.IsOk)
        {
            context.Report([db.Problem]);
            return (null, db.Problem.Field == LedgerDatabase.ConnectionField ? ExitCode.Failure : ExitCode.BadInput);
        }
        return (db.Value, ExitCode.Ok);
    }
}
