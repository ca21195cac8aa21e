namespace Mainstay.Web.Hosting;

/// <summary>
/// Locks an account's sign-in for <see cref="LockTime"/> after <see cref="MaxFailures"/> failed
/// attempts within <see cref="Window"/>, from whatever addresses (the per-address rate limit does
/// not stop a guesser with many addresses). Names that are no user's are counted alike, so a
/// lock-out tells nothing about which names exist. Kept in the server's memory: a restart forgets.
/// </summary>
public sealed class SignInLockout(TimeProvider clock)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan LockTime = TimeSpan.FromMinutes(15);

    /// <summary>Names tracked at most; past that, entries whose window has passed are dropped first.</summary>
    private const int MaxTracked = 10_000;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, (int Failures, DateTimeOffset Since, DateTimeOffset LockedUntil)> _accounts = new(StringComparer.Ordinal);

    /// <summary>How long <paramref name="name"/> is still locked, or null when it may try.</summary>
    public TimeSpan? LockedFor(string name)
    {
        var now = clock.GetUtcNow();
        lock (_lock)
            return _accounts.TryGetValue(name, out var account) && account.LockedUntil > now ? account.LockedUntil - now : null;
    }

    /// <summary>Counts a failed attempt; how long the account is locked from now on, or null.</summary>
    public TimeSpan? Failed(string name)
    {
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            if (!_accounts.TryGetValue(name, out var account) || now - account.Since > Window)
                account = (0, now, DateTimeOffset.MinValue);
            account.Failures++;
            if (account.Failures >= MaxFailures)
                account = (0, now, now + LockTime);
            if (_accounts.Count >= MaxTracked && !_accounts.ContainsKey(name))
                Prune(now);
            if (_accounts.Count < MaxTracked || _accounts.ContainsKey(name))
                _accounts[name] = account;
            return account.LockedUntil > now ? LockTime : null;
        }
    }

    public void Succeeded(string name)
    {
        lock (_lock)
            _accounts.Remove(name);
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (name, account) in _accounts.ToArray())
            if (account.LockedUntil <= now && now - account.Since > Window)
                _accounts.Remove(name);
    }
}
