using Mainstay.Access;

namespace Mainstay.Tests.Access;

public sealed class PasswordHashTests
{
    [Fact]
    public void A_password_verifies_against_its_own_hash_only()
    {
        var stored = PasswordHash.Hash("correct horse battery staple", iterations: 1_000);

        stored.ShouldStartWith("pbkdf2-sha256$1000$");
        PasswordHash.Verify("correct horse battery staple", stored).ShouldBeTrue();
        PasswordHash.Verify("correct horse battery stapl", stored).ShouldBeFalse();
        PasswordHash.Hash("correct horse battery staple", iterations: 1_000)
            .ShouldNotBe(stored); // a fresh salt each time
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain-text-password")]
    [InlineData("pbkdf2-sha256$0$AAAA$AAAA")]
    [InlineData("pbkdf2-sha256$1000$not base64!$AAAA")]
    [InlineData("md5$1000$AAAA$AAAA")]
    public void A_malformed_stored_hash_never_verifies(string stored) =>
        PasswordHash.Verify("anything", stored).ShouldBeFalse();

    [Fact]
    public void The_default_cost_is_OWASPs_and_short_passwords_are_refused()
    {
        PasswordHash.Hash("correct horse battery staple").ShouldStartWith("pbkdf2-sha256$600000$");
        PasswordHash.Weakness("eleven char").ShouldBe("a password needs at least 12 characters, got 11");
        PasswordHash.Weakness("twelve chars").ShouldBeNull();
    }

    [Fact]
    public void A_token_carries_its_id_and_is_stored_as_a_hash()
    {
        var (id, token) = TokenSecret.New();

        token.ShouldStartWith($"mst_{id}_");
        TokenSecret.IdOf(token).ShouldBe(id);
        TokenSecret.HashOf(token).ShouldNotContain(token);
        TokenSecret.HashOf(token).Length.ShouldBe(64);
        TokenSecret.IdOf("Bearer xyz").ShouldBeNull();
        TokenSecret.New().Token.ShouldNotBe(token);
    }
}
