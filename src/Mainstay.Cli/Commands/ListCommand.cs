using System.CommandLine;
using Mainstay.Data.Files;
using Mainstay.Data.Ledger;
using Mainstay.Data.Storage;
using Mainstay.Problems;
using Spectre.Console;

namespace Mainstay.Cli.Commands;

/// <summary><c>mainstay list [KIND]</c>: what the ledger holds.</summary>
public static class ListCommand
{
    public static Command Create(CliContext context)
    {
        var kind = new Argument<string?>("KIND")
        {
            Description = $"The table to show: {LedgerFile.KindNames}. None: how many rows each table holds",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var limit = new Option<int>("--limit")
        {
            Description = "Show at most this many rows",
            DefaultValueFactory = _ => 50,
            HelpName = "N",
        };
        var command = new Command("list", "Show the rows of a ledger table, or a count of every table.");
        command.Arguments.Add(kind);
        command.Options.Add(limit);
        command.SetAction(async (parsed, cancel) =>
        {
            var name = parsed.GetValue(kind);
            var selected = name is null ? null : LedgerKinds.Find(name);
            if (name is not null && selected is null)
            {
                await context.Error.WriteLineAsync(
                    $"KIND: unknown kind \"{name}\"; expected one of {LedgerFile.KindNames}");
                return ExitCode.BadInput;
            }
            if (parsed.GetValue(limit) < 0)
            {
                await context.Error.WriteLineAsync("--limit: expected a number >= 0");
                return ExitCode.BadInput;
            }
            return await CommonOptions.WithLedgerAsync(parsed, context, cancel, async db =>
            {
                var console = AnsiConsole.Create(new AnsiConsoleSettings
                {
                    Out = new AnsiConsoleOutput(context.Out),
                    Ansi = context.Interactive ? AnsiSupport.Detect : AnsiSupport.No,
                    ColorSystem = context.Interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
                });
                if (!context.Interactive)
                    console.Profile.Width = 200;
                var table = new Table().Border(TableBorder.Rounded);
                if (selected is null)
                {
                    table.AddColumn("table").AddColumn(new TableColumn("rows").RightAligned());
                    foreach (var k in LedgerKinds.All)
                        table.AddRow(
                            k.Name,
                            (
                                await LedgerTables.CountAsync(db, k, cancel)).ToString("N0",
                                System.Globalization.CultureInfo.InvariantCulture));
                    console.Write(table);
                    await context.Out.WriteLineAsync(
                        $"{db.Target.Display}, schema version {await db.SchemaVersionAsync(cancel)}");
                    return ExitCode.Ok;
                }
                else
                {
                    var rows = await LedgerTables.LoadAsync(db, selected, null, cancel);
                    foreach (var column in selected.Columns)
                        table.AddColumn(
                            column.Type == ColumnType.Text
                                ? new TableColumn(column.Name)
                                : new TableColumn(column.Name).RightAligned());
                    foreach (var row in rows.Values.Take(parsed.GetValue(limit)))
                        table.AddRow(row.Select(cell => Markup.Escape(VisibleText.Escape(cell))).ToArray());
                    table.Caption(
                        rows.Count > parsed.GetValue(limit)
                            ? $"{parsed.GetValue(limit)} of {rows.Count} {selected.Name} rows"
                            : $"{rows.Count} {selected.Name} rows");
                }
                console.Write(table);
                return ExitCode.Ok;
            }, readOnly: true);
        });
        return command;
    }
}
