namespace Mainstay.Data.Files;

/// <summary>A row of a file: its trimmed cells and the line (or spreadsheet row) it starts on.</summary>
public sealed record TextRow(int Line, string[] Cells);

/// <summary>A table read from a file, before any meaning is given to its cells.</summary>
/// <param name="Name">The file's name as shown in messages.</param>
public sealed record TextTable(string Name, string[] Header, IReadOnlyList<TextRow> Rows);
