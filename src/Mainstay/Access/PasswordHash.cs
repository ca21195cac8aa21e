using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Mainstay.Access;

/// <summary>
/// Passwords stored as PBKDF2 with HMAC-SHA-256, a random 16-byte salt and 600,000 iterations
/// (OWASP's 2023 recommendation), written <c>pbkdf2-sha256$iterations$salt$hash</c> in base64 so the
/// cost can be raised later without invalidating stored hashes.
/// </summary>
public static class PasswordHash
{
    public const int DefaultIterations = 600_000;
    public const int MinimumLength = 12;
    private const string Scheme = "pbkdf2-sha256";
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    public static string Hash(string password, int iterations = DefaultIterations)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(
            Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, HashBytes);
        return string.Join(
            '$', Scheme, iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt),
            Convert.ToBase64String(hash));
    }

    /// <summary>
    /// Whether <paramref name="password"/> matches <paramref name="stored"/>, in time that does not depend on where
    /// they differ.
    /// </summary>
    public static bool Verify(string password, string stored)
    {
        var parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != Scheme
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations)
                || iterations < 1)
            return false;
        byte[] salt, expected;
        try
        {
            salt = Convert.FromBase64String(parts[2]);
            expected = Convert.FromBase64String(parts[3]);
        }
        catch (FormatException)
        {
            return false;
        }
        var actual = Rfc2898DeriveBytes.Pbkdf2(
            Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>Why a new password is not acceptable, or null.</summary>
    public static string? Weakness(string password) =>
        password.Length < MinimumLength
            ? $"a password needs at least {MinimumLength} characters, got {password.Length}"
            : null;
}
