using Mainstay.Data.Tests;

namespace Mainstay.Cli.Tests;

/// <summary>
/// What a file holds is echoed into messages visibly: its control characters cannot end a line or drive the terminal.
/// </summary>
public sealed class MessageTests
{
    [Fact]
    public async Task Control_characters_from_a_file_are_escaped_in_its_problems()
    {
        await using var ledger = await TestLedger.CreateAsync("sqlite");
        ledger.WriteFile("nations.csv", "code,name,role,currency\nDE,Germany,ally,EU\u0001X\u001b[2J\n");

        var run = await ledger.RunAsync("import", "./nations.csv");

        run.Exit.ShouldBe(2);
        run.Error.ShouldContain("""nations.csv:2: currency: unknown currency "EU\u0001X\u001b[2J";""");
        run.Error.ShouldNotContain("\u0001");
        run.Error.ShouldNotContain("\u001b");
    }

    [Fact]
    public void A_problem_is_one_line_whatever_it_quotes()
    {
        var problem = new Mainstay.Problems.Problem("offers.csv:3", "conditions", "got \"a\nb\u202ec\"");

        problem.ToString().ShouldBe("offers.csv:3: conditions: got \"a\\u000ab\\u202ec\"");
    }
}
