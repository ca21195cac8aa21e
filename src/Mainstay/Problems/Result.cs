using System.Diagnostics.CodeAnalysis;

namespace Mainstay.Problems;

/// <summary>A value or the problem that prevented it.</summary>
public readonly record struct Result<T>
{
    private readonly T? _value;

    public Problem? Problem { get; }

    private Result(T? value, Problem? problem)
    {
        _value = value;
        Problem = problem;
    }

    [MemberNotNullWhen(false, nameof(Problem))]
    public bool IsOk => Problem is null;

    public T Value => IsOk ? _value! : throw new InvalidOperationException($"No value: {Problem}");

    public static Result<T> Ok(T value) => new(value, null);

    public static Result<T> Fail(Problem problem) => new(default, problem);

    public static implicit operator Result<T>(Problem problem) => Fail(problem);

    public static implicit operator Result<T>(T value) => Ok(value);
}
