namespace Mainstay.Data.Storage;

/// <summary>
/// A SQLite ledger that does not exist yet, built under another name beside its place and moved
/// there only when complete, and only if no file has appeared there meanwhile. A write that fails
/// then never has to delete the ledger file: the file at that path may be another process's, just
/// created and written.
/// </summary>
public sealed class NewLedgerFile
{
    private readonly string _building;

    private NewLedgerFile(DatabaseTarget target, string path)
    {
        Path = path;
        _building = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!,
            $".{System.IO.Path.GetFileName(path)}.new-{Guid.NewGuid().ToString("N")[..12]}");
        Target = target.AtSqliteFile(_building);
    }

    /// <summary>The ledger's place.</summary>
    public string Path { get; }

    /// <summary>The ledger being built, named in messages as the ledger at <see cref="Path"/>.</summary>
    public DatabaseTarget Target { get; }

    /// <summary>
    /// A new SQLite file to be built for <paramref name="path"/>, whether or not a file is there now.
    /// </summary>
    public static NewLedgerFile At(string path) => new(DatabaseTarget.Parse(path).Value, path);

    /// <summary>Where the file is built until it is published.</summary>
    public string BuildingPath => _building;

    /// <summary>
    /// A new ledger for <paramref name="target"/>, or null when it is on PostgreSQL or its file exists.
    /// </summary>
    public static NewLedgerFile? For(DatabaseTarget target) =>
        target.SqlitePath is { } path && !File.Exists(path) ? new NewLedgerFile(target, path) : null;

    /// <summary>
    /// Moves the complete ledger (every connection to it closed) into place, unless a file is there
    /// by now: then it is discarded and the answer is false. The move is a hard link (link(2)), which
    /// fails rather than replaces an existing file, so the check and the move are one step; a rename
    /// would replace a file that appeared in between.
    /// </summary>
    public bool Publish()
    {
        ForgetReaders();
        if (!OperatingSystem.IsWindows() && HardLink.TryCreate(_building, Path) is { } linked)
        {
            if (!linked)
            {
                Discard();
                return false;
            }
            File.Delete(_building);
            return true;
        }
        // Without hard links (Windows, or a file system that has none) the check and the move are two steps.
        try
        {
            File.Move(_building, Path, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(Path))
        {
            Discard();
            return false;
        }
    }

    /// <summary>Moves the complete file into place, replacing what is there (a rename: atomic).</summary>
    public void Replace()
    {
        ForgetReaders();
        File.Move(_building, Path, overwrite: true);
    }

    /// <summary>
    /// Removes the empty write-ahead log and shared memory a read-only look at the file leaves; a log
    /// that holds pages would mean a connection is still open, which is a bug.
    /// </summary>
    private void ForgetReaders()
    {
        var log = new FileInfo(_building + "-wal");
        if (log.Exists && log.Length > 0)
            throw new InvalidOperationException($"{_building} is still open: its write-ahead log would be left behind");
        log.Delete();
        File.Delete(_building + "-shm");
    }

    /// <summary>Deletes the ledger being built, never the file at <see cref="Path"/>.</summary>
    public void Discard() => LedgerDatabase.DeleteSqliteFile(_building);
}
