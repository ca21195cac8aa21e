namespace Mainstay.Data.Files;

/// <summary>A row of a file: its trimmed cells and the line (or spreadsheet row) it starts on.</summary>
public sealed record TextRow(int Line, string[] Cells);

/// <summary>A table read from a file, before any meaning is given to its cells.</summary>
/// <param name="Name">The file's name as shown in messages.</param>
public sealed record TextTable(string Name, string[] Header, IReadOnlyList<TextRow> Rows)
{
    /// <summary>
    /// Rows of a published file that Mainstay cannot use and leaves out, one line per reason with
    /// its count (<c>42 rows before 1950: ...</c>); the import prints them.
    /// </summary>
    public IReadOnlyList<string> Skipped { get; init; } = [];

    /// <summary>The problem of a row with fewer fields than <paramref name="expected"/>, or null.</summary>
    public static Mainstay.Problems.Problem? CutShort(string where, int fields, int expected) =>
        fields < expected ? new(where, "", $"expected {expected} fields, got {fields}; is the line cut short?") : null;
}
