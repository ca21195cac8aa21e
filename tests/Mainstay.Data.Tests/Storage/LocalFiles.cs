using System.Diagnostics;

namespace Mainstay.Data.Tests.Storage;

/// <summary>Files with unusual properties, for the tests of faults: pipes, and files even root cannot write.</summary>
public static class LocalFiles
{
    /// <summary>A named pipe: who reads it waits until the test writes, which lets a test act in between.</summary>
    public static string Pipe(string folder, string name)
    {
        var path = Path.Combine(folder, name);
        Run("mkfifo", path);
        return path;
    }

    /// <summary>
    /// Makes files and folders unwritable, for root too (the tests run as root on the build machine,
    /// where permissions alone stop nothing): immutable for root, read-only otherwise.
    /// </summary>
    public static IDisposable Protect(params string[] paths)
    {
        var root = Environment.UserName == "root";
        Run(root ? "chattr" : "chmod", [root ? "+i" : "a-w", .. paths]);
        return new Undo(() => Run(root ? "chattr" : "chmod", [root ? "-i" : "u+w", .. paths]));
    }

    private static void Run(string program, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.ShouldBe(0, $"{program} {string.Join(' ', args)}: {error}");
    }

    private sealed class Undo(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }
}
