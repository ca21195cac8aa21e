namespace Mainstay.Problems;

/// <summary>
/// An expected failure: what went wrong, where, and why. Printed as <c>where: field: message</c>,
/// e.g. <c>offers.csv:17: quantity: expected an integer &gt; 0, got "-5"</c>.
/// </summary>
/// <param name="Where">The place: <c>file:line</c>, a file, or a command argument.</param>
/// <param name="Field">The column or option concerned; empty when the problem is the whole place.</param>
/// <param name="Message">Why, in words a user can act on.</param>
/// <param name="Kind">Whether the input was bad or the machine failed (which decides a command's exit status).</param>
public sealed record Problem(string Where, string Field, string Message, ProblemKind Kind = ProblemKind.BadInput)
{
    /// <summary>
    /// The table of the one ledger row the problem is about, when it is about one (a contribution that
    /// cannot be valued): what decides who may read it. Null: about no single row.
    /// </summary>
    public Mainstay.Ledger.LedgerTable? About { get; init; }

    /// <summary>The problem as one line, whatever characters the file or the user put in it.</summary>
    public override string ToString() => VisibleText.Escape(
        Field.Length == 0 ? $"{Where}: {Message}" : $"{Where}: {Field}: {Message}");
}

/// <summary>What a problem is owed to.</summary>
public enum ProblemKind
{
    /// <summary>What the user gave is wrong: a file, a request, an option (exit status 2).</summary>
    BadInput,

    /// <summary>The machine failed: a database unreachable, locked, full or damaged (exit status 1).</summary>
    RunTimeFailure,
}

/// <summary>Thrown only to carry expected problems out of deep call stacks to one handler.</summary>
public sealed class ProblemException(IReadOnlyList<Problem> problems)
    : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<Problem> Problems { get; } = problems;

    public ProblemException(Problem problem) : this([problem]) { }
}
