using Microsoft.Data.Sqlite;

namespace Mainstay.Data.Storage;

/// <summary>
/// Copies of a SQLite ledger made with SQLite's online backup: the copy is one read snapshot of the
/// source, so it holds every write committed before it began (those still in the write-ahead log
/// too, which copying the file misses) while others go on writing. Restoring into a ledger replaces
/// it in one write transaction, so a server reading it sees the old ledger or the restored one.
/// PostgreSQL ledgers are backed up with pg_dump (docs/storage.md).
/// </summary>
public static class LedgerBackup
{
    /// <summary>
    /// Copies <paramref name="source"/> into a new file at <paramref name="path"/>, which must not exist.
    /// </summary>
    public static void CopyToNewFile(LedgerDatabase source, string path) =>
        CopyInto(source, new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ConnectionString);

    /// <summary>
    /// Replaces the SQLite database at <paramref name="destination"/> with <paramref name="source"/>, in one
    /// transaction.
    /// </summary>
    public static void Replace(LedgerDatabase source, DatabaseTarget destination) =>
        CopyInto(
            source,
            new SqliteConnectionStringBuilder(destination.ConnectionString)
            {
                Mode = SqliteOpenMode.ReadWrite,
            }.ConnectionString);

    private static void CopyInto(LedgerDatabase source, string destination)
    {
        if (source.Connection is not SqliteConnection sqlite)
            throw new InvalidOperationException("only a SQLite ledger is copied by its backup API");
        using var target = new SqliteConnection(destination);
        target.Open();
        sqlite.BackupDatabase(target);
    }
}
