using System.Runtime.InteropServices;
using System.Text;

namespace Mainstay.Data.Storage;

/// <summary>
/// POSIX link(2): gives a file a second name, and fails if that name exists. .NET has no call for it,
/// and its File.Move without overwrite checks for the target and then renames, in two steps.
/// </summary>
internal static class HardLink
{
    private const int AlreadyExists = 17; // EEXIST, on Linux and macOS alike

    /// <summary>
    /// True when linked, false when <paramref name="created"/> exists, null when hard links are not to be had here.
    /// </summary>
    public static bool? TryCreate(string existing, string created)
    {
        try
        {
            if (Link(Encode(existing), Encode(created)) == 0)
                return true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
        var error = Marshal.GetLastPInvokeError();
        return error == AlreadyExists ? false : null;
    }

    private static byte[] Encode(string path) => Encoding.UTF8.GetBytes(Path.GetFullPath(path) + "\0");

    [DllImport("libc", EntryPoint = "link", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Link(byte[] existing, byte[] created);
}
