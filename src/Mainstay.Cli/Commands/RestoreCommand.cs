using System.CommandLine;
using Mainstay.Data.Audit;
using Mainstay.Data.Storage;
using Mainstay.Problems;

namespace Mainstay.Cli.Commands;

/// <summary>
/// <c>mainstay restore FILE</c>: replaces the SQLite ledger with a backup whose audit trail verifies.
/// </summary>
public static class RestoreCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("FILE")
        {
            Description = "The backup to restore, as 'mainstay backup' wrote it",
        };
        var force = new Option<bool>("--force") { Description = "Replace the ledger if it exists" };
        var command = new Command("restore",
            "Replace the ledger (--db) with a backup, once the backup is "
                + "shown to be a Mainstay ledger whose audit trail "
            + "verifies; in one step, so a server reading the ledger sees the old or the restored one. "
            + "PostgreSQL ledgers: pg_restore (docs/storage.md).");
        command.Arguments.Add(file);
        command.Options.Add(force);
        command.SetAction(async (parsed, cancel) =>
        {
            if (await CommonOptions.SqliteFileAsync(parsed, context,
                "a PostgreSQL ledger is restored with pg_restore from what pg_dump wrote") is not { } ledger)
                return ExitCode.BadInput;
            var target = CommonOptions.Target(parsed, context).Value;
            var backup = parsed.GetValue(file)!;
            if (RefuseToReplace(ledger, backup, parsed.GetValue(force)) is { } refusal)
            {
                await context.Error.WriteLineAsync($"{ledger}: {refusal}; nothing was restored");
                return ExitCode.BadInput;
            }
            if (File.Exists(ledger) && !LooksLikeSqlite(ledger))
            {
                await context.Error.WriteLineAsync(
                    $"{ledger}: not a SQLite database; restore replaces only a ledger; nothing was restored");
                return ExitCode.BadInput;
            }
            var opened = await LedgerDatabase.OpenReadOnlyAsync(DatabaseTarget.Parse(backup).Value, cancel);
            if (!opened.IsOk)
            {
                context.Report([opened.Problem]);
                await context.Error.WriteLineAsync("nothing was restored");
                return LedgerDatabase.IsRunTimeFailure(opened.Problem) ? ExitCode.Failure : ExitCode.BadInput;
            }
            await using var source = opened.Value;
            var verified = await AuditVerification.RunAsync(source, cancel);
            if (Unsound(verified) is { } why)
            {
                await context.Error.WriteLineAsync(
                    $"{backup}: not a sound backup: {VisibleText.Escape(why)}; nothing was restored");
                return ExitCode.BadInput;
            }
            var existed = File.Exists(ledger);
            if (!existed || !ReplacedInPlace(source, target))
            {
                var fresh = NewLedgerFile.At(ledger);
                try
                {
                    LedgerBackup.CopyToNewFile(source, fresh.BuildingPath);
                    if (!existed && !fresh.Publish())
                    {
                        await context.Error.WriteLineAsync(
                            $"{ledger}: another process created the ledger meanwhile; nothing was restored");
                        return ExitCode.Failure;
                    }
                    if (existed)
                    {
                        // A damaged ledger's log must not be replayed into the restored one.
                        File.Delete(ledger + "-wal");
                        File.Delete(ledger + "-shm");
                        fresh.Replace();
                    }
                }
                finally
                {
                    fresh.Discard();
                }
            }
            var (restored, problem) = await VerifyAsync(target, cancel);
            if (problem is not null)
            {
                await context.Error.WriteLineAsync(
                    $"{ledger}: restored from {backup}, but it does not verify: {problem}");
                return ExitCode.Failure;
            }
            await context.Out.WriteLineAsync($"{ledger}: restored from {backup}: {BackupCommand.Summary(restored!)}");
            return ExitCode.Ok;
        });
        return command;
    }

    /// <summary>
    /// Replaces a sound ledger through SQLite's backup API, in one write transaction that its other
    /// connections (a server) see whole; false when the ledger is too damaged for that, so the file
    /// is replaced instead.
    /// </summary>
    private static bool ReplacedInPlace(LedgerDatabase source, DatabaseTarget ledger)
    {
        try
        {
            LedgerBackup.Replace(source, ledger);
            return true;
        }
        catch (
            Microsoft.Data.Sqlite.SqliteException e) when (DatabaseFailures.IsDamaged(e)
                || DatabaseFailures.IsNotADatabase(e))
        {
            return false;
        }
    }

    /// <summary>Why <paramref name="path"/> may not be written with <paramref name="other"/> in it, or null.</summary>
    internal static string? RefuseToReplace(string path, string other, bool force) =>
        Path.GetFullPath(path) == Path.GetFullPath(other) ? "is the ledger itself"
        : Directory.Exists(path) ? "is a folder"
        : File.Exists(path) && !force ? "exists; --force replaces it"
        : null;

    /// <summary>Opens a copy read-only and verifies its audit trail: the verification, or why it fails.</summary>
    internal static async Task<(AuditVerification? Verified, string? Problem)> VerifyAsync(
        DatabaseTarget copy, CancellationToken cancel)
    {
        var opened = await LedgerDatabase.OpenReadOnlyAsync(copy, cancel);
        if (!opened.IsOk)
            return (null, opened.Problem.Message);
        await using var db = opened.Value;
        var verified = await AuditVerification.RunAsync(db, cancel);
        return (verified, Unsound(verified) is { } why ? VisibleText.Escape(why) : null);
    }

    private static string? Unsound(AuditVerification verified) =>
        !verified.Intact ? $"audit trail broken at entry {verified.FirstBadSeq}: {verified.Reason}"
        : !verified.TablesMatch ? $"the tables were changed outside Mainstay: {verified.TableMismatch}"
        : null;

    private static bool LooksLikeSqlite(string path)
    {
        using var stream = File.OpenRead(path);
        var header = new byte[16];
        return stream.Length == 0
            || (
                stream.ReadAtLeast(header, 16, throwOnEndOfStream: false) == 16
                    && header.AsSpan().SequenceEqual("SQLite format 3\0"u8));
    }
}
