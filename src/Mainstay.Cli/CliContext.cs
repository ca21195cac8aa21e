using Mainstay.Problems;

namespace Mainstay.Cli;

/// <summary>Where a command writes and what it may ask of its environment; tests pass their own.</summary>
public sealed record CliContext(
    TextWriter Out, TextWriter Error, TimeProvider Clock, Func<string, string?> Environment, bool Interactive = false,
    TextReader? Input = null)
{
    /// <summary>Standard input, or what a test passes instead.</summary>
    public TextReader In => Input ?? Console.In;

    public const int MaxProblemsShown = 200;

    /// <summary>
    /// Prints problems as <c>where: field: message</c>, one a line, at most <see cref="MaxProblemsShown"/>.
    /// </summary>
    public void Report(IReadOnlyCollection<Problem> problems)
    {
        foreach (var problem in problems.Take(MaxProblemsShown))
            Error.WriteLine(problem);
        if (problems.Count > MaxProblemsShown)
            Error.WriteLine($"... and {problems.Count - MaxProblemsShown} more problems ({problems.Count} in all)");
    }

    /// <summary>
    /// Reports bad input, then how many problems and what that means (<paramref name="consequence"/>); the exit status
    /// for it.
    /// </summary>
    public int Reject(IReadOnlyCollection<Problem> problems, string consequence)
    {
        Report(problems);
        Error.WriteLine($"{problems.Count} problem{(problems.Count == 1 ? "" : "s")}; {consequence}");
        return ExitCode.BadInput;
    }
}

/// <summary>Exit statuses, as the README sets them: 0 done, 1 failure at run time, 2 bad input or usage.</summary>
public static class ExitCode
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int BadInput = 2;
}
