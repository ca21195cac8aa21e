using Mainstay.Data.Access;

namespace Mainstay.Data.Tests.Access;

/// <summary><c>mainstay user</c> and the user directory behind it, on both databases.</summary>
public sealed class UserCommandTests
{
    private const string Password = "correct horse battery staple";

    private static async Task<TestLedger> WithNationsAsync(string database)
    {
        var ledger = await TestLedger.CreateAsync(database);
        ledger.WriteFile("nations.csv", "code,name,role,currency\nPL,Poland,ally,PLN\nUA,Ukraine,recipient,UAH\n");
        (await ledger.RunAsync("import", "./nations.csv")).Exit.ShouldBe(0);
        return ledger;
    }

    [Theory, MemberData(nameof(TestLedger.Databases), MemberType = typeof(TestLedger))]
    public async Task Users_are_added_listed_and_disabled_and_every_change_is_audited(string database)
    {
        await using var ledger = await WithNationsAsync(database);

        (await ledger.RunWithInputAsync(Password, "user", "add", "anna", "--role", "coordinator", "--user",
            "admin")).Out.ShouldContain("Added anna, coordinator.");
        (await ledger.RunWithInputAsync(Password, "user", "add", "piotr", "--role", "donor-desk", "--nation",
            "PL")).Exit.ShouldBe(0);
        var disable = await ledger.RunAsync("user", "disable", "anna");
        var list = await ledger.RunAsync("user", "list");

        disable.Out.ShouldBe("Disabled anna.\n");
        list.Out.ShouldContain("anna                     coordinator              disabled");
        list.Out.ShouldContain("piotr                    donor-desk of PL         active");
        await using var db = await ledger.OpenAsync();
        var users = new UserDirectory(db, ledger.Clock);
        (await users.SignInAsync("anna", Password)).ShouldBeNull(); // disabled
        (await users.SignInAsync("piotr", Password))!.Nation.ShouldBe("PL");
        (await users.SignInAsync("piotr", "wrong password here")).ShouldBeNull();
        (await users.SignInAsync("nobody", Password)).ShouldBeNull();
        var audit = await db.ScalarAsync("SELECT COUNT(*) FROM audit_log WHERE entity = 'users'", default);
        Convert.ToInt64(audit, System.Globalization.CultureInfo.InvariantCulture).ShouldBe(3);
        var trail = await db.ScalarAsync("SELECT after FROM audit_log WHERE entity = 'users' ORDER BY seq LIMIT 1",
            default);
        trail.ShouldBe("{\"name\":\"anna\",\"role\":\"coordinator\",\"nation\":\"\",\"disabled\":\"no\"}");
        (await ledger.RunAsync("audit", "verify")).Exit.ShouldBe(0);
    }

    [Theory]
    [InlineData("piotr", "donor-desk", null, Password, "--nation: a donor-desk acts for one nation: give --nation")]
    [InlineData("anna", "auditor", "PL", Password, "--nation: an auditor acts for no single nation")]
    [InlineData("olena", "recipient-officer", "XX", Password, "--nation: unknown nation \"XX\"")]
    [InlineData("bad name", "auditor", null, Password, "NAME: a user name is 1 to 64 letters")]
    [InlineData("anna", "auditor", null, "short", "password: a password needs at least 12 characters, got 5")]
    [InlineData("anna", "auditor", null, "Password1234",
        "password: this password is a common password, or a short piece repeated, with at "
            + "most digits or symbols added")]
    [InlineData("anna", "auditor", null, "!!iloveyou2026", "password: this password is a common password")]
    [InlineData("anna", "auditor", null, "123456789012", "password: this password is a common password")]
    [InlineData("anna", "auditor", null, "abcabcabcabc",
        "password: this password is a common password, or a short piece repeated")]
    [InlineData("anna", "auditor", null, "monkeymonkey",
        "password: this password is a common password, or a short piece repeated")]
    [InlineData("anna", "auditor", null, "qwertyuiopasdf",
        "password: this password is a run of the keyboard or the alphabet")]
    [InlineData("anna", "auditor", null, "lmnopqrstuvw",
        "password: this password is a run of the keyboard or the alphabet")]
    [InlineData("anna", "auditor", null, "anna's password", "password: the password contains the user name")]
    public async Task Bad_users_are_refused_and_nothing_is_added(
        string name, string role, string? nation, string password, string expected)
    {
        await using var ledger = await WithNationsAsync("sqlite");
        var before = await LedgerState.FingerprintAsync(ledger);
        string[] args = nation is null ? ["user", "add", name, "--role", role]
            : ["user", "add", name, "--role", role, "--nation", nation];

        var run = await ledger.RunWithInputAsync(password, args);

        run.Exit.ShouldBe(2);
        run.Error.ShouldContain(expected);
        (await ledger.RunAsync("user", "list")).Out.ShouldBeEmpty();
        (await LedgerState.FingerprintAsync(ledger)).ShouldBe(before);
    }

    [Fact]
    public async Task A_second_user_of_the_same_name_is_refused()
    {
        await using var ledger = await WithNationsAsync("sqlite");
        (await ledger.RunWithInputAsync(Password, "user", "add", "anna", "--role", "auditor")).Exit.ShouldBe(0);

        var again = await ledger.RunWithInputAsync(Password, "user", "add", "anna", "--role", "coordinator");

        again.Exit.ShouldBe(2);
        again.Error.ShouldContain("NAME: there is already a user \"anna\"");
    }

    [Theory, MemberData(nameof(TestLedger.Databases), MemberType = typeof(TestLedger))]
    public async Task A_token_is_shown_once_stored_hashed_and_stops_working_when_revoked_expired_or_its_user_disabled(
        string database)
    {
        await using var ledger = await WithNationsAsync(database);
        (await ledger.RunWithInputAsync(Password, "user", "add", "piotr", "--role", "donor-desk", "--nation",
            "PL")).Exit.ShouldBe(0);

        var made = await ledger.RunAsync("user", "token", "piotr", "--expires-days", "30");
        var other = (await ledger.RunAsync("user", "token", "piotr")).Out.Trim();

        made.Exit.ShouldBe(0, made.Error);
        var token = made.Out.Trim();
        token.ShouldMatch("^mst_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$");
        made.Error.ShouldContain("valid until 2026-12-22 09:00 UTC. Copy it now: it is not shown again.");
        await using var db = await ledger.OpenAsync();
        (await db.ScalarAsync("SELECT COUNT(*) FROM api_tokens WHERE token_hash LIKE '%' || @t || '%'", default, null,
            ("t", token[17..]))).ShouldBe(0L);
        var users = new UserDirectory(db, ledger.Clock);
        (await users.AuthenticateAsync(token)).Value.Name.ShouldBe("piotr");
        (await users.AuthenticateAsync(token + "x")).Problem!.Message.ShouldBe("unknown API token");

        ledger.Clock.Now = ledger.Clock.Now.AddDays(31);
        (await users.AuthenticateAsync(token)).Problem!.Message.ShouldStartWith(
            $"API token {token[4..16]} expired on 2026-12-22");
        (await users.AuthenticateAsync(other)).IsOk.ShouldBeTrue();

        (await ledger.RunAsync("user", "revoke", other[4..16])).Out.ShouldBe(
            $"Revoked token {other[4..16]} of piotr.\n");
        (await users.AuthenticateAsync(other)).Problem!.Message.ShouldBe($"API token {other[4..16]} was revoked");

        var third = (await ledger.RunAsync("user", "token", "piotr")).Out.Trim();
        (await ledger.RunAsync("user", "disable", "piotr")).Exit.ShouldBe(0);
        (await users.AuthenticateAsync(third)).Problem!.Message.ShouldBe(
            $"the user of API token {third[4..16]} is disabled");
        (await ledger.RunAsync("user", "token", "piotr")).Error.ShouldContain("user \"piotr\" is disabled");
        var list = (await ledger.RunAsync("user", "list")).Out;
        list.ShouldContain("disabled  1 usable token(s) of 3"); // usable in itself, but its user is disabled
        list.ShouldContain($"{token[4..16]} (expired)");
        list.ShouldContain($"{other[4..16]} (revoked)");
        list.ShouldContain($"  {third[4..16]}");
    }

    [Fact]
    public async Task A_password_is_changed_only_to_an_uncommon_one_and_the_change_is_audited()
    {
        await using var ledger = await WithNationsAsync("sqlite");
        (await ledger.RunWithInputAsync(Password, "user", "add", "anna", "--role", "coordinator")).Exit.ShouldBe(0);

        var common = await ledger.RunWithInputAsync("Password1234", "user", "password", "anna");
        var nobody = await ledger.RunWithInputAsync("a much better passphrase", "user", "password", "nobody");
        var changed = await ledger.RunWithInputAsync("a much better passphrase", "user", "password", "anna", "--user",
            "admin");

        common.Exit.ShouldBe(2);
        common.Error.ShouldContain("password: this password is a common password");
        nobody.Exit.ShouldBe(2);
        nobody.Error.ShouldContain("NAME: no user \"nobody\"");
        changed.Exit.ShouldBe(0, changed.Error);
        changed.Out.ShouldBe("Changed the password of anna; their web sessions are ended.\n");
        await using var db = await ledger.OpenAsync();
        var users = new UserDirectory(db, ledger.Clock);
        (await users.SignInAsync("anna", Password)).ShouldBeNull();
        (await users.SignInAsync("anna", "a much better passphrase"))!.Name.ShouldBe("anna");
        (await db.ScalarAsync("SELECT actor FROM audit_log WHERE entity = 'users' ORDER BY seq DESC LIMIT 1",
            default)).ShouldBe("admin");
        (await ledger.RunAsync("audit", "verify")).Exit.ShouldBe(0);
    }
}
