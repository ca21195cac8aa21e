using Mainstay.Ledger;

namespace Mainstay.Tests.Ledger;

public sealed class CodeScopeTests
{
    [Fact]
    public void A_star_allows_anyone()
    {
        CodeScope.TryParse("*", out var scope, out _).ShouldBeTrue();
        scope.IsAny.ShouldBeTrue();
        scope.Allows("UA").ShouldBeTrue();
    }

    [Fact]
    public void A_list_allows_only_its_codes_counting_repeats_once()
    {
        CodeScope.TryParse("UA; MD;UA", out var scope, out _).ShouldBeTrue();
        scope.Allows("MD").ShouldBeTrue();
        scope.Allows("GE").ShouldBeFalse();
        scope.Allows("ua").ShouldBeFalse();
        scope.ToString().ShouldBe("MD;UA");
        scope.ShouldBe(CodeScope.Only(["MD", "UA"]));
    }

    [Theory]
    [InlineData("", "expected * or a ;-separated list")]
    [InlineData("UA;;MD", "expected * or a ;-separated list")]
    [InlineData("UA;", "expected * or a ;-separated list")]
    [InlineData("UA;*", "* means any recipient and cannot stand in a list")]
    public void Empty_or_mixed_lists_are_refused(string text, string why)
    {
        CodeScope.TryParse(text, out _, out var message).ShouldBeFalse();
        message.ShouldContain(why);
    }
}
