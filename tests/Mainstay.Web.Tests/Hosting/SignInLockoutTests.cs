using Mainstay.Data.Tests;
using Mainstay.Web.Hosting;

namespace Mainstay.Web.Tests.Hosting;

/// <summary>
/// The per-account lock-out cannot be switched off by flooding it with junk names first, and its
/// memory stays bounded; names of no user still lock alike.
/// </summary>
public sealed class SignInLockoutTests
{
    [Fact]
    public void Junk_names_from_many_addresses_do_not_stop_a_users_failures_counting()
    {
        var clock = new FakeClock(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));
        var lockout = new SignInLockout(clock);
        for (var i = 0; i < SignInLockout.MaxOthers + 500; i++)
            lockout.Failed($"junk-{i}", isUser: false);

        TimeSpan? locked = null;
        for (var i = 0; i < SignInLockout.MaxFailures; i++)
            locked = lockout.Failed("coord", isUser: true);

        locked.ShouldBe(SignInLockout.LockTime);
        lockout.LockedFor("coord").ShouldBe(SignInLockout.LockTime);
        lockout.OthersTracked.ShouldBe(SignInLockout.MaxOthers);
    }

    [Fact]
    public void A_name_of_no_user_locks_alike_even_when_the_table_is_full_and_the_oldest_is_forgotten()
    {
        var clock = new FakeClock(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));
        var lockout = new SignInLockout(clock);
        lockout.Failed("first-junk", isUser: false);
        for (var i = 0; i < SignInLockout.MaxOthers; i++)
            lockout.Failed($"junk-{i}", isUser: false);

        TimeSpan? locked = null;
        for (var i = 0; i < SignInLockout.MaxFailures; i++)
            locked = lockout.Failed("nobody", isUser: false);

        locked.ShouldBe(SignInLockout.LockTime);
        lockout.LockedFor("nobody").ShouldBe(SignInLockout.LockTime);
        lockout.OthersTracked.ShouldBe(SignInLockout.MaxOthers);
        clock.Now = clock.Now.AddMinutes(15);
        lockout.LockedFor("nobody").ShouldBeNull();
    }
}
