using System.CommandLine;
using Mainstay.Data.Audit;
using Mainstay.Data.Storage;

namespace Mainstay.Cli.Commands;

/// <summary>
/// <c>mainstay backup FILE</c>: a consistent, verified copy of a SQLite ledger, taken while others write.
/// </summary>
public static class BackupCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("FILE")
        {
            Description = "The backup to write, a SQLite file (it must not exist, unless --force)",
        };
        var force = new Option<bool>("--force") { Description = "Replace FILE if it exists" };
        var command = new Command("backup",
            "Copy the ledger into FILE, consistent while others go on writing: every committed write, the audit trail, "
            + "users and plans; then verify the copy's audit trail. PostgreSQL ledgers: pg_dump (docs/storage.md).");
        command.Arguments.Add(file);
        command.Options.Add(force);
        command.SetAction(async (parsed, cancel) =>
        {
            if (await CommonOptions.SqliteFileAsync(parsed, context,
                "a PostgreSQL ledger is backed up with pg_dump and restored with pg_restore") is not { } ledger)
                return ExitCode.BadInput;
            var path = parsed.GetValue(file)!;
            var inUse = new FileInfo(path + "-wal") is { Exists: true, Length: > 0 };
            if ((RestoreCommand.RefuseToReplace(path, ledger, parsed.GetValue(force))
                ?? (inUse ? "is a ledger in use (its write-ahead log is beside it)" : null)) is { } refusal)
            {
                await context.Error.WriteLineAsync($"{path}: {refusal}; nothing was written");
                return ExitCode.BadInput;
            }
            return await CommonOptions.WithLedgerAsync(parsed, context, cancel, async db =>
            {
                var copy = NewLedgerFile.At(path);
                try
                {
                    LedgerBackup.CopyToNewFile(db, copy.BuildingPath);
                    var (verified, problem) = await RestoreCommand.VerifyAsync(copy.Target, cancel);
                    if (parsed.GetValue(force))
                        copy.Replace();
                    else if (!copy.Publish())
                    {
                        await context.Error.WriteLineAsync(
                            $"{path}: another process created this file meanwhile; nothing was written");
                        return ExitCode.Failure;
                    }
                    if (problem is not null)
                    {
                        await context.Error.WriteLineAsync(
                            $"{path}: the copy of {ledger} was written, but it does not verify: {problem}");
                        return ExitCode.Failure;
                    }
                    await context.Out.WriteLineAsync($"{path}: backup of {ledger}: {Summary(verified!)}");
                    return ExitCode.Ok;
                }
                finally
                {
                    copy.Discard();
                }
            }, readOnly: true);
        });
        return command;
    }

    internal static string Summary(AuditVerification verified) =>
        $"audit trail intact ({verified.EntriesChecked} entries) and the tables match it";
}
