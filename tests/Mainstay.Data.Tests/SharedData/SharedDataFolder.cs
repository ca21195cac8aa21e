namespace Mainstay.Data.Tests.SharedData;

/// <summary>
/// The public reference data beside the project (<c>../shared/data</c>). Where it is absent (a
/// user's fresh clone) the tests that need it are skipped with this reason; in CI they fail.
/// </summary>
public static class SharedDataFolder
{
    public static string File(params string[] parts)
    {
        var root = AppContext.BaseDirectory;
        while (root is not null && !System.IO.File.Exists(Path.Combine(root, "Mainstay.slnx")))
            root = Path.GetDirectoryName(root);
        var path = root is null ? null : Path.GetFullPath(Path.Combine([root, "..", "shared", "data", .. parts]));
        if (path is not null && System.IO.File.Exists(path))
            return path;
        var why = $"SHARED DATA MISSING: {Path.Combine(parts)} not found beside the project (../shared/data)";
        if (Environment.GetEnvironmentVariable("CI") == "true")
            Assert.Fail(why);
        Assert.Skip(why);
        return "";
    }
}
