using System.CommandLine;
using Mainstay.Data.Storage;

namespace Mainstay.Cli;

/// <summary>Options every command that touches the ledger understands.</summary>
public static class CommonOptions
{
    public static readonly Option<string?> Database = new("--db")
    {
        Description = "The ledger: a SQLite file path, or PostgreSQL as postgres://user@host:port/db or "
            + $"\"Host=...\". Default: ${DatabaseTarget.EnvironmentVariable}, else {DatabaseTarget.DefaultPath}",
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

    /// <summary>
    /// The one running the command, as the use cases see them: the ledger's operator (<see cref="Actor"/>).
    /// </summary>
    public static Mainstay.Access.User Operator(ParseResult parsed, CliContext context) =>
        Mainstay.Access.User.Operator(Actor(parsed, context), context.Clock.GetUtcNow());

    public static string Actor(ParseResult parsed, CliContext context) =>
        parsed.GetValue(User) is { Length: > 0 } user ? user
        : context.Environment("MAINSTAY_USER") is { Length: > 0 } fromEnvironment ? fromEnvironment
        : Environment.UserName;

    /// <summary>
    /// Runs <paramref name="action"/> on the ledger named by <c>--db</c>, or prints why it cannot be opened.
    /// </summary>
    /// <param name="readOnly">For commands that only read: the ledger is never created, upgraded or written.</param>
    public static async Task<int> WithLedgerAsync(
        ParseResult parsed, CliContext context, CancellationToken cancel, Func<LedgerDatabase, Task<int>> action,
        bool create = false, bool readOnly = false)
    {
        var (db, exit) = await OpenAsync(parsed, context, cancel, create, readOnly);
        if (db is null)
            return exit;
        await using (db)
            return await action(db);
    }

    /// <summary>
    /// Opens the ledger named by <c>--db</c>. When it cannot, prints why and gives the exit status:
    /// 1 when the database cannot be reached or is damaged, 2 when it is not (or not yet) a Mainstay database.
    /// </summary>
    public static async Task<(LedgerDatabase? Db, int ExitCode)> OpenAsync(
        ParseResult parsed, CliContext context, CancellationToken cancel, bool create = false, bool readOnly = false)
    {
        var target = Target(parsed, context);
        if (!target.IsOk)
        {
            context.Report([target.Problem]);
            return (null, ExitCode.BadInput);
        }
        return await OpenAsync(target.Value, context, cancel, create, readOnly);
    }

    /// <summary>
    /// Opens <paramref name="target"/>, as
    /// <see cref="OpenAsync(ParseResult, CliContext, CancellationToken, bool, bool)"/> does.
    /// </summary>
    public static async Task<(LedgerDatabase? Db, int ExitCode)> OpenAsync(
        DatabaseTarget target, CliContext context, CancellationToken cancel, bool create = false, bool readOnly = false)
    {
        var db = readOnly
            ? await LedgerDatabase.OpenReadOnlyAsync(target, cancel)
            : await LedgerDatabase.OpenAsync(target, context.Clock, cancel: cancel, create: create);
        if (!db.IsOk)
        {
            context.Report([db.Problem]);
            return (null, LedgerDatabase.IsRunTimeFailure(db.Problem) ? ExitCode.Failure : ExitCode.BadInput);
        }
        return (db.Value, ExitCode.Ok);
    }

    /// <summary>
    /// Runs a write on the ledger at <paramref name="target"/>, creating it if there is none. A new
    /// SQLite ledger is built beside its place and appears there only when <paramref name="keep"/>
    /// accepts the result; if another process created the file meanwhile, the write runs again on
    /// theirs. So nothing ever deletes a ledger file, which another process may have just written.
    /// </summary>
    public static async Task<(T? Result, int ExitCode)> WithNewOrExistingLedgerAsync<T>(
        DatabaseTarget target, CliContext context, CancellationToken cancel, Func<LedgerDatabase, Task<T>> write,
        Func<T, bool> keep)
        where T : class
    {
        while (true)
        {
            var fresh = NewLedgerFile.For(target);
            try
            {
                var (db, exit) = await OpenAsync(fresh?.Target ?? target, context, cancel, create: true);
                if (db is null)
                    return (null, exit);
                T result;
                await using (db)
                    result = await write(db);
                if (fresh is null || !keep(result) || fresh.Publish())
                    return (result, ExitCode.Ok);
            }
            finally
            {
                fresh?.Discard();
            }
        }
    }

    /// <summary>
    /// The SQLite file <c>--db</c> names, for commands that work on the file itself (backup, restore);
    /// null, with why printed, for a bad target or a PostgreSQL one (<paramref name="postgres"/> says what to use
    /// there).
    /// </summary>
    public static async Task<string?> SqliteFileAsync(ParseResult parsed, CliContext context, string postgres)
    {
        var target = Target(parsed, context);
        if (!target.IsOk)
        {
            context.Report([target.Problem]);
            return null;
        }
        if (target.Value.SqlitePath is { } path)
            return path;
        await context.Error.WriteLineAsync($"{target.Value.Display}: {postgres}, as docs/storage.md shows");
        return null;
    }
}
