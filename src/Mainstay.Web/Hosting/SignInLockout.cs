namespace Mainstay.Web.Hosting;

/// <summary>
/// Locks an account's sign-in for <see cref="LockTime"/> after <see cref="MaxFailures"/> failed
/// attempts within <see cref="Window"/>, from whatever addresses (the per-address rate limit does
/// not stop a guesser with many addresses). Names that are no user's are counted alike, so a
/// lock-out tells nothing about which names exist. Kept in the server's memory: a restart forgets.
/// A user's name is always counted (there are only as many as users); names of no user are kept
/// at most <see cref="MaxOthers"/>, the oldest forgotten first, so junk names sent from many
/// addresses neither grow the memory without end nor stop a real account's failures counting.
/// </summary>
public sealed class SignInLockout(TimeProvider clock)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan LockTime = TimeSpan.FromMinutes(15);

    /// <summary>Names of no user tracked at most; past that, the one whose count began longest ago is forgotten.</summary>
    public const int MaxOthers = 10_000;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Account> _users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Account> _others = new(StringComparer.Ordinal);

    private record struct Account(int Failures, DateTimeOffset Since, DateTimeOffset LockedUntil);

    /// <summary>How many names of no user are being counted (never more than <see cref="MaxOthers"/>).</summary>
    public int OthersTracked
    {
        get
        {
            lock (_lock)
                return _others.Count;
        }
    }

    /// <summary>How long <paramref name="name"/> is still locked, or null when it may try.</summary>
    public TimeSpan? LockedFor(string name)
    {
        var now = clock.GetUtcNow();
        lock (_lock)
            return (_users.TryGetValue(name, out var account) || _others.TryGetValue(name, out account))
                && account.LockedUntil > now
                ? account.LockedUntil - now
                : null;
    }

    /// <summary>
    /// Counts a failed attempt as <paramref name="name"/>, a user's name or not (<paramref name="isUser"/>:
    /// only where it is kept differs, never the answer); how long the name is locked from now on, or null.
    /// </summary>
    public TimeSpan? Failed(string name, bool isUser)
    {
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            var accounts = isUser ? _users : _others;
            if (!accounts.TryGetValue(name, out var account) || now - account.Since > Window)
                account = new(0, now, DateTimeOffset.MinValue);
            account.Failures++;
            if (account.Failures >= MaxFailures)
                account = new(0, now, now + LockTime);
            if (!isUser && _others.Count >= MaxOthers && !_others.ContainsKey(name))
                MakeRoom(now);
            accounts[name] = account;
            return account.LockedUntil > now ? LockTime : null;
        }
    }

    public void Succeeded(string name)
    {
        lock (_lock)
        {
            _users.Remove(name);
            _others.Remove(name);
        }
    }

    /// <summary>Drops the names of no user whose window and lock have passed, or else the oldest one.</summary>
    private void MakeRoom(DateTimeOffset now)
    {
        foreach (var (name, account) in _others.ToArray())
            if (account.LockedUntil <= now && now - account.Since > Window)
                _others.Remove(name);
        if (_others.Count < MaxOthers)
            return;
        var oldest = _others.MinBy(a => a.Value.Since).Key;
        _others.Remove(oldest);
    }
}
