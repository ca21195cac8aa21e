using Mainstay.Access;
using Mainstay.Data.Demo;
using Mainstay.Data.Files;
using Mainstay.Data.Import;
using Mainstay.Data.Ledger;
using Mainstay.Data.Ledger.Rows;
using Mainstay.Data.Storage;
using Mainstay.Problems;

namespace Mainstay.Data.Tests.Ledger;

/// <summary>
/// A one-row edit is checked on the stored rows it can touch, not on whole tables: the verdict must be
/// the one the whole tables give, for every kind of edit, writer and table.
/// </summary>
public sealed class EditNeighbourhoodTests
{
    private static readonly LedgerKind[] Edited =
    [
        LedgerKinds.Offers, LedgerKinds.Requirements, LedgerKinds.Pledges, LedgerKinds.Contributions,
        LedgerKinds.Deliveries, LedgerKinds.Nations, LedgerKinds.Items, LedgerKinds.Gdp, LedgerKinds.Baselines,
        LedgerKinds.Coalitions, LedgerKinds.AnnualRates,
    ];

    [Theory]
    [MemberData(nameof(TestLedger.Databases), MemberType = typeof(TestLedger))]
    public async Task A_one_row_edit_gets_the_verdict_whole_tables_would_give(string database)
    {
        await using var ledger = await TestLedger.CreateAsync(database);
        await using var db = await ledger.OpenAsync();
        (await LedgerImport.ApplyAsync(db, DemoScenario.Build(), "demo", ledger.Clock)).Problems.ShouldBeEmpty();
        var tables = new Dictionary<LedgerKind, SortedDictionary<string, string[]>>();
        foreach (var kind in LedgerKinds.All)
            tables[kind] = await LedgerTables.LoadAsync(db, kind, null, CancellationToken.None);
        User?[] writers =
        [
            null,
            new("desk", Role.DonorDesk, "PL", false, ledger.Clock.Now),
            new("officer", Role.RecipientOfficer, "UA", false, ledger.Clock.Now),
        ];
        var random = new Random(20261202);
        var (compared, refused) = (0, 0);
        for (var trial = 0; trial < 400; trial++)
        {
            var kind = Edited[random.Next(Edited.Length)];
            var rows = tables[kind].Values.ToArray();
            var (key, cells) = RandomEdit(kind, rows, tables, random);
            var problems = new List<Problem>();
            string[]? canonical = null;
            if (cells is not null)
            {
                var header = kind.Columns.Select(c => c.Name).ToArray();
                var valid = TableValidation.Validate(
                    kind, new TextTable("request", header, [new TextRow(1, cells)]), problems, rowsOnly: true);
                if (problems.Count > 0 || kind.KeyOf(valid[0].Cells) != key)
                    continue;
                canonical = valid[0].Cells;
            }
            var writer = writers[random.Next(writers.Length)];
            var table = new ValidatedTable(
                "request", kind, canonical is null ? [] : [new SourcedRow("request", canonical)],
                CheckedTogether: false)
            {
                OnlyKeys = new HashSet<string>([key], StringComparer.Ordinal),
            };
            var options = new ImportOptions { AllowRemovals = true, Viewer = writer, DryRun = true };
            await using var transaction = await db.BeginWriteAsync(CancellationToken.None);
            var around = await EditNeighbourhood.LoadAsync(db, transaction, kind, key, canonical,
                CancellationToken.None);
            var scoped = await LedgerImport.ApplyInAsync(
                db, transaction, [table], "test", ledger.Clock, options, scoped: around.Tables);
            var whole = await LedgerImport.ApplyInAsync(db, transaction, [table], "test", ledger.Clock, options);
            await transaction.RollbackAsync();

            var what = $"trial {trial}: {kind.Name} {key} by {writer?.Describe() ?? "the operator"}";
            scoped.Problems.ShouldBe(whole.Problems, what);
            scoped.Changes.Select(Counts).ShouldBe(whole.Changes.Select(Counts), what);
            around.Stored.ShouldBe(tables[kind].GetValueOrDefault(key), what);
            around.Tables[kind].Count.ShouldBeLessThan(Math.Max(50, tables[kind].Count / 4), what);
            compared++;
            refused += whole.Ok ? 0 : 1;
        }
        compared.ShouldBeGreaterThan(250);
        refused.ShouldBeGreaterThan(30); // the trials reach the checks between rows and tables, not only clean edits
        (compared - refused).ShouldBeGreaterThan(30);
    }

    private static (int, int, int, int) Counts(TableChange change) =>
        (change.Added, change.Changed, change.Removed, change.Unchanged);

    /// <summary>
    /// A change of one cell to a value taken from the ledger (another row's, a key of the table the column
    /// names, or one no row has), a removal, or a copy of a row under a new or an existing key.
    /// </summary>
    private static (string Key, string[]? Cells) RandomEdit(
        LedgerKind kind, string[][] rows, Dictionary<LedgerKind, SortedDictionary<string, string[]>> tables,
        Random random)
    {
        var row = rows[random.Next(rows.Length)];
        switch (random.Next(4))
        {
            case 0:
                return (kind.KeyOf(row), null);
            case 1:
                string[] copy = [.. row];
                copy[0] = random.Next(2) == 0 ? copy[0] + "-X" + random.Next(100) : copy[0];
                return (kind.KeyOf(copy), copy);
            default:
                string[] changed = [.. row];
                var column = random.Next(kind.KeyColumns, kind.Columns.Count);
                changed[column] = kind.Columns[column].RowOf is { } target && random.Next(3) > 0
                    ? random.Next(4) == 0
                        ? "PL-NOT-THERE"
                        : random.Next(5) == 0 ? "" : PickKey(tables[LedgerKinds.Find(target)!], random)
                    : rows[random.Next(rows.Length)][column];
                return (kind.KeyOf(changed), changed);
        }
    }

    private static string PickKey(SortedDictionary<string, string[]> table, Random random) =>
        table.Count == 0 ? "" : table.Keys.ElementAt(random.Next(table.Count));
}
