using Microsoft.Data.Sqlite;
using Npgsql;

namespace Mainstay.Data.Storage;

/// <summary>
/// What a database's exception means to the person who ran the command: locked by another writer,
/// disk full, connection lost, file damaged. The drivers' own words ("Exception while reading from
/// stream", "database disk image is malformed") say how the failure surfaced, not what happened.
/// </summary>
public static class DatabaseFailures
{
    /// <summary>What happened, in words a user can act on, with the driver's message in brackets.</summary>
    public static string Describe(Exception e) => e switch
    {
        SqliteException s => Sqlite(s) + $" (SQLite: {s.Message.Split(" For more information", 2)[0].TrimEnd('.')})",
        PostgresException p => Postgres(p) + $" (PostgreSQL {p.SqlState}: {p.MessageText})",
        NpgsqlException n => Lost(n) + $" ({Innermost(n)})",
        _ => e.Message,
    };

    /// <summary>True when the SQLite file is damaged (truncated, overwritten) rather than unreadable or busy.</summary>
    public static bool IsDamaged(Exception e) => e is SqliteException { SqliteErrorCode: 11 };

    /// <summary>True when the file is not a SQLite database at all.</summary>
    public static bool IsNotADatabase(Exception e) => e is SqliteException { SqliteErrorCode: 26 };

    // Primary result codes, https://sqlite.org/rescode.html
    private static string Sqlite(SqliteException e) => e.SqliteErrorCode switch
    {
        5 or 6 => "the ledger is locked by another writer, and it stayed locked for longer than this command waits",
        8 => "the ledger cannot be written here: the file or its folder is read-only",
        10 => "the disk failed to read or write the ledger file",
        11 => "the ledger file is damaged (truncated or overwritten); restore it from a backup ('mainstay restore')",
        13 => "the disk is full",
        14 => "the ledger file cannot be opened: its folder is missing or not accessible",
        26 => "the file is not a SQLite database",
        _ => "the database failed",
    };

    // SQLSTATE codes, https://www.postgresql.org/docs/current/errcodes-appendix.html
    private static string Postgres(PostgresException e) => e.SqlState switch
    {
        "55P03" => "the ledger is locked by another writer, and it stayed locked for longer than lock_timeout",
        "40P01" => "two writers waited for each other (deadlock); the server cancelled this one",
        "57014" => "the statement took longer than statement_timeout and was cancelled",
        "53100" => "the database server's disk is full",
        "53200" => "the database server ran out of memory",
        "53300" => "the database server accepts no more connections",
        "25006" => "the database is read-only (a standby, or a read-only transaction)",
        "28P01" or "28000" => "the database server refused the user name or password",
        "3D000" => "the database does not exist on that server",
        "42501" => "the database user lacks the privilege for this",
        "57P01" =>
            "the database server ended the connection (it is shutting down, or an administrator ended the session)",
        _ when e.SqlState.StartsWith("57P", StringComparison.Ordinal) =>
            "the database server is shutting down or restarting",
        _ when e.SqlState.StartsWith("08", StringComparison.Ordinal) => "the connection to the database server failed",
        _ when e.SqlState.StartsWith("58", StringComparison.Ordinal) =>
            "the database server failed to read or write its files (is its disk full?)",
        _ => "the database failed",
    };

    private static string Lost(NpgsqlException e) => e.InnerException switch
    {
        TimeoutException =>
            "the database did not answer in time (Command Timeout): another writer "
                + "may hold the ledger's lock, or the server is overloaded",
        System.Net.Sockets.SocketException => "the database server cannot be reached",
        IOException =>
            "the connection to the database server was lost: it stopped or crashed (a full disk makes it stop)",
        _ => "the database failed",
    };

    private static string Innermost(Exception e)
    {
        var message = e.Message;
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
            message += ": " + inner.Message;
        return message.Replace(Environment.NewLine, " ", StringComparison.Ordinal).TrimEnd('.');
    }
}
