namespace Mainstay.Cli.Commands;

/// <summary>
/// The files of one export, written beside their places and moved into place only once every one of
/// them is complete, so a failed export leaves the files and folders as they were. A folder that
/// does not exist yet is written whole under another name and renamed, which is atomic.
/// </summary>
internal sealed class StagedFiles : IDisposable
{
    private readonly List<(string Staged, string Final)> _files = [];
    private readonly string? _stagingFolder;
    private readonly string? _newFolder;
    private bool _committed;

    private StagedFiles(string? stagingFolder, string? newFolder)
    {
        _stagingFolder = stagingFolder;
        _newFolder = newFolder;
    }

    private static string Tag() => $".export-{Guid.NewGuid():N}"[..16];

    /// <summary>Files that go into <paramref name="folder"/>; it is created only if the export succeeds.</summary>
    public static StagedFiles InFolder(string folder)
    {
        var full = Path.GetFullPath(folder);
        if (Directory.Exists(full))
            return new StagedFiles(Directory.CreateDirectory(Path.Combine(full, Tag())).FullName, null);
        var parent = Directory.CreateDirectory(
            Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(full))!).FullName;
        var staging = Path.Combine(parent, Tag() + "-" + Path.GetFileName(Path.TrimEndingDirectorySeparator(full)));
        return new StagedFiles(Directory.CreateDirectory(staging).FullName, full);
    }

    /// <summary>Files each staged beside its own place.</summary>
    public static StagedFiles Beside() => new(null, null);

    /// <summary>
    /// Where to write the file that will end up at <paramref name="final"/>; its name keeps the extension.
    /// </summary>
    public string Stage(string final)
    {
        var staged = _stagingFolder is not null
            ? Path.Combine(_stagingFolder, Path.GetFileName(final))
            : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(final))!, Tag() + "-" + Path.GetFileName(final));
        _files.Add((staged, final));
        return staged;
    }

    /// <summary>
    /// Moves every staged file into place. A new folder appears at once; into an existing folder the
    /// files move one by one, and <paramref name="moved"/> learns each, so a failure midway can say
    /// which were replaced.
    /// </summary>
    public void Commit(Action<string> moved)
    {
        if (_newFolder is not null)
        {
            Directory.Move(_stagingFolder!, _newFolder);
            _committed = true;
            foreach (var (_, final) in _files)
                moved(final);
            return;
        }
        foreach (var (staged, final) in _files)
        {
            File.Move(staged, final, overwrite: true);
            moved(final);
        }
        _committed = true;
        if (_stagingFolder is not null)
            Directory.Delete(_stagingFolder, recursive: true);
    }

    /// <summary>Removes what was staged and not moved into place.</summary>
    public void Dispose()
    {
        if (_committed)
            return;
        try
        {
            if (_stagingFolder is not null)
            {
                if (Directory.Exists(_stagingFolder))
                    Directory.Delete(_stagingFolder, recursive: true);
                return;
            }
            foreach (var (staged, _) in _files)
            {
                File.Delete(staged);
                File.Delete(staged + ".partial");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // What cannot be removed is named by a dot and an export tag; it never replaces a file.
        }
    }
}
